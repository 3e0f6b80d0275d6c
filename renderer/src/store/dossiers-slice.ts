import type { CreateDossierInput, DossierAddResult, DossierDetail, DossierListItem, ExportedFile, ExportLocale, SavedExport } from '../../../shared/contract/dossiers';
import type { ServiceError } from '../../../shared/contract/envelope';
import type { ListPage } from '../../../shared/contract/library';
import type { TagListItem } from '../../../shared/contract/tags';
import type { ExportFormat } from '../../../shared/types';
import { toServiceError } from '../client';
import { moveItem } from '../features/dossiers/reorder';
import type { AppState, LoadState, SliceCreator } from './types';

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
  exportDossier(format: ExportFormat, locale: ExportLocale): Promise<ExportedFile>;
  /** Desktop app: save dialog then write; null when the editor cancelled. */
  exportDossierToFile(format: ExportFormat, locale: ExportLocale): Promise<SavedExport | null>;
  revealExport(path: string): Promise<void>;
  openExport(path: string): Promise<void>;
  /** For the create dialog's tag picker. */
  dossierTagChoices(): Promise<TagListItem[]>;
  /** For the create dialog: how many stories the series of `storyId` has (1 = none). */
  dossierSeriesSize(storyId: string): Promise<number>;
  /** For the add-stories picker: stories matching words (newest first without words). */
  findStoriesForDossier(query: string, includeBriefs: boolean): Promise<ListPage>;
}

/**
 * The stories an action "on the selection" means: the list's multi-selection when
 * there is one, else the open story (the selection slice's `targetIds`).
 */
export function selectedStoryIds(state: AppState): string[] {
  return state.targetIds();
}

/** Rows the add-stories picker shows at once: enough to scan, few enough to stay quick. */
export const PICKER_LIMIT = 50;

const headlineOf = (detail: DossierDetail, storyId: string) => detail.entries.find((entry) => entry.storyId === storyId)?.story?.headline ?? storyId;

export const createDossiersSlice: SliceCreator<DossiersSlice> = (set, get, { client }) => {
  // Answers for a dossier that is no longer the open one are dropped.
  let generation = 0;
  const openId = () => (get().view.kind === 'dossier' ? (get().view as { id: string }).id : null);

  /** Every edit answers with the whole dossier: show it, refresh the sidebar row and the undo state. */
  function applyDetail(detail: DossierDetail, announcement?: string) {
    if (openId() === detail.dossier.id) set({ dossier: detail, dossierState: 'ready', dossierEditError: null });
    if (announcement !== undefined) set({ dossierAnnouncement: announcement });
    void get().loadDossiers();
    void client.call('history.state', {}).then((history) => set({ history }), () => undefined);
  }

  async function edit(run: (id: string) => Promise<DossierDetail>, announce?: (detail: DossierDetail) => string): Promise<boolean> {
    const id = openId();
    if (!id) return false;
    try {
      const detail = await run(id);
      applyDetail(detail, announce?.(detail));
      return true;
    } catch (error) {
      set({ dossierEditError: toServiceError(error) });
      return false;
    }
  }

  return {
    dossiers: [],
    dossiersState: 'idle',
    dossiersError: null,
    dossier: null,
    dossierState: 'idle',
    dossierError: null,
    dossierEditError: null,
    dossierAnnouncement: '',
    dossierDialog: null,

    async loadDossiers() {
      set((state) => ({ dossiersState: state.dossiers.length ? state.dossiersState : 'loading', dossiersError: null }));
      try {
        set({ dossiers: await client.call('dossiers.list', {}), dossiersState: 'ready' });
      } catch (error) {
        set({ dossiersState: 'error', dossiersError: toServiceError(error) });
      }
    },

    async openDossier(id) {
      const mine = ++generation;
      // The list keeps its rows and place, so going back to the stories is instant.
      set((state) => ({
        view: { kind: 'dossier', id },
        dossier: state.dossier?.dossier.id === id ? state.dossier : null,
        dossierState: 'loading',
        dossierError: null,
        dossierEditError: null,
        dossierAnnouncement: '',
      }));
      try {
        const detail = await client.call('dossiers.get', { id });
        if (mine !== generation) return;
        set({ dossier: detail, dossierState: 'ready' });
      } catch (error) {
        if (mine !== generation) return;
        set({ dossier: null, dossierState: 'error', dossierError: toServiceError(error) });
      }
    },

    async reloadDossier() {
      const id = openId();
      if (id) await get().openDossier(id);
    },

    async refreshDossiers() {
      await get().loadDossiers();
      const id = openId();
      if (!id) return;
      if (get().dossiers.some((item) => item.id === id) || get().dossiersState === 'error') {
        await get().openDossier(id);
      } else {
        // Undoing its creation (or restoring a backup from before it) removed it.
        set({ dossier: null, dossierState: 'idle', dossierDialog: null });
        get().setView({ kind: 'articles' });
      }
    },

    openDossierDialog(dialog) {
      set({ dossierDialog: dialog });
    },
    closeDossierDialog() {
      set({ dossierDialog: null });
    },

    async createDossier(input) {
      const detail = await client.call('dossiers.create', input);
      set({ dossierDialog: null });
      await get().openDossier(detail.dossier.id);
      applyDetail(detail);
      return detail;
    },

    async updateDossier(fields) {
      const id = openId();
      if (!id) return;
      applyDetail(await client.call('dossiers.update', { id, ...fields }));
    },

    async addToDossier(storyIds) {
      const id = openId();
      if (!id || storyIds.length === 0) return null;
      try {
        const result = await client.call('dossiers.addStories', { id, storyIds });
        applyDetail(result, get().t.dossiers.added(result.added, result.alreadyIn));
        return result;
      } catch (error) {
        set({ dossierEditError: toServiceError(error) });
        return null;
      }
    },

    removeFromDossier(storyId) {
      const before = get().dossier;
      const headline = before ? headlineOf(before, storyId) : storyId;
      return edit(
        (id) => client.call('dossiers.removeEntry', { id, storyId }),
        () => get().t.dossiers.removed(headline),
      );
    },

    async moveDossierEntry(from, to) {
      const before = get().dossier;
      if (!before || from === to || to < 0 || to >= before.entries.length || from < 0 || from >= before.entries.length) return false;
      const moved = before.entries[from]!;
      const headline = moved.story?.headline ?? get().t.dossiers.missingStory;
      const announce = () => get().t.dossiers.moved(headline, to + 1, before.entries.length);
      // Shown at once, so keyboard and drag feel immediate; the service's answer then replaces it.
      set({ dossier: { ...before, entries: moveItem(before.entries, from, to) }, dossierAnnouncement: announce() });
      const ok = await edit((id) => client.call('dossiers.moveEntry', { id, from, to }), announce);
      if (!ok && get().dossier?.dossier.id === before.dossier.id) set({ dossier: before, dossierAnnouncement: '' });
      return ok;
    },

    setDossierNote(storyId, note) {
      return edit(
        (id) => client.call('dossiers.setEntryNote', { id, storyId, note }),
        () => get().t.dossiers.noteSaved,
      );
    },

    async deleteDossier() {
      const id = openId();
      if (!id) return;
      await client.call('dossiers.delete', { id });
      generation++;
      set({ dossierDialog: null, dossier: null, dossierState: 'idle' });
      get().setView({ kind: 'articles' });
      void get().loadDossiers();
      void client.call('history.state', {}).then((history) => set({ history }), () => undefined);
    },

    async exportDossier(format, locale) {
      const id = openId();
      if (!id) throw new Error('No dossier is open.');
      return client.call('dossiers.export', { id, format, locale });
    },

    async exportDossierToFile(format, locale) {
      const id = openId();
      if (!id) throw new Error('No dossier is open.');
      return client.call('dossiers.exportToFile', { id, format, locale });
    },

    async revealExport(path) {
      await client.call('dossiers.revealExport', { path });
    },
    async openExport(path) {
      await client.call('dossiers.openExport', { path });
    },

    dossierTagChoices() {
      return client.call('tags.list', {});
    },
    async dossierSeriesSize(storyId) {
      return (await client.call('series.get', { storyId })).entries.length;
    },
    findStoriesForDossier(query, includeBriefs) {
      const words = query.trim();
      return client.call('stories.list', {
        ...(words ? { query: words } : { sort: 'date', dir: 'desc' }),
        ...(includeBriefs ? {} : { kind: 'article' }),
        limit: PICKER_LIMIT,
      });
    },
  };
};
