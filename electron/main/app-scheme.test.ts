import { mkdtempSync, realpathSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrlSegments, CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppPath, respondToAppRequest } from './app-scheme';

// Made at load time: the tables below name paths inside it.
const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'kroniek-scheme-')));
const bundle = path.join(base, 'renderer');

beforeAll(async () => {
  await mkdir(path.join(bundle, 'assets'), { recursive: true });
  await writeFile(path.join(bundle, 'index.html'), '<!doctype html><title>Kroniek</title>');
  await writeFile(path.join(bundle, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(bundle, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(bundle, 'assets', 'Oekraïne kaart.svg'), '<svg/>');
  // Outside the bundle: what every traversal attempt is after.
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'index.html'), 'outside');
  await symlink(path.join(base, 'secret.txt'), path.join(bundle, 'assets', 'link-out.txt'));
  await symlink(path.join(base, 'outside'), path.join(bundle, 'dir-link'));
  await symlink(path.join(bundle, 'assets', 'index-abc.js'), path.join(bundle, 'assets', 'link-in.js'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('serves files inside the bundle, the root as index.html', async () => {
    expect(await resolveAppPath(bundle, 'app://kroniek/index.html')).toBe(path.join(bundle, 'index.html'));
    expect(await resolveAppPath(bundle, 'app://kroniek/')).toBe(path.join(bundle, 'index.html'));
    expect(await resolveAppPath(bundle, 'app://kroniek/assets/index-abc.js?v=1#x')).toBe(path.join(bundle, 'assets', 'index-abc.js'));
    expect(await resolveAppPath(bundle, 'app://kroniek/assets/Oekra%C3%AFne%20kaart.svg')).toBe(path.join(bundle, 'assets', 'Oekraïne kaart.svg'));
    // A symlink that stays inside the bundle is fine.
    expect(await resolveAppPath(bundle, 'app://kroniek/assets/link-in.js')).toBe(path.join(bundle, 'assets', 'index-abc.js'));
  });

  const refused: [string, string][] = [
    ['plain ../', 'app://kroniek/../secret.txt'],
    ['nested ../', 'app://kroniek/assets/../../secret.txt'],
    ['../ that would stay inside after normalising', 'app://kroniek/assets/../index.html'],
    ['./ segment', 'app://kroniek/./index.html'],
    ['%2e%2e%2f', 'app://kroniek/%2e%2e%2fsecret.txt'],
    ['%2e%2e segment', 'app://kroniek/%2e%2e/secret.txt'],
    ['upper-case %2E%2E', 'app://kroniek/assets/%2E%2E/%2E%2E/secret.txt'],
    ['.%2e', 'app://kroniek/.%2e/secret.txt'],
    ['double-encoded %252e%252e (decoded once, a literal name, then not found)', 'app://kroniek/%252e%252e/secret.txt'],
    ['..\\', 'app://kroniek/..\\secret.txt'],
    ['..%5c', 'app://kroniek/..%5csecret.txt'],
    ['%5c inside a name', 'app://kroniek/assets%5c..%5c..%5csecret.txt'],
    ['encoded slash', 'app://kroniek/assets%2f..%2f..%2fsecret.txt'],
    ['NUL', 'app://kroniek/index.html%00.js'],
    ['raw NUL', 'app://kroniek/index.html\u0000'],
    ['absolute path via //', `app://kroniek//${base.replace(/^\//, '')}/secret.txt`],
    ['absolute path encoded', `app://kroniek/${encodeURIComponent(path.join(base, 'secret.txt'))}`],
    ['drive letter', 'app://kroniek/C:/Windows/win.ini'],
    ['malformed escape', 'app://kroniek/%E0%A4%A'],
    ['symlink to a file outside', 'app://kroniek/assets/link-out.txt'],
    ['symlink to a folder outside', 'app://kroniek/dir-link/index.html'],
    ['symlinked folder as index', 'app://kroniek/dir-link/'],
    ['another host', 'app://evil/index.html'],
    ['no host', 'app:///index.html'],
    ['credentials', 'app://user:pw@kroniek/index.html'],
    ['port', 'app://kroniek:8080/index.html'],
    ['another scheme', `file://${path.join(bundle, 'index.html')}`],
    ['missing file', 'app://kroniek/assets/nope.js'],
    ['not a URL', 'not a url'],
  ];
  it.each(refused)('refuses %s', async (_name, url) => {
    expect(await resolveAppPath(bundle, url)).toBeNull();
  });

  it('refuses traversal in the raw text before the URL parser can collapse it', () => {
    expect(appUrlSegments('app://kroniek/a/../b')).toBeNull();
    expect(appUrlSegments('app://kroniek/a/b/')).toEqual(['a', 'b']);
  });

  it('answers null when the bundle itself is missing', async () => {
    expect(await resolveAppPath(path.join(base, 'no-bundle'), 'app://kroniek/index.html')).toBeNull();
  });
});

describe('respondToAppRequest', () => {
  it('sends the file with its MIME type and the strict CSP', async () => {
    const response = await respondToAppRequest(bundle, { url: 'app://kroniek/assets/index-abc.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('uses the exact policy the issue asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe/);
  });

  it('answers 404 with the CSP for refused paths, 405 for other methods', async () => {
    const missing = await respondToAppRequest(bundle, { url: 'app://kroniek/%2e%2e%2fsecret.txt', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('secret');
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const post = await respondToAppRequest(bundle, { url: 'app://kroniek/index.html', method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('knows the MIME types of a Vite build', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
