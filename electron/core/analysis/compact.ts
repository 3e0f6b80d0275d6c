// Compact in-memory structures for the related-story index (related/). An archive of
// 50,000 stories has some 300,000 distinct terms and 7 million (story, term) pairs; as
// JS strings, Map entries and arrays of numbers they cost hundreds of megabytes, so they
// live in a few typed arrays instead: no JS object per term, per posting or per story.
// Each structure writes and reads its own state for the index snapshot as raw bytes.

import { SnapshotFormatError, u32s, u8s, type SnapshotReader, type SnapshotWriter } from '../snapshot/codec';

/** A growable Uint32Array. */
export class U32List {
  data = new Uint32Array(16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) this.grow(Math.ceil(this.length * 1.5));
    this.data[this.length++] = value;
  }
  grow(capacity: number): void {
    const next = new Uint32Array(Math.max(capacity, 16));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  *write(out: SnapshotWriter): Generator<void> {
    yield* out.array(this.data.subarray(0, this.length));
  }

  static *read(input: SnapshotReader): Generator<void, U32List> {
    const list = new U32List();
    const data = yield* input.array(u32s, 4);
    list.length = data.length;
    if (data.length >= 16) list.data = data;
    else list.data.set(data);
    return list;
  }
}

/**
 * The characters of many short strings, back to back in a growable byte array. Each
 * UTF-16 code unit takes 1 byte below U+0080 and 2 or 3 above (UTF-8's layout, applied to
 * code units, so any string comes back exactly): folded Dutch words are nearly all ASCII.
 * No byte written is ever 0xff.
 */
export class CharPool {
  data = new Uint8Array(1024);
  length = 0;
  /** `data` as a Buffer, for decoding (made again when `data` is another array). */
  private view: Buffer | null = null;

  /** Appends `text`; returns where it starts. Its length in bytes is `this.length` after minus before. */
  append(text: string): number {
    const at = this.length;
    if (at + text.length * 3 > this.data.length) {
      const next = new Uint8Array(Math.max(at + text.length * 3, Math.ceil(this.data.length * 1.25)));
      next.set(this.data.subarray(0, at));
      this.data = next;
    }
    const data = this.data;
    // All ASCII (most of what is pooled): copied natively, a byte per character.
    if (Buffer.byteLength(text, 'utf8') === text.length) {
      this.length = at + this.buffer().write(text, at, 'latin1');
      return at;
    }
    let end = at;
    for (let k = 0; k < text.length; k++) {
      const unit = text.charCodeAt(k);
      if (unit < 0x80) data[end++] = unit;
      else if (unit < 0x800) {
        data[end++] = 0xc0 | (unit >> 6);
        data[end++] = 0x80 | (unit & 0x3f);
      } else {
        data[end++] = 0xe0 | (unit >> 12);
        data[end++] = 0x80 | ((unit >> 6) & 0x3f);
        data[end++] = 0x80 | (unit & 0x3f);
      }
    }
    this.length = end;
    return at;
  }

  /** `data` as a Buffer (the same bytes). */
  private buffer(): Buffer {
    if (this.view?.buffer !== this.data.buffer || this.view.length !== this.data.length) this.view = Buffer.from(this.data.buffer, this.data.byteOffset, this.data.length);
    return this.view;
  }

  /** Appends the end mark 0xff, a byte no character is written with. */
  end(): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(Math.ceil(this.data.length * 1.25) + 1);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = 0xff;
  }

  /** Appends bytes another pool wrote (a piece of its `data`); returns where they start. */
  appendBytes(bytes: Uint8Array): number {
    const at = this.length;
    if (at + bytes.length > this.data.length) {
      const next = new Uint8Array(Math.max(at + bytes.length, Math.ceil(this.data.length * 1.25)));
      next.set(this.data.subarray(0, at));
      this.data = next;
    }
    this.data.set(bytes, at);
    this.length = at + bytes.length;
    return at;
  }

  /** Bytes from `start` to the next end mark. */
  lengthFrom(start: number): number {
    let end = start;
    while (this.data[end] !== 0xff) end++;
    return end - start;
  }

  equals(start: number, length: number, text: string): boolean {
    const data = this.data;
    const end = start + length;
    let at = start;
    for (let k = 0; k < text.length; k++) {
      const unit = text.charCodeAt(k);
      if (unit < 0x80) {
        if (at >= end || data[at++] !== unit) return false;
      } else if (unit < 0x800) {
        if (at + 2 > end || data[at++] !== (0xc0 | (unit >> 6)) || data[at++] !== (0x80 | (unit & 0x3f))) return false;
      } else if (at + 3 > end || data[at++] !== (0xe0 | (unit >> 12)) || data[at++] !== (0x80 | ((unit >> 6) & 0x3f)) || data[at++] !== (0x80 | (unit & 0x3f))) {
        return false;
      }
    }
    return at === end;
  }

  *write(out: SnapshotWriter): Generator<void> {
    yield* out.array(this.data.subarray(0, this.length));
  }

  static *read(input: SnapshotReader): Generator<void, CharPool> {
    const pool = new CharPool();
    const data = yield* input.array(u8s, 1);
    pool.length = data.length;
    if (data.length > 0) pool.data = data;
    return pool;
  }

  read(start: number, length: number): string {
    const data = this.data;
    const end = start + length;
    let at = start;
    while (at < end && data[at]! < 0x80) at++;
    // All ASCII (most of what is pooled): one byte per character, decoded natively.
    if (at === end) return this.buffer().toString('latin1', start, end);
    if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
    let units = 0;
    for (at = start; at < end; ) {
      const byte = data[at++]!;
      if (byte < 0x80) scratch[units++] = byte;
      else if (byte < 0xe0) scratch[units++] = ((byte & 0x1f) << 6) | (data[at++]! & 0x3f);
      else scratch[units++] = ((byte & 0x0f) << 12) | ((data[at++]! & 0x3f) << 6) | (data[at++]! & 0x3f);
    }
    let out = '';
    // In pieces: fromCharCode takes its arguments on the stack.
    for (let k = 0; k < units; k += 4096) out += String.fromCharCode.apply(null, scratch.subarray(k, Math.min(units, k + 4096)) as unknown as number[]);
    return out;
  }
}

/** CharPool.read's code units (reused). */
let scratch = new Uint16Array(256);

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Interned strings: string ↔ dense id (0, 1, 2, …), an open-addressing hash table over
 * the ids, characters pooled. About 30 bytes per string, against some 100 for a Map entry
 * with its key.
 */
export class StringTable {
  private chars = new CharPool();
  private starts = new Uint32Array(65); // id → first char; starts[size] = end of the last
  private hashes = new Uint32Array(64);
  private slots = new Int32Array(128).fill(-1); // hash slot → id, -1 empty
  size = 0;

  /** The id of `text`, or -1. */
  get(text: string): number {
    const hash = hashOf(text);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at]!;
      if (id < 0) return -1;
      if (this.hashes[id] === hash && this.chars.equals(this.starts[id]!, this.starts[id + 1]! - this.starts[id]!, text)) return id;
    }
  }

  /** The id of `text`, added if new. */
  add(text: string): number {
    const found = this.get(text);
    if (found >= 0) return found;
    const id = this.size++;
    if (this.size > this.hashes.length) {
      const capacity = Math.ceil(this.hashes.length * 1.5);
      const starts = new Uint32Array(capacity + 1);
      starts.set(this.starts);
      this.starts = starts;
      const hashes = new Uint32Array(capacity);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.chars.append(text);
    this.starts[id + 1] = this.chars.length;
    this.hashes[id] = hashOf(text);
    // At most 70 % full: linear probing stays short.
    if (this.size > this.slots.length * 0.7) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  text(id: number): string {
    return this.chars.read(this.starts[id]!, this.starts[id + 1]! - this.starts[id]!);
  }

  *write(out: SnapshotWriter): Generator<void> {
    out.u32(this.size);
    yield* this.chars.write(out);
    yield* out.array(this.starts.subarray(0, this.size + 1));
    yield* out.array(this.hashes.subarray(0, this.size));
    yield* out.array(this.slots);
  }

  static *read(input: SnapshotReader): Generator<void, StringTable> {
    const table = new StringTable();
    table.size = input.u32();
    table.chars = yield* CharPool.read(input);
    table.starts = yield* input.array(u32s, 4);
    table.hashes = yield* input.array(u32s, 4);
    table.slots = yield* input.array((n) => new Int32Array(n), 4);
    const slotCount = table.slots.length;
    if (
      table.starts.length !== table.size + 1 ||
      table.hashes.length !== table.size ||
      slotCount === 0 ||
      (slotCount & (slotCount - 1)) !== 0 ||
      table.size > slotCount * 0.7 ||
      table.starts[table.size] !== table.chars.length
    ) {
      throw new SnapshotFormatError('a string table that does not add up');
    }
    return table;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[id]! & mask;
    while (this.slots[at]! >= 0) at = (at + 1) & mask;
    this.slots[at] = id;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity).fill(-1);
    for (let id = 0; id < this.size; id++) this.place(id);
  }
}

/** One replaceable string per id (display names, spellings), characters pooled. */
export class Labels {
  private chars = new CharPool();
  private starts = new U32List();

  /** Sets the label of `id`; ids are set in order the first time (0, 1, 2, …). */
  set(id: number, text: string): void {
    const start = this.chars.append(text);
    // An end mark instead of a length per label: CharPool never writes 0xff.
    this.chars.end();
    if (id === this.starts.length) this.starts.push(start);
    // A replaced label leaves its old characters behind: rare (a spelling with diacritics found later).
    else this.starts.data[id] = start;
  }

  get(id: number): string {
    const start = this.starts.data[id]!;
    return this.chars.read(start, this.chars.lengthFrom(start));
  }

  get size(): number {
    return this.starts.length;
  }

  *write(out: SnapshotWriter): Generator<void> {
    yield* this.chars.write(out);
    yield* this.starts.write(out);
  }

  static *read(input: SnapshotReader): Generator<void, Labels> {
    const labels = new Labels();
    labels.chars = yield* CharPool.read(input);
    labels.starts = yield* U32List.read(input);
    // Every label must end inside the pool (lengthFrom scans to an end mark).
    const { data, length } = labels.chars;
    if (length > 0 && data[length - 1] !== 0xff) throw new SnapshotFormatError('labels without their end mark');
    for (let k = 0; k < labels.starts.length; k++) if (labels.starts.data[k]! >= length) throw new SnapshotFormatError('a label outside its pool');
    return labels;
  }
}

const MAX_BLOCK = 4_096;
const CHUNK_BITS = 20;
const CHUNK_SIZE = 1 << CHUNK_BITS;

/**
 * Variable-length records in 1 MB chunks, addressed by chunk × 2^20 + offset. Never
 * copied as it grows (a doubling array would briefly hold two copies and keep up to half
 * its room unused); a record larger than a chunk gets a chunk of its own.
 */
export class ByteArena {
  private chunks: Uint8Array[] = [];
  private used = CHUNK_SIZE;

  /** Copies `bytes` into the arena and returns their address. */
  store(bytes: Uint8Array): number {
    if (this.chunks.length === 0 || bytes.length > CHUNK_SIZE - this.used) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK_SIZE, bytes.length)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    this.chunks[chunk]!.set(bytes, this.used);
    const address = chunk * CHUNK_SIZE + this.used;
    // A record larger than a chunk fills its chunk: the next one starts a new chunk.
    this.used = bytes.length > CHUNK_SIZE ? CHUNK_SIZE : this.used + bytes.length;
    return address;
  }

  /** The chunk holding the record at `address`; the record starts at offset(address). */
  chunk(address: number): Uint8Array {
    return this.chunks[Math.floor(address / CHUNK_SIZE)]!;
  }

  static offset(address: number): number {
    return address % CHUNK_SIZE;
  }

  *write(out: SnapshotWriter): Generator<void> {
    out.u32(this.chunks.length);
    out.u32(this.used);
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k]!;
      // The last chunk only as far as it is filled; earlier ones whole (records never move).
      yield* out.array(k === this.chunks.length - 1 && chunk.length === CHUNK_SIZE ? chunk.subarray(0, this.used) : chunk);
    }
  }

  static *read(input: SnapshotReader): Generator<void, ByteArena> {
    const arena = new ByteArena();
    const count = input.count(4);
    arena.used = input.u32();
    if (arena.used > CHUNK_SIZE) throw new SnapshotFormatError('an arena past its chunk');
    for (let k = 0; k < count; k++) {
      const data = yield* input.array(u8s, 1);
      if (data.length >= CHUNK_SIZE) arena.chunks.push(data);
      else {
        const chunk = new Uint8Array(CHUNK_SIZE);
        chunk.set(data);
        arena.chunks.push(chunk);
      }
    }
    if (count === 0) arena.used = CHUNK_SIZE;
    return arena;
  }
}

/** A growable byte buffer to encode one record into before it is stored. */
export class ByteWriter {
  data = new Uint8Array(1024);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  byte(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  /** An unsigned integer in 7-bit groups, low first, high bit set on all but the last. */
  varint(value: number): void {
    while (value >= 0x80) {
      this.byte((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    this.byte(value);
  }

  bytes(): Uint8Array {
    return this.data.subarray(0, this.length);
  }

  private grow(): void {
    const next = new Uint8Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/**
 * Posting lists: for each list (term or entity id), the story slots in it, oldest first,
 * read newest first. Two parts: a packed base (all lists back to back, rebuilt now and
 * then by the owner) and, for slots added since, per-list chains of blocks of growing
 * size in one pool. Block layout: [previous block + 1 (0: none), capacity << 16 | length, ...slots].
 */
export class Postings {
  private baseStarts: Uint32Array = new Uint32Array(1); // list → first slot in baseSlots; one more than lists
  private baseSlots: Uint32Array = new Uint32Array(0);
  private pool = new Uint32Array(1 << 12);
  private used = 0;
  private tails = new Uint32Array(256); // list → its newest block + 1 (0: empty)
  /** Slots added since the base was built. */
  added = 0;

  get baseSize(): number {
    return this.baseSlots.length;
  }

  /** Drops every list (before building a new base, so the old one is not kept alive meanwhile). */
  clear(): void {
    this.setBase(new Uint32Array(1), new Uint32Array(0));
  }

  /** Replaces everything by a packed base: list l holds slots[starts[l] .. starts[l + 1]). */
  setBase(starts: Uint32Array, slots: Uint32Array): void {
    this.baseStarts = starts;
    this.baseSlots = slots;
    this.pool = new Uint32Array(1 << 12);
    this.used = 0;
    this.tails = new Uint32Array(256);
    this.added = 0;
  }

  push(list: number, slot: number): void {
    this.added++;
    if (list >= this.tails.length) {
      const grown = new Uint32Array(Math.max(list + 1, Math.ceil(this.tails.length * 1.5)));
      grown.set(this.tails);
      this.tails = grown;
    }
    const tail = this.tails[list]! - 1;
    if (tail >= 0) {
      const sizes = this.pool[tail + 1]!;
      const length = sizes & 0xffff;
      if (length < sizes >>> 16) {
        this.pool[tail + 2 + length] = slot;
        this.pool[tail + 1] = sizes + 1;
        return;
      }
    }
    // Most lists never get a second slot: the first block holds one.
    const capacity = tail >= 0 ? Math.min((this.pool[tail + 1]! >>> 16) * 2, MAX_BLOCK) : 1;
    const block = this.allocate(2 + capacity);
    this.pool[block] = tail + 1;
    this.pool[block + 1] = (capacity << 16) | 1;
    this.pool[block + 2] = slot;
    this.tails[list] = block + 1;
  }

  /** Copies up to `cap` slots of a list, newest first, into `out`; returns how many. */
  newest(list: number, cap: number, out: Uint32Array): number {
    let count = 0;
    let block = list < this.tails.length ? this.tails[list]! - 1 : -1;
    while (block >= 0 && count < cap) {
      for (let k = block + 1 + (this.pool[block + 1]! & 0xffff); k >= block + 2 && count < cap; k--) out[count++] = this.pool[k]!;
      block = this.pool[block]! - 1;
    }
    if (list + 1 < this.baseStarts.length) {
      const start = this.baseStarts[list]!;
      for (let k = this.baseStarts[list + 1]! - 1; k >= start && count < cap; k--) out[count++] = this.baseSlots[k]!;
    }
    return count;
  }

  *write(out: SnapshotWriter): Generator<void> {
    out.u32(this.used);
    out.u32(this.added);
    yield* out.array(this.baseStarts);
    yield* out.array(this.baseSlots);
    yield* out.array(this.pool.subarray(0, this.used));
    yield* out.array(this.tails);
  }

  static *read(input: SnapshotReader): Generator<void, Postings> {
    const postings = new Postings();
    postings.used = input.u32();
    postings.added = input.u32();
    postings.baseStarts = yield* input.array(u32s, 4);
    postings.baseSlots = yield* input.array(u32s, 4);
    const pool = yield* input.array(u32s, 4);
    postings.tails = yield* input.array(u32s, 4);
    if (pool.length !== postings.used || postings.baseStarts.length === 0 || postings.tails.length === 0) {
      throw new SnapshotFormatError('postings that do not add up');
    }
    if (postings.baseStarts[postings.baseStarts.length - 1] !== postings.baseSlots.length) throw new SnapshotFormatError('postings that do not add up');
    postings.pool = new Uint32Array(Math.max(1 << 12, pool.length));
    postings.pool.set(pool);
    return postings;
  }

  private allocate(words: number): number {
    if (this.used + words > this.pool.length) {
      const grown = new Uint32Array(Math.max(this.used + words, Math.ceil(this.pool.length * 1.5)));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const at = this.used;
    this.used += words;
    return at;
  }
}

/** The k-th largest value (k ≥ 1) of `values`, which it reorders (quickselect). */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}
