import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { DialogPort } from '../core/ports';
import type { MainLabels } from './labels';

/** The Electron DialogPort: native open/save dialogs, attached to the app window when there is one. */
export function createDialogPort(getWindow: () => BrowserWindow | null, labels: MainLabels): DialogPort {
  /** The chosen paths, or null when cancelled. */
  async function showOpen(options: Electron.OpenDialogOptions): Promise<string[] | null> {
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  }
  return {
    async pickImportPaths({ folders }) {
      const options: Electron.OpenDialogOptions = {
        title: labels.importDialogTitle,
        properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        filters: folders ? [] : [
          { name: labels.textFiles, extensions: ['txt'] },
          { name: labels.allFiles, extensions: ['*'] },
        ],
      };
      return showOpen(options);
    },
    async pickOpenFile({ extensions }) {
      const options: Electron.OpenDialogOptions = {
        title: labels.archiveDialogTitle,
        properties: ['openFile'],
        filters: [
          { name: labels.archiveFiles, extensions },
          { name: labels.allFiles, extensions: ['*'] },
        ],
      };
      return (await showOpen(options))?.[0] ?? null;
    },
    async pickSavePath({ defaultName, extensions }) {
      const options: Electron.SaveDialogOptions = {
        title: labels.saveDialogTitle,
        // Only the file name from the core, never a path: the folder is the editor's Documents.
        defaultPath: path.join(app.getPath('documents'), path.basename(defaultName)),
        filters: extensions.length > 0 ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
