import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../search/test/synthetic-corpus';
import { LibraryStore } from './library-store';
import { withTempDir } from './test/helpers';

const WRITER_SOURCE = path.join(import.meta.dirname, 'test', 'kill-writer.ts');

// The writer runs as plain JavaScript, bundled once per run with the real store code:
// starting it through tsx for every round (loading tsx and transpiling the store) took
// seconds per round on a busy machine, most of this test's time.
let bundleDir = '';
let WRITER = '';
beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-kill-writer-'));
  WRITER = path.join(bundleDir, 'kill-writer.mjs');
  await build({ entryPoints: [WRITER_SOURCE], outfile: WRITER, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** Starts the writer, lets it run for `ms` after it is ready, SIGKILLs it; returns the edits it acknowledged. */
async function runAndKill(dir: string, ms: number): Promise<number[]> {
  const child = spawn(process.execPath, [WRITER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acked: number[] = [];
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') {
        setTimeout(() => child.kill('SIGKILL'), ms);
        resolve();
      } else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
    });
    child.once('exit', (code) => (code !== null && code !== 0 ? reject(new Error(`writer exited ${code}`)) : undefined));
  });
  await exited;
  return acked;
}

describe('durability under SIGKILL', () => {
  it('always reopens with every acknowledged edit and no stale temp files', async () => {
    await withTempDir(async (dir) => {
      const random = prng(42);
      const rounds = 12;
      const allAcked: number[] = [];
      for (let round = 0; round < rounds; round++) {
        allAcked.push(...(await runAndKill(dir, 5 + Math.floor(random() * 120))));
        const store = await LibraryStore.open(dir);
        for (const i of allAcked) expect(store.meta.taggings.get(`s${i}`), `edit ${i} (round ${round})`).toEqual(['t']);
        for (const i of allAcked.filter((n) => n % 7 === 0)) expect(store.head(`k${i}`), `story k${i}`).toBeDefined();
        const leftovers = [...(await readdir(dir)), ...(await readdir(path.join(dir, 'content')))].filter((name) => name.includes('kroniek-tmp'));
        expect(leftovers).toEqual([]);
        await store.close();
      }
      expect(allAcked.length).toBeGreaterThan(rounds);
    });
  }, 120_000);
});
