import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

// Every BrowserWindow Kroniek opens gets its webPreferences from here, so the
// security-relevant flags are decided once and tested once (Electron security
// checklist, docs/tutorial/security.md).

export type WindowRole =
  /** The editor's window: the renderer, with the contract bridge as its only extra power. */
  | { kind: 'app'; preloadPath: string; packaged?: boolean }
  /** The hidden window that prints a dossier to PDF: no preload, no JavaScript, its own session. */
  | { kind: 'print'; partition: string };

export function buildWebPreferences(role: WindowRole): WebPreferences {
  const locked: WebPreferences = {
    contextIsolation: true,
    sandbox: true,
    webSecurity: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click would open links in a new window (denied anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
    // Dropping a file must import it (the renderer handles the drop), never navigate to it.
    navigateOnDragDrop: false,
    // A page that loops on alert() cannot lock the editor out.
    safeDialogs: true,
    enableWebSQL: false,
    // Off: on Windows and Linux Chromium downloads its dictionaries from Google,
    // and Kroniek makes no network requests of its own.
    spellcheck: false,
  };
  if (role.kind === 'app') {
    // A packaged build has no DevTools: a console in the editor's window is a way to
    // run script with the contract bridge. Development builds keep them.
    return { ...locked, preload: role.preloadPath, ...(role.packaged ? { devTools: false } : {}) };
  }
  return {
    ...locked,
    // The printed document is escaped text under a script-free CSP; switching
    // JavaScript off is the second wall.
    javascript: false,
    partition: role.partition,
    disableDialogs: true,
    devTools: false,
  };
}

/** The editor's main window. */
export function appWindowOptions(preloadPath: string, title = 'Kroniek', options: { packaged?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    // Shown on 'ready-to-show', so the editor never sees an empty white frame.
    show: false,
    backgroundColor: '#f6f4ef',
    webPreferences: buildWebPreferences({ kind: 'app', preloadPath, packaged: options.packaged }),
  };
}

/** The hidden print window: A4 at 96 dpi; never shown. */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: buildWebPreferences({ kind: 'print', partition }),
  };
}
