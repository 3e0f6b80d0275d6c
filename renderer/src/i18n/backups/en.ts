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
