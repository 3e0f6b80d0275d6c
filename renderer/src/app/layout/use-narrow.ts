import { useSyncExternalStore } from 'react';

/** Windows this narrow show one pane at a time (the reader takes over) and hide the sidebar until asked. */
export const NARROW_QUERY = '(max-width: 900px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export const isNarrow = () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;

/** True while the window is narrow (re-renders when it crosses the line). */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, isNarrow, () => false);
}
