import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract';
import type { Commit } from '../../shared/contract/changes';
import type { Envelope } from '../../shared/contract/envelope';
import { DEFAULT_SEEDS_DIR, openKroniek } from '../core/app';
import type { DialogPort } from '../core/ports';
import { CHANGES_CHANNEL, ipcChannel } from '../preload/api';
import { createIpcHandler, forwardChanges, isTrustedSender, registerIpc, type Dispatcher } from './ipc';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// electron is imported for types only; a mock keeps the test independent of the binary.
vi.mock('electron', () => ({}));

const appFrame = { url: 'app://kroniek/index.html', parent: null };

function fakeCore(): Dispatcher & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    async dispatch(method, input) {
      calls.push([method, input]);
      return { ok: true, value: { method } };
    },
  };
}

const quiet = { log: () => undefined };

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ url: 'app://kroniek/', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://kroniek/index.html', parent: {} as never })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'https://kroniek/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/document.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://x@kroniek/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null })).toBe(false);
    expect(isTrustedSender({ url: '', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('createIpcHandler', () => {
  it('passes a valid call from the app to dispatch and returns its envelope', async () => {
    const core = fakeCore();
    const handler = createIpcHandler(core, 'stories.get', quiet);
    const result = await handler({ senderFrame: appFrame as never }, { id: 'abc' });
    expect(result).toEqual({ ok: true, value: { method: 'stories.get' } });
    expect(core.calls).toEqual([['stories.get', { id: 'abc' }]]);
  });

  it('refuses a call from another origin without running the service', async () => {
    const core = fakeCore();
    const handler = createIpcHandler(core, 'stories.delete', quiet);
    const result = await handler({ senderFrame: { url: 'https://example.com/', parent: null } as never }, { ids: ['a'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const destroyed = await handler({ senderFrame: null }, { ids: ['a'] });
    expect(destroyed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.calls).toEqual([]);
  });

  it('refuses an oversized payload', async () => {
    const core = fakeCore();
    const handler = createIpcHandler(core, 'import.files', { ...quiet, maxBytes: 1_000 });
    const result = await handler({ senderFrame: appFrame as never }, { files: [{ name: 'a.txt', base64: 'A'.repeat(2_000) }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(core.calls).toEqual([]);
  });

  it('refuses __proto__, constructor and prototype keys at any depth, and non-plain values', async () => {
    const core = fakeCore();
    const handler = createIpcHandler(core, 'stories.list', quiet);
    const payloads: unknown[] = [
      JSON.parse('{"__proto__": {"polluted": true}}'),
      JSON.parse('{"query": "x", "tagIds": [{"__proto__": {}}]}'),
      { nested: { deeper: { constructor: { prototype: {} } } } },
      { prototype: 1 },
      { when: new Date() },
      { tags: new Map() },
      { bytes: new Uint8Array(3) },
      new (class Custom {})(),
      { n: Number.NaN },
      { big: 1n },
    ];
    for (const payload of payloads) {
      const result = await handler({ senderFrame: appFrame as never }, payload);
      expect(result, JSON.stringify(String(payload))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(core.calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses pathologically deep nesting', async () => {
    const core = fakeCore();
    let deep: unknown = {};
    for (let index = 0; index < 200; index += 1) deep = { a: deep };
    const result = await createIpcHandler(core, 'stories.list', quiet)({ senderFrame: appFrame as never }, deep);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns a throwing dispatcher into an internal-error envelope', async () => {
    const handler = createIpcHandler({ dispatch: () => Promise.reject(new Error('boom')) }, 'library.status', quiet);
    await expect(handler({ senderFrame: appFrame as never }, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('registerIpc', () => {
  it('registers one handler per contract method on kroniek:<method>, and removes them', () => {
    const handle = vi.fn();
    const removeHandler = vi.fn();
    const unregister = registerIpc({ handle, removeHandler }, fakeCore());
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual(methodNames.map(ipcChannel).sort());
    unregister();
    expect(removeHandler).toHaveBeenCalledTimes(methodNames.length);
  });

  it('with the real core: extra keys are refused by the strict schema, a valid call answers an envelope', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-ipc-'));
    const core = await openKroniek({ platform: 'cli', dataDir });
    try {
      const handlers = new Map<string, (event: unknown, input: unknown) => Promise<Envelope<unknown>>>();
      registerIpc({ handle: (channel, fn) => handlers.set(channel, fn as never), removeHandler: () => undefined }, core);
      const call = (method: string, input: unknown) => handlers.get(`kroniek:${method}`)!({ senderFrame: appFrame }, input);

      const status = await call('library.status', {});
      expect(status.ok).toBe(true);
      const extra = await call('library.status', { sneaky: true });
      expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const listExtra = await call('stories.list', { limit: 5, admin: true });
      expect(listExtra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const list = await call('stories.list', { limit: 5 });
      expect(list).toMatchObject({ ok: true, value: { total: 0, items: [] } });
    } finally {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('with the real core: the library archive goes out and back in through IPC, from a download or the open dialog', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-ipc-'));
    const archiveFile = path.join(dir, 'archive.json');
    let picked: string | null = archiveFile;
    const dialogs: DialogPort = {
      pickImportPaths: async () => null,
      pickSavePath: async () => null,
      pickOpenFile: async (options) => (expect(options.extensions).toEqual(['json']), picked),
    };
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'data'), seedsDir: DEFAULT_SEEDS_DIR, ports: { dialogs } });
    try {
      const handlers = new Map<string, (event: unknown, input: unknown) => Promise<Envelope<unknown>>>();
      registerIpc({ handle: (channel, fn) => handlers.set(channel, fn as never), removeHandler: () => undefined }, core);
      const call = (method: string, input: unknown) => handlers.get(`kroniek:${method}`)!({ senderFrame: appFrame }, input);

      const download = (await call('library.exportArchive', {})) as Envelope<{ base64: string; stories: number }>;
      expect(download).toMatchObject({ ok: true, value: { stories: 40 } });
      if (!download.ok) return;
      await writeFile(archiveFile, Buffer.from(download.value.base64, 'base64'));
      expect(await call('library.importArchive', { name: 'archive.json', base64: download.value.base64, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call('library.importArchive', { name: 'archive.json', base64: download.value.base64 })).toMatchObject({ ok: true, value: { mode: 'merged', storiesAlreadyPresent: 40 } });
      expect(await call('library.importArchiveWithDialog', {})).toMatchObject({ ok: true, value: { mode: 'merged', storiesAdded: 0, storiesAlreadyPresent: 40 } });
      picked = null;
      expect(await call('library.importArchiveWithDialog', {})).toEqual({ ok: true, value: null });
      expect(await call('library.importArchiveWithDialog', { folders: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('forwardChanges', () => {
  it('sends every commit to the windows showing the app, and to no other page', () => {
    let publish: ((commit: Commit) => void) | null = null;
    const feed = { onCommit: (listener: (commit: Commit) => void) => ((publish = listener), () => (publish = null)) };
    const window = (url: string, destroyed = false) => ({ mainFrame: { url, parent: null }, isDestroyed: () => destroyed, send: vi.fn() });
    const app = window('app://kroniek/index.html');
    const elsewhere = window('https://example.com/');
    const closed = window('app://kroniek/index.html', true);
    const stop = forwardChanges(feed, () => [app, elsewhere, closed], () => undefined);
    const commit: Commit = { revision: 7, changes: { taggings: ['s1'], history: true } };
    publish!(commit);
    expect(app.send).toHaveBeenCalledWith(CHANGES_CHANNEL, commit);
    expect(elsewhere.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
    stop();
    expect(publish).toBeNull();
  });
});
