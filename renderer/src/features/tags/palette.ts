import type { TagListItem } from '../../../../shared/contract/tags';

/** The tag colours offered: few, distinct, and dark enough to read as a dot on light and dark backgrounds. */
export const TAG_PALETTE = ['#c0392b', '#d35400', '#b7950b', '#1e8449', '#148f77', '#1d5aa3', '#6c3483', '#a93264', '#5d6d7e'] as const;

/** A tag and everything below it in the tree (tree order: descendants follow with a greater depth). */
export function subtreeIds(tags: readonly TagListItem[], id: string): Set<string> {
  const ids = new Set<string>();
  const start = tags.findIndex((tag) => tag.id === id);
  if (start < 0) return ids;
  ids.add(id);
  const depth = tags[start]!.depth;
  for (let index = start + 1; index < tags.length && tags[index]!.depth > depth; index++) ids.add(tags[index]!.id);
  return ids;
}
