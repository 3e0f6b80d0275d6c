import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBackupsSlice } from '../features/backups/backups-slice';
import { createDossiersSlice } from '../features/dossiers/dossiers-slice';
import { createFiltersSlice } from '../features/search/filters-slice';
import { createHistorySlice } from '../features/history/history-slice';
import { createImportSlice } from '../features/import/import-slice';
import { createLibrarySlice } from '../features/library/library-slice';
import { createListSlice } from '../features/library/list-slice';
import { createReaderSlice } from '../features/library/reader-slice';
import { createSavedSearchesSlice } from '../features/search/saved-searches-slice';
import { createSearchSlice } from '../features/search/search-slice';
import { createSnippetsSlice } from '../features/search/snippets-slice';
import { createSelectionSlice } from '../features/selection/selection-slice';
import { createStoryExtrasSlice } from '../features/links/story-extras-slice';
import { createSyncSlice } from './sync-slice';
import { createTagsSlice } from '../features/tags/tags-slice';
import { createTrashSlice } from '../features/trash/trash-slice';
import type { AppState, StoreDeps } from './types';
import { createUiSlice } from './ui-slice';
import { createWatchSlice } from '../features/watch/watch-slice';
import { createLayoutSlice } from '../app/layout/layout-slice';
import { createProposalsSlice } from '../features/versions/proposals-slice';
import { createConnectionSlice, watchConnection } from '../app/connection/connection-slice';
import { createVersionsSlice } from '../features/versions/versions-slice';
import { createChronologySlice } from '../features/chronology/chronology-slice';
import { createQuotesSlice } from '../features/quotes/quotes-slice';
import { createTeamSlice } from '../features/sync/team-slice';

export type AppStore = StoreApi<AppState>;

/** One store, one slice per concern; later features (tags, links, dossiers, search) add slices. */
export function createAppStore(given: StoreDeps): AppStore {
  // Every slice calls through this client, which tells the connection slice whether the service answered.
  const deps: StoreDeps = {
    ...given,
    client: watchConnection(given.client, { lost: () => store.getState().connectionLost(), answered: () => store.getState().connectionAnswered() }),
  };
  const store: AppStore = createStore<AppState>()((set, get) => ({
    ...createSyncSlice(set, get, deps),
    ...createUiSlice(set, get, deps),
    ...createLibrarySlice(set, get, deps),
    ...createListSlice(set, get, deps),
    ...createReaderSlice(set, get, deps),
    ...createImportSlice(set, get, deps),
    ...createHistorySlice(set, get, deps),
    ...createSelectionSlice(set, get, deps),
    ...createTagsSlice(set, get, deps),
    ...createStoryExtrasSlice(set, get, deps),
    ...createDossiersSlice(set, get, deps),
    ...createBackupsSlice(set, get, deps),
    ...createSearchSlice(set, get, deps),
    ...createFiltersSlice(set, get, deps),
    ...createSavedSearchesSlice(set, get, deps),
    ...createSnippetsSlice(set, get, deps),
    ...createTrashSlice(set, get, deps),
    ...createWatchSlice(set, get, deps),
    ...createLayoutSlice(set, get, deps),
    ...createProposalsSlice(set, get, deps),
    ...createConnectionSlice(set, get, deps),
    ...createVersionsSlice(set, get, deps),
    ...createChronologySlice(set, get, deps),
    ...createQuotesSlice(set, get, deps),
    ...createTeamSlice(set, get, deps),
  }));
  // From the first call on, every change to the library (made here or elsewhere) refreshes what it touched.
  deps.client.onChange((changes) => store.getState().refreshFor(changes));
  return store;
}

/** First load: status (notices, counts) and the first page of the list together. */
export async function startApp(store: AppStore): Promise<void> {
  const { loadStatus, reloadList, loadTags, loadHistory, loadSavedSearches, loadTeamStatus } = store.getState();
  await Promise.all([loadStatus(), reloadList(), loadTags(), loadHistory(), loadSavedSearches(), loadTeamStatus()]);
}
