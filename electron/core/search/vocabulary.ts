import { i32s, SnapshotFormatError, u32s, type SnapshotReader, type SnapshotWriter } from '../snapshot/codec';
import { compoundHeads } from '../text/compounds';
import { nameSkeleton, skeletonHash } from '../text/transliteration';
import { detached, wordHash } from '../text/dutch';
import { indexTerm } from './query';
import { TermTable } from './term-table';
import { U32List } from '../analysis/compact';
import { grownInt32 } from '../grown';

// Every distinct folded word seen by the index gets a small number. Stories keep
// their text as a sequence of these numbers (see packed-text.ts), the word's index
// term (stem) is computed once per distinct word rather than once per occurrence,
// and the words are bucketed by their first two and first three letters for prefix
// matching (a prefix scans only the words sharing its start).

/** Word id 0 is reserved: it separates fields in a packed text. */
export const FIELD_BREAK = 0;

const HOT_WORDS = 2_048;
/** A word joins the hot map once this many stories contain it. */
const HOT_STORY_COUNT = 64;
const SHORT_BUCKET = 2;
const LONG_BUCKET = 3;
/** Shorter words are never split into compounds (a three-letter first part and a four-letter head). */
const MIN_COMPOUND = 7;

/**
 * A bucket's word ids, ascending, in a growable Uint32Array (compact.ts), trimmed to its count
 * once a snapshot is read: a JavaScript array of them held 8 bytes an id and room to grow (the
 * two-letter and three-letter buckets 5.8 MB at 280,000 words).
 */
function addToBucket(buckets: Map<string, U32List>, key: string, id: number): void {
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = new U32List()));
  bucket.push(id);
}

/** The ids of a bucket (a view: valid until the next push). */
const idsOf = (bucket: U32List | undefined): Uint32Array => (bucket ? bucket.data.subarray(0, bucket.length) : NO_IDS);

const NO_IDS = new Uint32Array(0);

export class Vocabulary {
  /**
   * The words by id (id 0: the empty word, reserved). A table of numbers rather than a Map
   * from word to id (term-table.ts): a story's words are looked up by where they are in its
   * text (scanWords, lookupRange), with the hash worked out while the text is scanned, so no
   * string is cut out, folded and hashed again per running word; only a new word becomes a string.
   */
  private wordTable = Vocabulary.newTermNumbers();
  /**
   * The most common words, in the order they became common (HOT_STORY_COUNT): kept in
   * the snapshot as they always were, no longer used for lookups.
   */
  private readonly hot = new Map<string, number>();
  /** Per word id: the word (the table's own array; words are never deleted). */
  private words = this.wordTable.all() as ReadonlyArray<string>;
  /** Index term per word id; '' when the word is not indexed (stopword, single character). */
  private terms: string[] = [''];
  private readonly shortBuckets = new Map<string, U32List>();
  private readonly longBuckets = new Map<string, U32List>();
  /** Per word id: how many indexed stories contain the word (ranks prefix completions). */
  private storyCounts = new Int32Array(1024);
  /** Per word id: the story count pass that last counted it, so a story counts each word once. */
  private countedIn = new Int32Array(1024);
  /**
   * Per word id: the hash of its transliteration skeleton (text/transliteration.ts), worked
   * out when the word joins and kept in the snapshot. A search for a name compares these
   * against the name's skeletons (a scan of thousands of integers) and works out a word's
   * skeleton again only when its hash agrees.
   */
  private nameHashes = new Int32Array(1024);
  private pass = 0;
  /**
   * Per index term: the ids (ascending) of words that are compounds with a head of that
   * term (`raket` → kruisraket, kruisraketten). Filled as words join, so a search for a
   * word finds its compounds by one lookup instead of a scan of all words.
   */
  private readonly compoundsByHead = new Map<string, number[]>();

  get size(): number {
    return this.words.length - 1;
  }

  /** Per word id: its term's number (0: not indexed); words up to `numbered` have one (see termIds). */
  private termIdOf = new Int32Array(1024);
  private numbered = 1;
  /** Per term number: the term (the same string as `terms` holds); 0 stands for no term. */
  private readonly termNumbers = Vocabulary.newTermNumbers();

  private static newTermNumbers(): TermTable {
    const table = new TermTable();
    table.add('');
    return table;
  }

  /**
   * Per word id, the number of its index term (0 when the word is not indexed): dense
   * numbers, for the index build to key arrays by instead of looking the term string up
   * in maps per running word. Numbers the words added since the last call; not kept in
   * the snapshot (numbered again as needed). Valid until the next word is added.
   */
  termIds(): Int32Array {
    const count = this.words.length;
    if (this.numbered < count) {
      if (this.termIdOf.length < count) {
        const grownIds = new Int32Array(Math.max(count, this.termIdOf.length * 2));
        grownIds.set(this.termIdOf);
        this.termIdOf = grownIds;
      }
      for (let id = this.numbered; id < count; id++) {
        const term = this.terms[id]!;
        if (!term) continue;
        let number = this.termNumbers.get(term);
        if (number < 0) number = this.termNumbers.add(term);
        this.termIdOf[id] = number;
      }
      this.numbered = count;
    }
    return this.termIdOf;
  }

  /** Terms are numbered below this (see termIds). */
  get termLimit(): number {
    return this.termNumbers.length;
  }

  /** The term with this number (see termIds). */
  termText(number: number): string {
    return this.termNumbers.text(number)!;
  }

  /** The id of a folded word, adding it when new. */
  intern(word: string): number {
    const hash = wordHash(word);
    return this.find(word, hash) || this.add(word, hash);
  }

  /**
   * The id of the plain word at `start`–`end` of `text` (as scanWords hands it over, with
   * its hash), adding it when new: the same id as intern() of the word lower-cased.
   */
  internRange(text: string, start: number, end: number, hash: number): number {
    const id = this.wordTable.findRange(text, start, end, hash);
    return id > 0 ? id : this.add(text.slice(start, end).toLowerCase(), hash);
  }

  /** The id of `word` (with its wordHash), or 0. */
  private find(word: string, hash: number): number {
    return Math.max(0, this.wordTable.get(word, hash));
  }

  /** A new word. */
  private add(word: string, hash: number): number {
    word = detached(word);
    const id = this.wordTable.add(word, hash);
    this.terms.push(this.shared(indexTerm(word) ?? ''));
    if (id >= this.storyCounts.length) {
      this.storyCounts = grownInt32(this.storyCounts);
      this.countedIn = grownInt32(this.countedIn);
      this.nameHashes = grownInt32(this.nameHashes);
    }
    this.nameHashes[id] = skeletonHash(nameSkeleton(word));
    addToBucket(this.shortBuckets, word.slice(0, SHORT_BUCKET), id);
    if (word.length >= LONG_BUCKET) addToBucket(this.longBuckets, word.slice(0, LONG_BUCKET), id);
    this.noteHeads(word, id);
    return id;
  }

  /**
   * The one string object for a term: the word's own when the term is a word too
   * (`oorlog` for `oorlogen`), else `term`. Hundreds of thousands of equal strings
   * otherwise each take their own memory (in the terms, the posting map's keys).
   */
  private shared(term: string, pending?: Map<string, string>): string {
    const id = this.find(term, wordHash(term));
    if (id !== 0) return this.words[id]!;
    if (!pending) return term;
    const known = pending.get(term);
    if (known !== undefined) return known;
    pending.set(term, term);
    return term;
  }

  /**
   * Terms as read from a format-9 snapshot, each the vocabulary's own string for it (see
   * shared): for the posting map's keys. Valid while a snapshot is being read (readState
   * keeps the terms that are no word until `doneReading`).
   */
  sharedTerm(term: string): string {
    return this.shared(term, this.readingTerms ?? undefined);
  }

  /**
   * Writes `terms` (the posting lists', each some word's index term) as numbers that
   * readTerms turns back into the vocabulary's own strings without a lookup: a term that is a
   * word as that word's id (`oorlog`), any other as minus the id of a word whose term it is
   * (`onderhandel`, of `onderhandelen`), and 0 for a term of no word (none is expected),
   * written as a string after.
   */
  *writeTerms(out: SnapshotWriter, terms: readonly string[]): Generator<void> {
    // Only the terms that are no word need an entry: most are words, found in the word table.
    const wordOf = new Map<string, number>();
    for (let id = 1; id < this.words.length; id++) {
      const term = this.terms[id]!;
      if (term && !wordOf.has(term) && this.find(term, wordHash(term)) === 0) wordOf.set(term, id);
      if (id % 16_384 === 0) yield;
    }
    const refs = new Int32Array(terms.length);
    const others: string[] = [];
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      const word = this.find(term, wordHash(term));
      const of = word === 0 ? wordOf.get(term) : undefined;
      if (word !== 0) refs[k] = word;
      else if (of !== undefined) refs[k] = -of;
      else others.push(term);
      if (k % 16_384 === 16_383) yield;
    }
    yield* out.array(refs);
    yield* out.strings(others);
  }

  /** What writeTerms wrote, after this vocabulary was read; throws SnapshotFormatError when a number is out of range. */
  *readTerms(input: SnapshotReader): Generator<void, string[]> {
    const refs = yield* input.array(i32s, 4);
    const others = yield* input.strings();
    const terms = new Array<string>(refs.length);
    let next = 0;
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k]!;
      const term = ref > 0 ? this.words[ref] : ref < 0 ? this.terms[-ref] : others[next++];
      if (!term) throw new SnapshotFormatError('search: term references');
      terms[k] = term;
    }
    if (next !== others.length) throw new SnapshotFormatError('search: term references');
    return terms;
  }

  /** Forgets what sharedTerm needed while a snapshot was read. */
  doneReading(): void {
    this.readingTerms = null;
  }

  private readingTerms: Map<string, string> | null = null;

  private noteHeads(word: string, id: number): void {
    if (word.length < MIN_COMPOUND) return;
    for (const head of compoundHeads(word, true)) {
      const term = indexTerm(head);
      if (!term) continue;
      const ids = this.compoundsByHead.get(term);
      if (!ids) this.compoundsByHead.set(term, [id]);
      else if (ids[ids.length - 1] !== id) ids.push(id);
    }
  }

  /**
   * Ids (ascending) of words in some story that are compounds with a head whose index
   * term is `term` (`kruisraketten` for `raket`), at most `limit`.
   */
  compoundsWithHead(term: string, limit: number): number[] {
    const out: number[] = [];
    for (const id of this.compoundsByHead.get(term) ?? []) {
      if (out.length >= limit) break;
      if (this.storyCounts[id]! > 0 && this.terms[id]) out.push(id);
    }
    return out;
  }

  /**
   * Words, their terms and story counts for the index snapshot; the maps are rebuilt from
   * them. A word's term is written as a number: 0 for none, the id of the word that is the
   * term itself (`oorlog` for `oorlogen`), or -(k + 1) for the k-th of the terms that are no
   * word, each written once; read back, every term is the one string it is in memory
   * without a lookup (format 9 wrote the strings, and reading shared them by lookups: a
   * sixth of the snapshot's load at 67,000 stories).
   */
  *writeState(out: SnapshotWriter): Generator<void> {
    yield* out.strings(this.words);
    const refs = new Int32Array(this.words.length);
    const others: string[] = [];
    const otherAt = new Map<string, number>();
    for (let id = 1; id < this.words.length; id++) {
      const term = this.terms[id]!;
      if (!term) continue;
      const word = this.find(term, wordHash(term));
      if (word !== 0) refs[id] = word;
      else {
        let k = otherAt.get(term);
        if (k === undefined) otherAt.set(term, (k = others.push(term) - 1));
        refs[id] = -(k + 1);
      }
      if (id % 16_384 === 0) yield;
    }
    yield* out.array(refs);
    yield* out.strings(others);
    yield* out.array(this.storyCounts.subarray(0, this.words.length));
    // In the order they joined: the hot map is capped, so its members are not derivable.
    yield* out.array(Uint32Array.from(this.hot.values()));
    // Compounds by head: the head terms, then per head its word count and ids.
    const heads = [...this.compoundsByHead.keys()];
    yield* out.strings(heads);
    let length = 0;
    for (const ids of this.compoundsByHead.values()) length += 1 + ids.length;
    const flat = new Uint32Array(length);
    let at = 0;
    for (const ids of this.compoundsByHead.values()) {
      flat[at++] = ids.length;
      flat.set(ids, at);
      at += ids.length;
    }
    yield* out.array(flat);
    yield* out.array(this.nameHashes.subarray(0, this.words.length));
  }

  /** A vocabulary from what writeState wrote (`termsAsStrings`: as snapshot format 9 wrote it, each term as a string). */
  static *readState(input: SnapshotReader, termsAsStrings = false): Generator<void, Vocabulary> {
    const vocabulary = new Vocabulary();
    const words = yield* input.strings();
    const terms = termsAsStrings ? yield* input.strings() : yield* readTermRefs(input, words);
    const counts = yield* input.array(i32s, 4);
    const hot = yield* input.array(u32s, 4);
    if (words.length === 0 || words[0] !== '' || terms.length !== words.length || counts.length !== words.length || hot.length > HOT_WORDS) {
      throw new SnapshotFormatError('vocabulary: sizes');
    }
    // The terms as read (an array of their exact length: grown by push, it kept a third more room).
    vocabulary.terms = terms;
    terms[0] = '';
    // Room for the words read and as many again as a day's imports bring (grown by doubling past that).
    const capacity = words.length + 4096;
    vocabulary.wordTable.reserve(capacity);
    vocabulary.storyCounts = new Int32Array(capacity);
    vocabulary.storyCounts.set(counts);
    vocabulary.countedIn = new Int32Array(capacity);
    vocabulary.nameHashes = new Int32Array(capacity);
    for (let id = 1; id < words.length; id++) {
      const word = words[id]!;
      const hash = wordHash(word);
      if (vocabulary.find(word, hash) !== 0) throw new SnapshotFormatError('vocabulary: repeated words');
      vocabulary.wordTable.add(word, hash);
      // In id order, as intern() filled them.
      addToBucket(vocabulary.shortBuckets, word.slice(0, SHORT_BUCKET), id);
      if (word.length >= LONG_BUCKET) addToBucket(vocabulary.longBuckets, word.slice(0, LONG_BUCKET), id);
      if (id % 4096 === 0) yield;
    }
    // The words as read (an array of their exact length) become the table's.
    vocabulary.wordTable.keepArray(words);
    vocabulary.words = words;
    for (const bucket of vocabulary.shortBuckets.values()) bucket.grow(bucket.length);
    for (const bucket of vocabulary.longBuckets.values()) bucket.grow(bucket.length);
    if (termsAsStrings) {
      vocabulary.readingTerms = new Map();
      for (let id = 1; id < words.length; id++) {
        vocabulary.terms[id] = vocabulary.shared(vocabulary.terms[id]!, vocabulary.readingTerms);
        if (id % 16_384 === 0) yield;
      }
    }
    for (const id of hot) {
      if (id === 0 || id >= words.length) throw new SnapshotFormatError('vocabulary: hot words');
      vocabulary.hot.set(words[id]!, id);
    }
    const heads = yield* input.strings();
    const flat = yield* input.array(u32s, 4);
    let at = 0;
    for (const head of heads) {
      const count = flat[at++];
      if (count === undefined || count === 0 || at + count > flat.length || vocabulary.compoundsByHead.has(head)) {
        throw new SnapshotFormatError('vocabulary: compounds');
      }
      const ids = Array.from(flat.subarray(at, at + count));
      at += count;
      for (let k = 0; k < ids.length; k++) {
        if (ids[k]! === 0 || ids[k]! >= words.length || (k > 0 && ids[k]! <= ids[k - 1]!)) throw new SnapshotFormatError('vocabulary: compounds');
      }
      vocabulary.compoundsByHead.set(head, ids);
    }
    if (at !== flat.length) throw new SnapshotFormatError('vocabulary: compounds');
    const nameHashes = yield* input.array(i32s, 4);
    if (nameHashes.length !== words.length) throw new SnapshotFormatError('vocabulary: name keys');
    vocabulary.nameHashes.set(nameHashes);
    return vocabulary;
  }

  /** The id of a folded word, or undefined when no story ever contained it. */
  lookup(word: string): number | undefined {
    return this.find(word, wordHash(word)) || undefined;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  /** The index term (stem) of a word id, or '' when the word is not indexed. */
  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** As countStory, for a story's word ids `ids[0]`…`ids[length - 1]`. */
  countWords(delta: 1 | -1, ids: Int32Array, length: number): void {
    if (++this.pass >= 2 ** 31 - 1) {
      this.countedIn.fill(0);
      this.pass = 1;
    }
    const pass = this.pass;
    const countedIn = this.countedIn;
    const storyCounts = this.storyCounts;
    for (let k = 0; k < length; k++) {
      const id = ids[k]!;
      if (countedIn[id] === pass) continue;
      countedIn[id] = pass;
      const count = (storyCounts[id]! += delta);
      if (count === HOT_STORY_COUNT && this.hot.size < HOT_WORDS) this.hot.set(this.words[id]!, id);
    }
  }

  /**
   * Counts one story in (+1) or out (-1): `visit` is handed a function to call for
   * each word of the story; a word that occurs several times counts once.
   */
  countStory(delta: 1 | -1, visit: (count: (wordId: number) => void) => void): void {
    if (++this.pass >= 2 ** 31 - 1) {
      this.countedIn.fill(0);
      this.pass = 1;
    }
    const pass = this.pass;
    visit((id) => {
      if (this.countedIn[id] === pass) return;
      this.countedIn[id] = pass;
      const count = (this.storyCounts[id]! += delta);
      if (count === HOT_STORY_COUNT && this.hot.size < HOT_WORDS) this.hot.set(this.words[id]!, id);
    });
  }

  /**
   * Ids of words in some story (of four letters or more) starting with one of `starts` (two
   * letters) whose transliteration skeleton (text/transliteration.ts) is one of `skeletons`.
   */
  wordsWithNameKey(starts: Iterable<string>, skeletons: ReadonlySet<string>): number[] {
    const hashes = new Set<number>();
    for (const skeleton of skeletons) hashes.add(skeletonHash(skeleton));
    const out: number[] = [];
    for (const start of new Set(starts)) {
      for (const id of idsOf(this.shortBuckets.get(start.slice(0, SHORT_BUCKET)))) {
        if (!hashes.has(this.nameHashes[id]!) || this.storyCounts[id]! <= 0 || !this.terms[id]) continue;
        const word = this.words[id]!;
        if (word.length >= 4 && skeletons.has(nameSkeleton(word))) out.push(id);
      }
    }
    return out;
  }

  /** Ids of words in some story starting with one of `starts` (two letters) for which `keep` holds. */
  wordsStartingWith(starts: Iterable<string>, keep: (word: string) => boolean): number[] {
    const out: number[] = [];
    for (const start of new Set(starts)) {
      for (const id of idsOf(this.shortBuckets.get(start.slice(0, SHORT_BUCKET)))) {
        if (this.storyCounts[id]! > 0 && this.terms[id] && keep(this.words[id]!)) out.push(id);
      }
    }
    return out;
  }

  /**
   * Distinct index terms of the words starting with `prefix` (at least two
   * characters) that occur in an indexed story and that `skip` does not leave out; when
   * there are more than `limit`, those of the words in most stories. `skip` is asked only
   * of the words reached, most frequent first (in any order when all are taken): it splits
   * compounds, and a common prefix starts thousands of words (at 52,000 stories, the first
   * `noord` split 12,054 words, 139 ms, to take 100).
   */
  termsStartingWith(prefix: string, limit: number, skip?: (word: string) => boolean): string[] {
    if (prefix.length < SHORT_BUCKET) return [];
    const bucket = idsOf(prefix.length >= LONG_BUCKET ? this.longBuckets.get(prefix.slice(0, LONG_BUCKET)) : this.shortBuckets.get(prefix));
    if (bucket.length === 0) return [];
    // Keys of story count · 2^32 + id, so one numeric sort ranks them (no comparator).
    const keys: number[] = [];
    for (const id of bucket) {
      const count = this.storyCounts[id]!;
      if (count > 0 && this.terms[id] && this.words[id]!.startsWith(prefix)) keys.push(count * 2 ** 32 + id);
    }
    const ranked = keys.length > limit ? Float64Array.from(keys).sort().reverse() : keys;
    const out = new Set<string>();
    for (const key of ranked) {
      if (out.size >= limit) break;
      const id = key % 2 ** 32;
      if (skip?.(this.words[id]!)) continue;
      out.add(this.terms[id]!);
    }
    return [...out];
  }
}

/** Per word, its term as writeState wrote it (see there): the strings of `words`, or of the terms that are no word. */
function* readTermRefs(input: SnapshotReader, words: readonly string[]): Generator<void, string[]> {
  const refs = yield* input.array(i32s, 4);
  const others = yield* input.strings();
  if (refs.length !== words.length) throw new SnapshotFormatError('vocabulary: sizes');
  const terms = new Array<string>(refs.length);
  for (let id = 0; id < refs.length; id++) {
    const ref = refs[id]!;
    const term = ref === 0 ? '' : ref > 0 ? words[ref] : others[-ref - 1];
    if (term === undefined || (ref !== 0 && term === '')) throw new SnapshotFormatError('vocabulary: term references');
    terms[id] = term;
  }
  return terms;
}
