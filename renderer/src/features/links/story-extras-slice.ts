import type { LinkLabel } from '../../../../shared/contract/links';
import type { StorySummary } from '../../../../shared/types';
import { toServiceError } from '../../client';
import { isUnreachable } from '../../client/transport';
import { foldName } from '../tags/tag-match';
import { latestAnswer } from '../../store/latest-answer';
import { linkPairs, relationChange, relationOf } from './links-model';
import { runEdit } from '../../store/run-edit';
import type { StoryExtrasSlice } from '../tags/tags-types';
import type { SliceCreator } from '../../store/types';

/** Related suggestions shown in the reader; enough to choose from without burying the story. */
const RELATED_LIMIT = 8;
/** Stories offered at once in the link picker. */
const PICKER_LIMIT = 30;
/** The link picker ranks by relatedness to at most this many of the stories being linked. */
const RELATED_SOURCES = 5;

export const createStoryExtrasSlice: SliceCreator<StoryExtrasSlice> = (set, get, { client }) => {
  const extrasAnswer = latestAnswer();
  const seriesAnswer = latestAnswer();

  async function loadSeries(storyId: string) {
    set((state) => ({ seriesFor: storyId, seriesState: state.series?.storyId === storyId ? state.seriesState : 'loading', seriesError: null }));
    await seriesAnswer.load(
      () => client.call('series.get', { storyId }),
      (series) => set({ series, seriesState: 'ready' }),
      (error) => set({ series: null, seriesState: 'error', seriesError: toServiceError(error) }),
    );
  }

  return {
    extrasId: null,
    links: [],
    linksState: 'idle',
    linksError: null,
    tagSuggestions: [],
    suggestionsState: 'idle',
    related: [],
    relatedState: 'idle',
    relatedError: null,

    async loadStoryExtras(id) {
      const request = extrasAnswer.begin();
      const fresh = get().extrasId !== id;
      // A new story starts empty; a refresh of the same one keeps showing what it had.
      set(
        fresh
          ? { extrasId: id, links: [], linksState: 'loading', linksError: null, tagSuggestions: [], suggestionsState: 'loading', related: [], relatedState: 'loading', relatedError: null }
          : { extrasId: id },
      );
      const current = request.current;
      await Promise.all([
        client.call('links.list', { storyId: id }).then(
          (links) => current() && set({ links, linksState: 'ready', linksError: null }),
          // Unreachable: shown as still loading (the banner says why); loaded on reconnecting.
          (error) => current() && (isUnreachable(error) ? set({ linksState: 'loading' }) : set({ linksState: 'error', linksError: toServiceError(error) })),
        ),
        client.call('tags.suggest', { storyId: id }).then(
          (tagSuggestions) => current() && set({ tagSuggestions, suggestionsState: 'ready' }),
          // Suggestions are a help, not the story: without them the section just stays empty.
          () => current() && set({ tagSuggestions: [], suggestionsState: 'error' }),
        ),
        client.call('related.list', { storyId: id, limit: RELATED_LIMIT }).then(
          (related) => current() && set({ related, relatedState: 'ready', relatedError: null }),
          (error) => current() && (isUnreachable(error) ? set({ relatedState: 'loading' }) : set({ related: [], relatedState: 'error', relatedError: toServiceError(error) })),
        ),
      ]);
    },
    async reloadStoryExtras() {
      const { extrasId, openId, seriesFor } = get();
      await Promise.all([
        extrasId && extrasId === openId ? get().loadStoryExtras(extrasId) : Promise.resolve(),
        seriesFor ? loadSeries(seriesFor) : Promise.resolve(),
      ]);
    },

    async acceptTagSuggestion(name) {
      const id = get().extrasId;
      if (!id) return;
      // Gone from the list at once; the refresh brings the real state.
      set((state) => ({ tagSuggestions: state.tagSuggestions.filter((s) => s.name !== name) }));
      await get().applyTags([id], { addNames: [name] });
    },
    async dismissTagSuggestion(name) {
      const id = get().extrasId;
      if (!id) return;
      set((state) => ({ tagSuggestions: state.tagSuggestions.filter((s) => s.name !== name) }));
      await runEdit(set, get, async () => void (await client.call('tags.dismissSuggestion', { storyId: id, name })));
    },

    linkStories(sourceIds, otherIds, relation: LinkLabel, note) {
      const pairs = linkPairs(sourceIds, otherIds, relation);
      if (pairs.length === 0) return Promise.resolve(false);
      const { type } = relationOf(relation);
      return runEdit(set, get, async () => {
        const result = await client.call('links.createPairs', { pairs, type, ...(note.trim() ? { note: note.trim() } : {}) });
        const t = get().t.links;
        const made = t('linkedToast', { count: result.created.length });
        const text = result.skipped.length > 0 ? `${made} ${t('linkSkipped', { count: result.skipped.length })}` : made;
        return { kind: 'note' as const, text, undo: 'link.create' as const };
      });
    },
    changeLinkRelation(view, relation) {
      const change = relationChange(view, relation);
      if (!change) return Promise.resolve(true);
      return runEdit(set, get, async () => void (await client.call('links.update', { id: view.link.id, ...change })));
    },
    setLinkNote: (linkId, note) => runEdit(set, get, async () => void (await client.call('links.update', { id: linkId, note }))),
    removeLink: (linkId) => runEdit(set, get, async () => void (await client.call('links.remove', { id: linkId }))),
    async dismissRelated(otherId) {
      const id = get().extrasId;
      if (!id) return;
      set((state) => ({ related: state.related.filter((r) => r.id !== otherId) }));
      await runEdit(set, get, async () => void (await client.call('related.dismiss', { storyId: id, otherId })));
    },
    setStoryDate: (id, date) => runEdit(set, get, async () => void (await client.call('stories.setDate', { id, date }))),
    setStoriesDate: (ids, date) => runEdit(set, get, async () => void (await client.call('stories.setDates', { ids, date }))),
    setStoryNote: (id, note) => runEdit(set, get, async () => void (await client.call('stories.setNote', { id, note }))),

    seriesFor: null,
    series: null,
    seriesState: 'idle',
    seriesError: null,
    openSeries: (storyId) => loadSeries(storyId),
    renameSeries: (storyId, name) =>
      runEdit(set, get, async () => {
        const series = await client.call('series.rename', { storyId, name });
        if (get().seriesFor === storyId) set({ series, seriesState: 'ready' });
      }),
    closeSeries() {
      seriesAnswer.drop();
      set({ seriesFor: null, series: null, seriesState: 'idle', seriesError: null });
    },

    async findStories(query) {
      const text = query.trim();
      const found = await client
        .call('stories.list', text ? { query: text, sort: 'relevance', limit: PICKER_LIMIT } : { sort: 'date', dir: 'desc', limit: PICKER_LIMIT })
        .then((page) => page.items)
        .catch(() => []);
      if (found.length > 0 || !text) return found;
      const folded = foldName(text);
      return get()
        .items.filter((item) => foldName(item.headline).includes(folded))
        .slice(0, PICKER_LIMIT);
    },

    async relatedScores(sourceIds) {
      const scores = new Map<string, { score: number; story: StorySummary }>();
      const lists = await Promise.all(
        sourceIds.slice(0, RELATED_SOURCES).map((storyId) => client.call('related.list', { storyId, limit: PICKER_LIMIT }).catch(() => [])),
      );
      for (const list of lists) {
        for (const suggestion of list) {
          const known = scores.get(suggestion.id);
          if (!known || known.score < suggestion.score) scores.set(suggestion.id, { score: suggestion.score, story: suggestion.story });
        }
      }
      return scores;
    },

    linkPickerFor: null,
    openLinkPicker: (sourceIds) => set({ linkPickerFor: sourceIds.length ? [...sourceIds] : null }),
    closeLinkPicker: () => set({ linkPickerFor: null }),
  };
};

