import type { Messages } from './messages';
import { dossierFeatureEn } from './dossiers/en';
import { searchEn } from './search/en';
import { tagsEn } from './tags/en';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const en: Messages = {
  ...tagsEn,
  ...searchEn,
  ...dossierFeatureEn,
  languageName: 'English',
  appName: 'Kroniek',
  skipToList: 'Skip to story list',
  skipToReader: 'Skip to reader',

  sidebarLabel: 'Library',
  libraryHeading: 'Library',
  viewArticles: 'All stories',
  viewBriefs: 'Briefs',
  countOf: (n) => plural(n, 'item', 'items'),
  languageLabel: 'Language',

  importButton: 'Import…',
  importFolderButton: 'Import folder…',
  listLabel: (view) => `Stories: ${view}`,
  sortLabel: 'Sort by',
  sortDate: 'Date',
  sortHeadline: 'Headline',
  sortPlace: 'Place',
  sortImported: 'Import time',
  sortAscending: 'Ascending order (click for descending)',
  sortDescending: 'Descending order (click for ascending)',
  storyCount: (shown, total) => (shown < total ? `${shown.toLocaleString('en')} of ${plural(total, 'story', 'stories')}` : plural(total, 'story', 'stories')),
  loadingStories: 'Loading stories…',
  loadMore: 'Load more stories',
  loadingMore: 'Loading more…',
  noDate: 'no date',
  briefAge: (age) => `captured ${age}`,
  emptyLibraryTitle: 'Your library is empty',
  emptyLibraryHelp: (dialog) =>
    dialog
      ? 'Choose Import… to add wire stories (.txt files, or a whole folder), or drop files onto this window.'
      : 'Choose Import… to add wire stories (.txt files), or drop files or folders onto this window.',
  emptyViewTitle: (view) => `No ${view.toLowerCase()} yet`,
  emptyBriefsHelp: 'Briefs come with imported pages: the short items listed under “Meer uit …” on the page.',
  listErrorTitle: 'The story list could not be loaded',
  retry: 'Try again',

  readerLabel: 'Reader',
  noSelectionTitle: 'No story open',
  noSelectionHelp: 'Pick a story in the list: click it, or move with the arrow keys (or j/k) and press Enter.',
  loadingStory: 'Loading story…',
  storyErrorTitle: 'This story could not be opened',
  kindBrief: 'Brief',
  section: 'Section',
  date: 'Date',
  dateUnknown: 'unknown',
  warningsHeading: 'Import warnings',
  sourceHeading: 'Source',
  sourceFile: 'File',
  sourceSha: 'SHA-256',
  sourceImportedAt: 'Imported',
  briefFromPage: 'Captured with the page of',
  openPage: 'Open that story',
  emptyBody: 'This story has no body text.',

  importing: (done, total) => `Importing… ${done} of ${plural(total, 'file', 'files')}`,
  importReading: 'Reading files…',
  importResultsTitle: 'Import results',
  importTotals: (t) =>
    `${plural(t.files, 'file', 'files')}: ${t.imported} imported, ${t.duplicate} ${t.duplicate === 1 ? 'duplicate' : 'duplicates'}, ${t.rejected} rejected`,
  importBriefTotals: (imported, duplicate) =>
    `Briefs: ${imported} imported, ${duplicate} already in the library`,
  statusImported: 'Imported',
  statusDuplicate: 'Duplicate',
  statusRejected: 'Rejected',
  fileBriefs: (imported, duplicate) => `${plural(imported, 'brief', 'briefs')} imported${duplicate ? `, ${duplicate} already there` : ''}`,
  openStory: 'Open',
  close: 'Close',
  importFailed: 'The import failed',
  importNothingChosen: 'No .txt files were found in what you dropped.',
  fileTooLarge: (mb) => `The file is larger than ${mb} MB, the most one story file may be.`,
  fileUnreadable: 'The file could not be read from disk.',
  dropHere: 'Drop files to import them',
  dropHint: '.txt wire stories, or folders containing them',

  // The service already words these in English, often with specifics (sizes, reasons).
  rejectReason: (_code, reason) => reason,

  dismiss: 'Dismiss',

  startingUp: 'Opening the library…',
  startErrorTitle: 'The library could not be opened',
  readOnly: 'This library is open read-only: you can read and search, but not import or edit.',
  errorPrefix: 'Error',
};
