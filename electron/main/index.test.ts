import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract';
import { ServiceError } from '../../shared/contract/envelope';

// Starts the real main entry against a recording stand-in for Electron and the core,
// to check the order of the start-up steps that only a running app would show.

const h = vi.hoisted(() => {
  const events: string[] = [];
  const state = {
    events,
    lock: true,
    openError: null as Error | null,
    appListeners: new Map<string, (...args: unknown[]) => unknown>(),
    handled: [] as string[],
    loaded: [] as string[],
    errorBoxes: [] as [string, string][],
    exitCode: null as number | null,
    privileged: [] as unknown[],
    sandboxed: false,
  };
  const app = {
    isPackaged: false,
    getPath: (name: string) => `/home/ed/.config/Kroniek-${name}`,
    setPath: (name: string, value: string) => events.push(`setPath:${name}:${value}`),
    getAppPath: () => '/app',
    getLocale: () => 'nl-NL',
    enableSandbox: () => {
      state.sandboxed = true;
      events.push('enableSandbox');
    },
    requestSingleInstanceLock: () => {
      events.push('requestSingleInstanceLock');
      return state.lock;
    },
    whenReady: async () => {
      events.push('ready');
    },
    on: (name: string, listener: (...args: unknown[]) => unknown) => state.appListeners.set(name, listener),
    quit: () => events.push('quit'),
    exit: (code: number) => {
      state.exitCode = code;
      events.push(`exit:${code}`);
    },
  };
  class BrowserWindow {
    static getFocusedWindow = () => null;
    static getAllWindows = () => [];
    webContents = { on: () => undefined, executeJavaScript: async () => undefined };
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      state.loaded.push(url);
      events.push('loadURL');
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      protocol: { handle: (scheme: string) => events.push(`protocol.handle:${scheme}`) },
      setPermissionRequestHandler: () => events.push('deny-permissions'),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      on: () => undefined,
    },
  };
  const electron = {
    app,
    BrowserWindow,
    session,
    dialog: { showErrorBox: (title: string, message: string) => state.errorBoxes.push([title, message]) },
    ipcMain: { handle: (channel: string) => state.handled.push(channel), removeHandler: () => undefined },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => events.push('menu') },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes) },
    shell: { openExternal: async () => undefined },
  };
  return { state, electron };
});

vi.mock('electron', () => h.electron);
vi.mock('../core/app', () => ({
  openKroniek: async (options: unknown) => {
    h.state.events.push('openKroniek');
    if (h.state.openError) throw h.state.openError;
    void options;
    return { dispatch: async () => ({ ok: true, value: null }), feed: { revision: () => 0, onCommit: () => () => undefined }, close: async () => h.state.events.push('core.close') };
  },
}));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./index');
  // Let start() run to its end.
  for (let index = 0; index < 20; index += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeEach(() => {
  const { state } = h;
  state.events.length = 0;
  state.lock = true;
  state.openError = null;
  state.appListeners.clear();
  state.handled.length = 0;
  state.loaded.length = 0;
  state.errorBoxes.length = 0;
  state.exitCode = null;
  state.privileged.length = 0;
});

describe('main entry', () => {
  it('takes the single-instance lock before opening the store, then serves, registers IPC and opens the app page', async () => {
    await startMain();
    const { events } = h.state;
    expect(events.indexOf('requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('requestSingleInstanceLock')).toBeLessThan(events.indexOf('openKroniek'));
    expect(events.indexOf('enableSandbox')).toBeLessThan(events.indexOf('ready'));
    expect(events).toContain('protocol.handle:app');
    expect(events).toContain('deny-permissions');
    expect(h.state.handled.sort()).toEqual(methodNames.map((method) => `kroniek:${method}`).sort());
    expect(h.state.loaded).toEqual(['app://kroniek/index.html']);
    expect(h.state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(h.state.appListeners.has('web-contents-created')).toBe(true);
    expect(h.state.appListeners.has('second-instance')).toBe(true);
  });

  it('a second instance quits without opening the store', async () => {
    h.state.lock = false;
    await startMain();
    expect(h.state.events).toContain('quit');
    expect(h.state.events).not.toContain('openKroniek');
    expect(h.state.handled).toEqual([]);
  });

  it('shows a clear error and exits when the library is locked by another process', async () => {
    h.state.openError = new ServiceError('locked', 'The library is in use.');
    await startMain();
    expect(h.state.errorBoxes).toHaveLength(1);
    const [title, message] = h.state.errorBoxes[0]!;
    expect(title).toBe('Kroniek kan de bibliotheek niet openen');
    expect(message).toMatch(/andere Kroniek/);
    expect(h.state.exitCode).toBe(1);
    expect(h.state.loaded).toEqual([]);
  });

  it('names the folder and the reason for any other start failure', async () => {
    h.state.openError = new Error('The library was written by a newer Kroniek (schema 9).');
    await startMain();
    expect(h.state.errorBoxes[0]![1]).toMatch(/schema 9/);
    expect(h.state.errorBoxes[0]![1]).toMatch(/library/);
  });

  it('says in the system language that a newer Kroniek wrote the library, and which versions', async () => {
    h.state.openError = new ServiceError('conflict', 'This library was written by a newer Kroniek (schema version 9; this version reads up to 3).', { code: 'library.newer', what: 'library', found: 9, supported: 3 });
    await startMain();
    const [title, message] = h.state.errorBoxes[0]!;
    expect(title).toBe('Kroniek kan de bibliotheek niet openen');
    expect(message).toMatch(/nieuwere Kroniek \(schemaversie 9; deze versie leest tot en met 3\)\. Werk Kroniek bij/);
    expect(message).not.toMatch(/newer/);
    expect(h.state.exitCode).toBe(1);
  });

  it('closes the library before quitting', async () => {
    await startMain();
    const willQuit = h.state.appListeners.get('will-quit')!;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    willQuit(event);
    expect(event.defaultPrevented).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.state.events.indexOf('core.close')).toBeLessThan(h.state.events.lastIndexOf('quit'));
  });
});
