import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BACKUP_INTERVAL_MINUTES } from '../../../shared/contract/backups';
import { selectBackupsToKeep } from './backup-retention';
import { openRegularFile, readFileIfExists, writeFileDurablyWith } from './durable-file';
import { jsonInSlices, writeChunks } from './meta-json';
import type { MetaDoc } from './meta';
import { META_MAX_BYTES, parseMetaBytes, type RestoredBackup } from './meta-file';

// Backups of the metadata document. Story content lives in write-once segment
// files that are never modified, so the metadata document is the whole mutable
// state: a verified copy of it restores the library.

export const BACKUP_DIR = 'backups';
const gunzipAsync = promisify(gunzip);
const PREFIX = 'library-';
/** Backups are written gzip-compressed (a decade's 50 MB document in ~11 MB); older ones, plain JSON, are still read. */
const SUFFIX = '.json.gz';

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
}

function backupName(date: Date): string {
  return `${PREFIX}${date.toISOString().replace(/[:.]/g, '-')}${SUFFIX}`;
}

function timeOf(name: string): number | null {
  const match = /^library-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json(?:\.gz)?$/.exec(name);
  if (!match) return null;
  return Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
}

export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = path.join(dataDir, BACKUP_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const infos: BackupInfo[] = [];
  for (const name of names) {
    const time = timeOf(name);
    if (time === null) continue;
    const stat = await fs.lstat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile()) infos.push({ name, createdAt: new Date(time).toISOString(), bytes: stat.size });
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Reads and validates one backup; null when it is missing or damaged. */
export async function readBackup(dataDir: string, name: string): Promise<MetaDoc | null> {
  if (timeOf(name) === null) return null;
  // Anything but a regular file there (a link, a FIFO) is no backup: never opened, never waited on.
  const stored = await readFileIfExists(path.join(dataDir, BACKUP_DIR, name)).catch(() => null);
  if (!stored) return null;
  // Never more than library.json may be: a damaged or crafted file does not expand without end.
  const bytes = name.endsWith('.gz') ? await gunzipAsync(stored, { maxOutputLength: META_MAX_BYTES }).catch(() => null) : stored;
  if (!bytes) return null;
  const parsed = parseMetaBytes(bytes);
  return parsed.ok ? parsed.meta : null;
}

/**
 * Writes a backup of a (valid, in-memory) metadata document, verifies it by
 * reading it back, then prunes old backups by the retention policy. The newest
 * verified backup is never pruned.
 *
 * Backups are made while the editor works (the first edit after opening sets one off). As one
 * JSON.stringify, and a parse of the copy read back to check it, a backup held the event loop
 * for as long: at 67,000 stories an edit then took 55–105 ms, at 336,000 two of the first 30
 * edits 459 and 703 ms. Now the JSON is made a slice at a time (meta-json.ts) and compressed
 * (gzip, in the thread pool), the file is written once it is all there (written as it was made,
 * its stream of dirty pages made every edit's own sync wait on the disk: edits of 6–10 ms
 * throughout), and the file read back must hash as the compressed bytes did. The first 30 edits
 * at 336,000 stories: median 2.2–3.0 ms, none over ~25 ms.
 *
 * Compressed because the retention keeps up to ~90 backups, which at a decade's 50 MB document
 * would be several GB: the 336,000-story library's 13 MB document takes 2.7 MB.
 */
export async function writeBackup(dataDir: string, meta: MetaDoc, now = new Date()): Promise<BackupInfo> {
  const dir = path.join(dataDir, BACKUP_DIR);
  await fs.mkdir(dir, { recursive: true });
  const json = await jsonInSlices(meta);
  // Compressed in the thread pool, a chunk at a time: this thread only hands the chunks over.
  const compressed: Buffer[] = [];
  await pipeline(Readable.from(json.chunks), createGzip(), async (zipped: AsyncIterable<Buffer>) => {
    for await (const chunk of zipped) compressed.push(chunk);
  });
  const sha256 = createHash('sha256');
  for (const chunk of compressed) sha256.update(chunk);
  const written = sha256.digest('hex');
  const bytes = compressed.reduce((sum, chunk) => sum + chunk.length, 0);
  let date = now;
  let name = backupName(date);
  // Two backups in the same millisecond: keep both.
  while (await readFileIfExists(path.join(dir, name))) {
    date = new Date(date.getTime() + 1);
    name = backupName(date);
  }
  const file = path.join(dir, name);
  await writeFileDurablyWith(file, (handle) => writeChunks(handle, compressed));
  if ((await hashOfFile(file)) !== written) {
    await fs.rm(file, { force: true });
    throw new Error(`The backup ${name} did not verify after writing; it was removed.`);
  }
  await pruneBackups(dataDir, now.getTime());
  return { name, createdAt: date.toISOString(), bytes };
}

/** Bytes per read while a backup is read back. */
const BACKUP_READ_BYTES = 1 << 18;

/** The SHA-256 of a file as it reads back now, read a piece at a time; null when it cannot be read. */
async function hashOfFile(file: string): Promise<string | null> {
  // As every read in the library folder: only a regular file, never waited on.
  const handle = await openRegularFile(file).catch(() => null);
  if (!handle) return null;
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(BACKUP_READ_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

async function pruneBackups(dataDir: string, now: number): Promise<void> {
  const backups = await listBackups(dataDir);
  const keep = new Set(selectBackupsToKeep(backups.map((backup) => Date.parse(backup.createdAt)), now));
  for (const backup of backups) {
    if (!keep.has(Date.parse(backup.createdAt))) await fs.rm(path.join(dataDir, BACKUP_DIR, backup.name), { force: true });
  }
}

/** The newest backup that validates, for recovery of a damaged library file. */
export async function newestValidBackup(dataDir: string): Promise<RestoredBackup | null> {
  for (const backup of await listBackups(dataDir)) {
    const meta = await readBackup(dataDir, backup.name);
    if (meta) return { meta, createdAt: backup.createdAt };
  }
  return null;
}

/** How much editing may depend on the disk surviving: a change is in a backup within this long. */
export const BACKUP_INTERVAL_MS = BACKUP_INTERVAL_MINUTES * 60_000;

/** The scheduler's clock and timer; tests pass one they move by hand. */
export interface BackupClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const SYSTEM_CLOCK: BackupClock = {
  now: () => Date.now(),
  setTimeout(run, ms) {
    // Never what keeps a process alive (the CLI exits when its work is done; close flushes).
    const timer = setTimeout(run, ms);
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BackupSchedulerOptions {
  intervalMs?: number;
  clock?: BackupClock;
}

/**
 * Backs up during use and at quit, so at most `intervalMs` (10 minutes) of editing ever
 * depends on the disk surviving: a write after a quiet spell is backed up at once, later
 * ones when `intervalMs` has passed since the last backup (a timer, so the backup is made
 * even if the editor stops editing), and `flush` at quit backs up whatever is left.
 * Backup failures never fail an edit: they are reported through `onError`, and the
 * backup is tried again an interval later.
 */
export class BackupScheduler {
  private dirty = false;
  private lastBackupAt: number | null = null;
  private timer: unknown = null;
  private closed = false;
  private running: Promise<void> | null = null;
  private readonly intervalMs: number;
  private readonly clock: BackupClock;

  constructor(
    private readonly dataDir: string,
    private readonly currentMeta: () => MetaDoc,
    private readonly onError: (error: Error) => void,
    options: BackupSchedulerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** After every successful write. */
  noteWrite(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Settles once a backup being written is on disk (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.timer !== null || this.closed || !this.dirty) return;
    const wait = this.lastBackupAt === null ? 0 : Math.max(0, this.lastBackupAt + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  /** Writes a backup now if anything changed since the last one (at quit; on open when none exists). */
  async flush(force = false): Promise<void> {
    if (this.running) await this.running;
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dirty && !force) return;
    this.dirty = false;
    this.lastBackupAt = this.clock.now();
    this.running = writeBackup(this.dataDir, this.currentMeta(), new Date(this.lastBackupAt))
      .then(() => undefined)
      .catch((error: Error) => {
        this.dirty = true;
        this.onError(error);
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
    // Changes made while it was written (or a failed write) wait for the next one.
    this.schedule();
  }

  /** At quit: the last backup, and no timer after it. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
