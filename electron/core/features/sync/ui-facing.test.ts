import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProbeResult, SyncStatus } from '../../../../shared/contract/sync';
import { openKroniek, type KroniekCore } from '../../app';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';
import { ACCOUNTS, startDesk, until, type Desk } from './test/desk';

// What the Share dialog and the sync indicator need from the core: "Test connection", a
// password given in the dialog (held in memory only), the remembered desk after a restart,
// and connecting again after a disconnect in the same session.

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk(['ui', 'reader']);
}, 30_000);

afterAll(async () => {
  await desk?.stop();
});

/** A library without a password in the environment, as the app and the host are. */
const open = (dir: string, name: string) => openKroniek({ platform: 'cli', dataDir: path.join(dir, name), indexes: 'lazy', syncCredentials: () => ({ password: null }) });
const probe = async (core: KroniekCore, input: Record<string, unknown>) => (await ok<{ result: SyncProbeResult }>(core, 'sync.test', input)).result;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  return out;
}

describe('team library: what the UI needs', () => {
  it('"Test connection" tells ok, read-only, wrong password, no such database, offline and an insecure address apart, without connecting', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a');
      try {
        expect(await probe(a, { url: desk.url('ui'), user: 'anna', password: ACCOUNTS.anna.password })).toBe('ok');
        expect(await probe(a, { url: desk.url('reader'), user: 'rita', password: ACCOUNTS.rita.password })).toBe('read-only');
        expect(await probe(a, { url: desk.url('reader'), user: 'anna', password: ACCOUNTS.anna.password })).toBe('ok');
        expect(await probe(a, { url: desk.url('ui'), user: 'anna', password: 'wrong' })).toBe('unauthorized');
        expect(await probe(a, { url: desk.url('nonexistent'), user: 'anna', password: ACCOUNTS.anna.password })).toBe('not-found');
        expect(await probe(a, { url: 'http://127.0.0.1:9/desk', user: 'anna', password: 'x' })).toBe('unreachable');
        expect(await probe(a, { url: 'http://desk.example/desk', user: 'anna', password: 'x' })).toBe('insecure-url');
        expect(await probe(a, { url: desk.url('ui'), user: 'anna' })).toBe('no-password');
        expect((await ok<SyncStatus>(a, 'sync.status', {})).state).toBe('off');
      } finally {
        await a.close();
      }
    });
  }, 20_000);

  it('the dialog\'s password syncs for the session, is written nowhere, and after a restart the desk is remembered as "not connected"', async () => {
    await withTempDir(async (dir) => {
      const a = await open(dir, 'a');
      const b = await open(dir, 'b');
      try {
        await a.context.store.addStories([fakeStory('u1')]);
        await ok(a, 'sync.connect', { url: desk.url('ui'), user: 'anna', password: ACCOUNTS.anna.password });
        expect(await failure(b, 'sync.connect', { url: desk.url('ui'), user: 'ben', password: 'wrong' })).toMatchObject({ reason: { why: 'unauthorized' } });
        expect(await ok<SyncStatus>(b, 'sync.status', {})).toMatchObject({ state: 'error', reason: 'unauthorized' });
        await ok(b, 'sync.connect', { url: desk.url('ui'), user: 'ben', password: ACCOUNTS.ben.password });
        await until(() => b.context.store.hasStored('u1'), 'u1 in B');

        // Disconnect keeps the library; connecting again in the same session syncs both ways again.
        await ok(a, 'sync.disconnect', {});
        await ok(a, 'stories.setNote', { id: 'u1', note: 'offline geschreven' });
        await ok(a, 'sync.connect', { url: desk.url('ui'), user: 'anna', password: ACCOUNTS.anna.password });
        await until(() => b.context.store.meta.storyEdits.get('u1')?.note === 'offline geschreven', 'the note in B');
        await ok(b, 'stories.setNote', { id: 'u1', note: 'terug van B' });
        await until(() => a.context.store.meta.storyEdits.get('u1')?.note === 'terug van B', 'B\'s note back in A');
      } finally {
        await a.close();
        await b.close();
      }
      for (const file of await filesUnder(path.join(dir, 'a'))) {
        expect((await readFile(file)).includes(ACCOUNTS.anna.password), file).toBe(false);
      }
      const again = await open(dir, 'a');
      try {
        const status = await ok<SyncStatus>(again, 'sync.status', {});
        expect(status).toMatchObject({ state: 'off', reason: 'not-connected', remote: desk.url('ui'), user: 'anna' });
      } finally {
        await again.close();
      }
    });
  }, 20_000);
});
