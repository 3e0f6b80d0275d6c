import { ServiceError } from '../../../shared/contract/envelope';
import { ARCHIVE_UPLOAD_BYTES, type ArchiveDownload, type ArchiveImportSummary, type BackupInfo } from '../../../shared/contract/backups';
import { toServiceError } from '../client';
import { bytesToBase64 } from '../features/import/base64';
import type { PickedFile } from '../features/import/picked-file';
import type { LoadState, SliceCreator } from './types';

export interface BackupsSlice {
  backupsOpen: boolean;
  backups: BackupInfo[];
  backupsState: LoadState;
  backupsError: ServiceError | null;
  openBackups(): void;
  closeBackups(): void;
  loadBackups(): Promise<void>;
  /**
   * Restores a backup (the service backs up the current state first), then
   * refreshes everything the restore changed. Throws a ServiceError for the dialog to show.
   */
  restoreBackup(name: string): Promise<void>;
  /** Desktop app: save dialog, then the whole library as one JSON file. Null when cancelled. */
  saveLibraryArchive(): Promise<{ path: string; stories: number } | null>;
  /** Browser: the whole library as one JSON archive, for a download. */
  downloadLibraryArchive(): Promise<ArchiveDownload>;
  /**
   * Merges a library archive into the library: from the native open dialog (desktop;
   * null when cancelled) or a picked file (browser). Then refreshes everything it
   * may have added to. Throws a ServiceError; a file over the browser's cap is
   * refused here with `tooLarge`, before it is read.
   */
  importLibraryArchive(source: { kind: 'dialog' } | { kind: 'file'; file: PickedFile; tooLarge: string }): Promise<ArchiveImportSummary | null>;
}

export const createBackupsSlice: SliceCreator<BackupsSlice> = (set, get, { client }) => ({
  backupsOpen: false,
  backups: [],
  backupsState: 'idle',
  backupsError: null,

  openBackups() {
    set({ backupsOpen: true });
    void get().loadBackups();
  },
  closeBackups() {
    set({ backupsOpen: false });
  },

  async loadBackups() {
    set((state) => ({ backupsState: state.backups.length ? state.backupsState : 'loading', backupsError: null }));
    try {
      set({ backups: await client.call('backups.list', {}), backupsState: 'ready' });
    } catch (error) {
      set({ backupsState: 'error', backupsError: toServiceError(error) });
    }
  },

  async restoreBackup(name) {
    try {
      const status = await client.call('backups.restore', { name });
      set({ status });
    } catch (error) {
      throw toServiceError(error);
    }
    // Tags, links, dossiers, notes and deletions may all have changed.
    await Promise.all([get().refreshAfterChange(), get().loadBackups()]);
  },

  async saveLibraryArchive() {
    try {
      return await client.call('library.exportArchiveToFile', {});
    } catch (error) {
      throw toServiceError(error);
    }
  },

  async downloadLibraryArchive() {
    try {
      return await client.call('library.exportArchive', {});
    } catch (error) {
      throw toServiceError(error);
    }
  },

  async importLibraryArchive(source) {
    let summary: ArchiveImportSummary | null;
    try {
      if (source.kind === 'dialog') {
        summary = await client.call('library.importArchiveWithDialog', {});
      } else {
        const { file } = source;
        if (file.size > ARCHIVE_UPLOAD_BYTES) throw new ServiceError('too-large', source.tooLarge);
        const bytes = new Uint8Array(await file.read());
        if (bytes.length > ARCHIVE_UPLOAD_BYTES) throw new ServiceError('too-large', source.tooLarge);
        summary = await client.call('library.importArchive', { name: file.name.slice(0, 1_000) || 'archive.json', base64: bytesToBase64(bytes) });
      }
    } catch (error) {
      throw toServiceError(error);
    }
    if (summary) await Promise.all([get().refreshAfterChange(), get().loadBackups(), get().loadSavedSearches()]);
    return summary;
  },
});
