import type { promises as fs } from 'node:fs';
import { isSafeId, LIMITS } from '../../../shared/contract/limits';
import type { SegmentFileProblem } from '../../../shared/types';
import type { BodyBlock } from '../../../shared/types';
import { jsonEncodingOf } from './ascii-json';
import { NotAFileError, openRegularFile } from './durable-file';
import type { StoryHead } from './meta';

// Every read of a content segment checks what it read: a heads file is an array of story
// heads of the shape the store writes, a bodies file maps each story id to its blocks.
// Segments are written once by the store and never change, so anything else is damage
// (a disk error, a half-copied folder, a hand edit): the stories it concerns are reported
// as damaged, never shown empty or left out silently, and the file is left as it is.
//
// The checks are hand-written rather than zod: the heads of 50,000 stories are checked at
// every start, and a few typeof tests per field cost next to nothing.

/** Largest heads file read (1,000 stories' heads are about 0.6 MB). */
export const HEADS_FILE_MAX_BYTES = 256 * 1024 * 1024;
/** Largest bodies file read (1,000 stories of at most LIMITS.storyText each would not fit in any memory). */
export const BODIES_FILE_MAX_BYTES = 1024 * 1024 * 1024;

/** Why a content file could not be used, as a code (the UI and CLI word it). */
export type SegmentProblem = SegmentFileProblem;

export class SegmentFileError extends Error {
  constructor(readonly problem: SegmentProblem) {
    super(problem);
    this.name = 'SegmentFileError';
  }
}

/**
 * Reads a whole content file into `into` (grown when needed): only a regular file, opened
 * without blocking (a FIFO or device at the name never hangs the read), at most `maxBytes`.
 * Throws SegmentFileError (`missing`, `not-a-file`, `too-large`, `empty`, `unreadable`).
 */
export async function readSegmentBytes(file: string, maxBytes: number, into?: Buffer): Promise<{ bytes: Buffer; length: number }> {
  // The one safe opener: lstat first (no symbolic link followed), opened without blocking, checked again on the handle.
  let handle: fs.FileHandle | null;
  try {
    handle = await openRegularFile(file);
  } catch (error) {
    throw new SegmentFileError(error instanceof NotAFileError ? 'not-a-file' : 'unreadable');
  }
  if (!handle) throw new SegmentFileError('missing');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SegmentFileError('not-a-file');
    if (stat.size === 0) throw new SegmentFileError('empty');
    if (stat.size > maxBytes) throw new SegmentFileError('too-large');
    const bytes = into && into.length >= stat.size ? into : Buffer.allocUnsafe(Math.ceil(stat.size * 1.25));
    let length = 0;
    while (length < stat.size) {
      const { bytesRead } = await handle.read(bytes, length, stat.size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes, length };
  } catch (error) {
    if (error instanceof SegmentFileError) throw error;
    throw new SegmentFileError('unreadable');
  } finally {
    await handle.close().catch(() => {});
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` is a story head as the store writes it (a wire version's facts included). */
export function isStoryHead(value: unknown): value is StoryHead {
  if (!isObject(value)) return false;
  const head = value;
  if (!isSafeId(head.id) || (head.kind !== 'article' && head.kind !== 'brief')) return false;
  if (!isString(head.headline) || head.headline.length > LIMITS.headline) return false;
  const dateline = head.dateline;
  if (!isObject(dateline) || !isString(dateline.place) || !isStringArray(dateline.agencies)) return false;
  if (!isNullableString(head.section) || !isNullableString(head.ageLabel) || !isNullableString(head.pageId)) return false;
  if (!isString(head.fileName) || !isString(head.sha256) || !isString(head.importedAt) || !isString(head.contentHash)) return false;
  if (!isStringArray(head.warnings)) return false;
  if (head.wire !== undefined) {
    const wire = head.wire;
    if (!isObject(wire) || !isSafeId(wire.storyId) || !isString(wire.guid)) return false;
    if (typeof wire.version !== 'number' || !Number.isInteger(wire.version) || wire.version < 1) return false;
    if (!isStringArray(wire.signals) || !isString(wire.status) || !isObject(wire.rights) || !Array.isArray(wire.infoSources)) return false;
    if (!isNullableString(wire.versionCreated) || !isNullableString(wire.firstCreated) || !isNullableString(wire.date)) return false;
  }
  return true;
}

/** True when `value` is a story's text as the store writes it: blocks of paragraphs and headings, within the limits. */
export function isBody(value: unknown): value is BodyBlock[] {
  if (!Array.isArray(value) || value.length > LIMITS.storyBlocks) return false;
  let size = 0;
  for (const block of value as unknown[]) {
    if (!isObject(block) || (block.type !== 'paragraph' && block.type !== 'heading') || !isString(block.text)) return false;
    size += block.text.length;
  }
  return size <= LIMITS.storyText;
}

/**
 * The heads in a heads file's text: the valid ones, and how many entries were not valid
 * (also a repeated id: the first stays). Throws SegmentFileError when the file is no JSON
 * array at all.
 */
export function parseHeads(text: string): { heads: StoryHead[]; invalid: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SegmentFileError('not-json');
  }
  if (!Array.isArray(parsed)) throw new SegmentFileError('wrong-shape');
  const heads: StoryHead[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  for (const entry of parsed as unknown[]) {
    if (isStoryHead(entry) && !seen.has(entry.id)) {
      seen.add(entry.id);
      heads.push(entry);
    } else invalid++;
  }
  return { heads, invalid };
}

/** Reads and checks a heads file (see parseHeads, readSegmentBytes). */
export async function readHeadsFile(file: string): Promise<{ heads: StoryHead[]; invalid: number }> {
  return headsOfBytes(await readHeadsBytes(file));
}

/** A heads file's bytes as readHeadsFile reads them (off the JS heap), for headsOfBytes to parse later. */
export async function readHeadsBytes(file: string): Promise<Buffer> {
  const { bytes, length } = await readSegmentBytes(file, HEADS_FILE_MAX_BYTES);
  return bytes.subarray(0, length);
}

/** The heads in a heads file's bytes, as readHeadsFile gives them. */
export function headsOfBytes(bytes: Buffer): { heads: StoryHead[]; invalid: number } {
  return parseHeads(bytes.toString(jsonEncodingOf(bytes, bytes.length), 0, bytes.length));
}
