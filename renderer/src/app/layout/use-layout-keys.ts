import { useEffect } from 'react';
import { useAppStoreApi } from '../../store';
import { isTypingTarget } from '../../ui/format';
import { isNarrow } from './use-narrow';

/**
 * The layout's keys, anywhere but in a field or a dialog: `?` the shortcut overview,
 * `i` the story details, `[` the sidebar, `]` the list pane.
 */
export function useLayoutKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      const state = store.getState();
      if (event.key === '?') state.setShortcutsOpen(true);
      else if (event.key === 'i' || event.key === 'I') state.toggleInspector();
      else if (event.key === '[') state.toggleSidebar(isNarrow());
      // The list pane: wide windows with a story open (narrow ones show one pane anyway).
      else if (event.key === ']' && !isNarrow() && state.openId !== null) state.toggleList();
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
