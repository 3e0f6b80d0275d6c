import { TermTable } from './term-table';
import { i32s, SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from '../snapshot/codec';

// The inverted index's posting lists: per index term, per score slot, the ascending numbers
// of the stories with it.
//
// Most of the time the lists are "frozen": all of them in one Int32Array, in term order, with
// an offset per term and slot, and a Map from term to its position. A term then costs its
// numbers (4 bytes each) and one Map entry, where a list of its own costs two objects and
// their headers (most terms occur in one or two stories, so the headers were most of it:
// ~120 MB of heap at 50,000 stories against ~45 MB frozen), and the snapshot reads the lists
// as two typed arrays instead of 300,000 small ones (and the garbage collector has nothing
// to walk in them).
//
// A term that an edit changes is "thawed": its lists are copied into plain arrays that the
// edit changes in place, and they are read from there until the next freeze (after a build
// or an import, see SearchIndex).

/** A term's posting lists by score slot (undefined: no story has the term in that slot). */
export type PostingSlots = ReadonlyArray<ArrayLike<number> | undefined>;
/** A thawed term's lists, changed in place. */
export type MutableSlots = Array<number[] | undefined>;

/** Numbers copied between two yields of a freeze. */
const FREEZE_SLICE_NUMBERS = 1 << 20;

/** All lists in the frozen layout: the terms in order, their offsets per slot, the numbers. */
interface FrozenLists {
  terms: string[];
  starts: Int32Array;
  data: Int32Array;
}

export class PostingStore {
  private readonly slotCount: number;
  /** Frozen terms, numbered in term order: a term's lists start at number × slotCount in `starts`. */
  private frozen = new TermTable();
  /** Per frozen term and slot: where its numbers start in `data`; one more entry ends the last. */
  private starts: Int32Array = new Int32Array(1);
  private data: Int32Array = new Int32Array(0);
  /** Terms changed since the last freeze, and terms new since then. */
  private readonly thawed = new Map<string, MutableSlots>();
  /** Counts every change: a freeze done in slices is kept only if nothing changed meanwhile. */
  private changes = 0;

  constructor(slotCount: number) {
    this.slotCount = slotCount;
  }

  get size(): number {
    return this.frozen.size + this.thawed.size;
  }

  /** Numbers in the frozen lists. */
  get postingTotal(): number {
    return this.data.length;
  }

  /** Terms thawed since the last freeze (a reason to freeze again). */
  get thawedCount(): number {
    return this.thawed.size;
  }

  has(term: string): boolean {
    return this.thawed.has(term) || this.frozen.has(term);
  }

  /** A term's lists for reading, or undefined when no story has it. Views: valid until the next change. */
  get(term: string): PostingSlots | undefined {
    const thawed = this.thawed.get(term);
    if (thawed) return thawed;
    const number = this.frozen.get(term);
    return number < 0 ? undefined : this.frozenSlots(number * this.slotCount);
  }

  private frozenSlots(at: number): PostingSlots {
    const { starts, data, slotCount } = this;
    let count = slotCount;
    while (count > 0 && starts[at + count]! === starts[at + count - 1]!) count--;
    const slots = new Array<Int32Array | undefined>(count);
    for (let slot = 0; slot < count; slot++) {
      const from = starts[at + slot]!;
      const to = starts[at + slot + 1]!;
      if (to > from) slots[slot] = data.subarray(from, to);
    }
    return slots;
  }

  /** A term's lists to change in place (thawed on first use), or undefined when no story has it. */
  mutable(term: string): MutableSlots | undefined {
    const thawed = this.thawed.get(term);
    if (thawed) return thawed;
    const number = this.frozen.get(term);
    if (number < 0) return undefined;
    const slots: MutableSlots = this.frozenSlots(number * this.slotCount).map((ids) => (ids ? Array.from(ids) : undefined));
    this.changes++;
    this.frozen.delete(term);
    this.thawed.set(term, slots);
    return slots;
  }

  /** Sets a term's lists (they are kept, not copied). */
  set(term: string, slots: MutableSlots): void {
    this.changes++;
    this.frozen.delete(term);
    this.thawed.set(term, slots);
  }

  delete(term: string): void {
    this.changes++;
    this.frozen.delete(term);
    this.thawed.delete(term);
  }

  *entries(): Generator<[string, PostingSlots]> {
    for (const [term, number] of this.frozen.entries()) yield [term, this.frozenSlots(number * this.slotCount)];
    yield* this.thawed;
  }

  /**
   * Moves every list into the frozen form (one copy of all numbers). Numbers of terms
   * thawed meanwhile are dropped from the data here, so it never grows by edits.
   */
  freeze(): void {
    for (const _ of this.freezeInSlices());
  }

  /**
   * freeze() yielding now and then (a million numbers a slice, a few milliseconds), so the
   * thread answers searches meanwhile: at 50,000 stories the copy takes half a second. The
   * result replaces the lists only if nothing changed meanwhile (a term edited after it was
   * copied would lose the edit); either way it is returned, for the snapshot.
   */
  *freezeInSlices(): Generator<void, FrozenLists> {
    // Nothing changed since the last freeze: the lists are frozen as they are (a snapshot
    // written after a build, which freezes them, copies nothing again).
    if (this.thawed.size === 0 && this.frozen.size === this.frozen.length) return { terms: this.frozen.all() as string[], starts: this.starts, data: this.data };
    const changesBefore = this.changes;
    const terms: string[] = [];
    let total = 0;
    for (const [term, slots] of this.entries()) {
      terms.push(term);
      for (const ids of slots) total += ids?.length ?? 0;
    }
    yield;
    const { slotCount } = this;
    const starts = new Int32Array(terms.length * slotCount + 1);
    let data = new Int32Array(total);
    let at = 0;
    let work = 0;
    for (let k = 0; k < terms.length; k++) {
      const slots = this.get(terms[k]!) ?? [];
      let length = 0;
      for (const ids of slots) length += ids?.length ?? 0;
      if (at + length > data.length) {
        // Grown by an edit made while this yielded: room for it (the result is then not kept).
        const grown = new Int32Array(Math.max(data.length * 2, at + length));
        grown.set(data);
        data = grown;
      }
      for (let slot = 0; slot < slotCount; slot++) {
        starts[k * slotCount + slot] = at;
        const ids = slots[slot];
        if (!ids) continue;
        if (ids instanceof Int32Array) data.set(ids, at);
        else for (let i = 0; i < ids.length; i++) data[at + i] = ids[i]!;
        at += ids.length;
      }
      if ((work += length + 8) >= FREEZE_SLICE_NUMBERS) {
        work = 0;
        yield;
      }
    }
    starts[terms.length * slotCount] = at;
    const lists: FrozenLists = { terms, starts, data: at === data.length ? data : data.slice(0, at) };
    if (this.changes === changesBefore) {
      const frozen = new TermTable();
      for (const term of terms) frozen.add(term);
      this.frozen = frozen;
      this.starts = lists.starts;
      this.data = lists.data;
      this.thawed.clear();
    }
    return lists;
  }

  /** Writes the lists, frozen (in slices: see freezeInSlices). */
  *write(out: SnapshotWriter): Generator<void> {
    const { terms, starts, data } = yield* this.freezeInSlices();
    yield* out.strings(terms);
    yield* out.array(starts);
    yield* out.array(data);
  }

  /**
   * Lists as `write` wrote them (`shared` gives the string to keep for a term), checked: offsets in order and within the data, every list
   * ascending and of stories below `storyLimit`. Throws SnapshotFormatError otherwise.
   */
  static *read(input: SnapshotReader, slotCount: number, storyLimit: number, shared: (term: string) => string = (term) => term): Generator<void, PostingStore> {
    const store = new PostingStore(slotCount);
    const terms = yield* input.strings();
    const starts = yield* input.array(i32s, 4);
    const data = yield* input.array(i32s, 4);
    if (starts.length !== terms.length * slotCount + 1 || starts[0] !== 0 || starts[starts.length - 1] !== data.length) {
      throw new SnapshotFormatError('search: posting offsets');
    }
    for (let key = 0; key < starts.length - 1; key++) {
      const from = starts[key]!;
      const to = starts[key + 1]!;
      if (to < from) throw new SnapshotFormatError('search: posting offsets');
      for (let i = from; i < to; i++) {
        const num = data[i]!;
        if (num < 0 || num >= storyLimit || (i > from && num <= data[i - 1]!)) throw new SnapshotFormatError('search: posting lists');
      }
      if (key % 65_536 === 65_535) yield;
    }
    for (const term of terms) {
      if (store.frozen.has(term)) throw new SnapshotFormatError('search: repeated terms');
      // The vocabulary's own string for the term: one copy of each in memory.
      store.frozen.add(shared(term));
    }
    store.starts = starts;
    store.data = data;
    return store;
  }
}
