import type { TrashPage } from '../../../../shared/contract/trash';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { LoadState } from '../../store/load-state';

export interface TrashSlice {
  trashOpen: boolean;
  trash: TrashPage | null;
  trashState: LoadState;
  trashError: ServiceError | null;
  /** A short line after a Trash action inside the dialog (restored, emptied), or a failure. */
  trashFeedback: { kind: 'note'; text: string } | { kind: 'failed'; error: ServiceError } | null;
  openTrash(): void;
  closeTrash(): void;
  loadTrash(): Promise<void>;
  /** Moves stories to the Trash (undoable); closes the reader when it showed one of them. */
  deleteStories(ids: readonly string[]): Promise<boolean>;
  restoreFromTrash(ids: readonly string[]): Promise<boolean>;
  /** Purges the given stories in the Trash, or all of it. */
  emptyTrash(ids?: readonly string[]): Promise<boolean>;
}
