import { app, BrowserWindow, dialog, shell } from 'electron';
import type { ShellPort } from '../core/ports';
import { openExternalAfterAsking } from './external-links';
import { labelsFor, languageFor } from './labels';

/**
 * Opens a link with the system (browser, mail program): only well-formed http(s) and
 * mailto URLs, and only after the editor said yes to the full address (see
 * external-links.ts). The one place Kroniek calls shell.openExternal.
 */
export async function openInBrowser(url: string): Promise<void> {
  const outcome = await openExternalAfterAsking(url, {
    labels: () => labelsFor(languageFor(app.getLocale())),
    async ask(prompt) {
      const parent = BrowserWindow.getFocusedWindow();
      const answer = parent ? await dialog.showMessageBox(parent, prompt) : await dialog.showMessageBox(prompt);
      return answer.response;
    },
    open: (safe) => shell.openExternal(safe), // eng-disable OPEN_EXTERNAL_JS_CHECK (reviewed: http(s)/mailto only after parsing, and asked first; tested in external-links.test.ts)
  });
  if (outcome === 'refused') throw new Error('Only http(s) and mailto links can be opened.');
}

/** The Electron ShellPort: reveal/open files the core wrote, open http(s)/mailto links after asking. */
export function createShellPort(): ShellPort {
  return {
    async revealInFolder(filePath) {
      shell.showItemInFolder(filePath);
    },
    async openPath(filePath) {
      // openPath reports failure as a message, not a rejection.
      const problem = await shell.openPath(filePath);
      if (problem) throw new Error(`Could not open ${filePath}: ${problem}`);
    },
    openExternal: openInBrowser,
  };
}
