import type { CreateDossierInput, DossierAddResult, DossierDetail, DossierListItem, ExportedFile, ExportLocale, SavedExport } from '../../../../shared/contract/dossiers';
import type { ExportProgress } from '../../../../shared/contract/dossiers';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { ListPage } from '../../../../shared/contract/library';
import type { TagListItem } from '../../../../shared/contract/tags';
import type { ExportFormat } from '../../../../shared/types';
import type { LoadState } from '../../store/load-state';

/** Which dossier dialog is open; `create` may come preset with a source (e.g. from a tag's menu). */
export type DossierDialog =
  | { kind: 'create'; source?: 'selection' | 'tag' | 'series'; tagId?: string }
  | { kind: 'edit' }
  | { kind: 'delete' }
  | { kind: 'add' }
  | { kind: 'export' };

export interface DossiersSlice {
  /** Sidebar rows, most recently edited first. */
  dossiers: DossierListItem[];
  dossiersState: LoadState;
  dossiersError: ServiceError | null;
  /** The dossier open in the main area (while `view.kind === 'dossier'`). */
  dossier: DossierDetail | null;
  dossierState: LoadState;
  dossierError: ServiceError | null;
  /** The last edit that failed (shown in the dossier view until the next edit). */
  dossierEditError: ServiceError | null;
  /** Short confirmations for the dossier view's live region (moves, removals, additions). */
  dossierAnnouncement: string;
  dossierDialog: DossierDialog | null;

  loadDossiers(): Promise<void>;
  openDossier(id: string): Promise<void>;
  reloadDossier(): Promise<void>;
  /** After undo/redo/restore: the sidebar list and the open dossier (closed when it is gone). */
  refreshDossiers(): Promise<void>;
  openDossierDialog(dialog: DossierDialog): void;
  closeDossierDialog(): void;
  /** Creates and opens the dossier; throws a ServiceError for the dialog to show. */
  createDossier(input: CreateDossierInput): Promise<DossierDetail>;
  /** Throws a ServiceError for the dialog to show. */
  updateDossier(fields: { title?: string; subtitle?: string; intro?: string }): Promise<void>;
  addToDossier(storyIds: string[]): Promise<DossierAddResult | null>;
  removeFromDossier(storyId: string): Promise<boolean>;
  /** Moves an entry (shown at once, then saved; put back if saving fails). */
  moveDossierEntry(from: number, to: number): Promise<boolean>;
  setDossierNote(storyId: string, note: string): Promise<boolean>;
  /** Throws a ServiceError for the confirmation to show. */
  deleteDossier(): Promise<void>;
  exportDossier(format: ExportFormat, locale: ExportLocale, choices?: ExportChoices): Promise<ExportedFile>;
  /** Desktop app: save dialog then write; null when the editor cancelled. */
  exportDossierToFile(format: ExportFormat, locale: ExportLocale, choices?: ExportChoices): Promise<SavedExport | null>;
  revealExport(path: string): Promise<void>;
  openExport(path: string): Promise<void>;
  /** The open dossier's PDF export under way, or null. */
  pdfExportProgress(): Promise<ExportProgress | null>;
  /** Stops the open dossier's PDF export; it then fails with reason `export.cancelled`. */
  cancelPdfExport(): Promise<void>;
  /** For the create dialog's tag picker. */
  dossierTagChoices(): Promise<TagListItem[]>;
  /** For the create dialog: how many stories the series of `storyId` has (1 = none). */
  dossierSeriesSize(storyId: string): Promise<number>;
  /** For the add-stories picker: stories matching words (newest first without words). */
  findStoriesForDossier(query: string, includeBriefs: boolean): Promise<ListPage>;
}

/**
 * The editor's say on an export: agency stories withdrawn left out or included with a note,
 * an embargo overridden, and (only after the core refused) going on without the stories
 * whose text cannot be read.
 */
export interface ExportChoices {
  withdrawn?: 'exclude' | 'include';
  overrideEmbargo?: boolean;
  allowIncomplete?: boolean;
}
