import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, rmSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../../../shared/contract/envelope';
import { NotAFileError, openRegularFile, tempFileMark, tempPathFor } from './durable-file';

// One process owns a data folder. A second one (another app instance, the CLI
// while the host runs) gets a clear error instead of interleaving writes.
//
// The lock file is never seen without its owner in it: the owner's record is written to
// a temp file, synced, and hard-linked into place (link fails if a lock exists, as
// `open(wx)` does, but the file appears complete). Where the file system has no hard links
// (FAT, some network shares) it is created with `wx` and the complete record in one write,
// and a reader that finds it empty or partial waits a moment before judging it.
// A lock is stale only when its owner is provably gone: recorded on this host (and, where
// the OS says so, this boot), its process not running, and the lock older than a start-up
// window. A lock from another computer is never taken over automatically, and a lock that
// cannot be read is never deleted: the error names the file and what to do.

export const LOCK_FILE = 'kroniek.lock';
/** A lock younger than this is never taken for stale, whatever its process: it may be starting still. */
export const LOCK_STARTUP_WINDOW_MS = 500;
/** Larger is not a lock we wrote. */
const LOCK_MAX_BYTES = 4096;

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** Which lock this is: one process may hold (and release) several over time. */
  token?: string;
  /** Linux's boot id: a lock from before a restart is stale whatever process has its pid now. */
  boot?: string;
  /** What holds it: `cli` (one short command), `web` (the host), `electron` (the app). */
  by?: string;
}

export interface FolderLock {
  release(): Promise<void>;
  /** Releases it at once, for a process about to be stopped hard (a shutdown that did not finish in time). */
  releaseSync(): void;
}

export interface LockOptions {
  /** The start-up window (tests shorten it). */
  startupWindowMs?: number;
  /** What takes it (recorded in the lock, and named to others): `cli`, `web`, `electron`. */
  by?: string;
  /**
   * How long to wait for a lock held by a command-line command (which ends by itself)
   * before giving up; a lock held by the app or the host is refused at once. Default 0.
   */
  waitForCommandMs?: number;
}

type LockRead =
  | { state: 'missing' }
  | { state: 'damaged'; reason: string }
  | { state: 'held'; info: LockInfo; ino: number; ageMs: number };

let bootIdCache: string | null | undefined;
function bootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = process.platform === 'linux' ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null : null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockInfoOf(value: unknown): LockInfo | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const info = value as Partial<LockInfo>;
  if (!Number.isSafeInteger(info.pid) || info.pid! <= 0 || typeof info.host !== 'string' || typeof info.startedAt !== 'string') return null;
  if (info.token !== undefined && typeof info.token !== 'string') return null;
  if (info.boot !== undefined && typeof info.boot !== 'string') return null;
  if (info.by !== undefined && typeof info.by !== 'string') return null;
  return info as LockInfo;
}

/** Reads the lock without ever blocking on it (a FIFO in its place) or reading more than a lock can hold. */
async function readLock(lockPath: string): Promise<LockRead> {
  let handle: fs.FileHandle | null;
  try {
    handle = await openRegularFile(lockPath);
  } catch (error) {
    if (error instanceof NotAFileError) return { state: 'damaged', reason: `it is ${error.kind}` };
    return { state: 'damaged', reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (!handle) return { state: 'missing' };
  try {
    const stat = await handle.stat();
    if (stat.size > LOCK_MAX_BYTES) return { state: 'damaged', reason: `it holds ${stat.size} bytes, not a lock record` };
    const buffer = Buffer.alloc(LOCK_MAX_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > LOCK_MAX_BYTES) return { state: 'damaged', reason: 'it holds more than a lock record' };
    }
    if (length === 0) return { state: 'damaged', reason: 'it is empty' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(buffer.toString('utf8', 0, length));
    } catch {
      return { state: 'damaged', reason: 'it is not a lock record (not valid JSON)' };
    }
    const info = lockInfoOf(parsed);
    if (!info) return { state: 'damaged', reason: 'it is not a lock record (wrong fields)' };
    return { state: 'held', info, ino: stat.ino, ageMs: Date.now() - stat.mtimeMs };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** True when the lock's owner provably no longer runs (ignoring the start-up window). */
function ownerIsGone(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return false;
  const boot = bootId();
  if (boot && info.boot && info.boot !== boot) return true;
  return !isProcessAlive(info.pid);
}

const HOLDERS: Record<string, string> = { cli: 'a Kroniek command', web: 'the Kroniek web host', electron: 'the Kroniek app' };

function lockedError(dir: string, lockPath: string, holder: LockInfo): ServiceError {
  const what = (holder.by !== undefined && Object.hasOwn(HOLDERS, holder.by) ? HOLDERS[holder.by] : undefined) ?? 'another Kroniek process';
  const where = `${what}, ${holder.host === os.hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on the computer "${holder.host}"`}`;
  const foreign =
    holder.host === os.hostname()
      ? ''
      : ` A lock taken on another computer is never removed automatically: if Kroniek no longer runs there, delete ${lockPath} and try again.`;
  return new ServiceError(
    'locked',
    `The library in ${dir} is in use (${where}, since ${holder.startedAt}). Close it first, or open another data folder.${foreign}`,
  );
}

function damagedLockError(lockPath: string, reason: string): ServiceError {
  return new ServiceError(
    'locked',
    `The lock file ${lockPath} is damaged (${reason}), so Kroniek cannot tell whether another Kroniek is using this library. It was left as it is. If no Kroniek (app, web host or command line) is running on this library, delete ${lockPath} and start again.`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puts our record in place atomically; false when a lock is already there. */
async function placeLock(lockPath: string, record: string): Promise<boolean> {
  // Named as a temp file, so one a crash left behind goes at the next opening (removeStaleTempFiles).
  const temp = tempPathFor(lockPath);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(record);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the lock's holder cleared temp files while opening, ours among them.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    // No hard links here (FAT, some shares): create it exclusively with the whole record in one write.
    return placeLockExclusively(lockPath, record);
  } finally {
    await fs.rm(temp, { force: true }).catch(() => {});
  }
}

async function placeLockExclusively(lockPath: string, record: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(record);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a stale lock, and only that one: it is moved aside first and checked to be the
 * very file judged stale (another process may have replaced it meanwhile, and a lock
 * taken in between is put back).
 */
async function breakStaleLock(lockPath: string, judgedIno: number): Promise<void> {
  const aside = `${lockPath}${tempFileMark()}stale-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it first
    throw error;
  }
  const moved = await fs.lstat(aside).catch(() => null);
  // Gone: a process that took the lock meanwhile cleared temp files while opening.
  if (!moved) return;
  if (moved.ino !== judgedIno) {
    // A fresh lock, not the stale one: back where it was (unless yet another was taken meanwhile).
    await fs.link(aside, lockPath).catch(() => {});
  }
  await fs.rm(aside, { force: true });
}

/** Takes the folder's lock or throws a `locked` ServiceError that says who holds it, or why the lock file cannot be judged. */
export async function acquireFolderLock(dir: string, options: LockOptions = {}): Promise<FolderLock> {
  const windowMs = options.startupWindowMs ?? LOCK_STARTUP_WINDOW_MS;
  const lockPath = path.join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: randomBytes(12).toString('hex') };
  const boot = bootId();
  if (boot) mine.boot = boot;
  if (options.by) mine.by = options.by;
  const waitUntil = Date.now() + (options.waitForCommandMs ?? 0);
  const record = JSON.stringify(mine);
  // Bounded: a stale lock waits out the start-up window, a damaged one gets as long to be completed.
  const patienceMs = Math.max(windowMs, 100);
  let deadline = Date.now() + patienceMs + 5_000;
  let damagedSince: number | null = null;
  while (!(await placeLock(lockPath, record))) {
    if (Date.now() > deadline) throw new ServiceError('locked', `Could not lock the library in ${dir}: its lock file ${lockPath} kept changing.`);
    const holder = await readLock(lockPath);
    if (holder.state === 'missing') continue;
    if (holder.state === 'damaged') {
      // Perhaps one being written where there are no hard links: judged only once it stays so.
      damagedSince ??= Date.now();
      if (Date.now() - damagedSince >= patienceMs) throw damagedLockError(lockPath, holder.reason);
      await sleep(25);
      continue;
    }
    damagedSince = null;
    if (!ownerIsGone(holder.info)) {
      // Another command finishes by itself: worth a wait (two commands started together both run).
      if (holder.info.by === 'cli' && Date.now() < waitUntil) {
        deadline = Math.max(deadline, waitUntil + patienceMs + 5_000);
        await sleep(20 + Math.floor(Math.random() * 30));
        continue;
      }
      throw lockedError(dir, lockPath, holder.info);
    }
    if (holder.ageMs < windowMs) {
      await sleep(Math.min(windowMs - holder.ageMs + 5, 100));
      continue;
    }
    await breakStaleLock(lockPath, holder.ino);
  }
  return heldLock(lockPath, mine);
}

function heldLock(lockPath: string, mine: LockInfo): FolderLock {
  let released = false;
  const isMine = (info: LockInfo) => info.pid === mine.pid && info.host === mine.host && info.token === mine.token;
  // However the process ends (an uncaught error, process.exit), a lock it still holds goes with it.
  const onExit = () => {
    try {
      if (!lstatSync(lockPath).isFile()) return;
      const current = lockInfoOf(JSON.parse(readFileSync(lockPath, 'utf8')));
      if (current && isMine(current)) rmSync(lockPath, { force: true });
    } catch {
      // Not ours or not readable: left alone.
    }
  };
  process.on('exit', onExit);
  return {
    releaseSync() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      onExit();
    },
    async release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      const current = await readLock(lockPath);
      if (current.state === 'held' && isMine(current.info)) await fs.rm(lockPath, { force: true });
    },
  };
}
