import { TermTable } from './term-table';
import { i32s, SnapshotFormatError, u8s, type SnapshotReader, type SnapshotWriter } from '../snapshot/codec';

// The inverted index's posting lists: per index term, per score slot, the ascending numbers
// of the stories with it.
//
// Most of the time the lists are "frozen": all of them in one byte array, in term order,
// with an offset per term and slot, and a table from term to its position. Each list is
// its first number and then the gaps between neighbours, less one, as variable-length
// integers (7 bits a byte, the high bit set on every byte but a number's last): at 67,000
// stories 7.5 million numbers take 9.3 MB instead of 30 MB as 32-bit integers (gaps in a
// common word's list fit in a byte, and ~60% of all lists hold one story). A list is
// decoded when a search asks for it (a few hundred microseconds for a word every story
// has). A term then costs its bytes and one table entry, where a list of its own costs two
// objects and their headers (~120 MB of heap at 50,000 stories against ~45 MB frozen as
// integers), and the snapshot reads the lists as two typed arrays instead of 300,000 small
// ones (and the garbage collector has nothing to walk in them).
//
// A term that an edit changes is "thawed": its lists are decoded into plain arrays that the
// edit changes in place, and they are read from there until the next freeze (after a build
// or an import, see SearchIndex).

/** A term's posting lists by score slot (undefined: no story has the term in that slot). */
export type PostingSlots = ReadonlyArray<ArrayLike<number> | undefined>;
/** A thawed term's lists, changed in place. */
export type MutableSlots = Array<number[] | undefined>;

/**
 * How a snapshot holds the lists' numbers: as gaps in variable-length integers (format 10
 * on), or as 32-bit integers (snapshot format 9 and before: read, and encoded on the way in).
 */
export type PostingLayout = 'varint' | 'int32';

/** Writes the terms of the lists, in order (by default as strings; the search index writes them as its vocabulary's). */
export type TermsWriter = (out: SnapshotWriter, terms: readonly string[]) => Generator<void>;
/** Reads what a TermsWriter wrote. */
export type TermsReader = (input: SnapshotReader) => Generator<void, string[]>;

/** Numbers (or bytes copied) between two yields of a freeze. */
const FREEZE_SLICE_NUMBERS = 1 << 20;
/** A story number takes at most five bytes (31 bits); the fifth holds its top 3 bits. */
const MAX_LAST_BYTE = 0x07;

/** All lists in the frozen layout: the terms in order, their byte offsets per slot, the bytes, and how many numbers they hold. */
interface FrozenLists {
  terms: string[];
  starts: Int32Array;
  data: Uint8Array;
  count: number;
}

const gapBytes = (gap: number) => (gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x20_0000 ? 3 : gap < 0x1000_0000 ? 4 : 5);

/** The bytes an ascending list of story numbers takes encoded. */
function encodedLength(ids: ArrayLike<number>): number {
  let bytes = 0;
  let previous = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    bytes += gapBytes(id - previous - 1);
    previous = id;
  }
  return bytes;
}

/** Writes an ascending list at `at` (room for encodedLength(ids) bytes); returns where it ends. */
function encodeList(ids: ArrayLike<number>, out: Uint8Array, at: number): number {
  let previous = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let gap = id - previous - 1;
    previous = id;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
  }
  return at;
}

/** Numbers in an encoded range: one per byte without the high bit. */
function countIn(data: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (data[i]! < 0x80) count++;
  return count;
}

/** Numbers decoded so far (a list has at most as many numbers as bytes): one pass over the bytes, then one copy. */
let decoded = new Int32Array(1 << 16);

/**
 * The story numbers of one list (bytes checked when frozen or read, see checkedCount). Four
 * one-byte gaps at a time where there are (most of a common word's list): 1.8 against 2.9 ns
 * a number over the longest lists at 67,000 stories.
 */
function decodeList(data: Uint8Array, from: number, to: number): Int32Array {
  if (to - from > decoded.length) decoded = new Int32Array(Math.max(to - from, decoded.length * 2));
  const ids = decoded;
  let id = -1;
  let k = 0;
  let i = from;
  const lastFour = to - 4;
  while (i < to) {
    if (i <= lastFour) {
      const b0 = data[i]!;
      const b1 = data[i + 1]!;
      const b2 = data[i + 2]!;
      const b3 = data[i + 3]!;
      if (((b0 | b1 | b2 | b3) & 0x80) === 0) {
        ids[k] = id += b0 + 1;
        ids[k + 1] = id += b1 + 1;
        ids[k + 2] = id += b2 + 1;
        ids[k + 3] = id += b3 + 1;
        k += 4;
        i += 4;
        continue;
      }
    }
    let byte = data[i++]!;
    if (byte < 0x80) {
      ids[k++] = id += byte + 1;
      continue;
    }
    let gap = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = data[i++]!;
      gap |= (byte & 0x7f) << shift;
    }
    ids[k++] = id += gap + 1;
  }
  return ids.slice(0, k);
}

/** Lists checked between two yields of a snapshot read. */
const CHECK_SLICE_LISTS = 65_536;

/**
 * How many numbers the untrusted encoded lists `first` to `end` - 1 hold, or -1 when one is
 * not a well-formed list of stories below `storyLimit`: its offsets in order, every number
 * ending inside its list, in at most five bytes, and none `storyLimit` or more (ascending
 * it is by construction). Lists in a row in one call: most hold one number, and a call per
 * list cost more than the check. In 32-bit integer arithmetic throughout (`| 0`): with a
 * product of floating-point numbers in it, V8 kept every number as a double and the check
 * of 7.5 million numbers took ~120 ms instead of ~25.
 */
function checkedCount(starts: Int32Array, data: Uint8Array, first: number, end: number, storyLimit: number): number {
  let count = 0;
  for (let key = first; key < end; key++) {
    const from = starts[key]! | 0;
    const to = starts[key + 1]! | 0;
    if (to < from || to > data.length) return -1;
    let id = -1;
    let i = from;
    while (i < to) {
      let byte = data[i++]! | 0;
      let gap = byte;
      if (byte >= 0x80) {
        gap = byte & 0x7f;
        let shift = 7;
        do {
          if (i >= to || shift > 28) return -1;
          byte = data[i++]! | 0;
          if (shift === 28 && byte > MAX_LAST_BYTE) return -1;
          gap = (gap + (byte & 0x7f) * (1 << shift)) | 0;
          shift += 7;
        } while (byte >= 0x80);
      }
      // Past 31 bits the sum turns negative: no such story either.
      id = (id + gap + 1) | 0;
      if (id >= storyLimit || id < 0) return -1;
      count++;
    }
  }
  return count;
}

export class PostingStore {
  private readonly slotCount: number;
  /** Frozen terms, numbered in term order: a term's lists start at number × slotCount in `starts`. */
  private frozen = new TermTable();
  /** Per frozen term and slot: where its bytes start in `data`; one more entry ends the last. */
  private starts: Int32Array = new Int32Array(1);
  private data: Uint8Array = new Uint8Array(0);
  /** The numbers the frozen bytes hold (those of terms taken out since included, until the next freeze). */
  private count = 0;
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
    return this.count;
  }

  /** Bytes the frozen lists take. */
  get frozenBytes(): number {
    return this.data.length;
  }

  /** Terms thawed since the last freeze (a reason to freeze again). */
  get thawedCount(): number {
    return this.thawed.size;
  }

  has(term: string): boolean {
    return this.thawed.has(term) || this.frozen.has(term);
  }

  /** Whether some story has the term (its lists are not decoded for it). */
  hasPostings(term: string): boolean {
    const thawed = this.thawed.get(term);
    if (thawed) return thawed.some((ids) => ids !== undefined && ids.length > 0);
    const number = this.frozen.get(term);
    return number >= 0 && this.starts[(number + 1) * this.slotCount]! > this.starts[number * this.slotCount]!;
  }

  /** A term's lists for reading, or undefined when no story has it. A thawed term's are its own arrays: valid until the next change. */
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
      if (to > from) slots[slot] = decodeList(data, from, to);
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
   * Moves every list into the frozen form (thawed lists encoded, frozen ones copied as
   * they are). Bytes of terms thawed meanwhile are dropped from the data here, so it never
   * grows by edits.
   */
  freeze(): void {
    for (const _ of this.freezeInSlices());
  }

  /**
   * freeze() yielding now and then (about a million numbers a slice, a few milliseconds), so
   * the thread answers searches meanwhile. The result replaces the lists only if nothing
   * changed meanwhile (a term edited after it was copied would lose the edit); either way it
   * is returned, for the snapshot.
   */
  *freezeInSlices(): Generator<void, FrozenLists> {
    // Nothing changed since the last freeze: the lists are frozen as they are (a snapshot
    // written after a build, which freezes them, copies nothing again).
    if (this.thawed.size === 0 && this.frozen.size === this.frozen.length) {
      return { terms: this.frozen.all() as string[], starts: this.starts, data: this.data, count: this.count };
    }
    const changesBefore = this.changes;
    const { slotCount } = this;
    // The terms, and the bytes each will take (a frozen term's as they are).
    const terms: string[] = [];
    const sizes: number[] = [];
    let total = 0;
    let work = 0;
    for (const [term, number] of this.frozen.entries()) {
      const bytes = this.starts[(number + 1) * slotCount]! - this.starts[number * slotCount]!;
      terms.push(term);
      sizes.push(bytes);
      total += bytes;
    }
    for (const [term, slots] of this.thawed) {
      let bytes = 0;
      for (const ids of slots) {
        if (!ids) continue;
        bytes += encodedLength(ids);
        work += ids.length;
      }
      terms.push(term);
      sizes.push(bytes);
      total += bytes;
      if (work >= FREEZE_SLICE_NUMBERS) {
        work = 0;
        yield;
      }
    }
    yield;
    const starts = new Int32Array(terms.length * slotCount + 1);
    let data = new Uint8Array(total);
    let at = 0;
    let count = 0;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      // Read now: an edit made while this yielded may have thawed, changed or taken out the term.
      const thawed = this.thawed.get(term);
      const number = thawed ? -1 : this.frozen.get(term);
      let bytes = sizes[k]!;
      if (this.changes !== changesBefore) {
        bytes = 0;
        if (thawed) for (const ids of thawed) bytes += ids ? encodedLength(ids) : 0;
        else if (number >= 0) bytes = this.starts[(number + 1) * slotCount]! - this.starts[number * slotCount]!;
      }
      if (at + bytes > data.length) {
        // Grown by an edit made while this yielded: room for it (the result is then not kept).
        const grown = new Uint8Array(Math.max(data.length * 2, at + bytes));
        grown.set(data.subarray(0, at));
        data = grown;
      }
      if (thawed) {
        for (let slot = 0; slot < slotCount; slot++) {
          starts[k * slotCount + slot] = at;
          const ids = thawed[slot];
          if (!ids) continue;
          at = encodeList(ids, data, at);
          count += ids.length;
          work += ids.length;
        }
      } else if (number >= 0) {
        const base = number * slotCount;
        const from = this.starts[base]!;
        const to = this.starts[base + slotCount]!;
        data.set(this.data.subarray(from, to), at);
        for (let slot = 0; slot < slotCount; slot++) starts[k * slotCount + slot] = at + this.starts[base + slot]! - from;
        count += countIn(this.data, from, to);
        at += to - from;
        work += to - from;
      } else {
        for (let slot = 0; slot < slotCount; slot++) starts[k * slotCount + slot] = at;
      }
      if ((work += 8) >= FREEZE_SLICE_NUMBERS) {
        work = 0;
        yield;
      }
    }
    starts[terms.length * slotCount] = at;
    const lists: FrozenLists = { terms, starts, data: at === data.length ? data : data.slice(0, at), count };
    if (this.changes === changesBefore) {
      const frozen = new TermTable();
      frozen.reserve(terms.length);
      for (const term of terms) frozen.add(term);
      this.frozen = frozen;
      this.starts = lists.starts;
      this.data = lists.data;
      this.count = count;
      this.thawed.clear();
    }
    return lists;
  }

  /** Writes the lists, frozen (in slices: see freezeInSlices), in the varint layout, their terms as `writeTerms` does. */
  *write(out: SnapshotWriter, writeTerms: TermsWriter = (to, terms) => to.strings(terms)): Generator<void> {
    const { terms, starts, data } = yield* this.freezeInSlices();
    yield* writeTerms(out, terms);
    yield* out.array(starts);
    yield* out.array(data);
  }

  /**
   * Lists as `write` wrote them (their terms read by `readTerms`, the counterpart of the
   * writer's TermsWriter; `layout`: or as snapshot format 9 did, encoded on the way in),
   * checked: offsets in order and within the data, every list well formed, ascending and of
   * stories below `storyLimit`. Throws SnapshotFormatError otherwise.
   */
  static *read(input: SnapshotReader, slotCount: number, storyLimit: number, readTerms: TermsReader = (from) => from.strings(), layout: PostingLayout = 'varint'): Generator<void, PostingStore> {
    const store = new PostingStore(slotCount);
    const terms = yield* readTerms(input);
    let starts: Int32Array = yield* input.array(i32s, 4);
    const lists = starts.length - 1;
    if (lists !== terms.length * slotCount || starts[0] !== 0) throw new SnapshotFormatError('search: posting offsets');
    let data: Uint8Array;
    let count = 0;
    if (layout === 'int32') {
      for (let key = 0; key < lists; key++) if (starts[key + 1]! < starts[key]!) throw new SnapshotFormatError('search: posting offsets');
      const numbers = yield* input.array(i32s, 4);
      if (starts[lists] !== numbers.length) throw new SnapshotFormatError('search: posting offsets');
      ({ starts, data } = yield* encodeInt32Lists(starts, numbers, storyLimit));
      count = numbers.length;
    } else {
      data = yield* input.array(u8s, 1);
      if (starts[lists] !== data.length) throw new SnapshotFormatError('search: posting offsets');
      for (let first = 0; first < lists; first += CHECK_SLICE_LISTS) {
        const numbers = checkedCount(starts, data, first, Math.min(lists, first + CHECK_SLICE_LISTS), storyLimit);
        if (numbers < 0) throw new SnapshotFormatError('search: posting lists');
        count += numbers;
        yield;
      }
    }
    const frozen = TermTable.of(terms);
    if (!frozen) throw new SnapshotFormatError('search: repeated terms');
    store.frozen = frozen;
    store.starts = starts;
    store.data = data;
    store.count = count;
    return store;
  }
}

/** Lists of 32-bit story numbers (snapshot format 9), checked as that format was, encoded; byte offsets for number offsets. */
function* encodeInt32Lists(numberStarts: Int32Array, numbers: Int32Array, storyLimit: number): Generator<void, { starts: Int32Array; data: Uint8Array }> {
  const lists = numberStarts.length - 1;
  const starts = new Int32Array(numberStarts.length);
  for (let key = 0; key < lists; key++) {
    const from = numberStarts[key]!;
    const to = numberStarts[key + 1]!;
    for (let i = from; i < to; i++) {
      const num = numbers[i]!;
      if (num < 0 || num >= storyLimit || (i > from && num <= numbers[i - 1]!)) throw new SnapshotFormatError('search: posting lists');
    }
    starts[key + 1] = starts[key]! + encodedLength(numbers.subarray(from, to));
    if (key % 65_536 === 65_535) yield;
  }
  const data = new Uint8Array(starts[lists]!);
  for (let key = 0; key < lists; key++) {
    encodeList(numbers.subarray(numberStarts[key]!, numberStarts[key + 1]!), data, starts[key]!);
    if (key % 65_536 === 65_535) yield;
  }
  return { starts, data };
}
