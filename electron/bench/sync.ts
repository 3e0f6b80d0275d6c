import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { openKroniek, type KroniekCore } from '../core/app';
import type { StoryContent } from '../core/store/meta';
import { syntheticDoc } from '../core/search/test/synthetic-corpus';
import { ACCOUNTS, startDesk } from '../core/features/sync/test/desk';
import { percentile, round, timed } from './stats';

// `npm run bench -- --sync N` (docs/TEAM-LIBRARY.md, BENCHMARKS.md "Team library"), against the
// CouchDB-protocol test server (express-pouchdb over LevelDB) in a child process on loopback:
//  1. library A with N synthetic stories shares them (first mirroring into its replica, push);
//  2. an empty library B syncs them all, in a fresh process: time and peak resident memory of
//     that process and of the server;
//  3. A and B live: one note edited in A, the time until B's store holds it (p50/p95 of 30);
//  4. both offline, E edits on each side (notes of different stories), then reconciling
//     (A, B, A once each): the time, and every edit checked on both sides.

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATABASE = 'bench';

export function story(index: number): StoryContent {
  const doc = syntheticDoc(index);
  const id = `b${index}`;
  return {
    head: {
      id,
      kind: 'article',
      headline: `${doc.headline.split(' ').slice(0, 8).join(' ')} (${index})`,
      dateline: { place: doc.place, agencies: ['ANP'] },
      section: 'Binnenland',
      ageLabel: null,
      pageId: null,
      fileName: `${id}.txt`,
      sha256: `sha${index}`,
      importedAt: '2026-12-03T00:00:00.000Z',
      contentHash: `hash${index}`,
      warnings: [],
    },
    body: doc.body.split('\n').map((text) => ({ type: 'paragraph' as const, text })),
  };
}

/** The kernel's high-water mark of a process's resident memory (Linux), in MB; null elsewhere. */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid ?? 'self'}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function runChild(bundle: string, args: string[], password: string): Promise<{ ms: number; stories: number; rssPeakMB: number }> {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, KRONIEK_SYNC_PASSWORD: password } });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the syncing process failed (exit ${code})`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { ms: number; stories: number; rssPeakMB: number };
}

function waitFor(core: KroniekCore, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out'));
    }, timeoutMs);
    const off = core.context.store.onChange(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

export interface SyncFigures {
  stories: number;
  shareMs: number;
  initialSyncMs: number;
  initialStoriesPerSec: number;
  clientRssPeakMB: number;
  serverRssPeakMB: number | null;
  propagationP50Ms: number;
  propagationP95Ms: number;
  offlineEditsEachSide: number;
  reconcileMs: number;
  lost: number;
}

export async function benchSync(count: number, log: (text: string) => void): Promise<SyncFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-bench-sync-'));
  // The child runs as one bundle of the real core; npm packages stay in node_modules, so the bundle sits beside them.
  const bundleDir = await mkdtemp(path.join(ROOT, 'node_modules', '.kroniek-bench-sync-'));
  const desk = await startDesk([DATABASE]);
  const url = desk.url(DATABASE);
  const open = (name: string, account: 'anna' | 'ben') =>
    openKroniek({ platform: 'cli', dataDir: path.join(dir, name), indexes: 'lazy', syncCredentials: () => ({ password: ACCOUNTS[account].password }) });
  try {
    const bundle = path.join(bundleDir, 'sync-child.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, 'sync-child.ts')], outfile: bundle, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });

    let a = await open('a', 'anna');
    for (let start = 0; start < count; start += 1_000) {
      await a.context.store.addStories(Array.from({ length: Math.min(1_000, count - start) }, (_, k) => story(start + k)));
    }
    const shared = await timed(() => a.context.sync.connect({ url, user: 'anna' }, { live: false }));
    log(`  A shares ${count} stories (first mirroring into its replica, then the push): ${round(shared.ms)} ms`);
    await a.close();

    const initial = await runChild(bundle, ['--data', path.join(dir, 'b'), '--url', url, '--user', 'ben'], ACCOUNTS.ben.password);
    if (initial.stories !== count) throw new Error(`B has ${initial.stories} stories, not ${count}`);
    const serverPeak = peakRssOf(desk.pid());
    log(
      `  initial sync of ${count} stories into an empty library: ${round(initial.ms)} ms (${Math.round(count / (initial.ms / 1000))} stories/s); peak RSS ${Math.round(initial.rssPeakMB)} MB (its process)` +
        (serverPeak === null ? '' : `, server ${Math.round(serverPeak)} MB (its peak over the whole run so far)`),
    );

    a = await open('a', 'anna');
    const b = await open('b', 'ben');
    try {
      await a.context.sync.connect({ url, user: 'anna' });
      await b.context.sync.connect({ url, user: 'ben' });
      // The sync status is announced on the change feed, not as a store change: polled.
      for (const core of [a, b]) {
        const end = Date.now() + 60_000;
        while (core.context.sync.status().state !== 'synced') {
          if (Date.now() > end) throw new Error(`not synced: ${JSON.stringify(core.context.sync.status())}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      const samples: number[] = [];
      for (let round = 0; round < 30; round++) {
        const id = `b${round}`;
        const note = `Live-notitie ${round}`;
        const start = performance.now();
        const arrived = waitFor(b, () => b.context.store.meta.storyEdits.get(id)?.note === note);
        const answer = await a.dispatch('stories.setNote', { id, note });
        if (!answer.ok) throw new Error(answer.error.message);
        await arrived;
        samples.push(performance.now() - start);
      }
      const p50 = percentile(samples, 50);
      const p95 = percentile(samples, 95);
      log(`  one edit from A to B, live on loopback: p50 ${round(p50)} ms, p95 ${round(p95)} ms (30 edits)`);

      const edits = Math.min(1_000, Math.floor(count / 2));
      await a.context.sync.disconnect();
      await b.context.sync.disconnect();
      for (let k = 0; k < edits; k++) {
        const mine = await a.dispatch('stories.setNote', { id: `b${k}`, note: `Offline A ${k}` });
        const theirs = await b.dispatch('stories.setNote', { id: `b${edits + k}`, note: `Offline B ${k}` });
        if (!mine.ok || !theirs.ok) throw new Error('an offline edit failed');
      }
      const reconcile = await timed(async () => {
        await a.context.sync.connect({ url, user: 'anna' }, { live: false });
        await b.context.sync.connect({ url, user: 'ben' }, { live: false });
        await a.context.sync.syncOnce();
      });
      let lost = 0;
      for (const core of [a, b]) {
        for (let k = 0; k < edits; k++) {
          if (core.context.store.meta.storyEdits.get(`b${k}`)?.note !== `Offline A ${k}`) lost++;
          if (core.context.store.meta.storyEdits.get(`b${edits + k}`)?.note !== `Offline B ${k}`) lost++;
        }
      }
      log(`  ${edits} offline edits on each side reconciled in ${round(reconcile.ms)} ms; lost: ${lost}`);
      return {
        stories: count,
        shareMs: round(shared.ms),
        initialSyncMs: round(initial.ms),
        initialStoriesPerSec: Math.round(count / (initial.ms / 1000)),
        clientRssPeakMB: Math.round(initial.rssPeakMB),
        serverRssPeakMB: serverPeak === null ? null : Math.round(serverPeak),
        propagationP50Ms: round(p50),
        propagationP95Ms: round(p95),
        offlineEditsEachSide: edits,
        reconcileMs: round(reconcile.ms),
        lost,
      };
    } finally {
      await a.close();
      await b.close();
    }
  } finally {
    await desk.stop();
    await rm(bundleDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}
