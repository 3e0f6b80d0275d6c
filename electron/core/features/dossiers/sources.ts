import { ServiceError } from '../../../../shared/contract/envelope';
import type { LibraryStore } from '../../store/library-store';
import { publishedAtOf, type StoryHead } from '../../store/meta';
import { own } from '../../store/records';

// Where a new dossier's stories come from, besides an explicit list.

/** The date a story is placed at: the editor-set date, else the day it was imported (as the list sorts). */
function placementDate(store: LibraryStore, head: StoryHead): string {
  return publishedAtOf(own(store.meta.storyEdits, head.id), head) ?? head.importedAt.slice(0, 10);
}

/** Every live story carrying the tag, by date, then import time, then import order. */
export function storiesWithTag(store: LibraryStore, tagId: string): string[] {
  const meta = store.meta;
  if (!meta.tags.some((tag) => tag.id === tagId)) throw new ServiceError('not-found', `No tag with id ${tagId} in the library.`);
  const tagged: StoryHead[] = [];
  for (const head of store.liveHeads()) if (own(meta.taggings, head.id)?.includes(tagId)) tagged.push(head);
  // Array sort is stable, so equal dates and times keep import order.
  return tagged
    .sort((a, b) => placementDate(store, a).localeCompare(placementDate(store, b)) || a.importedAt.localeCompare(b.importedAt))
    .map((head) => head.id);
}

/** Refuses ids that are not live stories, naming a few, so nothing is added silently half. */
export function requireLiveStories(store: LibraryStore, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !store.head(id));
  if (unknown.length === 0) return;
  const named = unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
  throw new ServiceError('not-found', `${unknown.length === 1 ? 'This story is' : 'These stories are'} not in the library: ${named}.`);
}
