import { protocol, type Session } from 'electron';
import { APP_SCHEME, respondToAppRequest } from './app-scheme';

export { APP_ENTRY_URL, APP_ORIGIN, resolveAppPath } from './app-scheme';

/**
 * Declares `app:` as a standard, secure scheme (a real origin for the page,
 * same rules as https). No `bypassCSP`: the page's own policy applies. No
 * `corsEnabled` either: the page loads its modules same-origin, and leaving it
 * off keeps the bundle unreadable from any other origin (Electron lets
 * cross-origin reads through on a corsEnabled scheme). Must run before 'ready'.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `app://kroniek/…` in `session` from the built renderer in `rootDir`. */
export function serveAppScheme(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rootDir, request));
}
