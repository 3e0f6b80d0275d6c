import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

// The renderer is served from a custom `app://kroniek/` scheme rather than
// file://, so the page has a real origin that IPC can check and a CSP header,
// and cannot read arbitrary files. This module is the Electron-free part:
// the URL → file resolver and the response builder, unit-tested directly.

export const APP_SCHEME = 'app';
export const APP_HOST = 'kroniek';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Same policy as the renderer's meta tag; sent as a header so it also covers non-HTML responses. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `child` is `parent` or inside it (both absolute, already resolved). */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The path segments of an app URL, percent-decoded, or null when the URL is not
 * ours or any segment tries to leave its folder. Works on the raw text, before
 * the URL parser silently collapses `..`: a traversal attempt is refused, not
 * "fixed". Refused in a segment: `.`/`..` (also percent-encoded), slashes and
 * backslashes (also `%2f`/`%5c`), NUL and other control characters, `:` (drive
 * letters, alternate data streams), empty segments (`//` could become an
 * absolute path) and malformed escapes.
 */
export function appUrlSegments(requestUrl: string): string[] | null {
  const prefix = `${APP_ORIGIN}/`;
  if (typeof requestUrl !== 'string' || !requestUrl.toLowerCase().startsWith(prefix)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port || url.username || url.password) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '') return [];
  const segments: string[] = [];
  const rawSegments = rawPath.split('/');
  for (const [index, raw] of rawSegments.entries()) {
    // A trailing slash names a folder: served as its index.html.
    if (raw === '' && index === rawSegments.length - 1) break;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\u0000-\u001f\u007f]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * The file an `app://kroniek/...` URL names inside `rootDir`, or null when the URL
 * is not ours, tries to leave the bundle (see `appUrlSegments`), names nothing,
 * or names a symlink (or anything whose real path) outside the bundle.
 * A folder is served as its `index.html`.
 */
export async function resolveAppPath(rootDir: string, requestUrl: string): Promise<string | null> {
  const segments = appUrlSegments(requestUrl);
  if (!segments) return null;
  let root: string;
  try {
    root = await realpath(path.resolve(rootDir));
  } catch {
    return null;
  }
  let candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    let real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    let info = await stat(real);
    if (info.isDirectory()) {
      candidate = path.join(real, 'index.html');
      real = await realpath(candidate);
      if (!isInside(root, real)) return null;
      info = await stat(real);
    }
    return info.isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Headers every app response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** Answers one request to the app scheme from the renderer bundle in `rootDir`. */
export async function respondToAppRequest(rootDir: string, request: { url: string; method: string }): Promise<Response> {
  const headers = securityHeaders();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const filePath = await resolveAppPath(rootDir, request.url);
  if (!filePath) {
    return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  try {
    const body = await readFile(filePath);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeFor(filePath), 'Content-Length': String(body.byteLength) },
    });
  } catch {
    return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}
