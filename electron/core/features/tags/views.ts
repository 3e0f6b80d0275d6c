import { extractEntities } from '../../analysis/entities';
import type { TagListItem, TagSuggestionItem } from '../../../../shared/contract/tags';
import { suggestTags } from '../../analysis/suggest-tags';
import type { LibraryStore } from '../../store/library-store';
import { findTag, findTagByName, tagCount, tagTree, tagUsage } from './ops';
import { own } from '../../store/records';

// Read models of the tags for the UI and the CLI: the tree with counts, and the
// suggested tags of one story.

/** Every tag in tree order with its live usage count. */
export function listTags(store: LibraryStore): TagListItem[] {
  const meta = store.meta;
  const counts = tagUsage(meta, (id) => store.head(id) !== undefined);
  return tagTree(meta.tags).map(({ tag, depth, childCount }) => ({ ...tag, count: counts.get(tag.id) ?? 0, depth, childCount }));
}

/** One tag as `tags.list` shows it (the answer of each tag edit: its own count only). */
export function tagItem(store: LibraryStore, id: string): TagListItem {
  const meta = store.meta;
  const row = tagTree(meta.tags).find((candidate) => candidate.tag.id === id);
  if (row) return { ...row.tag, count: tagCount(meta, id, (storyId) => store.isLive(storyId)), depth: row.depth, childCount: row.childCount };
  // Unreachable while the tag exists (tagTree lists every tag); findTag gives the not-found error.
  const tag = findTag(meta, id);
  return { ...tag, count: 0, depth: 0, childCount: 0 };
}

/**
 * Suggested tags for a story from its entities (extracted on demand: a fraction
 * of a millisecond for one story), leaving out tags it already has and
 * suggestions dismissed for it. Each suggestion names the existing tag it would
 * apply, if there is one.
 */
export async function suggestionsFor(store: LibraryStore, storyId: string, limit?: number): Promise<TagSuggestionItem[]> {
  const story = await store.story(storyId);
  if (!story) return [];
  const meta = store.meta;
  const onStory = (own(meta.taggings, storyId) ?? []).flatMap((id) => meta.tags.find((tag) => tag.id === id)?.name ?? []);
  const dismissed = own(meta.dismissedTagSuggestions, storyId) ?? [];
  return suggestTags(extractEntities(story), onStory, dismissed, { limit }).map((suggestion) => ({
    ...suggestion,
    tagId: findTagByName(meta, suggestion.name)?.id ?? null,
  }));
}
