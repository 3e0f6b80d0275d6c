import { describe, expect, it, vi } from 'vitest';
import type { ListQuery, SortKey } from '../../../../shared/contract/library';
import { openKroniek, type KroniekCore } from '../../app';
import { LibraryIndexes } from '../../indexing/engine';
import { parseQuery, SearchIndex } from '../../search/index';
import { prng } from '../../search/test/synthetic-corpus';
import { runToEnd } from '../../slices';
import { publishedAtOf, type StoryHead } from '../../store/meta';
import { fakeStory, wireVersion, withTempDir } from '../../store/test/helpers';
import type { SearchProvider, ServiceContext } from '../../service/context';
import { FIRST_LETTER_ORDER, KeyColumns, listDayNumber, OPENING_ORDER, orderByKeys, orderSlots, orderSlotsSteps, PreparedKeys, sortedSteps } from './key-columns';
import { ListKeys } from './list-keys';
import { listStories, matchesFilters } from './list';
import { ok } from '../../service/test/calls';
import { StoryMap } from '../../store/story-map';

// The list orders only the page it returns (see listMatches). These tests hold it to
// the plain way: every hit in search order, filtered, sorted with a stable sort, sliced.

const WORDS = ['oorlog', 'vrede', 'korea', 'poetin', 'kim', 'raket', 'top', 'overleg', 'grens', 'haven'];
const PLACES = ['PYONGYANG', 'MOSKOU', 'Den Haag', 'den haag'];
const INSTANTS = ['2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.500Z', '2025-12-31T23:59:59.999Z', '2026-02-10T00:00:00.000Z'];
const DAYS = ['2024-03-01', '2024-03-02', '2023-12-31', '2026-01-01', '2025-06-15'];

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The list as it was before it ordered only the page: sort all, then slice. */
function plainList(ctx: ServiceContext, index: SearchIndex, query: ListQuery) {
  const text = query.query ?? '';
  const parsed = parseQuery(text);
  const hits = text.trim() && !parsed.empty ? index.search(parsed) : null;
  const scores = hits ? new Map(hits.map((hit) => [hit.id, hit.score])) : null;
  const candidates: StoryHead[] = [];
  for (const head of hits ? hits.map((hit) => ctx.store.head(hit.id)) : ctx.store.liveHeads()) if (head && matchesFilters(ctx, head, query)) candidates.push(head);
  // The editor's date, else an agency story's own; undated stories (no date, or an empty
  // one) come after the dated ones, whichever way the list runs.
  const sortDate = (head: StoryHead) => publishedAtOf(ctx.store.meta.storyEdits.get(head.id), head) || '';
  const compareBy = (sort: SortKey): ((a: StoryHead, b: StoryHead) => number) => {
    switch (sort) {
      case 'headline':
        return (a, b) => collator.compare(a.headline, b.headline);
      case 'place':
        return (a, b) => collator.compare(a.dateline.place, b.dateline.place) || collator.compare(a.headline, b.headline);
      case 'imported':
        return (a, b) => a.importedAt.localeCompare(b.importedAt);
      case 'relevance':
        if (scores) return (a, b) => (scores.get(a.id) ?? 0) - (scores.get(b.id) ?? 0);
        return (a, b) => sortDate(a).localeCompare(sortDate(b));
      default:
        return (a, b) => sortDate(a).localeCompare(sortDate(b)) || a.importedAt.localeCompare(b.importedAt);
    }
  };
  const sort: SortKey = query.sort ?? (scores ? 'relevance' : 'date');
  const dir = query.dir ?? (sort === 'headline' || sort === 'place' ? 'asc' : 'desc');
  if (!(sort === 'relevance' && scores)) {
    const compare = compareBy(sort);
    candidates.sort(dir === 'asc' ? compare : (a, b) => compare(b, a));
    if (sort === 'date' || sort === 'relevance') candidates.sort((a, b) => Number(sortDate(a) === '') - Number(sortDate(b) === ''));
  } else if (dir === 'asc') candidates.reverse();
  const offset = query.offset ?? 0;
  return { total: candidates.length, ids: candidates.slice(offset, offset + (query.limit ?? 100)).map((head) => head.id), highlight: parsed.highlight };
}

function fixtureStories(count: number) {
  const random = prng(17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const story = fakeStory(`s${String(i).padStart(3, '0')}`, `${pick(WORDS)} ${pick(WORDS)}`);
    story.head.kind = i % 7 === 0 ? 'brief' : 'article';
    story.head.importedAt = pick(INSTANTS);
    story.head.dateline = { place: pick(PLACES), agencies: ['ANP'] };
    story.body = [{ type: 'paragraph', text: Array.from({ length: 4 + Math.floor(random() * 30) }, () => pick(WORDS)).join(' ') + '.' }];
    return story;
  });
}

async function withLibrary(run: (core: KroniekCore, index: SearchIndex) => Promise<void>) {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: dir });
    try {
      const stories = fixtureStories(300);
      await core.context.store.addStories(stories);
      const random = prng(5);
      await core.context.store.update(null, (meta) => ({
        ...meta,
        storyEdits: StoryMap.from(stories.filter(() => random() < 0.6).map((story) => [story.head.id, { publishedAt: DAYS[Math.floor(random() * DAYS.length)]! }] as const)),
        taggings: StoryMap.from(stories.filter(() => random() < 0.3).map((story): [string, string[]] => [story.head.id, ['t1']])),
      }));
      // The same engine as the indexing worker's, in this process over the same store: it
      // numbers and scores the stories as the worker does, for the plain list to compare with.
      const engine = new LibraryIndexes(core.context.store, 'eager', { enabled: false });
      try {
        await engine.whenReady();
        await core.context.whenIndexesReady();
        await run(core, engine.searchIndex);
      } finally {
        await engine.close();
      }
    } finally {
      await core.close();
    }
  });
}

const QUERIES = ['oorlog ', 'oorlog vrede ', 'kor', 'korea -poetin ', '"kim top"', 'raket grens haven ', 'de het ', 'onbekendwoord ', ''];
const SORTS = [undefined, 'relevance', 'date', 'imported', 'headline', 'place'] as const;
const FILTERS: ListQuery[] = [{}, { kind: 'article' }, { kind: 'brief', tagIds: ['t1'] }, { from: '2024-03-01' }];

/** Every query, sort, direction and filter, at the first, second, a deep and an empty page. */
async function expectSameAsPlain(ctx: ServiceContext, index: SearchIndex, queries = QUERIES, filters = FILTERS) {
  let checked = 0;
  for (const text of queries) {
    for (const sort of SORTS) {
      for (const dir of [undefined, 'asc', 'desc'] as const) {
        for (const filter of filters) {
          const base: ListQuery = { ...filter, query: text || undefined, sort, dir };
          const { total } = plainList(ctx, index, base);
          for (const [offset, limit] of [[0, 9], [9, 9], [Math.max(0, total - 4), 9], [0, 1_000], [total, 5]] as const) {
            const query = { ...base, offset, limit };
            const page = await listStories(ctx, query);
            const plain = plainList(ctx, index, query);
            expect({ total: page.total, ids: page.items.map((item) => item.id), highlight: page.highlight }, JSON.stringify(query)).toEqual(plain);
            checked++;
          }
        }
      }
    }
  }
  return checked;
}

describe('stories.list with a search: counts every hit, orders only the page', () => {
  it('gives the same totals and pages as sorting every hit', async () => {
    await withLibrary(async (core, index) => {
      expect((await listStories(core.context, { query: 'oorlog ' })).total).toBeGreaterThan(100); // a common word: pages are a small part
      expect(await expectSameAsPlain(core.context, index)).toBe(QUERIES.length * SORTS.length * 3 * FILTERS.length * 5);
    });
  });

  it('follows date edits, deletions and undo', async () => {
    await withLibrary(async (core, index) => {
      const ctx = core.context;
      const first = await listStories(ctx, { query: 'oorlog ', sort: 'date', limit: 5 });
      await ok(core, 'stories.setDate', { id: first.items[4]!.id, date: '2030-01-01' });
      await ok(core, 'stories.setDate', { id: 's001', date: '2000-01-01' });
      await ok(core, 'stories.delete', { ids: [first.items[0]!.id, 's002', 's003'] });
      await ctx.whenIndexesReady();
      expect((await listStories(ctx, { query: 'oorlog ', sort: 'date', limit: 5 })).items[0]!.id).toBe(first.items[4]!.id);
      await expectSameAsPlain(ctx, index, ['oorlog ', 'kor', ''], [{}, { kind: 'brief' }]);
      await ok(core, 'history.undo', {});
      await ok(core, 'history.undo', {});
      await ctx.whenIndexesReady();
      await expectSameAsPlain(ctx, index, ['oorlog ', 'kor', ''], [{}, { kind: 'brief' }]);
    });
  });

  it('browses (no search) alike after imports, deletions, restores and a newer agency version, every time', async () => {
    await withLibrary(async (core, index) => {
      const ctx = core.context;
      const browse = async () => {
        await ctx.whenIndexesReady();
        await expectSameAsPlain(ctx, index, [''], FILTERS);
        // Read off the order kept between calls, not worked out again (the plain way's fallback).
        for (const sort of ['date', 'imported', 'relevance'] as const) expect(ctx.listKeys().browseOrder(sort, 'asc')?.nums.length).toBe(ctx.store.storyCount);
      };
      await browse();
      // The browse order is kept between calls: each of these must make it stale.
      await ctx.store.addStories([...fixtureStories(310).slice(300), wireVersion('w1', 1, 'Dijk verzakt bij Lith')]);
      await browse();
      await ok(core, 'stories.delete', { ids: ['s007', 's305'] });
      await browse();
      await ok(core, 'history.undo', {});
      await browse();
      await ctx.store.addStories([wireVersion('w1', 2, 'Dijk verzakt bij Lith over vijftig meter')]);
      await browse();
      expect((await listStories(ctx, { limit: 1_000 })).items.filter((item) => item.id === 'w1').map((item) => item.headline)).toEqual(['Dijk verzakt bij Lith over vijftig meter']);
    });
  });

  it('gives the same pages with every story prepared ahead, before and after edits', async () => {
    await withLibrary(async (core, index) => {
      const ctx = core.context;
      await ok(core, 'stories.delete', { ids: ['s004', 's005'] });
      await ctx.whenIndexesReady();
      ctx.listKeys().warm();
      await expectSameAsPlain(ctx, index, ['oorlog ', 'kor', ''], FILTERS);
      await ok(core, 'stories.setDate', { id: 's006', date: '2031-05-05' });
      await expectSameAsPlain(ctx, index, [''], FILTERS);
      await ok(core, 'history.undo', {}); // s006 keeps no date
      await ok(core, 'history.undo', {}); // s004 and s005 back
      await ctx.whenIndexesReady();
      ctx.listKeys().warm();
      await expectSameAsPlain(ctx, index, ['oorlog ', 'kor', ''], FILTERS);
    });
  });

  it('browses alike before the indexes are ready (every story looked at), on numbers and, for dates in another form, on strings', async () => {
    await withLibrary(async (core, index) => {
      // The list the app opens on, while the indexes are still being built.
      const building = (): ServiceContext => ({ ...core.context, search: { ...core.context.search, progress: () => ({ ready: false, indexed: 0, total: core.context.store.storyCount }) } });
      await expectSameAsPlain(building(), index, [''], FILTERS);
      await ok(core, 'stories.delete', { ids: ['s004', 's005'] });
      await ok(core, 'stories.setDate', { id: 's006', date: '2031-05-05' });
      await expectSameAsPlain(building(), index, [''], FILTERS);
      // Agency stories are dated by the wire unless the editor set a date, took it away (null) or left it empty.
      await core.context.store.addStories([wireVersion('w1', 1, 'Dijk bij Olst houdt'), wireVersion('w2', 1, 'Veerpont vaart weer'), wireVersion('w3', 1, 'Sluis dicht')]);
      await core.context.store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with(Object.entries({ w1: { publishedAt: null }, w2: { publishedAt: '' }, w3: { note: 'alleen een notitie' }, s007: { publishedAt: null } })) }));
      expect((await listStories(building(), { sort: 'date', dir: 'asc', limit: 1_000 })).items.filter((item) => item.id.startsWith('w')).map((item) => [item.id, item.publishedAt])).toEqual([
        ['w3', '2026-01-01'],
        ['w1', null],
        ['w2', ''],
      ]);
      await expectSameAsPlain(building(), index, [''], FILTERS);
      await core.context.store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with([['s010', { publishedAt: '2024-3-1' }]]) }));
      await expectSameAsPlain(building(), index, [''], [{}]);
    });
  });

  it('gives the same pages with the keys prepared in store order before the stories were numbered, and never uses keys gone stale', async () => {
    await withLibrary(async (core, index) => {
      const ctx = core.context;
      const { indexing } = core.library;
      // Some undated stories, some agency stories dated by the wire.
      await ctx.store.addStories([wireVersion('w1', 1, 'Dijk bij Olst houdt'), wireVersion('w2', 1, 'Veerpont vaart weer')]);
      await ctx.store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with(Object.entries({ s011: { publishedAt: '' }, w1: { publishedAt: null } })) }));
      await ctx.whenIndexesReady();
      const prepare = () => {
        const prepared = new PreparedKeys(ctx.store);
        while (!prepared.advance(7)) continue;
        return prepared;
      };
      /** Calls of `work`, and how many stories' dates were worked out meanwhile (not copied). */
      const counted = <T>(work: () => T) => {
        const workedOut = vi.spyOn(KeyColumns.prototype, 'keyDatesOf');
        try {
          return { value: work(), workedOut: workedOut.mock.calls.length };
        } finally {
          workedOut.mockRestore();
        }
      };
      /** Keys warmed from `prepared`, and how many stories' dates were worked out meanwhile. */
      const warmed = (prepared: PreparedKeys | null) => {
        const keys = new ListKeys(ctx.store, indexing, indexing.numbering);
        keys.adopt(prepared);
        const { workedOut } = counted(() => keys.warm());
        return { keys, workedOut };
      };
      const withKeys = (keys: ListKeys, ready = true): ServiceContext => ({
        ...ctx,
        listKeys: () => {
          keys.sync();
          return keys;
        },
        // Before the indexes are ready: the list the app opens on.
        ...(ready ? {} : { search: { ...ctx.search, progress: () => ({ ready: false, indexed: 0, total: ctx.store.storyCount }) } }),
      });
      const SORTED = ['date', 'imported', 'relevance'] as const;
      const prepared = prepare();
      expect(prepared.ready).toBe(true);
      expect(prepared.count).toBe(ctx.store.storyCount);
      const copied = warmed(prepared);
      expect(copied.workedOut).toBe(0);
      const plain = warmed(null);
      expect(plain.workedOut).toBe(ctx.store.storyCount);
      for (const sort of SORTED) for (const dir of ['asc', 'desc'] as const) expect(copied.keys.browseOrder(sort, dir), `${sort} ${dir}`).toEqual(plain.keys.browseOrder(sort, dir));
      await expectSameAsPlain(withKeys(copied.keys), index, ['oorlog ', 'kor', ''], FILTERS);
      // A browse before the warm walk: the order is the prepared one by number (none worked
      // out, none copied: the keys stay prepared for the walk), and the walk keeps it.
      const early = new ListKeys(ctx.store, indexing, indexing.numbering);
      early.adopt(prepared);
      const browsed = counted(() => early.browseOrder('date', 'desc'));
      expect(browsed.value).toEqual(plain.keys.browseOrder('date', 'desc'));
      expect(browsed.workedOut).toBe(0);
      expect(early.preparedKeys()).toBe(prepared);
      expect(counted(() => early.warm()).workedOut).toBe(0);
      expect(early.preparedKeys()).toBeNull(); // copied: let go
      expect(early.browseOrder('date', 'desc')).toBe(browsed.value);
      // The walk first: the orders made of the prepared keys before the indexes were ready are kept by number.
      const walked = new ListKeys(ctx.store, indexing, indexing.numbering);
      walked.adopt(prepared);
      expect(prepared.browseOrder('imported', 'asc')).not.toBeNull();
      walked.warm();
      const kept = walked.browseOrder('imported', 'asc');
      expect(kept).toEqual(plain.keys.browseOrder('imported', 'asc'));
      expect(walked.browseOrder('imported', 'asc')).toBe(kept);
      // Before the indexes are ready, the list is read off the prepared keys by position.
      const opening = new ListKeys(ctx.store, indexing, indexing.numbering);
      opening.adopt(prepare());
      await expectSameAsPlain(withKeys(opening, false), index, [''], FILTERS);
      expect(opening.preparedKeys()?.browseOrder('date', 'desc')).not.toBeNull();
      // Right after ready, before the warm walk: a plain browse is still read off them, with no
      // look-up of every story's number on its turn; the filtered ones go by number, alike.
      const justReady = new ListKeys(ctx.store, indexing, indexing.numbering);
      justReady.adopt(prepare());
      const lookups = vi.spyOn(indexing, 'numberOf');
      try {
        for (const kind of [undefined, 'brief'] as const) expect((await listStories(withKeys(justReady), { kind, sort: 'date', limit: 20 })).items).toHaveLength(20);
        expect(lookups).not.toHaveBeenCalled();
      } finally {
        lookups.mockRestore();
      }
      await expectSameAsPlain(withKeys(justReady), index, [''], FILTERS);

      // A date set, stories deleted, a story added after the keys were prepared: not used, worked out again where asked.
      const stale = prepare();
      await ok(core, 'stories.setDate', { id: 's020', date: '2031-05-05' });
      expect(stale.ready).toBe(false);
      expect(stale.browseOrder('date', 'desc')).toBeNull();
      const afterDate = warmed(stale);
      expect(afterDate.workedOut).toBe(ctx.store.storyCount);
      await expectSameAsPlain(withKeys(afterDate.keys), index, ['oorlog ', ''], [{}, { kind: 'brief' }]);
      const beforeDelete = prepare();
      const opened = new ListKeys(ctx.store, indexing, indexing.numbering);
      opened.adopt(beforeDelete);
      await ok(core, 'stories.delete', { ids: ['s004', 's030'] });
      await ctx.whenIndexesReady();
      expect(beforeDelete.ready).toBe(false);
      await expectSameAsPlain(withKeys(warmed(beforeDelete).keys), index, ['oorlog ', ''], [{}, { kind: 'brief' }]);
      // The list before ready does without them, until they are worked out again.
      await expectSameAsPlain(withKeys(opened, false), index, [''], [{}, { kind: 'article' }]);
      expect(beforeDelete.ready).toBe(false);
      while (!beforeDelete.advance(1_000)) continue;
      expect(beforeDelete.count).toBe(ctx.store.storyCount);
      await expectSameAsPlain(withKeys(opened, false), index, [''], FILTERS);
      // Changed while being worked out: worked out again from the start.
      const midway = new PreparedKeys(ctx.store);
      midway.advance(10);
      await ok(core, 'history.undo', {});
      while (!midway.advance(7)) continue;
      expect(midway.count).toBe(ctx.store.storyCount);
      const again = new ListKeys(ctx.store, indexing, indexing.numbering);
      again.adopt(midway);
      expect(counted(() => again.browseOrder('imported', 'asc')).workedOut).toBe(0);
      expect(again.browseOrder('imported', 'asc')).toEqual(warmed(null).keys.browseOrder('imported', 'asc'));
      // A date in another form: no order by position; the list compares the strings as before.
      await ctx.store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with([['s010', { publishedAt: '2024-3-1' }]]) }));
      const irregular = prepare();
      expect(irregular.browseOrder('date', 'desc')).toBeNull();
      const late = new ListKeys(ctx.store, indexing, indexing.numbering);
      late.adopt(irregular);
      await expectSameAsPlain(withKeys(late, false), index, [''], [{}, { kind: 'brief' }]);
      await expectSameAsPlain(withKeys(late), index, ['oorlog ', ''], [{}, { kind: 'brief' }]);
    });
  });

  it('makes the order of the list the app opens on in steps, keeps it for the browse, and drops one made of keys gone stale', async () => {
    await withLibrary(async (core) => {
      const ctx = core.context;
      const prepare = () => {
        const prepared = new PreparedKeys(ctx.store);
        while (!prepared.advance(50)) continue;
        return prepared;
      };
      const finish = <T>(steps: Generator<void, T>) => {
        let yields = 0;
        for (;;) {
          const step = steps.next();
          if (step.done) return { value: step.value, yields };
          yields++;
        }
      };
      for (const sort of ['date', 'imported', 'relevance'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const prepared = prepare();
          const made = finish(prepared.orderSteps(sort, dir));
          // At least around the numeric sort (in steps of its own at scale): a background task hands the event loop back there.
          expect(made.yields).toBeGreaterThanOrEqual(2);
          expect(made.value, `${sort} ${dir}`).toEqual(prepare().browseOrder(sort, dir));
          // Kept: the browse reads it, and making it again is no work.
          expect(prepared.browseOrder(sort, dir)).toBe(made.value);
          expect(finish(prepared.orderSteps(sort, dir))).toEqual({ value: made.value, yields: 0 });
        }
      }
      // A date set while it is being made: not kept (the keys no longer hold).
      const stale = prepare();
      const steps = stale.orderSteps('date', 'desc');
      steps.next();
      await ok(core, 'stories.setDate', { id: 's020', date: '2031-05-05' });
      expect(finish(steps).value).toBeNull();
      expect(stale.browseOrder('date', 'desc')).toBeNull();
    });
  });

  it('has the opening order made in the background when a library opens, not by the first browse after ready', async () => {
    await withTempDir(async (dir) => {
      const first = await openKroniek({ platform: 'cli', dataDir: dir });
      await first.context.store.addStories(fixtureStories(120));
      await first.close();
      const made = vi.spyOn(PreparedKeys.prototype, 'orderSteps');
      try {
        const core = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: { enabled: false } });
        try {
          await core.context.whenIndexesReady();
          await vi.waitFor(() => expect(made).toHaveBeenCalledWith(OPENING_ORDER.sort, OPENING_ORDER.dir));
          const page = (await listStories(core.context, { limit: 10 })).items.map((item) => item.id);
          expect(page).toHaveLength(10);
          expect(page).toEqual((await listStories(core.context, { sort: OPENING_ORDER.sort, dir: OPENING_ORDER.dir, limit: 10 })).items.map((item) => item.id));
          // And the order the first letter of a search shows, kept by the list for it.
          expect(made).toHaveBeenCalledWith(FIRST_LETTER_ORDER.sort, FIRST_LETTER_ORDER.dir);
          const keys = core.context.listKeys();
          const order = keys.browseOrder(FIRST_LETTER_ORDER.sort, FIRST_LETTER_ORDER.dir);
          expect(keys.browseOrder(FIRST_LETTER_ORDER.sort, FIRST_LETTER_ORDER.dir)).toBe(order);
          const letter = await listStories(core.context, { query: 'o', sort: FIRST_LETTER_ORDER.sort, dir: FIRST_LETTER_ORDER.dir, limit: 10 });
          expect(letter.total).toBe(120);
          expect(letter.items.map((item) => item.id)).toEqual(Array.from(order!.nums.subarray(0, 10), (num) => keys.head(num).id));
        } finally {
          await core.close();
        }
      } finally {
        made.mockRestore();
      }
    });
  });

  it('compares the strings when a date is not in the usual form', async () => {
    await withLibrary(async (core, index) => {
      await core.context.store.update(null, (meta) => ({
        ...meta,
        storyEdits: meta.storyEdits.with(Object.entries({ s010: { publishedAt: '2024-3-1' }, s011: { publishedAt: '' }, s012: { publishedAt: null }, s013: { publishedAt: '2024-03-01 ' } })),
      }));
      await expectSameAsPlain(core.context, index, ['oorlog ', 'kim '], [{}]);
    });
  });

  it('leaves out a story deleted before the search index heard of it, and takes it back after undo', async () => {
    await withLibrary(async (core, live) => {
      // A search index that never follows the store, like one still catching up.
      const index = new SearchIndex();
      for (const id of live.search('oorlog ').map((hit) => hit.id)) {
        const head = core.context.store.head(id)!;
        index.add({ id, headline: head.headline, body: 'oorlog', place: '', tags: [], note: '' });
      }
      const provider: SearchProvider = {
        match: async (text) => ({ matches: index.match(text), highlight: parseQuery(text).highlight }),
        highlight: async (text) => parseQuery(text).highlight,
        idAt: (num) => index.idAt(num),
        numberOf: (id) => index.numberOf(id),
        get numbersRevision() {
          return index.version;
        },
        progress: () => ({ ready: true, indexed: index.size, total: index.size }),
        whenReady: async () => {},
        numbering: 0,
      };
      const keys = new ListKeys(core.context.store, provider);
      const ctx: ServiceContext = {
        ...core.context,
        search: provider,
        listKeys: () => {
          keys.sync();
          return keys;
        },
      };
      const before = await listStories(ctx, { query: 'oorlog ', limit: 3 });
      await core.context.store.update({ code: 'story.delete', count: 1 }, (meta) => ({ ...meta, deleted: [...meta.deleted, before.items[0]!.id] }));
      const after = await listStories(ctx, { query: 'oorlog ', limit: 3 });
      expect(after.total).toBe(before.total - 1);
      expect(after.items.map((item) => item.id)).toEqual([before.items[1]!.id, before.items[2]!.id, expect.any(String)]);
      await expectSameAsPlain(ctx, index, ['oorlog '], [{}]);
      await core.context.store.undo();
      expect(await listStories(ctx, { query: 'oorlog ', limit: 3 })).toEqual(before);
    });
  });

  it('answers the next page of the same search alike, and a changed index afresh', async () => {
    await withLibrary(async (core) => {
      const search = core.context.search;
      const answer = await search.match('oorlog ');
      expect(await search.match('oorlog ')).toEqual(answer);
      await ok(core, 'stories.setNote', { id: 's000', note: 'zeldzaamwoord' });
      await search.whenReady();
      expect((await listStories(core.context, { query: 'zeldzaamwoord ' })).items.map((item) => item.id)).toEqual(['s000']);
    });
  });
});

describe('sort keys: the numbers the list compares stand for the strings it used to', () => {
  it('orders ISO days and instants as localeCompare does', () => {
    const random = prng(3);
    const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, '0');
    const instant = () => `20${digits(2)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}.${digits(3)}Z`;
    const number = (value: string) => [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13), value.slice(14, 16), value.slice(17, 19), value.slice(20, 23)].map(Number);
    const compareNumbers = (a: number[], b: number[]) => a.reduce((found, value, i) => found || value - b[i]!, 0);
    // Every third pair on the same day, so the times decide.
    const sameDay = (a: string) => a.slice(0, 11) + a.slice(11).replace(/\d/g, () => digits(1));
    for (let i = 0; i < 2_000; i++) {
      const a = instant();
      const b = i % 3 ? instant() : sameDay(a);
      expect(Math.sign(a.localeCompare(b)), `${a} ${b}`).toBe(Math.sign(compareNumbers(number(a), number(b))));
      expect(Math.sign(a.slice(0, 10).localeCompare(b.slice(0, 10)))).toBe(Math.sign(compareNumbers(number(a).slice(0, 3), number(b).slice(0, 3))));
    }
  });
});

describe('browse order: a counting sort by day, then each day by comparisons', () => {
  it('orders as one sort by day, then instant, then position', () => {
    const random = prng(23);
    for (const [count, days, instants] of [[0, 1, 1], [1, 1, 1], [2, 1, 1], [500, 1, 1_000], [500, 7, 3], [2_000, 400, 50], [2_000, 2_000, 2_000], [3_000, 30, 1]] as const) {
      const pick = (n: number) => Math.floor(random() * n);
      // Signed days (the list runs either way) and the undated marker; instants with ties, some negative.
      const first = Int32Array.from({ length: count }, () => (pick(days) === 0 ? 2 ** 31 - 1 : (random() < 0.5 ? -1 : 1) * (20_000_000 + pick(days))));
      const second = Float64Array.from({ length: count }, () => (random() < 0.5 ? -1 : 1) * pick(instants) * 86_400_123);
      const expected = Array.from({ length: count }, (_, at) => at).sort((a, b) => first[a]! - first[b]! || second[a]! - second[b]! || a - b);
      expect([...orderByKeys(first, second)], `${count} ${days} ${instants}`).toEqual(expected);
    }
  });

  it('orders long days imported in order, in reverse or mixed, and more stories than one sorted chunk', () => {
    const random = prng(29);
    for (const [count, days, shape] of [[5_000, 3, 'ascending'], [5_000, 3, 'descending'], [5_000, 3, 'ties'], [40_000, 60, 'ascending'], [40_000, 60, 'descending'], [40_000, 900, 'mixed']] as const) {
      const first = Int32Array.from({ length: count }, () => 20_000_000 + Math.floor(random() * days));
      // The import instant of each position: rising with it (the usual library), falling (the list newest first), with ties, or at random.
      const second = Float64Array.from({ length: count }, (_, at) =>
        shape === 'ascending' ? at * 1_000 : shape === 'descending' ? -at * 1_000 : shape === 'ties' ? Math.floor(at / 7) * 1_000 : Math.floor(random() * 5_000) * 1_000,
      );
      const expected = Array.from({ length: count }, (_, at) => at).sort((a, b) => first[a]! - first[b]! || second[a]! - second[b]! || a - b);
      expect([...orderByKeys(first, second)], `${count} ${days} ${shape}`).toEqual(expected);
    }
  });
});

describe('orderSlotsSteps: the same order in steps as at once', () => {
  it('sorts the keys in chunks and merges them to the order one sort gives, for every sort and direction', () => {
    const random = prng(37);
    for (const [count, days] of [[3_000, 20], [9_000, 400], [9_000, 9_000]] as const) {
      const columns = new KeyColumns(count);
      for (let at = 0; at < count; at++) {
        // Some undated, days over a few years, import instants with repeats.
        columns.sortDay[at] = random() < 0.05 ? 0 : 20_200_101 + Math.floor(random() * days);
        columns.importedDay[at] = 20_240_101 + Math.floor(random() * 28);
        columns.importedTime[at] = Math.floor(random() * 24) * 10_000_000 + Math.floor(random() * 60) * 100_000 + Math.floor(random() * 3) * 1_000;
      }
      const slots = Int32Array.from({ length: count }, (_, at) => count - 1 - at);
      for (const sort of ['date', 'imported', 'relevance'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const some of [null, slots]) {
            const stepped = runToEnd(orderSlotsSteps(columns, some, count, sort, dir, 256));
            expect([...stepped], `${count} ${days} ${sort} ${dir}`).toEqual([...orderSlots(columns, some, count, sort, dir)]);
          }
        }
      }
    }
  });
});

describe('sortedSteps: a numeric sort in steps', () => {
  it('sorts as one native sort, whatever the chunk, yielding between steps', () => {
    const random = prng(31);
    for (const [count, chunk] of [[0, 4], [1, 4], [4, 4], [5, 4], [1_000, 7], [1_000, 1_000], [10_000, 64], [33_333, 1_024], [40_000, 16_384]] as const) {
      // Integers with repeats, negatives and large magnitudes (as packed keys are).
      const values = Float64Array.from({ length: count }, () => (random() < 0.5 ? -1 : 1) * Math.floor(random() * count) * 2 ** 21 + Math.floor(random() * 3));
      const expected = Float64Array.from(values).sort();
      const steps = sortedSteps(values, chunk);
      let yields = 0;
      let step = steps.next();
      while (!step.done) {
        yields++;
        step = steps.next();
      }
      expect([...step.value], `${count} ${chunk}`).toEqual([...expected]);
      if (count > chunk) expect(yields, `${count} ${chunk}`).toBeGreaterThanOrEqual(Math.ceil(count / chunk));
    }
  });
});

describe('date keys: read character by character as the patterns read them', () => {
  // The rules as they were written before (regular expressions, slices, Number).
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
  const dayNumber = (day: string) => Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
  const timeNumber = (instant: string) => Number(instant.slice(11, 13)) * 10_000_000 + Number(instant.slice(14, 16)) * 100_000 + Number(instant.slice(17, 19)) * 1_000 + Number(instant.slice(20, 23));

  it('gives the same day numbers, import keys and irregular forms for well-formed and broken dates', () => {
    const random = prng(11);
    const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, '0');
    const wellFormed = () => `${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}.${digits(3)}Z`;
    // One character changed, dropped or added: a letter, a space, another digit system, a sign, a dot.
    const ODD = ['a', ' ', '٣', '１', '+', '-', '.', ':', 'T', 'Z', '/', '\u0000', '9'];
    const broken = (text: string) => {
      const at = Math.floor(random() * text.length);
      const choice = random();
      if (choice < 0.6) return text.slice(0, at) + ODD[Math.floor(random() * ODD.length)] + text.slice(at + 1);
      if (choice < 0.8) return text.slice(0, at) + text.slice(at + 1);
      return text.slice(0, at) + ODD[Math.floor(random() * ODD.length)] + text.slice(at);
    };
    const head = (importedAt: string): StoryHead => ({ ...fakeStory('x1', 'Kop').head, importedAt });
    for (let i = 0; i < 5_000; i++) {
      const instant = i % 2 ? wellFormed() : broken(wellFormed());
      const day = i % 3 ? instant.slice(0, 10) : broken(instant.slice(0, 10));
      const expectedDay = day === '' ? 0 : DAY.test(day) ? dayNumber(day) : -1;
      expect(listDayNumber(day), day).toBe(expectedDay);
      const columns = new KeyColumns(1);
      const regular = columns.keyDatesOf(0, head(instant), { publishedAt: day });
      expect(regular, `${day} ${instant}`).toBe(expectedDay >= 0 && INSTANT.test(instant));
      if (regular) {
        expect([columns.sortDay[0], columns.importedDay[0], columns.importedTime[0]]).toEqual([expectedDay, dayNumber(instant), timeNumber(instant)]);
      }
    }
    expect(listDayNumber('')).toBe(0);
  });
});

describe('stories.list by date: undated stories last, in a stable order', () => {
  it('puts every undated story after the dated ones in both directions, with and without the indexes, the same on every call', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      try {
        const stories = Array.from({ length: 12 }, (_, i) => {
          const story = fakeStory(`u${String(i).padStart(2, '0')}`, `verhaal ${i}`);
          story.head.importedAt = INSTANTS[i % INSTANTS.length]!;
          return story;
        });
        await core.context.store.addStories(stories);
        const dated = { u01: '2024-03-01', u04: '2023-12-31', u07: '2026-01-01', u10: '2025-06-15' };
        for (const [id, date] of Object.entries(dated)) await ok(core, 'stories.setDate', { id, date });
        const ids = async (dir: 'asc' | 'desc', sort: SortKey = 'date') => (await listStories(core.context, { sort, dir })).items.map((item) => item.id);
        const check = async () => {
          for (const sort of ['date', 'relevance'] as const) {
            const desc = await ids('desc', sort);
            const asc = await ids('asc', sort);
            expect(desc.slice(0, 4)).toEqual(['u07', 'u10', 'u01', 'u04']);
            expect(asc.slice(0, 4)).toEqual(['u04', 'u01', 'u10', 'u07']);
            expect(new Set(desc.slice(4))).toEqual(new Set(stories.map((s) => s.head.id).filter((id) => !(id in dated))));
            expect(new Set(asc.slice(4))).toEqual(new Set(desc.slice(4)));
            // Stable: the same order call after call, and page by page.
            expect(await ids('desc', sort)).toEqual(desc);
            const pages = [...(await listStories(core.context, { sort, dir: 'desc', limit: 5 })).items, ...(await listStories(core.context, { sort, dir: 'desc', offset: 5, limit: 7 })).items];
            expect(pages.map((item) => item.id)).toEqual(desc);
          }
          return ids('desc');
        };
        // Before the indexes exist (strings compared), then through the per-story keys.
        const before = await check();
        await core.context.whenIndexesReady();
        core.context.listKeys().warm();
        expect(await check()).toEqual(before);
      } finally {
        await core.close();
      }
    });
  });
});
