import { ServiceError } from '../../../shared/contract/envelope';
import { ARCHIVE_UPLOAD_BYTES, type ArchiveImportSummary } from '../../../shared/contract/backups';
import { toServiceError } from '../client';
import { bytesToBase64 } from '../features/import/base64';
import type { BackupsSlice } from './backups-types';
import type { SliceCreator } from './types';

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
    // The restore's answer named every part it changed; the backup list grew by the safety backup.
    await Promise.all([get().settled(), get().loadBackups()]);
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
    if (summary) await Promise.all([get().settled(), get().loadBackups()]);
    return summary;
  },
});
