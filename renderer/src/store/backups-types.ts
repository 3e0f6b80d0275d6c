import type { ServiceError } from '../../../shared/contract/envelope';
import type { ArchiveDownload, ArchiveImportSummary, BackupInfo } from '../../../shared/contract/backups';
import type { PickedFile } from '../features/import/picked-file';
import type { LoadState } from './load-state';

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
