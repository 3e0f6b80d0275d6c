import type { RelatedReason } from '../../../shared/contract/links';
import type { Platform } from '../../../shared/contract/define';
import type { ImportOptions } from '../import/importer';
import type { KroniekPorts } from '../ports';
import type { Matches } from '../search/index';
import type { LibraryStore } from '../store/library-store';

export type { Platform };

/** Stories matching a search-box query (provided by the search index). */
export interface SearchProvider {
  /**
   * Every matching story by number, with its score, unordered (the list counts them
   * all but orders only a page). Null when the query has nothing to search for
   * (blank, punctuation or stopwords only).
   */
  match(query: string): { matches: Matches; highlight: string[] } | null;
  /** The id of a story number from `match` (undefined once the story left the index). */
  idAt(num: number): string | undefined;
  /** A story's number, while it is in the index. */
  numberOf(id: string): number | undefined;
  /** Index build progress at start. */
  progress(): { ready: boolean; indexed: number; total: number };
  whenReady(): Promise<void>;
}

export interface ServiceContext {
  store: LibraryStore;
  ports: KroniekPorts;
  platform: Platform;
  search?: SearchProvider;
  importOptions: ImportOptions;
  /** Related-story suggestions over the whole library (the analysis RelatedIndex); absent until it is loaded. */
  related?: { related(id: string, options?: { limit?: number; exclude?: Set<string> }): { id: string; score: number; reasons: RelatedReason[] }[] };
  /** Cleanups for resources a service starts lazily (e.g. the headless Chromium printer); `core.close()` runs and clears them. */
  closeHooks?: (() => Promise<void>)[];
}
