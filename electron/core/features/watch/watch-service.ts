import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../../../shared/contract/envelope';
import { WATCH_LOG_LIMIT, type WatchFolder, type WatchLogEntry } from '../../../../shared/contract/watch';
import { importPrepared, type ImportOptions } from '../../import/importer';
import { collectImportFiles, prepareIntakeItem, type PreparedFile, type PreparedWireFile } from '../../import/intake';
import { loadNinjsValidators } from '../../import/wire/validators/load';
import type { LibraryStore } from '../../store/library-store';
import type { WatchFolderConfig } from '../../store/meta';
import { DEFAULT_TIMINGS, FolderWatcher, isFolder, moveToImported, type FolderWatcherTimings } from './folder-watcher';

// The watched drop folders of one open library and their import log. Folders the editor
// added in the app are kept in the library (`watchFolders`) and watched again whenever it
// opens; folders given on a command line (`kroniek watch DIR`, `--watch DIR`) are watched
// for this session only. The log is this session's, bounded, and every entry goes out on
// the change feed (`{watch: true}`) so a window's list follows files as they arrive.

export interface WatchServiceOptions {
  timings?: FolderWatcherTimings;
}

interface Watched {
  id: string;
  path: string;
  moveImported: boolean;
  persistent: boolean;
  watcher: FolderWatcher;
  /** Files already in the folder when watching started are being reported. */
  initial: boolean;
  ready: Promise<void>;
}

export const watchFolderId = (folder: string) => `w${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`;

export class WatchService {
  private readonly watched = new Map<string, Watched>();
  private entries: WatchLogEntry[] = [];
  private seq = 0;
  private readonly listeners = new Set<(entry: WatchLogEntry) => void>();
  private closed = false;
  private readonly timings: FolderWatcherTimings;

  constructor(
    private readonly store: LibraryStore,
    private readonly importOptions: ImportOptions,
    options: WatchServiceOptions = {},
  ) {
    this.timings = options.timings ?? DEFAULT_TIMINGS;
  }

  /** Watches the folders kept in the library (on open). */
  async resume(): Promise<void> {
    for (const config of this.store.meta.watchFolders ?? []) await this.startWatching(config.path, config.moveImported, true);
  }

  folders(): WatchFolder[] {
    return [...this.watched.values()].map((entry) => this.view(entry));
  }

  /** Newest first; only entries after `after` when given. */
  log(after = 0): WatchLogEntry[] {
    return this.entries.filter((entry) => entry.seq > after).reverse();
  }

  /** Calls `listener` with every new log entry; returns an unsubscribe. */
  onEntry(listener: (entry: WatchLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts watching `given` (an absolute path to a folder). With `persist` the folder is kept
   * in the library. Resolves once the files already there have been handled.
   */
  async add(given: string, options: { moveImported?: boolean; persist?: boolean } = {}): Promise<WatchFolder> {
    if (!path.isAbsolute(given)) {
      throw new ServiceError('invalid-input', `Give the folder to watch as an absolute path, not "${given}".`, { code: 'watch.notAbsolute', path: given });
    }
    const folder = path.resolve(given);
    await requireFolder(folder);
    const persist = options.persist ?? true;
    const existing = this.watched.get(watchFolderId(folder));
    const moveImported = options.moveImported ?? existing?.moveImported ?? false;
    if (persist) await this.keep(folder, moveImported);
    if (existing) {
      existing.moveImported = moveImported;
      existing.persistent ||= persist;
      if (!persist) this.store.announce({ watch: true });
      await existing.ready;
      return this.view(existing);
    }
    const entry = await this.startWatching(folder, moveImported, persist);
    if (!persist) this.store.announce({ watch: true });
    await entry.ready;
    return this.view(entry);
  }

  async remove(id: string): Promise<WatchFolder[]> {
    const entry = this.require(id);
    this.watched.delete(id);
    await entry.watcher.close();
    if (entry.persistent) await this.forget(entry.path);
    else this.store.announce({ watch: true });
    return this.folders();
  }

  async setMoveImported(id: string, moveImported: boolean): Promise<WatchFolder> {
    const entry = this.require(id);
    entry.moveImported = moveImported;
    if (entry.persistent) await this.keep(entry.path, moveImported);
    else this.store.announce({ watch: true });
    return this.view(entry);
  }

  /** Settles once every file seen so far in every folder has been handled. */
  async idle(): Promise<void> {
    for (const entry of this.watched.values()) await entry.watcher.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.watched.values()];
    this.watched.clear();
    await Promise.all(all.map((entry) => entry.watcher.close()));
    this.listeners.clear();
  }

  // ---- internals -------------------------------------------------------

  private require(id: string): Watched {
    const entry = this.watched.get(id);
    if (!entry) throw new ServiceError('not-found', `No watched folder with id ${id}.`);
    return entry;
  }

  private view(entry: Watched): WatchFolder {
    return { id: entry.id, path: entry.path, moveImported: entry.moveImported, persistent: entry.persistent, state: entry.watcher.state };
  }

  private async startWatching(folder: string, moveImported: boolean, persistent: boolean): Promise<Watched> {
    const id = watchFolderId(folder);
    let settle: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (settle = resolve));
    const entry: Watched = { id, path: folder, moveImported, persistent, initial: true, ready, watcher: null as unknown as FolderWatcher };
    entry.watcher = new FolderWatcher(
      folder,
      {
        files: (paths) => this.handle(entry, paths),
        missing: () => {
          this.append(entry, { file: '', status: 'folder-missing' });
          settle();
        },
        back: () => {
          entry.initial = true;
          this.append(entry, { file: '', status: 'folder-back' });
        },
        ready: () => {
          // The files already there were queued before `ready`: they are handled first.
          void entry.watcher.idle().then(() => {
            entry.initial = false;
            this.store.announce({ watch: true });
            settle();
          });
        },
      },
      this.timings,
    );
    this.watched.set(id, entry);
    if (this.closed) return entry;
    await entry.watcher.start();
    return entry;
  }

  /** Imports one batch of fully written files as one store commit, then logs (and moves) each. */
  private async handle(entry: Watched, paths: string[]): Promise<void> {
    if (this.closed || this.store.readOnly) return;
    await loadNinjsValidators();
    const items = await collectImportFiles(paths);
    // Agency files (ninjs, NewsML-G2) and page text alike: the content decides.
    const prepared: (PreparedFile | PreparedWireFile)[] = items.map(prepareIntakeItem);
    // A file that vanished between arriving and being read (moved away by someone else) is not news.
    const present = prepared.map((file, index) => ({ file, absolute: paths[index]! })).filter(({ file }) => file.ok || file.code !== 'not-found');
    if (present.length === 0 || this.closed) return;
    const report = await importPrepared(this.store, present.map(({ file }) => file), this.importOptions);
    for (const [index, result] of report.files.entries()) {
      const absolute = present[index]!.absolute;
      const file = path.basename(absolute);
      const storyId = result.articleId;
      const details = {
        ...(storyId ? { storyId } : {}),
        ...(result.headline ? { headline: result.headline } : {}),
        ...(result.briefs.imported ? { briefs: result.briefs.imported } : {}),
      };
      if (result.status === 'rejected') {
        this.append(entry, { file, status: 'rejected', code: result.code ?? 'unreadable' });
        continue;
      }
      // Restarting over a folder whose files are already in the library says nothing about each.
      const quiet = result.status === 'duplicate' && entry.initial && !entry.moveImported;
      let movedTo: string | undefined;
      if (entry.moveImported && this.watched.get(entry.id) === entry) {
        try {
          movedTo = await moveToImported(absolute);
        } catch (error) {
          this.append(entry, { file, status: 'move-failed', code: (error as NodeJS.ErrnoException).code ?? 'EIO', ...details });
          continue;
        }
      }
      if (!quiet) this.append(entry, { file, status: result.status, ...details, ...(movedTo ? { movedTo } : {}) });
    }
  }

  private append(folder: Watched, fields: Omit<WatchLogEntry, 'seq' | 'at' | 'folderId' | 'folder'>): void {
    if (this.closed) return;
    const entry: WatchLogEntry = { seq: ++this.seq, at: new Date().toISOString(), folderId: folder.id, folder: folder.path, ...fields };
    this.entries.push(entry);
    if (this.entries.length > WATCH_LOG_LIMIT) this.entries = this.entries.slice(-WATCH_LOG_LIMIT);
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        console.error(`[kroniek] watch listener failed: ${(error as Error).message}`);
      }
    }
    this.store.announce({ watch: true });
  }

  private async keep(folder: string, moveImported: boolean): Promise<void> {
    if (this.store.readOnly) return;
    const current = this.store.meta.watchFolders ?? [];
    const config: WatchFolderConfig = { path: folder, moveImported };
    const at = current.findIndex((kept) => kept.path === folder);
    if (at >= 0 && current[at]!.moveImported === moveImported) return;
    const next = at >= 0 ? current.map((kept, index) => (index === at ? config : kept)) : [...current, config];
    await this.store.update(null, (meta) => ({ ...meta, watchFolders: next }));
  }

  private async forget(folder: string): Promise<void> {
    if (this.store.readOnly) return;
    const current = this.store.meta.watchFolders ?? [];
    await this.store.update(null, (meta) => ({ ...meta, watchFolders: current.filter((kept) => kept.path !== folder) }));
  }
}

async function requireFolder(folder: string): Promise<void> {
  if (await isFolder(folder)) return;
  let what: 'missing' | 'file' = 'missing';
  try {
    await lstat(folder);
    what = 'file';
  } catch {
    // not there
  }
  const message = what === 'file' ? `${folder} is a file, not a folder: give the drop folder it is in.` : `There is no folder at ${folder}.`;
  throw new ServiceError('invalid-input', message, { code: 'watch.notAFolder', path: folder, found: what });
}
