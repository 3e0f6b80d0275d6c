import { shell } from 'electron';
import type { ShellPort } from '../core/ports';
import { externalUrlToOpen } from './navigation';

/**
 * Opens a link in the editor's browser: only well-formed https: URLs (see
 * externalUrlToOpen). The one place Kroniek calls shell.openExternal.
 */
export async function openInBrowser(url: string): Promise<void> {
  const safe = externalUrlToOpen(url);
  if (!safe) throw new Error('Only https:// links can be opened in the browser.');
  await shell.openExternal(safe); // eng-disable OPEN_EXTERNAL_JS_CHECK (reviewed: https-only after parsing, above; tested in navigation.test.ts)
}

/** The Electron ShellPort: reveal/open files the core wrote, open https links in the browser. */
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
