import { fold } from '../../text/dutch';
import type { Entity } from '../entities';
import { gazetteer } from '../gazetteer';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from '../../snapshot/codec';
import { sentenceSpans } from '../../text/sentences';
import { extractQuotes, sentenceAmong, type Attribution, type SpeakerKind } from './quotes';

// The quotes of every indexed story, kept by the indexing worker beside the search and
// related indexes (worked out in the background build, never at import), and the queries
// the quotes view and the CLI ask of them: by speaker (key, name or gazetteer alias,
// diacritics and case ignored), date, story set, words within the quote, kind. Newest first.

/** A quote as the index keeps it: what extractQuotes found, with the sentence it stands in. */
export interface StoredQuote {
  kind: 'direct' | 'indirect';
  text: string;
  /** The speaker's entity key and display name; null when unattributed. */
  speakerKey: string | null;
  speakerName: string | null;
  /** A person (absent: snapshots made before speakers had kinds are people), an organisation or a country speaking. */
  speakerKind?: SpeakerKind;
  /** The speaker as written ("hij", "de Noord-Koreaanse leider"); null when the text names none. */
  speakerText: string | null;
  attribution: Attribution;
  /** Body block index, and the offsets of the sentence the quote starts in. */
  paragraph: number;
  start: number;
  end: number;
  /** Where the quoted words start in the paragraph (two quotes of one sentence differ here). */
  quoteStart: number;
}

/** The quotes of one story: its paragraphs (body blocks) and the people entity extraction found in it. */
export function storyQuotes(id: string, paragraphs: readonly string[], entities: readonly Pick<Entity, 'key' | 'name' | 'kind'>[]): StoredQuote[] {
  const people = entities.filter((entity) => entity.kind === 'person').map(({ key, name }) => ({ key, name }));
  const organisations = entities.filter((entity) => entity.kind === 'organisation').map(({ key, name }) => ({ key, name }));
  try {
    // The sentences extractQuotes split the paragraphs into, for the sentence each quote stands in.
    const sentences: { start: number; end: number }[][] = [];
    return extractQuotes({ id, date: null, paragraphs, people, organisations }, { sentences }).map((quote) => {
      const paragraph = paragraphs[quote.paragraph] ?? '';
      const sentence = sentenceAmong((sentences[quote.paragraph] ??= sentenceSpans(paragraph)), paragraph, quote.start);
      return {
        kind: quote.kind,
        text: quote.text,
        speakerKey: quote.speaker?.key ?? null,
        speakerName: quote.speaker?.name ?? null,
        ...(quote.speaker?.kind && quote.speaker.kind !== 'person' ? { speakerKind: quote.speaker.kind } : {}),
        speakerText: quote.speakerText,
        attribution: quote.attribution,
        paragraph: quote.paragraph,
        start: Math.min(sentence.start, quote.start),
        end: Math.max(sentence.end, Math.min(quote.end, (paragraphs[quote.paragraph] ?? '').length)),
        quoteStart: quote.start,
      };
    });
  } catch (error) {
    // A story the extractor cannot read has no quotes; the build goes on.
    console.warn(`[kroniek] quotes of story ${id} not extracted: ${(error as Error).message}`);
    return [];
  }
}

export interface QuoteQuery {
  /** An entity key or a name as written (an alias of the gazetteer too). */
  person?: string;
  /** `YYYY-MM-DD`, inclusive; a quote without a date is left out when either is given. */
  from?: string;
  to?: string;
  /** Only the quotes of these stories (a dossier's). */
  storyIds?: string[];
  /** Words within the quote. */
  text?: string;
  kind?: 'direct' | 'indirect';
  /** Only (true) or none of (false) the quotes without a speaker. */
  unattributed?: boolean;
  offset: number;
  limit: number;
}

export interface QuoteHit extends StoredQuote {
  storyId: string;
  /** The story's date (the editor's, else the wire's); null when unknown. */
  date: string | null;
}

export interface QuotePage {
  total: number;
  items: QuoteHit[];
}

export interface QuoteSpeaker {
  key: string;
  name: string;
  count: number;
  /** person, organisation or country (a government speaking). */
  kind: SpeakerKind;
}

interface StoryEntry {
  date: string | null;
  quotes: StoredQuote[];
  /** Folded quote texts, worked out on the first text query (not kept in the snapshot). */
  folded?: string[];
}

const nameWords = (name: string) => fold(name).split(/[\s-]+/u).filter(Boolean);

export class QuoteIndex {
  private readonly stories = new Map<string, StoryEntry>();
  private quoteCount = 0;

  get size(): number {
    return this.stories.size;
  }

  /** Quotes held over all stories. */
  get count(): number {
    return this.quoteCount;
  }

  has(id: string): boolean {
    return this.stories.has(id);
  }

  ids(): IterableIterator<string> {
    return this.stories.keys();
  }

  quotesOf(id: string): readonly StoredQuote[] | undefined {
    return this.stories.get(id)?.quotes;
  }

  set(id: string, date: string | null, quotes: StoredQuote[]): void {
    this.remove(id);
    this.stories.set(id, { date, quotes });
    this.quoteCount += quotes.length;
  }

  remove(id: string): void {
    const entry = this.stories.get(id);
    if (!entry) return;
    this.quoteCount -= entry.quotes.length;
    this.stories.delete(id);
  }

  /** Who is quoted, with how many quotes, most quoted first. */
  people(): QuoteSpeaker[] {
    const byKey = new Map<string, QuoteSpeaker>();
    for (const entry of this.stories.values()) {
      for (const quote of entry.quotes) {
        if (!quote.speakerKey) continue;
        const known = byKey.get(quote.speakerKey);
        if (known) known.count++;
        else byKey.set(quote.speakerKey, { key: quote.speakerKey, name: quote.speakerName ?? quote.speakerKey, count: 1, kind: quote.speakerKind ?? 'person' });
      }
    }
    return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
  }

  /** The speaker keys a person filter means: exactly a key or a gazetteer name or alias; else every speaker whose name holds all its words. */
  private speakerKeys(person: string): Set<string> {
    const folded = fold(person.trim());
    const keys = new Set<string>();
    const entry = gazetteer().lookup(person.trim());
    if (entry) keys.add(entry.key);
    const speakers = this.people();
    if (speakers.some((speaker) => speaker.key === folded)) keys.add(folded);
    if (keys.size > 0) return keys;
    const words = nameWords(person);
    if (words.length === 0) return keys;
    for (const speaker of speakers) {
      const name = new Set([...nameWords(speaker.name), ...nameWords(speaker.key)]);
      if (words.every((word) => name.has(word))) keys.add(speaker.key);
    }
    return keys;
  }

  query(query: QuoteQuery): QuotePage {
    const keys = query.person?.trim() ? this.speakerKeys(query.person) : null;
    const words = query.text?.trim() ? fold(query.text.trim()) : null;
    const storyIds = query.storyIds ? new Set(query.storyIds) : null;
    const hits: QuoteHit[] = [];
    const consider = (storyId: string, entry: StoryEntry) => {
      const day = entry.date?.slice(0, 10) ?? null;
      if ((query.from || query.to) && !day) return;
      if (query.from && day! < query.from) return;
      if (query.to && day! > query.to) return;
      if (words && !entry.folded) entry.folded = entry.quotes.map((quote) => fold(quote.text));
      entry.quotes.forEach((quote, k) => {
        if (keys && !(quote.speakerKey && keys.has(quote.speakerKey))) return;
        if (query.kind && quote.kind !== query.kind) return;
        if (query.unattributed !== undefined && (quote.speakerKey === null) !== query.unattributed) return;
        if (words && !entry.folded![k]!.includes(words)) return;
        hits.push({ ...quote, storyId, date: entry.date });
      });
    };
    if (storyIds) {
      for (const id of storyIds) {
        const entry = this.stories.get(id);
        if (entry) consider(id, entry);
      }
    } else for (const [id, entry] of this.stories) consider(id, entry);
    // Newest first; undated last; within a story in reading order.
    hits.sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return a.date < b.date ? 1 : -1;
      }
      return a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : a.paragraph - b.paragraph || a.quoteStart - b.quoteStart;
    });
    return { total: hits.length, items: hits.slice(query.offset, query.offset + query.limit) };
  }

  /** One JSON record per story, in slices. */
  *writeState(out: SnapshotWriter): Generator<void> {
    const records: string[] = [];
    for (const [id, entry] of this.stories) records.push(JSON.stringify([id, entry.date, entry.quotes]));
    yield;
    yield* out.strings(records);
  }

  static *readState(input: SnapshotReader): Generator<void, QuoteIndex> {
    const records = yield* input.strings();
    const index = new QuoteIndex();
    let k = 0;
    for (const record of records) {
      const parsed = JSON.parse(record) as unknown;
      if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !(parsed[1] === null || typeof parsed[1] === 'string') || !Array.isArray(parsed[2])) {
        throw new SnapshotFormatError('quotes: a story record of the wrong shape');
      }
      index.set(parsed[0], parsed[1] as string | null, parsed[2] as StoredQuote[]);
      if (++k % 512 === 0) yield;
    }
    return index;
  }
}
