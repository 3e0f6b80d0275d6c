import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, safeStorage } from 'electron';
import { credentialKeyId, type CredentialKey, type CredentialStore } from '../core/features/sync/credential-store';

/**
 * "Remember password on this computer" in the app: the password is encrypted with Electron's
 * safeStorage (the OS keychain / DPAPI / libsecret) and the ciphertext kept, under a hash of
 * library + desk + account, in `<userData>/sync-credentials.json` (0600). Never in the library
 * folder, never logged. Without OS encryption (`isEncryptionAvailable()` false, e.g. Linux
 * without a keyring) nothing is remembered and the Share dialog says why.
 */
export function createSafeCredentialStore(): CredentialStore {
  const file = () => path.join(app.getPath('userData'), 'sync-credentials.json');
  const read = async (): Promise<Record<string, string>> => {
    try {
      const parsed = JSON.parse(await fs.readFile(file(), 'utf8')) as unknown;
      const out: Record<string, string> = Object.create(null) as Record<string, string>;
      if (parsed && typeof parsed === 'object') for (const [id, value] of Object.entries(parsed)) if (/^[0-9a-f]{64}$/.test(id) && typeof value === 'string') out[id] = value;
      return out;
    } catch {
      return {};
    }
  };
  const write = async (all: Record<string, string>): Promise<void> => {
    const tmp = `${file()}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(all)}\n`, { mode: 0o600 });
    await fs.rename(tmp, file());
  };
  return {
    unavailable: () => (safeStorage.isEncryptionAvailable() ? null : 'no-encryption'),
    async get(key: CredentialKey) {
      const stored = (await read())[credentialKeyId(key)];
      if (!stored || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null; // encrypted under another OS account or keyring: asked again
      }
    },
    async set(key: CredentialKey, password: string) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
      const all = await read();
      all[credentialKeyId(key)] = safeStorage.encryptString(password).toString('base64');
      await write(all);
    },
    async remove(key: CredentialKey) {
      const all = await read();
      const id = credentialKeyId(key);
      if (!(id in all)) return;
      delete all[id];
      await write(all);
    },
  };
}
