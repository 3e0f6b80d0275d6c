import { detached, fold } from '../../text/dutch';
import type { Entity } from '../entities';
import { gazetteer } from '../gazetteer';
import { i32s, SnapshotFormatError, u8s, type SnapshotReader, type SnapshotWriter } from '../../snapshot/codec';
import { CharPool } from '../compact';
import { TermTable } from '../../search/term-table';
import { sentenceSpans } from '../../text/sentences';
import { extractQuotes, sentenceAmong, type Attribution, type SpeakerKind } from './quotes';
import { grownInt32 } from '../../grown';

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

/**
 * The stories, numbered in the order they were set (a story set again gets a new number),
 * their ids looked up by a table of numbers rather than a Map (term-table.ts: no Map entry
 * and no object per story, ~6 → ~2.5 MB at 67,000 stories), and per number the story's
 * rows (its quotes are rows first … first + count - 1 of the index's columns) and date.
 */
class QuoteStories {
  private readonly ids = new TermTable();
  first = new Int32Array(1024);
  count = new Int32Array(1024);
  date: Array<string | null> = [];

  get size(): number {
    return this.ids.size;
  }

  /** Numbers given so far, those of stories removed since included. */
  get length(): number {
    return this.ids.length;
  }

  /** The story's number, or -1. */
  numberOf(id: string): number {
    return this.ids.get(id);
  }

  add(id: string, date: string | null, first: number, count: number): void {
    const number = this.ids.add(id);
    if (number >= this.first.length) {
      this.first = grownInt32(this.first, number + 1);
      this.count = grownInt32(this.count, number + 1);
    }
    this.first[number] = first;
    this.count[number] = count;
    this.date[number] = date;
  }

  remove(id: string, number: number): void {
    this.ids.delete(id);
    this.date[number] = null;
  }

  /** The stories' ids and numbers, in the order they were set. */
  entries(): Generator<[string, number]> {
    return this.ids.entries();
  }
}

const nameWords = (name: string) => fold(name).split(/[\s-]+/u).filter(Boolean);

// A quote's fields as the index keeps them: one row of numbers per quote (its texts are
// numbers in a table of strings kept once each), its words in a column of their own.
// At 50,000 stories (227,000 quotes) an object per quote, with a copy of its speaker's
// key, name and wording each, held ~45 MB of the indexing worker's heap; the rows ~10.
// The words are one column of bytes (a CharPool: no string object per quote, 19.2 → 15 MB
// at 67,000 stories and none of the 218,000 strings made again at each snapshot load);
// a quote's text becomes a string only when it is answered with.
/** The string fields, in StoredQuote's key order, then the numbers. */
const STRING_FIELDS = ['kind', 'speakerKey', 'speakerName', 'speakerKind', 'speakerText', 'attribution'] as const;
const NUMBER_FIELDS = ['paragraph', 'start', 'end', 'quoteStart'] as const;
const ROW = STRING_FIELDS.length + NUMBER_FIELDS.length;
const PARAGRAPH = STRING_FIELDS.length + NUMBER_FIELDS.indexOf('paragraph');
const QUOTE_START = STRING_FIELDS.length + NUMBER_FIELDS.indexOf('quoteStart');
/** A string field's number for null, and for a key the quote does not have (speakerKind of a person). */
const NULL = 0;
const ABSENT = 1;
/** Rows of removed stories are dropped once there are this many and they are at least half of all rows. */
const COMPACT_DEAD_ROWS = 4_096;

/** The row whose bytes hold byte `at`: the last of rows 0 … count - 1 to start at or before it (`starts` ascending). */
function rowAt(starts: Int32Array, count: number, at: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

export class QuoteIndex {
  private stories = new QuoteStories();
  private quoteCount = 0;
  /** ROW numbers per quote: STRING_FIELDS as numbers into `strings`, then NUMBER_FIELDS. */
  private rows = new Int32Array(ROW * 1024);
  /** The quoted words, row after row: row r's from textStarts[r] to textStarts[r + 1]. */
  private texts = new CharPool();
  private textStarts = new Int32Array(1025);
  /**
   * The words folded, row after row, each followed by CharPool's end mark (a byte no
   * character is written with, so a match never runs from one quote into the next): worked
   * out for the rows added since, on the first text query after (not kept in the snapshot).
   */
  private folded: { pool: CharPool; starts: Int32Array; rows: number } | null = null;
  /** Rows in use, some of them of removed stories (`dead`). */
  private rowCount = 0;
  private dead = 0;
  /** The strings of the string fields, each once (0 and 1: NULL and ABSENT), and their numbers. */
  private readonly strings: string[] = ['', ''];
  private readonly stringNumbers = new Map<string, number>();

  get size(): number {
    return this.stories.size;
  }

  /** Quotes held over all stories. */
  get count(): number {
    return this.quoteCount;
  }

  has(id: string): boolean {
    return this.stories.numberOf(id) >= 0;
  }

  *ids(): Generator<string> {
    for (const [id] of this.stories.entries()) yield id;
  }

  quotesOf(id: string): readonly StoredQuote[] | undefined {
    const number = this.stories.numberOf(id);
    if (number < 0) return undefined;
    const quotes: StoredQuote[] = [];
    const first = this.stories.first[number]!;
    for (let row = first; row < first + this.stories.count[number]!; row++) quotes.push(this.quoteAt(row) as StoredQuote);
    return quotes;
  }

  set(id: string, date: string | null, quotes: readonly StoredQuote[]): void {
    this.remove(id);
    const first = this.rowCount;
    if ((first + quotes.length) * ROW > this.rows.length) {
      const grown = new Int32Array(Math.max(this.rows.length * 2, (first + quotes.length) * ROW));
      grown.set(this.rows.subarray(0, first * ROW));
      this.rows = grown;
    }
    if (first + quotes.length + 1 > this.textStarts.length) this.textStarts = grownInt32(this.textStarts, first + quotes.length + 1);
    for (const quote of quotes) {
      const at = this.rowCount * ROW;
      const fields = quote as unknown as Record<string, unknown>;
      STRING_FIELDS.forEach((field, k) => (this.rows[at + k] = this.stringNumber(fields[field], field)));
      NUMBER_FIELDS.forEach((field, k) => {
        const value = fields[field];
        if (typeof value !== 'number' || (value | 0) !== value) throw new TypeError(`a quote's ${field} is not a 32-bit integer`);
        this.rows[at + STRING_FIELDS.length + k] = value;
      });
      if (typeof quote.text !== 'string') throw new TypeError("a quote's text is not a string");
      this.textStarts[this.rowCount] = this.texts.length;
      this.texts.append(quote.text);
      this.rowCount++;
      this.textStarts[this.rowCount] = this.texts.length;
    }
    this.stories.add(id, date, first, quotes.length);
    this.quoteCount += quotes.length;
  }

  remove(id: string): void {
    const number = this.stories.numberOf(id);
    if (number < 0) return;
    this.quoteCount -= this.stories.count[number]!;
    this.dead += this.stories.count[number]!;
    this.stories.remove(id, number);
    // Its rows and number stay, read by nothing (the stories lead to rows), until the index is compacted.
    const unused = this.stories.length - this.stories.size;
    if ((this.dead >= COMPACT_DEAD_ROWS && this.dead * 2 >= this.rowCount) || (unused >= COMPACT_DEAD_ROWS && unused >= this.stories.size)) this.compact();
  }

  /** Drops the rows and numbers of removed stories. */
  private compact(): void {
    const rows = new Int32Array(Math.max(1024, this.quoteCount) * ROW);
    const texts = new CharPool();
    const textStarts = new Int32Array(Math.max(1024, this.quoteCount) + 1);
    const stories = new QuoteStories();
    let count = 0;
    for (const [id, number] of this.stories.entries()) {
      const first = this.stories.first[number]!;
      const quotes = this.stories.count[number]!;
      rows.set(this.rows.subarray(first * ROW, (first + quotes) * ROW), count * ROW);
      const shift = texts.appendBytes(this.texts.data.subarray(this.textStarts[first]!, this.textStarts[first + quotes]!)) - this.textStarts[first]!;
      for (let k = 0; k <= quotes; k++) textStarts[count + k] = this.textStarts[first + k]! + shift;
      stories.add(id, this.stories.date[number]!, count, quotes);
      count += quotes;
    }
    this.stories = stories;
    this.rows = rows;
    this.texts = texts;
    this.textStarts = textStarts;
    // Folded again, for the rows' new numbers, by the next text query.
    this.folded = null;
    this.rowCount = count;
    this.dead = 0;
  }

  private stringNumber(value: unknown, field: string): number {
    if (value === undefined) return ABSENT;
    if (value === null) return NULL;
    if (typeof value !== 'string') throw new TypeError(`a quote's ${field} is not a string`);
    let number = this.stringNumbers.get(value);
    if (number === undefined) {
      number = this.strings.length;
      const own = detached(value);
      this.strings.push(own);
      this.stringNumbers.set(own, number);
    }
    return number;
  }

  private stringAt(row: number, field: number): string | null {
    const number = this.rows[row * ROW + field]!;
    return number === NULL ? null : this.strings[number]!;
  }

  /** The row's quote as it was set, keys in the same order (a key it did not have left out). */
  private quoteAt(row: number, extra?: { storyId: string; date: string | null }): StoredQuote | QuoteHit {
    const quote: Record<string, unknown> = {};
    const at = row * ROW;
    for (let k = 0; k < STRING_FIELDS.length; k++) {
      const number = this.rows[at + k]!;
      if (number !== ABSENT) quote[STRING_FIELDS[k]!] = number === NULL ? null : this.strings[number];
      if (k === 0) quote.text = this.textAt(row);
    }
    for (let k = 0; k < NUMBER_FIELDS.length; k++) quote[NUMBER_FIELDS[k]!] = this.rows[at + STRING_FIELDS.length + k];
    if (extra) {
      quote.storyId = extra.storyId;
      quote.date = extra.date;
    }
    return quote as unknown as StoredQuote;
  }

  private textAt(row: number): string {
    return this.texts.read(this.textStarts[row]!, this.textStarts[row + 1]! - this.textStarts[row]!);
  }

  /**
   * Per row, 1 when its folded words hold `words` (folded, not empty): one search of the
   * folded column for the bytes of `words` (CharPool writes a character's bytes the same way
   * wherever it stands, and no character's bytes start inside another's, so a match of
   * the bytes is a match of the characters), not a string per quote.
   */
  private rowsWith(words: string): Uint8Array {
    if (!this.folded) {
      // Folded words take no more bytes than the words, and each its end mark.
      const pool = new CharPool();
      pool.data = new Uint8Array(this.texts.length + this.rowCount + 1024);
      this.folded = { pool, starts: new Int32Array(this.rowCount + 1), rows: 0 };
    }
    const folded = this.folded;
    if (folded.starts.length < this.rowCount + 1) folded.starts = grownInt32(folded.starts, this.rowCount + 1);
    for (let row = folded.rows; row < this.rowCount; row++) {
      folded.starts[row] = folded.pool.length;
      folded.pool.append(fold(this.textAt(row)));
      folded.pool.end();
    }
    folded.starts[this.rowCount] = folded.pool.length;
    folded.rows = this.rowCount;
    const needle = new CharPool();
    needle.append(words);
    const bytes = needle.data.subarray(0, needle.length);
    const column = Buffer.from(folded.pool.data.buffer, folded.pool.data.byteOffset, folded.pool.length);
    const hits = new Uint8Array(this.rowCount);
    for (let at = column.indexOf(bytes); at >= 0; ) {
      const row = rowAt(folded.starts, this.rowCount, at);
      hits[row] = 1;
      at = column.indexOf(bytes, folded.starts[row + 1]!);
    }
    return hits;
  }

  /** Who is quoted, with how many quotes, most quoted first. */
  people(): QuoteSpeaker[] {
    const byKey = new Map<number, QuoteSpeaker>();
    const KEY = STRING_FIELDS.indexOf('speakerKey');
    const NAME = STRING_FIELDS.indexOf('speakerName');
    const KIND = STRING_FIELDS.indexOf('speakerKind');
    for (const [, number] of this.stories.entries()) {
      const first = this.stories.first[number]!;
      for (let row = first; row < first + this.stories.count[number]!; row++) {
        // By the key's number: one per distinct key, as the strings are kept once.
        const keyNumber = this.rows[row * ROW + KEY]!;
        if (keyNumber === NULL || keyNumber === ABSENT) continue;
        const known = byKey.get(keyNumber);
        if (known) {
          known.count++;
          continue;
        }
        const speakerKey = this.strings[keyNumber]!;
        if (!speakerKey) continue;
        byKey.set(keyNumber, { key: speakerKey, name: this.stringAt(row, NAME) ?? speakerKey, count: 1, kind: (this.rows[row * ROW + KIND] === ABSENT ? null : (this.stringAt(row, KIND) as SpeakerKind | null)) ?? 'person' });
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
    const withWords = words ? this.rowsWith(words) : null;
    const hits: Array<{ row: number; storyId: string; date: string | null }> = [];
    const KIND = STRING_FIELDS.indexOf('kind');
    const KEY = STRING_FIELDS.indexOf('speakerKey');
    const consider = (storyId: string, number: number) => {
      const date = this.stories.date[number]!;
      const day = date?.slice(0, 10) ?? null;
      if ((query.from || query.to) && !day) return;
      if (query.from && day! < query.from) return;
      if (query.to && day! > query.to) return;
      const first = this.stories.first[number]!;
      for (let row = first; row < first + this.stories.count[number]!; row++) {
        // As the quote's own fields read: an absent speakerKey is neither null nor a key.
        const keyNumber = this.rows[row * ROW + KEY]!;
        const speakerKey = keyNumber === ABSENT ? undefined : this.stringAt(row, KEY);
        if (keys && !(speakerKey && keys.has(speakerKey))) continue;
        if (query.kind && (this.rows[row * ROW + KIND] === ABSENT ? undefined : this.stringAt(row, KIND)) !== query.kind) continue;
        if (query.unattributed !== undefined && (speakerKey === null) !== query.unattributed) continue;
        if (withWords && !withWords[row]) continue;
        hits.push({ row, storyId, date });
      }
    };
    if (storyIds) {
      for (const id of storyIds) {
        const number = this.stories.numberOf(id);
        if (number >= 0) consider(id, number);
      }
    } else for (const [id, number] of this.stories.entries()) consider(id, number);
    // Newest first; undated last; within a story in reading order.
    hits.sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return a.date < b.date ? 1 : -1;
      }
      if (a.storyId !== b.storyId) return a.storyId < b.storyId ? -1 : 1;
      return this.rows[a.row * ROW + PARAGRAPH]! - this.rows[b.row * ROW + PARAGRAPH]! || this.rows[a.row * ROW + QUOTE_START]! - this.rows[b.row * ROW + QUOTE_START]!;
    });
    const items = hits.slice(query.offset, query.offset + query.limit).map(({ row, storyId, date }) => this.quoteAt(row, { storyId, date }) as QuoteHit);
    return { total: hits.length, items };
  }

  /**
   * The index as it keeps itself (snapshot format 12): the string table, the stories (ids,
   * dates, quote counts) and the quotes' rows, the bytes of their words and each one's
   * length in bytes, live rows only. One JSON record per story before format 8: parsing
   * them took ~0.5 s of a 2.4 s snapshot start at 52,000 stories; the words as one string
   * each before format 12.
   */
  *writeState(out: SnapshotWriter): Generator<void> {
    const ids: string[] = [];
    const dates: string[] = [];
    const dated = new Uint8Array(this.stories.size);
    const counts = new Int32Array(this.stories.size);
    const rows = new Int32Array(this.quoteCount * ROW);
    const texts = new CharPool();
    const lengths = new Int32Array(this.quoteCount);
    let k = 0;
    let written = 0;
    for (const [id, number] of this.stories.entries()) {
      const date = this.stories.date[number]!;
      const first = this.stories.first[number]!;
      const count = this.stories.count[number]!;
      ids.push(id);
      dates.push(date ?? '');
      dated[k] = date === null ? 0 : 1;
      counts[k] = count;
      rows.set(this.rows.subarray(first * ROW, (first + count) * ROW), written * ROW);
      texts.appendBytes(this.texts.data.subarray(this.textStarts[first]!, this.textStarts[first + count]!));
      for (let row = first; row < first + count; row++) lengths[written++] = this.textStarts[row + 1]! - this.textStarts[row]!;
      if (++k % 4_096 === 0) yield;
    }
    yield* out.texts(this.strings);
    yield* out.strings(ids);
    yield* out.strings(dates);
    yield* out.array(dated);
    yield* out.array(counts);
    yield* out.array(rows);
    yield* texts.write(out);
    yield* out.array(lengths);
  }

  /**
   * The index as writeState wrote it, checked: SnapshotFormatError for anything that does
   * not add up. `textsAsStrings`: as snapshot formats 8–11 wrote it, the words one string
   * per quote.
   */
  static *readState(input: SnapshotReader, sharedId: (id: string) => string = (id) => id, textsAsStrings = false): Generator<void, QuoteIndex> {
    const strings = yield* input.texts();
    const ids = yield* input.strings();
    const dates = yield* input.strings();
    const dated = yield* input.array(u8s, 1);
    const counts = yield* input.array(i32s, 4);
    const rows = yield* input.array(i32s, 4);
    let texts: CharPool;
    let lengths: Int32Array;
    if (textsAsStrings) {
      const words = yield* input.texts();
      texts = new CharPool();
      lengths = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) {
        const before = texts.length;
        texts.append(words[k]!);
        lengths[k] = texts.length - before;
      }
    } else {
      texts = yield* CharPool.read(input);
      lengths = yield* input.array(i32s, 4);
    }
    if (strings.length < 2 || dates.length !== ids.length || dated.length !== ids.length || counts.length !== ids.length) throw new SnapshotFormatError('quotes: the stories do not add up');
    let total = 0;
    for (let k = 0; k < counts.length; k++) {
      if (counts[k]! < 0) throw new SnapshotFormatError('quotes: a negative count');
      total += counts[k]!;
    }
    if (lengths.length !== total || rows.length !== total * ROW) throw new SnapshotFormatError('quotes: the quotes do not add up');
    const textStarts = new Int32Array(Math.max(1024, total) + 1);
    for (let row = 0; row < total; row++) {
      if (lengths[row]! < 0) throw new SnapshotFormatError('quotes: a negative length');
      textStarts[row + 1] = textStarts[row]! + lengths[row]!;
    }
    if (textStarts[total] !== texts.length) throw new SnapshotFormatError('quotes: the words do not add up');
    for (let row = 0; row < total; row++) {
      for (let field = 0; field < STRING_FIELDS.length; field++) {
        const number = rows[row * ROW + field]!;
        if (number < 0 || number >= strings.length) throw new SnapshotFormatError('quotes: a string number out of range');
      }
      if (row % 16_384 === 16_383) yield;
    }
    const index = new QuoteIndex();
    for (let number = 2; number < strings.length; number++) {
      index.strings.push(strings[number]!);
      index.stringNumbers.set(strings[number]!, number);
    }
    let first = 0;
    // Each date once (stories share their days), each id the search index's own string.
    const days = new Map<string, string>();
    for (let k = 0; k < ids.length; k++) {
      if (index.stories.numberOf(ids[k]!) >= 0) throw new SnapshotFormatError('quotes: a story twice');
      let date: string | null = null;
      if (dated[k]) {
        date = days.get(dates[k]!) ?? dates[k]!;
        days.set(date, date);
      }
      index.stories.add(sharedId(ids[k]!), date, first, counts[k]!);
      first += counts[k]!;
    }
    index.rows = total > 0 ? rows : new Int32Array(ROW * 1024);
    index.texts = texts;
    index.textStarts = textStarts;
    index.rowCount = total;
    index.quoteCount = total;
    return index;
  }
}
