import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChangeFeed } from '../../shared/contract/changes';
import type { Envelope } from '../../shared/contract/envelope';
import type { LibraryNotice } from '../../shared/types';
import { importPaths } from './import/importer';
import { LibraryIndexes, type IndexSnapshotOptions } from './indexes';
import { applyMemoryPolicy } from './memory-policy';
import type { KroniekPorts } from './ports';
import type { Platform, ServiceContext } from './service/context';
import { handlers } from './service/handlers';
import { prepareSearchList } from './features/library/list';
import { createDispatcher } from './service/registry';
import { BackupScheduler, listBackups, newestValidBackup } from './store/backups';
import { LibraryStore } from './store/library-store';

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
  /**
   * How the library opened: read-only or not, and the notices of this opening (a backup
   * restored, an upgrade, story files that could not be read). Read without starting
   * anything, unlike `library.status`, which also reports (and so starts) the indexes.
   */
  opening(): { readOnly: boolean; notices: LibraryNotice[] };
  close(): Promise<void>;
}

export interface OpenKroniekOptions {
  dataDir: string;
  /** Imported automatically into a new, empty library (the embedded sample library). */
  seedsDir?: string;
  ports?: KroniekPorts;
  readOnly?: boolean;
  platform?: Platform;
  /** Build the search and related indexes at once (app, host) or on first use (CLI). Default eager. */
  indexes?: 'eager' | 'lazy';
  /** The index snapshot in the data folder's cache (default: read and written). */
  indexSnapshot?: IndexSnapshotOptions;
}

/** The folder of sample stories that ships with the app. */
export const DEFAULT_SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

/** Opens a library folder and the service over it: the one way every runtime starts Kroniek. */
export async function openKroniek(options: OpenKroniekOptions): Promise<KroniekCore> {
  applyMemoryPolicy();
  const dataDir = path.resolve(options.dataDir);
  let backups: BackupScheduler | null = null;
  const store = await LibraryStore.open(dataDir, {
    readOnly: options.readOnly,
    restoreFromBackup: () => newestValidBackup(dataDir),
    afterWrite: () => backups?.noteWrite(),
  });
  try {
    if (!store.readOnly) {
      backups = new BackupScheduler(dataDir, () => store.meta, (error) => console.error(`[kroniek] backup failed: ${error.message}`));
      if ((await listBackups(dataDir)).length === 0 && !store.created) await backups.flush(true);
    }
    const context: ServiceContext = {
      store,
      ports: options.ports ?? {},
      platform: options.platform ?? 'cli',
      importOptions: {},
    };
    if (store.created && options.seedsDir && existsSync(options.seedsDir) && !store.readOnly) {
      await seedLibrary(context, options.seedsDir);
    }
    // After seeding, so the sample stories are indexed in the same pass.
    const indexes = new LibraryIndexes(store, options.indexes ?? 'eager', options.indexSnapshot);
    context.search = indexes;
    context.related = indexes;
    if ((options.indexes ?? 'eager') === 'eager') {
      // Once built, the list looks up every story's sort and filter keys in one pass,
      // rather than the first searches doing it hit by hit.
      void indexes
        .whenReady()
        .then(() => prepareSearchList(context))
        .catch((error: Error) => console.error(`[kroniek] preparing the list failed: ${error.message}`));
    }
    const dispatch = createDispatcher(handlers, context);
    return {
      dispatch,
      feed: { revision: () => store.revision, onCommit: (listener) => store.onCommit(listener) },
      context,
      opening: () => ({ readOnly: store.readOnly, notices: [...store.notices] }),
      async close() {
        // Resources started lazily (e.g. the headless Chromium that prints PDFs) stop first.
        for (const hook of context.closeHooks?.splice(0) ?? []) {
          await hook().catch((error: Error) => console.error(`[kroniek] close failed: ${error.message}`));
        }
        // Writes the index snapshot first when the indexes changed (bounded), while the folder is still locked.
        await indexes.close();
        await backups?.flush();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function seedLibrary(context: ServiceContext, seedsDir: string): Promise<void> {
  const report = await importPaths(context.store, [seedsDir], context.importOptions);
  const { imported, briefsImported } = report.totals;
  await context.store.update(null, (meta) => ({
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
