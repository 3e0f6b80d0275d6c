import { toServiceError } from '../client';
import { selectOnly } from './selection-model';
import type { ReaderSlice, SliceCreator } from './types';

export const createReaderSlice: SliceCreator<ReaderSlice> = (set, get, { client }) => {
  let generation = 0;
  return {
    openId: null,
    story: null,
    storyState: 'idle',
    storyError: null,
    briefPage: null,

    async openStory(id) {
      const mine = ++generation;
      set((state) => ({
        openId: id,
        cursorId: id,
        storyState: 'loading',
        storyError: null,
        story: state.story?.id === id ? state.story : null,
        // Opening another story makes it the one edits apply to; a reload of the same one keeps a multi-selection.
        selection: state.openId === id ? state.selection : selectOnly(id),
      }));
      try {
        const story = await client.call('stories.get', { id });
        if (mine !== generation) return;
        set({ story, storyState: 'ready', briefPage: null });
        if (story.kind === 'brief' && story.pageId) {
          // Best effort: without it the reader simply does not offer the way back.
          const page = await client.call('stories.get', { id: story.pageId }).catch(() => null);
          if (mine !== generation || !page) return;
          set({ briefPage: { id: page.id, headline: page.headline } });
        }
      } catch (error) {
        if (mine !== generation) return;
        set({ story: null, storyState: 'error', storyError: toServiceError(error), briefPage: null });
      }
    },
    async reloadStory() {
      const id = get().openId;
      if (id) await get().openStory(id);
    },
    closeStory() {
      generation++;
      set({ openId: null, story: null, storyState: 'idle', storyError: null, briefPage: null });
    },
  };
};
