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
    readerMark: null,

    async openStory(id, options = {}) {
      const request = storyAnswer.begin();
      // Shown until the new one arrives; kept if the service cannot be reached.
      const previous = get().story;
      set((state) => ({
        openId: id,
        cursorId: id,
        storyState: 'loading',
        storyError: null,
        story: state.story?.id === id ? state.story : null,
        readerMark: options.mark ?? (options.reload && state.readerMark?.storyId === id ? state.readerMark : null),
        // Opening another story makes it the one edits apply to; a reload of the same one keeps a multi-selection.
        selection: state.openId === id ? state.selection : selectOnly(id),
      }));
      try {
        const story = await client.call('stories.get', { id });
        if (!request.current()) return;
        set({ story, storyState: 'ready', briefPage: null });
        // A wire story with a version the editor has not seen: opening it is seeing it (the answer's
        // change set names the story, so its list row loses the mark and the reader reloads it).
        if (story.updatedSinceOpened && !options.reload && !get().status?.readOnly) void client.call('library.markOpened', { id }).catch(() => undefined);
        if (story.kind === 'brief' && story.pageId) {
          // Best effort: without it the reader simply does not offer the way back.
          const page = await client.call('stories.get', { id: story.pageId }).catch(() => null);
          if (!request.current() || !page) return;
          set({ briefPage: { id: page.id, headline: page.headline } });
        }
      } catch (error) {
        if (!request.current()) return;
        // The connection dropped: the story that was shown stays (the banner says why nothing else opens).
        if (isUnreachable(error) && previous) {
          set({ openId: previous.id, story: previous, storyState: 'ready', storyError: null });
          return;
        }
        set({ story: null, storyState: 'error', storyError: toServiceError(error), briefPage: null });
      }
    },
    async reloadStory() {
      const id = get().openId;
      if (id) await get().openStory(id, { reload: true });
    },
    closeStory() {
      storyAnswer.drop();
      set({ openId: null, story: null, storyState: 'idle', storyError: null, briefPage: null, readerMark: null });
    },
  };
};
