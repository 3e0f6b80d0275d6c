import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { localeOf, type Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { formatInstant } from '../../ui/format';
import './team.css';

/** The state in a few words: "Synced", "Syncing 40 of 200", "Offline — retrying", "Not connected — connect". */
export function syncStateText(ts: TFunction<'sync'>, status: SyncStatus, language: Language): string {
  switch (status.state) {
    case 'off':
      return status.remote ? ts('state_remembered') : ts('state_off');
    case 'syncing': {
      const progress = status.progress;
      if (!progress || progress.pending === null) return ts('state_syncing');
      const format = (n: number) => n.toLocaleString(localeOf(language));
      return ts('syncingOf', { done: format(progress.done), total: format(progress.done + progress.pending) });
    }
    case 'error':
      return status.reason ? `${ts('state_error')}: ${ts(`reason_${status.reason}`)}` : ts('state_error');
    case 'offline':
      return ts('state_offline');
    default:
      return ts('state_synced');
  }
}

/** The details under the state: last synced, read-only, the last changes from a colleague, refused documents. */
export function SyncStatusLines({ status }: { status: SyncStatus }) {
  const ts = useTranslator('sync');
  const language = useApp((s) => s.language);
  const lines: { key: string; text: string; tone?: 'warn' }[] = [];
  if (status.state !== 'off') lines.push({ key: 'last', text: status.lastSyncedAt ? ts('lastSynced', { at: formatInstant(status.lastSyncedAt, language) }) : ts('neverSynced') });
  if (status.pushRefused) lines.push({ key: 'readonly', text: ts('readOnly', { count: status.unpushed }), tone: 'warn' });
  if (status.lastIncoming) lines.push({ key: 'from', text: ts('fromColleague', { author: status.lastIncoming.author, count: status.lastIncoming.count, at: formatInstant(status.lastIncoming.at, language) }) });
  if (status.refused.count) lines.push({ key: 'refused', text: ts('refused', { count: status.refused.count }), tone: 'warn' });
  if (lines.length === 0) return null;
  return (
    <ul className="sync-lines">
      {lines.map((line) => (
        <li key={line.key} data-tone={line.tone}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * The sidebar's team library section: the sync indicator (it opens Share this library…) and
 * the Conflicts entry with its count. Driven by the change feed's `{sync: true}` events.
 */
export function TeamSidebarSection() {
  const ts = useTranslator('sync');
  const language = useApp((s) => s.language);
  const status = useApp((s) => s.teamStatus);
  const openShare = useApp((s) => s.openShare);
  const openConflicts = useApp((s) => s.openConflicts);
  const current = useApp((s) => s.view.kind === 'conflicts');
  const shared = Boolean(status?.remote);
  const conflicts = status?.conflicts ?? 0;
  const stateText = status ? syncStateText(ts, status, language) : '';
  return (
    <section className="team-section" aria-label={ts('sectionLabel')}>
      {status && shared ? (
        <div className="sync-indicator" data-state={status.state} data-remembered={status.state === 'off' ? 'true' : undefined}>
          <button type="button" className="sync-state" onClick={openShare} aria-label={ts('indicatorLabel', { state: stateText })} title={status.remote ?? undefined}>
            <span className="sync-dot" aria-hidden="true" />
            <span role="status" className="sync-state-text">
              {stateText}
            </span>
          </button>
          <SyncStatusLines status={status} />
        </div>
      ) : (
        <button type="button" className="sidebar-footer-button" onClick={openShare}>
          {ts('share')}
        </button>
      )}
      {(conflicts > 0 || current) && (
        <ul className="view-list" aria-label={ts('conflicts')}>
          <li>
            <button type="button" className="view-button" aria-current={current ? 'true' : undefined} onClick={openConflicts}>
              <span className="view-label">{ts('conflicts')}</span>
              {conflicts > 0 && (
                <span className="view-count conflict-badge" aria-label={ts('conflictsCount', { count: conflicts })}>
                  {conflicts.toLocaleString(localeOf(language))}
                </span>
              )}
            </button>
          </li>
        </ul>
      )}
    </section>
  );
}
