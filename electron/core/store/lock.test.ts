import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { acquireFolderLock, LOCK_FILE } from './lock';
import { withTempDir } from './test/helpers';

// A pid no process has (above Linux's pid_max default of 2^22).
const DEAD_PID = 2 ** 22 + 12_345;

async function writeOldLock(dir: string, record: object): Promise<void> {
  const file = path.join(dir, LOCK_FILE);
  await writeFile(file, JSON.stringify(record));
  const old = new Date(Date.now() - 60_000);
  await utimes(file, old, old);
}

describe('the folder lock', () => {
  it('is held by exactly one of many takers started at the same moment', async () => {
    await withTempDir(async (dir) => {
      for (let round = 0; round < 10; round++) {
        const results = await Promise.allSettled(Array.from({ length: 12 }, () => acquireFolderLock(dir)));
        const held = results.filter((result) => result.status === 'fulfilled');
        expect(held, `round ${round}`).toHaveLength(1);
        for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'locked' });
        const record = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string };
        expect(record).toMatchObject({ pid: process.pid, host: os.hostname() });
        await (held[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireFolderLock>>>).value.release();
        await expect(stat(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
      }
    });
  });

  it('never deletes a lock it cannot read: empty, garbage, wrong fields, too large, a folder, a FIFO', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, LOCK_FILE);
      const contents: [string, string][] = [
        ['empty', ''],
        ['garbage', '\u0000\u0001garbage'],
        ['wrong fields', JSON.stringify({ pid: 'x', host: 1 })],
        ['too large', 'x'.repeat(10_000)],
      ];
      for (const [name, content] of contents) {
        await writeOldLock(dir, {});
        await writeFile(file, content);
        await expect(acquireFolderLock(dir, { startupWindowMs: 50 }), name).rejects.toMatchObject({
          code: 'locked',
          message: expect.stringContaining(`The lock file ${file} is damaged`),
        });
        expect(await readFile(file, 'utf8'), name).toBe(content);
      }
      await (await import('node:fs/promises')).rm(file);
      await mkdir(file);
      await expect(acquireFolderLock(dir, { startupWindowMs: 50 })).rejects.toMatchObject({ message: expect.stringMatching(/is damaged \(it is a folder\).*delete/) });
      await (await import('node:fs/promises')).rmdir(file);
      if (process.platform !== 'win32') {
        execFileSync('mkfifo', [file]);
        await expect(acquireFolderLock(dir, { startupWindowMs: 50 })).rejects.toMatchObject({ message: expect.stringContaining('named pipe') });
        expect((await stat(file)).isFIFO()).toBe(true);
      }
    });
  });

  it('never takes over a lock from another computer, however old', async () => {
    await withTempDir(async (dir) => {
      await writeOldLock(dir, { pid: DEAD_PID, host: `not-${os.hostname()}`, startedAt: '2020-01-01T00:00:00.000Z' });
      const before = await readFile(path.join(dir, LOCK_FILE), 'utf8');
      await expect(acquireFolderLock(dir)).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining('never removed automatically') });
      expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(before);
    });
  });

  it('takes over a lock whose process is gone, once it is older than the start-up window', async () => {
    await withTempDir(async (dir) => {
      await writeOldLock(dir, { pid: DEAD_PID, host: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z' });
      const lock = await acquireFolderLock(dir);
      expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      await lock.release();
      // A fresh one (just written, its process gone): waited out, then taken over.
      await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: os.hostname(), startedAt: new Date().toISOString() }));
      const again = await acquireFolderLock(dir, { startupWindowMs: 200 });
      expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      await again.release();
    });
  });

  it('respects a live owner, and release leaves a lock that is not its own', async () => {
    await withTempDir(async (dir) => {
      await writeOldLock(dir, { pid: process.ppid, host: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z' });
      await expect(acquireFolderLock(dir)).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining(`pid ${process.ppid}`) });
      await (await import('node:fs/promises')).rm(path.join(dir, LOCK_FILE));
      const lock = await acquireFolderLock(dir);
      const other = JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: 'x' });
      await writeFile(path.join(dir, LOCK_FILE), other);
      await lock.release();
      expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(other);
    });
  });

  it('lets a command wait for another command, never for the app or the host', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, LOCK_FILE);
      await writeOldLock(dir, { pid: process.ppid, host: os.hostname(), startedAt: 'x', by: 'web' });
      await expect(acquireFolderLock(dir, { by: 'cli', waitForCommandMs: 5_000 })).rejects.toMatchObject({ message: expect.stringContaining('in use (the Kroniek web host, pid') });
      await writeOldLock(dir, { pid: process.ppid, host: os.hostname(), startedAt: 'x', by: 'cli' });
      // The other command ends while this one waits.
      const waiting = acquireFolderLock(dir, { by: 'cli', waitForCommandMs: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await (await import('node:fs/promises')).rm(file);
      const lock = await waiting;
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, by: 'cli' });
      await lock.release();
    });
  });

  it('goes with its process when that dies of an error nothing caught', async () => {
    await withTempDir(async (dir) => {
      const bundle = await mkdtemp(path.join(os.tmpdir(), 'kroniek-lock-holder-'));
      try {
        const holder = path.join(bundle, 'lock-holder.mjs');
        await build({ entryPoints: [path.join(import.meta.dirname, 'test', 'lock-holder.ts')], outfile: holder, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
        const result = spawnSync(process.execPath, [holder, dir], { encoding: 'utf8' });
        expect(result.stdout).toBe('held\n');
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('an error nothing caught');
        await expect(stat(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
      } finally {
        await rm(bundle, { recursive: true, force: true });
      }
    });
  });
});
