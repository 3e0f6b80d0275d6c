import { describe, expect, it, vi } from 'vitest';
import { denyPermissions, externalUrlToOpen, guardWebContents, isAppUrl } from './navigation';

vi.mock('electron', () => ({}));

type Listener = (...args: unknown[]) => void;

/** A stand-in webContents that records listeners, so a test can fire Electron's events. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  function fire(name: string, ...args: unknown[]): { prevented: boolean } {
    const event = { prevented: false, preventDefault() { this.prevented = true; }, url: args[0] };
    for (const listener of listeners.get(name) ?? []) listener(event, ...args);
    return { prevented: event.prevented };
  }
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('isAppUrl / externalUrlToOpen', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://kroniek/index.html')).toBe(true);
    expect(isAppUrl('app://kroniek.evil/index.html')).toBe(false);
    expect(isAppUrl('https://kroniek/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });

  it('opens only well-formed http(s) and mailto URLs externally', () => {
    expect(externalUrlToOpen('https://www.anp.nl/nieuws?x=1')).toBe('https://www.anp.nl/nieuws?x=1');
    expect(externalUrlToOpen('HTTPS://WWW.ANP.NL')).toBe('https://www.anp.nl/');
    expect(externalUrlToOpen('http://example.com')).toBe('http://example.com/');
    expect(externalUrlToOpen('mailto:redactie@anp.nl?subject=Tip')).toBe('mailto:redactie@anp.nl?subject=Tip');
    for (const url of ['mailto:redactie@anp.nl?attach=/etc/passwd', 'mailto:', 'mailto:geen-adres', 'ftp://files.example', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:', 'https://user:pw@example.com', 'https://', 'not a url', 'data:text/html,hi']) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });
});

describe('guardWebContents', () => {
  it('denies navigation and redirects away from the app origin, allows it within', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents as never, { openInBrowser: async () => undefined, log: () => undefined });
    expect(fire('will-navigate', 'https://evil.example/').prevented).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd').prevented).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/').prevented).toBe(true);
    expect(fire('will-frame-navigate', 'https://evil.example/').prevented).toBe(true);
    expect(fire('will-navigate', 'app://kroniek/index.html').prevented).toBe(false);
  });

  it('blocks <webview>', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents as never, { openInBrowser: async () => undefined, log: () => undefined });
    expect(fire('will-attach-webview', {}, {}).prevented).toBe(true);
  });

  it('denies every new window, handing only http(s) and mailto links on (to be asked about, see external-links.test.ts)', async () => {
    const openInBrowser = vi.fn(async () => undefined);
    const { contents, open } = fakeContents();
    guardWebContents(contents as never, { openInBrowser, log: () => undefined });
    expect(open('https://www.nos.nl/artikel')).toEqual({ action: 'deny' });
    expect(open('http://www.nos.nl/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('app://kroniek/index.html')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openInBrowser.mock.calls).toEqual([['https://www.nos.nl/artikel'], ['http://www.nos.nl/']]);
  });
});

describe('denyPermissions', () => {
  it('answers no to every permission request and check, and cancels downloads', () => {
    const session = {
      request: null as null | ((...args: unknown[]) => void),
      check: null as null | ((...args: unknown[]) => boolean),
      device: null as null | ((...args: unknown[]) => boolean),
      download: null as null | ((event: { preventDefault(): void }) => void),
      setPermissionRequestHandler(fn: never) { this.request = fn; },
      setPermissionCheckHandler(fn: never) { this.check = fn; },
      setDevicePermissionHandler(fn: never) { this.device = fn; },
      on(name: string, fn: never) { if (name === 'will-download') this.download = fn; },
    };
    denyPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      session.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.check!({}, permission, 'app://kroniek', {})).toBe(false);
    }
    expect(session.device!({})).toBe(false);
    const preventDefault = vi.fn();
    session.download!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});
