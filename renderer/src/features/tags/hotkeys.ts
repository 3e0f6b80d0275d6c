import type { TagListItem } from '../../../../shared/contract/tags';

/** Keys 1–9 belong to the first nine tags with a colour, in the sidebar's (tree) order. */
export function hotkeyTags(tags: readonly TagListItem[]): TagListItem[] {
  return tags.filter((tag) => tag.color !== null).slice(0, 9);
}

/** Tag id → its key (1–9). */
export function hotkeyMap(tags: readonly TagListItem[]): Map<string, number> {
  return new Map(hotkeyTags(tags).map((tag, index) => [tag.id, index + 1]));
}

/** Tags to show in a tree where collapsed parents hide everything below them. */
export function visibleInTree(tags: readonly TagListItem[], collapsed: ReadonlySet<string>): TagListItem[] {
  const shown: TagListItem[] = [];
  // Depth at which a collapsed parent started hiding, or null while showing.
  let hidingBelow: number | null = null;
  for (const tag of tags) {
    if (hidingBelow !== null) {
      if (tag.depth > hidingBelow) continue;
      hidingBelow = null;
    }
    shown.push(tag);
    if (collapsed.has(tag.id) && tag.childCount > 0) hidingBelow = tag.depth;
  }
  return shown;
}
