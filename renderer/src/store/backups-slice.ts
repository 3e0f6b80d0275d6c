import type { ServiceError } from '../../../shared/contract/envelope';
import type { BackupInfo } from '../../../shared/contract/maintenance';
import { toServiceError } from '../client';
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
});
