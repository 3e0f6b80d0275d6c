import { afterFailedLoad } from '../../store/load-state';
import { NO_FILTERS } from './list-query';
import { listQueryOf } from '../library/list-slice';
import type { AppState } from '../../store/types';
import type { ListQuery } from '../../../../shared/contract/library';

/** The list's query without sort and paging: what the facets count under. */
function facetsQueryOf(state: AppState): Omit<ListQuery, 'sort' | 'dir' | 'offset' | 'limit'> {
  const { sort: _sort, dir: _dir, offset: _offset, limit: _limit, ...query } = listQueryOf(state);
  return query;
}
import type { FiltersSlice } from './search-types';
import type { SliceCreator } from '../../store/types';
import { latestAnswer } from '../../store/latest-answer';

export const createFiltersSlice: SliceCreator<FiltersSlice> = (set, get, { client }) => {
  const facetsAnswer = latestAnswer();

  /** Every filter change lists from the top again; an open saved search no longer matches. */
  function change(update: (filters: FiltersSlice['filters']) => FiltersSlice['filters']) {
    set((state) => ({ filters: update(state.filters), activeSavedSearchId: null }));
    void get().reloadList();
  }

  return {
    filters: NO_FILTERS,
    filtersOpen: false,
    facets: null,
    facetsState: 'idle',
    facetsError: null,

    setFilter(key, value) {
      change((filters) => ({ ...filters, [key]: value }));
    },
    setKindFilter(kind) {
      change((filters) => ({ ...filters, kind }));
    },
    toggleTagFilter(tagId) {
      change((filters) => ({
        ...filters,
        tagIds: filters.tagIds.includes(tagId) ? filters.tagIds.filter((id) => id !== tagId) : [...filters.tagIds, tagId],
      }));
    },
    clearAllFilters() {
      set({ filters: NO_FILTERS, activeSavedSearchId: null });
      // Clearing the search reloads the list; without search text, reload here.
      if (get().searchInput !== '' || get().searchQuery !== '') get().clearSearch();
      else void get().reloadList();
    },
    setFiltersOpen(open) {
      set({ filtersOpen: open });
      if (open) void get().loadFacets();
    },

    async loadFacets() {
      const before = get().facetsState;
      set((state) => ({ facetsState: state.facets ? state.facetsState : 'loading', facetsError: null }));
      await facetsAnswer.load(
        () => client.call('stories.facets', facetsQueryOf(get())),
        (facets) => set({ facets, facetsState: 'ready' }),
        (error) => {
          const failed = afterFailedLoad(error, before);
          set({ facetsState: failed.state, facetsError: failed.error });
        },
      );
    },
  };
};
