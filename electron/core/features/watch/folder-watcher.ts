import { constants } from 'node:fs';
import { access, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

// One watched drop folder: chokidar reports files that appear in it (and those already
// there when watching starts) once they are completely written, i.e. once their size has
// not changed for `stableMs` (a wire system may write a story in several chunks); the
// folder watcher hands them on in batches and, when asked, moves handled files into
// `imported/`. It never deletes anything. When the folder disappears it says so once and
// looks for it again every `recheckMs` until it is back.

export interface FolderWatcherTimings {
  /** How long a file's size must stay the same before it counts as fully written. */
  stableMs: number;
  /** How often a file being written is looked at. */
  pollMs: number;
  /** How often a missing folder is looked for. */
  recheckMs: number;
}

export const DEFAULT_TIMINGS: FolderWatcherTimings = { stableMs: 1_000, pollMs: 100, recheckMs: 2_000 };

export interface FolderWatcherEvents {
  /** Fully written files (absolute paths), in arrival order; the next batch waits for the returned promise. */
  files(paths: string[]): Promise<void>;
  missing(): void;
  back(): void;
  /** Watching is set up and every file already in the folder has been reported. */
  ready(): void;
}

export const IMPORTED_FOLDER = 'imported';

/** Names a wire system or an editor uses while a file is still being written or copied, and hidden files. */
export function isIgnoredName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$') || name.endsWith('~')) return true;
  return /\.(?:tmp|temp|part|partial|crdownload|download|swp|lock)$/i.test(name);
}

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private recheck: NodeJS.Timeout | null = null;
  /** While watching: the folder is looked at now and then, because a folder renamed away or replaced sends no event. */
  private guard: NodeJS.Timeout | null = null;
  private identity: string | null = null;
  private queue: string[] = [];
  private draining: Promise<void> | null = null;
  /** Files that were there at start, waiting until they have not been written to for `stableMs`. */
  private readonly settling = new Set<Promise<void>>();
  private readyEmitted = false;
  private closed = false;
  state: 'starting' | 'watching' | 'missing' = 'starting';

  constructor(
    readonly folder: string,
    private readonly events: FolderWatcherEvents,
    private readonly timings: FolderWatcherTimings = DEFAULT_TIMINGS,
  ) {}

  async start(): Promise<void> {
    if (await isFolder(this.folder)) await this.attach();
    else this.goMissing();
  }

  private async attach(): Promise<void> {
    if (this.closed) return;
    this.state = 'starting';
    this.readyEmitted = false;
    this.identity = await folderIdentity(this.folder);
    this.guard = setInterval(() => void this.checkStillThere(), this.timings.recheckMs);
    this.guard.unref();
    const watcher = watch(this.folder, {
      // Only the drop folder itself: `imported/` and any other subfolder are not watched.
      depth: 0,
      ignoreInitial: false,
      followSymlinks: false,
      // The folder itself and its subfolders are reported as directories; only files count.
      ignored: (entry, stats) => entry !== this.folder && (isIgnoredName(path.basename(entry)) || (stats !== undefined && !stats.isFile())),
      awaitWriteFinish: { stabilityThreshold: this.timings.stableMs, pollInterval: this.timings.pollMs },
    });
    this.watcher = watcher;
    watcher.on('add', (file) => {
      if (path.dirname(file) !== this.folder) return;
      // chokidar waits for writes to finish only after its first scan: a file found by the scan may still be growing.
      if (this.readyEmitted) this.enqueue(file);
      else this.enqueueWhenStill(file);
    });
    watcher.on('change', (file) => {
      // Rewritten in place after it was handled (a rejected file saved again): look at it again.
      if (path.dirname(file) === this.folder) this.enqueue(file);
    });
    watcher.on('unlinkDir', (dir) => {
      if (dir === this.folder) void this.lost();
    });
    watcher.on('error', () => void this.checkStillThere());
    watcher.on('ready', () => {
      if (this.watcher !== watcher) return;
      this.readyEmitted = true;
      this.state = 'watching';
      this.events.ready();
    });
  }

  /** Enqueues `file` once it has not been modified for `stableMs`. */
  private enqueueWhenStill(file: string): void {
    const settled = (async () => {
      while (!this.closed) {
        let modified: number;
        try {
          modified = (await stat(file)).mtimeMs;
        } catch {
          return;
        }
        const age = Date.now() - modified;
        if (age >= this.timings.stableMs) return this.enqueue(file);
        await new Promise((resolve) => setTimeout(resolve, Math.max(this.timings.pollMs, this.timings.stableMs - age)));
      }
    })();
    this.settling.add(settled);
    void settled.finally(() => this.settling.delete(settled));
  }

  private enqueue(file: string): void {
    if (this.closed || this.queue.includes(file)) return;
    this.queue.push(file);
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    // A turn's worth of arrivals (a burst from a wire system) goes in one batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length && !this.closed) {
        const batch = this.queue;
        this.queue = [];
        await this.events.files(batch).catch((error: Error) => console.error(`[kroniek] watch ${this.folder}: ${error.message}`));
      }
    } finally {
      this.draining = null;
    }
  }

  /** Settles once every file reported so far has been handed on and handled. */
  async idle(): Promise<void> {
    while (this.draining || this.settling.size) await Promise.all([this.draining, ...this.settling]);
  }

  private async checkStillThere(): Promise<void> {
    if (this.state === 'missing') return;
    const identity = await folderIdentity(this.folder);
    if (identity === null || identity !== this.identity) await this.lost();
  }

  private async lost(): Promise<void> {
    if (this.closed || this.state === 'missing') return;
    this.state = 'missing';
    this.stopGuard();
    const watcher = this.watcher;
    this.watcher = null;
    this.queue = [];
    await watcher?.close().catch(() => undefined);
    this.goMissing();
  }

  private stopGuard(): void {
    if (this.guard) clearInterval(this.guard);
    this.guard = null;
  }

  private goMissing(): void {
    if (this.closed) return;
    this.state = 'missing';
    this.events.missing();
    this.scheduleRecheck();
  }

  private scheduleRecheck(): void {
    if (this.closed) return;
    this.recheck = setTimeout(() => {
      this.recheck = null;
      void isFolder(this.folder).then((there) => {
        if (this.closed) return;
        if (!there) return this.scheduleRecheck();
        this.events.back();
        void this.attach();
      });
    }, this.timings.recheckMs);
    this.recheck.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = null;
    this.stopGuard();
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close().catch(() => undefined);
    await this.idle();
  }
}

/** Device and inode of a folder, or null when there is no folder at `target`. */
async function folderIdentity(target: string): Promise<string | null> {
  try {
    const stats = await stat(target);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : null;
  } catch {
    return null;
  }
}

export async function isFolder(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Moves `file` into `imported/` beside it, never over another file: a name that is taken
 * there gets a suffix (`bericht (2).txt`). Returns the name it got.
 */
export async function moveToImported(file: string): Promise<string> {
  const target = path.join(path.dirname(file), IMPORTED_FOLDER);
  await mkdir(target, { recursive: true });
  const extension = path.extname(file);
  const stem = path.basename(file, extension);
  for (let attempt = 1; attempt < 10_000; attempt++) {
    const name = attempt === 1 ? `${stem}${extension}` : `${stem} (${attempt})${extension}`;
    const destination = path.join(target, name);
    if (await exists(destination)) continue;
    await rename(file, destination);
    return name;
  }
  throw Object.assign(new Error('no free name in imported/'), { code: 'EEXIST' });
}

async function exists(target: string): Promise<boolean> {
  try {
    await access(target, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
