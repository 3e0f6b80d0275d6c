import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

// Durable replace of a file: unique temp file in the same folder, fsync, rename,
// fsync the folder. A crash at any point leaves either the old or the new
// content under the real name, never a torn file. (steno, lowdb's writer, renames
// without fsync, which can lose an acknowledged write on power loss.)

const TEMP_MARK = '.kroniek-tmp-';
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

export function isTempFileName(name: string): boolean {
  return name.includes(TEMP_MARK);
}

export async function writeFileDurably(filePath: string, data: string | Uint8Array): Promise<void> {
  await writeFileDurablyWith(filePath, (handle) => handle.writeFile(data));
}

/**
 * writeFileDurably for content written piece by piece (a large binary cache file that
 * is never all in memory at once): `fill` writes the temp file through its handle; if it
 * throws, the temp file is removed and the real file is left as it was.
 */
export async function writeFileDurablyWith(filePath: string, fill: (handle: fs.FileHandle) => Promise<void>): Promise<void> {
  const dir = path.dirname(filePath);
  const temp = path.join(dir, `${path.basename(filePath)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await fill(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await renameWithRetry(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** Windows virus scanners and indexers hold files briefly: retry a rename a few times. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 15 * 2 ** attempt));
    }
  }
}

/** Makes the rename itself durable. Not possible (nor needed) on Windows. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files a crashed writer left behind; returns how many. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!isTempFileName(name)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

export async function readFileIfExists(filePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
