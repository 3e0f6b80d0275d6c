import { EMPTY_SELECTION, extendSelection, orderedSelection, selectAll, selectOnly, toggleSelected } from './selection-model';
import type { SelectionSlice } from '../tags/tags-types';
import type { SliceCreator } from '../../store/types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => {
  const order = () => get().items.map((item) => item.id);
  return {
    selection: EMPTY_SELECTION,
    selectOnly: (id) => set({ selection: selectOnly(id) }),
    toggleSelected: (id) => set((state) => ({ selection: toggleSelected(state.selection, id) })),
    extendSelectionTo: (id, additive = false) => set((state) => ({ selection: extendSelection(state.selection, id, order(), additive) })),
    selectAllLoaded: () => set((state) => ({ selection: selectAll(state.selection, order()) })),
    clearSelection: () => set({ selection: EMPTY_SELECTION }),
    targetIds() {
      const { selection, openId } = get();
      if (selection.ids.size > 0) return orderedSelection(selection, order());
      return openId ? [openId] : [];
    },
  };
};
