import type { ChronologyLine } from '../../../shared/types';
import type { DossierDocument } from './model';

// The dossier's chronology as the exports show it: only the lines the editor approved
// (nothing drafted reaches an export), oldest first, each with the numbers of the
// dossier's stories it cites.

export interface ExportedChronologyLine {
  line: ChronologyLine;
  /** 0-based indexes into `doc.stories` of the line's sources still in the dossier, in source order. */
  stories: number[];
}

const PRECISION = { year: 0, month: 1, week: 2, day: 3 } as const;

export function exportedChronology(doc: DossierDocument): ExportedChronologyLine[] {
  const index = new Map(doc.stories.map((story, k) => [story.id, k]));
  return (doc.dossier.chronology ?? [])
    .filter((line) => line.status === 'approved')
    .map((line) => ({ line, stories: [...new Set(line.sources.map((source) => index.get(source.storyId)).filter((k): k is number => k !== undefined))] }))
    .sort((a, b) => a.line.date.date.localeCompare(b.line.date.date) || PRECISION[b.line.date.granularity] - PRECISION[a.line.date.granularity]);
}
