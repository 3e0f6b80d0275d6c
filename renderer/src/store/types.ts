import type { SearchExpansion } from '../../../shared/contract/library';
import type { ChangeSet } from '../../../shared/contract/changes';
import type { ServiceError } from '../../../shared/contract/envelope';
import type { HistoryState, KindCounts, RecentChange, SortKey } from '../../../shared/contract/library';
import type { ImportReport, LibraryStatus, Story, StorySummary } from '../../../shared/types';
import type { Client } from '../client';
import type { PickedFile } from '../features/import/picked-file';
import type { SelectionSlice, StoryExtrasSlice, TagsSlice } from '../features/tags/tags-types';
import type { FiltersSlice, SavedSearchesSlice, SearchSlice, SnippetsSlice } from '../features/search/search-types';
import type { BackupsSlice } from '../features/backups/backups-types';
import type { DossiersSlice } from '../features/dossiers/dossiers-types';
import type { TrashSlice } from '../features/trash/trash-types';
import type { LoadState } from './load-state';
import type { Language } from '../i18n';
import type { Translators } from '../i18n/translate';
import type { HistoryLabel } from '../../../shared/messages';
import type { WatchSlice } from '../features/watch/watch-types';
import type { LayoutSlice } from '../app/layout/layout-slice';
import type { ProposalsSlice } from '../features/versions/proposals-slice';
import type { ConnectionSlice } from '../app/connection/connection-slice';
import type { VersionsSlice } from '../features/versions/versions-types';
import type { ChronologySlice } from '../features/chronology/chronology-slice';
import type { QuotesSlice } from '../features/quotes/quotes-slice';
import type { TeamSlice } from '../features/sync/team-types';

/** What each slice may use besides the store itself. */
export interface StoreDeps {
  client: Client;
  /** localStorage, or null where it is unavailable. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Ordered system language preferences (navigator.languages). */
  languages: readonly string[];
  /** Pause between tries while the service cannot be reached (default RECONNECT_MS; tests use a short one). */
  reconnectMs?: number;
}

export type { LoadState } from './load-state';

/** Sidebar views; tags, dossiers and saved searches will add their own. */
export type View = { kind: 'articles' } | { kind: 'briefs' } | { kind: 'tag'; tagId: string } | { kind: 'dossier'; id: string } | { kind: 'quotes' } | { kind: 'conflicts' };
export type BrowseSort = Exclude<SortKey, 'relevance'>;

export interface UiSlice {
  language: Language;
  t: Translators;
  setLanguage(language: Language): void;
  /** Native dialogs exist only in the desktop app (preload transport). */
  nativeDialogs: boolean;
}

export interface LibrarySlice {
  status: LibraryStatus | null;
  statusState: LoadState;
  statusError: ServiceError | null;
  loadStatus(): Promise<void>;
  dismissNotices(): Promise<void>;
}

export interface ListSlice {
  view: View;
  /** `relevance` while searching (chosen automatically when a search starts). */
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** The loaded rows in list order (the list itself is virtual: see `pages`). */
  items: StorySummary[];
  /** Loaded pages of the list by page number (rows page × PAGE_SIZE onwards). */
  pages: ReadonlyMap<number, StorySummary[]>;
  /** All matching stories, loaded or not. */
  total: number;
  /** Changes when the list answers another query: the list scrolls back to the top. */
  listKey: string | null;
  listState: LoadState;
  listError: ServiceError | null;
  /** A page is being fetched. */
  loadingMore: boolean;
  /** Keyboard cursor in the list (may differ from the story open in the reader). */
  cursorId: string | null;
  /** A row the cursor moved to before its page arrived (End on a long list); the cursor takes it on arrival. */
  pendingCursor: number | null;
  /** Folded search terms of the shown rows, to mark in list and reader (empty without a search). */
  highlight: string[];
  /** Other names the search also looked for (`beijing` → Peking): "also searched: …". */
  expansions: SearchExpansion[];
  /** The search text the shown rows answer ('' for none; null before the first answer). */
  renderedQuery: string | null;
  /**
   * Whether the shown rows are a search's results (ranked, their matches marked, with
   * snippets): false when browsing, also for a search text with nothing to search for (one
   * letter), which lists every story as browsing does.
   */
  listSearched: boolean;
  /** How many stories of each kind the search and filters (all but kind) match. */
  kinds: KindCounts | null;
  setView(view: View): void;
  setSort(sort: SortKey): void;
  toggleDir(): void;
  setCursor(id: string | null): void;
  /** Moves the cursor to row `index`, loading its page first when needed. */
  setCursorAt(index: number): void;
  reloadList(): Promise<void>;
  /** The next page after the last loaded one. */
  loadMore(): Promise<void>;
  /** Fetches the pages holding rows [start, end) that are not loaded yet (the list's visible window). */
  ensureRows(start: number, end: number): void;
  /** Asks again for pages whose fetch failed. */
  retryRows(): void;
}

export interface ReaderSlice {
  openId: string | null;
  story: Story | null;
  storyState: LoadState;
  storyError: ServiceError | null;
  /** For an open brief: the article whose page it was captured with (null when unknown or gone). */
  briefPage: { id: string; headline: string } | null;
  /** A range of one paragraph the reader marks and scrolls to (a chronology line's source sentence, a search hit). */
  readerMark: ReaderMark | null;
  /**
   * Opens a story; `reload` re-reads the open one after a change (not the editor opening it: a wire story stays "new since you last opened it").
   * `mark`: a range to highlight and scroll to; opening without one clears it (a reload keeps it).
   */
  openStory(id: string, options?: { reload?: boolean; mark?: ReaderMark }): Promise<void>;
  reloadStory(): Promise<void>;
  closeStory(): void;
}

/** Characters [start, end) of block `paragraph` (an index into the story's body) of story `storyId`. */
export interface ReaderMark {
  storyId: string;
  paragraph: number;
  start: number;
  end: number;
}

export type ImportProgress = { phase: 'idle' } | { phase: 'dialog' } | { phase: 'sending'; done: number; total: number };

export interface ImportSlice {
  importProgress: ImportProgress;
  /** The last import's results; the results panel is open while this is set. */
  importReport: ImportReport | null;
  importError: ServiceError | null;
  importWithDialog(options?: { folders?: boolean }): Promise<void>;
  importPicked(files: PickedFile[]): Promise<void>;
  closeImportResults(): void;
}

export type HistoryMessage =
  | { kind: 'undone' | 'redone'; label: HistoryLabel | null }
  | { kind: 'nothing-to-undo' | 'nothing-to-redo' }
  | { kind: 'failed'; error: ServiceError };

export interface HistorySlice {
  history: HistoryState | null;
  historyMessage: HistoryMessage | null;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** `history.state` for the Undo/Redo buttons (at start; edits refresh it themselves). */
  loadHistory(): Promise<void>;
  /** The Recent changes dialog is open. */
  recentOpen: boolean;
  openRecent(): void;
  closeRecent(): void;
  /** `history.recent`: the library's recent changes, newest first. */
  loadRecent(): Promise<RecentChange[]>;
}

export interface SyncSlice {
  /** Refreshes exactly the server state on screen that the change set touched (see sync-slice.ts). */
  refreshFor(changes: ChangeSet): void;
  /** Resolves once the refreshes started so far have answered (an edit resolves after the screen shows it). */
  settled(): Promise<void>;
}

export type AppState = SyncSlice & UiSlice & LibrarySlice & ListSlice & ReaderSlice & ImportSlice & HistorySlice & SelectionSlice & TagsSlice & StoryExtrasSlice & DossiersSlice & BackupsSlice & SearchSlice & FiltersSlice & SavedSearchesSlice & SnippetsSlice & TrashSlice & LayoutSlice & WatchSlice & VersionsSlice & ProposalsSlice & ConnectionSlice & ChronologySlice & QuotesSlice & TeamSlice;

export type SetState = (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;
export type SliceCreator<S> = (set: SetState, get: GetState, deps: StoreDeps) => S;
