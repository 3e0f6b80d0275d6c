import type { ImportOptions } from '../import/importer';
import type { KroniekPorts } from '../ports';
import type { LibraryStore } from '../store/library-store';

export type Platform = 'electron' | 'web' | 'cli';

/** Ranked story ids for a search-box query, best first (provided by the search index). */
export interface SearchProvider {
  /** Null when the query has nothing to search for (blank, punctuation or stopwords only). */
  search(query: string): { ids: string[]; scores: Map<string, number>; highlight: string[] } | null;
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
  related?: { related(id: string, options?: { limit?: number; exclude?: Set<string> }): { id: string; score: number; reasons: string[] }[] };
  /** Cleanups for resources a service starts lazily (e.g. the headless Chromium printer); `core.close()` runs and clears them. */
  closeHooks?: (() => Promise<void>)[];
}
