import { toServiceError } from '../../client';
import { afterFailedLoad } from '../../store/load-state';
import { restoreSavedQuery, savedQueryOf } from './list-query';
import { listQueryOf } from '../library/list-slice';
import type { SavedSearchesSlice } from './search-types';
import type { SliceCreator } from '../../store/types';
import { latestAnswer } from '../../store/latest-answer';

export const createSavedSearchesSlice: SliceCreator<SavedSearchesSlice> = (set, get, { client }) => {
  const listAnswer = latestAnswer();

  async function edit(run: () => Promise<{ kind: 'saved' | 'deleted'; name: string } | null>): Promise<boolean> {
    try {
      const message = await run();
      set({ savedSearchMessage: message });
      // The list and the Undo button follow the edit's change set (sync slice).
      await get().settled();
      return true;
    } catch (error) {
      set({ savedSearchMessage: { kind: 'failed', error: toServiceError(error) } });
      return false;
    }
  }

  return {
    savedSearches: [],
    savedSearchesState: 'idle',
    savedSearchesError: null,
    activeSavedSearchId: null,
    savedSearchMessage: null,

    async loadSavedSearches() {
      const before = get().savedSearchesState;
      set((state) => ({ savedSearchesState: state.savedSearchesState === 'ready' ? 'ready' : 'loading', savedSearchesError: null }));
      await listAnswer.load(
        () => client.call('searches.list', {}),
        (savedSearches) => {
          const active = get().activeSavedSearchId;
          set({
            savedSearches,
            savedSearchesState: 'ready',
            activeSavedSearchId: active && savedSearches.some((item) => item.id === active) ? active : null,
          });
        },
        (error) => {
          const failed = afterFailedLoad(error, before);
          set({ savedSearchesState: failed.state, savedSearchesError: failed.error });
        },
      );
    },

    saveCurrentSearch(name) {
      return edit(async () => {
        // Saved exactly as the list applies it: the view's own kind or tag included.
        const saved = await client.call('searches.save', { name, query: savedQueryOf(listQueryOf(get())) });
        set({ activeSavedSearchId: saved.id });
        return { kind: 'saved', name: saved.name };
      });
    },

    openSavedSearch(id) {
      const saved = get().savedSearches.find((item) => item.id === id);
      if (!saved) return;
      const { searchText, filters } = restoreSavedQuery(saved.query);
      // The "All stories" view with the saved text and filters on top; clearing them leaves that view.
      if (get().view.kind !== 'articles') set({ view: { kind: 'articles' } });
      set({ filters, activeSavedSearchId: id, cursorId: null });
      // Same search text as before: nothing was reloaded for it, but the filters changed.
      if (!get().replaceSearch(searchText)) void get().reloadList();
    },

    renameSavedSearch(id, name) {
      return edit(async () => {
        await client.call('searches.rename', { id, name });
        return null;
      });
    },

    deleteSavedSearch(id) {
      return edit(async () => {
        const name = get().savedSearches.find((item) => item.id === id)?.name ?? '';
        await client.call('searches.delete', { id });
        if (get().activeSavedSearchId === id) set({ activeSavedSearchId: null });
        return { kind: 'deleted', name };
      });
    },

    clearSavedSearchMessage() {
      set({ savedSearchMessage: null });
    },
  };
};
