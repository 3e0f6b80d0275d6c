import { useEffect, useRef } from 'react';
import { useApp, useT } from '../../store';

/** How often the status is asked while the search index builds at start. */
const POLL_MS = 500;

/**
 * "Indexing 12,000 of 50,000…" while the search index is built at start (the
 * list is usable meanwhile). When it is done, an active search is asked again,
 * since its first answers may have been incomplete.
 */
export function IndexProgress() {
  const t = useT();
  const index = useApp((s) => s.status?.index ?? null);
  const loadStatus = useApp((s) => s.loadStatus);
  const reloadList = useApp((s) => s.reloadList);
  const searching = useApp((s) => s.searchQuery.trim() !== '');
  const ready = index?.ready ?? true;
  const wasBuilding = useRef(false);

  useEffect(() => {
    if (ready) return;
    wasBuilding.current = true;
    const timer = window.setInterval(() => void loadStatus(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [ready, loadStatus]);

  useEffect(() => {
    if (!ready || !wasBuilding.current) return;
    wasBuilding.current = false;
    if (searching) void reloadList();
  }, [ready, searching, reloadList]);

  if (!index || index.ready) return null;
  return (
    <div className="index-progress" role="status">
      <progress max={Math.max(1, index.total)} value={index.indexed} aria-hidden="true" />
      <span>{t.search('indexing', { indexed: index.indexed, total: index.total })}</span>
      <span className="index-progress-hint">{t.search('indexingHint')}</span>
    </div>
  );
}
