import type { DossierFeatureMessages } from './dossiers/messages';
import type { SearchMessages } from './search/messages';
import type { TagsMessages } from './tags/messages';

/**
 * Every UI string, one dictionary per language. Both dictionaries are typed
 * as `Messages`, so a missing or misspelt translation is a type error.
 * Strings that depend on numbers or names are functions.
 * Feature dictionaries (their own folders) are merged in with `extends`.
 */
export interface Messages extends TagsMessages, SearchMessages, DossierFeatureMessages {
  languageName: string;
  appName: string;
  skipToList: string;
  skipToReader: string;

  // Sidebar
  sidebarLabel: string;
  libraryHeading: string;
  viewArticles: string;
  viewBriefs: string;
  countOf: (n: number) => string;
  languageLabel: string;

  // Toolbar and list
  importButton: string;
  importFolderButton: string;
  listLabel: (view: string) => string;
  sortLabel: string;
  sortDate: string;
  sortHeadline: string;
  sortPlace: string;
  sortImported: string;
  sortAscending: string;
  sortDescending: string;
  storyCount: (shown: number, total: number) => string;
  loadingStories: string;
  loadMore: string;
  loadingMore: string;
  noDate: string;
  briefAge: (age: string) => string;
  emptyLibraryTitle: string;
  emptyLibraryHelp: (dialog: boolean) => string;
  emptyViewTitle: (view: string) => string;
  emptyBriefsHelp: string;
  listErrorTitle: string;
  retry: string;

  // Reader
  readerLabel: string;
  noSelectionTitle: string;
  noSelectionHelp: string;
  loadingStory: string;
  storyErrorTitle: string;
  kindBrief: string;
  section: string;
  date: string;
  dateUnknown: string;
  warningsHeading: string;
  sourceHeading: string;
  sourceFile: string;
  sourceSha: string;
  sourceImportedAt: string;
  briefFromPage: string;
  openPage: string;
  emptyBody: string;

  // Import
  importing: (done: number, total: number) => string;
  importReading: string;
  importResultsTitle: string;
  importTotals: (t: { files: number; imported: number; duplicate: number; rejected: number }) => string;
  importBriefTotals: (imported: number, duplicate: number) => string;
  statusImported: string;
  statusDuplicate: string;
  statusRejected: string;
  fileBriefs: (imported: number, duplicate: number) => string;
  openStory: string;
  close: string;
  importFailed: string;
  importNothingChosen: string;
  fileTooLarge: (limitMb: number) => string;
  fileUnreadable: string;
  dropHere: string;
  dropHint: string;

  /** Why a file was refused, from the service's machine code; falls back to the service's own (English) reason. */
  rejectReason: (code: string | undefined, reason: string | undefined) => string | undefined;

  // Notices and history
  dismiss: string;

  // Start-up
  startingUp: string;
  startErrorTitle: string;
  readOnly: string;
  errorPrefix: string;
}
