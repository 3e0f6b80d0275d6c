// Postings of stories added in bulk (the start-up build, a large import), held
// compactly until they are merged into the posting map (index.ts) in one go.
//
// Added one story at a time, every posting list grows by push: V8 gives an
// array 17 slots on its first element and half as much again each time it fills, so
// after a build most of the map is spare room (at 50,000 stories, 93 MB of 257), and
// trimming it afterwards copies the whole map while the old one is still alive. Here a
// posting is one 32-bit number in 1 MB chunks, and a merge allocates each list at its
// exact final length, copies what the list held, and fills in the buffered stories.

/** Posting lists are split into this many score slots (see index.ts). */
export const SCORE_SLOTS = 4;

/** Past this length `new Array(n)` gives a slow dictionary-mode array in V8: grow it by push, then trim. */
const PREALLOCATE_LIMIT = 65_536;
const CHUNK_NUMBERS = 1 << 18;

/** The posting map: per index term, per score slot, story numbers. */
/** Where merged lists go (posting-store.ts). */
export interface PostingMap {
  get(term: string): ReadonlyArray<ArrayLike<number> | undefined> | undefined;
  set(term: string, slots: Array<number[] | undefined>): void;
}

/** An array of `length` numbers, all of them to be written, with no spare room. */
export function exactArray(length: number): number[] {
  if (length <= PREALLOCATE_LIMIT) return new Array<number>(length);
  const list: number[] = [];
  for (let i = 0; i < length; i++) list.push(0);
  return list.slice();
}

export class BulkPostings {
  /** Per term key (see posting): its number here plus one, 0 when it has none yet. */
  private numberOfKey = new Int32Array(1024);
  private keys: number[] = [];
  private terms: string[] = [];
  /** Per story: its number as -1 - num, then one `term · SCORE_SLOTS + slot` per posting. */
  private chunks: Int32Array[] = [];
  private at = CHUNK_NUMBERS;
  private held = 0;

  /** Postings waiting to be merged. */
  get size(): number {
    return this.held;
  }

  /** Starts the postings of the story with this number (never one already in the map). */
  story(num: number): void {
    this.push(-1 - num);
  }

  /**
   * A posting of the current story: once per term, in its best slot. `key` is a small
   * number standing for the term (the vocabulary's term number: see Vocabulary.termIds),
   * so that a posting costs an array lookup, not a map lookup of the term string.
   */
  posting(key: number, term: string, slot: number): void {
    if (key >= this.numberOfKey.length) {
      const grown = new Int32Array(Math.max(key + 1, this.numberOfKey.length * 2));
      grown.set(this.numberOfKey);
      this.numberOfKey = grown;
    }
    let number = this.numberOfKey[key]! - 1;
    if (number < 0) {
      number = this.terms.length;
      this.numberOfKey[key] = number + 1;
      this.keys.push(key);
      this.terms.push(term);
    }
    this.push(number * SCORE_SLOTS + slot);
    this.held++;
  }

  private push(value: number): void {
    if (this.at === CHUNK_NUMBERS) {
      this.chunks.push(new Int32Array(CHUNK_NUMBERS));
      this.at = 0;
    }
    this.chunks[this.chunks.length - 1]![this.at++] = value;
  }

  /**
   * Merges the held postings into `map` and empties itself. The story numbers are first
   * grouped by term and slot (a counting sort, in story order), then each term gets its
   * new lists and they replace the old at once, term by term: a list replaced early is
   * garbage while later ones are built, so a collection during a long merge can free it
   * (building them all before putting any in place kept every old list alive to the end).
   * Searches meanwhile see each term either as it was or as merged. Yields now and then
   * (the caller decides when to hand the event loop back).
   */
  *mergeInto(map: PostingMap): Generator<void> {
    const keys = this.terms.length * SCORE_SLOTS;
    const starts = new Int32Array(keys + 1);
    yield* this.eachPosting((key) => starts[key + 1]!++);
    for (let key = 0; key < keys; key++) starts[key + 1]! += starts[key]!;
    const grouped = new Int32Array(this.held);
    const next = starts.slice(0, keys);
    yield* this.eachPosting((key, num) => (grouped[next[key]!++] = num));
    this.chunks = [];
    this.at = CHUNK_NUMBERS;

    for (let term = 0; term < this.terms.length; term++) {
      const name = this.terms[term]!;
      const old = map.get(name);
      const first = term * SCORE_SLOTS;
      let slotCount = old?.length ?? 0;
      for (let slot = SCORE_SLOTS - 1; slot >= slotCount; slot--) if (starts[first + slot + 1]! > starts[first + slot]!) slotCount = slot + 1;
      const slots = new Array<number[] | undefined>(slotCount);
      for (let slot = 0; slot < slotCount; slot++) {
        const kept = old?.[slot];
        const from = starts[first + slot]!;
        const added = starts[first + slot + 1]! - from;
        if (added === 0) {
          // Frozen lists are views into one shared array: the merged term gets lists of its own.
          slots[slot] = kept && (Array.isArray(kept) ? kept : Array.from(kept));
          continue;
        }
        const keptLength = kept?.length ?? 0;
        const list = exactArray(keptLength + added);
        for (let i = 0; i < keptLength; i++) list[i] = kept![i]!;
        for (let i = 0; i < added; i++) list[keptLength + i] = grouped[from + i]!;
        slots[slot] = list;
      }
      map.set(name, slots);
      if (term % 4096 === 4095) yield;
    }
    for (const key of this.keys) this.numberOfKey[key] = 0;
    this.keys = [];
    this.terms = [];
    this.held = 0;
  }

  /** Visits every held posting in the order added: its `term · SCORE_SLOTS + slot` and its story. */
  private *eachPosting(visit: (key: number, num: number) => void): Generator<void> {
    let num = 0;
    const last = this.chunks.length - 1;
    for (let c = 0; c <= last; c++) {
      const chunk = this.chunks[c]!;
      const end = c === last ? this.at : CHUNK_NUMBERS;
      for (let i = 0; i < end; i++) {
        const value = chunk[i]!;
        if (value < 0) num = -1 - value;
        else visit(value, num);
      }
      yield;
    }
  }
}
