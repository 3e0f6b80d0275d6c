import { toServiceError } from '../client';
import type { EditFeedback } from './tags-types';
import type { GetState, SetState } from './types';

/**
 * Runs one edit against the service, then refreshes everything it can change
 * (list, counts, tags, reader, history). A failure is kept for the status line
 * and answered with false, never thrown into a click handler.
 */
export async function runEdit(set: SetState, get: GetState, edit: () => Promise<EditFeedback | void>): Promise<boolean> {
  let feedback: EditFeedback | null = null;
  try {
    const said = await edit();
    if (said) feedback = said;
  } catch (error) {
    set({ editFeedback: { kind: 'failed', error: toServiceError(error) } });
    // The library may have changed partly (several calls); show what it is now.
    await get().refreshAfterChange();
    return false;
  }
  set({ editFeedback: feedback });
  await get().refreshAfterChange();
  return true;
}
