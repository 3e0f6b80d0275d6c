import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMethodNames, methodNames } from '../../shared/contract';
import { openKroniek, type KroniekCore } from '../core/app';
import { startHost, type RunningHost } from './server';
import { SCHEMA_VERSION } from '../core/store/meta';

/** Raw HTTP request, so tests can send headers fetch would refuse (a foreign Host). */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens the change stream and collects its events until `done` says enough (or the host refuses it). */
function readStream(port: number, headers: Record<string, string>, done: (events: { event: string; data: unknown }[]) => boolean, onOpen: () => void = () => {}) {
  return new Promise<{ status: number; events: { event: string; data: unknown }[]; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: '/changes', headers }, (res) => {
      let text = '';
      const events: { event: string; data: unknown }[] = [];
      const finish = () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, events, body: text });
      };
      if (res.statusCode !== 200) {
        res.on('data', (chunk) => (text += chunk));
        res.on('end', finish);
        return;
      }
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let opened = false;
      res.on('data', (chunk) => {
        text += chunk;
        const blocks = text.split('\n\n');
        text = blocks.pop()!;
        for (const block of blocks) {
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
        if (!opened && events.length) {
          opened = true;
          onOpen();
        }
        if (done(events)) finish();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback host', () => {
  let core: KroniekCore;
  let host: RunningHost;
  let dir: string;
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    request(host.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'Content-Type': 'application/json', 'X-Kroniek-Token': host.token, Host: `127.0.0.1:${host.port}`, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-host-'));
    const renderer = path.join(dir, 'renderer');
    await mkdir(renderer);
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Kroniek</title>');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the bundle');
    core = await openKroniek({ dataDir: path.join(dir, 'data'), platform: 'web' });
    host = await startHost({ dispatch: core.dispatch, feed: core.feed, rendererDir: renderer });
  });

  afterAll(async () => {
    await host.close();
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=`));
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await request(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses path traversal in every spelling', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00index.html', '//etc/passwd']) {
      const res = await request(host.port, { path: attempt, headers: { Host: `127.0.0.1:${host.port}` } });
      // `//etc/passwd` is not even an origin-form target (400); the rest are no file (404).
      expect([400, 404], attempt).toContain(res.status);
      expect(res.body).not.toContain('outside the bundle');
    }
  });

  it('streams every commit of the library to a client with the token', async () => {
    const headers = { 'X-Kroniek-Token': host.token, Host: `127.0.0.1:${host.port}` };
    const stream = await readStream(
      host.port,
      headers,
      (events) => events.some((event) => event.event === 'commit'),
      // Once the stream is open: another client (here a plain API call) edits.
      () => void api('tags.create', { name: 'Uit een ander venster' }),
    );
    expect(stream.status).toBe(200);
    const [hello, commit] = stream.events;
    expect(hello).toEqual({ event: 'hello', data: { revision: expect.any(Number) } });
    expect(commit).toEqual({ event: 'commit', data: { revision: (hello!.data as { revision: number }).revision + 1, changes: { tags: true, library: true, history: true } } });
  });

  it('refuses the change stream without the token or from a foreign Host', async () => {
    const never = () => false;
    const missing = await readStream(host.port, { Host: `127.0.0.1:${host.port}` }, never);
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await readStream(host.port, { Host: `127.0.0.1:${host.port}`, 'X-Kroniek-Token': 'wrong' }, never)).status).toBe(403);
    expect((await readStream(host.port, { Host: `evil.example:${host.port}`, 'X-Kroniek-Token': host.token }, never)).status).toBe(421);
    expect((await request(host.port, { method: 'POST', path: '/changes', headers: { Host: `127.0.0.1:${host.port}`, 'X-Kroniek-Token': host.token } })).status).toBe(405);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await api('library.status', {}, { Host: `evil.example:${host.port}` });
    expect(res.status).toBe(421);
  });

  it('requires the per-run token on every API call', async () => {
    expect((await api('library.status', {}, { 'X-Kroniek-Token': 'wrong' })).status).toBe(403);
    const ok = await api('library.status', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { schemaVersion: SCHEMA_VERSION } });
  });

  it('answers every contract method through the same dispatcher (never "unknown method")', async () => {
    for (const method of methodNames) {
      const res = await api(method, { __unexpected: true });
      const envelope = JSON.parse(res.body) as { ok: boolean; error?: { code: string } };
      expect(envelope.ok, method).toBe(false);
      expect(envelope.error?.code, method).toBe('invalid-input');
    }
    const unknown = JSON.parse((await api('nope.nothing', {})).body);
    expect(unknown.error.code).toBe('unknown-method');
  });

  it('refuses the methods that take paths on this computer (import.paths and the like): a page never makes the host read or write a file', async () => {
    expect(localMethodNames).toContain('import.paths');
    const secret = path.join(dir, 'secret.txt');
    for (const method of localMethodNames) {
      const res = await api(method, { paths: [secret], path: secret, id: 'd1', format: 'md' });
      expect(res.status, method).toBe(403);
      expect(JSON.parse(res.body), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // And the web core's own dispatcher refuses it too, should a transport ever forward it.
    expect(await core.dispatch('import.paths', { paths: [secret] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const status = JSON.parse((await api('library.status', {})).body) as { value: { counts: { articles: number; briefs: number } } };
    expect(status.value.counts).toMatchObject({ articles: 0, briefs: 0 });
  });

  it('downloads the library archive and takes it back merged (library.exportArchive, library.importArchive)', async () => {
    const download = JSON.parse((await api('library.exportArchive', {})).body) as { ok: boolean; value: { fileName: string; mimeType: string; base64: string; stories: number } };
    expect(download).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/^kroniek-library-\d{4}-\d{2}-\d{2}\.json$/), mimeType: 'application/json', stories: 0 } });
    expect(JSON.parse(Buffer.from(download.value.base64, 'base64').toString('utf8'))).toMatchObject({ format: 'kroniek-library', stories: [] });
    const upload = JSON.parse((await api('library.importArchive', { name: 'kroniek-library.json', base64: download.value.base64 })).body);
    expect(upload).toMatchObject({ ok: true, value: { storiesAdded: 0, storiesAlreadyPresent: 0 } });
    const junk = JSON.parse((await api('library.importArchive', { name: 'junk.json', base64: Buffer.from('nope').toString('base64') })).body);
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('junk.json is not a readable Kroniek library archive') } });
    // Above the cap the strict schema refuses it before anything is decoded, and says where larger archives go.
    const big = JSON.parse((await api('library.importArchive', { name: 'big.json', base64: 'A'.repeat(45 * 1024 * 1024) })).body);
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('desktop app or the command line') } });
    // The desktop-only dialog method says what to use instead.
    const dialog = JSON.parse((await api('library.importArchiveWithDialog', {})).body);
    expect(dialog).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('refuses bad JSON and __proto__ payloads with an envelope', async () => {
    const bad = await request(host.port, {
      method: 'POST',
      path: '/api/library.status',
      headers: { 'Content-Type': 'application/json', 'X-Kroniek-Token': host.token, Host: `127.0.0.1:${host.port}` },
      body: '{nope',
    });
    expect(JSON.parse(bad.body).error.code).toBe('invalid-input');
    const proto = await request(host.port, {
      method: 'POST',
      path: '/api/stories.get',
      headers: { 'Content-Type': 'application/json', 'X-Kroniek-Token': host.token, Host: `127.0.0.1:${host.port}` },
      body: '{"id":"a1","__proto__":{"polluted":true}}',
    });
    expect(JSON.parse(proto.body).error.code).toBe('invalid-input');
  });

  it('answers a malformed percent escape in an API or file path with 400, never 500', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Kroniek-Token': host.token, Host: `127.0.0.1:${host.port}` };
    for (const attempt of ['/api/%E0%A4%A', '/api/%', '/api/tags.list%00', '/api/%74ags.create', '/api/', '/api']) {
      const res = await request(host.port, { method: 'POST', path: attempt, headers, body: '{}' });
      expect(res.status, attempt).toBe(400);
      expect(JSON.parse(res.body), attempt).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const file = await request(host.port, { path: '/%E0%A4%A', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(file.status).toBe(404);
  });

  it('matches method paths exactly: no dot segments, no second segment, no absolute targets', async () => {
    const before = JSON.parse((await api('tags.list', {})).body).value.length as number;
    const headers = { 'Content-Type': 'application/json', 'X-Kroniek-Token': host.token, Host: `127.0.0.1:${host.port}` };
    for (const attempt of ['/api/tags.list/../tags.create', '/api/./tags.create', '/api//tags.create', '/api/tags.list/%2e%2e/tags.create', '/api/tags.create/', '/x/../api/tags.create']) {
      const res = await request(host.port, { method: 'POST', path: attempt, headers, body: JSON.stringify({ name: 'Langs een omweg' }) });
      expect(res.status, attempt).toBeGreaterThanOrEqual(400);
      expect(res.status, attempt).toBeLessThan(500);
    }
    const absolute = await request(host.port, { method: 'POST', path: `http://127.0.0.1:${host.port}/api/tags.create`, headers, body: JSON.stringify({ name: 'Langs een omweg' }) });
    expect(absolute.status).toBe(400);
    const after = JSON.parse((await api('tags.list', {})).body).value as { name: string }[];
    expect(after).toHaveLength(before);
    expect((await request(host.port, { path: '/x/../changes', headers: { Host: `127.0.0.1:${host.port}`, 'X-Kroniek-Token': host.token } })).status).toBe(404);
  });

  it('takes only application/json (optionally charset=utf-8) as the content type', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      expect((await api('library.status', {}, { 'Content-Type': type })).status, type).toBe(200);
    }
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'application/json; charset=latin1', 'application/json;x=1', 'text/plain', 'application/x-www-form-urlencoded']) {
      expect((await api('library.status', {}, { 'Content-Type': type })).status, type).toBe(415);
    }
  });

  it('refuses a foreign Origin or a cross-site fetch even with the token; its own origin and no Origin pass', async () => {
    for (const origin of [`http://127.0.0.1:${host.port + 1}`, 'http://evil.example', 'null', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port}.evil.example`]) {
      const res = await api('tags.create', { name: `Van ${origin}` }, { Origin: origin });
      expect(res.status, origin).toBe(403);
      const stream = await readStream(host.port, { Host: `127.0.0.1:${host.port}`, 'X-Kroniek-Token': host.token, Origin: origin }, () => false);
      expect(stream.status, origin).toBe(403);
    }
    expect((await api('library.status', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('library.status', {}, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await api('library.status', {}, { Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await api('library.status', {}, { Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` })).status).toBe(200);
    expect((await api('library.status', {})).status).toBe(200);
    const tags = JSON.parse((await api('tags.list', {})).body).value as { name: string }[];
    expect(tags.some((tag) => tag.name.startsWith('Van '))).toBe(false);
    // A link from elsewhere still opens the app page itself.
    expect((await request(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
  });
});
