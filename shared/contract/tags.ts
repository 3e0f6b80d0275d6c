// Tags, taggings, entities and suggested tags.
import { z } from 'zod';
import type { Tag } from '../types';
import { def, idListSchema, idSchema, LIMITS, nameSchema } from './define';

/** CSS colour `#rrggbb` (stored lower case). */
export const TAG_COLOR = /^#[0-9a-fA-F]{6}$/;
/** IPTC Media Topic code, e.g. `medtop:20000638`. */
export const MEDIA_TOPIC = /^medtop:\d{8}$/;

export const tagColorSchema = z.string().regex(TAG_COLOR, 'expected a colour like #1f6feb');
export const mediaTopicSchema = z.string().trim().regex(MEDIA_TOPIC, 'expected an IPTC Media Topic code like medtop:20000638');

/** The kinds of entity a suggested tag comes from. */
export type TagSuggestionKind = 'person' | 'place' | 'organisation' | 'topic';

/**
 * One row of the tag sidebar / tag manager. `tags.list` answers in tree order:
 * depth first, siblings by name, so the UI can render it top to bottom and
 * indent by `depth` (or rebuild the tree from `parentId`).
 */
export interface TagListItem extends Tag {
  /** Live stories carrying this tag. */
  count: number;
  /** 0 for a top-level tag. */
  depth: number;
  /** Direct sub-tags. */
  childCount: number;
}

export interface TagApplyResult {
  /** Stories whose tags changed. */
  changedStories: number;
  /** Taggings added and removed over all stories. */
  added: number;
  removed: number;
  /** Tags created because a name in `addNames` did not exist yet. */
  createdTags: Tag[];
  /** Every requested story's tag ids after the edit. */
  stories: { id: string; tagIds: string[] }[];
}

export interface TagMergeResult {
  into: TagListItem;
  /** Stories that received INTO because they had FROM (stories that had both keep one). */
  moved: number;
}

export interface TagDeleteResult {
  deleted: string;
  /** Live stories the tag was removed from (the count the UI confirmed). */
  removedFrom: number;
}

/** Why a tag is suggested for a story. */
export type TagSuggestionReason =
  /** Named this many times in the story, and used as an adjective (`Russische`) this many times; one of the two above 0. */
  | { kind: 'mentions'; named: number; adjectives: number }
  /** Named in the headline. */
  | { kind: 'inHeadline' }
  /** The place in the story's dateline. */
  | { kind: 'datelinePlace' };

/** A tag the story's entities suggest. Accept it with `tags.apply` `addNames: [name]`. */
export interface TagSuggestionItem {
  name: string;
  kind: TagSuggestionKind;
  /** Why, as data (the renderer and the CLI put it into words), in this order: mentions, headline, dateline. */
  reasons: TagSuggestionReason[];
  /** The existing tag of that name (matched without case or diacritics), or null when accepting creates one. */
  tagId: string | null;
}

const tagId = z.strictObject({ id: idSchema });

export const createTagSchema = z.strictObject({
  name: nameSchema,
  color: tagColorSchema.nullable().optional(),
  parentId: idSchema.nullable().optional(),
  mediaTopic: mediaTopicSchema.nullable().optional(),
});

/** Only the given fields change; null clears colour, parent or media topic. */
export const updateTagSchema = z.strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  color: tagColorSchema.nullable().optional(),
  parentId: idSchema.nullable().optional(),
  mediaTopic: mediaTopicSchema.nullable().optional(),
});

/** Bulk tagging: one undo step for the whole selection. */
export const applyTagsSchema = z
  .strictObject({
    storyIds: idListSchema.min(1),
    addTagIds: z.array(idSchema).max(1_000).optional(),
    /** Names matched without case or diacritics; names that do not exist yet become new tags. */
    addNames: z.array(nameSchema).max(1_000).optional(),
    removeTagIds: z.array(idSchema).max(1_000).optional(),
  })
  .superRefine((value, issues) => {
    if (!value.addTagIds?.length && !value.addNames?.length && !value.removeTagIds?.length) {
      issues.addIssue({ code: 'custom', message: 'say which tags to add or remove' });
    }
  });
export type ApplyTagsInput = z.input<typeof applyTagsSchema>;

export const tagsContract = {
  'tags.list': def<TagListItem[]>()(z.strictObject({})),
  /** The tag with this id, else the one with this name (matched without case or diacritics); null when there is none. */
  'tags.find': def<TagListItem | null>()(z.strictObject({ nameOrId: z.string().trim().min(1).max(LIMITS.name) })),
  /** Names are unique without case or diacritics (`Oekraïne` = `oekraine`): a clash is `conflict`. */
  'tags.create': def<TagListItem>()(createTagSchema),
  /** Rename, colour, parent (no cycles) and media topic. Renaming onto another tag's name is `conflict`: merge instead. */
  'tags.update': def<TagListItem>()(updateTagSchema),
  /** Every story with FROM gets INTO; sub-tags of FROM move under INTO; FROM is removed. */
  'tags.merge': def<TagMergeResult>()(z.strictObject({ fromId: idSchema, intoId: idSchema })),
  /** Removes the tag from every story (count in `tags.list` first to confirm); its sub-tags move up one level. */
  'tags.delete': def<TagDeleteResult>()(tagId),
  'tags.apply': def<TagApplyResult>()(applyTagsSchema),
  /** Suggested tags from the story's entities, best first, without tags it has or suggestions dismissed for it. */
  'tags.suggest': def<TagSuggestionItem[]>()(z.strictObject({ storyId: idSchema, limit: z.number().int().min(1).max(50).optional() })),
  /** Hides a suggestion for this story for good (undoable); answers the remaining suggestions. */
  'tags.dismissSuggestion': def<TagSuggestionItem[]>()(z.strictObject({ storyId: idSchema, name: z.string().trim().min(1).max(LIMITS.name) })),
} as const;
