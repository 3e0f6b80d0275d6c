import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../../../shared/contract/envelope';

// One process owns a data folder. A second one (another app instance, the CLI
// while the host runs) gets a clear error instead of interleaving writes.

export const LOCK_FILE = 'kroniek.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface FolderLock {
  release(): Promise<void>;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(lockPath: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockPath, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') return parsed as LockInfo;
    return null;
  } catch {
    return null;
  }
}

export async function acquireFolderLock(dir: string): Promise<FolderLock> {
  const lockPath = path.join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(lockPath, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          const current = await readLock(lockPath);
          if (current?.pid === mine.pid && current.host === mine.host) await fs.rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readLock(lockPath);
      // A lock from a process that no longer runs on this machine is stale: take it over.
      const stale = holder === null || (holder.host === os.hostname() && !isProcessAlive(holder.pid));
      if (!stale) {
        throw new ServiceError(
          'locked',
          `The library in ${dir} is in use by another Kroniek process (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). Close it first, or open another data folder.`,
        );
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new ServiceError('locked', `Could not lock the library in ${dir}.`);
}
