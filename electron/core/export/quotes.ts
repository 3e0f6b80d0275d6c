import type { DossierQuote } from '../../../shared/types';
import { formatDay, type Labels } from './labels';
import type { DossierDocument } from './model';

// The quotes the editor added to the dossier as the exports show them: in the order
// added, each attributed (speaker, the story's date, its headline) and, when its story is
// in the dossier, with that story's number. Plain text here: each renderer escapes it.

export interface ExportedQuote {
  quote: DossierQuote;
  /** 0-based index into `doc.stories` of the quote's story; null when it is not in the dossier. */
  story: number | null;
}

export function exportedQuotes(doc: DossierDocument): ExportedQuote[] {
  const index = new Map(doc.stories.map((story, k) => [story.id, k]));
  return (doc.dossier.quotes ?? []).map((quote) => ({ quote, story: index.get(quote.storyId) ?? null }));
}

/** The quote's words as printed: in quotation marks, or marked as indirect speech. */
export function quoteWords(quote: DossierQuote, labels: Labels): string {
  return quote.kind === 'indirect' ? `(${labels.indirect}) ${quote.text}` : `“${quote.text}”`;
}

/** `Vladimir Poetin, 19 juni 2024, Kim en Poetin tekenen …`; an unattributed quote says so (with the words that stand for the speaker). */
export function quoteAttribution(quote: DossierQuote, labels: Labels): string {
  const speaker = quote.speaker?.name ?? (quote.speakerText ? `${labels.unattributed} („${quote.speakerText}”)` : labels.unattributed);
  return [speaker, formatDay(quote.date, labels), quote.headline].filter((part): part is string => Boolean(part)).join(', ');
}
