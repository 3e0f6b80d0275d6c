import type { TFunction } from 'i18next';
import type { HistoryCode, HistoryLabel } from '../../../../shared/messages';

/**
 * The name of an undoable edit in the translator's language (`Tag 3 stories`, `3 verhalen taggen`).
 * The key is the history code itself, so a code without an entry fails the typecheck.
 */
export function editName(t: TFunction<'history'>, label: HistoryLabel): string {
  const code: HistoryCode = label.code;
  return t(code, { count: 'count' in label ? label.count : 1 });
}
