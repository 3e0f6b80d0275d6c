import { lstat } from 'node:fs/promises';
import { jsonEncodingOf } from './ascii-json';
import { openRegularFile } from './durable-file';
import { BODIES_FILE_MAX_BYTES, readSegmentBytes, SegmentFileError } from './segment-shape';

// Reads a content segment's bodies file (`{"<id>":[…blocks…],…}`, as the store writes
// it) one story at a time, for passes over the whole library (the index build, the
// library archive).
//
// JSON.parse of the whole file makes every story of the segment at once, and they stay
// alive while the thousand stories are worked through, long enough for V8 to move them
// to the old generation; across a 50,000-story build that was hundreds of megabytes of
// old-generation garbage, which is what the process's peak memory grew on. Here the file
// is read into a buffer that is reused from segment to segment, the entries are located
// by a scan of its bytes, and each story is parsed only when it is asked for, so its
// objects die young. A file the scan does not understand is parsed whole, as before.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** A bodies file held in a buffer, with where each entry's key and value are. */
export interface SegmentEntries {
  /** The ids in file order; each once. */
  readonly ids: readonly string[];
  /** Parses the value of the entry at `index` (throws on a broken value). */
  value(index: number): unknown;
}

/** Reads files into one buffer, grown as needed and reused: one per pass, never shared. */
export class SegmentReader {
  private buffer: Buffer = Buffer.alloc(0);

  /**
   * The file's entries. Throws SegmentFileError (segment-shape.ts) when the file is
   * missing, not a regular file, too large, unreadable, not JSON or not one JSON object:
   * the caller reports its stories as damaged.
   */
  async read(file: string): Promise<SegmentEntries> {
    // Segment files are written once (temp file, then rename) and never change after.
    const { bytes, length } = await readSegmentBytes(file, BODIES_FILE_MAX_BYTES, this.buffer);
    this.buffer = bytes;
    return entriesOf(bytes, length);
  }
}

/** The entries of the JSON object in `bytes[0, length)`. */
export function entriesOf(bytes: Buffer, length: number): SegmentEntries {
  const located = locateEntries(bytes, length);
  // An ASCII file (text without accents, or written escaped: ascii-json.ts) is read a byte a character.
  const encoding = jsonEncodingOf(bytes, length);
  if (located) {
    const { ids, spans } = located;
    return { ids, value: (index) => JSON.parse(bytes.toString(encoding, spans[index * 2]!, spans[index * 2 + 1]!)) };
  }
  // Not what the store writes (or something the scan does not follow): JSON.parse decides.
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString(encoding, 0, length));
  } catch {
    throw new SegmentFileError('not-json');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SegmentFileError('wrong-shape');
  const entries = Object.entries(parsed);
  return { ids: entries.map(([id]) => id), value: (index) => entries[index]![1] };
}

/**
 * The keys and value spans of a flat JSON object, or null when the bytes are not one
 * (or a key repeats, where JSON.parse would keep the last). Values are only delimited
 * (strings, brackets and braces balanced), not checked: JSON.parse checks each when it
 * is read. UTF-8 never has bytes below 0x80 inside a multi-byte character, so the
 * structural bytes are found by their own value.
 */
function locateEntries(bytes: Buffer, length: number): { ids: string[]; spans: Int32Array } | null {
  const ids: string[] = [];
  const seen = new Set<string>();
  let spans = new Int32Array(2048);
  let at = skipSpace(bytes, 0, length);
  if (bytes[at] !== OPEN_BRACE) return null;
  at = skipSpace(bytes, at + 1, length);
  if (bytes[at] === CLOSE_BRACE) return skipSpace(bytes, at + 1, length) === length ? { ids, spans } : null;
  for (;;) {
    if (bytes[at] !== QUOTE) return null;
    const keyEnd = stringEnd(bytes, at, length);
    if (keyEnd < 0) return null;
    let id: unknown;
    try {
      id = JSON.parse(bytes.toString('utf8', at, keyEnd));
    } catch {
      return null;
    }
    if (typeof id !== 'string' || seen.has(id)) return null;
    at = skipSpace(bytes, keyEnd, length);
    if (bytes[at] !== COLON) return null;
    const valueStart = skipSpace(bytes, at + 1, length);
    const valueEnd = valueEndAt(bytes, valueStart, length);
    if (valueEnd < 0) return null;
    if ((ids.length + 1) * 2 > spans.length) {
      const grown = new Int32Array(spans.length * 2);
      grown.set(spans);
      spans = grown;
    }
    spans[ids.length * 2] = valueStart;
    spans[ids.length * 2 + 1] = valueEnd;
    ids.push(id);
    seen.add(id);
    at = skipSpace(bytes, valueEnd, length);
    if (bytes[at] === COMMA) {
      at = skipSpace(bytes, at + 1, length);
      continue;
    }
    if (bytes[at] !== CLOSE_BRACE) return null;
    return skipSpace(bytes, at + 1, length) === length ? { ids, spans } : null;
  }
}

function skipSpace(bytes: Buffer, at: number, length: number): number {
  while (at < length && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at++;
  return at;
}

/** Just past the closing quote of the string starting at `at`, or -1. */
function stringEnd(bytes: Buffer, at: number, length: number): number {
  for (let i = at + 1; i < length; i++) {
    if (bytes[i] === BACKSLASH) i++;
    else if (bytes[i] === QUOTE) return i + 1;
  }
  return -1;
}

/** Just past the value starting at `at`: a string, an array or object (balanced), or a bare literal; -1 if it never ends. */
function valueEndAt(bytes: Buffer, at: number, length: number): number {
  if (at >= length) return -1;
  if (bytes[at] === QUOTE) return stringEnd(bytes, at, length);
  if (bytes[at] !== OPEN_BRACKET && bytes[at] !== OPEN_BRACE) {
    let i = at;
    while (i < length && bytes[i] !== COMMA && bytes[i] !== CLOSE_BRACE && bytes[i] !== 0x20 && bytes[i] !== 0x0a && bytes[i] !== 0x0d && bytes[i] !== 0x09) i++;
    return i > at ? i : -1;
  }
  let depth = 0;
  for (let i = at; i < length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      i = stringEnd(bytes, i, length) - 1;
      if (i < 0) return -1;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) depth++;
    else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Where each entry of a bodies file is: value spans by id. */
export type EntrySpans = Map<string, [start: number, end: number]>;

/**
 * Reads a few entries of bodies files (the snippets of the rows on screen: up to one
 * file per row). The first time a file is asked for, it is read whole and its entries
 * are located with the native Buffer.indexOf (see entrySpans), not a byte-by-byte scan
 * in JS; where they are is kept for the files most recently asked for, and after that
 * only the entries asked for are read, each with one positional read. Where the entries of
 * a file are may also be told beforehand (`note`: the heads cache keeps it), and then the
 * file is never read whole. Files are written once and never change; one that did (another
 * size or time) is located again.
 */
export class SegmentPicker {
  /** Entry spans by file, least recently asked for first. */
  private readonly known = new Map<string, KnownFile>();

  /** Where the entries of files are, as told (`note`), compactly: made into spans when a file is first asked for. */
  private readonly noted = new Map<string, { size: number; mtimeMs: number; ids: readonly string[]; spans: Uint32Array }>();

  /** The buffer the last whole-file read used, for the next (none while a read holds it: picks may overlap). */
  private spare: Buffer | undefined;

  constructor(private readonly keep = 64) {}

  /**
   * The values of the entries named `ids` that the file has (a broken one is left out).
   * Throws SegmentFileError (segment-shape.ts) as SegmentReader does when the file has to
   * be read whole and cannot be.
   */
  async pick(file: string, ids: Iterable<string>): Promise<Map<string, unknown>> {
    const known = this.known.get(file) ?? this.fromNoted(file);
    this.known.delete(file);
    if (known) {
      const values = await pickKnown(file, known, ids);
      if (values) {
        this.known.set(file, known);
        while (this.known.size > this.keep) this.known.delete(this.known.keys().next().value!);
        return values;
      }
      // Not the file that was located: what was told of it is no longer true.
      this.noted.delete(file);
    }
    // One buffer for the files read whole, one after the other: a new one per file (a page of
    // snippets reads up to 20 files of ~2.4 MB the first time) made the main thread's
    // collector run for its external memory.
    const spare = this.spare;
    this.spare = undefined;
    const { bytes, length } = await readSegmentBytes(file, BODIES_FILE_MAX_BYTES, spare).catch((error: unknown) => {
      this.spare ??= spare;
      throw error;
    });
    try {
      return await this.pickFrom(file, bytes, length, ids);
    } finally {
      this.spare = bytes;
    }
  }

  /**
   * Tells where the entries of `file` are while it has this size and modification time:
   * the entry `ids[k]` is bytes `[spans[2k], spans[2k + 1])` (not there when they are equal).
   */
  note(file: string, stamp: { size: number; mtimeMs: number }, ids: readonly string[], spans: Uint32Array): void {
    if (spans.length !== ids.length * 2) throw new RangeError('a span for each id');
    this.noted.set(file, { size: stamp.size, mtimeMs: stamp.mtimeMs, ids, spans });
  }

  private fromNoted(file: string): KnownFile | undefined {
    const noted = this.noted.get(file);
    if (!noted) return undefined;
    const spans: EntrySpans = new Map();
    noted.ids.forEach((id, k) => {
      const start = noted.spans[k * 2]!;
      const end = noted.spans[k * 2 + 1]!;
      if (end > start) spans.set(id, [start, end]);
    });
    return { size: noted.size, mtimeMs: noted.mtimeMs, spans };
  }

  private async pickFrom(file: string, bytes: Buffer, length: number, ids: Iterable<string>): Promise<Map<string, unknown>> {
    const values = new Map<string, unknown>();
    const spans = entrySpans(bytes, length);
    if (!spans) {
      // Not as the store writes it: the full scan (or JSON.parse) decides, nothing is kept.
      const wanted = new Set(ids);
      const entries = entriesOf(bytes, length);
      entries.ids.forEach((id, index) => wanted.has(id) && parseInto(values, id, () => entries.value(index)));
      return values;
    }
    const { size, mtimeMs } = await lstat(file);
    if (size === length) {
      this.known.set(file, { size, mtimeMs, spans });
      while (this.known.size > this.keep) this.known.delete(this.known.keys().next().value!);
    }
    for (const id of ids) {
      const span = spans.get(id);
      if (span) parseInto(values, id, () => JSON.parse(bytes.toString('utf8', span[0], span[1])));
    }
    return values;
  }
}

/** A file whose entries are located: its size and time then, and its entries' spans. */
interface KnownFile {
  size: number;
  mtimeMs: number;
  spans: EntrySpans;
}

/** The entries from where they are known to be, or null when the file is gone or is not the one located. */
async function pickKnown(file: string, known: KnownFile, ids: Iterable<string>): Promise<Map<string, unknown> | null> {
  const handle = await openRegularFile(file).catch(() => null);
  if (!handle) return null;
  try {
    const { size, mtimeMs } = await handle.stat();
    if (size !== known.size || mtimeMs !== known.mtimeMs) return null;
    const values = new Map<string, unknown>();
    for (const id of ids) {
      const span = known.spans.get(id);
      if (!span) continue;
      const bytes = Buffer.allocUnsafe(span[1] - span[0]);
      let length = 0;
      while (length < bytes.length) {
        const { bytesRead } = await handle.read(bytes, length, bytes.length - length, span[0] + length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      parseInto(values, id, () => JSON.parse(bytes.toString('utf8', 0, length)));
    }
    return values;
  } finally {
    await handle.close().catch(() => {});
  }
}

function parseInto(values: Map<string, unknown>, id: string, parse: () => unknown): void {
  try {
    values.set(id, parse());
  } catch {
    // A broken entry: left out, as a story without text.
  }
}

/**
 * Where every entry of a bodies file as the store writes it is (`{"<id>":[{"type":…,"text":…},…],…}`),
 * or null when the bytes are not that. A body's blocks hold only strings, so a real
 * quote followed by `:[` ends a key of the file's object and nothing else (a quote
 * inside a string is escaped); each value ends just before the comma of the next key,
 * the last before the closing brace. Only those few bytes are looked at; JSON.parse
 * checks each value when it is read.
 */
export function entrySpans(bytes: Buffer, length: number): EntrySpans | null {
  const view = bytes.subarray(0, length);
  const keys: Array<[id: string, open: number, valueStart: number]> = [];
  for (let at = view.indexOf(KEY_END, 0); at >= 0; at = view.indexOf(KEY_END, at + 1)) {
    if (escaped(bytes, at)) continue;
    let open = at - 1;
    while (open >= 0 && (bytes[open] !== QUOTE || escaped(bytes, open))) open--;
    if (open < 0) return null;
    const before = skipSpaceBack(bytes, open - 1);
    if (before < 0 || bytes[before] !== (keys.length === 0 ? OPEN_BRACE : COMMA)) return null;
    let id: unknown;
    try {
      id = JSON.parse(bytes.toString('utf8', open, at + 1));
    } catch {
      return null;
    }
    if (typeof id !== 'string') return null;
    keys.push([id, open, at + 2]);
  }
  const close = skipSpaceBack(bytes, length - 1);
  if (keys.length === 0 || bytes[close] !== CLOSE_BRACE) return null;
  const spans: EntrySpans = new Map();
  for (let index = 0; index < keys.length; index++) {
    const [id, , valueStart] = keys[index]!;
    // The value ends before the next key's comma, or the object's closing brace.
    const next = index + 1 < keys.length ? skipSpaceBack(bytes, keys[index + 1]![1] - 1) : close;
    spans.set(id, [valueStart, skipSpaceBack(bytes, next - 1) + 1]);
  }
  return spans;
}

const KEY_END = Buffer.from('":[');

/** The byte at `at` has an odd number of backslashes before it. */
function escaped(bytes: Buffer, at: number): boolean {
  let slashes = 0;
  while (at - slashes - 1 >= 0 && bytes[at - slashes - 1] === BACKSLASH) slashes++;
  return slashes % 2 === 1;
}

function skipSpaceBack(bytes: Buffer, at: number): number {
  while (at >= 0 && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at--;
  return at;
}
