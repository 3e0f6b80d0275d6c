import { describe, expect, it } from 'vitest';
import { LibraryIndexes } from './engine';
import { LibraryStore } from '../store/library-store';
import { withTempDir } from '../store/test/helpers';
import { topicStory } from './test/topic-stories';
import { fakeStory } from '../store/test/helpers';
import { extractQuotes, rememberedRoleWords } from '../analysis/chronology/quotes';
import { rememberedCompounds, splitCompound } from '../text/compounds';


describe('LibraryIndexes', () => {
  it('builds both indexes over every stored story, segment by segment', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 2_500 }, (_, n) => topicStory(n)));
      const indexes = new LibraryIndexes(store, 'lazy');
      await indexes.whenReady();
      expect(indexes.progress()).toEqual({ ready: true, indexed: 2_500, total: 2_500 });
      expect(indexes.searchIndex.size).toBe(2_500);
      expect(indexes.relatedIndex.size).toBe(2_500);

      const found = indexes.match('verslag1234woord');
      expect(found?.matches.nums.length).toBe(1);
      expect(indexes.idAt(found!.matches.nums[0]!)).toBe('s1234');
      expect(indexes.match('klassieker')?.matches.nums.length).toBe(833);

      const related = indexes.related('s7', { limit: 5 });
      expect(related).toHaveLength(5);
      for (const hit of related) expect(Number(hit.id.slice(1)) % 3).toBe(1);

      await indexes.close();
      await store.close();
    });
  });

  it('applies changes made during the build once it is done', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 1_200 }, (_, n) => topicStory(n)));
      const indexes = new LibraryIndexes(store, 'eager');
      await store.addStories([topicStory(5_000)]);
      await store.update(null, (meta) => ({ ...meta, deleted: ['s3'] }));
      await indexes.whenReady();
      expect(indexes.match('verslag5000woord')?.matches.nums.length).toBe(1);
      expect(indexes.match('verslag3woord')).not.toBeNull();
      expect(indexes.match('verslag3woord')?.matches.nums.length ?? 0).toBe(0);
      expect(indexes.related('s3')).toEqual([]);
      expect(indexes.related('s5000', { limit: 1 })).toHaveLength(1);
      await indexes.close();
      await store.close();
    });
  });

  it('indexes a large import into a running library as a fresh build would', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 300 }, (_, n) => topicStory(n)));
      const live = new LibraryIndexes(store, 'lazy', { enabled: false });
      await live.whenReady();
      // Large enough to be indexed in bulk, then a small one, one by one.
      await store.addStories(Array.from({ length: 900 }, (_, n) => topicStory(300 + n)));
      await store.addStories([topicStory(2_000), topicStory(2_001)]);
      await live.whenReady();
      const fresh = new LibraryIndexes(store, 'lazy', { enabled: false });
      await fresh.whenReady();
      for (const query of ['klassieker', 'verslag1000woord', 'verslag2001woord', 'kabinet coalitie', 'storm -schade', 'bericht']) {
        const hits = (indexes: LibraryIndexes) => {
          const found = indexes.match(query)?.matches;
          return [...(found?.nums ?? [])].map((num) => indexes.idAt(num)).sort();
        };
        expect(hits(live), query).toEqual(hits(fresh));
      }
      expect(live.match('klassieker')?.matches.nums.length).toBe(401);
      await live.close();
      await fresh.close();
      await store.close();
    });
  });

  it('closes without waiting for a large import to be indexed, and the next opening catches up on it', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 300 }, (_, n) => topicStory(n)));
      const live = new LibraryIndexes(store, 'lazy');
      await live.whenReady();
      const written = await live.saveSnapshot();
      expect(written).not.toBeNull();
      // Thousands of stories take seconds to index one by one; the library is closed at once.
      await store.addStories(Array.from({ length: 3_000 }, (_, n) => topicStory(300 + n)));
      await live.close();
      expect(live.searchIndex.size).toBeLessThan(3_300);
      // The snapshot on disk is still the one of 300 stories: a newer one would claim the import.
      expect(live.lastSnapshotWrite).toBe(written);

      const next = new LibraryIndexes(store, 'lazy');
      await next.whenReady();
      expect(next.origin).toBe('snapshot');
      expect(next.searchIndex.size).toBe(3_300);
      expect(next.match('verslag3299woord')?.matches.nums.length).toBe(1);
      expect(next.relatedIndex.size).toBe(3_300);
      await next.close();
      await store.close();
    });
  });

  it('marks in the text only what it searched: not a stopword being typed that it left out', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories([fakeStory('p1', 'Poetin bezoekt een fabriek'), fakeStory('p2', 'Poetin spreekt in Moskou')]);
      const indexes = new LibraryIndexes(store, 'lazy', { enabled: false });
      await indexes.whenReady();
      const typing = indexes.match('poetin een');
      expect(Array.from(typing!.matches.nums, (num) => indexes.idAt(num)).sort()).toEqual(['p1', 'p2']);
      expect(typing!.highlight).toEqual(['poetin']);
      // A word being typed that does start an indexed word is marked as a prefix.
      expect(indexes.match('poetin fab')!.highlight).toEqual(['poetin', 'fab*']);
      await indexes.close();
      await store.close();
    });
  });
});

describe('after a full build', () => {
  it('lets go of what the build remembered of its words (stems, compound splits, role words)', async () => {
    // What the caches hold before: words of an earlier story, as any build or query leaves them.
    const poetin = { key: 'vladimir poetin', name: 'Vladimir Poetin', kind: 'person' as const };
    extractQuotes({ id: 'q1', date: '2024-03-01', paragraphs: ['De Russische president Vladimir Poetin zei dinsdag dat de wapenleveranties doorgaan.', '"We geven niet op", zei Poetin.'], people: [poetin] });
    splitCompound('wapenleveranties');
    expect(rememberedRoleWords()).toBeGreaterThan(0);
    expect(rememberedCompounds()).toBeGreaterThan(0);
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 300 }, (_, n) => topicStory(n)));
      const indexes = new LibraryIndexes(store, 'eager', { enabled: false });
      await indexes.whenReady();
      expect(rememberedRoleWords()).toBe(0);
      expect(rememberedCompounds()).toBe(0);
      // Still answered: the caches fill again as words come.
      expect(indexes.match('verslag12woord')?.matches.nums.length).toBe(1);
      await indexes.close();
      await store.close();
    });
  });
});
