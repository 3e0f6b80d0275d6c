import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followCompactions, planCompaction, readJournal, type CompactionEntry } from './compaction';
import { LibraryStore, SEGMENT_SIZE } from './library-store';
import { fakeStory, withTempDir } from './test/helpers';
import { StoryMap } from './story-map';

const CHILD_SOURCE = path.join(import.meta.dirname, 'test', 'compact-child.ts');

// The compacting child runs as plain JavaScript bundled once with the real store (as kill.test.ts does).
let bundleDir = '';
let CHILD = '';
beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-compact-child-'));
  CHILD = path.join(bundleDir, 'compact-child.mjs');
  await build({ entryPoints: [CHILD_SOURCE], outfile: CHILD, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** A library of `count` stories, one import (one segment) each, with a tag on every third. */
async function smallImports(dir: string, count: number): Promise<string[]> {
  const store = await LibraryStore.open(dir, { autoCompact: false });
  const ids = Array.from({ length: count }, (_, i) => `a${String(i).padStart(4, '0')}`);
  for (const id of ids) await store.addStories([fakeStory(id)]);
  await store.update(null, (meta) => ({ ...meta, taggings: StoryMap.from(ids.filter((_, i) => i % 3 === 0).map((id): [string, string[]] => [id, ['t']])) }));
  await store.close();
  return ids;
}

const segmentFiles = async (dir: string) => (await readdir(path.join(dir, 'content'))).filter((name) => name.endsWith('.json') && name !== 'compactions.json');

/** Opens the library and checks that every story is there, in import order, with its text and its tags, and nothing is reported damaged. */
async function expectEveryStory(dir: string, ids: string[], label: string): Promise<void> {
  const store = await LibraryStore.open(dir, { autoCompact: false });
  try {
    expect([...store.liveIds()], label).toEqual(ids);
    for (const id of ids) expect((await store.body(id))?.[0]?.text, `${label}: text of ${id}`).toBe(`Tekst van ${id}.`);
    expect(store.meta.taggings.get(ids[0]!), label).toEqual(['t']);
    expect(store.damagedContent(), label).toBeNull();
    expect(store.notices.filter((notice) => notice.code === 'content-damaged'), label).toEqual([]);
  } finally {
    await store.close();
  }
}

function runChild(dir: string, step: string, nth = 1): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [CHILD, dir, step, String(nth)], { stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('planCompaction', () => {
  it('packs runs of consecutive small segments whole, in order, and leaves large, damaged and lone ones', () => {
    const seg = (name: string, count: number) => ({ name, count });
    const groups = planCompaction([seg('a', 1), seg('b', 2), seg('big', 900), seg('c', 3), seg('bad', -1), seg('d', 4), seg('e', 3), seg('f', 6)], 10);
    expect(groups.map((group) => group.retired.map((segment) => segment.name))).toEqual([['a', 'b'], ['d', 'e']]);
    expect(planCompaction([seg('a', 1)], SEGMENT_SIZE)).toEqual([]);
  });
});

describe('followCompactions', () => {
  const entry = (retired: string[], into: string[], groups?: number[], state: CompactionEntry['state'] = 'switched'): CompactionEntry => ({ retired, into, state, at: '', ...(groups ? { groups } : {}) });
  it('replaces old segments by the new one that holds them, only when all of them are covered, through later compactions too', () => {
    const journal = [entry(['a', 'b', 'c', 'd'], ['x', 'y'], [2, 2]), entry(['x', 'e'], ['z'], [2])];
    expect(followCompactions(['a', 'b', 'c', 'd', 'big'], journal.slice(0, 1))).toEqual(['x', 'y', 'big']);
    // c and d are covered, a is, b is not: x holds a story the snapshot does not have.
    expect(followCompactions(['a', 'c', 'd'], journal.slice(0, 1))).toEqual(['y']);
    expect(followCompactions(['a', 'b', 'c', 'd', 'e'], journal)).toEqual(['z', 'y']);
    expect(followCompactions(['a', 'b', 'c', 'd'], journal)).toEqual(['y']);
    expect(followCompactions(['f'], journal)).toEqual(['f']);
  });
  it('takes an entry without (or with inconsistent) groups as one group, and never follows one that did not switch', () => {
    expect(followCompactions(['a', 'b', 'c'], [entry(['a', 'b', 'c'], ['x', 'y'])])).toEqual(['x', 'y']);
    expect(followCompactions(['a', 'b'], [entry(['a', 'b', 'c'], ['x', 'y'], [1, 1])])).toEqual([]);
    expect(followCompactions(['a', 'b'], [entry(['a', 'b'], ['x'], [2], 'planned')])).toEqual(['a', 'b']);
  });
});

describe('segment compaction', () => {
  it('packs many one-story segments into one, keeps every story, and the library reopens the same', async () => {
    await withTempDir(async (dir) => {
      const ids = await smallImports(dir, 40);
      expect(await segmentFiles(dir)).toHaveLength(80);
      const store = await LibraryStore.open(dir, { autoCompact: false });
      const result = await store.compact({ retireNow: true });
      expect(result).toMatchObject({ segmentsBefore: 40, segmentsAfter: 1, retired: 40, written: 1 });
      // The open store reads the new segment at once.
      expect((await store.body(ids[17]!))?.[0]?.text).toBe(`Tekst van ${ids[17]}.`);
      await store.addStories([fakeStory('later')]);
      await store.close();
      expect(await segmentFiles(dir)).toHaveLength(4);
      await expectEveryStory(dir, [...ids, 'later'], 'after compaction');
    });
  });

  it('compacts in the background once the small segments pass the threshold; the old files go at the next open', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir, { autoCompact: 12 });
      const ids = Array.from({ length: 12 }, (_, i) => `b${i}`);
      for (const id of ids) await store.addStories([fakeStory(id)]);
      await store.compactionSettled();
      expect(store.meta.segments).toHaveLength(1);
      await store.close();
      expect(await segmentFiles(dir)).toHaveLength(26);
      const reopened = await LibraryStore.open(dir, { autoCompact: false });
      expect([...reopened.liveIds()]).toEqual(ids);
      await reopened.close();
      expect(await segmentFiles(dir)).toHaveLength(2);
    });
  });

  it('stops at a segment whose text is damaged and leaves the library as it was', async () => {
    await withTempDir(async (dir) => {
      await smallImports(dir, 5);
      const store = await LibraryStore.open(dir, { autoCompact: false });
      const third = store.meta.segments[2]!.name;
      await writeFile(path.join(dir, 'content', `${third}.bodies.json`), '{"a0002": 7}');
      const files = await segmentFiles(dir);
      await expect(store.compact({ retireNow: true })).rejects.toThrow(/damaged story text/);
      expect(store.meta.segments).toHaveLength(5);
      await store.close();
      expect((await segmentFiles(dir)).sort()).toEqual(files.sort());
      expect(await readJournal(dir)).toEqual([]);
    });
  });

  it('a metadata document from before a compaction (a restored backup) finds its stories in the new segments', async () => {
    await withTempDir(async (dir) => {
      const ids = await smallImports(dir, 6);
      const store = await LibraryStore.open(dir, { autoCompact: false });
      const old = store.meta;
      await store.compact({ retireNow: true });
      // Put back the document as it was before (what a restore from an older backup does).
      await store.update(null, () => old);
      await store.close();
      await expectEveryStory(dir, ids, 'old document');
    });
  });

  it('never maps listed segments onto ones a journal names that are not on disk', async () => {
    await withTempDir(async (dir) => {
      const ids = await smallImports(dir, 4);
      const store = await LibraryStore.open(dir, { autoCompact: false });
      const [first, second] = store.meta.segments;
      await store.close();
      await writeFile(path.join(dir, 'content', 'compactions.json'), JSON.stringify([{ into: ['zzzzzzzzz-00000000'], retired: [first!.name, second!.name], state: 'switched', at: '', groups: [2] }]));
      await expectEveryStory(dir, ids, 'journal naming a missing segment');
      expect(await segmentFiles(dir)).toHaveLength(8);
    });
  });

  // Killed at each step: the library always opens with every story, and a later compaction finishes the job.
  const steps: [string, number][] = [['journal', 1], ['segment', 1], ['switch', 1], ['switched', 1], ['retire', 1], ['done', 1]];
  it.each(steps)('a crash at %s leaves a library that opens with every story', async (step, nth) => {
    await withTempDir(async (dir) => {
      const ids = await smallImports(dir, 24);
      const exit = await runChild(dir, step, nth);
      expect(step === 'done' ? exit.code : exit.signal).toBe(step === 'done' ? 0 : 'SIGKILL');
      await expectEveryStory(dir, ids, `killed at ${step}`);
      const journal = await readJournal(dir);
      expect(journal.every((entry) => entry.state === 'switched')).toBe(true);
      // Finish (or redo) the compaction: one segment, no stray files.
      const store = await LibraryStore.open(dir, { autoCompact: false });
      await store.compact({ retireNow: true });
      await store.close();
      await expectEveryStory(dir, ids, `compacted after ${step}`);
      expect(await segmentFiles(dir)).toHaveLength(2);
    });
  }, 30_000);
});
