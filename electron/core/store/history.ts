import { ServiceError } from '../../../shared/contract/envelope';
import type { HistoryState } from '../../../shared/contract/library';
import type { HistoryLabel } from '../../../shared/messages';
import type { MetaDoc } from './meta';

type Key = keyof MetaDoc;

/** Checked before an entry is undone or redone; throws (a ServiceError with a reason) to refuse. */
export type HistoryGuard = (current: MetaDoc, direction: 'undo' | 'redo') => void;

interface Entry {
  label: HistoryLabel;
  changes: { key: Key; before: unknown; after: unknown }[];
  guard?: HistoryGuard;
  /** The id of the edit in the recent changes (RecentChanges). */
  recentId?: number;
}

const LIMIT = 200;

/**
 * Undo/redo over the metadata document. Edits are immutable updates, so an
 * entry records, per top-level key it changed, the value before and after.
 * Undo puts back only those keys, so edits that are not undoable (imports,
 * notices) and touch other keys stay in place.
 */
export class History {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];

  record(label: HistoryLabel, before: MetaDoc, after: MetaDoc, guard?: HistoryGuard, recentId?: number): void {
    const changes: Entry['changes'] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<Key>) {
      if (before[key] !== after[key]) changes.push({ key, before: before[key], after: after[key] });
    }
    if (changes.length === 0) return;
    const entry: Entry = guard ? { label, changes, guard } : { label, changes };
    if (recentId !== undefined) entry.recentId = recentId;
    this.undoStack.push(entry);
    if (this.undoStack.length > LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The document after undoing the last edit, or null when there is none. Moves the entry to redo. */
  undo(current: MetaDoc): MetaDoc | null {
    const entry = this.undoStack.at(-1);
    if (!entry) return null;
    const next = apply(current, entry, 'before');
    this.undoStack.pop();
    this.redoStack.push(entry);
    return next;
  }

  redo(current: MetaDoc): MetaDoc | null {
    const entry = this.redoStack.at(-1);
    if (!entry) return null;
    const next = apply(current, entry, 'after');
    this.redoStack.pop();
    this.undoStack.push(entry);
    return next;
  }

  /** Takes back the last undo/redo (used when writing its result failed). */
  revert(direction: 'undo' | 'redo'): void {
    const from = direction === 'undo' ? this.redoStack : this.undoStack;
    const to = direction === 'undo' ? this.undoStack : this.redoStack;
    const entry = from.pop();
    if (entry) to.push(entry);
  }

  /** The recent-change ids of the edits Undo can still take back. */
  undoableIds(): Set<number> {
    const ids = new Set<number>();
    for (const entry of this.undoStack) if (entry.recentId !== undefined) ids.add(entry.recentId);
    return ids;
  }

  /** The label of the entry the last undo or redo moved (for the recent changes). */
  lastMoved(direction: 'undo' | 'redo'): HistoryLabel | null {
    return (direction === 'undo' ? this.redoStack : this.undoStack).at(-1)?.label ?? null;
  }

  state(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }
}

function apply(current: MetaDoc, entry: Entry, side: 'before' | 'after'): MetaDoc {
  const other = side === 'before' ? 'after' : 'before';
  entry.guard?.(current, side === 'before' ? 'undo' : 'redo');
  const next: Record<string, unknown> = { ...current };
  for (const change of entry.changes) {
    if (current[change.key] !== change[other]) {
      const direction = side === 'before' ? 'undo' : 'redo';
      throw new ServiceError('conflict', `Cannot ${direction} the edit "${entry.label.code}": that part of the library changed since.`, {
        code: 'history.changedSince',
        direction,
        label: entry.label,
      });
    }
    if (change[side] === undefined) delete next[change.key];
    else next[change.key] = change[side];
  }
  return next as unknown as MetaDoc;
}
