import type { Tag } from '../../../../shared/types';

/**
 * Folding for matching only, as the core does (`Oekraïne` = `oekraine`):
 * decomposed, marks dropped, lower case. Display always keeps the original.
 */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

export interface TagMatches<T extends Pick<Tag, 'id' | 'name'>> {
  /** Existing tags that match what was typed, best first. */
  tags: T[];
  /** The tag whose name is exactly what was typed (folded), if any. */
  exact: T | null;
  /** A new tag may be made from the text: it is not empty and no tag has that name. */
  canCreate: boolean;
}

/**
 * Tags for an autocomplete: names starting with the text first, then names with
 * a word starting with it, then names containing it; tags in `exclude` (already
 * on the story) are left out but still count as existing names.
 */
export function matchTags<T extends Pick<Tag, 'id' | 'name'>>(tags: readonly T[], text: string, exclude: ReadonlySet<string> = new Set(), limit = 8): TagMatches<T> {
  const query = foldName(text);
  if (!query) return { tags: tags.filter((tag) => !exclude.has(tag.id)).slice(0, limit), exact: null, canCreate: false };
  const ranked: { tag: T; rank: number }[] = [];
  let exact: T | null = null;
  for (const tag of tags) {
    const name = foldName(tag.name);
    if (name === query) exact = tag;
    if (exclude.has(tag.id)) continue;
    const rank = name.startsWith(query) ? 0 : name.split(/[\s\-/]+/).some((word) => word.startsWith(query)) ? 1 : name.includes(query) ? 2 : -1;
    if (rank >= 0) ranked.push({ tag, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.tag.name.localeCompare(b.tag.name));
  return { tags: ranked.slice(0, limit).map((entry) => entry.tag), exact, canCreate: exact === null };
}

/**
 * Looser still, for near-duplicate warnings only: folded, and without spaces, hyphens,
 * dots, apostrophes and underscores (`Kim Jong Un` = `Kim Jong-un` = `kim jongun`).
 */
export function nearKey(text: string): string {
  return foldName(text).replace(/[\s\p{Pd}._'’‘`]/gu, '');
}

/** The tag whose name is nearly `name` (see nearKey) but not the same when folded; null when none. */
export function nearDuplicate<T extends Pick<Tag, 'id' | 'name'>>(tags: readonly T[], name: string): T | null {
  const key = nearKey(name);
  const folded = foldName(name);
  if (!key) return null;
  return tags.find((tag) => nearKey(tag.name) === key && foldName(tag.name) !== folded) ?? null;
}
