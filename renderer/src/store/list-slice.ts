import type { ListQuery } from '../../../shared/contract/library';
import { toServiceError } from '../client';
import { composeListQuery } from '../search/list-query';
import { keepListed } from './selection-model';
import type { AppState, ListSlice, SliceCreator } from './types';

/** Rows per `stories.list` call: enough to fill a tall list, small enough at 50,000 stories. */
export const PAGE_SIZE = 100;

/** The list query for the current view and sort, with the search text and filters on top. */
export function listQueryOf(state: Pick<AppState, 'view' | 'sort' | 'dir' | 'searchQuery' | 'filters'>): ListQuery {
  return composeListQuery(viewQueryOf(state), state.searchQuery, state.filters);
}

function viewQueryOf(state: Pick<AppState, 'view' | 'sort' | 'dir'>): ListQuery {
  // A tag view lists articles and briefs alike.
  if (state.view.kind === 'tag') return { tagIds: [state.view.tagId], sort: state.sort, dir: state.dir };
  return { kind: state.view.kind === 'briefs' ? 'brief' : 'article', sort: state.sort, dir: state.dir };
}

/** Identifies what the list answers (not where it is scrolled): a new key lists from the top. */
const listKeyOf = (query: ListQuery) => JSON.stringify(query);

export const DEFAULT_DIR = { date: 'desc', imported: 'desc', headline: 'asc', place: 'asc', relevance: 'desc' } as const;

export const createListSlice: SliceCreator<ListSlice> = (set, get, { client }) => {
  // Answers to superseded requests (view switched, newer search typed meanwhile) are dropped.
  let generation = 0;
  // The query the shown rows answer; a reload for another query starts again from the top.
  let shownKey: string | null = null;

  return {
    view: { kind: 'articles' },
    sort: 'date',
    dir: 'desc',
    items: [],
    total: 0,
    listState: 'idle',
    listError: null,
    loadingMore: false,
    cursorId: null,
    highlight: [],
    renderedQuery: null,

    setView(view) {
      // The view decides the kind again; search text and the other filters stay.
      set((state) => ({ view, cursorId: null, items: [], total: 0, filters: state.filters.kind === null ? state.filters : { ...state.filters, kind: null } }));
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
      set({ cursorId: id });
    },

    async reloadList() {
      const mine = ++generation;
      const query = listQueryOf(get());
      const key = listKeyOf(query);
      const sameQuery = key === shownKey;
      // The same query again (after an import or undo): reload as many rows as were shown, so
      // the editor keeps their place. Another query: its first page; the old rows stay until then.
      const shown = sameQuery ? Math.max(PAGE_SIZE, get().items.length) : PAGE_SIZE;
      set((state) => ({ listState: state.items.length ? state.listState : 'loading', listError: null, loadingMore: false }));
      try {
        const page = await client.call('stories.list', { ...query, offset: 0, limit: Math.min(shown, 1_000) });
        if (mine !== generation) return;
        shownKey = key;
        const cursorId = get().cursorId;
        const cursorStillThere = cursorId !== null && page.items.some((item) => item.id === cursorId);
        set((state) => ({
          items: page.items,
          total: page.total,
          highlight: page.highlight,
          renderedQuery: query.query ?? '',
          listState: 'ready',
          cursorId: cursorStillThere ? cursorId : (page.items[0]?.id ?? null),
          // Selected stories that are still listed stay selected (re-sorted, filtered, after undo).
          selection: keepListed(state.selection, page.items.map((item) => item.id), page.items.length >= page.total),
        }));
      } catch (error) {
        if (mine !== generation) return;
        set({ listState: 'error', listError: toServiceError(error) });
      }
    },

    async loadMore() {
      const state = get();
      if (state.loadingMore || state.listState !== 'ready' || state.items.length >= state.total) return;
      const mine = generation;
      set({ loadingMore: true });
      try {
        const page = await client.call('stories.list', { ...listQueryOf(state), offset: state.items.length, limit: PAGE_SIZE });
        if (mine !== generation) return;
        set((current) => {
          // Skip rows already shown (the library may have changed between pages).
          const seen = new Set(current.items.map((item) => item.id));
          return { items: [...current.items, ...page.items.filter((item) => !seen.has(item.id))], total: page.total, loadingMore: false };
        });
      } catch (error) {
        if (mine !== generation) return;
        set({ loadingMore: false, listError: toServiceError(error) });
      }
    },
  };
};
