import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { SyncConflict, SyncConflictVersion } from '../../../../shared/contract/sync';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { useErrorText } from '../../ui/errors/use-error-text';
import { formatDay, formatInstant } from '../../ui/format';
import './team.css';

export const CONFLICTS_VIEW_ID = 'conflicts-view';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Notes, dates and dossiers edited on two computers: every version side by side with its
 * author and time, mine or theirs; the editor keeps one and the others are removed on every
 * computer. Everything shown comes from the server, so it is rendered as text only.
 */
export function ConflictsView() {
  const ts = useTranslator('sync');
  const errorText = useErrorText();
  const headingId = useId();
  const conflicts = useApp((s) => s.conflicts);
  const state = useApp((s) => s.conflictsState);
  const loadError = useApp((s) => s.conflictsError);
  const titles = useApp((s) => s.conflictTitles);
  const resolve = useApp((s) => s.resolveConflict);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<ServiceError | null>(null);
  const [announcement, setAnnouncement] = useState('');

  async function take(conflict: SyncConflict, choice: string) {
    setBusy(conflict.id);
    setFailed(null);
    try {
      await resolve(conflict.id, choice);
      setAnnouncement(ts('resolved'));
    } catch (error) {
      setFailed(error as ServiceError);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section id={CONFLICTS_VIEW_ID} className="conflicts-view" aria-labelledby={headingId} tabIndex={-1}>
      <header className="conflicts-header">
        <h2 id={headingId}>{ts('conflictsTitle')}</h2>
        <p className="field-hint">{ts('conflictsIntro')}</p>
      </header>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {failed && (
        <div className="dialog-error" role="alert">
          <p className="error-title">{ts('resolveFailed')}</p>
          <p className="error-message">{errorText(failed)}</p>
        </div>
      )}
      {state === 'error' ? (
        <div className="dialog-error" role="alert">
          <p className="error-title">{ts('conflictsFailed')}</p>
          {loadError && <p className="error-message">{errorText(loadError)}</p>}
        </div>
      ) : state !== 'ready' ? (
        <p className="pane-message" role="status">
          {ts('loadingConflicts')}
        </p>
      ) : conflicts.length === 0 ? (
        <p className="pane-message">{ts('noConflicts')}</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((conflict) => (
            <ConflictItem key={conflict.id} conflict={conflict} title={titles[conflict.target] ?? conflict.target} ts={ts} disabled={busy !== null || readOnly} onTake={(choice) => void take(conflict, choice)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ConflictItem({ conflict, title, ts, disabled, onTake }: { conflict: SyncConflict; title: string; ts: TFunction<'sync'>; disabled: boolean; onTake(choice: string): void }) {
  const language = useApp((s) => s.language);
  const headingId = useId();
  const heading =
    conflict.kind === 'note' ? ts('noteOf', { title }) : conflict.kind === 'date' ? ts('dateOf', { title }) : conflict.kind === 'chronology' ? ts('chronologyOf', { title }) : ts('dossierOf', { title });
  return (
    <li className="conflict" data-conflict={conflict.id}>
      <h3 id={headingId} className="conflict-heading">
        <span className="conflict-kind">{ts(`kind_${conflict.kind}`)}</span> {heading}
      </h3>
      <ul className="conflict-versions" aria-labelledby={headingId}>
        {[...conflict.versions].sort((x, y) => Number(y.mine) - Number(x.mine)).map((version) => {
          const at = formatInstant(version.at, language);
          return (
            <li key={version.rev} className="conflict-version" data-mine={version.mine ? 'true' : 'false'}>
              <p className="conflict-side">
                <strong>{version.mine ? ts('mine') : ts('theirs')}</strong>
                {version.winning && <span className="conflict-shown"> · {ts('shownNow')}</span>}
              </p>
              <p className="conflict-by">{ts('byAt', { author: version.author, at })}</p>
              <VersionValue kind={conflict.kind} version={version} ts={ts} language={language} />
              <button
                type="button"
                className={`button small${version.mine ? ' primary' : ''}`}
                disabled={disabled}
                onClick={() => onTake(version.mine ? 'mine' : version.rev)}
                aria-label={version.mine ? undefined : ts('keepVersionBy', { author: version.author, at })}
              >
                {version.mine ? ts('keepMine') : ts('takeTheirs')}
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function VersionValue({ kind, version, ts, language }: { kind: SyncConflict['kind']; version: SyncConflictVersion; ts: TFunction<'sync'>; language: 'nl' | 'en' }) {
  const value = version.value as Record<string, unknown> | null;
  if (value === null || typeof value !== 'object') return <p className="conflict-value conflict-removed">{ts('removed')}</p>;
  if (kind === 'note') {
    const note = text(value.note);
    return <p className="conflict-value conflict-note">{note || ts('emptyNote')}</p>;
  }
  if (kind === 'date') {
    const day = text(value.publishedAt);
    return <p className="conflict-value">{day ? formatDay(day, language) : ts('noDate')}</p>;
  }
  if (kind === 'chronology') {
    // One line of a dossier's chronology: its date as the text gives it, its wording, what the editor decided.
    const date = value.date as { date?: unknown } | undefined;
    const day = text(date?.date);
    return (
      <div className="conflict-value">
        {day && <p className="conflict-dossier-title">{/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDay(day, language) : day}</p>}
        <p className="conflict-note">{text(value.summary)}</p>
        <p className="field-hint">{ts(value.status === 'rejected' ? 'lineRejected' : value.status === 'merged' ? 'lineMerged' : 'lineApproved')}</p>
      </div>
    );
  }
  const entries = Array.isArray(value.entries) ? value.entries : [];
  return (
    <div className="conflict-value">
      <p className="conflict-dossier-title">{text(value.title)}</p>
      {text(value.subtitle) && <p>{text(value.subtitle)}</p>}
      {text(value.intro) && <p className="conflict-note">{text(value.intro)}</p>}
      <p className="field-hint">{ts('entries', { count: entries.length })}</p>
    </div>
  );
}
