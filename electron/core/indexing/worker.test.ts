import { threadId } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { emptyMeta, indexedMetaOf, type StoryEdit } from '../store/meta';
import { withTempDir } from '../store/test/helpers';
import { topicStory } from './test/topic-stories';
import { fakeStory } from '../store/test/helpers';
import { IndexingClient, lexiconsReceived, whenLexiconShared } from './client';
import { INDEXING_WORKER_NICE } from '../thread-priority';
import { applyMetaPatch, metaPatch } from './meta-patch';
import { StoryMap } from '../store/story-map';
import { Foreground } from '../slices';

// The indexing worker through its client, as the app uses it: a real store, a real
// worker thread running the engine over the library's files.


/** The ids of the stories a search finds, sorted. */
async function found(client: IndexingClient, query: string): Promise<string[]> {
  const answer = await client.match(query);
  return answer ? Array.from(answer.matches.nums, (num) => client.idAt(num)!).sort() : [];
}

async function withLibrary(count: number, run: (store: LibraryStore) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const store = await LibraryStore.open(dir);
    try {
      await store.addStories(Array.from({ length: count }, (_, n) => topicStory(n)));
      await run(store);
    } finally {
      await store.close();
    }
  });
}

describe('the indexing worker', () => {
  it('builds the compound lexicon once per process: a library opened later is handed it and splits compounds alike', async () => {
    const compounds = [fakeStory('k1', 'Rusland vuurt kruisraketten af'), fakeStory('k2', 'De wapenstilstand houdt stand'), fakeStory('k3', 'Een raket')];
    const raketten = async (client: IndexingClient) => {
      const answer = await client.match('raket ');
      return { ids: answer ? Array.from(answer.matches.nums, (num) => client.idAt(num)!).sort() : [], highlight: answer?.highlight, expansions: answer?.expansions };
    };
    await withLibrary(30, async (first) => {
      await first.addStories(compounds);
      const one = new IndexingClient(first, { snapshot: { enabled: false } });
      try {
        await one.whenReady();
        const expected = await raketten(one);
        expect(expected.ids).toEqual(['k1', 'k3']);
        // Built by this worker (or an earlier one of this test process), never by this thread.
        await whenLexiconShared();
        expect(['built', 'shared']).toContain((await one.status()).lexicon);
        const received = lexiconsReceived();
        await withLibrary(30, async (second) => {
          await second.addStories(compounds);
          const two = new IndexingClient(second, { snapshot: { enabled: false } });
          try {
            await two.whenReady();
            expect(await raketten(two)).toEqual(expected);
            expect(await found(two, 'stilstand ')).toEqual(['k2']);
            expect((await two.status()).lexicon).toBe('shared');
            // A restarted worker is handed it too.
            await two.crashForTest();
            await two.whenReady();
            expect(await raketten(two)).toEqual(expected);
            expect((await two.status()).lexicon).toBe('shared');
          } finally {
            await two.close();
          }
        });
        expect(lexiconsReceived()).toBe(received);
      } finally {
        await one.close();
      }
    });
  });

  it('answers searches, related stories and its status over the message protocol, from another thread', async () => {
    await withLibrary(900, async (store) => {
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        await client.whenReady();
        expect(await found(client, 'verslag123woord')).toEqual(['s123']);
        const answer = await client.match('klassieker '); // a finished word (no prefix search)
        expect(answer!.matches.nums).toBeInstanceOf(Int32Array);
        expect(answer!.matches.nums.length).toBe(300);
        expect(answer!.matches.scores.length).toBe(300);
        expect(answer!.highlight).toEqual(['klassieker']);
        expect(await client.match('de het ')).toBeNull(); // stopwords only: nothing to search for
        // The numbers of the answer are known here: each names a story of the library.
        for (const num of answer!.matches.nums) expect(client.numberOf(client.idAt(num)!)).toBe(num);

        const related = await client.related('s7', { limit: 4, exclude: new Set(['s10']) });
        expect(related).toHaveLength(4);
        for (const hit of related) {
          expect(Number(hit.id.slice(1)) % 3).toBe(1);
          expect(hit.id).not.toBe('s10');
          expect(hit.reasons.length).toBeGreaterThan(0);
        }
        const status = await client.status();
        expect(status.origin).toBe('built');
        expect(status.stories).toBe(900);
        expect(status.threadId).not.toBe(threadId);
        // It gives way to the main thread (thread-priority.ts), where threads have priorities of their own.
        expect(status.priority).toBe(process.platform === 'linux' ? INDEXING_WORKER_NICE : null);
      } finally {
        await client.close();
      }
    });
  });

  it('is awaited, not polled: a lazy client starts at the first question and says when it is ready', async () => {
    await withLibrary(1_200, async (store) => {
      const client = new IndexingClient(store, { start: 'lazy', snapshot: { enabled: false } });
      try {
        expect(client.state).toBe('idle');
        let readyCalls = 0;
        client.onReady(() => readyCalls++);
        const waiting = client.whenReady();
        expect(client.state).toBe('running');
        await waiting;
        expect(client.progress()).toEqual({ ready: true, indexed: 1_200, total: 1_200 });
        expect(readyCalls).toBe(1);
        expect(client.lastBuild?.origin).toBe('built');
      } finally {
        await client.close();
      }
      expect(client.state).toBe('closed');
      await expect(client.match('storm')).rejects.toThrow(/closed/);
    });
  });

  it('reflects edits made while the full build runs: new stories, deletions, notes, tag names, dates', async () => {
    await withLibrary(3_000, async (store) => {
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        // All while the worker is building (it has 3,000 stories to analyse).
        await store.addStories([topicStory(9_000)]);
        await store.update(null, (meta) => ({ ...meta, deleted: ['s3'] }));
        await store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with(Object.entries({ s5: { note: 'eindredactiewoord' } })) }));
        await store.update(null, (meta) => ({ ...meta, tags: [{ id: 't1', name: 'Zeldzametag', parentId: null, color: null, mediaTopic: null }], taggings: StoryMap.from({ s8: ['t1'] }) }));
        expect(client.progress().ready).toBe(false);
        await client.whenReady();
        expect(await found(client, 'verslag9000woord')).toEqual(['s9000']);
        expect(await found(client, 'verslag3woord')).toEqual([]);
        expect(await client.related('s3')).toEqual([]);
        expect(await found(client, 'eindredactiewoord')).toEqual(['s5']);
        expect(await found(client, 'zeldzametag')).toEqual(['s8']);
        // And after the build, a rename reaches every story carrying the tag.
        await store.update(null, (meta) => ({ ...meta, tags: [{ ...meta.tags[0]!, name: 'Anderenaam' }] }));
        await client.whenReady();
        expect(await found(client, 'zeldzametag')).toEqual([]);
        expect(await found(client, 'anderenaam')).toEqual(['s8']);
        expect(client.progress()).toEqual({ ready: true, indexed: expect.any(Number), total: 3_000 });
      } finally {
        await client.close();
      }
    });
  });

  it('starts from a library too large for one message: its records come in parts, and what is asked or changed meanwhile waits for them', async () => {
    await withLibrary(6_000, async (store) => {
      const tag = (id: string, name: string) => ({ id, name, parentId: null, color: null, mediaTopic: null });
      const taggings = Object.fromEntries(Array.from({ length: 6_000 }, (_, n) => [`s${n}`, [n % 2 ? 't1' : 't2']]));
      await store.update(null, (meta) => ({ ...meta, tags: [tag('t1', 'Oneventag'), tag('t2', 'Eventag')], taggings: StoryMap.from(taggings), storyEdits: meta.storyEdits.with([['s4321', { note: 'startnotitiewoord' }]]) }));
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      // Told once every part is sent (the list's background work waits for it), before the indexes can be ready.
      const heard: string[] = [];
      client.onStartSent(() => heard.push('start sent'));
      client.onReady(() => heard.push('ready'));
      try {
        // In the same turn as the start (its parts are still being posted): a question and an edit.
        expect(heard).toEqual([]);
        const asked = found(client, 'oneventag');
        const edited = store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with([['s17', { note: 'tijdensstartwoord' }]]) }));
        // Answered from what was in by then (the build had only begun), never from another story.
        expect((await asked).every((id) => Number(id.slice(1)) % 2 === 1)).toBe(true);
        await edited;
        await client.whenReady();
        const odd = await found(client, 'oneventag');
        expect(odd).toHaveLength(3_000);
        expect(odd.every((id) => Number(id.slice(1)) % 2 === 1)).toBe(true);
        expect(await found(client, 'eventag')).toHaveLength(3_000);
        expect(await found(client, 'startnotitiewoord')).toEqual(['s4321']);
        expect(await found(client, 'tijdensstartwoord')).toEqual(['s17']);
        expect((await client.status()).stories).toBe(6_000);
        expect(heard).toEqual(['start sent', 'ready']);
      } finally {
        await client.close();
      }
    });
  });

  it('gives its start way to requests in flight, but not for good, and not to one that waits for the start', async () => {
    await withLibrary(6_000, async (store) => {
      const taggings = Object.fromEntries(Array.from({ length: 6_000 }, (_, n) => [`s${n}`, ['t1']]));
      await store.update(null, (meta) => ({ ...meta, tags: [{ id: 't1', name: 'Starttag', parentId: null, color: null, mediaTopic: null }], taggings: StoryMap.from(taggings) }));
      const foreground = new Foreground();
      const client = new IndexingClient(store, { snapshot: { enabled: false }, foreground });
      let release = () => {};
      // A request that stays in flight the whole time (an export, say), and one that asks the worker meanwhile.
      const long = foreground.during(() => new Promise<void>((resolve) => (release = resolve)));
      try {
        const asked = foreground.during(() => found(client, 'starttag'));
        expect((await asked).length).toBeLessThanOrEqual(6_000);
        await client.whenReady();
        expect(await foreground.during(() => found(client, 'starttag'))).toHaveLength(6_000);
        expect(foreground.busy).toBe(true);
      } finally {
        release();
        await long;
        await client.close();
      }
    });
  });

  it('starts a worker that died while its start was still being sent, and feeds the new one in full', async () => {
    await withLibrary(6_000, async (store) => {
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        let readyCalls = 0;
        client.onReady(() => readyCalls++);
        // Asked in the same turn as the start: held with it, then the worker dies.
        const crashed = client.crashForTest();
        const asked = client.whenReady();
        await crashed;
        await asked;
        expect(client.state).toBe('running');
        expect(readyCalls).toBe(1);
        expect((await client.status()).stories).toBe(6_000);
        expect(await found(client, 'verslag5999woord')).toEqual(['s5999']);
      } finally {
        await client.close();
      }
      expect(client.workerEnd).toBe('exited');
    });
  });

  it('ends a worker whose start could not be sent, starts it again, and gives up as after crashes', { timeout: 30_000 }, async () => {
    await withLibrary(50, async (store) => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      // As if gathering the segments' records failed, every time.
      const broken = vi.spyOn(store, 'eachSegmentRecords').mockImplementation(function* () {
        yield* [];
        throw new Error('records unreadable');
      });
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        await expect(client.whenReady()).rejects.toThrow(/stopped working/);
        expect(client.state).toBe('failed');
        expect(broken.mock.calls.length).toBe(4);
        expect(errors.mock.calls.some(([line]) => /starting the indexing worker failed: records unreadable/.test(String(line)))).toBe(true);
      } finally {
        await client.close();
        broken.mockRestore();
        errors.mockRestore();
      }
    });
  });

  it('starts a worker that died again, with the library as it then is, and answers as before', async () => {
    await withLibrary(600, async (store) => {
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        await client.whenReady();
        const before = await found(client, 'windstoten');
        const numbering = client.numbering;
        let readyCalls = 0;
        client.onReady(() => readyCalls++);
        await client.crashForTest();
        // A change while the new worker starts: it reads the library as it now is.
        await store.update(null, (meta) => ({ ...meta, deleted: ['s0'] }));
        await client.whenReady();
        expect(client.state).toBe('running');
        expect(client.numbering).not.toBe(numbering);
        expect(readyCalls).toBe(1);
        expect(await found(client, 'windstoten')).toEqual(before.filter((id) => id !== 's0'));
        expect((await client.status()).stories).toBe(599);
      } finally {
        await client.close();
      }
    });
  });

  it('reports how long the main thread was held up while the worker built the indexes', async () => {
    await withLibrary(1_500, async (store) => {
      const before = performance.now();
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        await client.whenReady();
        const report = client.lastBuild!;
        expect(report.startedAt).toBeGreaterThanOrEqual(before);
        expect(report.startedAt + report.ms).toBeLessThanOrEqual(performance.now());
        expect(report.origin).toBe('built');
        expect(Number.isFinite(report.mainLongestBlockMs)).toBe(true);
        expect(report.mainLongestBlockMs).toBeGreaterThanOrEqual(0);
        expect(report.ms).toBeGreaterThan(0);
        // The build ran in the worker's thread, not this one.
        expect((await client.status()).threadId).not.toBe(threadId);
      } finally {
        await client.close();
      }
    });
  });
});

describe('metadata patches', () => {
  it('carry only what changed, and rebuild the document with every unchanged part as it was', () => {
    const before = indexedMetaOf({ ...emptyMeta('2026-01-01T00:00:00.000Z'), taggings: StoryMap.from({ a: ['t1'], b: ['t2'] }), storyEdits: StoryMap.from({ a: { note: 'x' } }) });
    const after = { ...before, taggings: before.taggings.with([['b', ['t1', 't2']], ['c', ['t3']]]), storyEdits: StoryMap.empty<StoryEdit>() };
    const patch = metaPatch(before, after)!;
    expect({ ...patch.taggings }).toEqual({ b: ['t1', 't2'], c: ['t3'] });
    expect({ ...patch.storyEdits }).toEqual({ a: null });
    expect(patch.deleted).toBeUndefined();
    const rebuilt = applyMetaPatch(before, structuredClone(patch));
    expect({ ...rebuilt, taggings: rebuilt.taggings.toJSON(), storyEdits: rebuilt.storyEdits.toJSON() }).toEqual({ ...after, taggings: after.taggings.toJSON(), storyEdits: after.storyEdits.toJSON() });
    expect(rebuilt.taggings.get('a')).toBe(before.taggings.get('a'));
    expect(rebuilt.tags).toBe(before.tags);
    expect(metaPatch(before, { ...before })).toBeNull();
  });
});
