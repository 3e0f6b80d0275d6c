import { rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../store/layout';
import { LibraryStore } from '../store/library-store';
import { indexedMetaOf } from '../store/meta';
import { fakeStory, withTempDir, wireVersion as versionOf } from '../store/test/helpers';
import { SegmentLibrary } from './segment-library';

// The indexing worker learns which segment holds each record either from the main
// process (store.eachSegmentRecords, what the store read at open) or by reading the heads
// files itself. Both must give the very same library: the same live stories in the same
// order (the order numbers the stories in the search index), the same heads and texts.

const wireVersion = (storyId: string, version: number) => versionOf(storyId, version, `Dijkversterking ${storyId}, versie ${version}`);

async function view(library: SegmentLibrary) {
  const ids = [...library.liveIds()];
  const heads = await Promise.all(ids.map((id) => library.head(id)));
  const passed: string[] = [];
  for await (const { head, body } of library.storiesWithBodies()) passed.push(`${head.id}:${head.headline}:${body[0]?.text}`);
  return { ids, count: library.storyCount, heads, passed };
}

describe('the indexing worker\'s segment library', () => {
  it('is the same library from the records the store read as from the heads files, and reads no heads file at open when given them', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir, { autoCompact: false });
      await store.addStories([fakeStory('a1'), fakeStory('a2'), wireVersion('w1', 1)]);
      await store.addStories([wireVersion('w1', 3), fakeStory('a3'), wireVersion('w2', 2)]);
      // An older version arriving after a newer one, and a story's first version after its second.
      await store.addStories([wireVersion('w1', 2), wireVersion('w2', 1), fakeStory('a4')]);
      await store.update(null, (meta) => ({ ...meta, deleted: ['a2'] }));
      await store.close();

      const reopened = await LibraryStore.open(dir, { autoCompact: false });
      const meta = indexedMetaOf(reopened.meta);
      const records = [...reopened.eachSegmentRecords()];
      expect(records.map((segment) => segment.ids.length)).toEqual([3, 3, 3]);
      expect(records[1]!.wire).toEqual([0, 'w1', 3, 2, 'w2', 2]);
      const fromFiles = await view(await SegmentLibrary.open(dir, meta, true));

      // With the heads files out of the way, the given records are all it needs to open.
      const content = path.join(dir, CONTENT_DIR);
      for (const { name } of meta.segments) await rename(path.join(content, `${name}.heads.json`), path.join(content, `${name}.heads.away`));
      const given = await SegmentLibrary.open(dir, meta, true, records);
      expect([...given.liveIds()]).toEqual(fromFiles.ids);
      for (const { name } of meta.segments) await rename(path.join(content, `${name}.heads.away`), path.join(content, `${name}.heads.json`));

      expect(fromFiles.ids).toEqual(['a1', 'w1', 'a3', 'w2', 'a4']);
      expect(fromFiles.heads.map((head) => head?.headline)).toEqual(['Kop a1', 'Dijkversterking w1, versie 3', 'Kop a3', 'Dijkversterking w2, versie 2', 'Kop a4']);
      expect(await view(given)).toEqual(fromFiles);
      // isLive answers as head() would, without reading a head (deleted, agency records by content id, unknown ids).
      const asked = ['a1', 'a2', 'a3', 'w1', 'w1v1', 'w1v3', 'w2', 'w2v2', 'a4', 'nergens'];
      for (const library of [given, await SegmentLibrary.open(dir, meta, true)]) {
        expect(asked.map((id) => library.isLive(id))).toEqual(await Promise.all(asked.map(async (id) => (await library.head(id)) !== undefined)));
      }
      expect(asked.map((id) => given.isLive(id))).toEqual([true, false, true, true, false, false, true, false, true, false]);
      await reopened.close();
    });
  });

  it('gives its own string for the ids of the stories it holds, and none for others', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir, { autoCompact: false });
      await store.addStories([fakeStory('a1'), wireVersion('w1', 1)]);
      await store.addStories([wireVersion('w1', 2), fakeStory('a2')]);
      const meta = indexedMetaOf(store.meta);
      await store.close();
      const library = await SegmentLibrary.open(dir, meta, true);
      expect(['a1', 'a2', 'w1', 'w9'].map((id) => library.storedId(id))).toEqual(['a1', 'a2', 'w1', undefined]);
      expect([...library.liveIds()]).toEqual(['a1', 'w1', 'a2']);
    });
  });

  it('leaves a segment a compaction merged in this process to the heads file (its record list is not in file order)', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir, { autoCompact: false });
      for (const id of ['b1', 'b2', 'b3', 'b4']) await store.addStories([fakeStory(id)]);
      await store.addStories([wireVersion('w9', 2), wireVersion('w9', 1)]);
      await store.compact({ retireNow: true });
      const merged = store.meta.segments.map((segment) => segment.name);
      expect([...store.eachSegmentRecords()].filter((segment) => merged.includes(segment.name))).toEqual([]);
      const meta = indexedMetaOf(store.meta);
      const fromFiles = await view(await SegmentLibrary.open(dir, meta, true));
      expect(await view(await SegmentLibrary.open(dir, meta, true, [...store.eachSegmentRecords()]))).toEqual(fromFiles);
      expect(fromFiles.ids).toEqual(['b1', 'b2', 'b3', 'b4', 'w9']);
      await store.close();

      // Opened again, the compacted segments are read in file order: given, and the same library.
      const again = await LibraryStore.open(dir, { autoCompact: false });
      expect([...again.eachSegmentRecords()].map((segment) => segment.name)).toEqual(again.meta.segments.map((segment) => segment.name));
      expect(await view(await SegmentLibrary.open(dir, indexedMetaOf(again.meta), true, [...again.eachSegmentRecords()]))).toEqual(fromFiles);
      await again.close();
    });
  });
});
