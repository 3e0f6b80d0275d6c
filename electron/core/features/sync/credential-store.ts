import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Where a desk password the editor asked to remember is kept ("Remember password on this
 * computer"). The core only calls this port; the Electron app implements it with `safeStorage`
 * (electron/main/safe-credentials.ts: encrypted with the OS keychain), the loopback host with a
 * file readable by its owner only (FileCredentialStore). Never in the library folder, never logged.
 */
export interface CredentialStore {
  /** Null when passwords can be remembered here; otherwise why not (the Share dialog says so). */
  unavailable(): 'no-encryption' | null;
  get(key: CredentialKey): Promise<string | null>;
  set(key: CredentialKey, password: string): Promise<void>;
  remove(key: CredentialKey): Promise<void>;
}

/** A password belongs to one library (its replica's id), one desk database and one account. */
export interface CredentialKey {
  library: string;
  url: string;
  user: string;
}

/** The key as stored: a hash, so the file does not list which desks and accounts it holds. */
export function credentialKeyId(key: CredentialKey): string {
  return createHash('sha256').update(JSON.stringify([key.library, key.url, key.user])).digest('hex');
}

const FILE = 'sync-credentials.json';

/**
 * The host's and the CLI's credential store: `<configDir>/sync-credentials.json`, mode 0600,
 * in a 0700 folder. A file that others may read (mode wider than 0600) is refused on read, as
 * KRONIEK_SYNC_PASSWORD_FILE is: it is not used, and the status says the password is not remembered.
 */
export class FileCredentialStore implements CredentialStore {
  constructor(private readonly configDir: string) {}

  private get file(): string {
    return path.join(this.configDir, FILE);
  }

  unavailable(): null {
    return null;
  }

  private async read(): Promise<Record<string, string>> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.file, 'r');
    } catch {
      return {};
    }
    try {
      const mode = (await handle.stat()).mode;
      if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
        console.error(`[kroniek] sync: ${this.file} may be readable by its owner only (chmod 600); not used.`);
        return {};
      }
      const parsed = JSON.parse(await handle.readFile('utf8')) as unknown;
      const out: Record<string, string> = Object.create(null) as Record<string, string>;
      if (parsed && typeof parsed === 'object') for (const [id, value] of Object.entries(parsed)) if (/^[0-9a-f]{64}$/.test(id) && typeof value === 'string') out[id] = value;
      return out;
    } catch {
      return {};
    } finally {
      await handle.close();
    }
  }

  private async write(all: Record<string, string>): Promise<void> {
    await fs.mkdir(this.configDir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(all)}\n`, { mode: 0o600 });
    await fs.chmod(tmp, 0o600);
    await fs.rename(tmp, this.file);
  }

  async get(key: CredentialKey): Promise<string | null> {
    return (await this.read())[credentialKeyId(key)] ?? null;
  }

  async set(key: CredentialKey, password: string): Promise<void> {
    const all = await this.read();
    all[credentialKeyId(key)] = password;
    await this.write(all);
  }

  async remove(key: CredentialKey): Promise<void> {
    const all = await this.read();
    const id = credentialKeyId(key);
    if (!(id in all)) return;
    delete all[id];
    await this.write(all);
  }
}
