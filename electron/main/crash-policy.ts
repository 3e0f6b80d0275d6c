import type { MainLabels } from './labels';

// A renderer that crashes is reloaded, but not forever: a page that crashes on
// load (a hostile story, a bug) would otherwise reload in a tight loop. After
// `maxReloads` crashes within `windowMs` the window shows a local error page instead.

export interface CrashPolicyOptions {
  maxReloads?: number;
  windowMs?: number;
  now?: () => number;
}

export const CRASH_RELOADS = 3;
export const CRASH_WINDOW_MS = 60_000;

export type CrashAction = 'reload' | 'error-page' | 'none';

export function createCrashPolicy(options: CrashPolicyOptions = {}): { next(reason: string): CrashAction } {
  const maxReloads = options.maxReloads ?? CRASH_RELOADS;
  const windowMs = options.windowMs ?? CRASH_WINDOW_MS;
  const now = options.now ?? Date.now;
  const crashes: number[] = [];
  return {
    next(reason) {
      // Closing the window ends its renderer normally: nothing to do.
      if (reason === 'clean-exit') return 'none';
      const at = now();
      crashes.push(at);
      while (crashes.length && crashes[0]! <= at - windowMs) crashes.shift();
      return crashes.length <= maxReloads ? 'reload' : 'error-page';
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The error page, as a `data:` URL: self-contained, a CSP that allows no script, no
 * request and no frame, only the inline style below. Nothing remote, nothing from the library.
 */
export function crashPageUrl(labels: MainLabels): string {
  const html = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(labels.crashTitle)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:15vh auto;max-width:34em;padding:0 1.5em;color:#222;background:#f6f4ef}h1{font-size:1.4em}</style>
</head><body><h1>${escapeHtml(labels.crashTitle)}</h1><p>${escapeHtml(labels.crashMessage)}</p></body></html>`;
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}
