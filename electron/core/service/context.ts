import type { Platform } from '../../../shared/contract/define';
import type { ExportSession } from '../features/dossiers/export-session';
import type { ImportOptions } from '../import/importer';
import type { QuotesProvider, RelatedProvider, SearchProvider } from '../indexing/client';
import type { KroniekPorts } from '../ports';
import type { LibraryStore } from '../store/library-store';
import type { ListKeys } from '../features/library/list-keys';
import type { WatchService } from '../features/watch/watch-service';
import type { TeamSync } from '../features/sync/sync-engine';
import type { Foreground } from '../slices';

export type { Platform };
export type { QuotesProvider, RelatedProvider, SearchProvider } from '../indexing/client';

/**
 * What every handler works with: one open library's parts (see library.ts), all present
 * from the start and never replaced. The indexes answer asynchronously (they live in the
 * indexing worker); `whenIndexesReady` settles once they are built and up to date.
 */
export interface ServiceContext {
  readonly store: LibraryStore;
  readonly ports: KroniekPorts;
  readonly platform: Platform;
  readonly importOptions: ImportOptions;
  /** Stories matching a search-box query, and the index's story numbers. */
  readonly search: SearchProvider;
  /** Related-story suggestions over the whole library. */
  readonly related: RelatedProvider;
  /** The stories' quotes, kept by the indexing worker. */
  readonly quotes: QuotesProvider;
  /** The PDF printer started for this library, and the files exported in this session. */
  readonly exports: ExportSession;
  /** What the list sorts and filters search hits by, per story number of the current search index. */
  listKeys(): ListKeys;
  whenIndexesReady(): Promise<void>;
  /** The watched drop folders and their import log. */
  readonly watch: WatchService;
  /** The team library: the local replica and its replication with a desk database. */
  readonly sync: TeamSync;
  /** The requests being answered now (the dispatcher counts them), which background work gives way to. */
  readonly foreground: Foreground;
}
