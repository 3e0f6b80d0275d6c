import type { ServiceError } from '../../../../shared/contract/envelope';
import type { WatchFolder, WatchLogEntry } from '../../../../shared/contract/watch';
import type { LoadState } from '../../store/load-state';

export interface WatchSlice {
  watchOpen: boolean;
  watchFolders: WatchFolder[];
  /** This session's import log, newest first. */
  watchLog: WatchLogEntry[];
  watchState: LoadState;
  watchError: ServiceError | null;
  openWatch(): void;
  closeWatch(): void;
  /** Folders and log; the change feed's `watch` part calls it while the dialog is open. */
  loadWatch(): Promise<void>;
  /** Desktop app: native folder dialog, then watch it. False when cancelled. Throws a ServiceError. */
  addWatchFolderWithDialog(moveImported: boolean): Promise<boolean>;
  removeWatchFolder(id: string): Promise<void>;
  setWatchMoveImported(id: string, moveImported: boolean): Promise<void>;
}
