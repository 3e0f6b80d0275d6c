import { toServiceError } from '../../client';
import { isUnreachable } from '../../client/transport';
import { latestAnswer } from '../../store/latest-answer';
import { selectOnly } from '../selection/selection-model';
import type { ReaderSlice, SliceCreator } from '../../store/types';

export const createReaderSlice: SliceCreator<ReaderSlice> = (set, get, { client }) => {
  const storyAnswer = latestAnswer();
  return {
    openId: null,
    story: null,
    storyState: 'idle',
    storyError: null,
    briefPage: null,

    async openStory(id) {
      const request = storyAnswer.begin();
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
        if (!request.current()) return;
        set({ story, storyState: 'ready', briefPage: null });
        if (story.kind === 'brief' && story.pageId) {
          // Best effort: without it the reader simply does not offer the way back.
          const page = await client.call('stories.get', { id: story.pageId }).catch(() => null);
          if (!request.current() || !page) return;
          set({ briefPage: { id: page.id, headline: page.headline } });
        }
      } catch (error) {
        if (!request.current()) return;
        // The connection dropped while the story was shown: it stays (the banner says why it is not refreshed).
        if (isUnreachable(error) && get().story?.id === id) {
          set({ storyState: 'ready' });
          return;
        }
        set({ story: null, storyState: 'error', storyError: toServiceError(error), briefPage: null });
      }
    },
    async reloadStory() {
      const id = get().openId;
      if (id) await get().openStory(id);
    },
    closeStory() {
      storyAnswer.drop();
      set({ openId: null, story: null, storyState: 'idle', storyError: null, briefPage: null });
    },
  };
};
