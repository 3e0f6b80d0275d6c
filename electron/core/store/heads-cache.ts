import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Dateline, StoryKind } from '../../../shared/types';
import { asciiJson, jsonEncodingOf } from './ascii-json';
import { isTempFileName, tempPathFor } from './durable-file';
import type { StoryHead, WireVersionFacts } from './meta';
import { entrySpans, type EntrySpans } from './segment-entries';
import { BODIES_FILE_MAX_BYTES, readHeadsFile, readSegmentBytes } from './segment-shape';
import { SHARED_WIRE_FACTS, type SharedHeadParts } from './shared-head-parts';
import { ColdHeadParts } from './stored-heads';
import { nextTurn } from '../slices';

// Every opening reads every story head, and parsing the heads files (JSON with the file
// name, both SHA-256s and the warnings of every story, and each agency version's facts
// written out in full) was most of an opening's time. A heads file never changes once
// written, so what its parse gives is cached in `cache/heads/<segment>.bin` in the form the
// store keeps: the list's parts as compact JSON (repeated values once per file, an agency
// version's facts as a row), the other parts as the off-heap records ColdHeadParts keeps,
// copied as they are. A cache file is used only for the very file it was made from (its
// size, modification time and inode) and only when its checksum holds; anything else and
// the heads file is read as before. Cache files are made from the heads file (read again),
// never from memory, in the background after an opening and after a write.
//
// A cache file also keeps where each story's body is in the segment's bodies file (stamped
// with that file's size, time and inode like the heads), so that the snippets of a page of
// rows read just those bodies with one positional read each, not each row's bodies file
// whole the first time (~2.4 MB a file, 118 ms for a page at 50,000 stories).

/** The folder under the library's cache folder. */
export const HEADS_CACHE_DIR = 'heads';
const MAGIC = 0x3143484b; // 'KHC1'
/** Format 2 added the bodies' places; a format-1 file is not used (its segment's heads file is read, and the cache made again). */
const FORMAT = 2;

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

/** An agency version's facts in the order the importer writes them: kept as a row when a version has exactly these. */
const WIRE_KEYS = ['storyId', 'guid', 'version', 'format', 'firstCreated', 'versionCreated', 'date', 'status', 'signals', 'embargoedUntil', 'edNote', 'subheadline', 'slugline', 'byline', 'language', 'rights', 'infoSources', 'words'] as const;
/** Facts that repeat from version to version (those the store shares): kept once in the file's table of values, the row holding their place in it. */
const WIRE_SHARED = new Set<string>(SHARED_WIRE_FACTS);
/** In a row, `versionCreated` when it is the same as `firstCreated` (never a value of its own: those are strings or null). */
const SAME_AS_FIRST = -1;
/** Heads encoded between two pauses of a cache file's making (~1 ms). */
const ENCODE_SLICE = 250;

/** The file stamp of the heads file, or null when it is not a regular file. */
async function stampOf(file: string): Promise<FileStamp | null> {
  const stat = await fs.lstat(file).catch(() => null);
  return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } : null;
}

/** Whether `a` names the same version of a file (a heads or bodies file) as `b`. */
export function sameStamp(a: Partial<Record<keyof FileStamp, unknown>>, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * The cache file's bytes for the heads `heads` of a heads file stamped `stamp`, with where
 * their bodies are in the segment's bodies file when `bodies` says (entrySpans of the file
 * stamped `bodies.stamp`); `pause` is awaited after every ENCODE_SLICE heads (the store makes
 * cache files while the app is in use).
 */
export async function encodeHeadsCache(heads: StoryHead[], stamp: FileStamp, pause: () => Promise<void> = async () => {}, bodies: { stamp: FileStamp; spans: EntrySpans } | null = null): Promise<Buffer> {
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
  const rows: unknown[] = [];
  const cold: Buffer[] = [];
  const captured = Buffer.allocUnsafe(heads.length * 8);
  const spans = Buffer.alloc(bodies ? heads.length * 8 : 0);
  for (let k = 0; k < heads.length; k++) {
    if (k > 0 && k % ENCODE_SLICE === 0) await pause();
    const head = heads[k]!;
    const slot = parts.add({ fileName: head.fileName, sha256: head.sha256, contentHash: head.contentHash, warnings: head.warnings, capturedAt: head.capturedAt });
    cold.push(parts.recordBytes(slot));
    captured.writeDoubleLE(parts.capturedMs(slot), k * 8);
    const dateline = { place: head.dateline.place, agencies: head.dateline.agencies };
    const row: unknown[] = [head.id, head.kind, head.headline, ref(dateline), ref(head.section), ref(head.ageLabel), ref(head.pageId), ref(head.importedAt)];
    if (head.wire !== undefined) row.push(wireRow(head.wire, ref));
    rows.push(row);
    const span = bodies?.spans.get(head.id);
    if (span) {
      spans.writeUInt32LE(span[0], k * 8);
      spans.writeUInt32LE(span[1], k * 8 + 4);
    }
  }
  await pause();
  const bodiesStamp = bodies && { size: bodies.stamp.size, mtimeMs: bodies.stamp.mtimeMs, ino: bodies.stamp.ino };
  const header = Buffer.from(JSON.stringify({ format: FORMAT, size: stamp.size, mtimeMs: stamp.mtimeMs, ino: stamp.ino, count: heads.length, bodies: bodiesStamp }), 'latin1');
  const hot = Buffer.from(asciiJson([table, rows]), 'latin1');
  const coldBytes = Buffer.concat(cold);
  const body = Buffer.concat([u32(MAGIC), u32(header.length), header, u32(hot.length), hot, u32(coldBytes.length), coldBytes, u32(spans.length), spans, captured]);
  return Buffer.concat([body, u32(crc32(body))]);
}

/** A version's facts as a row (values that repeat as their place in the table), or as they are when they are not in the usual form. */
function wireRow(wire: WireVersionFacts, ref: (value: unknown) => number): unknown {
  const facts = wire as unknown as Record<string, unknown>;
  const keys = Object.keys(facts);
  if (keys.length !== WIRE_KEYS.length || keys.some((key, i) => key !== WIRE_KEYS[i])) return facts;
  return WIRE_KEYS.map((key) => {
    if (key === 'versionCreated' && facts.versionCreated === facts.firstCreated) return SAME_AS_FIRST;
    return WIRE_SHARED.has(key) ? ref(facts[key]) : facts[key];
  });
}

/** A version's facts from its row, the repeating ones from the table (as `values` gives them); a version in another form as it is. */
function wireOf(row: unknown, values: TableValues): WireVersionFacts {
  if (!Array.isArray(row)) return values.otherWire(row as WireVersionFacts);
  const facts: Record<string, unknown> = {};
  for (let i = 0; i < WIRE_KEYS.length; i++) {
    const key = WIRE_KEYS[i]!;
    const value: unknown = row[i];
    facts[key] = WIRE_SHARED.has(key) ? values.wireFact(key, value as number) : value;
  }
  if (facts.versionCreated === SAME_AS_FIRST) facts.versionCreated = facts.firstCreated;
  return facts as unknown as WireVersionFacts;
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
    if (bytes.length < 20 || bytes.readUInt32LE(0) !== MAGIC) return null;
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
    const hotAt = section();
    const [table, rows] = JSON.parse(bytes.toString(jsonEncodingOf(bytes.subarray(hotAt.from), hotAt.to - hotAt.from), hotAt.from, hotAt.to)) as [unknown[], unknown[][]];
    const coldAt = section();
    const spansAt = section();
    const bodiesStamp = header.bodies as FileStamp | null;
    if (spansAt.to - spansAt.from !== (bodiesStamp ? count * 8 : 0)) return null;
    if (rows.length !== count || at + count * 8 !== end) return null;
    // Every record's length first: nothing is added to `parts` unless all are whole.
    const ends: number[] = [];
    for (let from = coldAt.from; ends.length < count; ) {
      from += ColdHeadParts.recordLength(bytes, from);
      if (from > coldAt.to) return null;
      ends.push(from);
    }
    if (ends.at(-1) !== coldAt.to && count > 0) return null;
    const values = new TableValues(table, shared);
    const rowsRead = rows.map((row) => readRow(row, values));
    // Only now, with every row read, are the records added.
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

  constructor(
    private readonly table: unknown[],
    private readonly shared: SharedHeadParts | undefined,
  ) {
    this.strings = new Array<string | null | undefined>(table.length);
    this.datelines = new Array<Dateline | undefined>(table.length);
    this.facts = new Array<unknown>(table.length);
  }

  string(at: number): string | null {
    let value = this.strings[at];
    if (value === undefined) value = this.strings[at] = this.shared ? this.shared.string(this.table[at] as string | null) : (this.table[at] as string | null);
    return value;
  }

  dateline(at: number): Dateline {
    let value = this.datelines[at];
    if (value === undefined) value = this.datelines[at] = this.shared ? this.shared.dateline(this.table[at] as Dateline) : (this.table[at] as Dateline);
    return value;
  }

  /** A repeating fact of a version (a value of the table holds one kind of fact: a string, a list, the rights). */
  wireFact(key: string, at: number): unknown {
    let value = this.facts[at];
    if (value === undefined) value = this.facts[at] = this.shared ? this.shared.wireFact(key, this.table[at]) : this.table[at];
    return value;
  }

  /** A version's facts not kept as a row (not in the usual form), shared in place. */
  otherWire(facts: WireVersionFacts): WireVersionFacts {
    this.shared?.wire(facts);
    return facts;
  }
}

/** One head of the file from its row. */
function readRow(row: unknown[], values: TableValues): CachedHead['head'] {
  const head: CachedHead['head'] = {
    id: row[0] as string,
    kind: row[1] as StoryKind,
    headline: row[2] as string,
    // One object per dateline of the library (the file holds one per dateline of its own).
    dateline: values.dateline(row[3] as number),
    section: values.string(row[4] as number),
    ageLabel: values.string(row[5] as number),
    pageId: values.string(row[6] as number),
    importedAt: values.string(row[7] as number) as string,
  };
  if (row.length > 8) head.wire = wireOf(row[8], values);
  return head;
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
