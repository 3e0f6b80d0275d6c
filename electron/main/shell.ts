import { shell } from 'electron';
import type { ShellPort } from '../core/ports';
import { externalUrlToOpen } from './navigation';

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
    async openExternal(url) {
      const safe = externalUrlToOpen(url);
      if (!safe) throw new Error('Only https:// links can be opened in the browser.');
      await shell.openExternal(safe);
    },
  };
}
