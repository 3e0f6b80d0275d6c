import type { ChronologyView, ChronologyViewLine } from '../../../../shared/contract/chronology';
import type { ChronologyLine, Dossier } from '../../../../shared/types';
import { draftChronology, type ChronologyStory, type DraftLine } from '../../analysis/chronology/draft';
import type { LibraryStore } from '../../store/library-store';

// A dossier's chronology as the editor sees it: the stored decisions, and the current draft
// (worked out from the dossier's stories as they are now) for everything not decided yet.

const PRECISION = { year: 0, month: 1, week: 2, day: 3 } as const;

/** The draft lines of a dossier's stories (those still in the library), as stored-line shapes. */
export async function draftLines(store: LibraryStore, dossier: Dossier): Promise<{ lines: ChronologyLine[]; undated: number }> {
  const stories: ChronologyStory[] = [];
  let undated = 0;
  for (const entry of dossier.entries) {
    const story = await store.story(entry.storyId);
    if (!story) continue;
    if (!story.publishedAt) undated++;
    const lead = story.body.findIndex((block) => block.type === 'paragraph');
    stories.push({ id: story.id, date: story.publishedAt, paragraphs: story.body.map((block) => block.text), lead: Math.max(0, lead) });
  }
  return { lines: draftChronology(stories).map(asStored), undated };
}

function asStored(line: DraftLine): ChronologyLine {
  return {
    key: line.key,
    date: line.date,
    summary: line.summary,
    sources: line.sources.map(({ storyId, paragraph, start, end, sentence }) => ({ storyId, paragraph, start, end, sentence })),
    status: 'approved',
    confidence: line.confidence,
  };
}

export async function chronologyView(store: LibraryStore, dossier: Dossier): Promise<ChronologyView> {
  const stored = new Map((dossier.chronology ?? []).map((line) => [line.key, line]));
  const { lines: drafted, undated } = await draftLines(store, dossier);
  const lines: ChronologyViewLine[] = [];
  const headlines = (line: ChronologyLine) => line.sources.map((source) => store.summary(source.storyId)?.headline ?? null);
  for (const line of drafted) {
    if (stored.has(line.key)) continue;
    // A draft line whose sources were all merged into another line is that line now.
    lines.push({ ...line, status: 'draft', headlines: headlines(line) });
  }
  for (const line of stored.values()) {
    if (line.status === 'merged') continue;
    lines.push({ ...line, status: line.status, headlines: headlines(line) });
  }
  lines.sort((a, b) => a.date.date.localeCompare(b.date.date) || PRECISION[b.date.granularity] - PRECISION[a.date.granularity] || a.key.localeCompare(b.key));
  const counts = { draft: 0, approved: 0, rejected: 0 };
  for (const line of lines) counts[line.status]++;
  return { dossierId: dossier.id, lines, counts, undatedStories: undated };
}
