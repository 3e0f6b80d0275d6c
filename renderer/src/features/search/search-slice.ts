import { createDebouncer } from './latest';
import { viewKindOf } from '../library/list-slice';
import type { SearchSlice } from './search-types';
import type { AppState, SliceCreator } from '../../store/types';

/** Quiet time after a keystroke before the list follows, while the editor types fast. */
export const SEARCH_DEBOUNCE_MS = 80;

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get) => {
  /**
   * The list answers `text` from now on. Sorting follows the search: a new search
   * sorts by relevance, and clearing it goes back to the sort used before (unless
   * the editor picked another sort meanwhile). Stale answers are dropped by the list.
   */
  function commit(text: string): boolean {
    const state = get();
    if (text === state.searchQuery) {
      // No new list comes to ask for the snippets a keystroke held (see holdSnippets).
      state.resumeSnippets();
      return false;
    }
    const wasSearching = state.searchQuery.trim() !== '';
    const searching = text.trim() !== '';
    // A kind filter the view now lists by itself (articles once a search from All stories ends) is no filter.
    if (wasSearching !== searching && state.filters.kind !== null && state.filters.kind === viewKindOf({ view: state.view, searchQuery: text })) {
      set({ filters: { ...state.filters, kind: null } });
    }
    if (!wasSearching && searching) {
      sortBeforeSearch = { sort: state.sort, dir: state.dir };
      set({ searchQuery: text, sort: 'relevance', dir: 'desc' });
    } else if (wasSearching && !searching) {
      const back: Pick<AppState, 'sort' | 'dir'> = state.sort === 'relevance' ? (sortBeforeSearch ?? { sort: 'date', dir: 'desc' }) : { sort: state.sort, dir: state.dir };
      set({ searchQuery: text, ...back });
    } else {
      set({ searchQuery: text });
    }
    void get().reloadList();
    return true;
  }

  let sortBeforeSearch: Pick<AppState, 'sort' | 'dir'> | null = null;
  const debouncer = createDebouncer(SEARCH_DEBOUNCE_MS, commit, { leading: true });

  return {
    searchInput: '',
    searchQuery: '',
    setSearchInput(text) {
      set({ searchInput: text, activeSavedSearchId: null });
      get().holdSnippets();
      if (text.trim() === '') {
        // Emptying the box is one action, not typing: the full list comes back at once,
        // and the first key typed next is not held back behind it.
        debouncer.cancel();
        commit(text);
      } else debouncer.push(text);
    },
    flushSearch() {
      debouncer.flush();
      commit(get().searchInput);
    },
    clearSearch() {
      debouncer.cancel();
      set({ searchInput: '', activeSavedSearchId: null });
      commit('');
    },
    replaceSearch(text) {
      debouncer.cancel();
      set({ searchInput: text });
      return commit(text);
    },
  };
};
