import { afterFailedLoad } from '../../store/load-state';
import { flatten } from '../library/list-slice';
import { latestAnswer } from '../../store/latest-answer';
import { runEdit } from '../../store/run-edit';
import type { TagsSlice } from './tags-types';
import type { AppState, SliceCreator } from '../../store/types';

/** The list pages, their rows and the open story with the given stories' tag ids. */
function withStoryTags(state: Pick<AppState, 'pages' | 'story'>, tagIds: ReadonlyMap<string, string[]>): Partial<AppState> {
  const retag = <T extends { id: string; tagIds: string[] }>(row: T): T => (tagIds.has(row.id) ? { ...row, tagIds: tagIds.get(row.id)! } : row);
  const pages = new Map([...state.pages].map(([page, rows]) => [page, rows.map(retag)] as const));
  return { pages, items: flatten(pages), story: state.story ? retag(state.story) : state.story };
}

export const createTagsSlice: SliceCreator<TagsSlice> = (set, get, { client }) => {
  const tagsAnswer = latestAnswer();
  return {
    tags: [],
    tagsState: 'idle',
    tagsError: null,
    collapsedTagIds: new Set(),
    tagManagerOpen: false,
    editFeedback: null,

    async loadTags() {
      const before = get().tagsState;
      set((state) => ({ tagsState: state.tags.length ? state.tagsState : 'loading', tagsError: null }));
      await tagsAnswer.load(
        () => client.call('tags.list', {}),
        (tags) => {
          set({ tags, tagsState: 'ready' });
          // The tag being browsed was merged away or deleted (or undone out of existence): back to all stories.
          const view = get().view;
          if (view.kind === 'tag' && !tags.some((tag) => tag.id === view.tagId)) get().setView({ kind: 'articles' });
        },
        (error) => {
          const failed = afterFailedLoad(error, before);
          set({ tagsState: failed.state, tagsError: failed.error });
        },
      );
    },
    toggleTagCollapsed(id) {
      set((state) => {
        const collapsed = new Set(state.collapsedTagIds);
        if (!collapsed.delete(id)) collapsed.add(id);
        return { collapsedTagIds: collapsed };
      });
    },
    openTagManager: () => set({ tagManagerOpen: true }),
    closeTagManager: () => set({ tagManagerOpen: false }),
    clearEditFeedback: () => set({ editFeedback: null }),

    applyTags(storyIds, change) {
      if (storyIds.length === 0) return Promise.resolve(false);
      return runEdit(set, get, async () => {
        const result = await client.call('tags.apply', { storyIds, ...change });
        // The answer names every story's tags after the edit: the list rows and the reader take
        // them at once, so a second key press decides from what the library now holds rather
        // than from rows whose reload (started by the change set) has not answered yet.
        set((state) => withStoryTags(state, new Map(result.stories.map((story) => [story.id, story.tagIds]))));
      });
    },
    async toggleTagOnTargets(tagId) {
      const storyIds = get().targetIds();
      if (storyIds.length === 0) return;
      // Tags of the targets as far as the list and reader know them; the service re-checks.
      const known = new Map(get().items.map((item) => [item.id, item.tagIds]));
      const story = get().story;
      if (story) known.set(story.id, story.tagIds);
      const allHaveIt = storyIds.every((id) => known.get(id)?.includes(tagId));
      await get().applyTags(storyIds, allHaveIt ? { removeTagIds: [tagId] } : { addTagIds: [tagId] });
    },
    async createTag(input) {
      let created = null;
      const ok = await runEdit(set, get, async () => {
        created = await client.call('tags.create', input);
      });
      return ok ? created : null;
    },
    updateTag: (input) => runEdit(set, get, async () => void (await client.call('tags.update', input))),
    mergeTag: (fromId, intoId) =>
      runEdit(set, get, async () => {
        const from = get().tags.find((tag) => tag.id === fromId);
        const result = await client.call('tags.merge', { fromId, intoId });
        // Confirmed with the taggings that moved (as the question said), and offered back (Undo) while it is the last edit.
        const text = get().t.tags('mergeDone', { from: from?.name ?? '', into: result.into.name, count: from?.count ?? result.moved });
        return { kind: 'note' as const, text, undo: 'tag.merge' as const };
      }),
    deleteTag: (id) => runEdit(set, get, async () => void (await client.call('tags.delete', { id }))),
  };
};
