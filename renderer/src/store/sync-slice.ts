import { touches, type ChangeSet } from '../../../shared/contract/changes';
import type { SliceCreator, SyncSlice } from './types';

/**
 * Keeps the server state on screen in step with the library: every change set (from the
 * answer to an edit made here, or from the change feed: another window, the CLI through
 * the host, later a team server) refreshes exactly the parts it touched that are on
 * screen, and nothing else. Each loader drops answers that a newer request superseded.
 */
export const createSyncSlice: SliceCreator<SyncSlice> = (_set, get) => {
  let pending: Promise<unknown> = Promise.resolve();

  return {
    refreshFor(changes: ChangeSet) {
      const state = get();
      const tasks: Promise<unknown>[] = [];
      const anyStory = (id?: string | null) =>
        touches(changes, 'stories', id) || touches(changes, 'taggings', id) || touches(changes, 'links', id) || touches(changes, 'dates', id) || touches(changes, 'notes', id);

      // The list: rows come and go, carry tags, link counts and dates; notes only count while searching.
      const searching = state.searchQuery.trim() !== '';
      if (changes.stories || changes.taggings || changes.links || changes.dates || (searching && changes.notes)) tasks.push(state.reloadList());
      // Tag tree and its counts.
      if (changes.tags || changes.taggings || changes.stories) tasks.push(state.loadTags());
      // Status: notices and the library's counts.
      if (changes.library) tasks.push(state.loadStatus());
      if (changes.history) tasks.push(state.loadHistory());
      if (changes.savedSearches) tasks.push(state.loadSavedSearches());
      if (state.filtersOpen && (changes.stories || changes.dates)) tasks.push(state.loadFacets());
      // Watch folders and their import log, while the dialog shows them.
      if (changes.watch && state.watchOpen) tasks.push(state.loadWatch());

      // The team library: the indicator, the Share dialog and the Conflicts view (loadTeamStatus reloads the conflicts when they changed).
      if (changes.sync) tasks.push(state.loadTeamStatus());

      // The open story and what the reader shows beside it.
      const openId = state.openId;
      if (openId && anyStory(openId)) tasks.push(state.reloadStory());
      const extrasId = state.extrasId;
      if (extrasId && extrasId === openId && (anyStory(extrasId) || touches(changes, 'dismissals', extrasId) || changes.tags || changes.stories)) {
        tasks.push(state.loadStoryExtras(extrasId));
      }
      if (state.seriesFor && (changes.links || changes.dates || changes.stories)) tasks.push(state.openSeries(state.seriesFor));

      // Dossiers: the sidebar rows, and the open dossier (its entries show the stories).
      const openDossier = state.view.kind === 'dossier' ? state.view.id : null;
      if (changes.stories || (openDossier && touches(changes, 'dossiers', openDossier))) tasks.push(state.refreshDossiers());
      else {
        if (changes.dossiers) tasks.push(state.loadDossiers());
        if (openDossier && (changes.taggings || changes.dates || changes.links)) tasks.push(state.reloadDossier());
      }

      // The open dossier's chronology, once drafted: its lines, or the stories it is drafted from.
      const chronology = state.refreshChronologyFor(changes);
      if (chronology) tasks.push(chronology);

      if (tasks.length) pending = Promise.all([pending, ...tasks.map((task) => task.catch(() => undefined))]);
    },
    settled() {
      return pending.then(() => undefined);
    },
  };
};
