import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore, SEGMENT_SIZE } from '../store/library-store';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { importPaths, importPrepared } from './importer';
import { dijkVersion, wireFile, wireItem } from './test/wire-items';
import { wireStoryId } from './wire-stories';

// A large import writes its stories ahead of its one commit, a segment at a time, and
// lets them go (the commit reads their heads back): these tests lower the threshold to
// one segment.

const now = () => new Date('2026-12-03T12:00:00.000Z');

/** Counts the store's writes ahead (each a batch of whole segments). */
function countWritesAhead(store: LibraryStore): { segments: number } {
  const counted = { segments: 0 };
  const writeAhead = store.writeAhead.bind(store);
  store.writeAhead = async (items) => {
    const written = await writeAhead(items);
    counted.segments += written.length;
    return written;
  };
  return counted;
}

/** A page-text file of one short article, different for every `n`. */
const pageText = (n: number) => `Waterschap meldt verzakking nummer ${n} bij de dijk\nLELYSTAD (ANP) - Bij de dijk is woensdag verzakking ${n} gemeld, aldus het waterschap.\n`;

async function writePages(folder: string, count: number, text: (n: number) => string = pageText): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let n = 0; n < count; n++) await writeFile(path.join(folder, `${String(n).padStart(5, '0')}.txt`), text(n));
}

describe('a large import, written ahead of its commit', () => {
  it('writes whole segments ahead, commits once, dedupes across them, reopens and undoes whole', async () => {
    await withTempDir(async (dir) => {
      const folder = path.join(dir, 'wire');
      // File 2,400 repeats file 7's story, after two segments were written ahead.
      await writePages(folder, 2_600, (n) => pageText(n === 2_400 ? 7 : n));
      const store = await LibraryStore.open(path.join(dir, 'library'));
      let commits = 0;
      store.onChange((change) => (change.type === 'meta' ? commits++ : undefined));
      const ahead = countWritesAhead(store);
      const report = await importPaths(store, [folder], { now, aheadStories: SEGMENT_SIZE });
      expect(ahead.segments).toBe(2);
      expect(report.totals).toMatchObject({ files: 2_600, imported: 2_599, duplicate: 1, rejected: 0 });
      expect(report.files[2_400]).toMatchObject({ status: 'duplicate', articleId: report.files[7]!.articleId });
      expect(commits).toBe(1);
      expect(store.storyCount).toBe(2_599);
      expect(store.meta.segments.map((segment) => segment.count)).toEqual([1_000, 1_000, 599]);
      // The ahead stories' bodies are read from their files.
      expect((await store.body(report.files[3]!.articleId!))?.[0]?.text).toContain('verzakking 3 gemeld');
      const ids = [...store.liveIds()].sort();
      // Undo takes the whole import away, the stories written ahead too; redo brings it back.
      await store.undo();
      expect(store.storyCount).toBe(0);
      await store.redo();
      expect([...store.liveIds()].sort()).toEqual(ids);
      await store.close();

      const again = await LibraryStore.open(path.join(dir, 'library'));
      expect([...again.liveIds()].sort()).toEqual(ids);
      await again.close();
    });
  });

  it('leaves the library as it was when an import stops before its commit, and imports the same files later', async () => {
    await withTempDir(async (dir) => {
      const folder = path.join(dir, 'wire');
      await writePages(folder, 1_200);
      const library = path.join(dir, 'library');
      const store = await LibraryStore.open(library);
      await importPaths(store, [path.join(folder, '00000.txt')], { now });
      // Written ahead, then the app stopped: the segment files exist, no metadata lists them.
      const ahead = await store.writeAhead(Array.from({ length: SEGMENT_SIZE }, (_, n) => fakeStory(`a${String(n).padStart(15, '0')}`)));
      expect(ahead.map((segment) => segment.count)).toEqual([SEGMENT_SIZE]);
      await store.close();
      const reopened = await LibraryStore.open(library);
      expect(reopened.storyCount).toBe(1);
      expect((await readdir(path.join(library, 'content'))).filter((name) => name.startsWith(ahead[0]!.name))).toHaveLength(2);
      const report = await importPaths(reopened, [folder], { now, aheadStories: SEGMENT_SIZE });
      expect(report.totals).toMatchObject({ imported: 1_199, duplicate: 1 });
      expect(reopened.storyCount).toBe(1_200);
      await reopened.close();
    });
  });

  it('places agency versions that arrive on either side of a write ahead', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const other = (n: number) => wireFile(`o${n}.json`, wireItem({ guid: `urn:anp:nieuws:2026-12-03:ander-${n}`, headline: `Ander bericht ${n} over het weer`, slugline: `ander-${n}` }));
      const files = [wireFile('v1.json', dijkVersion(1)), ...Array.from({ length: 1_100 }, (_, n) => other(n)), wireFile('v3.json', dijkVersion(3)), wireFile('v2.json', dijkVersion(2))];
      // Without a version number, the one made at the same time as version 1 is version 1 again.
      files.push(wireFile('v1-again.json', dijkVersion(1, { version: null })));
      const ahead = countWritesAhead(store);
      const report = await importPrepared(store, files, { now, aheadStories: SEGMENT_SIZE });
      expect(ahead.segments).toBe(1); // version 1 written ahead before versions 3 and 2 came
      const outcomes = report.files.filter((file) => file.fileName.startsWith('v')).map((file) => file.versions?.[0]?.outcome);
      expect(outcomes).toEqual(['story', 'version', 'older', 'duplicate']);
      const story = wireStoryId(dijkVersion(1).guid);
      expect(store.latestVersionOf(story)).toBe(3);
      expect(store.head(story)?.headline).toBe(dijkVersion(3).headline);
      expect(store.storyCount).toBe(1_101);
      expect(store.meta.segments[0]!.count).toBe(SEGMENT_SIZE);
      await store.close();
    });
  });

  it('deletes what it wrote ahead when the import fails before its commit', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const files: Parameters<typeof importPrepared>[1] = Array.from({ length: 1_100 }, (_, n) => wireFile(`o${n}.json`, wireItem({ guid: `urn:anp:nieuws:2026-12-03:ander-${n}`, headline: `Ander bericht ${n}` })));
      // A file the importer cannot take (as a bug would leave it), after a segment was written ahead.
      files.push({ ok: true, fileName: 'kapot.txt', sha256: 'f'.repeat(64), encoding: 'utf-8', warnings: [] } as unknown as (typeof files)[number]);
      const ahead = countWritesAhead(store);
      await expect(importPrepared(store, files, { now, aheadStories: SEGMENT_SIZE })).rejects.toThrow();
      expect(ahead.segments).toBe(1);
      expect(store.storyCount).toBe(0);
      expect(await readdir(path.join(dir, 'content')).catch(() => [])).toEqual([]);
      await store.close();
    });
  });

  it('commits nothing when a segment written ahead does not read back whole', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const ahead = await store.writeAhead(Array.from({ length: SEGMENT_SIZE }, (_, n) => fakeStory(`a${String(n).padStart(15, '0')}`)));
      // Damaged on disk before the commit (a failing disk, another program).
      await writeFile(path.join(dir, 'content', `${ahead[0]!.name}.heads.json`), '[{"id":"a0"}]');
      await expect(store.addStories([], undefined, undefined, ahead)).rejects.toThrow(/did not read back/);
      expect(store.storyCount).toBe(0);
      expect(store.meta.segments).toEqual([]);
      await store.close();
      const reopened = await LibraryStore.open(dir);
      expect(reopened.storyCount).toBe(0);
      await reopened.close();
    });
  });
});
