import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChangeFeed } from '../../shared/contract/changes';
import type { Envelope } from '../../shared/contract/envelope';
import type { LibraryNotice } from '../../shared/types';
import { importPaths, type ImportOptions } from './import/importer';
import type { IndexSnapshotOptions } from './indexing/engine';
import { Library } from './library';
import { applyMemoryPolicy } from './memory-policy';
import type { KroniekPorts } from './ports';
import type { Platform, ServiceContext } from './service/context';
import { handlers } from './service/handlers';
import { createDispatcher } from './service/registry';
import type { LibraryStore } from './store/library-store';
import type { WatchServiceOptions } from './features/watch/watch-service';
import type { SyncCredentials } from './features/sync/sync-engine';
import type { CredentialStore } from './features/sync/credential-store';

export interface KroniekCore {
  /** Validates input against the contract schema and runs the method; never throws. */
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
  /**
   * The change feed: every store commit, whoever made it (this process's transports, and
   * later a team server), as the parts of the library it changed. Returns an unsubscribe.
   */
  readonly feed: ChangeFeed;
  /** The context behind the service, for in-process callers (CLI, tests, benchmarks). */
  readonly context: ServiceContext;
  /** The open library itself: its store, indexing (readiness: `library.whenReady()`), export session. */
  readonly library: Library;
  /**
   * How the library opened: read-only or not, and the notices of this opening (a backup
   * restored, an upgrade, story files that could not be read). Read without starting
   * anything, unlike `library.status`, which also reports (and so starts) the indexes.
   */
  opening(): { readOnly: boolean; notices: LibraryNotice[] };
  close(): Promise<void>;
  /**
   * For a shutdown that did not finish in time (a stuck disk): gives the folder lock up at
   * once so the process can be stopped hard; every write already made is durable.
   */
  abandon(): void;
}

export interface OpenKroniekOptions {
  dataDir: string;
  /** Imported automatically into a new, empty library (the embedded sample library). */
  seedsDir?: string;
  ports?: KroniekPorts;
  readOnly?: boolean;
  /** Who opens the library: what the transports in front of it may ask (see service/registry.ts). */
  platform: Platform;
  /** Build the search and related indexes at once (app, host) or on first use (CLI). Default eager. */
  indexes?: 'eager' | 'lazy';
  /** The index snapshot in the data folder's cache (default: read and written). */
  indexSnapshot?: IndexSnapshotOptions;
  /** Watch the drop folders kept in the library from the start (app, host); default off. */
  watchFolders?: boolean;
  /** Timings of the watch folders (tests use short ones). */
  watchOptions?: WatchServiceOptions;
  /** Resume live sync with the desk database this library is connected to (app, host); default off. */
  liveSync?: boolean;
  /** Where the desk database's password comes from (default: KRONIEK_SYNC_PASSWORD or the 0600 file in KRONIEK_SYNC_PASSWORD_FILE). */
  syncCredentials?: () => SyncCredentials;
  /** Where "Remember password on this computer" keeps the desk password (the app: safeStorage; the host: a 0600 file). */
  credentialStore?: CredentialStore;
}

/** The folder of sample stories that ships with the app. */
export const DEFAULT_SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

/** Opens a library folder and the service over it: the one way every runtime starts Kroniek. */
export async function openKroniek(options: OpenKroniekOptions): Promise<KroniekCore> {
  applyMemoryPolicy();
  const { seedsDir } = options;
  const library = await Library.open({
    ...options,
    // After seeding, so the sample stories are indexed in the same pass.
    beforeIndexing: async ({ store, importOptions }) => {
      if (store.created && seedsDir && existsSync(seedsDir) && !store.readOnly) await seedLibrary(store, importOptions, seedsDir);
    },
  });
  const { store } = library;
  return {
    dispatch: createDispatcher(handlers, library.context),
    feed: { revision: () => store.revision, onCommit: (listener) => store.onCommit(listener) },
    context: library.context,
    library,
    opening: () => ({ readOnly: store.readOnly, notices: [...store.notices] }),
    close: () => library.close(),
    abandon: () => store.abandonLock(),
  };
}

async function seedLibrary(store: LibraryStore, importOptions: ImportOptions, seedsDir: string): Promise<void> {
  const report = await importPaths(store, [seedsDir], { ...importOptions, estimateDates: false });
  const { imported, briefsImported } = report.totals;
  await store.update(null, (meta) => ({
    ...meta,
    notices: [
      ...meta.notices,
      {
        code: 'seeded',
        stories: imported,
        briefs: briefsImported,
        // Only for Kroniek versions before notices were data, whose file check requires a message.
        message: `This library was empty, so Kroniek imported the sample library: ${imported} stories and ${briefsImported} briefs.`,
      },
    ],
  }));
}
