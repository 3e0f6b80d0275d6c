import type { DossierDetail } from '../../../../shared/contract/dossiers';
import { toServiceError } from '../../client';
import { afterFailedLoad } from '../../store/load-state';
import { moveItem } from './reorder';
import type { DossiersSlice } from './dossiers-types';
import { latestAnswer } from '../../store/latest-answer';
import type { AppState, SliceCreator } from '../../store/types';

export type { DossierDialog } from './dossiers-types';

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
  const dossierAnswer = latestAnswer();
  const openId = () => (get().view.kind === 'dossier' ? (get().view as { id: string }).id : null);

  /** Every edit answers with the whole dossier: show it at once. */
  function applyDetail(detail: DossierDetail, announcement?: string) {
    if (openId() === detail.dossier.id) set({ dossier: detail, dossierState: 'ready', dossierEditError: null });
    if (announcement !== undefined) set({ dossierAnnouncement: announcement });
    // The sidebar row and the undo state follow the edit's change set (sync slice).
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
      const before = get().dossiersState;
      set((state) => ({ dossiersState: state.dossiers.length ? state.dossiersState : 'loading', dossiersError: null }));
      try {
        set({ dossiers: await client.call('dossiers.list', {}), dossiersState: 'ready' });
      } catch (error) {
        const failed = afterFailedLoad(error, before);
        set({ dossiersState: failed.state, dossiersError: failed.error });
      }
    },

    async openDossier(id) {
      const request = dossierAnswer.begin();
      // The list keeps its rows and place, so going back to the stories is instant.
      set((state) => ({
        view: { kind: 'dossier', id },
        dossier: state.dossier?.dossier.id === id ? state.dossier : null,
        dossierState: 'loading',
        dossierError: null,
        // Refreshing the open dossier (after a change) keeps what the last edit said.
        ...(state.dossier?.dossier.id === id ? {} : { dossierEditError: null, dossierAnnouncement: '' }),
      }));
      try {
        const detail = await client.call('dossiers.get', { id });
        if (!request.current()) return;
        set({ dossier: detail, dossierState: 'ready' });
      } catch (error) {
        if (!request.current()) return;
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
        applyDetail(result, (result.alreadyIn ? get().t.dossiers('addedAlreadyIn', { added: get().t.dossiers('addedCount', { count: result.added }), count: result.alreadyIn }) : get().t.dossiers('added', { added: get().t.dossiers('addedCount', { count: result.added }) })));
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
        () => get().t.dossiers('removed', { headline }),
      );
    },

    async moveDossierEntry(from, to) {
      const before = get().dossier;
      if (!before || from === to || to < 0 || to >= before.entries.length || from < 0 || from >= before.entries.length) return false;
      const moved = before.entries[from]!;
      const headline = moved.story?.headline ?? get().t.dossiers('missingStory');
      const announce = () => get().t.dossiers('moved', { headline, position: to + 1, total: before.entries.length });
      // Shown at once, so keyboard and drag feel immediate; the service's answer then replaces it.
      set({ dossier: { ...before, entries: moveItem(before.entries, from, to) }, dossierAnnouncement: announce() });
      const ok = await edit((id) => client.call('dossiers.moveEntry', { id, from, to }), announce);
      if (!ok && get().dossier?.dossier.id === before.dossier.id) set({ dossier: before, dossierAnnouncement: '' });
      return ok;
    },

    setDossierNote(storyId, note) {
      return edit(
        (id) => client.call('dossiers.setEntryNote', { id, storyId, note }),
        () => get().t.dossiers('noteSaved'),
      );
    },

    setDossierVersion(storyId, version) {
      return edit(
        (id) => client.call('dossiers.pinVersion', { id, storyId, version }),
        () => (version === null ? get().t.dossiers('versionNewestChosen') : get().t.dossiers('versionChosen', { version })),
      );
    },

    async deleteDossier() {
      const id = openId();
      if (!id) return;
      await client.call('dossiers.delete', { id });
      dossierAnswer.drop();
      set({ dossierDialog: null, dossier: null, dossierState: 'idle' });
      get().setView({ kind: 'articles' });
      void get().loadDossiers();
      void client.call('history.state', {}).then((history) => set({ history }), () => undefined);
    },

    async exportDossier(format, locale, choices = {}) {
      const id = openId();
      if (!id) throw new Error('No dossier is open.');
      return client.call('dossiers.export', { id, format, locale, ...choices });
    },

    async exportDossierToFile(format, locale, choices = {}) {
      const id = openId();
      if (!id) throw new Error('No dossier is open.');
      return client.call('dossiers.exportToFile', { id, format, locale, ...choices });
    },

    async revealExport(path) {
      await client.call('dossiers.revealExport', { path });
    },
    async openExport(path) {
      await client.call('dossiers.openExport', { path });
    },
    async pdfExportProgress() {
      const id = openId();
      return id ? client.call('dossiers.exportProgress', { id }) : null;
    },
    async cancelPdfExport() {
      const id = openId();
      if (id) await client.call('dossiers.cancelExport', { id });
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
