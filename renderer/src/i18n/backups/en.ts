import type { BackupMessages } from './messages';

export const backupsEn: BackupMessages = {
  open: 'Backups…',
  title: 'Backups',
  intro:
    'Kroniek backs up everything you edit (tags, links, dossiers, notes, dates and deletions) while you work and when you quit. Story texts are kept apart and never change after import.',
  listLabel: 'Backups, newest first',
  made: 'Made',
  size: 'Size',
  bytes: (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`),
  none: 'No backups yet. Kroniek makes one when the library opens and regularly while you edit.',
  loading: 'Loading backups…',
  loadFailed: 'The backups could not be listed',
  newest: 'newest',
  restore: 'Restore…',
  restoreFor: (when) => `Restore the backup from ${when}`,
  confirmTitle: 'Restore this backup?',
  confirmBody: (when) =>
    `Your library goes back to how it was on ${when}: tags, links, dossiers, notes and deletions made since then are undone. Kroniek first backs up the current state, so you can come back to it from this list.`,
  confirmRestore: 'Restore backup',
  restoring: 'Restoring…',
  restored: (when) => `Restored the backup from ${when}. The state before it was backed up first.`,
  restoreFailed: 'The backup could not be restored',
  readOnlyNoRestore: 'The library is open read-only, so nothing can be restored now.',
  saveLibrary: 'Save whole library…',
  saveLibraryHint: 'One JSON file with every story and everything you edited, to move or keep your library.',
  savingLibrary: 'Saving the library…',
  librarySaved: (path, stories) => `Saved ${stories.toLocaleString('en')} ${stories === 1 ? 'story' : 'stories'} to ${path}.`,
  saveLibraryFailed: 'The library could not be saved',
  downloadLibrary: 'Download whole library',
  downloadingLibrary: 'Preparing the download…',
  libraryDownloaded: (fileName, stories) => `Downloaded “${fileName}” with ${stories.toLocaleString('en')} ${stories === 1 ? 'story' : 'stories'}.`,
  importArchive: 'Import library archive…',
  importArchiveHint: 'Add the stories, tags, links and dossiers of a library saved with “Save whole library” to this one.',
  importConfirmTitle: 'Import a library archive?',
  importConfirmBody: [
    'Stories and tags are added; nothing in this library is removed or changed.',
    'A tag with the same name as one here (capitals and accents aside) becomes that tag. Links, notes, dates and dossiers this library does not have yet are added; where both have a different note or date for the same story, this library’s is kept.',
    'Kroniek backs up the current state first, so you can go back to it from the list of backups.',
  ],
  importChooseFile: 'Choose archive file…',
  importChooseAndImport: 'Choose archive and import…',
  importFileLabel: 'Library archive file (JSON)',
  importing: (fileName) => (fileName ? `Importing “${fileName}”… This can take a while for a large library.` : 'Choose the archive in the dialog that opened; Kroniek imports it right after.'),
  importFailed: 'The archive could not be imported',
  importTooLarge: (limitMb) =>
    `This archive is larger than ${limitMb} MB, more than the browser can send in one go. Import it with the desktop app or the command line (kroniek import-library FILE).`,
  importDoneTitle: 'Library archive imported',
  importRestored: 'This library was empty, so it is now an exact copy of the archive.',
  summaryStories: (added, present) => ['Stories', `${added.toLocaleString('en')} added, ${present.toLocaleString('en')} already in this library`],
  summaryTags: (added, matched) => ['Tags', `${added} added, ${matched} matched to a tag of the same name`],
  summaryLinks: (added) => ['Links', `${added} added`],
  summaryDossiers: (added) => ['Dossiers', `${added} added`],
  summarySearches: (added) => ['Saved searches', `${added} added`],
  summaryConflicts: (kept) => [
    'Differences',
    kept === 0 ? 'none' : `${kept} ${kept === 1 ? 'note, date or link differs' : 'notes, dates or links differ'} from this library’s; this library’s version was kept`,
  ],
  backToBackups: 'Back to backups',
  importBackedUp: 'Nothing in this library was removed or changed. The state before the import is the newest backup in the list.',
  close: 'Close',
  back: 'Back',
  // The service words these in English already, with the specifics (dates, file names).
  noticeText: () => null,
  noticeHeading: (code) =>
    code === 'recovered'
      ? 'Library recovered from a backup'
      : code === 'read-only'
        ? 'Library opened read-only'
        : code === 'content-damaged'
          ? 'Some stories could not be read'
          : code === 'migrated'
            ? 'Library upgraded'
            : null,
};
