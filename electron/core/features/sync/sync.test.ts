import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncConflict, SyncStatus } from '../../../../shared/contract/sync';
import type { TagApplyResult } from '../../../../shared/contract/tags';
import type { ListPage } from '../../../../shared/contract/library';
import { openKroniek, type KroniekCore } from '../../app';
import { durableMeta, fakeStory, withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';
import { runCli } from '../../../cli/test/helpers';
import { ACCOUNTS, startDesk, until, type Account, type Desk } from './test/desk';

// Two libraries (two data folders, two cores) share one desk database on a real
// CouchDB-protocol server process on loopback (or a real CouchDB 3 with KRONIEK_COUCHDB_URL).

const DATABASES = ['live', 'offline', 'union', 'faults', 'reader', 'hostile', 'secret', 'durable'];
let desk: Desk;

beforeAll(async () => {
  desk = await startDesk(DATABASES);
}, 30_000);

afterAll(async () => {
  await desk?.stop();
});

/**
 * Opens a library with lazy indexes (the CLI's mode): replication never searches, so a library
 * whose test does not search starts no indexing worker. The test of a story found by search in
 * the other library opens both with eager indexes, as the app does, so that the replicated
 * story reaches B's running indexes as a live change.
 */
async function open(dir: string, name: string, account: Account, password: string = ACCOUNTS[account].password, indexes: 'eager' | 'lazy' = 'lazy'): Promise<KroniekCore> {
  return openKroniek({ platform: 'cli', dataDir: path.join(dir, name), indexes, syncCredentials: () => ({ password }) });
}

const status = (core: KroniekCore) => ok<SyncStatus>(core, 'sync.status', {});
const tagsOf = (core: KroniekCore, id: string) => core.context.store.meta.taggings.get(id) ?? [];
const noteOf = (core: KroniekCore, id: string) => core.context.store.meta.storyEdits.get(id)?.note ?? '';

describe('team library', () => {
  it('a tag added in A appears in B, live, through the change feed; a story imported in A is searchable in B', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna', undefined, 'eager');
      const b = await open(dir, 'b', 'ben', undefined, 'eager');
      try {
        await a.context.store.addStories([fakeStory('s1'), fakeStory('s2')]);
        await ok(a, 'sync.connect', { url: desk.url('live'), user: 'anna' });
        await ok(b, 'sync.connect', { url: desk.url('live'), user: 'ben' });
        await until(() => b.context.store.hasStored('s1') && b.context.store.hasStored('s2'), 'the stories in B');

        const commits: unknown[] = [];
        const off = b.feed.onCommit((commit) => commits.push(commit.changes));
        const applied = await ok<TagApplyResult>(a, 'tags.apply', { storyIds: ['s1'], addNames: ['Kabinetsformatie'] });
        const tagId = applied.createdTags[0]!.id;
        await until(() => tagsOf(b, 's1').includes(tagId), 'the tagging in B');
        off();
        expect(b.context.store.meta.tags.find((tag) => tag.id === tagId)?.name).toBe('Kabinetsformatie');
        expect(commits).toContainEqual(expect.objectContaining({ taggings: ['s1'] }));
        // Not on B's undo stack: B's editor did not make it.
        expect(b.context.store.historyState().canUndo).toBe(false);
        expect((await status(b)).lastIncoming).toMatchObject({ author: 'anna' });

        // A story imported in A is found by B's search.
        await a.context.store.addStories([{ ...fakeStory('s3', 'Stikstofakkoord gesloten'), body: [{ type: 'paragraph', text: 'Het zeldzame woord kwelwaterproef.' }] }]);
        await until(() => b.context.store.hasStored('s3'), 's3 in B');
        await until(async () => (await ok<ListPage>(b, 'stories.list', { query: 'kwelwaterproef' })).total === 1, 'B finds s3');
        expect((await status(a)).state).toMatch(/synced|syncing/);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);

  it('both offline edit the same note: the conflict is listed in both with both texts, and resolving it settles both', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        await a.context.store.addStories([fakeStory('s1')]);
        await a.context.sync.connect({ url: desk.url('offline'), user: 'anna' }, { live: false });
        await b.context.sync.connect({ url: desk.url('offline'), user: 'ben' }, { live: false });
        expect(b.context.store.hasStored('s1')).toBe(true);

        await ok(a, 'stories.setNote', { id: 's1', note: 'Anna: bron is het ministerie.' });
        await ok(b, 'stories.setNote', { id: 's1', note: 'Ben: bron is een Kamerlid.' });
        await a.context.sync.syncOnce();
        await b.context.sync.syncOnce();
        await a.context.sync.syncOnce();

        for (const core of [a, b]) {
          const conflicts = await ok<SyncConflict[]>(core, 'sync.conflicts', {});
          expect(conflicts).toHaveLength(1);
          expect(conflicts[0]).toMatchObject({ id: 'note:s1', kind: 'note', target: 's1' });
          expect(conflicts[0]!.versions.map((version) => (version.value as { note: string }).note).sort()).toEqual([
            'Anna: bron is het ministerie.',
            'Ben: bron is een Kamerlid.',
          ]);
          expect(conflicts[0]!.versions.filter((version) => version.mine)).toHaveLength(1);
          expect((await status(core)).conflicts).toBe(1);
        }
        // Both show the same (winning) text meanwhile.
        expect(noteOf(a, 's1')).toBe(noteOf(b, 's1'));

        // A takes Ben's text.
        await ok(a, 'sync.resolve', { conflictId: 'note:s1', take: 'theirs' });
        expect(noteOf(a, 's1')).toBe('Ben: bron is een Kamerlid.');
        await a.context.sync.syncOnce();
        await b.context.sync.syncOnce();
        expect(await ok<SyncConflict[]>(b, 'sync.conflicts', {})).toEqual([]);
        expect(noteOf(b, 's1')).toBe('Ben: bron is een Kamerlid.');
        expect(await ok<SyncConflict[]>(a, 'sync.conflicts', {})).toEqual([]);
        expect((await failure(a, 'sync.resolve', { conflictId: 'note:s1', take: 'mine' })).reason).toEqual({ code: 'sync.refused', why: 'no-conflict' });
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);

  it('taggings made offline on both sides all survive (union), a removal on one side is kept', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        await a.context.store.addStories(['s1', 's2', 's3', 's4'].map((id) => fakeStory(id)));
        const created = await ok<TagApplyResult>(a, 'tags.apply', { storyIds: ['s4'], addNames: ['Defensie'] });
        const tag = created.createdTags[0]!.id;
        await a.context.sync.connect({ url: desk.url('union'), user: 'anna' }, { live: false });
        await b.context.sync.connect({ url: desk.url('union'), user: 'ben' }, { live: false });
        expect(tagsOf(b, 's4')).toEqual([tag]);

        await ok(a, 'tags.apply', { storyIds: ['s1', 's2'], addTagIds: [tag] });
        await ok(b, 'tags.apply', { storyIds: ['s2', 's3'], addTagIds: [tag] });
        await ok(b, 'tags.apply', { storyIds: ['s4'], removeTagIds: [tag] });
        for (const core of [a, b, a]) await core.context.sync.syncOnce();

        for (const core of [a, b]) {
          expect(['s1', 's2', 's3', 's4'].map((id) => tagsOf(core, id).includes(tag))).toEqual([true, true, true, false]);
          expect(await ok<SyncConflict[]>(core, 'sync.conflicts', {})).toEqual([]);
        }
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);

  it('a wrong password gives one clear reason and no retries; plain http to another computer is refused', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna', 'not-the-password');
      try {
        const error = await failure(a, 'sync.connect', { url: desk.url('live'), user: 'anna' });
        expect(error.reason).toEqual({ code: 'sync.refused', why: 'unauthorized' });
        expect(await status(a)).toMatchObject({ state: 'error', reason: 'unauthorized' });
        // Nothing keeps trying: the status stays as it was.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await status(a)).toMatchObject({ state: 'error', reason: 'unauthorized' });

        for (const url of ['http://desk.example.org:5984/redactie', 'ftp://127.0.0.1/x', 'https://anna:pw@desk.example.org/redactie', 'niet een adres']) {
          expect((await failure(a, 'sync.connect', { url, user: 'anna' })).reason).toEqual({ code: 'sync.refused', why: 'insecure-url' });
        }
      } finally {
        await a.close();
      }
    });
  }, 20_000);

  it('a reader-only account pulls but cannot push: the status says so and local edits stay local', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const r = await open(dir, 'r', 'rita');
      try {
        await a.context.store.addStories([fakeStory('s1')]);
        await a.context.sync.connect({ url: desk.url('reader'), user: 'anna' }, { live: false });
        await r.context.sync.connect({ url: desk.url('reader'), user: 'rita' }, { live: false });
        expect(r.context.store.hasStored('s1')).toBe(true);

        await ok(r, 'stories.setNote', { id: 's1', note: 'Rita: alleen voor mij.' });
        await r.context.sync.syncOnce();
        expect(await status(r)).toMatchObject({ pushRefused: true });
        expect((await status(r)).unpushed).toBeGreaterThan(0);
        expect(noteOf(r, 's1')).toBe('Rita: alleen voor mij.');
        await a.context.sync.syncOnce();
        expect(noteOf(a, 's1')).toBe('');
      } finally {
        await a.close();
        await r.close();
      }
    });
  }, 20_000);

  it('hostile documents from the server are refused and reported, never applied, never crash', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        await a.context.store.addStories([fakeStory('s1')]);
        await a.context.sync.connect({ url: desk.url('hostile'), user: 'anna' }, { live: false });
        const stamp = { v: 1, author: 'mallory', at: '2026-01-01T00:00:00.000Z', origin: 'x' };
        const put = (id: string, body: string) => desk.adminPut('hostile', id, body);
        expect(await put('tag:huge', JSON.stringify({ ...stamp, kind: 'tag', content: { name: 'x'.repeat(5_000), color: null, parentId: null, mediaTopic: null } }))).toBe(201);
        await put('note:s1', JSON.stringify({ ...stamp, kind: 'note', content: { note: 42 } }));
        // (A `__proto__` key does not survive express-pouchdb's own copying; docs.test.ts refuses it directly.)
        await put('tag:proto', `{"v":1,"author":"m","at":"2026-01-01T00:00:00.000Z","origin":"x","kind":"tag","content":{"__proto__":{"polluted":true},"name":"P","color":null,"parentId":null,"mediaTopic":null}}`);
        await put('tagging:s1:nope', JSON.stringify({ ...stamp, kind: 'tag', content: { present: true } }));
        await put('date:s1', JSON.stringify({ ...stamp, kind: 'date', content: { publishedAt: '2026-02-30' } }));
        await put('story:evil', JSON.stringify({ ...stamp, kind: 'story', content: { head: { id: 'other' }, body: [] } }));
        // Script in text is text: kept as written, shown escaped.
        await put('tag:script', JSON.stringify({ ...stamp, kind: 'tag', content: { name: '<script>alert(1)</script>', color: null, parentId: null, mediaTopic: null } }));

        const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
        await b.context.sync.connect({ url: desk.url('hostile'), user: 'ben' }, { live: false });
        errors.mockRestore();
        const state = await status(b);
        const refusedIds = state.refused.recent.map((item) => item.id);
        expect(refusedIds).toEqual(expect.arrayContaining(['date:s1', 'note:s1', 'story:evil', 'tag:huge', 'tagging:s1:nope']));
        const proto = b.context.store.meta.tags.find((tag) => tag.id === 'proto');
        if (proto) expect(Object.keys(proto).sort()).toEqual(['color', 'id', 'mediaTopic', 'name', 'parentId']);
        else expect(refusedIds).toContain('tag:proto');
        expect(b.context.store.meta.tags.filter((tag) => tag.id !== 'proto').map((tag) => tag.name)).toEqual(['<script>alert(1)</script>']);
        expect(noteOf(b, 's1')).toBe('');
        expect(b.context.store.hasStored('evil') || b.context.store.hasStored('other')).toBe(false);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // The library on disk (library.json and its edit log) is still a valid library.
        const reopened = (await durableMeta(path.join(dir, 'b'))) as { tags: unknown[] };
        expect(reopened.tags).toHaveLength(b.context.store.meta.tags.length);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);

  it('the password is never written to the library folder or the logs', async () => {
    await withTempDir(async (dir) => {
      const logged: string[] = [];
      const spies = (['log', 'error', 'warn', 'info'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
      const a = await open(dir, 'a', 'anna');
      try {
        await a.context.store.addStories([fakeStory('s1')]);
        await ok(a, 'sync.connect', { url: desk.url('secret'), user: 'anna' });
        await until(async () => (await status(a)).state === 'synced', 'synced');
        await ok(a, 'stories.setNote', { id: 's1', note: 'een notitie' });
        await ok(a, 'sync.disconnect', {});
        expect((await status(a)).state).toBe('off');
      } finally {
        await a.close();
        for (const spy of spies) spy.mockRestore();
      }
      const secret = ACCOUNTS.anna.password;
      expect(logged.join('\n')).not.toContain(secret);
      expect(await readFile(path.join(dir, 'a', 'library.json'), 'utf8')).not.toContain(secret);
      const { readdir } = await import('node:fs/promises');
      const files = (await readdir(path.join(dir, 'a'), { recursive: true })).map(String);
      for (const file of files) {
        const content = await readFile(path.join(dir, 'a', file)).catch(() => null);
        if (content) expect(content.includes(Buffer.from(secret)), file).toBe(false);
      }
    });
  }, 20_000);

  it('the command line: sync --once, sync-status, conflicts, resolve, in Dutch or English, and refusals', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      await a.context.store.addStories([fakeStory('s1')]);
      await a.context.sync.connect({ url: desk.url('union'), user: 'anna' }, { live: false });
      await a.close();
      const data = path.join(dir, 'cli');
      const saved = process.env.KRONIEK_SYNC_PASSWORD;
      process.env.KRONIEK_SYNC_PASSWORD = ACCOUNTS.ben.password;
      try {
        const synced = await runCli(['--data', data, 'sync', '--remote', desk.url('union'), '--user', 'ben', '--once', '--json']);
        expect(synced.code, synced.stderr).toBe(0);
        expect(JSON.parse(synced.stdout)).toMatchObject({ state: 'synced', user: 'ben', remote: desk.url('union') });
        const text = await runCli(['--data', data, 'sync-status', '--lang', 'nl']);
        expect(text.stdout).toContain('niet verbonden (verbinden: kroniek sync --remote URL --user NAAM): ' + desk.url('union'));
        expect((await runCli(['--data', data, 'list', '--json'])).stdout).toContain('"s1"');
        expect(JSON.parse((await runCli(['--data', data, 'conflicts', '--json'])).stdout)).toEqual([]);
        expect((await runCli(['--data', data, 'conflicts', '--lang', 'en'])).stdout).toContain('No conflicts.');
        const resolve = await runCli(['--data', data, 'resolve', 'note:s1', '--take', 'mine']);
        expect(resolve.code).toBe(1);
        const insecure = await runCli(['--data', data, 'sync', '--remote', 'http://desk.example.org/redactie', '--user', 'ben', '--once']);
        expect(insecure.code).toBe(1);
        expect(insecure.stderr).toContain('https://');
        expect(insecure.stdout + insecure.stderr).not.toContain(ACCOUNTS.ben.password);
      } finally {
        if (saved === undefined) delete process.env.KRONIEK_SYNC_PASSWORD;
        else process.env.KRONIEK_SYNC_PASSWORD = saved;
      }
    });
  }, 20_000);

  it('an edit made offline survives a SIGKILL before it went out, and arrives on the other side exactly once', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      // The writer runs as one bundle of the real store and sync engine (packages stay external): tsx would take seconds.
      const bundleDir = await mkdtemp(path.join(import.meta.dirname, '..', '..', '..', '..', 'node_modules', '.kroniek-writer-'));
      try {
        await a.context.store.addStories([fakeStory('s1')]);
        await a.context.sync.connect({ url: desk.url('durable'), user: 'anna' }, { live: false });
        await b.context.sync.connect({ url: desk.url('durable'), user: 'ben' }, { live: false });
        await a.close();

        const writer = path.join(bundleDir, 'offline-writer.mjs');
        await build({ entryPoints: [path.join(import.meta.dirname, 'test', 'offline-writer.ts')], outfile: writer, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
        const child = spawn(process.execPath, [writer, path.join(dir, 'a')], { stdio: ['ignore', 'pipe', 'inherit'] });
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await new Promise<void>((resolve, reject) => {
          createInterface({ input: child.stdout! }).on('line', (line) => line === 'ack' && resolve());
          child.once('exit', (code) => reject(new Error(`the writer stopped (${code})`)));
        });
        child.kill('SIGKILL');
        await exited;

        // The next start (online again) sends both edits; B gets each once.
        const again = await open(dir, 'a', 'anna');
        try {
          await again.context.sync.syncOnce();
        } finally {
          await again.close();
        }
        await b.context.sync.syncOnce();
        expect(noteOf(b, 's1')).toBe('Geschreven in de trein.');
        expect(b.context.store.hasStored('s9')).toBe(true);
        const doc = await desk.adminGet('durable', 'note:s1', 'revs=true');
        expect((doc?._revisions as { ids: string[] }).ids).toHaveLength(1);
        // Applied once: a second sync in B (and a restart of B) changes nothing.
        const meta = b.context.store.meta;
        const stories = b.context.store.storyCount;
        await b.context.sync.syncOnce();
        expect(b.context.store.meta).toBe(meta);
        expect(b.context.store.storyCount).toBe(stories);
      } finally {
        await a.close();
        await b.close();
        await rm(bundleDir, { recursive: true, force: true });
      }
    });
  }, 20_000);

  // Last: it restarts the server the other tests use.
  it('the server killed mid-sync and restarted: sync resumes, nothing lost or duplicated', async () => {
    if (!desk.restartable) return;
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a', 'anna');
      const b = await open(dir, 'b', 'ben');
      try {
        const stories = Array.from({ length: 300 }, (_, index) => fakeStory(`k${index}`));
        await a.context.store.addStories(stories);
        await a.context.sync.connect({ url: desk.url('faults'), user: 'anna' }, { live: false });
        // Retries every 250 to 500 ms (the app waits 1 s, 2 s, 4 s …): the test waits for the reconnection, not the back-off.
        b.context.sync.retry = { firstMs: 250, maxMs: 500 };
        await ok(b, 'sync.connect', { url: desk.url('faults'), user: 'ben' });
        await until(() => b.context.store.storyCount > 0, 'the first stories in B');
        desk.kill();
        await until(async () => (await status(b)).state === 'offline', 'B offline');
        await desk.restart();
        await until(() => b.context.store.storyCount === 300, 'all stories in B', 15_000);
        const meta = b.context.store.meta;
        expect(meta.segments.reduce((sum, segment) => sum + segment.count, 0)).toBe(300);
        expect((await status(b)).refused.count).toBe(0);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }, 20_000);
});
