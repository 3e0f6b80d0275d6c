import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import gazetteerData from '../analysis/gazetteer.nl.json';
import { RelatedIndex } from '../analysis/related';
import { QuoteIndex } from '../analysis/chronology/quote-index';
import { SearchIndex } from '../search/index';
import { openRegularFile, writeFileDurablyWith } from '../store/durable-file';
import { followCompactions, readJournal } from '../store/compaction';
import { CACHE_DIR } from '../store/layout';
import type { IndexedMeta, MetaDoc, StoryEdit } from '../store/meta';
import { StoryMap } from '../store/story-map';
import { lexiconData, lexiconFingerprint, type LexiconData } from '../text/compounds';
import { runSliced, SnapshotFormatError, SnapshotReader, SnapshotWriter, type ByteSource, type SliceStats } from './codec';

// The index snapshot: both indexes' state in one cache file, so that a start with an
// unchanged (or little changed) library loads them instead of analysing every story
// again (90 s of CPU at 50,000 stories). A cache, never authoritative: anything that
// does not check out is reported and the indexes are built from the stories.
//
// File: a 32-byte header, then the payload.
//   0  magic `KRNXIDX\n`        8  format version (u32)      12  reserved (u32, 0)
//   16 payload bytes (f64)      24 CRC-32 of the payload (u32) 28 reserved (u32, 0)
// The checksum is CRC-32 (zlib's, hardware-assisted): the file is ours, in a folder we
// lock, so the threat is a torn or damaged file, not a forged one, and CRC-32 catches
// those (every burst under 32 bits, any other damage with odds of 1 in 4 billion) at a
// fraction of SHA-256's cost over 100 MB. Truncation is caught first by the length.
// Payload: the meta inputs (JSON), the search index's state, the related index's state,
// the stories' quotes, the compound lexicon (when the writing thread had one), an end mark.

export const SNAPSHOT_FILE = 'indexes.bin';
// 2: the search state no longer ends with flexsearch's register of story numbers.
// 3: the stories' quotes follow the related index's state.
// 4: the vocabulary keeps its compounds by head.
// 5: the vocabulary keeps each word's transliteration skeleton hash (name searches).
// 6: the posting lists as two typed arrays (terms' offsets, all story numbers), search/posting-store.ts.
// 7: the related index's count of stories added or removed since its postings were laid out.
// 8: the quotes as rows of numbers and a string table (chronology/quote-index.ts), not a JSON record per story.
// 9: the compound lexicon follows the quotes (text/compounds.ts: ~0.13 s of the worker's start no longer spent building it).
// 10: the posting lists' numbers as gaps in variable-length integers (a third of the bytes), the vocabulary's and
//     the posting lists' terms as word numbers (read without lookups); never released.
// 11: as 10, a posting list's term that is a word named by that word's number (10 named a word whose term it is).
// 12: the quotes' words as one column of bytes and their lengths, not a string each.
//     Formats 9 and 11 are still read.
export const SNAPSHOT_FORMAT = 12;
/** Formats before, read as well: no rebuild after an update. 9: its posting lists as 32-bit integers (encoded on the way in); 9 and 11: the quotes' words as strings. */
const POSTINGS_AS_INT32_FORMAT = 9;
const QUOTE_STRINGS_FORMAT = 11;
const READ_FORMATS: readonly number[] = [POSTINGS_AS_INT32_FORMAT, QUOTE_STRINGS_FORMAT, SNAPSHOT_FORMAT];
const MAGIC = Buffer.from('KRNXIDX\n', 'latin1');
const HEADER_BYTES = 32;
const END_MARK = 0x21444e45; // 'END!'

/**
 * Bump when the analysis that fills the indexes changes: tokenising, folding, stemming,
 * stopwords, entity extraction, the packed text or scoring inputs. A snapshot made by
 * other analysis is then rebuilt once instead of answering with the old one's terms.
 * (The layout of the file itself is SNAPSHOT_FORMAT.) The gazetteer's data is hashed
 * into the fingerprint, so editing it needs no bump. (2: the related index's story
 * signatures mix the date in last. 3: related wording without near-stopwords and name fragments, derivational endings kept, dateline-only places dropped. 4: entity extraction of issue 16 classes 1–8 with the quotes that share it. 5: quote speakers with kinds, never adjectives or bare places.)
 */
export const ANALYSIS_REVISION = 5;

let fingerprint: string | undefined;

/** What analysis a snapshot was made by (see ANALYSIS_REVISION). */
export function analysisFingerprint(): string {
  fingerprint ??= `${ANALYSIS_REVISION}:${createHash('sha256').update(JSON.stringify(gazetteerData)).digest('hex').slice(0, 16)}`;
  return fingerprint;
}

export function snapshotPath(dataDir: string): string {
  return path.join(dataDir, CACHE_DIR, SNAPSHOT_FILE);
}

/** What of the metadata document feeds the indexes, as the snapshot was built from it. */
export interface SnapshotMeta {
  /** The library's `createdAt`: a snapshot copied in from another library is refused. */
  library: string;
  /** analysisFingerprint() of the Kroniek that wrote it: other analysis means a rebuild. */
  analysis: string;
  /** Content segments whose stories the snapshot holds (all of them but the deleted). */
  segments: string[];
  deleted: MetaDoc['deleted'];
  tags: MetaDoc['tags'];
  taggings: MetaDoc['taggings'];
  storyEdits: MetaDoc['storyEdits'];
}

export function snapshotMetaOf(meta: IndexedMeta): SnapshotMeta {
  return {
    library: meta.createdAt,
    analysis: analysisFingerprint(),
    segments: meta.segments.map((segment) => segment.name),
    deleted: meta.deleted,
    tags: meta.tags,
    taggings: meta.taggings,
    storyEdits: meta.storyEdits,
  };
}

/**
 * Writes both indexes durably (temp file, fsync, rename, fsync the folder), encoding in
 * slices and writing each slice's bytes before the next; the caller keeps the indexes
 * unchanged meanwhile. Returns the file's size. `stop` abandons it (the temp file goes).
 */
export async function writeSnapshotFile(
  file: string,
  meta: SnapshotMeta,
  search: SearchIndex,
  related: RelatedIndex,
  quotes: QuoteIndex,
  stats: SliceStats,
  stop?: () => boolean,
): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = new SnapshotWriter();
  function* encode(): Generator<void> {
    out.string(JSON.stringify(meta));
    yield;
    yield* search.writeState(out);
    yield* related.writeState(out);
    yield* quotes.writeState(out);
    yield* writeLexicon(out, lexiconData());
    out.u32(END_MARK);
  }
  let size = 0;
  await writeFileDurablyWith(file, async (handle) => {
    let position = HEADER_BYTES;
    const flush = async (all = false) => {
      const pieces = out.take(all);
      for (const piece of pieces) {
        for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at, piece.length - at, position + at)).bytesWritten;
        position += piece.length;
      }
      out.recycle(pieces);
    };
    await runSliced(encode(), stats, 8, stop, flush);
    await flush(true);
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    header.writeUInt32LE(SNAPSHOT_FORMAT, 8);
    header.writeDoubleLE(out.written, 16);
    header.writeUInt32LE(out.crc >>> 0, 24);
    await handle.write(header, 0, HEADER_BYTES, 0);
    size = position;
  });
  return size;
}

export interface LoadedSnapshot {
  /** As written, except `segments`: followed through the compactions made since (see readSnapshotFile). */
  meta: SnapshotMeta;
  search: SearchIndex;
  related: RelatedIndex;
  quotes: QuoteIndex;
  /** The compound lexicon the writer had, with the fingerprint it was built under (text/compounds.ts: useCachedLexicon checks it). */
  lexicon: { fingerprint: string; data: LexiconData } | null;
  bytes: number;
  /** The file's format: one before SNAPSHOT_FORMAT is worth writing again. */
  format: number;
}

/**
 * The snapshot file as a byte source, read piece by piece with a running CRC-32 of the
 * payload (read in order, each byte once: the reader never goes back).
 */
class SnapshotFileSource implements ByteSource {
  crc = 0;
  private next = HEADER_BYTES;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  read(target: Uint8Array, position: number): void {
    if (position !== this.next) throw new SnapshotFormatError('read out of order');
    for (let done = 0; done < target.length; ) {
      const got = readSync(this.fd, target, done, target.length - done, position + done);
      if (got === 0) throw new SnapshotFormatError('shorter than it was a moment ago');
      done += got;
    }
    this.crc = crc32(target, this.crc);
    this.next += target.length;
  }
}

/**
 * Reads and decodes a snapshot, in slices, a piece of the file at a time; the segments it
 * covers are followed through the library's compaction journal. Null when
 * there is none; throws SnapshotFormatError (or whatever decoding ran into) when it
 * does not check out. The checksum is known only at the end, so what was decoded is
 * used only if it matches; decoding checks every length against the file meanwhile.
 * `intern` gives the library's own string for a story's id, which the indexes then keep
 * (one copy of each id in memory, not one more per snapshot load).
 */
export async function readSnapshotFile(file: string, stats: SliceStats, intern: (id: string) => string = (id) => id): Promise<LoadedSnapshot | null> {
  // Only a regular file, opened without waiting: a FIFO in its place would hold the open forever (NotAFileError: rebuilt).
  const handle = await openRegularFile(file);
  if (!handle) return null;
  // A compaction since the snapshot was written moved the stories of segments it covers into
  // new segments, unchanged: the snapshot covers those new segments (snapshotPath's folder
  // is the library's cache/, its journal is in content/). Anything else it covers that the
  // library no longer lists still makes it unusable (the engine's check).
  const compactions = path.basename(path.dirname(file)) === CACHE_DIR ? await readJournal(path.dirname(path.dirname(file))) : [];
  try {
    const { size } = await handle.stat();
    if (size < HEADER_BYTES) throw new SnapshotFormatError(`shorter than its header (${size} bytes)`);
    const header = Buffer.alloc(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotFormatError('not an index snapshot');
    const format = header.readUInt32LE(8);
    if (!READ_FORMATS.includes(format)) throw new SnapshotFormatError(`format ${format}, this version reads ${READ_FORMATS.join(', ')}`);
    const bytes = header.readDoubleLE(16);
    if (bytes !== size - HEADER_BYTES) throw new SnapshotFormatError(`${size - HEADER_BYTES} payload bytes, the header says ${bytes}`);
    const expected = header.readUInt32LE(24);

    const source = new SnapshotFileSource(handle.fd, size);
    const input = new SnapshotReader(source, HEADER_BYTES);
    function* decode(): Generator<void, LoadedSnapshot> {
      const meta = parseMeta(input.string());
      meta.segments = followCompactions(meta.segments, compactions);
      yield;
      const search = yield* SearchIndex.readState(input, format === POSTINGS_AS_INT32_FORMAT, intern);
      // One string per story id in all three indexes.
      const sharedId = (id: string) => search.sharedId(id);
      const related = yield* RelatedIndex.readState(input, sharedId);
      const quotes = yield* QuoteIndex.readState(input, sharedId, format <= QUOTE_STRINGS_FORMAT);
      const lexicon = yield* readLexicon(input);
      if (input.u32() !== END_MARK || !input.done) throw new SnapshotFormatError('no end mark');
      return { meta, search, related, quotes, lexicon, bytes: size, format };
    }
    const loaded = await runSliced(decode(), stats);
    if (source.crc >>> 0 !== expected) throw new SnapshotFormatError('checksum mismatch');
    return loaded;
  } finally {
    await handle.close();
  }
}

/** The lexicon as a flag (0: none), its fingerprint, its set's three arrays and its filter's bits. */
function* writeLexicon(out: SnapshotWriter, lexicon: LexiconData | null): Generator<void> {
  out.u8(lexicon ? 1 : 0);
  if (!lexicon) return;
  out.string(lexiconFingerprint());
  yield* out.array(lexicon.words.chars);
  yield* out.array(lexicon.words.starts);
  yield* out.array(lexicon.words.slots);
  yield* out.array(lexicon.bloom);
}

/** Read into shared memory, as the lexicon is kept for every thread of the process. */
const shared =
  <T>(View: new (buffer: SharedArrayBuffer) => T, bytes: number) =>
  (length: number) =>
    new View(new SharedArrayBuffer(length * bytes));

function* readLexicon(input: SnapshotReader): Generator<void, LoadedSnapshot['lexicon']> {
  const flag = input.u8();
  if (flag === 0) return null;
  if (flag !== 1) throw new SnapshotFormatError('a lexicon flag that is neither 0 nor 1');
  const fingerprint = input.string();
  const chars = yield* input.array(shared(Uint16Array, 2), 2);
  const starts = yield* input.array(shared(Int32Array, 4), 4);
  const slots = yield* input.array(shared(Int32Array, 4), 4);
  const bloom = yield* input.array(shared(Uint32Array, 4), 4);
  return { fingerprint, data: { words: { chars, starts, slots }, bloom } };
}

function parseMeta(text: string): SnapshotMeta {
  const meta = JSON.parse(text) as Partial<SnapshotMeta> | null;
  const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (
    !isRecord(meta) ||
    typeof meta!.library !== 'string' ||
    typeof meta!.analysis !== 'string' ||
    !Array.isArray(meta!.segments) ||
    !Array.isArray(meta!.deleted) ||
    !Array.isArray(meta!.tags) ||
    !isRecord(meta!.taggings) ||
    !isRecord(meta!.storyEdits)
  ) {
    throw new SnapshotFormatError('metadata inputs of the wrong shape');
  }
  // Written as JSON objects (StoryMap.toJSON); kept as the document keeps them.
  const records = meta as unknown as { taggings: Record<string, string[]>; storyEdits: Record<string, StoryEdit> };
  return { ...(meta as SnapshotMeta), taggings: StoryMap.from(records.taggings), storyEdits: StoryMap.from(records.storyEdits) };
}
