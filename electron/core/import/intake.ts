import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
// The limits without the contract's zod schemas: the import's preparing thread loads this module.
import { LIMITS } from '../../../shared/contract/limits';
import { decodeBytes, type DecodeResult, type TextEncodingName } from './decode';
import { parseWirePage, type ParsedPage } from './parse';
import { nextTurn } from '../slices';
import { readWireOrText } from './wire';
import type { WireParseResult, WireProblem } from './wire/item';

// File intake: turns what the editor picked (files and folders on disk, or
// bytes sent by the renderer) into prepared files for the importer. Every bad
// path becomes a clear per-file rejection; nothing here throws or touches the store.

export type IntakeRejectionCode = 'not-found' | 'not-a-file' | 'symlink' | 'too-large' | 'unreadable' | 'empty';

export type IntakeRejection = { fileName: string; rejected: { code: IntakeRejectionCode; reason: string } };

/** `modifiedAt`: the file's modification time (ms), when the page was captured. */
export type IntakeItem = { fileName: string; bytes: Uint8Array; modifiedAt?: number } | IntakeRejection;

export interface IntakeOptions {
  /** Largest file read, in bytes (default `LIMITS.fileBytes`, 5 MiB). */
  maxBytes?: number;
}

export type PreparedFile =
  | { ok: true; fileName: string; sha256: string; encoding: TextEncodingName; page: ParsedPage; warnings: string[]; capturedAt?: Date }
  | { ok: false; fileName: string; sha256: string | null; code: string; reason: string };

/** The files are read on this thread in slices of about this long, the event loop running between them. */
const READ_SLICE_MS = 8;
// Never follow a symlink swapped in after lstat, and never block on a FIFO.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A file found on disk, still to be read. */
export interface PendingFile {
  fileName: string;
  absolutePath: string;
}

/** What a picked path gives: a file to read, or why one cannot be (`IntakeRejection`). */
export type ImportSlot = IntakeRejection | PendingFile;

/**
 * Reads the files and folders the editor picked. Folders are walked recursively
 * for `.txt`, `.json` and `.xml` files (page text and agency items; the content, not the
 * name, decides the format; hidden entries skipped, symlinks never followed), each listed
 * by its path relative to the picked folder, in sorted order; a picked file is
 * listed by its base name. Every path yields at least one item.
 */
export async function collectImportFiles(paths: string[], options: IntakeOptions = {}): Promise<IntakeItem[]> {
  return readImportFiles(paths, (item) => item, options);
}

/**
 * As collectImportFiles, handing each item to `take` as soon as it is read, in the same order,
 * and keeping what `take` returns instead: the importer prepares each file there, so the bytes
 * of a large import are not all held at once (a million files: 5 GB). A promise `take` returns
 * is awaited before the next file is read (the importer writes stories ahead there).
 */
export async function readImportFiles<T>(paths: string[], take: (item: IntakeItem) => T | Promise<T>, options: IntakeOptions = {}): Promise<T[]> {
  const maxBytes = options.maxBytes ?? LIMITS.fileBytes;
  const slots = await listImportFiles(paths, maxBytes);
  // Read with blocking calls, a slice at a time: a small file is read in a few microseconds, less
  // than the promise API's hops to the thread pool and back (four per file) cost; the slices
  // keep the event loop answering meanwhile.
  const taken: T[] = [];
  let sliceStart = performance.now();
  for (const slot of slots) {
    if (!isPendingFile(slot)) {
      const result = take(slot);
      // Awaited only when it is a promise: a synchronous `take` costs no turn of the microtask queue per file.
      taken.push(result instanceof Promise ? await result : result);
      continue;
    }
    const result = take(readImportFile(slot, maxBytes));
    taken.push(result instanceof Promise ? await result : result);
    if (performance.now() - sliceStart >= READ_SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return taken;
}

/**
 * The files and folders the editor picked as a list, in the order they are imported (see
 * collectImportFiles): the files to read, and a rejection for each path that cannot be.
 */
export async function listImportFiles(paths: string[], maxBytes: number = LIMITS.fileBytes): Promise<ImportSlot[]> {
  let slots: ImportSlot[] = [];
  // concat, not push(...): a folder can hold more files than the call stack has room for arguments.
  for (const picked of paths) slots = slots.concat(await expandPicked(picked, maxBytes));
  return slots;
}

/** An item read (or rejected) prepared for the importer: a rejection stays one, with its code and reason. */
export function prepareIntakeItem(item: IntakeItem): PreparedFile | PreparedWireFile {
  if (!('bytes' in item)) return { ok: false, fileName: item.fileName, sha256: null, code: item.rejected.code, reason: item.rejected.reason };
  return prepareAnyImportFile(item.fileName, item.bytes, item.modifiedAt === undefined ? undefined : new Date(item.modifiedAt));
}

/**
 * Size check, sha256 of the raw bytes, decoding and parsing of one file: the pure
 * CPU part of an import, the same for files from disk and bytes from the renderer.
 */
export function prepareImportFile(fileName: string, bytes: Uint8Array, capturedAt?: Date, decodedAlready?: DecodeResult): PreparedFile {
  if (bytes.length > LIMITS.fileBytes) {
    return { ok: false, fileName, sha256: null, code: 'too-large', reason: tooLargeReason(bytes.length, LIMITS.fileBytes) };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodedAlready ?? decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, fileName, sha256, code: decoded.code, reason: decoded.reason };
  const parsed = parseWirePage(decoded.text);
  if (!parsed.ok) return { ok: false, fileName, sha256, code: parsed.code, reason: parsed.reason };
  const article = parsed.page.article;
  const longest = Math.max(article ? storyChars(article.headline, article.body) : 0, ...parsed.page.briefs.map((brief) => brief.text.length));
  if (longest > LIMITS.storyChars) return { ok: false, fileName, sha256, code: 'too-large', reason: storyTooLargeReason(longest) };
  const prepared: PreparedFile = { ok: true, fileName, sha256, encoding: decoded.encoding, page: parsed.page, warnings: [...decoded.warnings, ...parsed.page.warnings] };
  if (capturedAt && !Number.isNaN(capturedAt.getTime())) prepared.capturedAt = capturedAt;
  return prepared;
}

/** An agency file (ninjs, NewsML-G2) with its items, ready for the importer. */
export type PreparedWireFile = { ok: true; fileName: string; sha256: string; wire: WireParseResult; warnings: string[] };

/**
 * As prepareImportFile, for any file: an agency file (told by its content, see
 * wire/index.ts) is prepared as its items; anything else as page text.
 */
export function prepareAnyImportFile(fileName: string, bytes: Uint8Array, capturedAt?: Date): PreparedFile | PreparedWireFile {
  if (bytes.length > LIMITS.fileBytes) return prepareImportFile(fileName, bytes, capturedAt);
  const wire = readWireOrText(bytes, fileName);
  if ('decoded' in wire) return prepareImportFile(fileName, bytes, capturedAt, wire.decoded);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!wire.ok) return { ok: false, fileName, sha256, code: wire.problem.code, reason: problemDetail(wire.problem) };
  const longest = Math.max(0, ...wire.result.items.map((item) => storyChars(item.headline, item.body)));
  if (longest > LIMITS.storyChars) return { ok: false, fileName, sha256, code: 'too-large', reason: storyTooLargeReason(longest) };
  return { ok: true, fileName, sha256, wire: wire.result, warnings: wire.result.skipped.map((problem) => problem.code) };
}

/** The technical detail of a wire problem (the code is what callers word). */
function problemDetail(problem: WireProblem): string {
  const { code, ...rest } = problem;
  return Object.values(rest).map(String).join(' ') || code;
}

// ---------------------------------------------------------------- walking

async function expandPicked(picked: string, maxBytes: number): Promise<ImportSlot[]> {
  const fileName = baseName(picked);
  const stats = await lstatOrRejection(picked, fileName);
  if ('rejected' in stats) return [stats];
  if (stats.isDirectory()) {
    const found: ImportSlot[] = [];
    await walkFolder(picked, '', found);
    if (found.length === 0) return [reject(fileName, 'empty', 'The folder has no .txt, .json or .xml files to import (hidden files are skipped).')];
    return found.sort((a, b) => compareNames(a.fileName, b.fileName));
  }
  return [checkEntry(picked, fileName, stats, maxBytes)];
}

async function walkFolder(root: string, relative: string, found: ImportSlot[]): Promise<void> {
  const folder = path.join(root, relative);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    found.push(reject(relative || baseName(root), 'unreadable', `The folder could not be read (${describeError(error)}).`));
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relativePath = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      await walkFolder(root, relativePath, found);
    } else if (isImportable(entry.name)) {
      // Regular files are size-checked when read; a link, pipe or device named *.txt is reported.
      if (entry.isFile()) found.push({ fileName: relativePath, absolutePath: path.join(root, relativePath) });
      else found.push(rejectSpecial(relativePath, entry));
    }
  }
}

function checkEntry(absolutePath: string, fileName: string, stats: Stats, maxBytes: number): ImportSlot {
  if (!stats.isFile()) return rejectSpecial(fileName, stats);
  if (stats.size > maxBytes) return reject(fileName, 'too-large', tooLargeReason(stats.size, maxBytes));
  return { fileName, absolutePath };
}

function rejectSpecial(fileName: string, kind: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): IntakeRejection {
  if (kind.isSymbolicLink()) {
    return reject(fileName, 'symlink', 'This is a symbolic link; Kroniek does not follow links. Import the file it points to instead.');
  }
  const what = kind.isFIFO() ? 'a named pipe (FIFO)' : kind.isSocket() ? 'a socket' : kind.isBlockDevice() || kind.isCharacterDevice() ? 'a device' : 'not a regular file';
  return reject(fileName, 'not-a-file', `This is ${what}, not a regular file, so it cannot be imported.`);
}

async function lstatOrRejection(target: string, fileName: string): Promise<Stats | IntakeRejection> {
  try {
    return await lstat(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return reject(fileName, 'not-found', `Nothing was found at ${target}.`);
    return reject(fileName, 'unreadable', `The file could not be read (${describeError(error)}).`);
  }
}

// ---------------------------------------------------------------- reading

/** Reads a listed file: at most `maxBytes + 1` bytes, re-checking on the open file what lstat saw. */
export function readImportFile(file: PendingFile, maxBytes: number = LIMITS.fileBytes): IntakeItem {
  let fd: number;
  try {
    fd = openSync(file.absolutePath, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return reject(file.fileName, 'not-found', 'The file disappeared before it could be read.');
    if (code === 'ELOOP') return reject(file.fileName, 'symlink', 'This is a symbolic link; Kroniek does not follow links. Import the file it points to instead.');
    return reject(file.fileName, 'unreadable', `The file could not be read (${describeError(error)}).`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return rejectSpecial(file.fileName, stats);
    if (stats.size > maxBytes) return reject(file.fileName, 'too-large', tooLargeReason(stats.size, maxBytes));
    // The file may grow between stat and read: never read more than the cap allows.
    // Not zero-filled (every byte handed on is read into it) and not from the shared pool (the bytes' buffer is theirs alone).
    const buffer = Buffer.allocUnsafeSlow(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const asked = buffer.length - length;
      const bytesRead = readSync(fd, buffer, length, asked, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      // Fewer bytes than asked, and all the size fstat saw: the end of the file (no second read to hear it).
      if (bytesRead < asked && length === stats.size) break;
    }
    if (length > maxBytes) return reject(file.fileName, 'too-large', tooLargeReason(length, maxBytes, true));
    if (length === 0) return reject(file.fileName, 'empty', 'The file is empty.');
    return { fileName: file.fileName, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length), modifiedAt: stats.mtimeMs };
  } catch (error) {
    return reject(file.fileName, 'unreadable', `The file could not be read (${describeError(error)}).`);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the file was read (or rejected) already.
    }
  }
}

// ---------------------------------------------------------------- helpers

export const isPendingFile = (slot: ImportSlot | IntakeItem): slot is PendingFile => 'absolutePath' in slot;
const isImportable = (name: string) => /\.(txt|json|xml)$/i.test(name);
const reject = (fileName: string, code: IntakeRejectionCode, reason: string): IntakeRejection => ({ fileName, rejected: { code, reason } });

/** Sorted by path, the same on every machine (code-unit order, not the locale's). */
const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function baseName(picked: string): string {
  return path.basename(picked.replace(/[\\/]+$/, '')) || picked;
}

/** Characters of one story's text: its headline and every block of its body. */
function storyChars(headline: string, body: readonly { text: string }[]): number {
  return body.reduce((sum, block) => sum + block.text.length, headline.length);
}

function storyTooLargeReason(chars: number): string {
  const format = (count: number) => count.toLocaleString('en-GB');
  return `One story in the file is ${format(chars)} characters long; the limit for one story is ${format(LIMITS.storyChars)} (some 300 printed pages). A wire story is a few thousand: is this the right file?`;
}

function tooLargeReason(size: number, maxBytes: number, grew = false): string {
  const limit = formatSize(maxBytes);
  const measured = grew || formatSize(size) === limit ? `larger than the limit of ${limit}` : `${formatSize(size)}; the limit is ${limit}`;
  return `The file is ${measured}. A wire story is a few kilobytes: is this the right file?`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}
