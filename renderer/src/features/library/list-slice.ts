import type { ListQuery } from '../../../../shared/contract/library';
import type { StorySummary } from '../../../../shared/types';
import { toServiceError } from '../../client';
import { isUnreachable } from '../../client/transport';
import { composeListQuery } from '../search/list-query';
import { createLatestGate } from '../search/latest';
import { pagesFor } from '../search/virtual-window';
import { keepListed } from '../selection/selection-model';
import type { AppState, ListSlice, SliceCreator } from '../../store/types';

/** Rows per `stories.list` call: enough to fill a tall list, small enough at 50,000 stories. */
export const PAGE_SIZE = 100;
/** The most rows one call may ask for (the contract's limit). */
const MAX_LIMIT = 1_000;

/** The list query for the current view and sort, with the search text and filters on top. */
export function listQueryOf(state: Pick<AppState, 'view' | 'sort' | 'dir' | 'searchQuery' | 'filters'>): ListQuery {
  return composeListQuery(viewQueryOf(state), state.searchQuery, state.filters);
}

function viewQueryOf(state: Pick<AppState, 'view' | 'sort' | 'dir' | 'searchQuery'>): ListQuery {
  // A tag view lists articles and briefs alike.
  if (state.view.kind === 'tag') return { tagIds: [state.view.tagId], sort: state.sort, dir: state.dir };
  // A search from "All stories" finds briefs too (the kind bar narrows it).
  if (state.view.kind === 'articles' && state.searchQuery.trim() !== '') return { sort: state.sort, dir: state.dir };
  return { kind: state.view.kind === 'briefs' ? 'brief' : 'article', sort: state.sort, dir: state.dir };
}

/** The kind the view lists by itself (no kind filter): 'all' for a tag view and for a search from "All stories". */
export function viewKindOf(state: Pick<AppState, 'view' | 'searchQuery'>): 'article' | 'brief' | 'all' {
  if (state.view.kind === 'tag') return 'all';
  if (state.view.kind === 'briefs') return 'brief';
  return state.searchQuery.trim() !== '' ? 'all' : 'article';
}

/** Identifies what the list answers (not where it is scrolled): a new key lists from the top. */
const listKeyOf = (query: ListQuery) => JSON.stringify(query);

export const DEFAULT_DIR = { date: 'desc', imported: 'desc', headline: 'asc', place: 'asc', relevance: 'desc' } as const;

/** The row at `index`, or undefined while its page is not loaded. */
export function rowAt(pages: ReadonlyMap<number, StorySummary[]>, index: number): StorySummary | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** The loaded rows in list order, for what works on "the loaded rows" (selection ranges, Ctrl+A). */
export function flatten(pages: ReadonlyMap<number, StorySummary[]>): StorySummary[] {
  return [...pages.keys()].sort((a, b) => a - b).flatMap((page) => pages.get(page)!);
}

/** Cuts a run of rows starting at a page boundary into pages. */
function toPages(firstPage: number, rows: StorySummary[]): Map<number, StorySummary[]> {
  const pages = new Map<number, StorySummary[]>();
  for (let at = 0; at < rows.length; at += PAGE_SIZE) pages.set(firstPage + at / PAGE_SIZE, rows.slice(at, at + PAGE_SIZE));
  return pages;
}

/**
 * The list is virtual: a page cache filled on demand by `offset` as the editor
 * scrolls. A reload for another query (new search text, filter, sort or view)
 * starts at page 0 and replaces the cache when it answers; the old rows stay on
 * screen until then. A reload of the same query (after an import, edit or undo)
 * fetches the pages in view again, so the editor keeps their place.
 */
export const createListSlice: SliceCreator<ListSlice> = (set, get, { client }) => {
  // Answers to superseded requests (view switched, newer search typed meanwhile) are dropped.
  const gate = createLatestGate();
  let ticket = 0;
  let shownKey: string | null = null;
  const inFlight = new Set<number>();
  const failed = new Set<number>();
  // The rows the list last showed, so a refresh fetches those pages again.
  let visible = { start: 0, end: PAGE_SIZE };

  async function fetchPage(page: number) {
    const mine = ticket;
    inFlight.add(page);
    set({ loadingMore: true });
    try {
      const answer = await client.call('stories.list', { ...listQueryOf(get()), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (!gate.isLatest(mine)) return;
      failed.delete(page);
      set((state) => {
        const pages = new Map(state.pages);
        pages.set(page, answer.items);
        // The cursor was waiting for a row of this page: it moves there in the same update.
        const waited = state.pendingCursor === null ? undefined : rowAt(pages, state.pendingCursor);
        const cursor = waited ? { cursorId: waited.id, pendingCursor: null } : state.pendingCursor !== null && state.pendingCursor >= answer.total ? { pendingCursor: null } : {};
        return { pages, items: flatten(pages), total: answer.total, kinds: answer.kinds ?? state.kinds, listError: null, ...cursor };
      });
    } catch (error) {
      if (!gate.isLatest(mine)) return;
      failed.add(page);
      // A lost connection is the banner's to say; the page is asked for again on reconnecting.
      if (!isUnreachable(error)) set({ listError: toServiceError(error) });
    } finally {
      if (gate.isLatest(mine)) {
        inFlight.delete(page);
        set({ loadingMore: inFlight.size > 0 });
      }
    }
  }

  return {
    view: { kind: 'articles' },
    sort: 'date',
    dir: 'desc',
    items: [],
    pages: new Map(),
    total: 0,
    listKey: null,
    listState: 'idle',
    listError: null,
    loadingMore: false,
    cursorId: null,
    pendingCursor: null,
    highlight: [],
    expansions: [],
    renderedQuery: null,
    listSearched: false,
    kinds: null,

    setView(view) {
      // The view decides the kind again; search text and the other filters stay.
      set((state) => ({
        view,
        cursorId: null,
        items: [],
        pages: new Map(),
        total: 0,
        filters: state.filters.kind === null ? state.filters : { ...state.filters, kind: null },
      }));
      void get().reloadList();
    },
    setSort(sort) {
      set({ sort, dir: DEFAULT_DIR[sort] });
      void get().reloadList();
    },
    toggleDir() {
      set((state) => ({ dir: state.dir === 'asc' ? 'desc' : 'asc' }));
      void get().reloadList();
    },
    setCursor(id) {
      set({ cursorId: id, pendingCursor: null });
    },
    setCursorAt(index) {
      const { pages, total } = get();
      if (index < 0 || index >= total) return;
      const row = rowAt(pages, index);
      if (row) {
        set({ cursorId: row.id, pendingCursor: null });
        return;
      }
      set({ pendingCursor: index });
      get().ensureRows(index, index + 1);
    },

    async reloadList() {
      const mine = (ticket = gate.begin());
      inFlight.clear();
      failed.clear();
      const searchText = get().searchQuery;
      const query = listQueryOf(get());
      const key = listKeyOf(query);
      const sameQuery = key === shownKey;
      const [first, last] = sameQuery ? [Math.floor(visible.start / PAGE_SIZE), Math.floor(Math.max(visible.start, visible.end - 1) / PAGE_SIZE)] : [0, 0];
      const firstPage = Math.max(0, Math.min(first, last - MAX_LIMIT / PAGE_SIZE + 1));
      const limit = Math.min(MAX_LIMIT, (last - firstPage + 1) * PAGE_SIZE);
      // Once the list has answered, it stays on screen (rows or "no match") until the next answer.
      set((state) => ({ listState: state.listState === 'ready' ? 'ready' : 'loading', listError: null, loadingMore: false }));
      try {
        const answer = await client.call('stories.list', { ...query, offset: firstPage * PAGE_SIZE, limit });
        if (!gate.isLatest(mine)) return;
        shownKey = key;
        if (!sameQuery) visible = { start: 0, end: PAGE_SIZE };
        const pages = toPages(firstPage, answer.items);
        const items = flatten(pages);
        const complete = firstPage === 0 && answer.items.length >= answer.total;
        const cursorId = get().cursorId;
        // A refresh keeps the cursor; a new query (a search typed) starts it at its first row.
        const cursorKept = sameQuery && cursorId !== null && (items.some((item) => item.id === cursorId) || !complete);
        set((state) => ({
          pages,
          items,
          total: answer.total,
          kinds: answer.kinds ?? null,
          listKey: key,
          highlight: answer.highlight,
          expansions: answer.expansions ?? [],
          renderedQuery: searchText,
          // Scores come with a search's results only (shared/contract/library.ts).
          listSearched: answer.scores !== undefined,
          listState: 'ready',
          cursorId: cursorKept ? cursorId : (items[0]?.id ?? null),
          pendingCursor: null,
          // Selected stories that are still listed stay selected (re-sorted, filtered, after undo).
          selection: keepListed(state.selection, items.map((item) => item.id), complete),
        }));
        // The filter choices follow the query while the panel shows them.
        if (!sameQuery && get().filtersOpen) void get().loadFacets();
      } catch (error) {
        if (!gate.isLatest(mine)) return;
        // The connection dropped: the rows on screen stay (the banner says why they are not refreshed).
        if (isUnreachable(error) && get().listState === 'ready') return;
        set({ listState: 'error', listError: toServiceError(error) });
      }
    },

    async loadMore() {
      const { pages, total, listState } = get();
      if (listState !== 'ready') return;
      const next = pages.size === 0 ? 0 : Math.max(...pages.keys()) + 1;
      if (next * PAGE_SIZE >= total || inFlight.has(next)) return;
      await fetchPage(next);
    },

    ensureRows(start, end) {
      const { pages, total, listState, pendingCursor } = get();
      // The rows on screen (a lone pending cursor row is not "on screen" for a refresh).
      if (end - start > 1 || pendingCursor !== start) visible = { start, end };
      if (listState !== 'ready') return;
      get().wantSnippets(visible.start, visible.end);
      for (const page of pagesFor(Math.max(0, start), Math.min(total, end), PAGE_SIZE)) {
        if (!pages.has(page) && !inFlight.has(page) && !failed.has(page)) void fetchPage(page);
      }
    },

    retryRows() {
      failed.clear();
      set({ listError: null });
      get().ensureRows(visible.start, visible.end);
    },
  };
};
