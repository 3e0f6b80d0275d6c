import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Dateline, StoryKind } from '../../../shared/types';
import { asciiJson, jsonEncodingOf } from './ascii-json';
import { isTempFileName, tempPathFor } from './durable-file';
import type { StoryHead, WireVersionFacts } from './meta';
import { entrySpans, type EntrySpans } from './segment-entries';
import { BODIES_FILE_MAX_BYTES, readHeadsFile, readSegmentBytes } from './segment-shape';
import type { SharedHeadParts } from './shared-head-parts';
import { ColdHeadParts } from './stored-heads';
import { nextTurn } from '../slices';

// Every opening reads every story head, and parsing the heads files (JSON with the file
// name, both SHA-256s and the warnings of every story, and each agency version's facts
// written out in full) was most of an opening's time. A heads file never changes once
// written, so what its parse gives is cached in `cache/heads/<segment>.bin` in the form the
// store keeps: the list's parts in columns (repeated values once per file as JSON, a head's
// own strings in one text, numbers in one column: ColumnWriter), the other parts as the
// off-heap records ColdHeadParts keeps, copied as they are. A cache file is used only for
// the very file it was made from (its size, modification time and inode) and only when its
// checksum holds; anything else and the heads file is read as before. Cache files are made from the heads file (read again),
// never from memory, in the background after an opening and after a write.
//
// A cache file also keeps where each story's body is in the segment's bodies file (stamped
// with that file's size, time and inode like the heads), so that the snippets of a page of
// rows read just those bodies with one positional read each, not each row's bodies file
// whole the first time (~2.4 MB a file, 118 ms for a page at 50,000 stories).

/** The folder under the library's cache folder. */
export const HEADS_CACHE_DIR = 'heads';
const MAGIC = 0x3143484b; // 'KHC1'
/**
 * Format 2 added the bodies' places, format 3 put the heads' own strings and numbers in columns
 * instead of JSON; a file of another format is not used (its segment's heads file is read, and
 * the cache made again).
 */
const FORMAT = 3;

/** What tells one version of a heads file from another without reading it (the store never rewrites one in place). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Where the bodies of a segment's heads are in its bodies file (as made from that file, stamped
 * `stamp`): the k-th head's body is bytes `[spans[2k], spans[2k + 1])`; `[0, 0)` when the file
 * has no entry for it.
 */
export interface BodySpans {
  stamp: FileStamp;
  spans: Uint32Array;
}

/** What a cache file gives: the heads, and where their bodies are when that was known when it was made. */
export interface DecodedHeads {
  heads: CachedHead[];
  bodies: BodySpans | null;
}

/** A head's list parts as the cache gives them, and where its other parts went. */
export interface CachedHead {
  head: Omit<StoryHead, 'fileName' | 'sha256' | 'contentHash' | 'warnings' | 'capturedAt'>;
  /** Its slot in the ColdHeadParts the heads were read into. */
  slot: number;
}

/** An agency version's facts in the order the importer writes them: kept as a row when a version has exactly these, of these types. */
const WIRE_KEYS = ['storyId', 'guid', 'version', 'format', 'firstCreated', 'versionCreated', 'date', 'status', 'signals', 'embargoedUntil', 'edNote', 'subheadline', 'slugline', 'byline', 'language', 'rights', 'infoSources', 'words'] as const;
/** A version's facts that repeat from version to version (those the store shares, SHARED_WIRE_FACTS): places in the file's table, in this order. */
const WIRE_TABLED = ['format', 'date', 'status', 'signals', 'byline', 'language', 'rights', 'infoSources'] as const;
/** A version's facts that are its own strings (or null): kept in the file's text columns, in this order. */
const WIRE_TEXTS = ['storyId', 'guid', 'firstCreated', 'versionCreated', 'embargoedUntil', 'edNote', 'subheadline', 'slugline'] as const;
/** A head's way of holding a version's facts: none, as a row, or as they are (in the JSON part, in order). */
const NO_WIRE = 0;
const WIRE_ROW = 1;
const WIRE_OTHER = 2;
/** A text column's entry for null (others are a string's length times two, plus one when it is in the wide text). */
const NULL_TEXT = -1;
/** Heads encoded between two pauses of a cache file's making (~1 ms). */
const ENCODE_SLICE = 250;
/** Numbers go into the file as they are in memory: on a big-endian machine no cache file is made or read (the heads files are). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The file stamp of the heads file, or null when it is not a regular file. */
async function stampOf(file: string): Promise<FileStamp | null> {
  const stat = await fs.lstat(file).catch(() => null);
  return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } : null;
}

/** Whether `a` names the same version of a file (a heads or bodies file) as `b`. */
export function sameStamp(a: Partial<Record<keyof FileStamp, unknown>>, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

const isInt32 = (value: unknown): value is number => typeof value === 'number' && (value | 0) === value && !Object.is(value, -0);
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** Whether a version's facts can be a row: exactly WIRE_KEYS, in that order, its own values of the types a row holds. */
function isWireRow(facts: Record<string, unknown>): boolean {
  const keys = Object.keys(facts);
  if (keys.length !== WIRE_KEYS.length || keys.some((key, i) => key !== WIRE_KEYS[i])) return false;
  return typeof facts.storyId === 'string' && typeof facts.guid === 'string' && isInt32(facts.version) && isInt32(facts.words) && WIRE_TEXTS.every((key) => isTextOrNull(facts[key]));
}

/**
 * The columns a cache file's heads are written into: numbers (table places, versions,
 * counts) as one column of 32-bit integers, and every string of a head's own (its id and
 * headline, a version's ids, times and lines) in one of two texts, one byte a character
 * where it can be (`narrow`) and two where it cannot (`wide`), with a column of their
 * lengths. Read back, a head's strings are slices of one string per text: no JSON to parse
 * (~100–150 ms of an opening at 67,000 stories) and few small strings to allocate.
 */
class ColumnWriter {
  readonly numbers: number[] = [];
  readonly lengths: number[] = [];
  private readonly narrow: string[] = [];
  private readonly wide: string[] = [];

  number(value: number): void {
    this.numbers.push(value);
  }

  text(value: string | null): void {
    if (value === null) {
      this.lengths.push(NULL_TEXT);
    } else if (isNarrow(value)) {
      this.narrow.push(value);
      this.lengths.push(value.length * 2);
    } else {
      this.wide.push(value);
      this.lengths.push(value.length * 2 + 1);
    }
  }

  /** The sections: numbers, lengths, narrow text (latin1), wide text (UTF-16LE). */
  sections(): Buffer[] {
    return [int32s(this.numbers), int32s(this.lengths), Buffer.from(this.narrow.join(''), 'latin1'), Buffer.from(this.wide.join(''), 'utf16le')];
  }
}

/** True when every character of `text` is one byte in latin1. */
function isNarrow(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function int32s(values: number[]): Buffer {
  return Buffer.from(Int32Array.from(values).buffer);
}

/** The columns as written by ColumnWriter, read in the same order; any read past their end, or a wrong entry, throws. */
class ColumnReader {
  private number = 0;
  private length = 0;
  private narrowAt = 0;
  private wideAt = 0;

  constructor(
    private readonly numbers: Int32Array,
    private readonly lengths: Int32Array,
    private readonly narrow: string,
    private readonly wide: string,
  ) {}

  nextNumber(): number {
    if (this.number >= this.numbers.length) throw new RangeError('numbers cut short');
    return this.numbers[this.number++]!;
  }

  nextText(): string | null {
    if (this.length >= this.lengths.length) throw new RangeError('texts cut short');
    const code = this.lengths[this.length++]!;
    if (code === NULL_TEXT) return null;
    if (code < 0) throw new RangeError('not a length');
    const size = code >>> 1;
    if (code & 1) {
      const from = this.wideAt;
      if ((this.wideAt += size) > this.wide.length) throw new RangeError('wide text cut short');
      return this.wide.slice(from, this.wideAt);
    }
    const from = this.narrowAt;
    if ((this.narrowAt += size) > this.narrow.length) throw new RangeError('narrow text cut short');
    return this.narrow.slice(from, this.narrowAt);
  }

  string(): string {
    const text = this.nextText();
    if (text === null) throw new TypeError('not a string');
    return text;
  }

  /** True when every column was read to its end. */
  get done(): boolean {
    return this.number === this.numbers.length && this.length === this.lengths.length && this.narrowAt === this.narrow.length && this.wideAt === this.wide.length;
  }
}

/**
 * The cache file's bytes for the heads `heads` of a heads file stamped `stamp`, with where
 * their bodies are in the segment's bodies file when `bodies` says (entrySpans of the file
 * stamped `bodies.stamp`); `pause` is awaited after every ENCODE_SLICE heads (the store makes
 * cache files while the app is in use).
 */
export async function encodeHeadsCache(heads: StoryHead[], stamp: FileStamp, pause: () => Promise<void> = async () => {}, bodies: { stamp: FileStamp; spans: EntrySpans } | null = null): Promise<Buffer> {
  if (!LITTLE_ENDIAN) throw new Error('heads cache files are made on little-endian machines only');
  const parts = new ColdHeadParts();
  const table: unknown[] = [];
  const known = new Map<string, number>();
  const ref = (value: unknown): number => {
    const key = typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
    let at = known.get(key);
    if (at === undefined) {
      at = table.push(value) - 1;
      known.set(key, at);
    }
    return at;
  };
  const columns = new ColumnWriter();
  const others: unknown[] = [];
  const cold: Buffer[] = [];
  const captured = Buffer.allocUnsafe(heads.length * 8);
  const spans = Buffer.alloc(bodies ? heads.length * 8 : 0);
  for (let k = 0; k < heads.length; k++) {
    if (k > 0 && k % ENCODE_SLICE === 0) await pause();
    const head = heads[k]!;
    const slot = parts.add({ fileName: head.fileName, sha256: head.sha256, contentHash: head.contentHash, warnings: head.warnings, capturedAt: head.capturedAt });
    cold.push(parts.recordBytes(slot));
    captured.writeDoubleLE(parts.capturedMs(slot), k * 8);
    columns.text(head.id);
    columns.text(head.headline);
    for (const value of [head.kind, { place: head.dateline.place, agencies: head.dateline.agencies }, head.section, head.ageLabel, head.pageId, head.importedAt]) columns.number(ref(value));
    const wire = head.wire as unknown as Record<string, unknown> | undefined;
    if (wire === undefined) {
      columns.number(NO_WIRE);
    } else if (!isWireRow(wire)) {
      columns.number(WIRE_OTHER);
      others.push(wire);
    } else {
      columns.number(WIRE_ROW);
      const same = wire.versionCreated === wire.firstCreated;
      columns.number(same ? 1 : 0);
      columns.number(wire.version as number);
      columns.number(wire.words as number);
      for (const key of WIRE_TABLED) columns.number(ref(wire[key]));
      for (const key of WIRE_TEXTS) if (!(same && key === 'versionCreated')) columns.text(wire[key] as string | null);
    }
    const span = bodies?.spans.get(head.id);
    if (span) {
      spans.writeUInt32LE(span[0], k * 8);
      spans.writeUInt32LE(span[1], k * 8 + 4);
    }
  }
  await pause();
  const bodiesStamp = bodies && { size: bodies.stamp.size, mtimeMs: bodies.stamp.mtimeMs, ino: bodies.stamp.ino };
  const header = Buffer.from(JSON.stringify({ format: FORMAT, size: stamp.size, mtimeMs: stamp.mtimeMs, ino: stamp.ino, count: heads.length, bodies: bodiesStamp }), 'latin1');
  const values = Buffer.from(asciiJson([table, others]), 'latin1');
  const sections = [header, values, ...columns.sections(), Buffer.concat(cold), spans];
  const body = Buffer.concat([u32(MAGIC), ...sections.flatMap((section) => [u32(section.length), section]), captured]);
  return Buffer.concat([body, u32(crc32(body))]);
}

/** A copy of `length` bytes of `bytes` from `from` as 32-bit integers (the file's sections are not aligned). */
function int32sAt(bytes: Buffer, from: number, length: number): Int32Array {
  if (length % 4 !== 0) throw new RangeError('not whole numbers');
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + from + length));
}

/**
 * The heads a cache file holds, their other parts added to `parts`, and where their bodies
 * are (BodySpans; null when that was not known); null when the file is
 * not a cache of the heads file stamped `stamp` (another version of it, another format,
 * damaged, cut short). Nothing is added to `parts` then. With `shared`, the heads' values come
 * out as the library's copies (what SharedHeadParts.head does to a head read from a heads
 * file): a value the file's table holds once is shared once, not once per head (at 67,000
 * stories, sharing head by head took ~115 ms of an opening).
 */
export function decodeHeadsCache(bytes: Buffer, stamp: FileStamp, parts: ColdHeadParts, shared?: SharedHeadParts): DecodedHeads | null {
  try {
    if (!LITTLE_ENDIAN || bytes.length < 20 || bytes.readUInt32LE(0) !== MAGIC) return null;
    const end = bytes.length - 4;
    if (crc32(bytes.subarray(0, end)) !== bytes.readUInt32LE(end)) return null;
    let at = 4;
    const section = () => {
      const length = bytes.readUInt32LE(at);
      const from = at + 4;
      at = from + length;
      if (at > end) throw new RangeError('cut short');
      return { from, to: at };
    };
    const headerAt = section();
    const header = JSON.parse(bytes.toString('latin1', headerAt.from, headerAt.to)) as Record<string, unknown>;
    if (header.format !== FORMAT || !sameStamp(header, stamp)) return null;
    const count = header.count as number;
    const valuesAt = section();
    const [table, others] = JSON.parse(bytes.toString(jsonEncodingOf(bytes.subarray(valuesAt.from), valuesAt.to - valuesAt.from), valuesAt.from, valuesAt.to)) as [unknown[], unknown[]];
    const numbersAt = section();
    const lengthsAt = section();
    const narrowAt = section();
    const wideAt = section();
    const columns = new ColumnReader(
      int32sAt(bytes, numbersAt.from, numbersAt.to - numbersAt.from),
      int32sAt(bytes, lengthsAt.from, lengthsAt.to - lengthsAt.from),
      bytes.toString('latin1', narrowAt.from, narrowAt.to),
      bytes.toString('utf16le', wideAt.from, wideAt.to),
    );
    const coldAt = section();
    const spansAt = section();
    const bodiesStamp = header.bodies as FileStamp | null;
    if (spansAt.to - spansAt.from !== (bodiesStamp ? count * 8 : 0)) return null;
    if (!Array.isArray(table) || !Array.isArray(others) || at + count * 8 !== end) return null;
    // Every record's length first: nothing is added to `parts` unless all are whole.
    const ends: number[] = [];
    for (let from = coldAt.from; ends.length < count; ) {
      from += ColdHeadParts.recordLength(bytes, from);
      if (from > coldAt.to) return null;
      ends.push(from);
    }
    if (ends.at(-1) !== coldAt.to && count > 0) return null;
    const values = new TableValues(table, others, shared);
    const rowsRead: Array<CachedHead['head']> = [];
    for (let k = 0; k < count; k++) rowsRead.push(readHead(columns, values));
    if (!columns.done || !values.allOthersRead) return null;
    // Only now, with every head read, are the records added.
    const first = parts.addRecords(bytes, coldAt.from, ends, (k) => bytes.readDoubleLE(at + k * 8));
    const heads = rowsRead.map((head, k): CachedHead => ({ head, slot: first + k }));
    if (!bodiesStamp) return { heads, bodies: null };
    // Copied out (the file's bytes are not kept): two numbers a story.
    const spans = new Uint32Array(count * 2);
    for (let k = 0; k < count * 2; k++) spans[k] = bytes.readUInt32LE(spansAt.from + k * 4);
    return { heads, bodies: { stamp: { size: bodiesStamp.size, mtimeMs: bodiesStamp.mtimeMs, ino: bodiesStamp.ino }, spans } };
  } catch {
    return null;
  }
}

/** The table's values as a head holds them: each shared with the library once, when first asked for. */
class TableValues {
  private readonly strings: Array<string | null | undefined>;
  private readonly datelines: Array<Dateline | undefined>;
  private readonly facts: unknown[];
  private othersRead = 0;

  constructor(
    private readonly table: unknown[],
    private readonly others: unknown[],
    private readonly shared: SharedHeadParts | undefined,
  ) {
    this.strings = new Array<string | null | undefined>(table.length);
    this.datelines = new Array<Dateline | undefined>(table.length);
    this.facts = new Array<unknown>(table.length);
  }

  private checked(at: number): number {
    if (!(at >= 0 && at < this.table.length)) throw new RangeError('not in the table');
    return at;
  }

  string(at: number): string | null {
    let value = this.strings[this.checked(at)];
    if (value === undefined) value = this.strings[at] = this.shared ? this.shared.string(this.table[at] as string | null) : (this.table[at] as string | null);
    return value;
  }

  dateline(at: number): Dateline {
    let value = this.datelines[this.checked(at)];
    if (value === undefined) value = this.datelines[at] = this.shared ? this.shared.dateline(this.table[at] as Dateline) : (this.table[at] as Dateline);
    return value;
  }

  /** A repeating fact of a version (a value of the table holds one kind of fact: a string, a list, the rights). */
  wireFact(key: string, at: number): unknown {
    let value = this.facts[this.checked(at)];
    if (value === undefined) value = this.facts[at] = this.shared ? this.shared.wireFact(key, this.table[at]) : this.table[at];
    return value;
  }

  /** The next version's facts not kept as a row (not in the usual form), shared in place. */
  nextOther(): WireVersionFacts {
    if (this.othersRead >= this.others.length) throw new RangeError('versions cut short');
    const facts = this.others[this.othersRead++] as WireVersionFacts;
    this.shared?.wire(facts);
    return facts;
  }

  get allOthersRead(): boolean {
    return this.othersRead === this.others.length;
  }
}

/** One head of the file, from its columns. */
function readHead(columns: ColumnReader, values: TableValues): CachedHead['head'] {
  const id = columns.string();
  const headline = columns.string();
  const head: CachedHead['head'] = {
    id,
    kind: values.string(columns.nextNumber()) as StoryKind,
    headline,
    // One object per dateline of the library (the file holds one per dateline of its own).
    dateline: values.dateline(columns.nextNumber()),
    section: values.string(columns.nextNumber()),
    ageLabel: values.string(columns.nextNumber()),
    pageId: values.string(columns.nextNumber()),
    importedAt: values.string(columns.nextNumber()) as string,
  };
  const wire = columns.nextNumber();
  if (wire === WIRE_ROW) head.wire = wireOf(columns, values);
  else if (wire === WIRE_OTHER) head.wire = values.nextOther();
  else if (wire !== NO_WIRE) throw new RangeError('not a way of holding a version');
  return head;
}

/** A version's facts from its row (the tabled ones in WIRE_TABLED's order): the keys in the order the importer writes them (the order a cache file made again checks). */
function wireOf(columns: ColumnReader, values: TableValues): WireVersionFacts {
  const same = columns.nextNumber() === 1;
  const version = columns.nextNumber();
  const words = columns.nextNumber();
  const format = values.wireFact('format', columns.nextNumber()) as string;
  const date = values.wireFact('date', columns.nextNumber()) as WireVersionFacts['date'];
  const status = values.wireFact('status', columns.nextNumber()) as WireVersionFacts['status'];
  const signals = values.wireFact('signals', columns.nextNumber()) as WireVersionFacts['signals'];
  const byline = values.wireFact('byline', columns.nextNumber()) as WireVersionFacts['byline'];
  const language = values.wireFact('language', columns.nextNumber()) as WireVersionFacts['language'];
  const rights = values.wireFact('rights', columns.nextNumber()) as WireVersionFacts['rights'];
  const infoSources = values.wireFact('infoSources', columns.nextNumber()) as WireVersionFacts['infoSources'];
  const storyId = columns.string();
  const guid = columns.string();
  const firstCreated = columns.nextText();
  const versionCreated = same ? firstCreated : columns.nextText();
  const embargoedUntil = columns.nextText();
  const edNote = columns.nextText();
  const subheadline = columns.nextText();
  const slugline = columns.nextText();
  return { storyId, guid, version, format, firstCreated, versionCreated, date, status, signals, embargoedUntil, edNote, subheadline, slugline, byline, language, rights, infoSources, words };
}

function u32(value: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes;
}

/**
 * The heads cache of one library folder: reads a segment's cache file at an opening, and
 * makes and removes cache files (not in a read-only library).
 */
export class HeadsCache {
  private readonly dir: string;

  constructor(
    cacheDir: string,
    private readonly contentDir: string,
  ) {
    this.dir = path.join(cacheDir, HEADS_CACHE_DIR);
  }

  private headsFile(segment: string): string {
    return path.join(this.contentDir, `${segment}.heads.json`);
  }

  private bodiesFile(segment: string): string {
    return path.join(this.contentDir, `${segment}.bodies.json`);
  }

  private cacheFile(segment: string): string {
    return path.join(this.dir, `${segment}.bin`);
  }

  /** The segment's cache file and its heads file's stamp, as read now (decode with `decodeHeadsCache`); null when either is not there. */
  async fetch(segment: string): Promise<{ bytes: Buffer; stamp: FileStamp } | null> {
    const stamp = await stampOf(this.headsFile(segment));
    if (!stamp) return null;
    const bytes = await fs.readFile(this.cacheFile(segment)).catch(() => null);
    return bytes && { bytes, stamp };
  }

  /**
   * Makes the segment's cache file from its heads file as it is now. False when the heads
   * file cannot be read or holds any entry that is not a head (it is then read at every
   * opening, so that its damage is reported every time).
   */
  async write(segment: string): Promise<boolean> {
    const file = this.headsFile(segment);
    const stamp = await stampOf(file);
    if (!stamp) return false;
    const read = await readHeadsFile(file).catch(() => null);
    if (!read || read.invalid > 0) return false;
    // In turns of about a millisecond each (the parse above is the longest, ~3 ms for 1,000 heads).
    await nextTurn();
    // The file changed while it was read (it never should): no cache rather than a wrong one.
    const after = await stampOf(file);
    if (!after || !sameStamp(after, stamp)) return false;
    const bodies = await this.bodySpans(segment);
    await nextTurn();
    const bytes = await encodeHeadsCache(read.heads, stamp, nextTurn, bodies);
    await fs.mkdir(this.dir, { recursive: true });
    // Not written durably: a cache file cut short by a crash fails its checksum and is made again.
    const temp = tempPathFor(this.cacheFile(segment));
    try {
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, this.cacheFile(segment));
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return true;
  }

  /**
   * Where the entries of the segment's bodies file are, as it is now; null when it cannot be
   * read or is not as the store writes it (its bodies are then found by reading it whole).
   */
  private async bodySpans(segment: string): Promise<{ stamp: FileStamp; spans: EntrySpans } | null> {
    const file = this.bodiesFile(segment);
    const stamp = await stampOf(file);
    if (!stamp) return null;
    const read = await readSegmentBytes(file, BODIES_FILE_MAX_BYTES).catch(() => null);
    if (!read || read.length !== stamp.size) return null;
    const spans = entrySpans(read.bytes, read.length);
    const after = await stampOf(file);
    return spans && after && sameStamp(after, stamp) ? { stamp, spans } : null;
  }

  /** Removes the cache files of segments the library no longer lists (compacted or lost), and temporary files left by a crash. */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const stale = isTempFileName(name) || !name.endsWith('.bin') || !keep.has(name.slice(0, -'.bin'.length));
      if (stale) await fs.rm(path.join(this.dir, name), { force: true, recursive: false }).catch(() => {});
    }
  }
}
