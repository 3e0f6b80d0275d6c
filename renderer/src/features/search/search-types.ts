// State of search, filters and saved searches.
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { Facets, SavedSearchItem } from '../../../../shared/contract/searches';
import type { KindFilter, ListFilters } from './list-query';
import type { RowSnippet } from './snippets-slice';
import type { LoadState } from '../../store/load-state';


export interface SearchSlice {
  /** The search box as typed. */
  searchInput: string;
  /** The search text the list answers (follows `searchInput` after a short debounce). */
  searchQuery: string;
  /** Types into the box; the list follows at once when idle, else after a short pause. */
  setSearchInput(text: string): void;
  /** Enter: search for what is typed now. */
  flushSearch(): void;
  /** Escape or the clear button. */
  clearSearch(): void;
  /** Puts `text` in the box and lists it now; false when it was already listed (nothing reloaded). */
  replaceSearch(text: string): boolean;
}

export interface FiltersSlice {
  /** Filters combined with the view and the search text (the tag sidebar may set `tagIds` too). */
  filters: ListFilters;
  filtersOpen: boolean;
  /** Sets one filter and reloads the list from the top. */
  setFilter<K extends keyof ListFilters>(key: K, value: ListFilters[K]): void;
  setKindFilter(kind: KindFilter | null): void;
  /** Adds the tag to the filter, or removes it when it is there. */
  toggleTagFilter(tagId: string): void;
  /** Clears every filter and the search text. */
  clearAllFilters(): void;
  setFiltersOpen(open: boolean): void;

  /** Filter choices with live counts (`stories.facets`). */
  facets: Facets | null;
  facetsState: LoadState;
  facetsError: ServiceError | null;
  loadFacets(): Promise<void>;
}

export type SavedSearchMessage = { kind: 'saved' | 'deleted'; name: string } | { kind: 'failed'; error: ServiceError };

export interface SavedSearchesSlice {
  savedSearches: SavedSearchItem[];
  savedSearchesState: LoadState;
  savedSearchesError: ServiceError | null;
  /** The saved search the list shows, until the search or a filter is changed. */
  activeSavedSearchId: string | null;
  savedSearchMessage: SavedSearchMessage | null;
  loadSavedSearches(): Promise<void>;
  /** Stores the current search text and filters; resolves false (with a message) on failure. */
  saveCurrentSearch(name: string): Promise<boolean>;
  openSavedSearch(id: string): void;
  renameSavedSearch(id: string, name: string): Promise<boolean>;
  deleteSavedSearch(id: string): Promise<boolean>;
  clearSavedSearchMessage(): void;
}

export interface SnippetsSlice {
  /** The matched passage of result rows, by story id (rows on screen only; see snippets-slice). */
  snippets: ReadonlyMap<string, RowSnippet>;
  /** The list shows rows [start, end): their snippets are asked for once that settles. */
  wantSnippets(start: number, end: number): void;
  forgetSnippets(): void;
  /** The editor typed: the snippets not yet asked for wait for the list that answers it. */
  holdSnippets(): void;
  /** What was typed left the search as it was (no new list): the rows on screen get their snippets after all. */
  resumeSnippets(): void;
}
