import { ServiceError, toServiceError } from '../../client';
import { sendFiles } from './send-files';
import type { ImportSlice, SliceCreator } from '../../store/types';

export const createImportSlice: SliceCreator<ImportSlice> = (set, get, { client }) => {
  const busy = () => get().importProgress.phase !== 'idle';

  return {
    importProgress: { phase: 'idle' },
    importReport: null,
    importError: null,

    async importWithDialog(options = {}) {
      if (busy()) return;
      set({ importProgress: { phase: 'dialog' }, importError: null });
      try {
        const report = await client.call('import.withDialog', { folders: Boolean(options.folders) });
        // Null: the editor cancelled the dialog, nothing to report.
        set({ importProgress: { phase: 'idle' }, importReport: report ?? get().importReport });
        if (report) await get().settled();
      } catch (error) {
        set({ importProgress: { phase: 'idle' }, importError: toServiceError(error) });
      }
    },

    async importPicked(files) {
      if (busy()) return;
      const { t } = get();
      if (files.length === 0) {
        set({ importError: new ServiceError('invalid-input', t.import('importNothingChosen')), importReport: null });
        return;
      }
      set({ importProgress: { phase: 'sending', done: 0, total: files.length }, importError: null, importReport: null });
      try {
        const report = await sendFiles(client, files, { tooLarge: (mb: number) => t.import('fileTooLarge', { mb }), unreadable: t.import('fileUnreadable') }, (progress) =>
          set({ importProgress: { phase: 'sending', ...progress } }),
        );
        set({ importProgress: { phase: 'idle' }, importReport: report });
      } catch (error) {
        set({ importProgress: { phase: 'idle' }, importError: toServiceError(error) });
      }
      // The batches that went in named their new stories; the list and counts follow them.
      await get().settled();
    },

    closeImportResults() {
      set({ importReport: null, importError: null });
    },
  };
};
