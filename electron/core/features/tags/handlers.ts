import { newId } from '../../ids';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { LibraryStore } from '../../store/library-store';
import { applyTags, createTag, deleteTag, findTag, findTagByName, mergeTags, tagKey, updateTag } from './ops';
import { listTags, suggestionsFor, tagItem } from './views';
import type { PartialHandlers } from '../../service/registry';
import type { HistoryLabel } from '../../../../shared/messages';
import { own } from '../../store/records';

type TagMethod = Extract<MethodName, `tags.${string}`>;

export const newTagId = (): string => newId('t');

/** Every story must be in the library; a bulk edit on a stale selection says which are gone. */
export function requireLiveStories(store: LibraryStore, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !store.head(id));
  if (missing.length === 1) throw new ServiceError('not-found', `No story with id ${missing[0]} in the library.`, { code: 'stories.missing', count: 1 });
  if (missing.length > 1) {
    const listed = `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`;
    throw new ServiceError('not-found', `${missing.length} of the chosen stories are no longer in the library (${listed}).`, { code: 'stories.missing', count: missing.length });
  }
  return unique;
}

function updateLabel(input: { name?: string; color?: unknown; parentId?: unknown; mediaTopic?: unknown }): HistoryLabel {
  const given = [input.name, input.color, input.parentId, input.mediaTopic].filter((value) => value !== undefined).length;
  if (given !== 1) return { code: 'tag.edit' };
  if (input.name !== undefined) return { code: 'tag.rename' };
  if (input.color !== undefined) return { code: 'tag.setColor' };
  if (input.parentId !== undefined) return { code: 'tag.move' };
  return { code: 'tag.setMediaTopic' };
}

function applyLabel(count: number, adding: boolean, removing: boolean): HistoryLabel {
  if (adding && !removing) return { code: 'tag.apply', count };
  if (removing && !adding) return { code: 'tag.unapply', count };
  return { code: 'tag.editStories', count };
}

export const tagHandlers: PartialHandlers<TagMethod> = {
  'tags.list': (_input, ctx) => listTags(ctx.store),

  'tags.find': (input, ctx) => {
    const meta = ctx.store.meta;
    const tag = meta.tags.find((candidate) => candidate.id === input.nameOrId) ?? findTagByName(meta, input.nameOrId);
    return tag ? tagItem(ctx.store, tag.id) : null;
  },

  'tags.create': async (input, ctx) => {
    const id = newTagId();
    await ctx.store.update({ code: 'tag.create' }, (meta) => createTag(meta, id, input.name, input));
    return tagItem(ctx.store, id);
  },

  'tags.update': async (input, ctx) => {
    findTag(ctx.store.meta, input.id);
    await ctx.store.update(updateLabel(input), (meta) => updateTag(meta, input.id, input));
    return tagItem(ctx.store, input.id);
  },

  'tags.merge': async (input, ctx) => {
    const { moved } = await ctx.store.updateWith({ code: 'tag.merge' }, (meta) => mergeTags(meta, input.fromId, input.intoId));
    return { into: tagItem(ctx.store, input.intoId), moved };
  },

  'tags.delete': async (input, ctx) => {
    const { storyIds } = await ctx.store.updateWith({ code: 'tag.delete' }, (meta) => deleteTag(meta, input.id));
    return { deleted: input.id, removedFrom: storyIds.filter((id) => ctx.store.head(id)).length };
  },

  'tags.apply': async (input, ctx) => {
    const storyIds = requireLiveStories(ctx.store, input.storyIds);
    const adding = Boolean(input.addTagIds?.length || input.addNames?.length);
    const removing = Boolean(input.removeTagIds?.length);
    const outcome = await ctx.store.updateWith(applyLabel(storyIds.length, adding, removing), (meta) =>
      applyTags(meta, { storyIds, addTagIds: input.addTagIds, addNames: input.addNames, removeTagIds: input.removeTagIds, newTagId }),
    );
    const taggings = ctx.store.meta.taggings;
    return {
      changedStories: outcome.changedStories.length,
      added: outcome.added,
      removed: outcome.removed,
      createdTags: outcome.createdTags,
      stories: storyIds.map((id) => ({ id, tagIds: own(taggings, id) ?? [] })),
    };
  },

  'tags.suggest': (input, ctx) => {
    requireLiveStories(ctx.store, [input.storyId]);
    return suggestionsFor(ctx.store, input.storyId, input.limit);
  },

  'tags.dismissSuggestion': async (input, ctx) => {
    requireLiveStories(ctx.store, [input.storyId]);
    const key = tagKey(input.name);
    await ctx.store.update({ code: 'tag.dismissSuggestion' }, (meta) => {
      const dismissed = own(meta.dismissedTagSuggestions, input.storyId) ?? [];
      if (dismissed.includes(key)) return meta;
      return { ...meta, dismissedTagSuggestions: { ...meta.dismissedTagSuggestions, [input.storyId]: [...dismissed, key] } };
    });
    return suggestionsFor(ctx.store, input.storyId);
  },
};
