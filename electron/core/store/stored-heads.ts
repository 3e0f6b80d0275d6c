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

/** A lowercase hex SHA-256, as the importer writes `sha256` and `contentHash`: kept as 32 bytes. */
const HEX64 = /^[0-9a-f]{64}$/;
/** Bytes per buffer: one allocation per ~5,000 heads. */
const CHUNK = 1 << 20;
const SHA_BYTES = 1;
const HASH_BYTES = 2;

interface ColdParts {
  fileName: string;
  sha256: string;
  contentHash: string;
  warnings: string[];
  capturedAt?: string;
}

const NO_WARNINGS: string[] = Object.freeze([]) as unknown as string[];

/** `2024-03-05T09:12:44.120Z` as milliseconds when it reads back as the very same string, else NaN. */
function instantMs(text: string | undefined): number {
  if (text === undefined || text.length !== 24) return NaN;
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === text ? ms : NaN;
}

function grown(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * An append-only record per head: a flags byte, the raw hashes that are hex SHA-256s,
 * then the rest as UTF-8 JSON (`[fileName, warnings, capturedAt, sha256?, contentHash?]`)
 * behind its 4-byte length. Records are never changed or removed (heads are immutable).
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
    const sha = HEX64.test(parts.sha256);
    const hash = HEX64.test(parts.contentHash);
    const capturedMs = instantMs(parts.capturedAt);
    const rest: unknown[] = [parts.fileName, parts.warnings.length ? parts.warnings : 0, Number.isNaN(capturedMs) ? (parts.capturedAt ?? 0) : 0];
    if (!sha || !hash) rest.push(sha ? 0 : parts.sha256, hash ? 0 : parts.contentHash);
    const json = JSON.stringify(rest);
    const jsonBytes = Buffer.byteLength(json);
    const size = 1 + (sha ? 32 : 0) + (hash ? 32 : 0) + 4 + jsonBytes;
    const { buffer, offset, start } = this.reserve(size);
    let at = offset;
    buffer[at++] = (sha ? SHA_BYTES : 0) | (hash ? HASH_BYTES : 0);
    if (sha) at += buffer.write(parts.sha256, at, 32, 'hex');
    if (hash) at += buffer.write(parts.contentHash, at, 32, 'hex');
    buffer.writeUInt32LE(jsonBytes, at);
    buffer.write(json, at + 4, jsonBytes, 'utf8');
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.captured = grown(this.captured);
    }
    this.starts[this.count] = start;
    this.captured[this.count] = capturedMs;
    return this.count++;
  }

  sha256(slot: number): string {
    const { buffer, offset } = this.locate(slot);
    const flags = buffer[offset]!;
    return flags & SHA_BYTES ? buffer.toString('hex', offset + 1, offset + 33) : (this.rest(slot)[3] as string);
  }

  contentHash(slot: number): string {
    const { buffer, offset } = this.locate(slot);
    const flags = buffer[offset]!;
    if (!(flags & HASH_BYTES)) return this.rest(slot)[4] as string;
    const at = offset + 1 + (flags & SHA_BYTES ? 32 : 0);
    return buffer.toString('hex', at, at + 32);
  }

  fileName(slot: number): string {
    return this.rest(slot)[0] as string;
  }

  warnings(slot: number): string[] {
    const warnings = this.rest(slot)[1];
    return Array.isArray(warnings) ? (warnings as string[]) : NO_WARNINGS;
  }

  capturedAt(slot: number): string | undefined {
    const ms = slot >= 0 && slot < this.count ? this.captured[slot]! : NaN;
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    const at = this.rest(slot)[2];
    return typeof at === 'string' ? at : undefined;
  }

  /** Bytes held (for the memory benchmark). */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0) + this.starts.byteLength + this.captured.byteLength;
  }

  private rest(slot: number): unknown[] {
    const { buffer, offset } = this.locate(slot);
    const flags = buffer[offset]!;
    const at = offset + 1 + (flags & SHA_BYTES ? 32 : 0) + (flags & HASH_BYTES ? 32 : 0);
    const length = buffer.readUInt32LE(at);
    return JSON.parse(buffer.toString('utf8', at + 4, at + 4 + length)) as unknown[];
  }

  private locate(slot: number): { buffer: Buffer; offset: number } {
    if (!(slot >= 0 && slot < this.count)) throw new RangeError(`no head parts in slot ${slot}`);
    const start = this.starts[slot]!;
    const index = Math.floor(start / CHUNK);
    return { buffer: this.chunks[index]!, offset: start - index * CHUNK };
  }

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
    const offset = this.used;
    this.used += size;
    return { buffer: this.chunk, offset, start: (this.chunks.length - 1) * CHUNK + offset };
  }
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
    if (!HEX64.test(hash)) {
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
    if (!HEX64.test(hash)) return this.other.get(hash);
    const known = this.byPrefix.get(prefixOf(hash));
    if (known === undefined) return undefined;
    if (typeof known === 'string') return this.hashOf(known) === hash ? known : undefined;
    return known.find((candidate) => this.hashOf(candidate) === hash);
  }
}

const prefixOf = (hash: string) => parseInt(hash.slice(0, 7), 16);
