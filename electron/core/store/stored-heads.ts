import type { Dateline, StoryKind } from '../../../shared/types';
import type { StoryHead, WireVersionFacts } from './meta';

// How the store keeps every story head in memory for as long as the library is open.
//
// Most of a head is read by the list (kind, headline, dateline, dates) and stays a plain
// property. Five parts are read only when one story is opened, exported, archived or
// sent to the team server, or when an import looks for a duplicate: the file name, the
// two SHA-256 hashes, the warnings and the capture time. As strings they were most of the
// store's JavaScript heap (at 52,000 stories ~16 of 34 MB with the maps over the hashes),
// and the main process's garbage collector moved them on every compacting collection:
// that pause was the longest block of the main thread during an index build. Here they are
// written once into large off-heap buffers (`ColdHeadParts`) and read back on demand; the
// hashes as their 32 bytes, the maps over them keyed by a small number (`HashIndex`).

/** Bytes per buffer: one allocation per ~7,000 heads. */
const CHUNK = 1 << 20;
/** Record flags: the hashes are kept as 32 bytes each; a JSON part follows the file name. */
const SHA_BYTES = 1;
const HASH_BYTES = 2;
const EXTRA = 4;

interface ColdParts {
  fileName: string;
  sha256: string;
  contentHash: string;
  warnings: string[];
  capturedAt?: string;
}

const NO_WARNINGS: string[] = Object.freeze([]) as unknown as string[];

/** A lowercase hex SHA-256, as the importer writes `sha256` and `contentHash` (a loop: a regular expression cost twice as much at every open). */
function isLowerHex64(text: string): boolean {
  if (text.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The number written by `count` decimal digits of `text` from `from`; -1 when one of them is not a digit (or past the end). */
export function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `2024-03-05T09:12:44.120Z` (as toISOString writes it, years 1000–9999) as milliseconds,
 * else NaN. Checked field by field, so that the number reads back as the very same string.
 */
export function instantMs(text: string | undefined): number {
  if (text === undefined || text.length !== 24) return NaN;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') return NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const milli = digitsAt(text, 20, 3);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS[month - 1]! + (leap ? 1 : 0)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

function grown(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * An append-only record per head: a flags byte, the hashes that are lowercase hex
 * SHA-256s as 32 bytes each, the file name (UTF-8 behind its 4-byte length), and only when
 * needed a JSON part (`[warnings, capturedAt, sha256, contentHash]`, 0 where not needed)
 * behind its length. Records are never changed or removed (heads are immutable).
 */
export class ColdHeadParts {
  private readonly chunks: Buffer[] = [];
  private chunk: Buffer | null = null;
  private used = 0;
  /** Where each slot's record starts: chunk index × CHUNK + offset. */
  private starts = new Float64Array(1024);
  /**
   * The capture time as milliseconds when it is an instant as toISOString writes it (read
   * for every same-place page story at each import: a number, not a JSON parse); NaN when
   * there is none or it is in another form (then it is in the record's JSON).
   */
  private captured = new Float64Array(1024);
  private count = 0;

  add(parts: ColdParts): number {
    const sha = isLowerHex64(parts.sha256);
    const hash = isLowerHex64(parts.contentHash);
    const capturedMs = instantMs(parts.capturedAt);
    const capturedText = Number.isNaN(capturedMs) && parts.capturedAt !== undefined;
    const extra = parts.warnings.length > 0 || capturedText || !sha || !hash ? JSON.stringify([parts.warnings.length ? parts.warnings : 0, capturedText ? parts.capturedAt : 0, sha ? 0 : parts.sha256, hash ? 0 : parts.contentHash]) : null;
    // At most 3 UTF-8 bytes per UTF-16 unit; what is not used goes back to the chunk.
    const most = 1 + (sha ? 32 : 0) + (hash ? 32 : 0) + 4 + parts.fileName.length * 3 + (extra === null ? 0 : 4 + extra.length * 3);
    const { buffer, offset, start } = this.reserve(most);
    let at = offset;
    buffer[at++] = (sha ? SHA_BYTES : 0) | (hash ? HASH_BYTES : 0) | (extra === null ? 0 : EXTRA);
    if (sha) at += buffer.write(parts.sha256, at, 32, 'hex');
    if (hash) at += buffer.write(parts.contentHash, at, 32, 'hex');
    at = writeText(buffer, at, parts.fileName);
    if (extra !== null) at = writeText(buffer, at, extra);
    if (buffer === this.chunk) this.used = at;
    return this.noteSlot(start, capturedMs);
  }

  private noteSlot(start: number, capturedMs: number): number {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.captured = grown(this.captured);
    }
    this.starts[this.count] = start;
    this.captured[this.count] = capturedMs;
    return this.count++;
  }

  /**
   * Appends a record as `recordBytes` gave it (from a heads cache file): `bytes[from, to)`
   * with its capture time (`capturedMs`). Returns its slot.
   */
  addRecord(bytes: Buffer, from: number, to: number, capturedMs: number): number {
    const { buffer, offset, start } = this.reserve(to - from);
    bytes.copy(buffer, offset, from, to);
    if (buffer === this.chunk) this.used = offset + (to - from);
    return this.noteSlot(start, capturedMs);
  }

  /**
   * Appends the records `bytes[from, ends[0])`, `[ends[0], ends[1])`, … as addRecord would,
   * copied a chunk's worth at a time; `capturedMs(k)` is the k-th record's capture time.
   * Returns the first record's slot (the others follow it).
   */
  addRecords(bytes: Buffer, from: number, ends: readonly number[], capturedMs: (k: number) => number): number {
    const first = this.count;
    let k = 0;
    while (k < ends.length) {
      const start = k === 0 ? from : ends[k - 1]!;
      // As many whole records as fit in the chunk's room (at least one: a chunk of its own if need be).
      const room = this.chunk ? CHUNK - this.used : 0;
      let last = k;
      while (last + 1 < ends.length && ends[last + 1]! - start <= room) last++;
      if (ends[last]! - start > room) {
        this.addRecord(bytes, start, ends[k]!, capturedMs(k));
        k++;
        continue;
      }
      const offset = this.used;
      bytes.copy(this.chunk!, offset, start, ends[last]!);
      this.used = offset + (ends[last]! - start);
      const base = (this.chunks.length - 1) * CHUNK + offset;
      for (let j = k; j <= last; j++) this.noteSlot(base + ((j === 0 ? from : ends[j - 1]!) - start), capturedMs(j));
      k = last + 1;
    }
    return first;
  }

  /** The slot's record as it is kept (a view, valid while this store lives): see addRecord. */
  recordBytes(slot: number): Buffer {
    const { buffer, offset } = this.locate(slot);
    return buffer.subarray(offset, offset + ColdHeadParts.recordLength(buffer, offset));
  }

  /** The slot's capture time as kept (milliseconds, or NaN: then it is in the record). */
  capturedMs(slot: number): number {
    this.locate(slot);
    return this.captured[slot]!;
  }

  /** The length of the record at `offset` of `buffer`, from its flags and lengths (a RangeError past the end). */
  static recordLength(buffer: Buffer, offset: number): number {
    const flags = buffer[offset];
    if (flags === undefined) throw new RangeError('no record here');
    let at = offset + 1 + (flags & SHA_BYTES ? 32 : 0) + (flags & HASH_BYTES ? 32 : 0);
    at += 4 + buffer.readUInt32LE(at);
    if (flags & EXTRA) at += 4 + buffer.readUInt32LE(at);
    if (at > buffer.length) throw new RangeError('record cut short');
    return at - offset;
  }

  sha256(slot: number): string {
    const { buffer, offset } = this.locate(slot);
    return buffer[offset]! & SHA_BYTES ? buffer.toString('hex', offset + 1, offset + 33) : (this.extra(slot)[2] as string);
  }

  contentHash(slot: number): string {
    const { buffer, offset } = this.locate(slot);
    const flags = buffer[offset]!;
    if (!(flags & HASH_BYTES)) return this.extra(slot)[3] as string;
    const at = offset + 1 + (flags & SHA_BYTES ? 32 : 0);
    return buffer.toString('hex', at, at + 32);
  }

  fileName(slot: number): string {
    const { buffer, at } = this.afterHashes(slot);
    return buffer.toString('utf8', at + 4, at + 4 + buffer.readUInt32LE(at));
  }

  warnings(slot: number): string[] {
    const warnings = this.extra(slot)[0];
    return Array.isArray(warnings) ? (warnings as string[]) : NO_WARNINGS;
  }

  capturedAt(slot: number): string | undefined {
    const ms = slot >= 0 && slot < this.count ? this.captured[slot]! : NaN;
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    const at = this.extra(slot)[1];
    return typeof at === 'string' ? at : undefined;
  }

  /** Bytes held (for the memory benchmark). */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0) + this.starts.byteLength + this.captured.byteLength;
  }

  private afterHashes(slot: number): { buffer: Buffer; flags: number; at: number } {
    const { buffer, offset } = this.locate(slot);
    const flags = buffer[offset]!;
    return { buffer, flags, at: offset + 1 + (flags & SHA_BYTES ? 32 : 0) + (flags & HASH_BYTES ? 32 : 0) };
  }

  /** The record's JSON part; all zeros (nothing beyond the common case) when it has none. */
  private extra(slot: number): unknown[] {
    const { buffer, flags, at } = this.afterHashes(slot);
    if (!(flags & EXTRA)) return [0, 0, 0, 0];
    const from = at + 4 + buffer.readUInt32LE(at);
    return JSON.parse(buffer.toString('utf8', from + 4, from + 4 + buffer.readUInt32LE(from))) as unknown[];
  }

  private locate(slot: number): { buffer: Buffer; offset: number } {
    if (!(slot >= 0 && slot < this.count)) throw new RangeError(`no head parts in slot ${slot}`);
    const start = this.starts[slot]!;
    const index = Math.floor(start / CHUNK);
    return { buffer: this.chunks[index]!, offset: start - index * CHUNK };
  }

  /** Room for a record of at most `size` bytes (the caller moves `used` to where it ended). */
  private reserve(size: number): { buffer: Buffer; offset: number; start: number } {
    if (size > CHUNK) {
      // A record larger than a chunk (a very long file name, thousands of warnings) gets a buffer of its own.
      const buffer = Buffer.allocUnsafe(size);
      this.chunks.push(buffer);
      this.chunk = null;
      return { buffer, offset: 0, start: (this.chunks.length - 1) * CHUNK };
    }
    if (!this.chunk || this.used + size > CHUNK) {
      this.chunk = Buffer.allocUnsafe(CHUNK);
      this.chunks.push(this.chunk);
      this.used = 0;
    }
    return { buffer: this.chunk, offset: this.used, start: (this.chunks.length - 1) * CHUNK + this.used };
  }
}

/** Writes `text` as UTF-8 behind its 4-byte length at `at`; returns where it ends. */
function writeText(buffer: Buffer, at: number, text: string): number {
  const length = buffer.write(text, at + 4, 'utf8');
  buffer.writeUInt32LE(length, at);
  return at + 4 + length;
}

/**
 * A head as the store keeps it: the list's parts as properties, the rest read from
 * `ColdHeadParts` when asked for. Serialises (`toJSON`, `plainHead`) as the plain head it
 * was made from; spread it with `plainHead`, never `{...head}` (the read-on-demand parts
 * are getters on the prototype).
 */
export class StoredHead implements StoryHead {
  readonly id: string;
  readonly kind: StoryKind;
  readonly headline: string;
  readonly dateline: Dateline;
  readonly section: string | null;
  readonly ageLabel: string | null;
  readonly pageId: string | null;
  readonly importedAt: string;
  readonly wire: WireVersionFacts | undefined;
  // Private fields: no own enumerable properties beyond a plain head's list parts.
  readonly #parts: ColdHeadParts;
  readonly #slot: number;
  /**
   * The content segment that holds the story this head is shown for ('' until the store
   * shows it): kept on the head, not in a Map by story id beside the Map of heads (at
   * 67,000 stories the Map's table was 3.7 MB of the main heap, and an insert per story at
   * every opening).
   */
  #segment = '';

  constructor(head: Omit<StoryHead, keyof ColdParts>, parts: ColdHeadParts, slot: number) {
    this.id = head.id;
    this.kind = head.kind;
    this.headline = head.headline;
    this.dateline = head.dateline;
    this.section = head.section;
    this.ageLabel = head.ageLabel;
    this.pageId = head.pageId;
    this.importedAt = head.importedAt;
    this.wire = head.wire;
    this.#parts = parts;
    this.#slot = slot;
  }

  /** Keeps `head` (as read from a segment or just imported) with its cold parts written to `parts`. */
  static of(head: StoryHead, parts: ColdHeadParts): StoredHead {
    if (head instanceof StoredHead) return head;
    const slot = parts.add({ fileName: head.fileName, sha256: head.sha256, contentHash: head.contentHash, warnings: head.warnings, capturedAt: head.capturedAt });
    return new StoredHead(head, parts, slot);
  }

  /**
   * The same record with some list parts changed: a wire story shows its current version's
   * record under its own id; a story with merged page text shows the last version's.
   */
  with(changes: Partial<Pick<StoryHead, 'id' | 'kind' | 'pageId'>>): StoredHead {
    return new StoredHead({ ...this.hot(), ...changes }, this.#parts, this.#slot);
  }

  get segment(): string {
    return this.#segment;
  }

  /** Notes the segment that holds the story this head is shown for (LibraryStore only). */
  placeIn(segment: string): void {
    this.#segment = segment;
  }

  get fileName(): string {
    return this.#parts.fileName(this.#slot);
  }

  get sha256(): string {
    return this.#parts.sha256(this.#slot);
  }

  get contentHash(): string {
    return this.#parts.contentHash(this.#slot);
  }

  get warnings(): string[] {
    return this.#parts.warnings(this.#slot);
  }

  get capturedAt(): string | undefined {
    return this.#parts.capturedAt(this.#slot);
  }

  toJSON(): StoryHead {
    return plainHead(this);
  }

  private hot(): Omit<StoryHead, keyof ColdParts> {
    const { id, kind, headline, dateline, section, ageLabel, pageId, importedAt, wire } = this;
    return wire ? { id, kind, headline, dateline, section, ageLabel, pageId, importedAt, wire } : { id, kind, headline, dateline, section, ageLabel, pageId, importedAt };
  }
}

/** A head as a plain object with every part, in the order a segment file holds them. */
export function plainHead(head: StoryHead): StoryHead {
  const plain: StoryHead = {
    id: head.id,
    kind: head.kind,
    headline: head.headline,
    dateline: head.dateline,
    section: head.section,
    ageLabel: head.ageLabel,
    pageId: head.pageId,
    fileName: head.fileName,
    sha256: head.sha256,
    importedAt: head.importedAt,
    contentHash: head.contentHash,
    warnings: head.warnings,
  };
  if (head.wire) plain.wire = head.wire;
  const capturedAt = head.capturedAt;
  if (capturedAt !== undefined) plain.capturedAt = capturedAt;
  return plain;
}

/**
 * Story ids by a SHA-256 (`findByContentHash`, `findBySourceSha`) without keeping the
 * hashes as strings: keyed by the hash's first 28 bits (a small integer), each candidate
 * checked against its head's full hash. Hashes in another form are kept as they are.
 * As a Map would: setting a hash again points it at the new id.
 */
export class HashIndex {
  private readonly byPrefix = new Map<number, string | string[]>();
  private readonly other = new Map<string, string>();

  constructor(private readonly hashOf: (id: string) => string | undefined) {}

  set(hash: string, id: string): void {
    if (!isLowerHex64(hash)) {
      this.other.set(hash, id);
      return;
    }
    const key = prefixOf(hash);
    const known = this.byPrefix.get(key);
    if (known === undefined) {
      this.byPrefix.set(key, id);
      return;
    }
    const ids = typeof known === 'string' ? [known] : known;
    const at = ids.findIndex((candidate) => candidate === id || this.hashOf(candidate) === hash);
    if (at >= 0) ids[at] = id;
    else ids.push(id);
    this.byPrefix.set(key, ids.length === 1 ? ids[0]! : ids);
  }

  get(hash: string): string | undefined {
    if (!isLowerHex64(hash)) return this.other.get(hash);
    const known = this.byPrefix.get(prefixOf(hash));
    if (known === undefined) return undefined;
    if (typeof known === 'string') return this.hashOf(known) === hash ? known : undefined;
    return known.find((candidate) => this.hashOf(candidate) === hash);
  }
}

/** The first 28 bits of a lowercase hex hash, as a small integer. */
function prefixOf(hash: string): number {
  let value = 0;
  for (let i = 0; i < 7; i++) {
    const c = hash.charCodeAt(i);
    value = value * 16 + (c <= 57 ? c - 48 : c - 87);
  }
  return value;
}
