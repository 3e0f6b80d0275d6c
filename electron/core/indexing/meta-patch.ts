import type { IndexedMeta } from '../store/meta';
import { StoryMap } from '../store/story-map';
import type { IndexedMetaMessage, MetaPatch } from './protocol';

// The metadata changes the indexing worker hears, as patches: the store replaces its
// document on every write and never edits one in place, so a part that is the same
// object as before did not change, and within taggings and storyEdits only the entries
// that are new objects are sent. An edit thus crosses to the worker as a few hundred
// bytes, whatever the size of the library.

/** What of the indexed parts changed from `before` to `after`; null when nothing did. */
export function metaPatch(before: IndexedMeta, after: IndexedMeta): MetaPatch | null {
  const patch: MetaPatch = {};
  let changed = false;
  if (before.segments !== after.segments) {
    patch.segments = after.segments;
    changed = true;
  }
  if (before.deleted !== after.deleted) {
    patch.deleted = after.deleted;
    changed = true;
  }
  if (before.tags !== after.tags) {
    patch.tags = after.tags;
    changed = true;
  }
  const taggings = before.taggings !== after.taggings ? changedEntries(before.taggings, after.taggings) : null;
  if (taggings) {
    patch.taggings = taggings;
    changed = true;
  }
  const storyEdits = before.storyEdits !== after.storyEdits ? changedEntries(before.storyEdits, after.storyEdits) : null;
  if (storyEdits) {
    patch.storyEdits = storyEdits;
    changed = true;
  }
  return changed ? patch : null;
}

function changedEntries<T>(before: StoryMap<T>, after: StoryMap<T>): Record<string, T | null> | null {
  let entries: Record<string, T | null> | null = null;
  for (const key of StoryMap.changedKeys(before, after)) (entries ??= Object.create(null) as Record<string, T | null>)[key] = after.get(key) ?? null;
  return entries;
}

/**
 * The document after `patch`: unchanged parts and entries keep their identity, so the
 * index engine tells what changed the way it does on the store's own documents.
 */
export function applyMetaPatch(meta: IndexedMeta, patch: MetaPatch): IndexedMeta {
  return {
    createdAt: meta.createdAt,
    segments: patch.segments ?? meta.segments,
    deleted: patch.deleted ?? meta.deleted,
    tags: patch.tags ?? meta.tags,
    taggings: patch.taggings ? withEntries(meta.taggings, patch.taggings) : meta.taggings,
    storyEdits: patch.storyEdits ? withEntries(meta.storyEdits, patch.storyEdits) : meta.storyEdits,
  };
}

function withEntries<T>(record: StoryMap<T>, entries: Record<string, T | null>): StoryMap<T> {
  return record.with(Object.keys(entries).map((key) => [key, entries[key] ?? undefined] as const));
}

/** The document's indexed parts as the worker is started with them (see IndexedMetaMessage). */
export function indexedMetaMessage(meta: IndexedMeta): IndexedMetaMessage {
  return { ...meta, taggings: meta.taggings.toMessage(), storyEdits: meta.storyEdits.toMessage() };
}

/** The worker's document from its start message. */
export function indexedMetaFromMessage(message: IndexedMetaMessage): IndexedMeta {
  return { ...message, taggings: StoryMap.fromMessage(message.taggings), storyEdits: StoryMap.fromMessage(message.storyEdits) };
}
