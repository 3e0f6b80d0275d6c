import type { DossierDocument } from './model';

// How much a PDF export may cost. A dossier of a few dozen wire stories prints in
// seconds and runs to tens of pages; the limits are far above that, and stop a dossier
// of giant stories (1,501 pages, 20 minutes) or a hung print with a clear message.

export const PDF_LIMITS = {
  /** Printed pages of the finished document. */
  pages: 1_000,
  /** Wall-clock time for the whole export, every print pass included. */
  timeMs: 5 * 60_000,
  /** Characters of text in the dossier (stories, notes, intro): refused before printing. Some 3,500 a page. */
  textChars: 3_500_000,
};

export type PdfLimits = typeof PDF_LIMITS;
export type PdfLimitKind = 'pages' | 'time' | 'size';

/** The export went over one of PDF_LIMITS; `limit` is that limit, `found` what was measured (where known). */
export class PdfLimitError extends Error {
  constructor(
    readonly kind: PdfLimitKind,
    readonly limit: number,
    readonly found: number | null,
  ) {
    super(limitMessage(kind, limit, found));
    this.name = 'PdfLimitError';
  }
}

/** The editor (or the caller's signal) stopped the export. */
export class PdfCancelledError extends Error {
  constructor() {
    super('The PDF export was cancelled.');
    this.name = 'PdfCancelledError';
  }
}

function limitMessage(kind: PdfLimitKind, limit: number, found: number | null): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  switch (kind) {
    case 'pages':
      return `The PDF would have ${n(found ?? limit)} pages; the limit is ${n(limit)}. Split the dossier or leave out its longest stories.`;
    case 'time':
      return `Printing the PDF took longer than ${Math.round(limit / 60_000)} minutes and was stopped. Split the dossier or leave out its longest stories.`;
    case 'size':
      return `The dossier holds ${n(found ?? 0)} characters of text; a PDF is made of at most ${n(limit)} (some ${n(Math.round(limit / 3_500))} pages). Split the dossier or leave out its longest stories.`;
  }
}

/** Characters the print would lay out: headlines, bodies, the editor's notes and the intro. */
export function dossierTextChars(doc: DossierDocument): number {
  let chars = doc.dossier.title.length + doc.dossier.subtitle.length + doc.dossier.intro.length;
  for (const entry of doc.dossier.entries) chars += entry.note.length;
  for (const story of doc.stories) {
    chars += story.headline.length;
    for (const block of story.body) chars += block.text.length;
  }
  return chars;
}

/** Where an export stands, for a progress display. */
export interface PdfProgress {
  /** 1-based print pass (the first measures page numbers, the next fills them in). */
  pass: number;
  /** Pages of the last finished pass; null before the first one is done. */
  pages: number | null;
}
