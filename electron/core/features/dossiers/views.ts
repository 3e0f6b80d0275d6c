import type { DossierDetail, DossierListItem } from '../../../../shared/contract/dossiers';
import type { Dossier } from '../../../../shared/types';
import type { LibraryStore } from '../../store/library-store';

// What the renderer and the CLI see of a dossier: entries resolved against the
// library, deleted stories flagged (never dropped).

export function missingCount(store: LibraryStore, dossier: Dossier): number {
  let missing = 0;
  for (const entry of dossier.entries) if (!store.head(entry.storyId)) missing++;
  return missing;
}

export function dossierListItem(store: LibraryStore, dossier: Dossier): DossierListItem {
  return {
    id: dossier.id,
    title: dossier.title,
    subtitle: dossier.subtitle,
    entryCount: dossier.entries.length,
    missingCount: missingCount(store, dossier),
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
  };
}

/** Most recently edited first, as the sidebar lists them. */
export function listDossiers(store: LibraryStore): DossierListItem[] {
  return store.meta.dossiers
    .map((dossier) => dossierListItem(store, dossier))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title, 'nl'));
}

export function dossierDetail(store: LibraryStore, dossier: Dossier): DossierDetail {
  const entries = dossier.entries.map((entry) => ({ storyId: entry.storyId, note: entry.note, story: store.summary(entry.storyId) ?? null, ...(entry.version ? { version: entry.version } : {}) }));
  return { dossier, entries, missingCount: entries.filter((entry) => entry.story === null).length };
}
