import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { openKroniek } from '../core/app';
import { ACCOUNTS, startDesk } from '../core/features/sync/test/desk';
import { round, timed } from './stats';
import { story } from './sync';

// Only the reconcile step of `--sync N` (BENCHMARKS.md "Team library"), for profiling and for
// comparing commits: A shares N stories, B syncs them, both live until synced, both disconnect,
// E note edits on each side, then A, B, A sync once. Prints the time, this process's and the
// server's CPU time during the reconcile, and the edits lost.
//   npx tsx electron/bench/sync-reconcile.ts N [profile.cpuprofile]
// (the profile covers only the timed reconcile, in this process).

const count = Number(process.argv[2] ?? 2000);
const profileFile = process.argv[3];
const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-reconcile-'));
const desk = await startDesk(['bench']);
const url = desk.url('bench');
const open = (name: string, account: 'anna' | 'ben') =>
  openKroniek({ platform: 'cli', dataDir: path.join(dir, name), indexes: 'lazy', syncCredentials: () => ({ password: ACCOUNTS[account].password }) });
try {
  const a = await open('a', 'anna');
  for (let start = 0; start < count; start += 1_000) {
    await a.context.store.addStories(Array.from({ length: Math.min(1_000, count - start) }, (_, k) => story(start + k)));
  }
  await a.context.sync.connect({ url, user: 'anna' }, { live: false });
  const b = await open('b', 'ben');
  await b.context.sync.connect({ url, user: 'ben' }, { live: false });
  // As the bench: both live until the status says synced, then offline.
  await a.context.sync.connect({ url, user: 'anna' });
  await b.context.sync.connect({ url, user: 'ben' });
  const liveStart = performance.now();
  for (const core of [a, b]) {
    while (core.context.sync.status().state !== 'synced') {
      if (performance.now() - liveStart > 300_000) throw new Error('not synced');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const liveMs = round(performance.now() - liveStart);
  const edits = Math.min(1_000, Math.floor(count / 2));
  await a.context.sync.disconnect();
  await b.context.sync.disconnect();
  for (let k = 0; k < edits; k++) {
    const mine = await a.dispatch('stories.setNote', { id: `b${k}`, note: `Offline A ${k}` });
    const theirs = await b.dispatch('stories.setNote', { id: `b${edits + k}`, note: `Offline B ${k}` });
    if (!mine.ok || !theirs.ok) throw new Error('an offline edit failed');
  }
  const session = new Session();
  if (profileFile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const serverCpu = () => {
    try {
      const fields = readFileSync(`/proc/${desk.pid()}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return 0;
    }
  };
  const cpu0 = process.cpuUsage();
  const server0 = serverCpu();
  const reconcile = await timed(async () => {
    await a.context.sync.connect({ url, user: 'anna' }, { live: false });
    await b.context.sync.connect({ url, user: 'ben' }, { live: false });
    await a.context.sync.syncOnce();
  });
  if (profileFile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
  let lost = 0;
  for (const core of [a, b]) {
    for (let k = 0; k < edits; k++) {
      if (core.context.store.meta.storyEdits.get(`b${k}`)?.note !== `Offline A ${k}`) lost++;
      if (core.context.store.meta.storyEdits.get(`b${edits + k}`)?.note !== `Offline B ${k}`) lost++;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ stories: count, edits, liveMs, reconcileMs: round(reconcile.ms), cpuMs: round((cpu.user + cpu.system) / 1000), serverCpuMs: round(serverCpu() - server0), lost }));
  await a.close();
  await b.close();
} finally {
  await desk.stop();
  await rm(dir, { recursive: true, force: true });
}
