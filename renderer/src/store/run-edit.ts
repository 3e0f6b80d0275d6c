import { toServiceError } from '../client';
import type { EditFeedback } from './tags-types';
import type { GetState, SetState } from './types';

/**
 * Runs one edit against the service and resolves once the screen shows it: the
 * edit's answer names what it changed, and the sync slice refreshes exactly that.
 * A failure is kept for the status line and answered with false, never thrown into
 * a click handler (what a failed series of calls did change arrived with the calls
 * that went through).
 */
export async function runEdit(set: SetState, get: GetState, edit: () => Promise<EditFeedback | void>): Promise<boolean> {
  let feedback: EditFeedback | null = null;
  try {
    const said = await edit();
    if (said) feedback = said;
  } catch (error) {
    set({ editFeedback: { kind: 'failed', error: toServiceError(error) } });
    await get().settled();
    return false;
  }
  set({ editFeedback: feedback });
  await get().settled();
  return true;
}
