import { LIMITS } from '../../../shared/contract/define';
import type { StoredValueKind } from '../../../shared/messages';
import type { MetaDoc } from './meta';

// The API's length limits hold for what is stored too: library.json may have been written by
// hand or by another program with values no call would take (a 300 MB note). Such values are
// kept on disk as they are (nothing is lost), counted here for a notice, and shown and
// indexed only up to the limit (`withinLimit`), so no one of them can exhaust memory.

/** `text` as far as the API's limit for long texts. */
export const withinLimit = (text: string, limit: number = LIMITS.text): string => (text.length > limit ? text.slice(0, limit) : text);

/** How many stored values of each kind are longer than the API takes; empty when none. */
export function oversizedValues(meta: MetaDoc): { field: StoredValueKind; count: number }[] {
  const counts = new Map<StoredValueKind, number>();
  const over = (field: StoredValueKind, value: unknown, limit: number) => {
    if (typeof value === 'string' && value.length > limit) counts.set(field, (counts.get(field) ?? 0) + 1);
  };
  for (const edit of meta.storyEdits.values()) over('note', edit.note, LIMITS.text);
  for (const tag of meta.tags) over('tag', tag.name, LIMITS.name);
  for (const link of meta.links) over('link.note', link.note, LIMITS.text);
  for (const dossier of meta.dossiers) {
    const before = counts.get('dossier.text') ?? 0;
    over('dossier.text', dossier.title, LIMITS.name);
    over('dossier.text', dossier.subtitle, LIMITS.name);
    over('dossier.text', dossier.intro, LIMITS.text);
    for (const entry of dossier.entries) over('dossier.text', entry.note, LIMITS.text);
    // One dossier counts once, however many of its texts are too long.
    if ((counts.get('dossier.text') ?? 0) > before + 1) counts.set('dossier.text', before + 1);
  }
  for (const search of meta.savedSearches) over('search', search.name, LIMITS.name);
  for (const name of Object.values(meta.seriesNames ?? {})) over('seriesName', name, LIMITS.name);
  return [...counts].map(([field, count]) => ({ field, count }));
}
