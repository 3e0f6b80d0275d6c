
/** Strings of the backups dialog and the recovery notices (merged into the main dictionary as `t.backups`). */
export interface BackupMessages {
  open: string;
  title: string;
  intro: string;
  listLabel: string;
  made: string;
  size: string;
  bytes: (bytes: number) => string;
  none: string;
  loading: string;
  loadFailed: string;
  newest: string;
  restore: string;
  restoreFor: (when: string) => string;
  confirmTitle: string;
  confirmBody: (when: string) => string;
  confirmRestore: string;
  restoring: string;
  restored: (when: string) => string;
  restoreFailed: string;
  readOnlyNoRestore: string;
  saveLibrary: string;
  saveLibraryHint: string;
  savingLibrary: string;
  librarySaved: (path: string, stories: number) => string;
  saveLibraryFailed: string;
  downloadLibrary: string;
  downloadingLibrary: string;
  libraryDownloaded: (fileName: string, stories: number) => string;
  importArchive: string;
  importArchiveHint: string;
  importConfirmTitle: string;
  /** The merge in a few sentences: what is added, what is never touched, what wins. */
  importConfirmBody: string[];
  /** Browser: opens the file picker. */
  importChooseFile: string;
  /** Desktop: opens the native open dialog and imports. */
  importChooseAndImport: string;
  importFileLabel: string;
  /** With the picked file's name (browser), or null while the native open dialog is up (desktop). */
  importing: (fileName: string | null) => string;
  importFailed: string;
  importTooLarge: (limitMb: number) => string;
  importDoneTitle: string;
  importRestored: string;
  summaryStories: (added: number, present: number) => [string, string];
  summaryTags: (added: number, matched: number) => [string, string];
  summaryLinks: (added: number) => [string, string];
  summaryDossiers: (added: number) => [string, string];
  summarySearches: (added: number) => [string, string];
  summaryConflicts: (kept: number) => [string, string];
  importBackedUp: string;
  backToBackups: string;
  close: string;
  back: string;
}
