import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { withTempDir } from '../store/test/helpers';
import type { WorkerEntry } from '../workers/worker-entry';
import { runningWorkers } from '../workers/worker-exit';
import { importPaths } from './importer';
import { prepareImportPaths, type PrepareOptions, type Prepared } from './prepare-thread';
import { loadNinjsValidators } from './wire/validators/load';

// A large import's files are read and prepared on a thread of their own, shared with the
// importing thread; whatever thread prepares a file, and whether that thread starts, fails
// or dies midway, the import gives the same files in the same order, and the same library.

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const DUTCH = path.join(import.meta.dirname, 'wire', 'test', 'dutch');
const fixture = (name: string): WorkerEntry => ({ url: new URL(`./test/${name}`, import.meta.url), data: {} });

/** A drop folder of every kind: agency files in each format, page text (new, duplicate, Windows-1252), and files that are refused. */
async function makeDrop(dir: string): Promise<string> {
  const drop = path.join(dir, 'drop');
  await mkdir(path.join(drop, 'wire'), { recursive: true });
  for (const format of await readdir(DUTCH, { withFileTypes: true })) {
    if (!format.isDirectory()) continue;
    for (const name of await readdir(path.join(DUTCH, format.name))) await copyFile(path.join(DUTCH, format.name, name), path.join(drop, 'wire', `${format.name}-${name}`));
  }
  const seeds = (await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(seeds.map((name) => readFile(path.join(SEEDS, name), 'utf8')));
  await mkdir(path.join(drop, 'pagina'));
  // Each a new article (its own headline) with the seed's briefs, which are duplicates after the first.
  for (let i = 0; i < 60; i++) {
    const [, ...rest] = texts[i % texts.length]!.split('\n');
    await writeFile(path.join(drop, 'pagina', `${String(i).padStart(3, '0')}.txt`), [`Gemeenteraad neemt besluit over plan ${i} voor de binnenstad`, ...rest].join('\n'));
  }
  await mkdir(path.join(drop, 'dubbel'));
  await copyFile(path.join(SEEDS, seeds[0]!), path.join(drop, 'dubbel', 'zelfde.txt'));
  await writeFile(path.join(drop, 'ansi.txt'), iconv.encode(['Café in Utrecht krijgt na één jaar weer een vergunning', ...texts[1]!.split('\n').slice(1)].join('\n'), 'win1252'));
  await writeFile(path.join(drop, 'leeg.txt'), '');
  await writeFile(path.join(drop, 'kapot.json'), '{"uri": "urn:newsml:anp.nl:kapot", "headline": ');
  await writeFile(path.join(drop, 'groot.txt'), 'a'.repeat(5 * 1024 * 1024 + 1));
  await symlink(path.join(SEEDS, seeds[2]!), path.join(drop, 'link.txt'));
  return drop;
}

async function prepareAll(drop: string, options: PrepareOptions): Promise<{ prepared: Prepared[]; files: number; byThread: number }> {
  await loadNinjsValidators();
  const prepared: Prepared[] = [];
  const counts = await prepareImportPaths([drop], (file) => void prepared.push(file), options);
  return { prepared, ...counts };
}

describe('preparing an import on a thread of its own', () => {
  it('gives the same files in the same order as preparing them on the importing thread', async () => {
    await withTempDir(async (dir) => {
      const drop = await makeDrop(dir);
      const inline = await prepareAll(drop, { threadFrom: Infinity });
      expect(inline.byThread).toBe(0);
      expect(inline.prepared.length).toBeGreaterThan(80);
      expect(inline.prepared.filter((file) => !file.ok).map((file) => `${file.fileName}:${!file.ok && file.code}`)).toEqual(
        expect.arrayContaining(['leeg.txt:empty', 'groot.txt:too-large', 'link.txt:symlink', expect.stringMatching(/^kapot\.json:/)]),
      );
      expect(inline.prepared.some((file) => file.ok && 'encoding' in file && file.encoding === 'windows-1252')).toBe(true);

      // The thread prepares every file it is asked for (the importing thread waits for it)…
      const threaded = await prepareAll(drop, { threadFrom: 1, share: false });
      expect(threaded.byThread).toBe(threaded.files);
      expect(threaded.prepared).toEqual(inline.prepared);
      // … or the two share the work, each chunk prepared once.
      const shared = await prepareAll(drop, { threadFrom: 1 });
      expect(shared.prepared).toEqual(inline.prepared);
      // Below the threshold no thread starts.
      expect((await prepareAll(drop, { threadFrom: inline.files + 1, share: false })).byThread).toBe(0);
    });
  });

  it.each([
    ['cannot be loaded', fixture('no-such-worker.mjs')],
    ['says it cannot prepare', fixture('prepare-worker-unable.mjs')],
    ['dies with chunks it claimed', fixture('prepare-worker-dies.mjs')],
  ])('prepares every file on the importing thread when the thread %s', async (_, entry) => {
    await withTempDir(async (dir) => {
      const drop = await makeDrop(dir);
      const inline = await prepareAll(drop, { threadFrom: Infinity });
      const failed = await prepareAll(drop, { threadFrom: 1, share: false, entry });
      expect(failed.byThread).toBe(0);
      expect(failed.prepared).toEqual(inline.prepared);
    });
  });

  it('stops the thread when the import fails midway, and says why', async () => {
    await withTempDir(async (dir) => {
      const drop = await makeDrop(dir);
      await loadNinjsValidators();
      let taken = 0;
      const failing = prepareImportPaths(
        [drop],
        () => {
          if (++taken === 40) throw new Error('De schijf is vol.');
        },
        { threadFrom: 1, share: false },
      );
      await expect(failing).rejects.toThrow('De schijf is vol.');
      expect(taken).toBe(40);
      // Asked to stop when the import ended: none left running (test-setup.ts also checks at the file's end).
      expect(runningWorkers()).toEqual([]);
    });
  });

  it('imports the same stories, versions and report as an import prepared on the importing thread', async () => {
    await withTempDir(async (dir) => {
      const drop = await makeDrop(dir);
      const now = () => new Date('2026-12-08T09:00:00Z');
      const library = async (name: string, prepare: PrepareOptions) => {
        const store = await LibraryStore.open(path.join(dir, name));
        try {
          const report = await importPaths(store, [drop], { now, prepare });
          const stories = [];
          for await (const story of store.storiesWithBodies()) stories.push(story);
          stories.sort((a, b) => (a.head.id < b.head.id ? -1 : 1));
          const tags = store.meta.tags.map((tag) => `${tag.name} ${tag.mediaTopic}`).sort();
          return { report, stories, tags, deleted: store.meta.deleted };
        } finally {
          await store.close();
        }
      };
      const inline = await library('inline', { threadFrom: Infinity });
      expect(inline.report.totals).toMatchObject({ rejected: 4 });
      expect(inline.report.totals.imported).toBeGreaterThan(60);
      expect(await library('thread', { threadFrom: 1, share: false })).toEqual(inline);
    });
  });
});
