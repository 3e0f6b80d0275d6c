import { chmod, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { openKroniek, type KroniekCore } from '../../app';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { ok } from '../../service/test/calls';
import { FileCredentialStore } from './credential-store';
import { ACCOUNTS, startDesk, until, type Desk } from './test/desk';

// "Remember password on this computer" through the credential store port, with the host's
// implementation (a 0600 file in its own config folder): remembered → restart → connected without
// the password; a file others may read is refused; Forget and Disconnect-and-forget remove it; the
// password is never in the library folder.

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk(['remember']);
}, 30_000);

afterAll(async () => {
  await desk?.stop();
});

const open = (dir: string) =>
  openKroniek({ platform: 'web', dataDir: path.join(dir, 'lib'), liveSync: true, syncCredentials: () => ({ password: null }), credentialStore: new FileCredentialStore(path.join(dir, 'config')) });
const status = (core: KroniekCore) => ok<SyncStatus>(core, 'sync.status', {});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  return out;
}

describe('remembered desk password', () => {
  it('reconnects after a restart without asking, refuses a file others may read, and is forgotten on request', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'config', 'sync-credentials.json');
      let a = await open(dir);
      try {
        await a.context.store.addStories([fakeStory('p1')]);
        expect((await status(a)).rememberUnavailable).toBeNull();
        const connected = await ok<SyncStatus>(a, 'sync.connect', { url: desk.url('remember'), user: 'anna', password: ACCOUNTS.anna.password, remember: true });
        expect(connected.remembered).toBe(true);
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        await a.close();

        a = await open(dir);
        await until(() => a.context.sync.status().state === 'synced', 'synced again without a password');
        expect(await status(a)).toMatchObject({ remembered: true, remote: desk.url('remember'), user: 'anna' });

        // Readable by others: not used.
        await a.close();
        await chmod(file, 0o644);
        a = await open(dir);
        expect(await status(a)).toMatchObject({ state: 'off', reason: 'not-connected', remembered: false });
        await chmod(file, 0o600);
        await a.close();

        a = await open(dir);
        await until(() => a.context.sync.status().state === 'synced', 'synced with the file fixed');
        expect((await ok<SyncStatus>(a, 'sync.forget', {})).remembered).toBe(false);
        await a.close();
        a = await open(dir);
        expect(await status(a)).toMatchObject({ state: 'off', remembered: false });
        // Connect and remember again, then Disconnect with forget.
        await ok(a, 'sync.connect', { url: desk.url('remember'), user: 'anna', password: ACCOUNTS.anna.password, remember: true });
        expect(await readFile(file, 'utf8')).toContain(ACCOUNTS.anna.password);
        await ok(a, 'sync.disconnect', { forget: true });
        expect(await readFile(file, 'utf8')).not.toContain(ACCOUNTS.anna.password);
      } finally {
        await a.close();
      }
      for (const name of await filesUnder(path.join(dir, 'lib'))) {
        expect((await readFile(name)).includes(ACCOUNTS.anna.password), name).toBe(false);
      }
    });
  }, 40_000);
});
