import { toServiceError } from '../../client';
import type { SliceCreator } from '../../store/types';
import type { TeamSlice } from './team-types';

/**
 * The team library on screen: the sync status (indicator, Share dialog) and the conflicts.
 * The change feed's `sync` part reloads both (see store/sync-slice.ts); nothing polls.
 */
export const createTeamSlice: SliceCreator<TeamSlice> = (set, get, { client }) => {
  let statusRequest = 0;
  let conflictsRequest = 0;
  let originRequest = 0;
  return {
    teamStatus: null,
    shareOpen: false,
    conflicts: [],
    conflictsState: 'idle',
    conflictsError: null,
    conflictTitles: {},
    storyOrigin: null,

    async loadStoryOrigin(id) {
      const mine = ++originRequest;
      try {
        const origin = await client.call('sync.storyOrigin', { id });
        if (mine === originRequest) set({ storyOrigin: { id, origin } });
      } catch {
        if (mine === originRequest) set({ storyOrigin: null });
      }
    },

    async loadTeamStatus() {
      const mine = ++statusRequest;
      try {
        const status = await client.call('sync.status', {});
        if (mine !== statusRequest) return;
        const before = get().teamStatus?.conflicts ?? 0;
        set({ teamStatus: status });
        // Conflicts came or went (here or on another computer): the open view follows.
        if (get().view.kind === 'conflicts' && (status.conflicts !== before || status.conflicts !== get().conflicts.length)) void get().loadConflicts();
      } catch {
        // The connection banner tells when the service is gone; the indicator keeps what it knew.
      }
    },
    openShare() {
      set({ shareOpen: true });
      void get().loadTeamStatus();
    },
    closeShare() {
      set({ shareOpen: false });
    },

    async testShare(input) {
      try {
        return (await client.call('sync.test', { url: input.url?.trim() ?? '', user: input.user?.trim() ?? '', ...(input.password ? { password: input.password } : {}) })).result;
      } catch (error) {
        throw toServiceError(error);
      }
    },
    async connectShare(input) {
      try {
        const status = await client.call('sync.connect', { url: input.url?.trim() ?? '', user: input.user?.trim() ?? '', ...(input.password ? { password: input.password } : {}), ...(input.remember !== undefined ? { remember: input.remember } : {}) });
        set({ teamStatus: status });
      } catch (error) {
        void get().loadTeamStatus();
        throw toServiceError(error);
      }
    },
    async disconnectShare(forget) {
      try {
        set({ teamStatus: await client.call('sync.disconnect', forget ? { forget: true } : {}) });
      } catch (error) {
        throw toServiceError(error);
      }
    },
    async forgetShare() {
      try {
        set({ teamStatus: await client.call('sync.forget', {}) });
      } catch (error) {
        throw toServiceError(error);
      }
    },

    openConflicts() {
      if (get().view.kind !== 'conflicts') get().closeStory();
      get().setView({ kind: 'conflicts' });
      void get().loadConflicts();
    },
    async loadConflicts() {
      const mine = ++conflictsRequest;
      set((state) => ({ conflictsState: state.conflictsState === 'ready' ? 'ready' : 'loading', conflictsError: null }));
      try {
        const conflicts = await client.call('sync.conflicts', {});
        const titles: Record<string, string> = { ...get().conflictTitles };
        const dossiers = new Map(get().dossiers.map((dossier) => [dossier.id, dossier.title]));
        await Promise.all(
          conflicts
            .filter((conflict) => !(conflict.target in titles))
            .map(async (conflict) => {
              if (conflict.kind === 'dossier' || conflict.kind === 'chronology') {
                const title = dossiers.get(conflict.target);
                if (title !== undefined) titles[conflict.target] = title;
                return;
              }
              const story = await client.call('stories.get', { id: conflict.target }).catch(() => null);
              if (story) titles[conflict.target] = story.headline;
            }),
        );
        if (mine === conflictsRequest) set({ conflicts, conflictTitles: titles, conflictsState: 'ready' });
      } catch (error) {
        if (mine === conflictsRequest) set({ conflictsState: 'error', conflictsError: toServiceError(error) });
      }
    },
    async resolveConflict(conflictId, take) {
      try {
        await client.call('sync.resolve', { conflictId, take });
      } catch (error) {
        throw toServiceError(error);
      } finally {
        await Promise.all([get().loadConflicts(), get().loadTeamStatus()]);
      }
    },
  };
};
