/**
 * What one store commit changed in the library, by part. Every edit answers with the
 * commits it made (the envelope's `commits`), and the core publishes every commit on
 * its change feed (Electron IPC, the host's event stream), whoever made it: the
 * renderer refreshes exactly the parts named here. The core derives it centrally from
 * the metadata document before and after the commit (electron/core/store/changes.ts).
 */

/** Ids of what changed, or `'all'` when there were too many to list (a big import or restore). */
export type ChangedIds = readonly string[] | 'all';

export interface ChangeSet {
  /** Stories that joined or left the library: import, delete, archive merge, backup restore (and their undo). */
  stories?: ChangedIds;
  /** The tag tree itself: a tag created, renamed, recoloured, moved, merged or deleted. */
  tags?: true;
  /** Stories whose tags changed. */
  taggings?: ChangedIds;
  /** Stories at either end of a link that was added, removed or changed. */
  links?: ChangedIds;
  /** Dossiers created, edited or deleted, by dossier id. */
  dossiers?: ChangedIds;
  /** The saved searches. */
  savedSearches?: true;
  /** Stories whose note changed. */
  notes?: ChangedIds;
  /** Stories whose editor-set date changed. */
  dates?: ChangedIds;
  /** Stories whose dismissed tag suggestions or dismissed related stories changed. */
  dismissals?: ChangedIds;
  /** The undo/redo history moved (an undoable edit, an undo or a redo). */
  history?: true;
  /** The library's status: its notices, or how many stories, tags, links or dossiers it has. */
  library?: true;
  /** The watched folders or their import log (see ./watch.ts). */
  watch?: true;
  /** The team library's sync status or its conflicts (see ./sync.ts). */
  sync?: true;
}

export type ChangeKey = keyof ChangeSet;
/** The parts that name ids; the others are flags. */
export type IdChangeKey = 'stories' | 'taggings' | 'links' | 'dossiers' | 'notes' | 'dates' | 'dismissals';
export type FlagChangeKey = Exclude<ChangeKey, IdChangeKey>;

export const ID_CHANGE_KEYS = ['stories', 'taggings', 'links', 'dossiers', 'notes', 'dates', 'dismissals'] as const satisfies readonly IdChangeKey[];
export const FLAG_CHANGE_KEYS = ['tags', 'savedSearches', 'history', 'library', 'watch', 'sync'] as const satisfies readonly FlagChangeKey[];

/** Every part: what a client refreshes when it may have missed commits (its change stream was cut). */
export const EVERYTHING: ChangeSet = Object.freeze({
  stories: 'all',
  tags: true,
  taggings: 'all',
  links: 'all',
  dossiers: 'all',
  savedSearches: true,
  notes: 'all',
  dates: 'all',
  dismissals: 'all',
  history: true,
  library: true,
  watch: true,
  sync: true,
});

/** Id lists longer than this are sent as `'all'`: a change set stays small whatever the edit. */
export const MAX_CHANGED_IDS = 500;

/** One store commit: a number that grows with every commit of this open library, and what it changed. */
export interface Commit {
  revision: number;
  changes: ChangeSet;
}

/**
 * The change feed of an open library: every store commit, whoever made it (any transport
 * of this process, and later a team server). Transports forward it: Electron IPC to the
 * window, the loopback host as an event stream.
 */
export interface ChangeFeed {
  /** The number of the last commit (0 before the first). */
  revision(): number;
  /** Calls `listener` with every commit from now on; returns an unsubscribe. */
  onCommit(listener: (commit: Commit) => void): () => void;
}

/** Ids as a change set carries them (`'all'` past MAX_CHANGED_IDS), or undefined for none. */
export function changedIds(ids: Iterable<string>): ChangedIds | undefined {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return undefined;
  return unique.length > MAX_CHANGED_IDS ? 'all' : unique;
}

function unionIds(a: ChangedIds | undefined, b: ChangedIds | undefined): ChangedIds | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === 'all' || b === 'all') return 'all';
  return changedIds([...a, ...b]);
}

/** Both change sets in one (e.g. the commits of one call, or commits that arrived together). */
export function mergeChanges(a: ChangeSet, b: ChangeSet): ChangeSet {
  const merged: ChangeSet = {};
  for (const key of ID_CHANGE_KEYS) {
    const ids = unionIds(a[key], b[key]);
    if (ids !== undefined) merged[key] = ids;
  }
  for (const key of FLAG_CHANGE_KEYS) if (a[key] || b[key]) merged[key] = true;
  return merged;
}

export function isEmptyChange(changes: ChangeSet): boolean {
  return ID_CHANGE_KEYS.every((key) => changes[key] === undefined) && FLAG_CHANGE_KEYS.every((key) => !changes[key]);
}

/** True when `part` changed for `id` (or for any id when `id` is omitted). */
export function touches(changes: ChangeSet, part: IdChangeKey, id?: string | null): boolean {
  const ids = changes[part];
  if (ids === undefined) return false;
  if (ids === 'all' || id === undefined) return true;
  return id !== null && ids.includes(id);
}

const KNOWN_KEYS: ReadonlySet<string> = new Set<string>([...ID_CHANGE_KEYS, ...FLAG_CHANGE_KEYS]);
const ID_KEYS: ReadonlySet<string> = new Set<string>(ID_CHANGE_KEYS);

/**
 * The commit in `value` if it has exactly the shape above, else null. For what arrives
 * from outside the page's own code (the preload bridge, the host's event stream).
 */
export function asCommit(value: unknown): Commit | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { revision, changes } = value as { revision?: unknown; changes?: unknown };
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) return null;
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return null;
  const checked: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(changes)) {
    if (!KNOWN_KEYS.has(key)) return null;
    if (ID_KEYS.has(key)) {
      const ok = part === 'all' || (Array.isArray(part) && part.length <= MAX_CHANGED_IDS && part.every((id) => typeof id === 'string' && id.length <= 200));
      if (!ok) return null;
      checked[key] = part === 'all' ? 'all' : [...(part as string[])];
    } else {
      if (part !== true) return null;
      checked[key] = true;
    }
  }
  return { revision, changes: checked as ChangeSet };
}
