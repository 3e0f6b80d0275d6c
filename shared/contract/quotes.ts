// Who said what: the stories' quotes (kept by the background index build), listed and
// filtered for the quotes view and the CLI, and the quotes an editor adds to a dossier.
import { z } from 'zod';
import type { DossierQuote, QuoteSpeakerKind } from '../types';

export type { QuoteSpeakerKind } from '../types';
import { def, empty, idSchema, isoDateSchema, LIMITS } from './define';

export type QuoteKind = 'direct' | 'indirect';
/** How the speaker was found (see the extractor): named, by a role, by a pronoun, the same speaker going on, or not at all. */
export type QuoteAttribution = 'named' | 'role' | 'pronoun' | 'continued' | 'unresolved';

/** One quote as the quotes view and the CLI show it. */
export interface QuoteItem {
  /** `storyId:paragraph:offset of the quoted words`: what quotes.addToDossier takes. */
  key: string;
  text: string;
  kind: QuoteKind;
  /** The speaker resolved to an entity (key + display name); null when unattributed. `kind` absent: a person. */
  speaker: { key: string; name: string; kind?: QuoteSpeakerKind } | null;
  /** The speaker as written ("hij", "de Noord-Koreaanse leider"); null when the text names none. */
  speakerText: string | null;
  attribution: QuoteAttribution;
  storyId: string;
  headline: string;
  /** The story's date (the editor's, else the wire's); null when unknown. */
  date: string | null;
  /** Body block index and the offsets of the sentence the quote stands in (for the reader to scroll to). */
  paragraph: number;
  start: number;
  end: number;
}

export interface QuotePage {
  items: QuoteItem[];
  total: number;
  offset: number;
  /** The quotes are still being worked out by the background build: the list may grow. */
  building: boolean;
}


export interface QuoteSpeakerItem {
  key: string;
  name: string;
  count: number;
  kind: QuoteSpeakerKind;
}

/** `storyId:paragraph:offset of the quoted words`. */
export const quoteKeySchema = z.string().min(5).max(100).regex(/^[A-Za-z0-9_-]+:\d{1,6}:\d{1,7}$/, 'invalid quote key');

export const quoteQuerySchema = z.strictObject({
  /** An entity key or a name as written (diacritics and case ignored; gazetteer aliases: "Poetin"). */
  person: z.string().max(LIMITS.name).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Only the quotes of this dossier's stories. */
  dossierId: idSchema.optional(),
  /** Words within the quote. */
  text: z.string().max(LIMITS.name).optional(),
  kind: z.enum(['direct', 'indirect']).optional(),
  /** true: only quotes without a speaker; false: only attributed ones. */
  unattributed: z.boolean().optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(1_000).optional(),
});
export type QuoteQueryInput = z.input<typeof quoteQuerySchema>;

export const quotesContract = {
  /** The quotes matching the filters, newest first, one page (default 50). */
  'quotes.list': def<QuotePage>()(quoteQuerySchema),
  /** Who is quoted, most quoted first (for the person filter). */
  'quotes.people': def<{ people: QuoteSpeakerItem[] }>()(empty),
  /** The quotes added to a dossier, in the order added. */
  'quotes.ofDossier': def<{ dossierId: string; quotes: DossierQuote[] }>()(z.strictObject({ dossierId: idSchema })),
  /** Adds a quote to a dossier (undoable); adding one already there changes nothing. */
  'quotes.addToDossier': def<{ dossierId: string; quotes: DossierQuote[] }>()(z.strictObject({ dossierId: idSchema, key: quoteKeySchema })),
  /** Takes a quote out of a dossier (undoable). */
  'quotes.removeFromDossier': def<{ dossierId: string; quotes: DossierQuote[] }>()(z.strictObject({ dossierId: idSchema, key: quoteKeySchema })),
} as const;
