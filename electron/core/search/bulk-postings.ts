// Postings of stories added in bulk (the start-up build, a large import), held
// compactly until they are merged into flexsearch's posting map in one go.
//
// Added one story at a time, flexsearch grows every posting list by push: V8 gives an
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

/** flexsearch's posting map: per index term, per score slot, story numbers. */
export type PostingMap = Map<string, Array<number[] | undefined>>;

/** An array of `length` numbers, all of them to be written, with no spare room. */
export function exactArray(length: number): number[] {
  if (length <= PREALLOCATE_LIMIT) return new Array<number>(length);
  const list: number[] = [];
  for (let i = 0; i < length; i++) list.push(0);
  return list.slice();
}

export class BulkPostings {
  private readonly termNumbers = new Map<string, number>();
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

  /** A posting of the current story: once per term, in its best slot. */
  posting(term: string, slot: number): void {
    let number = this.termNumbers.get(term);
    if (number === undefined) {
      number = this.terms.length;
      this.termNumbers.set(term, number);
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
   * Merges the held postings into `map` and empties itself. Lists are built aside and
   * put in place term by term at the end, so until then the map answers as before.
   * Yields now and then (the caller decides when to hand the event loop back).
   */
  *mergeInto(map: PostingMap): Generator<void> {
    const termCount = this.terms.length;
    const counts = new Int32Array(termCount * SCORE_SLOTS);
    const filled = this.chunks.length - 1;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      const end = c === filled ? this.at : CHUNK_NUMBERS;
      for (let i = 0; i < end; i++) if (chunk[i]! >= 0) counts[chunk[i]!]!++;
      yield;
    }

    // Each list at its final length, starting with what the map already holds.
    const next = new Int32Array(termCount * SCORE_SLOTS);
    const built: Array<Array<number[] | undefined>> = new Array(termCount);
    for (let term = 0; term < termCount; term++) {
      const old = map.get(this.terms[term]!);
      let slotCount = old?.length ?? 0;
      for (let slot = SCORE_SLOTS - 1; slot >= slotCount; slot--) if (counts[term * SCORE_SLOTS + slot]) slotCount = slot + 1;
      const slots = new Array<number[] | undefined>(slotCount);
      for (let slot = 0; slot < slotCount; slot++) {
        const kept = old?.[slot];
        const added = counts[term * SCORE_SLOTS + slot]!;
        if (added === 0) {
          slots[slot] = kept;
          continue;
        }
        const list = exactArray((kept?.length ?? 0) + added);
        if (kept) for (let i = 0; i < kept.length; i++) list[i] = kept[i]!;
        next[term * SCORE_SLOTS + slot] = kept?.length ?? 0;
        slots[slot] = list;
      }
      built[term] = slots;
      if (term % 4096 === 4095) yield;
    }

    // Stories in the order they were added, so every list stays in story order.
    let num = 0;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      const end = c === filled ? this.at : CHUNK_NUMBERS;
      for (let i = 0; i < end; i++) {
        const value = chunk[i]!;
        if (value < 0) num = -1 - value;
        else built[Math.floor(value / SCORE_SLOTS)]![value % SCORE_SLOTS]![next[value]!++] = num;
      }
      yield;
    }
    this.chunks = [];
    this.at = CHUNK_NUMBERS;

    for (let term = 0; term < termCount; term++) {
      map.set(this.terms[term]!, built[term]!);
      if (term % 16_384 === 16_383) yield;
    }
    this.termNumbers.clear();
    this.terms = [];
    this.held = 0;
  }
}
