import type { MetaDoc } from './meta';
import { own } from './records';

/**
 * Which of `ids` an editor has worked on: tagged, dated or noted, linked, or placed in a
 * dossier. Undoing an import removes only stories nobody touched since (see importer.ts).
 */
export function touchedStories(meta: MetaDoc, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const touched = new Set<string>();
  for (const id of ids) {
    if ((own(meta.taggings, id)?.length ?? 0) > 0) touched.add(id);
    const edit = own(meta.storyEdits, id);
    // A date the importer estimated (a capture-relative brief) is not the editor's work.
    if (edit && ((edit.note ?? '') !== '' || ((edit.publishedAt ?? null) !== null && !edit.publishedAtEstimated))) touched.add(id);
  }
  for (const link of meta.links) {
    if (wanted.has(link.from)) touched.add(link.from);
    if (wanted.has(link.to)) touched.add(link.to);
  }
  for (const dossier of meta.dossiers) for (const entry of dossier.entries) if (wanted.has(entry.storyId)) touched.add(entry.storyId);
  return ids.filter((id) => touched.has(id));
}
