// Backups, recovery and the whole-library archive (issue 6).
import { z } from 'zod';
import type { LibraryStatus } from '../types';
import { def, empty } from './define';

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
}

export const backupNameSchema = z.string().regex(/^library-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/, 'not a backup name');

export const maintenanceContract = {
  'backups.list': def<BackupInfo[]>()(empty),
  /** Makes a backup of the current state first, then restores the named one. */
  'backups.restore': def<LibraryStatus>()(z.strictObject({ name: backupNameSchema })),
  /** Desktop only: save dialog, then the whole library as one JSON archive. Null when cancelled. */
  'library.exportArchiveToFile': def<{ path: string; stories: number } | null>()(empty),
} as const;
