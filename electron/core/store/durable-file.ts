import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { ErrorReason } from '../../../shared/messages';

// Durable replace of a file: unique temp file in the same folder, fsync, rename,
// fsync the folder. A crash at any point leaves either the old or the new
// content under the real name, never a torn file. (steno, lowdb's writer, renames
// without fsync, which can lose an acknowledged write on power loss.)

const TEMP_MARK = '.kroniek-tmp-';
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** What every temp file's name holds (removeStaleTempFiles removes them at the next opening). */
export function tempFileMark(): string {
  return TEMP_MARK;
}

/** A temp file's path beside `filePath`, unique across processes (removed at the next opening if left). */
export function tempPathFor(filePath: string): string {
  return `${filePath}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function isTempFileName(name: string): boolean {
  return name.includes(TEMP_MARK);
}

export async function writeFileDurably(filePath: string, data: string | Uint8Array): Promise<void> {
  await writeFileDurablyWith(filePath, (handle) => handle.writeFile(data));
}

/**
 * writeFileDurably for content written piece by piece (a large binary cache file that
 * is never all in memory at once): `fill` writes the temp file through its handle; if it
 * throws, the temp file is removed and the real file is left as it was.
 */
export async function writeFileDurablyWith(filePath: string, fill: (handle: fs.FileHandle) => Promise<void>): Promise<void> {
  const dir = path.dirname(filePath);
  const temp = tempPathFor(filePath);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await fill(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await renameWithRetry(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** Windows virus scanners and indexers hold files briefly: retry a rename a few times. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 15 * 2 ** attempt));
    }
  }
}

/** Makes the rename itself durable. Not possible (nor needed) on Windows. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files a crashed writer left behind; returns how many. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!isTempFileName(name)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Thrown for a path in the library folder that is there but is not a regular file (a FIFO, a folder, a link, a device). */
export class NotAFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(
    readonly filePath: string,
    readonly kind: string,
  ) {
    super(`${filePath} is not a regular file but ${kind}`);
  }
}

/** What is at a path instead of a regular file, in words for a damage report ("a folder"). */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

// Non-blocking: opening a FIFO for reading otherwise waits (forever) for a writer, holding
// one of libuv's four threads; on a regular file the flag changes nothing. No following a
// link put in place between the check and the open. (Both are 0 where the OS lacks them.)
const SAFE_READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0);

/**
 * Opens a file of the library folder for reading only when it is a regular file: checked
 * with lstat before the open (which cannot block), and on the open handle after it (in
 * case it was swapped meanwhile). Null when there is nothing at the path; NotAFileError
 * when something else is. Every read of a file in the library folder goes through here.
 */
export async function openRegularFile(filePath: string): Promise<fs.FileHandle | null> {
  let before: Stats;
  try {
    before = await fs.lstat(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!before.isFile()) throw new NotAFileError(filePath, kindOf(before));
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, SAFE_READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new NotAFileError(filePath, 'a symbolic link');
    throw error;
  }
  try {
    const after = await handle.stat();
    if (!after.isFile()) throw new NotAFileError(filePath, kindOf(after));
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** A regular file's bytes, null when it does not exist; NotAFileError for anything else at the path. */
export async function readFileIfExists(filePath: string): Promise<Buffer | null> {
  const handle = await openRegularFile(filePath);
  if (!handle) return null;
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Why a file could not be written at a path, as an error's reason (shared/messages.ts `file.cannotWrite`). */
export type WriteRefusal = Extract<ErrorReason, { code: 'file.cannotWrite' }>;

/** The reason for a file not written at `target`: `why`, or what the system's error code `errno` says. */
export function cannotWrite(target: string, why: WriteRefusal['why'] | null, errno: string | null = null): WriteRefusal {
  return { code: 'file.cannotWrite', path: target, why: why ?? whyNotWritten(errno), errno };
}

function whyNotWritten(errno: string | null): WriteRefusal['why'] {
  if (errno === 'ENOENT' || errno === 'ENOTDIR') return 'noFolder';
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') return 'forbidden';
  if (errno === 'ENOSPC') return 'diskFull';
  return 'other';
}
