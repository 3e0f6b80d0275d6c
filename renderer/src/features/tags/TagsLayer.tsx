import { useEffect } from 'react';
import { isTypingTarget } from '../../ui/format';
import { useApp, useAppStoreApi, useT } from '../../store';
import { hotkeyTags } from './hotkeys';
import { LinkPicker } from '../links/LinkPicker';
import { SeriesDialog } from '../links/SeriesDialog';
import { TagManager } from './TagManager';
import './tags.css';
import { useErrorText } from '../../ui/errors/use-error-text';

/** The tag/link dialogs, the 1–9 tag keys and the status line for edits, mounted once by the app. */
export function TagsLayer() {
  useTagHotkeys();
  return (
    <>
      <TagManager />
      <LinkPicker />
      <SeriesDialog />
      <EditFeedbackLine />
    </>
  );
}

/** Keys 1–9 toggle the first nine coloured tags on the selection: not while typing, not inside a dialog. */
function useTagHotkeys() {
  const store = useAppStoreApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (!/^[1-9]$/.test(event.key) || isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      const state = store.getState();
      if (state.status?.readOnly) return;
      const tag = hotkeyTags(state.tags)[Number(event.key) - 1];
      if (!tag || state.targetIds().length === 0) return;
      event.preventDefault();
      void state.toggleTagOnTargets(tag.id);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** Failures (and notes such as skipped links) of the last edit; always in the DOM so screen readers hear it. */
function EditFeedbackLine() {
  const t = useT();
  const errorText = useErrorText();
  const feedback = useApp((s) => s.editFeedback);
  const clear = useApp((s) => s.clearEditFeedback);
  const undo = useApp((s) => s.undo);
  const undoCode = useApp((s) => s.history?.undoLabel?.code ?? null);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  // Offered while the edit this line confirms is still the one Undo takes back.
  const canUndo = feedback?.kind === 'note' && feedback.undo !== undefined && feedback.undo === undoCode && !readOnly;
  const managerOpen = useApp((s) => s.tagManagerOpen);
  // The tag manager shows a failure inline; said once, not also down here.
  const text = feedback === null || (managerOpen && feedback.kind === 'failed') ? '' : feedback.kind === 'failed' ? `${t.tags('editFailed')}: ${errorText(feedback.error)}` : feedback.text;
  return (
    <div className={text ? `edit-feedback visible${feedback?.kind === 'failed' ? ' is-error' : ''}` : 'edit-feedback'} role="status" aria-live="polite">
      {text && (
        <>
          <span>{text}</span>
          {canUndo && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                clear();
                void undo();
              }}
            >
              {t.history('undo')}
            </button>
          )}
          <button type="button" className="link-button" onClick={clear}>
            {t.app('dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
