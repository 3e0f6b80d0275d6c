import path from 'node:path';
import { ExportSession } from './features/dossiers/export-session';
import type { ImportOptions } from './import/importer';
import { IndexingClient } from './indexing/client';
import type { IndexSnapshotOptions } from './indexing/engine';
import type { KroniekPorts } from './ports';
import type { Platform, ServiceContext } from './service/context';
import { ListKeys } from './features/library/list-keys';
import { PREPARE_STEP, PREPARED_ORDERS, PreparedKeys } from './features/library/key-columns';
import { listStories } from './features/library/list';
import { WARM_QUIET_MS, warmQueries } from './features/library/warm-search';
import { Foreground, sliceBreather } from './slices';
import { withUncappedGrowth } from './memory-policy';
import { BackupScheduler, listBackups, newestValidBackup } from './store/backups';
import { LibraryStore } from './store/library-store';
import { WatchService, type WatchServiceOptions } from './features/watch/watch-service';
import { TeamSync, type SyncCredentials } from './features/sync/sync-engine';
import type { CredentialStore } from './features/sync/credential-store';

/** The longest the main thread's background work (preparing the list keys, the opening order) waits for a moment without requests (see backgroundTurn). */
const WARM_WAIT_AT_MOST_MS = 50;
/**
 * The warming's slices: short, since a request that comes while one runs waits for it. With
 * the usual 8 ms, the searches of a stream sent as the indexes became ready (67,000
 * stories) were 9–11.5 ms at p95 over the first 200; with 2 ms, 6–6.5 ms.
 */
const WARM_SLICE_MS = 2;

// One open library and everything that belongs to it: the store, the indexing worker's
// client, the export session, the backup scheduler, the list's per-story keys. Handlers
// see it through `context`, whose fields are all there from the start and never change;
// `close` stops every part in order.

/** How long a command-line command waits for another command's lock before giving up. */
const CLI_LOCK_WAIT_MS = 5_000;

export interface OpenLibraryOptions {
  dataDir: string;
  ports?: KroniekPorts;
  readOnly?: boolean;
  /** Who opens the library: what the transports in front of it may ask (see service/registry.ts). */
  platform: Platform;
  /** Build the search and related indexes at once (app, host) or on first use (CLI). Default eager. */
  indexes?: 'eager' | 'lazy';
  /** The index snapshot in the data folder's cache (default: read and written). */
  indexSnapshot?: IndexSnapshotOptions;
  /** Runs before the indexes start (the sample stories are imported here, so they are indexed in the same pass). */
  beforeIndexing?: (library: { store: LibraryStore; importOptions: ImportOptions }) => Promise<void>;
  /** Watch the drop folders kept in the library from the start (app, host); default off (CLI, tests). */
  watchFolders?: boolean;
  /** Timings of the watch folders (tests use short ones). */
  watchOptions?: WatchServiceOptions;
  /** Resume the team library's live sync when this library is connected to a desk database (app, host); default off (CLI, tests). */
  liveSync?: boolean;
  /** Where the desk database's password comes from (default: KRONIEK_SYNC_PASSWORD or the 0600 file in KRONIEK_SYNC_PASSWORD_FILE). */
  syncCredentials?: () => SyncCredentials;
  /** Where "Remember password on this computer" keeps the desk password (the app: safeStorage; the host: a 0600 file); none: not offered. */
  credentialStore?: CredentialStore;
}

export class Library {
  readonly context: ServiceContext;
  private listKeysNow: ListKeys | null = null;
  /** The live stories' list keys in the store's order, until the indexes are ready and they are copied (see warmListKeys). */
  private prepared: PreparedKeys | null = null;
  private preparing = false;
  /** The opening order being made from the prepared keys (see makeOpeningOrder), if it is. */
  private makingOrder: Promise<boolean> | null = null;
  private closing: Promise<void> | null = null;
  private warmed = false;
  /** The walk that copies the list keys to the index's numbers once the indexes are ready (warmListKeys); `whenReady` waits for it. */
  private keysWarm: Promise<void> = Promise.resolve();
  /** How many of those walks run: meanwhile the background turns do not wait for the editor's requests to pause (see backgroundTurn). */
  private hurrying = 0;

  private constructor(
    readonly store: LibraryStore,
    readonly indexing: IndexingClient,
    readonly exports: ExportSession,
    private readonly backups: BackupScheduler | null,
    ports: KroniekPorts,
    platform: Platform,
    importOptions: ImportOptions,
    readonly watch: WatchService,
    readonly sync: TeamSync,
    private readonly foreground: Foreground,
  ) {
    this.context = Object.freeze({
      watch,
      sync,
      store,
      ports,
      platform,
      importOptions,
      search: indexing,
      related: indexing,
      quotes: indexing,
      exports,
      listKeys: () => this.listKeys(),
      whenIndexesReady: () => this.whenReady(),
      foreground: this.foreground,
    });
  }

  static async open(options: OpenLibraryOptions): Promise<Library> {
    const dataDir = path.resolve(options.dataDir);
    let backups: BackupScheduler | null = null;
    // Every head read is kept while the library is open: collecting meanwhile would find little to free.
    const store = await withUncappedGrowth(() =>
      LibraryStore.open(dataDir, {
        readOnly: options.readOnly,
        restoreFromBackup: () => newestValidBackup(dataDir),
        afterWrite: () => backups?.noteWrite(),
        // A command waits a little for another command to finish; the app and host never wait.
        lock: { by: options.platform, waitForCommandMs: options.platform === 'cli' ? CLI_LOCK_WAIT_MS : 0 },
      }),
    );
    try {
      if (!store.readOnly) {
        backups = new BackupScheduler(dataDir, () => store.meta, (error) => console.error(`[kroniek] backup failed: ${error.message}`));
        if ((await listBackups(dataDir)).length === 0 && !store.created) await backups.flush(true);
      }
      const importOptions: ImportOptions = {};
      await options.beforeIndexing?.({ store, importOptions });
      const start = options.indexes ?? 'eager';
      const foreground = new Foreground();
      // The worker warms its search code before it is ready only for a library that stays open
      // (app, host): a command-line command searches once and would only wait for it.
      const warm = start === 'eager' ? () => warmQueries(store.liveHeads()) : undefined;
      const indexing = new IndexingClient(store, { start, snapshot: options.indexSnapshot, foreground, warmQueries: warm });
      const watch = new WatchService(store, importOptions, options.watchOptions);
      const sync = new TeamSync(store, options.syncCredentials, options.credentialStore ?? null);
      const library = new Library(store, indexing, new ExportSession(), backups, options.ports ?? {}, options.platform, importOptions, watch, sync, foreground);
      // While the worker reads or builds the indexes, the list works out every live story's
      // sort and filter keys in the store's order (PreparedKeys; in slices, once the worker has
      // been sent its start, so as not to compete with the opening, its first page and that
      // start); the list is read off them until the indexes are ready, and then it gives each
      // its number in one pass (in slices) rather than the first searches looking the keys up
      // hit by hit. Then a few searches of its own warm the search code (warm-search.ts). Not
      // for a command-line command, whose indexes start on first use, if at all.
      if (start === 'eager') {
        library.prepared = new PreparedKeys(store);
        indexing.onStartSent(() => void library.prepareListKeys());
      }
      indexing.onReady(() => {
        // A failed walk is said, not thrown: the searches then work out their keys themselves.
        library.keysWarm = library.warmListKeys().catch((error: unknown) => console.error('[kroniek] preparing the list keys failed:', error));
        void library.keysWarm.then(() => library.warmSearch());
      });
      if (options.watchFolders && !store.readOnly) await watch.resume();
      if (!store.readOnly) await sync.start({ live: Boolean(options.liveSync) });
      return library;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /**
   * Settles once the indexes are built (or loaded) and hold every change made before the
   * call, and the list's keys are copied to the index's numbers (see warmListKeys): the
   * searches from then on look up no story hit by hit.
   */
  async whenReady(): Promise<void> {
    // The worker reports ready (and the walk starts, see open) before it answers this.
    await this.indexing.whenReady();
    await this.keysWarm;
  }

  /** The list's per-story keys, kept by the search index's story numbers (new ones when the numbering starts over). */
  listKeys(): ListKeys {
    let keys = this.listKeysNow;
    if (!keys || keys.numbering !== this.indexing.numbering) {
      keys = this.listKeysNow = new ListKeys(this.store, this.indexing, this.indexing.numbering);
      keys.adopt(this.prepared);
    }
    keys.sync();
    return keys;
  }

  /** Works out the prepared list keys (see PreparedKeys) in the background, unless they are or are being worked out. */
  private async prepareListKeys(): Promise<void> {
    const { prepared } = this;
    if (!prepared || this.preparing) return;
    this.preparing = true;
    try {
      while (!prepared.advance(PREPARE_STEP)) if (!(await this.inBackground())) return;
      await this.makeOpeningOrder(prepared);
    } finally {
      this.preparing = false;
    }
  }

  /**
   * Makes the order of the list the app opens on from the prepared keys, in steps (see
   * PreparedKeys.orderSteps): the list asks for it again when the indexes become ready, and
   * that request would otherwise make it (~29 ms of the main thread at 67,000 stories). Then
   * the order the first letter of a search shows (PREPARED_ORDERS).
   */
  private makeOpeningOrder(prepared: PreparedKeys): Promise<boolean> {
    // One at a time: the keys' preparation and the warm walk both come here, and the second waits for the first's.
    if (!this.makingOrder) {
      const making = (async () => {
        for (const { sort, dir } of PREPARED_ORDERS) {
          const steps = prepared.orderSteps(sort, dir);
          while (!steps.next().done) if (!(await this.inBackground())) return false;
        }
        return true;
      })();
      this.makingOrder = making;
      const done = () => {
        if (this.makingOrder === making) this.makingOrder = null;
      };
      making.then(done, done);
    }
    return this.makingOrder;
  }

  /**
   * Copies the list keys to the index's numbers, right after the indexes became ready. Until
   * then a search works out the keys of its hits one by one (at 52,000 stories, the first
   * 80 searches of a stream took p95 8–14 ms instead of ~1.5), so the walk does not wait for
   * the editor's requests to pause (~40 ms of 2 ms slices at 52,000 stories; a request that
   * comes meanwhile waits for at most one).
   */
  private async warmListKeys(): Promise<void> {
    this.hurrying++;
    try {
      const { prepared } = this;
      if (prepared) {
        while (!prepared.advance(PREPARE_STEP)) if (!(await this.inBackground())) return;
        if (!(await this.makeOpeningOrder(prepared))) return;
      }
      const keys = this.listKeys();
      for (const _ of keys.warmSteps()) {
        // Stale once the numbering started over (a restarted worker warms its own).
        if (keys !== this.listKeysNow || !(await this.inBackground())) return;
      }
      // Copied to their numbers: let go.
      if (this.prepared === prepared) this.prepared = null;
    } finally {
      this.hurrying--;
    }
  }

  /** The breather of background work on the main thread (see backgroundTurn); false once the library is closing. */
  private readonly inBackground = this.backgroundTurn();

  /**
   * Hands the event loop back after every WARM_SLICE_MS of work. Background work: the
   * editor's requests go first (see Foreground), but a stream of them back to back (a
   * script, the benchmark) lets a slice through now and then. Not while the keys are copied
   * to the index's numbers right after ready (see warmListKeys): then a slice runs between
   * any two turns.
   */
  private backgroundTurn(): () => Promise<boolean> {
    const breather = sliceBreather(undefined, WARM_SLICE_MS);
    /** Until when a slice runs although requests are in flight (it waited long enough). */
    let grantedUntil = 0;
    return async () => {
      if (this.closing) return false;
      await breather();
      if (this.hurrying === 0 && this.foreground.busy && performance.now() >= grantedUntil) {
        await this.foreground.idle(WARM_WAIT_AT_MOST_MS);
        if (this.foreground.busy) grantedUntil = performance.now() + WARM_SLICE_MS;
      }
      return !this.closing;
    };
  }

  /** Whether the warm-up searches (warm-search.ts) have all run since the indexes were last ready. */
  get searchIsWarm(): boolean {
    return this.warmed;
  }

  /** Searches of the library's own words, each once the editor's requests have paused for WARM_QUIET_MS; their answers are dropped. */
  private async warmSearch(): Promise<void> {
    this.warmed = false;
    for (const query of warmQueries(this.store.liveHeads())) {
      await this.foreground.quiet(WARM_QUIET_MS);
      if (this.closing) return;
      try {
        await listStories(this.context, { query, limit: 100 });
      } catch {
        // Closed meanwhile, or the worker restarted: the editor's own searches will do.
        return;
      }
    }
    this.warmed = true;
  }

  close(): Promise<void> {
    this.closing ??= this.closeParts();
    return this.closing;
  }

  private async closeParts(): Promise<void> {
    // No file is taken in once closing has begun; a batch being imported finishes first.
    await this.watch.close().catch((error: Error) => console.error(`[kroniek] close failed: ${error.message}`));
    // Replication stops and the replica closes before the store lets go of the folder.
    await this.sync.close().catch((error: Error) => console.error(`[kroniek] close failed: ${error.message}`));
    // Resources started lazily (the headless Chromium that prints PDFs) stop first.
    await this.exports.close().catch((error: Error) => console.error(`[kroniek] close failed: ${error.message}`));
    // Writes the index snapshot first when the indexes changed (bounded), while the folder is still locked.
    await this.indexing.close();
    await this.backups?.close();
    // A command-line process ends with its command, before the store's background turns would
    // make the heads cache of what it wrote or read without one (store/heads-cache.ts): made
    // now, so that the next opening reads it: ~0.7 s once at 67,000 stories, and the first open
    // after such an import to its first list page took 720-840 ms without it, ~520 ms with it.
    if (this.context.platform === 'cli') await this.store.headsCacheSettled();
    await this.store.close();
  }
}
