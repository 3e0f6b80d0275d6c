import { toServiceError } from '../../client';
import type { SliceCreator } from '../../store/types';
import type { WatchSlice } from './watch-types';

export const createWatchSlice: SliceCreator<WatchSlice> = (set, get, { client }) => {
  // Answers can overtake each other (a burst of files): only the newest request's is kept.
  let request = 0;
  return {
    watchOpen: false,
    watchFolders: [],
    watchLog: [],
    watchState: 'idle',
    watchError: null,

    openWatch() {
      set({ watchOpen: true });
      void get().loadWatch();
    },
    closeWatch() {
      set({ watchOpen: false });
    },

    async loadWatch() {
      const mine = ++request;
      set((state) => ({ watchState: state.watchState === 'ready' ? 'ready' : 'loading', watchError: null }));
      try {
        const [folders, log] = await Promise.all([client.call('watch.folders', {}), client.call('watch.log', {})]);
        if (mine === request) set({ watchFolders: folders, watchLog: log.entries, watchState: 'ready' });
      } catch (error) {
        if (mine === request) set({ watchState: 'error', watchError: toServiceError(error) });
      }
    },

    async addWatchFolderWithDialog(moveImported) {
      try {
        const added = await client.call('watch.addWithDialog', { moveImported });
        await get().loadWatch();
        return added !== null;
      } catch (error) {
        throw toServiceError(error);
      }
    },

    async removeWatchFolder(id) {
      try {
        set({ watchFolders: await client.call('watch.remove', { id }) });
      } catch (error) {
        throw toServiceError(error);
      }
    },

    async setWatchMoveImported(id, moveImported) {
      try {
        const folder = await client.call('watch.setMoveImported', { id, moveImported });
        set((state) => ({ watchFolders: state.watchFolders.map((kept) => (kept.id === id ? folder : kept)) }));
      } catch (error) {
        throw toServiceError(error);
      }
    },
  };
};
