import type { ListPage, ListQuery, SortKey } from '../../../../shared/contract/library';
import type { Matches } from '../../search/index';
import { highestKeys, sortedSlice, sortedSliceSliced, type Order } from '../../search/select';
import { sliceBreather } from '../../slices';
import { fold } from '../../text/dutch';
import { publishedAtOf, type StoryEdit, type StoryHead } from '../../store/meta';
import type { ServiceContext } from '../../service/context';
import { GONE, kindStatus, listDayNumber, type BrowseOrder, type ListKeys } from './list-keys';
import { instantMs } from '../../store/stored-heads';
import { entriesOf, own } from '../../store/records';

const DEFAULT_LIMIT = 100;
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The date a story is placed at (editor-set, estimated or the wire's); '' when it has none. */
function sortDate(ctx: ServiceContext, head: StoryHead): string {
  return publishedAtOf(own(ctx.store.meta.storyEdits, head.id), head) || '';
}

/** Sorts that order by the story's date: undated stories come after all dated ones. */
const byDate = (sort: SortKey) => sort === 'date' || sort === 'relevance';

/**
 * `order` (already turned the list's way), with the undated stories after every dated one
 * whichever way the list runs; among themselves they keep `order` (by import), so they
 * stay put from page to page and call to call.
 */
function undatedLast(order: Order, undated: (at: number) => boolean): Order {
  return (a, b) => {
    const ua = undated(a);
    return ua === undated(b) ? order(a, b) : ua ? 1 : -1;
  };
}

/** Ascending order by `sort` of the stories at positions `0..count)` (search relevance is handled by listMatches). */
function compareBy(ctx: ServiceContext, sort: SortKey, headAt: (at: number) => StoryHead, count: number): Order {
  switch (sort) {
    case 'headline':
      return (a, b) => collator.compare(headAt(a).headline, headAt(b).headline);
    case 'place':
      return (a, b) => collator.compare(headAt(a).dateline.place, headAt(b).dateline.place) || collator.compare(headAt(a).headline, headAt(b).headline);
    case 'imported':
      return (a, b) => headAt(a).importedAt.localeCompare(headAt(b).importedAt);
    case 'relevance': {
      // Without a search there is no relevance: by date.
      const date = sortDates(ctx, headAt, count);
      return (a, b) => date(a).localeCompare(date(b));
    }
    case 'date':
    default: {
      const date = sortDates(ctx, headAt, count);
      return (a, b) => date(a).localeCompare(date(b)) || headAt(a).importedAt.localeCompare(headAt(b).importedAt);
    }
  }
}

/** `sortDate` by position, worked out once per story rather than once per comparison. */
function sortDates(ctx: ServiceContext, headAt: (at: number) => StoryHead, count: number): (at: number) => string {
  const dates: Array<string | undefined> = [];
  for (let i = 0; i < count; i++) dates.push(undefined); // dense from the start: fast to index
  return (at) => (dates[at] ??= sortDate(ctx, headAt(at)));
}

export function matchesFilters(ctx: ServiceContext, head: StoryHead, query: ListQuery): boolean {
  const meta = ctx.store.meta;
  if (query.kind && head.kind !== query.kind) return false;
  if (query.tagIds?.length) {
    const tags = own(meta.taggings, head.id);
    if (!tags || !query.tagIds.every((tag) => tags.includes(tag))) return false;
  }
  if (query.untagged && (own(meta.taggings, head.id)?.length ?? 0) > 0) return false;
  if (query.place && fold(head.dateline.place) !== fold(query.place)) return false;
  if (query.agency) {
    const agency = fold(query.agency);
    if (!head.dateline.agencies.some((a) => fold(a) === agency)) return false;
  }
  if (query.section && fold(head.section ?? '') !== fold(query.section)) return false;
  if (query.from || query.to) {
    const date = publishedAtOf(own(meta.storyEdits, head.id), head);
    if (!date) return false;
    if (query.from && date < query.from) return false;
    if (query.to && date > query.to) return false;
  }
  if (query.hasLinks !== undefined && (ctx.store.linkCountOf(head.id) > 0) !== query.hasLinks) return false;
  return true;
}

/** Browse, filter and search in one pass; only the requested page becomes summaries. */
export async function listStories(ctx: ServiceContext, query: ListQuery): Promise<ListPage> {
  // Untrimmed: a trailing space tells the search that the last word is finished (not a prefix).
  const text = query.query ?? '';
  // Asked of the indexing worker; the story numbers of its answer are known here by the time it arrives.
  const found = text.trim() ? await ctx.search.match(text) : null;
  if (found) {
    const page = listMatches(ctx, query, found.matches, found.highlight);
    return found.expansions?.length ? { ...page, expansions: found.expansions } : page;
  }
  return browse(ctx, query);
}

/** The list without a search (or with one that has nothing to search for). */
async function browse(ctx: ServiceContext, query: ListQuery): Promise<ListPage> {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const { ready } = ctx.search.progress();
  // The keys prepared in the store's order answer until the warm walk has copied them to the
  // stories' numbers, right after ready too: the first browse then (the list asked again when
  // the indexes become ready) would otherwise look up every story's number on its turn (~36 ms
  // at 67,000 stories).
  const byKeys = browseByPrepared(ctx, query) ?? (ready ? browseByKeys(ctx, query) : null);
  if (byKeys) return byKeys;
  // Before the indexes are ready (the list the app opens on, while they are built): every
  // story's date string is compared, tens of milliseconds at 50,000 stories, so the work
  // hands the event loop back every few milliseconds. Its own buffers, then: another list
  // call may run in between.
  const breather = sliceBreather();
  const candidates: StoryHead[] = [];
  const kinds = { article: 0, brief: 0 };
  const others = withoutKind(query);
  let looked = 0;
  for (const head of ctx.store.liveHeads()) {
    if (matchesFilters(ctx, head, others)) {
      if (head.kind === 'article') kinds.article++;
      else if (head.kind === 'brief') kinds.brief++;
      if (!query.kind || head.kind === query.kind) candidates.push(head);
    }
    if ((++looked & 1023) === 0) await breather();
  }
  const sort: SortKey = query.sort ?? 'date';
  const dir = query.dir ?? defaultDir(sort);
  // As a stable sort of the stories in import order would, for the page only.
  const numeric = await numericDateOrder(ctx, sort, candidates, breather);
  const compare = numeric?.compare ?? compareBy(ctx, sort, (at) => candidates[at]!, candidates.length);
  const undated = numeric?.undated ?? ((at: number) => sortDate(ctx, candidates[at]!) === '');
  const directed: Order = dir === 'asc' ? (a, b) => compare(a, b) || a - b : (a, b) => compare(b, a) || a - b;
  const order = byDate(sort) ? undatedLast(directed, undated) : directed;
  // Newest first is the usual list, and a library is mostly imported oldest first: fed last
  // to first, the page's stories come early and the rest are turned away by one comparison
  // each (fed first to last, nearly every story entered the page's heap). The order is
  // total, so what is fed first does not change the page.
  const all = new Int32Array(candidates.length);
  for (let i = 0; i < all.length; i++) all[i] = dir === 'desc' ? all.length - 1 - i : i;
  const page = await sortedSliceSliced(all, candidates.length, order, offset, limit, breather);
  return { total: candidates.length, offset, items: Array.from(page, (at) => ctx.store.toSummary(candidates[at]!)), highlight: [], kinds };
}

/**
 * The date sorts' order of `candidates` (positions) on numbers worked out once per story:
 * the list's day as yyyymmdd (0: undated) and the import instant in milliseconds, the order
 * compareBy's strings give. At 1,340,000 stories comparing the strings, each looked up again
 * per comparison, took ~2 of the opening's seconds. Null for another sort, or when a date is
 * in an unusual form (the strings are compared then).
 */
async function numericDateOrder(ctx: ServiceContext, sort: SortKey, candidates: StoryHead[], breather: () => Promise<void>): Promise<{ compare: Order; undated: (at: number) => boolean } | null> {
  if (sort !== 'date' && sort !== 'relevance' && sort !== 'imported') return null;
  const count = candidates.length;
  const days = new Int32Array(sort === 'imported' ? 0 : count);
  const imported = new Float64Array(sort === 'relevance' ? 0 : count);
  // The edits that set a date, read once into a Map (not looked up per story in the StoryMap,
  // which hashes the id in JavaScript). Dates and import times repeat (the store shares each
  // as one string): each is worked out once (BENCHMARKS.md, session 21).
  const dated = new Map<string, StoryEdit>();
  if (sort !== 'imported') for (const [id, edit] of entriesOf(ctx.store.meta.storyEdits)) if (edit.publishedAt !== undefined) dated.set(id, edit);
  const dayOf = new Map<string, number>();
  let lastImported = '';
  let lastMs = NaN;
  for (let at = 0; at < count; at++) {
    const head = candidates[at]!;
    if (sort !== 'imported') {
      const date = publishedAtOf(dated.get(head.id), head) || '';
      let day = dayOf.get(date);
      if (day === undefined) dayOf.set(date, (day = listDayNumber(date)));
      if (day < 0) return null;
      days[at] = day;
    }
    if (sort !== 'relevance') {
      if (head.importedAt !== lastImported) {
        lastImported = head.importedAt;
        lastMs = instantMs(lastImported);
      }
      if (Number.isNaN(lastMs)) return null;
      imported[at] = lastMs;
    }
    if ((at & 4095) === 4095) await breather();
  }
  const undated = (at: number) => days[at] === 0;
  if (sort === 'imported') return { compare: (a, b) => imported[a]! - imported[b]!, undated };
  if (sort === 'relevance') return { compare: (a, b) => days[a]! - days[b]!, undated };
  return { compare: (a, b) => days[a]! - days[b]! || imported[a]! - imported[b]!, undated };
}

/**
 * Browsing by date before the indexes are ready (the list the app opens on), and after until
 * the warm walk has copied the keys, with no filter but the kind, once the list keys have been
 * worked out meanwhile (PreparedKeys): read off an order of every live story by position in the
 * store's order, made once and kept until a story or a date changes. Null where it cannot
 * answer (not worked out yet: the opening's first page does not wait for them; let go).
 */
function browseByPrepared(ctx: ServiceContext, query: ListQuery): ListPage | null {
  const sort: SortKey = query.sort ?? 'date';
  if ((sort !== 'date' && sort !== 'relevance' && sort !== 'imported') || hasOtherFilters(query)) return null;
  const prepared = ctx.listKeys().preparedKeys();
  if (!prepared?.ready) return null;
  const order = prepared.browseOrder(sort, query.dir ?? defaultDir(sort));
  if (!order) return null;
  const { statuses } = prepared.columns;
  const { total, page } = pageOf(order, (position) => statuses[position]!, query);
  return { total, offset: query.offset ?? 0, items: page.map((position) => ctx.store.toSummary(prepared.headAt(position))), highlight: [], kinds: { article: order.articles, brief: order.briefs } };
}

/** The page of `order` with no filter but the kind (`statusOf` an entry of it), and how many it holds in all. */
function pageOf(order: BrowseOrder, statusOf: (entry: number) => number, query: ListQuery): { total: number; page: number[] } {
  const offset = Math.max(0, query.offset ?? 0);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const { nums } = order;
  const kind = query.kind ? kindStatus(query.kind) : 0;
  const page: number[] = [];
  if (!kind) {
    for (let at = offset; at < Math.min(nums.length, offset + limit); at++) page.push(nums[at]!);
    return { total: nums.length, page };
  }
  const total = kind === ARTICLE ? order.articles : kind === BRIEF ? order.briefs : 0;
  let seen = 0;
  for (let at = 0; at < nums.length && page.length < limit && seen < total; at++) {
    if (statusOf(nums[at]!) !== kind) continue;
    if (seen++ >= offset) page.push(nums[at]!);
  }
  return { total, page };
}

/**
 * Browsing by date (the list with no search: what the app opens on, and what a search
 * box holding one letter shows) through the per-story keys the search list keeps, in
 * the order the string comparisons below give: at 50,000 stories working out every
 * story's date string took 12 of the 25 ms per page. Null where it cannot answer
 * exactly (another sort, the index behind the store, dates in an unusual form).
 */
function browseByKeys(ctx: ServiceContext, query: ListQuery): ListPage | null {
  const sort: SortKey = query.sort ?? 'date';
  if (sort !== 'date' && sort !== 'relevance' && sort !== 'imported') return null;
  const offset = Math.max(0, query.offset ?? 0);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const keys = ctx.listKeys();
  // Every live story in the list's order, kept between calls (ListKeys.browseOrder).
  const order = keys.browseOrder(sort, query.dir ?? defaultDir(sort));
  if (!order) return null;
  const { nums } = order;
  const kind = query.kind ? kindStatus(query.kind) : 0;
  let page: number[] = [];
  let total: number;
  let kinds: { article: number; brief: number };
  if (!hasOtherFilters(query)) {
    // Counted when the order was made; the page read off the order.
    kinds = { article: order.articles, brief: order.briefs };
    ({ total, page } = pageOf(order, (num) => keys.status(num), query));
  } else {
    // Every story is looked at for the counts; the page is the passing ones in order.
    const others = withoutKind(query);
    total = 0;
    kinds = { article: 0, brief: 0 };
    for (let at = 0; at < nums.length; at++) {
      const num = nums[at]!;
      const status = keys.status(num);
      if (status === GONE) return null;
      if (!matchesFilters(ctx, keys.head(num), others)) continue;
      if (status === ARTICLE) kinds.article++;
      else if (status === BRIEF) kinds.brief++;
      if (kind && status !== kind) continue;
      if (total++ >= offset && page.length < limit) page.push(num);
    }
  }
  // The order is of the live stories as the store last told; one gone since is not shown.
  if (page.some((num) => keys.status(num) === GONE)) return null;
  return { total, offset: query.offset ?? 0, items: page.map((num) => ctx.store.toSummary(keys.head(num))), highlight: [], kinds };
}

/**
 * A buffer of at least `n` numbers, the same one call after call: list calls run one
 * at a time, and a new buffer per call of a large search costs a garbage collection
 * of the whole (large) heap every so often.
 */
function reusedBuffer(): (n: number) => Int32Array {
  let buffer = new Int32Array(1024);
  return (n) => (buffer.length >= n ? buffer : (buffer = new Int32Array(Math.max(n, buffer.length * 2))));
}

/** Positions in a list of stories (see sortedSlice). */
const scratchPositions = reusedBuffer();
/** The positions among them that can make a page best first (see highestKeys). */
const scratchBest = reusedBuffer();

/** Order of positions in `nums` by the per-story date keys ('relevance' without a search is by date alone, as in compareBy). */
function keyOrder(keys: ListKeys, sort: 'date' | 'imported' | 'relevance', nums: Int32Array): Order {
  if (sort === 'date') return (a, b) => keys.compareDates(nums[a]!, nums[b]!);
  if (sort === 'imported') return (a, b) => keys.compareImported(nums[a]!, nums[b]!);
  return (a, b) => keys.compareSortDays(nums[a]!, nums[b]!);
}

const defaultDir = (sort: SortKey) => (sort === 'headline' || sort === 'place' ? 'asc' : 'desc');

/** The query without its kind filter: what the counts per kind are of. */
function withoutKind({ kind: _kind, ...query }: ListQuery): ListQuery {
  return query;
}

const ARTICLE = kindStatus('article');
const BRIEF = kindStatus('brief');

/** Filters other than `kind` (which the list reads from ListKeys.status). */
function hasOtherFilters({ kind: _kind, ...query }: ListQuery): boolean {
  return Boolean(query.tagIds?.length || query.untagged || query.place || query.agency || query.section || query.from || query.to || query.hasLinks !== undefined);
}

/**
 * A search's page. Common words match tens of thousands of stories: all are
 * counted (through the filters), but only the page is put in order (sortedSlice),
 * reading what the order needs from per-story keys instead of sorting heads.
 * The order is the one a stable sort of the hits, best first, would give.
 */
function listMatches(ctx: ServiceContext, query: ListQuery, matches: Matches, highlight: string[]): ListPage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const keys = ctx.listKeys();
  const { nums, scores } = matches;
  const kind = query.kind ? kindStatus(query.kind) : 0;
  const filtered = hasOtherFilters(query);
  const sort: SortKey = query.sort ?? 'relevance';
  const dir = query.dir ?? defaultDir(sort);
  // Positions in `matches` of the live stories that pass the filters.
  const kept = scratchPositions(nums.length);
  // Hits per kind, whatever the kind filter: the list offers the other kind with its count.
  const kinds = { article: 0, brief: 0 };
  let keep: ((num: number) => boolean) | null = null;
  if (filtered) {
    const others = withoutKind(query);
    keep = (num) => matchesFilters(ctx, keys.head(num), others);
  }
  const total = keepHits(keys, nums, kind, keep, kept, kinds);
  // Search order: the best score first, ties to the more recently added story.
  const relevance: Order = (a, b) => scores[b]! - scores[a]! || nums[b]! - nums[a]!;
  let order: Order;
  if (sort === 'relevance') order = dir === 'asc' ? (a, b) => relevance(b, a) : relevance;
  else {
    const { compare, undated } = positionCompare(ctx, keys, sort, nums, kept, total);
    const directed: Order = dir === 'asc' ? (a, b) => compare(a, b) || relevance(a, b) : (a, b) => compare(b, a) || relevance(a, b);
    order = byDate(sort) ? undatedLast(directed, undated) : directed;
  }
  // Best first (the search's own order): only the stories whose score can make the page are ordered.
  const best = sort === 'relevance' && dir === 'desc' ? highestKeys(kept, total, scores, offset + limit, scratchBest(total)) : -1;
  const page = best < 0 ? sortedSlice(kept, total, order, offset, limit) : sortedSlice(scratchBest(total), best, order, offset, limit);
  const items = Array.from(page, (at) => ctx.store.toSummary(keys.head(nums[at]!)));
  return { total, offset, items, scores: Array.from(page, (at) => scores[at]!), highlight, kinds };
}

/**
 * Writes to `kept` the positions in `nums` of the live stories of `kind` (0: any) that `keep`
 * lets through (null: all), and returns how many; counts in `kinds` the live ones `keep` lets
 * through, of either kind. The hot loop of a search's page, in a function of its own: inside
 * listMatches, V8 optimised the loop alone while it ran (on-stack replacement) and threw that
 * code away at the first use after the loop of what the first call had not reached yet (the
 * sort, say), again and again: 43–71 times in the first few hundred searches of a process.
 */
function keepHits(keys: ListKeys, nums: Int32Array, kind: number, keep: ((num: number) => boolean) | null, kept: Int32Array, kinds: { article: number; brief: number }): number {
  let total = 0;
  for (let at = 0; at < nums.length; at++) {
    const num = nums[at]!;
    const status = keys.status(num);
    if (status === GONE) continue;
    if (keep && !keep(num)) continue;
    if (status === ARTICLE) kinds.article++;
    else if (status === BRIEF) kinds.brief++;
    if (!kind || status === kind) kept[total++] = at;
  }
  return total;
}

/** `compareBy` over positions in the matches, on numeric keys where the dates allow; and which of them are undated. */
function positionCompare(ctx: ServiceContext, keys: ListKeys, sort: SortKey, nums: Int32Array, kept: Int32Array, total: number): { compare: Order; undated: (at: number) => boolean } {
  const headAt = (at: number) => keys.head(nums[at]!);
  if (sort === 'date' || sort === 'imported') {
    let regular = true;
    for (let i = 0; i < total && regular; i++) regular = keys.keyDates(nums[kept[i]!]!);
    if (regular) return { compare: keyOrder(keys, sort, nums), undated: (at) => keys.undated(nums[at]!) };
  }
  return { compare: compareBy(ctx, sort, headAt, nums.length), undated: (at) => sortDate(ctx, headAt(at)) === '' };
}
