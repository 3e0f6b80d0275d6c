import type { ChronologyLine, Dossier } from '../../../../shared/types';
import type { MetaDoc } from '../../store/meta';
import { findDossier } from '../dossiers/ops';

// Pure edits of a dossier's stored chronology lines (the editor's decisions).

/** The dossier with `lines` stored (replacing lines of the same key) and the lines of `remove` dropped. */
export function storeLines(meta: MetaDoc, dossierId: string, lines: readonly ChronologyLine[], remove: readonly string[] = [], now: string): MetaDoc {
  const dossier = findDossier(meta, dossierId);
  const replaced = new Set([...lines.map((line) => line.key), ...remove]);
  const kept = (dossier.chronology ?? []).filter((line) => !replaced.has(line.key));
  const chronology = [...kept, ...lines];
  const next: Dossier = { ...dossier, updatedAt: now };
  if (chronology.length) next.chronology = chronology;
  else delete next.chronology;
  return { ...meta, dossiers: meta.dossiers.map((candidate) => (candidate.id === dossierId ? next : candidate)) };
}
