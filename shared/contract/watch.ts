// Watch folders: drop folders (as wire systems deliver into hot folders) whose new files
// Kroniek imports as they arrive, with an import log.
import { z } from 'zod';
import { def, empty, idSchema, localDef, localPathSchema } from './define';

/** How a watched folder is doing. `missing`: it is gone (or not a folder); Kroniek looks for it again. */
export type WatchFolderState = 'starting' | 'watching' | 'missing';

export interface WatchFolder {
  id: string;
  /** Absolute path on the computer that runs the core. */
  path: string;
  /** Move each imported (or already known) file into the folder's `imported/` subfolder; never delete. */
  moveImported: boolean;
  /** Kept in the library and watched again whenever it opens; false for `kroniek watch DIR` and `--watch DIR`. */
  persistent: boolean;
  state: WatchFolderState;
}

/**
 * What happened to one file (or to a folder, `file` empty):
 * `imported` new stories; `duplicate` everything was already in the library; `rejected`
 * not imported, the file stays where it is (`code` says why: `empty`, `binary`,
 * `no-headline`, `too-large`, `not-a-file`, `symlink`, `unreadable`, `not-found`…);
 * `move-failed` imported but could not be moved to `imported/` (`code`: the system's error
 * code); `folder-missing` the folder disappeared or is not a folder; `folder-back` it is there again.
 */
export type WatchLogStatus = 'imported' | 'duplicate' | 'rejected' | 'move-failed' | 'folder-missing' | 'folder-back';

export interface WatchLogEntry {
  /** Grows with every entry of this session. */
  seq: number;
  /** ISO-8601. */
  at: string;
  folderId: string;
  folder: string;
  /** The file's name in the folder; empty for an entry about the folder itself. */
  file: string;
  status: WatchLogStatus;
  code?: string;
  /** The story the file brought (its article, or the existing one for a duplicate). */
  storyId?: string;
  /** Headline of that story. */
  headline?: string;
  /** Briefs imported from the file. */
  briefs?: number;
  /** Where the file went when moved to `imported/` (its name there; a clash gets a suffix). */
  movedTo?: string;
}

/** Entries kept per session (oldest dropped first). */
export const WATCH_LOG_LIMIT = 500;

export const watchAddSchema = z.strictObject({
  path: localPathSchema,
  moveImported: z.boolean().optional(),
  /** Keep it in the library and watch it whenever the library opens (default true). */
  persist: z.boolean().optional(),
});

export const watchContract = {
  /** The watched folders. */
  'watch.folders': def<WatchFolder[]>()(empty),
  /** The import log of this session, newest first; `after` gives only entries with a larger `seq`. */
  'watch.log': def<{ entries: WatchLogEntry[] }>()(z.strictObject({ after: z.number().int().min(0).optional() })),
  /** Native folder dialog, then watch what was chosen (desktop app only). Null when cancelled. */
  'watch.addWithDialog': def<WatchFolder | null>()(z.strictObject({ moveImported: z.boolean().optional() })),
  /** Local only (CLI, host start-up, Electron main; see MethodReach): watch a folder named by absolute path. */
  'watch.add': localDef<WatchFolder>()(watchAddSchema),
  /** Stop watching a folder; nothing in it is touched. */
  'watch.remove': def<WatchFolder[]>()(z.strictObject({ id: idSchema })),
  'watch.setMoveImported': def<WatchFolder>()(z.strictObject({ id: idSchema, moveImported: z.boolean() })),
} as const;
