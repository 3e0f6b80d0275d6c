import { z } from 'zod';
import type { StorySummary } from '../types';
import { def, empty, idListSchema } from './define';

/** The Trash: deleted stories that can still be restored, most recently deleted first. */
export interface TrashPage {
  total: number;
  items: StorySummary[];
}

export const trashContract = {
  'trash.list': def<TrashPage>()(empty),
  /** Takes stories out of the Trash into the library again (undoable). */
  'trash.restore': def<{ restored: number }>()(z.strictObject({ ids: idListSchema.min(1) })),
  /**
   * Purges stories in the Trash for good (all of it without `ids`): they are never shown,
   * restored, exported or archived again, and their tags, dates, notes and links go.
   * Not undoable; the renderer asks first.
   */
  'trash.empty': def<{ purged: number }>()(z.strictObject({ ids: idListSchema.min(1).optional() })),
} as const;
