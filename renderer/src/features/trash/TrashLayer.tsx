import { useEffect } from 'react';
import { useAppStoreApi } from '../../store';
import { StoryContextMenu } from './StoryContextMenu';
import { TrashDialog } from './TrashDialog';
import './trash.css';

/** The Trash dialog, the list rows' context menu and the Delete key in the list, mounted once by the app. */
export function TrashLayer() {
  useDeleteKey();
  return (
    <>
      <TrashDialog />
      <StoryContextMenu />
    </>
  );
}

/** The stories a list action is about: the selection, or else the row under the keyboard cursor. */
export function listTargets(state: ReturnType<ReturnType<typeof useAppStoreApi>['getState']>): string[] {
  if (state.selection.ids.size > 0) return state.targetIds();
  return state.cursorId ? [state.cursorId] : [];
}

/** Delete (or ⌘Backspace) in the story list moves the selection, or the row at the cursor, to the Trash. */
function useDeleteKey() {
  const store = useAppStoreApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const isDelete = (event.key === 'Delete' && !event.ctrlKey && !event.metaKey && !event.altKey) || (event.key === 'Backspace' && event.metaKey);
      if (!isDelete || event.repeat) return;
      if (!(event.target instanceof Element) || !event.target.closest('.story-list')) return;
      const state = store.getState();
      if (state.status?.readOnly) return;
      const ids = listTargets(state);
      if (ids.length === 0) return;
      event.preventDefault();
      void state.deleteStories(ids).then(() => focusList());
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** Back to the list's focusable row after its row went away (focus would otherwise fall to the page). */
export function focusList() {
  if (document.activeElement && document.activeElement !== document.body) return;
  document.querySelector<HTMLElement>('.story-list [tabindex="0"]')?.focus();
}
