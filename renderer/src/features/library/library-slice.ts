import { toServiceError } from '../../client';
import { isUnreachable } from '../../client/transport';
import type { LibrarySlice, SliceCreator } from '../../store/types';

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, { client }) => {
  let contentChecked = false;
  return {
    status: null,
    statusState: 'idle',
    statusError: null,
    async loadStatus() {
      set((state) => ({ statusState: state.status ? state.statusState : 'loading', statusError: null }));
      try {
        const status = await client.call('library.status', {});
        set({ status, statusState: 'ready' });
        if (!contentChecked) {
          // Once per window: every story's text is checked in the background, so damage inside a file shows as a banner too.
          contentChecked = true;
          void client.call('library.checkContent', {}).then(
            (damaged) => set((state) => (damaged && state.status ? { status: { ...state.status, damaged } } : {})),
            () => undefined,
          );
        }
      } catch (error) {
        // The connection dropped: the status shown stays (the banner says why it is not refreshed).
        if (isUnreachable(error) && get().status) return set({ statusState: 'ready' });
        set({ statusState: 'error', statusError: toServiceError(error) });
      }
    },
    async dismissNotices() {
      // Hide at once; the service call only makes it stick across restarts.
      set((state) => (state.status ? { status: { ...state.status, notices: [] } } : {}));
      try {
        const status = await client.call('library.dismissNotices', {});
        set({ status });
      } catch {
        // A read-only library cannot store the dismissal; hidden for this session is fine.
      }
    },
  };
};
