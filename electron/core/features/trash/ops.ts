import type { MetaDoc } from '../../store/meta';
import type { StoryMap } from '../../store/story-map';

/** Takes `ids` (deleted, not purged) out of the Trash. */
export function restore(meta: MetaDoc, ids: readonly string[]): MetaDoc {
  const out = new Set(ids);
  return { ...meta, deleted: meta.deleted.filter((id) => !out.has(id)) };
}

/**
 * Purges `ids` (deleted stories) for good. Their content stays in its immutable segment
 * (segments are written once and named by older backups and by the indexing worker), so
 * the purge is a list: a purged story stays `deleted` and is also `purged`, which every
 * reader of the library honours (the Trash, restore, exports, the library archive). What
 * an editor attached to them goes: tags, dates and notes, dismissed suggestions, links.
 * Dossier entries stay and show as missing, like those of any deleted story.
 */
export function purge(meta: MetaDoc, ids: readonly string[]): MetaDoc {
  if (ids.length === 0) return meta;
  const gone = new Set(ids);
  const without = <T>(record: Record<string, T>): Record<string, T> => {
    if (!Object.keys(record).some((id) => gone.has(id))) return record;
    return Object.fromEntries(Object.entries(record).filter(([id]) => !gone.has(id)));
  };
  const withoutGone = <T>(map: StoryMap<T>): StoryMap<T> => ([...gone].some((id) => map.has(id)) ? map.without(gone) : map);
  const links = meta.links.some((link) => gone.has(link.from) || gone.has(link.to)) ? meta.links.filter((link) => !gone.has(link.from) && !gone.has(link.to)) : meta.links;
  const dismissedRelated = meta.dismissedRelated.some((pair) => pair.split('|').some((id) => gone.has(id)))
    ? meta.dismissedRelated.filter((pair) => !pair.split('|').some((id) => gone.has(id)))
    : meta.dismissedRelated;
  return {
    ...meta,
    // The same list, but a new value: an older undo entry that would take these stories
    // out of `deleted` (undo of their delete) now finds it changed and refuses.
    deleted: [...meta.deleted],
    purged: [...(meta.purged ?? []), ...ids],
    taggings: withoutGone(meta.taggings),
    storyEdits: withoutGone(meta.storyEdits),
    dismissedTagSuggestions: without(meta.dismissedTagSuggestions),
    links,
    dismissedRelated,
    ...(meta.seriesNames ? { seriesNames: without(meta.seriesNames) } : {}),
  };
}
