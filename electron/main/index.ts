import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import type { ServiceError } from '../../shared/contract/envelope';
import { openKroniek, type KroniekCore } from '../core/app';
import { createSafeCredentialStore } from './safe-credentials';
import { APP_ENTRY_URL, registerAppSchemePrivileges, serveAppScheme } from './protocol';
import { createDialogPort } from './dialogs';
import { forwardChanges, registerIpc } from './ipc';
import { labelsFor, languageFor, type MainLabels } from './labels';
import { buildMenuTemplate, menuCommandScript } from './menu';
import { denyPermissions, guardWebContents } from './navigation';
import { createElectronPrinter } from './pdf-printer';
import { createShellPort, openInBrowser } from './shell';
import { crashPageUrl, createCrashPolicy } from './crash-policy';
import { appLocations } from './startup-options';
import { appWindowOptions } from './window-options';

// The Electron shell: thin glue between Electron and the core. Every decision
// worth testing lives in the modules imported above.

const locations = appLocations({
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
  defaultUserData: app.getPath('userData'),
  mainDir: import.meta.dirname,
  resourcesDir: app.isPackaged ? process.resourcesPath : null,
  appDir: app.getAppPath(),
});
if (locations.userDataDir) app.setPath('userData', locations.userDataDir);

// Before 'ready': the scheme's privileges, and the sandbox for every renderer.
registerAppSchemePrivileges();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let core: KroniekCore | null = null;

// Every webContents the app ever creates gets the navigation rules, before it loads anything.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { openInBrowser }));

function createWindow(labels: MainLabels): BrowserWindow {
  // webPreferences come from the one tested builder; electronegativity.test.ts scans its real output.
  const window = new BrowserWindow(appWindowOptions(locations.preloadPath, 'Kroniek', { packaged: app.isPackaged })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // Reloaded after a crash, at most CRASH_RELOADS times a minute; then a local error page.
  const crashes = createCrashPolicy();
  window.webContents.on('render-process-gone', (_event, details) => {
    const action = crashes.next(details.reason);
    if (action === 'none' || window.isDestroyed()) return;
    console.error(`[kroniek] the window's renderer stopped (${details.reason}); ${action === 'reload' ? 'reloading' : 'showing the error page'}`);
    void window.loadURL(action === 'reload' ? APP_ENTRY_URL : crashPageUrl(labels)).catch((error: unknown) => console.error(`[kroniek] ${String(error)}`));
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    dialog.showErrorBox(labels.startFailedTitle, `${APP_ENTRY_URL}: ${String(error)}`);
  });
  return window;
}

function startupFailure(labels: MainLabels, error: unknown): string {
  // By its code, not its class: the core may be bundled with its own copy of ServiceError.
  if (error instanceof Error && (error as Partial<ServiceError>).code === 'locked') return labels.lockedMessage;
  const reason = error instanceof Error ? (error as Partial<ServiceError>).reason : undefined;
  const detail = reason?.code === 'library.newer' ? labels.newerLibrary(reason.found, reason.supported) : error instanceof Error ? error.message : String(error);
  return `${labels.startFailed} ${locations.dataDir}:\n\n${detail}`;
}

async function start(): Promise<void> {
  await app.whenReady();
  const labels = labelsFor(languageFor(app.getLocale()));

  denyPermissions(session.defaultSession);
  serveAppScheme(session.defaultSession, locations.rendererDir);

  try {
    core = await openKroniek({
      dataDir: locations.dataDir,
      seedsDir: locations.seedsDir,
      platform: 'electron',
      watchFolders: true, liveSync: true,
      credentialStore: createSafeCredentialStore(),
      ports: {
        printer: createElectronPrinter(),
        dialogs: createDialogPort(() => mainWindow, labels),
        shell: createShellPort(),
      },
    });
  } catch (error) {
    dialog.showErrorBox(labels.startFailedTitle, startupFailure(labels, error));
    app.exit(1);
    return;
  }
  registerIpc(ipcMain, core);
  // Every commit (from any window, later a team server) reaches every window.
  forwardChanges(core.feed, () => BrowserWindow.getAllWindows().map((window) => window.webContents));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(labels, { platform: process.platform, developer: !app.isPackaged }, {
        run(command) {
          const contents = (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents;
          contents?.executeJavaScript(menuCommandScript(command)).catch((error: unknown) => console.error(`[kroniek] menu ${command}: ${String(error)}`));
        },
      }),
    ),
  );

  mainWindow = createWindow(labels);
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(labels);
  });
}

// One Kroniek per library: taken before the store opens. A second start
// focuses the first window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  // Close the store (final backup, release the lock) before the process ends.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => console.error(`[kroniek] closing the library failed: ${String(error)}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  start().catch((error: unknown) => {
    dialog.showErrorBox('Kroniek', error instanceof Error ? (error.stack ?? error.message) : String(error));
    app.exit(1);
  });
}
