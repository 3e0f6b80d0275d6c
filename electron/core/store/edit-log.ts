import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { MetaDoc } from './meta';
import { changedRecordKeys, own } from './records';
import { StoryMap } from './story-map';
import { readFileIfExists, writeFileDurably } from './durable-file';

// The edit log: what made an edit cost the size of the library. library.json is the whole
// mutable state and was rewritten (and fsynced) on every edit: 13 MB at 335,000 stories,
// ~0.3 s per tag. Now an edit appends what it changed (the parts of the document that are
// new objects; within the per-story records only the entries that changed) to
// `library-edits.jsonl` and syncs that: a few hundred bytes, whatever the library's size.
// The log is folded into library.json (one full durable write, as before) when it has grown
// to half the document, and when the library closes; so an opening reads a log only after
// a crash.
//
// Which log belongs to which document: library.json carries `editLog: G` (a generation), and
// the log's first line names the generation it continues. A fold writes library.json with
// G + 1 first and then an empty log for G + 1; a crash between the two leaves a log of G, which
// is already in the document and is ignored. A reader reads the log before the document, so
// it never sees a log newer than the document it then reads.
//
// Every line is `<crc32 hex> <json>`: a line cut short by a crash (the last) is an edit that
// was never acknowledged and is dropped; a damaged line before the end is damage: the lines
// before it are applied, the file is kept as `library-edits.jsonl.damaged-<time>` and the
// editor is told how many edits were lost.

export const EDIT_LOG_FILE = 'library-edits.jsonl';
/** The document's field naming the log generation it is continued by (on disk only, never in memory). */
export const EDIT_LOG_FIELD = 'editLog';
/** A log is folded into the document once it is this share of the document's size... */
const FOLD_SHARE = 0.5;
/** ...but never while smaller than this. */
const FOLD_MIN_BYTES = 256 * 1024;

/** The per-story records of the document: an edit logs only their changed entries. */
const RECORD_FIELDS = new Set<string>(['taggings', 'storyEdits', 'opened', 'dismissedTagSuggestions', 'seriesNames']);

/** One change to the document: a field set or removed, or entries of a record set (null: removed). */
export type MetaOp = { set: string; value: unknown } | { remove: string } | { entries: string; values: Record<string, unknown> };

/** What changed from `before` to `after`, as operations that set absolute values (so a log replayed twice gives the same document). */
export function metaDelta(before: MetaDoc, after: MetaDoc): MetaOp[] {
  const ops: MetaOp[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    const value = a[key];
    if (Object.hasOwn(b, key) && b[key] === value) continue;
    if (value === undefined) {
      if (Object.hasOwn(b, key) && b[key] !== undefined) ops.push({ remove: key });
      continue;
    }
    const old = b[key];
    // Both StoryMaps (taggings, storyEdits) or both plain records: only the changed entries.
    const records = old instanceof StoryMap ? value instanceof StoryMap : isPlainRecord(old) && isPlainRecord(value) && !(value instanceof StoryMap);
    if (RECORD_FIELDS.has(key) && records) {
      const before = old as StoryMap<unknown> | Record<string, unknown>;
      const now = value as StoryMap<unknown> | Record<string, unknown>;
      const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      let any = false;
      for (const id of changedRecordKeys(before, now)) {
        define(values, id, own(now, id) ?? null);
        any = true;
      }
      if (any) ops.push({ entries: key, values });
    } else {
      ops.push({ set: key, value });
    }
  }
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key) && b[key] !== undefined) ops.push({ remove: key });
  return ops;
}

/** Applies logged operations to a document this reader owns (just read): changed in place (a StoryMap field is replaced by its successor). */
export function applyOpsInPlace(doc: Record<string, unknown>, ops: readonly MetaOp[]): void {
  for (const op of ops) {
    if ('set' in op) define(doc, op.set, op.value);
    else if ('remove' in op) delete doc[op.remove];
    else if (doc[op.entries] instanceof StoryMap) {
      const values = op.values;
      define(doc, op.entries, (doc[op.entries] as StoryMap<unknown>).with(Object.keys(values).map((id) => [id, values[id] ?? undefined] as const)));
    } else {
      let record = doc[op.entries];
      if (!isPlainRecord(record)) define(doc, op.entries, (record = {}));
      const target = record as Record<string, unknown>;
      for (const id of Object.keys(op.values)) {
        const value = op.values[id];
        if (value === null) delete target[id];
        else define(target, id, value);
      }
    }
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets a key as data (a `__proto__` story id stays a key). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

/** The value of one line; undefined when the line is damaged (or cut short). */
function decodeLine(line: string): unknown {
  const space = line.indexOf(' ');
  if (space !== 8) return undefined;
  const json = line.slice(9);
  if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function isOp(value: unknown): value is MetaOp {
  if (!isPlainRecord(value)) return false;
  if (typeof value.set === 'string') return 'value' in value;
  if (typeof value.remove === 'string') return true;
  return typeof value.entries === 'string' && isPlainRecord(value.values);
}

/** What a log read before its document holds. */
export interface ReadLog {
  /** The generation its first line names; null when there is no log (or not even a valid first line). */
  generation: number | null;
  /** The edits, in order, up to the first damaged line. */
  edits: MetaOp[][];
  /** Lines after a damaged one (a last line cut short by a crash is not counted: it was never acknowledged). */
  lost: number;
  /** Bytes of the first line and the edits read: where the next edit is appended when the log is continued. */
  validBytes: number;
}

/** Reads the log (before the document it continues: see above). */
export async function readEditLog(dir: string): Promise<ReadLog> {
  // Anything but a regular file at the name (a link, a folder, a FIFO) is no log: never opened, never waited on.
  const bytes = await readFileIfExists(path.join(dir, EDIT_LOG_FILE)).catch(() => null);
  if (!bytes) return { generation: null, edits: [], lost: 0, validBytes: 0 };
  const lines = bytes.toString('utf8').split('\n');
  // The last piece has no newline: an append cut short (or nothing).
  const complete = lines.slice(0, -1);
  const header = complete.length ? decodeLine(complete[0]!) : undefined;
  const generation = isPlainRecord(header) && typeof header.editLog === 'number' && Number.isInteger(header.editLog) && header.editLog > 0 ? header.editLog : null;
  const edits: MetaOp[][] = [];
  let lost = 0;
  if (generation === null) return { generation, edits, lost: Math.max(0, complete.length - 1), validBytes: 0 };
  let validBytes = Buffer.byteLength(complete[0]!) + 1;
  for (let i = 1; i < complete.length; i++) {
    const value = decodeLine(complete[i]!);
    if (!Array.isArray(value) || !value.every(isOp)) {
      lost = complete.length - i;
      break;
    }
    edits.push(value);
    validBytes += Buffer.byteLength(complete[i]!) + 1;
  }
  return { generation, edits, lost, validBytes };
}

/** The generation a document names (0 for a document written before the log, or a backup). */
export function generationOf(doc: Record<string, unknown>): number {
  const value = doc[EDIT_LOG_FIELD];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * The open library's log, for writing. `append` logs one edit durably; `shouldFold` says
 * when the document is to be written whole instead; `reset` starts the log of a new
 * generation after such a write. After a failed write the log is not used until a reset.
 */
export class EditLog {
  private handle: fs.FileHandle | null = null;
  private bytes = 0;

  private constructor(
    private readonly file: string,
    /** The generation of the document on disk (the log continues it when `handle` is set). */
    private current: number,
  ) {}

  /**
   * The log at `file` continuing the document of `generation`, appended to after its first
   * `bytes` (anything after them, a last line cut short, is cut off); with `bytes` null, or a
   * file that cannot be opened, the log is started anew at the next full write.
   */
  static async resume(file: string, generation: number, bytes: number | null): Promise<EditLog> {
    const log = new EditLog(file, generation);
    if (bytes === null) return log;
    // Never through a link put in place of the log (see openRegularFile).
    const handle = await fs.open(file, fsConstants.O_RDWR | (fsConstants.O_NOFOLLOW ?? 0)).catch(() => null);
    if (!handle) return log;
    try {
      if ((await handle.stat()).size > bytes) await handle.truncate(bytes);
      log.handle = handle;
      log.bytes = bytes;
    } catch {
      await handle.close().catch(() => {});
    }
    return log;
  }

  get generation(): number {
    return this.current;
  }

  /** The next generation, for a document about to be written whole. */
  get nextGeneration(): number {
    return this.current + 1;
  }

  /** True when the next edit should write the document whole (the log is unusable, or large next to `documentBytes`). */
  shouldFold(documentBytes: number): boolean {
    return this.handle === null || this.bytes >= Math.max(FOLD_MIN_BYTES, documentBytes * FOLD_SHARE);
  }

  /** True when the log holds edits that are not in library.json. */
  get holdsEdits(): boolean {
    return this.handle !== null && this.bytes > headerBytes(this.current);
  }

  /** Logs one edit durably. On failure the log is cut back (or not used again until a reset) and the error is thrown. */
  async append(ops: MetaOp[]): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error('the edit log must be reset first');
    const line = Buffer.from(encodeLine(ops), 'utf8');
    try {
      await handle.write(line, 0, line.length, this.bytes);
      await handle.datasync();
      this.bytes += line.length;
    } catch (error) {
      // Never leave a piece of a line that a later one would be glued to.
      await handle.truncate(this.bytes).catch(() => this.drop());
      throw error;
    }
  }

  /** After library.json of `generation` is durably written: an empty log continuing it. */
  async reset(generation: number): Promise<void> {
    this.current = generation;
    await this.drop();
    const header = encodeLine({ editLog: generation });
    await writeFileDurably(this.file, header);
    this.handle = await fs.open(this.file, fsConstants.O_RDWR | (fsConstants.O_NOFOLLOW ?? 0));
    this.bytes = Buffer.byteLength(header);
  }

  /** Stops using the log (until a reset). */
  async drop(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => {});
  }
}

function headerBytes(generation: number): number {
  return Buffer.byteLength(encodeLine({ editLog: generation }));
}
