import { toServiceError } from '../../client';
import { runEdit } from '../../store/run-edit';
import type { SliceCreator } from '../../store/types';
import type { TrashSlice } from './trash-types';

export const createTrashSlice: SliceCreator<TrashSlice> = (set, get, { client }) => {
  let generation = 0;
  async function loadTrash() {
    const mine = ++generation;
    set({ trashState: get().trash ? 'ready' : 'loading' });
    try {
      const trash = await client.call('trash.list', {});
      if (mine === generation) set({ trash, trashState: 'ready', trashError: null });
    } catch (error) {
      if (mine === generation) set({ trashState: 'error', trashError: toServiceError(error) });
    }
  }

  async function inTrash(run: () => Promise<string>): Promise<boolean> {
    try {
      const text = await run();
      set({ trashFeedback: { kind: 'note', text } });
      await get().settled();
      await loadTrash();
      return true;
    } catch (error) {
      set({ trashFeedback: { kind: 'failed', error: toServiceError(error) } });
      return false;
    }
  }

  return {
    trashOpen: false,
    trash: null,
    trashState: 'idle',
    trashError: null,
    trashFeedback: null,
    openTrash() {
      set({ trashOpen: true, trashFeedback: null });
      void loadTrash();
    },
    closeTrash: () => set({ trashOpen: false, trashFeedback: null }),
    loadTrash,
    async deleteStories(ids) {
      if (ids.length === 0) return false;
      const { openId, closeStory, selection, clearSelection } = get();
      const done = await runEdit(set, get, async () => {
        const { deleted } = await client.call('stories.delete', { ids: [...ids] });
        if (openId && ids.includes(openId)) closeStory();
        if (ids.some((id) => selection.ids.has(id))) clearSelection();
        return { kind: 'note', text: get().t.trash('deleted', { count: deleted }) };
      });
      if (done && get().trashOpen) await loadTrash();
      return done;
    },
    restoreFromTrash: (ids) =>
      inTrash(async () => {
        const { restored } = await client.call('trash.restore', { ids: [...ids] });
        return get().t.trash('restored', { count: restored });
      }),
    emptyTrash: (ids) =>
      inTrash(async () => {
        const { purged } = await client.call('trash.empty', ids ? { ids: [...ids] } : {});
        return get().t.trash('emptied', { count: purged });
      }),
  };
};
