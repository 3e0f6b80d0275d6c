import type { Event, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-scheme';

// The window shows Kroniek and nothing else: no navigation away, no new
// windows, no <webview>, no permissions. Links to the web open in the editor's
// browser (http, https, mailto), and only after the editor said yes to the full address.

/** True for URLs of the app's own pages (`app://kroniek/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Query fields a `mailto:` link may carry; others (`attach`, `attachment`, …) make some mail programs attach local files. */
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

/**
 * The URL to hand to the system, or null: only well-formed `https:` and `http:` URLs
 * with a host and without credentials, and `mailto:` links to an address with at most
 * subject, body and recipients (never file:, javascript:, custom protocol handlers or
 * smb: shares, which `shell.openExternal` would also open). The editor is asked before
 * any of them opens (see external-links.ts).
 */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.hostname ? parsed.href : null;
  if (parsed.protocol === 'mailto:') {
    if (!/^[^@\s/]+@[^@\s/]+$/.test(decodeSafely(parsed.pathname))) return null;
    for (const key of parsed.searchParams.keys()) if (!MAILTO_FIELDS.has(key.toLowerCase())) return null;
    return parsed.href;
  }
  return null;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

export interface NavigationGuardOptions {
  /** Asks the editor, then opens an (already vetted) http(s): or mailto: URL with the system. */
  openInBrowser: (url: string) => Promise<void>;
  log?: (message: string) => void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applies the navigation rules to one webContents (every one the app creates; see app 'web-contents-created'). */
export function guardWebContents(contents: GuardedContents, options: NavigationGuardOptions): void {
  const log = options.log ?? ((message: string) => console.warn(message));
  const refuseUnlessApp = (event: Event, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`[kroniek] blocked navigation to ${url}`);
  };
  contents.on('will-navigate', refuseUnlessApp);
  contents.on('will-redirect', refuseUnlessApp);
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`[kroniek] blocked frame navigation to ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[kroniek] blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) {
      options.openInBrowser(external).catch((error: unknown) => log(`[kroniek] could not open ${external}: ${String(error)}`));
    } else {
      log(`[kroniek] blocked a new window for ${url}`);
    }
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>;

/** Denies every permission (camera, notifications, geolocation, HID, …) and every download in `session`. */
export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
