import { z } from 'zod';
import { def, empty, idSchema, LIMITS } from './define';

/**
 * The team library (docs/TEAM-LIBRARY.md): this library mirrored into a local replica and
 * replicated with a desk's CouchDB database. The core answers with states and reason codes;
 * the renderer and the CLI word them.
 */

/** Why sync stopped or refused, or what holds it back. */
export type SyncReasonCode =
  /** The remote URL is plain http to anything but this computer (or not http(s) at all). */
  | 'insecure-url'
  /** The server refused the user name or password. */
  | 'unauthorized'
  /** The account may not read the desk's database. */
  | 'forbidden'
  /** The server could not be reached (offline, wrong address, server down). */
  | 'unreachable'
  /** No password in KRONIEK_SYNC_PASSWORD or the password file. */
  | 'no-password'
  /** This library is not connected to a desk database. */
  | 'not-connected'
  /** The server answered with an error of its own. */
  | 'server-error'
  /** No such conflict (resolved meanwhile) or no such revision in it. */
  | 'no-conflict';

export type SyncState = 'off' | 'synced' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Why it is offline or in error. */
  reason: SyncReasonCode | null;
  /** The desk database (without credentials), or null when not connected. */
  remote: string | null;
  user: string | null;
  /** While syncing: documents done and (when the server says) still to come. */
  progress: { done: number; pending: number | null } | null;
  /** Last time both directions were up to date (ISO-8601). */
  lastSyncedAt: string | null;
  /** The account may read but not write (a reader): local edits stay local and are kept. */
  pushRefused: boolean;
  /** Local documents the server refused to take (kept in the local replica). */
  unpushed: number;
  /** Documents from the server that were refused as malformed (skipped, never applied). */
  refused: { count: number; recent: { id: string; reason: string }[] };
  /** True conflicts waiting for the editor. */
  conflicts: number;
  /** The last changes applied from others: who, how many records, when. */
  lastIncoming: { author: string; count: number; at: string } | null;
  /** The password is remembered on this computer (reconnects at the next start without asking). */
  remembered?: boolean;
  /** Why "Remember password on this computer" is not offered: no OS encryption (the app), or no credential store (the CLI); null: offered. */
  rememberUnavailable?: 'no-encryption' | 'no-store' | null;
}

export interface SyncConflictVersion {
  rev: string;
  author: string;
  at: string;
  /** This library's own edit. */
  mine: boolean;
  /** The version shown now (CouchDB's deterministic winner). */
  winning: boolean;
  /** The record's state in this version: a note `{note}`, a date `{publishedAt}`, a dossier's texts and entries; null: removed. */
  value: unknown;
}

export interface SyncConflict {
  /** The document id, e.g. `note:<storyId>`. */
  id: string;
  kind: 'note' | 'date' | 'dossier' | 'chronology';
  /** The story or dossier the record belongs to (a chronology line: its dossier; the line's key is after it in `id`). */
  target: string;
  versions: SyncConflictVersion[];
}

const remoteUrlSchema = z.string().min(1).max(2_000);
/** Given in the Share dialog: held in memory by the process that syncs, for this session only; never written anywhere. */
const passwordSchema = z.string().min(1).max(1_000);
const userSchema = z.string().min(1).max(LIMITS.name).regex(/^[^\s:]+$/, 'a user name without spaces or colons');

export const syncContract = {
  'sync.status': def<SyncStatus>()(empty),
  /** Connects this library to a desk database and starts live sync; the password is the one given (kept in memory for the session), else the environment's or the password file's. */
  'sync.connect': def<SyncStatus>()(
    /** `once`: one replication each way, applied before the answer (the CLI's `sync --once`), instead of live sync. */
    z.strictObject({ url: remoteUrlSchema, user: userSchema, once: z.boolean().optional(), password: passwordSchema.optional(), remember: z.boolean().optional() }),
  ),
  /** Stops syncing and forgets the desk database; the local library stays as it is. */
  'sync.disconnect': def<SyncStatus>()(z.strictObject({ forget: z.boolean().optional() })),
  'sync.conflicts': def<SyncConflict[]>()(empty),
  /** Keeps one version of a conflict (`mine`, `theirs` or a revision) and drops the others. */
  'sync.resolve': def<{ resolved: string }>()(
    z.strictObject({ conflictId: z.string().min(1).max(200), take: z.union([z.enum(['mine', 'theirs']), z.string().regex(/^\d+-[0-9a-f]{1,64}$/)]) }),
  ),
  /** The latest edit of a story (its note, date or tags) that came from a colleague, or null ("changed by … at …" in the reader). */
  'sync.storyOrigin': def<StoryOrigin | null>()(z.strictObject({ id: idSchema })),
  /** Forgets the password remembered on this computer for the connected desk and account. */
  'sync.forget': def<SyncStatus>()(empty),
  /** Tries the desk database with these credentials without connecting or syncing (the Share dialog's "Test connection"). */
  'sync.test': def<{ result: SyncProbeResult }>()(z.strictObject({ url: remoteUrlSchema, user: userSchema, password: passwordSchema.optional() })),
} as const;

/**
 * What "Test connection" found: `ok` (the account may read and write), `read-only` (a reader:
 * it may read, its edits stay on this computer), `not-found` (no such database), or why not.
 */
export type SyncProbeResult = 'ok' | 'read-only' | 'not-found' | 'unauthorized' | 'forbidden' | 'unreachable' | 'insecure-url' | 'no-password' | 'server-error';

/** Who last changed a story's shared parts from another computer, and when. */
export interface StoryOrigin {
  author: string;
  /** ISO-8601. */
  at: string;
  /** What that colleague's latest edits touched. */
  parts: ('note' | 'date' | 'tags')[];
}
