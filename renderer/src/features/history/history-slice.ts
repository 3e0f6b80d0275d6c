import { toServiceError } from '../../client';
import type { HistorySlice, SliceCreator } from '../../store/types';

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get, { client }) => {
  async function travel(direction: 'undo' | 'redo') {
    try {
      const before = await client.call('history.state', {});
      const possible = direction === 'undo' ? before.canUndo : before.canRedo;
      if (!possible) {
        set({ history: before, historyMessage: { kind: direction === 'undo' ? 'nothing-to-undo' : 'nothing-to-redo' } });
        return;
      }
      const label = direction === 'undo' ? before.undoLabel : before.redoLabel;
      const after = await client.call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
      set({ history: after, historyMessage: { kind: direction === 'undo' ? 'undone' : 'redone', label } });
      // The answer named what the step put back; the sync slice is refreshing exactly that.
      await get().settled();
    } catch (error) {
      set({ historyMessage: { kind: 'failed', error: toServiceError(error) } });
    }
  }

  return {
    history: null,
    historyMessage: null,
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    recentOpen: false,
    openRecent: () => set({ recentOpen: true }),
    closeRecent: () => set({ recentOpen: false }),
    loadRecent: () => client.call('history.recent', {}),
    async loadHistory() {
      const history = await client.call('history.state', {}).catch(() => null);
      if (history) set({ history });
    },
  };
};
