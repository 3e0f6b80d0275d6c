import { sliceBreather } from '../slices';
import { SnapshotFormatError, u32s, type SnapshotReader, type SnapshotWriter } from '../snapshot/codec';
import { BulkPostings, SCORE_SLOTS } from './bulk-postings';
import { PostingStore, type PostingSlots } from './posting-store';
import { TermTable } from './term-table';
import { CandidateSet, relevanceOrder, type Matches, type PostingList } from './candidates';
import { containsPhrase, Field, packFields, PackedWords, type SearchFields } from './packed-text';
import { indexTerm, MAX_QUERY_PARTS, parseQuery, type ParsedQuery, type QueryAlternative } from './query';
import { firstInOrder } from './select';
import { isWholeWord, nameVariants } from './expand';
import { lexiconForm, splitCompound } from '../text/compounds';
import { isStopword } from '../text/dutch';
import { Vocabulary } from './vocabulary';

export type { Matches } from './candidates';
export { highlightRanges } from './highlight';
export { parseQuery, type ParsedQuery, type QueryAlternative } from './query';

// Dutch full-text search over stories, on an inverted index of our own.
//
// Text analysis is ours (electron/core/text/dutch.ts: folding, Dutch stopwords,
// Snowball stems, words never split at ï/ë/ü/ö), and so is the index: a Map from each
// index term to its posting lists (story numbers), split into score slots by where the
// term occurs:
//   slot 0  headline
//   slot 1  place, tags, note
//   slot 2  the first quarter of the body (the lead paragraph matters most)
//   slot 3  the rest of the body
// A query requires every term, phrase and prefix; a story's score is the sum over
// the query's parts of its best slot's weight, so a headline match outranks any
// body match. Prefixes (`oekr` while typing) are expanded through our vocabulary
// of seen words to their index terms, so the index itself stays "strict" (a
// forward-tokenised index would hold every word start and is several times larger).
//
// Exact phrases are checked against each candidate's packed text: its words as
// vocabulary ids, one or two bytes per word (packed-text.ts), kept in memory so
// that search stays synchronous and needs nothing from the store.

export interface SearchDoc extends SearchFields {
  id: string;
}

export interface SearchHit {
  id: string;
  /** Higher is better; only meaningful for ordering the hits of one query. */
  score: number;
}

export interface SearchOptions {
  /** At most this many hits (default: all). */
  limit?: number;
  /** Only stories for which this returns true (applied before the limit). */
  filter?: (id: string) => boolean;
}

const NO_MATCHES: Matches = Object.freeze({ nums: new Int32Array(0), scores: new Int32Array(0) });

const RESOLUTION = SCORE_SLOTS;
/** A term not (yet) seen in the story at hand (see termSlots). */
const NO_SLOT = 255;
const FIRST_BODY_SLOT = 2;
/** Weight per slot: headline, place/tags/note, the first quarter of the body (the lead), the rest. */
const SLOT_WEIGHTS = [16, 8, 3, 2];
/** A prefix matching the typed word's own stem beats a longer completion. */
const OWN_STEM_BONUS = 1;
/**
 * Exact matches of a searched word rank above its expansions (other names, compounds):
 * more than any slot weight, so an exact match in the body passes an expansion in the headline.
 */
const EXACT_BONUS = 16;
/** At most this many compounds stand for a searched word (the scan stops there). */
const COMPOUND_LIMIT = 200;

/** What a searched word was also searched as (issue 16, class 11). */
export interface Expansion {
  /** The folded word as typed. */
  word: string;
  /** Other names and spellings searched too, as the editor should read them (`Peking`), those found in some story. */
  also: string[];
  /** Compounds with the word as their head found in some story (`kruisraket`). */
  compounds: string[];
  /** Index terms of all of them. */
  terms: string[];
}

/** A short prefix can start thousands of words; the most frequent ones stand for it. */
export const PREFIX_EXPANSION_LIMIT = 100;
/**
 * Postings added in bulk are merged into the map once they are this many, or as many
 * as the map already holds if that is more: searches see the stories early in a long
 * build, and the lists are copied a few times (each merge copies what it extends)
 * rather than once per story.
 */
const MIN_BULK_MERGE = 1 << 18;

type Slots = PostingSlots;

export class SearchIndex {
  private vocabulary = new Vocabulary();
  /**
   * The inverted index: per index term, per score slot, the numbers of the stories with
   * it, ascending (posting-store.ts: frozen into one typed array after a build, an import
   * or a snapshot load; the terms an edit changes are thawed).
   */
  private map = new PostingStore(RESOLUTION);
  /**
   * The stories' ids by number (see numberOf), looked up by a table of numbers rather than
   * a Map: at 67,000 stories 3.7 MB of Map table and an array of ids, here ~1 MB.
   */
  private readonly stories = new TermTable();
  private readonly packedOf: Array<string | undefined> = [];
  private nextNum = 0;
  private changes = 0;
  private readonly candidates = new CandidateSet();
  /** One story's index terms and their best slots (reused: see storyTerms). */
  private readonly storySlots = new Map<string, number>();
  /** One story's words, decoded (reused). */
  private readonly storyWords = new PackedWords();
  /** One story's term numbers in the order they first occur, and per term number its best slot (NO_SLOT when not in the story): see termSlots. */
  private storyTermOrder = new Int32Array(1024);
  private bestSlot = new Uint8Array(1024).fill(NO_SLOT);
  /** Stories added in bulk whose postings are not in the map yet (see addInBulk). */
  private bulk: BulkPostings | null = null;
  private merging: Generator<void> | null = null;
  /** Postings in the map (stories × their distinct terms), for pacing bulk merges. */
  private postingCount = 0;

  get size(): number {
    return this.stories.size;
  }

  /** Changes with every add, update and remove: answers to a query stay valid while it does not. */
  get version(): number {
    return this.changes;
  }

  /**
   * The story's number: fixed while it stays in the index, never reused for another
   * story (a story removed and added again gets a new one). See `match`.
   */
  numberOf(id: string): number | undefined {
    const num = this.stories.get(id);
    return num < 0 ? undefined : num;
  }

  /** The id of the story with this number, if it is still in the index. */
  idAt(num: number): string | undefined {
    return this.stories.text(num);
  }

  /** Story numbers are below this. */
  get numberLimit(): number {
    return this.nextNum;
  }

  has(id: string): boolean {
    return this.stories.has(id);
  }

  /**
   * Every index term with its posting lists (per score slot, story numbers in the order
   * added), read-only: for checks that two indexes hold the same postings. Stories
   * added in bulk are in it once merged (see mergeBulk).
   */
  postingLists(): Iterable<[string, Slots]> {
    return this.map.entries();
  }

  /**
   * The index's own string for a story's id (`id` itself when the story is not in it): the
   * other indexes read from a snapshot keep it instead of a copy of their own (at 67,000
   * stories 2 MB a copy).
   */
  sharedId(id: string): string {
    const num = this.stories.get(id);
    return num < 0 ? id : this.stories.text(num)!;
  }

  /** The ids of the stories in the index, by number. */
  *ids(): Generator<string> {
    for (const [id] of this.stories.entries()) yield id;
  }

  /** The numbers of the stories in the index, ascending. */
  private *numbers(): Generator<number> {
    for (let num = 0; num < this.nextNum; num++) if (this.stories.text(num) !== undefined) yield num;
  }

  add(doc: SearchDoc): void {
    if (this.stories.has(doc.id)) {
      this.update(doc);
      return;
    }
    this.settleBulk();
    this.insert(this.numberNew(doc.id), packFields(this.vocabulary, doc));
  }

  /** Gives a story new to the index its number (see numberOf). */
  private numberNew(id: string): number {
    const num = this.nextNum++;
    this.changes++;
    this.stories.put(id, num);
    return num;
  }

  /** Replaces a story's text (adds it when new); a no-op when nothing searchable changed. */
  update(doc: SearchDoc): void {
    const num = this.numberOf(doc.id);
    if (num === undefined) {
      this.add(doc);
      return;
    }
    const packed = packFields(this.vocabulary, doc);
    const old = this.packedOf[num]!;
    if (packed === old) return;
    this.settleBulk();
    this.changes++;
    this.replaceInIndex(num, old, packed);
  }

  remove(id: string): void {
    const num = this.numberOf(id);
    if (num === undefined) return;
    this.settleBulk();
    this.changes++;
    this.removeFromIndex(num, this.packedOf[num]!);
    this.stories.delete(id);
    this.packedOf[num] = undefined;
  }

  /**
   * Adds a new story the way to add many: its postings wait in a compact buffer and
   * reach the posting map when `mergeBulk` runs (the caller runs it when
   * `bulkMergeDue` says so, and once at the end). Until then the story is in the index
   * but no search finds it. Each list is then allocated once at its exact length, where
   * adding story by story grows it by push and leaves it with spare room (see
   * bulk-postings.ts). A story already in the index is updated at once instead.
   */
  addInBulk(doc: SearchDoc): void {
    if (this.stories.has(doc.id)) {
      this.add(doc);
      return;
    }
    this.finishMerge();
    const num = this.numberNew(doc.id);
    // storyTerms() without a map: the terms by number (see termSlots), of the words as packed.
    const words = this.storyWords;
    const packed = packFields(this.vocabulary, doc, words);
    this.packedOf[num] = packed;
    this.vocabulary.countWords(1, words.ids, words.length);
    const count = this.termSlots(words);
    if (count === 0) return;
    const bulk = (this.bulk ??= new BulkPostings());
    bulk.story(num);
    const order = this.storyTermOrder;
    const bestSlot = this.bestSlot;
    for (let k = 0; k < count; k++) {
      const term = order[k]!;
      bulk.posting(term, this.vocabulary.termText(term), bestSlot[term]!);
      bestSlot[term] = NO_SLOT;
    }
  }

  /** Whether enough postings wait (see MIN_BULK_MERGE) that `mergeBulk` should run now. */
  get bulkMergeDue(): boolean {
    return !!this.bulk && this.bulk.size >= Math.max(MIN_BULK_MERGE, this.postingCount);
  }

  /**
   * Puts the postings of the stories added in bulk into the posting map, yielding now
   * and then so the caller can hand the event loop back. Searches meanwhile see the map
   * as it was, or (while the new lists are being put in place) partly merged.
   */
  *mergeBulk(): Generator<void> {
    this.finishMerge();
    const bulk = this.bulk;
    if (!bulk) return;
    this.bulk = null;
    const postings = bulk.size;
    const merge = bulk.mergeInto(this.map);
    this.merging = merge;
    try {
      yield* merge;
    } finally {
      this.merging = null;
    }
    this.postingCount += postings;
    this.changes++;
  }

  /** Any other change first completes a merge under way and merges what waits, in one go. */
  private settleBulk(): void {
    this.finishMerge();
    if (this.bulk) for (const _ of this.mergeBulk());
  }

  private finishMerge(): void {
    const merge = this.merging;
    if (merge) while (!merge.next().done);
  }

  /**
   * Adds many stories without blocking, in bulk (see addInBulk): the event loop gets a
   * turn at least every few milliseconds, so the app stays responsive while a large
   * archive is indexed. `onProgress` gets the number of stories done so far; once it
   * resolves, every story is found.
   */
  async addMany(docs: Iterable<SearchDoc>, onProgress?: (done: number) => void): Promise<void> {
    let done = 0;
    const breathe = sliceBreather(() => onProgress?.(done));
    for (const doc of docs) {
      this.addInBulk(doc);
      done++;
      await breathe();
      if (this.bulkMergeDue) for (const _ of this.mergeBulk()) await breathe();
    }
    for (const _ of this.mergeBulk()) await breathe();
    for (const _ of this.map.freezeInSlices()) await breathe();
    onProgress?.(done);
  }

  /**
   * Freezes the posting lists (posting-store.ts): call it after adding many stories one by
   * one (addMany does it itself).
   */
  compact(): void {
    this.settleBulk();
    this.map.freeze();
  }

  /** compact(), yielding now and then (see PostingStore.freezeInSlices). */
  *compactInSlices(): Generator<void> {
    yield* this.mergeBulk();
    yield* this.map.freezeInSlices();
  }

  /**
   * Writes the whole state for the index snapshot: story numbers, ids and packed texts,
   * the vocabulary, and the posting map as it stands (not the text), so that reading it
   * back skips analysis entirely.
   */
  *writeState(out: SnapshotWriter): Generator<void> {
    this.settleBulk();
    out.u32(this.nextNum);
    out.f64(this.changes);
    const nums = new Uint32Array(this.stories.size);
    const ids: string[] = [];
    const packed: string[] = [];
    for (let num = 0, k = 0; num < this.nextNum; num++) {
      const id = this.stories.text(num);
      if (id === undefined) continue;
      nums[k++] = num;
      ids.push(id);
      packed.push(this.packedOf[num]!);
    }
    yield* out.array(nums);
    yield* out.strings(ids);
    yield* out.strings(packed, 'latin1');
    yield* this.vocabulary.writeState(out);
    yield* this.map.write(out, (to, terms) => this.vocabulary.writeTerms(to, terms));
  }

  /**
   * An index from what writeState wrote (`previousFormat`: as snapshot format 9 wrote it, its
   * terms as strings and its posting lists as 32-bit numbers); throws SnapshotFormatError
   * when it does not add up.
   */
  static *readState(input: SnapshotReader, previousFormat = false, intern: (id: string) => string = (id) => id): Generator<void, SearchIndex> {
    const index = new SearchIndex();
    index.nextNum = input.u32();
    index.changes = input.f64();
    const nums = yield* input.array(u32s, 4);
    const ids = yield* input.strings();
    const packed = yield* input.strings('latin1');
    if (ids.length !== nums.length || packed.length !== nums.length) throw new SnapshotFormatError('search: story count');
    for (let k = 0; k < nums.length; k++) {
      const num = nums[k]!;
      // In ascending order, as written (the table takes numbers only upwards).
      if (num >= index.nextNum || num < index.stories.length || index.stories.has(ids[k]!)) throw new SnapshotFormatError('search: stories');
      index.stories.put(intern(ids[k]!), num);
      index.packedOf[num] = packed[k]!;
    }
    index.vocabulary = yield* Vocabulary.readState(input, previousFormat);
    const vocabulary = index.vocabulary;
    // The posting lists' terms as the vocabulary's own strings: one copy of each in memory.
    const readTerms = previousFormat
      ? function* (from: SnapshotReader): Generator<void, string[]> {
          return (yield* from.strings()).map((term) => vocabulary.sharedTerm(term));
        }
      : (from: SnapshotReader) => vocabulary.readTerms(from);
    index.map = yield* PostingStore.read(input, RESOLUTION, index.nextNum, readTerms, previousFormat ? 'int32' : 'varint');
    vocabulary.doneReading();
    index.postingCount = index.map.postingTotal;
    return index;
  }

  /** Hits best first: the highest score, ties to the most recently added story. */
  search(query: ParsedQuery | string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? Infinity;
    if (!(limit > 0)) return [];
    const filter = options.filter;
    const { nums, scores } = this.match(query, filter && ((num) => filter(this.stories.text(num)!)));
    const count = nums.length;
    if (limit * 4 < count) {
      const positions = new Int32Array(count);
      for (let i = 0; i < count; i++) positions[i] = i;
      const best = firstInOrder(positions, count, relevanceOrder({ nums, scores }), limit);
      return Array.from(best, (at) => ({ id: this.stories.text(nums[at]!)!, score: scores[at]! }));
    }
    // Nearly all of them: one numeric sort of score·2^32 + number beats sorting with a comparator.
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = scores[i]! * 2 ** 32 + nums[i]!;
    keys.sort();
    const hits: SearchHit[] = [];
    for (let i = count - 1; i >= 0 && hits.length < limit; i--) {
      const num = keys[i]! % 2 ** 32;
      hits.push({ id: this.stories.text(num)!, score: (keys[i]! - num) / 2 ** 32 });
    }
    return hits;
  }

  /**
   * Every story matching the query, by number (see `idAt`), with its score, in no
   * particular order: for callers that count all hits but show only a few, and rank
   * or sort those themselves. `keep`, when given, is asked about each candidate; `leftOut`,
   * when given, gets the words being typed the search left out (see leavesOut), not to be marked.
   */
  match(query: ParsedQuery | string, keep?: (num: number) => boolean, leftOut?: string[]): Matches {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    if (parsed.empty || this.stories.size === 0) return NO_MATCHES;
    // Every term and prefix must match: gather their posting lists first, smallest first.
    const required: PostingList[][] = [];
    for (const term of parsed.terms.slice(0, MAX_QUERY_PARTS * 4)) {
      const slots = this.postings(term);
      const word = parsed.termWords?.[term];
      const expansion = word ? this.expansion(word, term) : null;
      if (!expansion?.terms.length) {
        if (!slots) return NO_MATCHES;
        required.push([{ slots, bonus: 0 }]);
        continue;
      }
      const lists: PostingList[] = slots ? [{ slots, bonus: EXACT_BONUS }] : [];
      for (const other of expansion.terms) lists.push({ slots: this.postings(other)!, bonus: 0 });
      required.push(lists);
    }
    for (const prefix of parsed.prefixes.slice(0, MAX_QUERY_PARTS)) {
      const lists = this.prefixPostings(prefix);
      if (lists.length > 0) required.push(lists);
      else if (this.leavesOut(prefix, parsed)) leftOut?.push(prefix);
      else return NO_MATCHES;
    }
    const requiredPhrases: number[][] = [];
    for (const phrase of parsed.phrases) {
      const ids = this.phraseIds(phrase);
      if (!ids) return NO_MATCHES;
      requiredPhrases.push(ids);
    }
    // `a OR b`: one required part whose lists are all the alternatives' (see anyOfPart).
    const orChecks: Array<(num: number) => boolean> = [];
    for (const group of parsed.anyOf.slice(0, MAX_QUERY_PARTS)) {
      const part = this.anyOfPart(group);
      if (!part) return NO_MATCHES;
      required.push(part.lists);
      if (part.check) orChecks.push(part.check);
    }
    required.sort((a, b) => listSize(a) - listSize(b));

    const candidates = this.candidates;
    candidates.begin(this.nextNum, required.length + 1);
    if (required.length === 0) candidates.requireAll(this.numbers());
    for (const lists of required) {
      candidates.require(lists, SLOT_WEIGHTS);
      if (candidates.count === 0) return NO_MATCHES;
    }

    const excluded: PostingList[] = [];
    for (const term of parsed.excludeTerms) {
      const slots = this.postings(term);
      if (slots) excluded.push({ slots, bonus: 0 });
    }
    if (excluded.length) candidates.exclude(excluded);
    const excludedPhrases = parsed.excludePhrases.map((phrase) => this.phraseIds(phrase)).filter((ids): ids is number[] => ids !== null);
    if (requiredPhrases.length || excludedPhrases.length) {
      candidates.retain((num) => {
        const packed = this.packedOf[num]!;
        return requiredPhrases.every((ids) => containsPhrase(packed, ids)) && !excludedPhrases.some((ids) => containsPhrase(packed, ids));
      });
    }
    for (const check of orChecks) candidates.retain(check);
    if (keep) candidates.retain(keep);
    return candidates.count === 0 ? NO_MATCHES : candidates.matches();
  }

  private insert(num: number, packed: string): void {
    this.packedOf[num] = packed;
    const slots = this.storyTerms(packed);
    for (const [term, slot] of slots) this.addPosting(term, slot, num);
    this.postingCount += slots.size;
  }

  /**
   * A changed story's postings: only the terms whose best slot changed are touched (a tag
   * edit changes a few of a story's hundreds of terms; the others' lists stay frozen).
   */
  private replaceInIndex(num: number, oldPacked: string, packed: string): void {
    const old = this.storyWords.decode(oldPacked);
    this.vocabulary.countStory(-1, (count) => old.forEachId(count));
    const before = new Map(this.slotsOf(oldPacked, this.storySlots, old));
    this.packedOf[num] = packed;
    const after = this.storyTerms(packed);
    for (const [term, slot] of before) {
      if (after.get(term) === slot) continue;
      this.removePosting(term, slot, num);
    }
    for (const [term, slot] of after) {
      if (before.get(term) === slot) continue;
      this.addPosting(term, slot, num);
    }
    this.postingCount += after.size - before.size;
  }

  /** Takes a story out of one term's list in one slot. */
  private removePosting(term: string, slot: number, num: number): void {
    const slots = this.map.mutable(term);
    const ids = slots?.[slot];
    if (!slots || !ids) return;
    const at = insertionPoint(ids, num);
    if (ids[at] !== num) return;
    ids.splice(at, 1);
    if (ids.length === 0) slots[slot] = undefined;
    if (slots.every((list) => !list)) this.map.delete(term);
  }

  /** Puts a story in one term's list in one slot, in order. */
  private addPosting(term: string, slot: number, num: number): void {
    let lists = this.map.mutable(term);
    if (!lists) this.map.set(term, (lists = []));
    const list = lists[slot];
    // A new list holds exactly its first story: most terms occur in one or two stories.
    if (!list) lists[slot] = [num];
    else if (list.length === 0 || list[list.length - 1]! < num) list.push(num);
    // A changed story keeps its number: its postings go back in order (the lists stay ascending for candidates.ts).
    else list.splice(insertionPoint(list, num), 0, num);
  }

  /**
   * A story's index terms, each once, with the score slot of its best occurrence (see
   * the file comment: headline, then place/tags/note, then the body's first quarter,
   * then the rest); counts the story's words into the vocabulary. The map is reused:
   * read it before the next call.
   */
  private storyTerms(packed: string): Map<string, number> {
    const words = this.storyWords.decode(packed);
    this.vocabulary.countWords(1, words.ids, words.length);
    return this.slotsOf(packed, this.storySlots, words);
  }

  /** A story's index terms with their best slots, into `slots` (cleared first), in the order they first occur. */
  private slotsOf(packed: string, slots: Map<string, number>, words = this.storyWords.decode(packed)): Map<string, number> {
    slots.clear();
    const count = this.termSlots(words);
    const order = this.storyTermOrder;
    const bestSlot = this.bestSlot;
    for (let k = 0; k < count; k++) {
      const term = order[k]!;
      slots.set(this.vocabulary.termText(term), bestSlot[term]!);
      bestSlot[term] = NO_SLOT;
    }
    return slots;
  }

  /**
   * A story's terms (by number: Vocabulary.termIds) in storyTermOrder, in the order they
   * first occur, each with the score slot of its best occurrence in bestSlot (see the file
   * comment: headline, then place/tags/note, then the body's first quarter, then the rest);
   * returns how many. The caller reads each term's slot and sets it back to NO_SLOT.
   */
  private termSlots(words: PackedWords): number {
    const termIds = this.vocabulary.termIds();
    const limit = this.vocabulary.termLimit;
    if (this.bestSlot.length < limit) {
      const grown = new Uint8Array(Math.max(limit, this.bestSlot.length * 2)).fill(NO_SLOT);
      grown.set(this.bestSlot);
      this.bestSlot = grown;
    }
    const bestSlot = this.bestSlot;
    const { ids, fields, length } = words;
    let bodyWords = 0;
    for (let k = 0; k < length; k++) if (fields[k] === Field.Body && termIds[ids[k]!] !== 0) bodyWords++;
    if (this.storyTermOrder.length < length) this.storyTermOrder = new Int32Array(Math.max(length, this.storyTermOrder.length * 2));
    const order = this.storyTermOrder;
    let count = 0;
    let bodyAt = 0;
    for (let k = 0; k < length; k++) {
      const term = termIds[ids[k]!]!;
      if (term === 0) continue;
      const field = fields[k]!;
      const slot = field === Field.Headline ? 0 : field !== Field.Body ? 1 : bodyAt++ < bodyWords / 4 ? FIRST_BODY_SLOT : FIRST_BODY_SLOT + 1;
      const best = bestSlot[term]!;
      if (best === NO_SLOT) {
        order[count++] = term;
        bestSlot[term] = slot;
      } else if (slot < best) bestSlot[term] = slot;
    }
    return count;
  }

  /**
   * Takes one story out of the posting map. The story's terms come from its packed text,
   * so only their lists are touched (no reverse index per story: that would cost ~80 MB
   * at 50,000 stories).
   */
  private removeFromIndex(num: number, packed: string): void {
    const words = this.storyWords.decode(packed);
    this.vocabulary.countStory(-1, (count) => words.forEachId(count));
    const terms = new Set<string>();
    words.forEachId((wordId) => {
      const term = this.vocabulary.term(wordId);
      if (term) terms.add(term);
    });
    for (const term of terms) {
      const slots = this.map.mutable(term);
      if (!slots) continue;
      let left = 0;
      for (let slot = 0; slot < slots.length; slot++) {
        const ids = slots[slot];
        if (!ids) continue;
        const at = ids.indexOf(num);
        if (at >= 0) {
          ids.splice(at, 1);
          this.postingCount--;
        }
        if (ids.length === 0) slots[slot] = undefined;
        else left++;
      }
      if (left === 0) this.map.delete(term);
    }
  }

  /** Posting slots of an index term, or null when no story has it. */
  private postings(term: string): Slots | null {
    const slots = this.map.get(term);
    return slots && listSize([{ slots, bonus: 0 }]) > 0 ? slots : null;
  }

  /**
   * Whether `match` leaves out this word being typed when no indexed word starts with it
   * (`poetin nog`): a stopword, in a query with other parts, is left out as the finished word
   * is, rather than the list going blank for a keystroke.
   */
  private leavesOut(prefix: string, parsed: ParsedQuery): boolean {
    return isStopword(prefix) && parsed.terms.length + parsed.prefixes.length + parsed.phrases.length + parsed.anyOf.length > 1;
  }

  /**
   * Posting lists of the index terms of known words starting with `prefix`, plus its own
   * stem. A prefix that is already a whole word (`wapens`, `beijing`) is read as that word
   * too: its other names and compounds count, and a completion that has it only as its
   * first part (`wapenstilstand`) does not.
   */
  private prefixPostings(prefix: string): PostingList[] {
    const own = indexTerm(prefix);
    const lists: PostingList[] = [];
    const whole = prefix.length >= 4 && own !== null && isWholeWord(prefix);
    const expansion = whole ? this.expansion(prefix, own) : null;
    const bonus = expansion?.terms.length ? EXACT_BONUS : 0;
    const ownSlots = own ? this.postings(own) : null;
    if (ownSlots) lists.push({ slots: ownSlots, bonus: OWN_STEM_BONUS + bonus });
    const skip = whole ? (word: string) => word !== prefix && startsAsModifier(word, prefix) : undefined;
    for (const term of this.vocabulary.termsStartingWith(prefix, PREFIX_EXPANSION_LIMIT - lists.length, skip)) {
      if (term === own) continue;
      const slots = this.postings(term);
      if (slots) lists.push({ slots, bonus });
    }
    const listed = new Set(lists.map((list) => list.slots));
    for (const term of expansion?.terms ?? []) {
      const slots = this.postings(term);
      if (slots && !listed.has(slots)) lists.push({ slots, bonus: 0 });
    }
    return lists;
  }

  private expansionCache = new Map<string, Expansion>();
  private expansionVersion = -1;

  /**
   * What a typed word also stands for here: the other names of the gazetteer entry it
   * names and the stories' own spellings of them, and the compounds with it as head,
   * each only when some story has it. Cached while the index is unchanged.
   */
  expansion(word: string, term: string): Expansion {
    if (this.expansionVersion !== this.changes) {
      this.expansionCache.clear();
      this.expansionVersion = this.changes;
    }
    const key = `${word}\u0000${term}`;
    let found = this.expansionCache.get(key);
    if (found) return found;
    found = { word, also: [], compounds: [], terms: [] };
    const terms = new Set<string>([term]);
    const add = (other: string | null): boolean => {
      if (!other || terms.has(other) || !this.map.hasPostings(other)) return false;
      terms.add(other);
      found!.terms.push(other);
      return true;
    };
    const names = nameVariants(word);
    if (names) {
      names.words.forEach((other, k) => {
        if (add(indexTerm(other))) found!.also.push(names.display[k]!);
      });
      // The stories' own spellings of the name (`zelenskyj`), by transliteration key.
      const keys = new Set(names.keys);
      const starts = [word, ...names.words].map((name) => name.slice(0, 2));
      for (const id of this.vocabulary.wordsWithNameKey(starts, keys)) {
        const other = this.vocabulary.word(id);
        if (add(this.vocabulary.term(id))) found.also.push(other.charAt(0).toUpperCase() + other.slice(1));
      }
    }
    // Compounds with the word as head (`raket` → kruisraket(ten)), found as the words joined.
    if (word.length >= 4 && lexiconForm(word) !== null) {
      for (const id of this.vocabulary.compoundsWithHead(term, COMPOUND_LIMIT * 4)) {
        if (found.compounds.length >= COMPOUND_LIMIT) break;
        const other = this.vocabulary.word(id);
        if (other.length < word.length + 3) continue;
        found.compounds.push(other);
        add(this.vocabulary.term(id));
      }
    }
    this.expansionCache.set(key, found);
    return found;
  }

  /** The expansions of a parsed query's typed words, those that found something (for "also searched"). */
  expansions(parsed: ParsedQuery): Expansion[] {
    const out: Expansion[] = [];
    for (const [term, word] of Object.entries(parsed.termWords ?? {})) {
      const found = this.expansion(word, term);
      if (found.terms.length) out.push(found);
    }
    for (const prefix of parsed.prefixes) {
      const own = indexTerm(prefix);
      if (prefix.length < 4 || !own || !isWholeWord(prefix)) continue;
      const found = this.expansion(prefix, own);
      if (found.terms.length) out.push(found);
    }
    return out;
  }

  /**
   * The posting lists of an OR group: every story with one of its words, word starts,
   * or (for a phrase) the phrase's rarest index term, a superset of the phrase's
   * stories. With a phrase among the alternatives, `check` then tells which of those
   * stories really match one. Null when no alternative occurs anywhere.
   */
  private anyOfPart(group: readonly QueryAlternative[]): { lists: PostingList[]; check?: (num: number) => boolean } | null {
    const lists: PostingList[] = [];
    const phrases: number[][] = [];
    for (const alternative of group) {
      if ('term' in alternative) {
        const slots = this.postings(alternative.term);
        if (slots) lists.push({ slots, bonus: 0 });
      } else if ('prefix' in alternative) lists.push(...this.prefixPostings(alternative.prefix));
    }
    const plainLists = lists.length;
    for (const alternative of group) {
      if (!('phrase' in alternative)) continue;
      const ids = this.phraseIds(alternative.phrase);
      const candidates = ids && alternative.terms.map((term) => this.postings(term));
      if (!ids || !candidates || candidates.some((slots) => !slots)) continue;
      const rarest = candidates.reduce((a, b) => (listSize([{ slots: a!, bonus: 0 }]) <= listSize([{ slots: b!, bonus: 0 }]) ? a : b))!;
      lists.push({ slots: rarest, bonus: 0 });
      phrases.push(ids);
    }
    if (lists.length === 0) return null;
    if (phrases.length === 0) return { lists };
    // Stories with a plain alternative match as they are; the others need one of the phrases.
    const plain = new Set<number>();
    for (const { slots } of lists.slice(0, plainLists)) for (const ids of slots) if (ids) for (let i = 0; i < ids.length; i++) plain.add(ids[i]!);
    return { lists, check: (num) => plain.has(num) || phrases.some((ids) => containsPhrase(this.packedOf[num]!, ids)) };
  }

  /** Vocabulary ids of a phrase's words, or null when some word occurs in no story. */
  private phraseIds(phrase: readonly string[]): number[] | null {
    const ids: number[] = [];
    for (const word of phrase) {
      const id = this.vocabulary.lookup(word);
      if (id === undefined) return null;
      ids.push(id);
    }
    return ids;
  }
}

function listSize(lists: readonly PostingList[]): number {
  let size = 0;
  for (const { slots } of lists) for (const ids of slots) size += ids?.length ?? 0;
  return size;
}

/** Whether `word` (a completion of `prefix`) is a compound whose first part the prefix already covers (`wapenstilstand` for `wapens`). */
function startsAsModifier(word: string, prefix: string): boolean {
  const split = splitCompound(word);
  return split !== null && word.length - split.head.length <= prefix.length;
}

/** Where `num` goes in an ascending list to keep it ascending. */
function insertionPoint(list: readonly number[], num: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < num) low = mid + 1;
    else high = mid;
  }
  return low;
}
