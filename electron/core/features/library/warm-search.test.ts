import { afterEach, describe, expect, it, vi } from 'vitest';
import { openKroniek } from '../../app';
import { IndexingClient } from '../../indexing/client';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { ListKeys } from './list-keys';
import { WARM_SEARCHES, warmQueries } from './warm-search';

const heads = (...headlines: string[]) => headlines.map((headline, i) => fakeStory(`s${i}`, headline).head);

describe('warmQueries', () => {
  it('makes two-word searches of headline words of five letters or more: typed, finished, as a phrase, and a word’s start', () => {
    expect(warmQueries(heads('Kabinet presenteert plan voor woningbouw', 'Oekraïense drones raken Russische raffinaderij'))).toEqual([
      'kabinet presenteert',
      'kabinet presenteert ',
      '"kabinet presenteert"',
      'kab',
      'oekraïense drones',
      'oekraïense drones ',
      '"oekraïense drones"',
      'oek',
    ]);
  });

  it('skips headlines with fewer than two such words and stops at the count asked', () => {
    expect(warmQueries(heads('Brand in Ede', '12345 67890', 'Storm legt treinverkeer plat'), 2)).toEqual(['storm treinverkeer', 'storm treinverkeer ']);
    expect(warmQueries(heads(...Array.from({ length: 40 }, (_, i) => `Gemeenteraad Utrecht stemt ${i}`)))).toHaveLength(WARM_SEARCHES);
    expect(warmQueries([])).toEqual([]);
  });
});

describe('the library warms its search once the indexes are ready', () => {
  afterEach(() => vi.restoreAllMocks());

  it('searches its own headlines in the background, and stops when closed', async () => {
    const asked: string[] = [];
    const match = IndexingClient.prototype.match;
    vi.spyOn(IndexingClient.prototype, 'match').mockImplementation(function (this: IndexingClient, query: string) {
      asked.push(query);
      return match.call(this, query);
    });
    await withTempDir(async (dir) => {
      // The stories are there before the indexes are built: their build is what warms.
      const first = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      await first.context.store.addStories([fakeStory('a1', 'Kabinet presenteert plan voor woningbouw'), fakeStory('a2', 'Waterschap versterkt dijken langs de Lek')]);
      await first.close();
      expect(asked).toEqual([]);
      const core = await openKroniek({ platform: 'cli', dataDir: dir });
      try {
        await core.library.whenReady();
        await vi.waitFor(() => expect(asked).toEqual(warmQueries(core.context.store.liveHeads())), { timeout: 10_000 });
        expect(asked).toContain('"kabinet presenteert"');
        await vi.waitFor(() => expect(core.library.searchIsWarm).toBe(true), { timeout: 10_000 });
      } finally {
        await core.close();
      }
      // Nothing more is asked once closed.
      const count = asked.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked).toHaveLength(count);
    });
  });

  it('is ready once the indexing worker has run its own warm-up searches of the library’s headlines (not for a command-line command)', async () => {
    await withTempDir(async (dir) => {
      const first = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      await first.context.store.addStories([fakeStory('a1', 'Kabinet presenteert plan voor woningbouw'), fakeStory('a2', 'Waterschap versterkt dijken langs de Lek')]);
      await first.close();
      const core = await openKroniek({ platform: 'cli', dataDir: dir });
      try {
        await core.library.whenReady();
        // Both headlines' four searches, run in the worker before it said it was ready.
        expect((await core.library.indexing.status()).warmSearches).toBe(8);
      } finally {
        await core.close();
      }
      // A command-line command's library (indexes on first use) searches once: no warm-up to wait for.
      const command = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      try {
        await command.library.whenReady();
        expect((await command.library.indexing.status()).warmSearches).toBe(0);
      } finally {
        await command.close();
      }
    });
  });

  it('is ready once the list keys are copied to the index’s numbers: the first search after looks up no story', async () => {
    // A walk slow enough to take many turns (as at tens of thousands of stories).
    const walk = ListKeys.prototype.warmSteps;
    let walked = false;
    vi.spyOn(ListKeys.prototype, 'warmSteps').mockImplementation(function* (this: ListKeys) {
      for (let turn = 0; turn < 20; turn++) {
        const start = performance.now();
        while (performance.now() - start < 3);
        yield;
      }
      yield* walk.call(this);
      walked = true;
    });
    await withTempDir(async (dir) => {
      const first = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      await first.context.store.addStories(Array.from({ length: 300 }, (_, i) => fakeStory(`d${i}`, `Dijkwacht meldt hoogwater bij post ${i}`)));
      await first.close();
      const core = await openKroniek({ platform: 'cli', dataDir: dir });
      try {
        await core.library.whenReady();
        expect(walked).toBe(true);
        expect(core.library.listKeys().preparedKeys()).toBeNull();
        const lookups = vi.spyOn(IndexingClient.prototype, 'idAt');
        const page = (await core.dispatch('stories.list', { query: 'dijkwacht hoogwater', limit: 20 })) as { ok: boolean; value: { total: number } };
        expect(page.value.total).toBe(300);
        expect(lookups).not.toHaveBeenCalled();
      } finally {
        await core.close();
      }
    });
  });
});
