import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { WatchFolder, WatchLogEntry } from '../../../../shared/contract/watch';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';
import { formatInstant } from '../../ui/format';
import './watch.css';

const KNOWN_REASONS = new Set(['empty', 'binary', 'no-headline', 'too-large', 'not-a-file', 'symlink', 'unreadable', 'not-found']);

/** Why a file was not imported (or not moved), in the editor's language, from the core's code. */
export function watchReason(t: TFunction<'watch'>, entry: WatchLogEntry): string | null {
  switch (entry.status) {
    case 'rejected': {
      const code = entry.code ?? 'unreadable';
      const reason = KNOWN_REASONS.has(code) ? t(`reason_${code}` as 'reason_empty') : t('reason_other', { code });
      return `${reason} ${t('staysInFolder')}`;
    }
    case 'move-failed':
      return t('moveFailed', { code: entry.code ?? '?' });
    case 'folder-missing':
      return t('folderMissing');
    default:
      return null;
  }
}

/**
 * Watch folders… : the drop folders Kroniek watches (add one with the native folder
 * dialog in the desktop app; in the browser they are named when the host starts), the
 * move-to-imported option per folder, and this session's import log, which follows
 * files as they arrive (the change feed's `watch` part reloads it).
 */
export function WatchDialog() {
  const tw = useTranslator('watch');
  const errorText = useErrorText();
  const titleId = useId();
  const open = useApp((s) => s.watchOpen);
  const folders = useApp((s) => s.watchFolders);
  const log = useApp((s) => s.watchLog);
  const state = useApp((s) => s.watchState);
  const loadError = useApp((s) => s.watchError);
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const close = useApp((s) => s.closeWatch);
  const addWithDialog = useApp((s) => s.addWatchFolderWithDialog);
  const remove = useApp((s) => s.removeWatchFolder);
  const setMoveImported = useApp((s) => s.setWatchMoveImported);
  const openStory = useApp((s) => s.openStory);
  const [moveNew, setMoveNew] = useState(false);
  const [error, setError] = useState<{ title: string; error: ServiceError } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) return null;

  async function run(title: string, action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError({ title, error: caught as ServiceError });
    } finally {
      setBusy(false);
    }
  }

  function show(id: string) {
    close();
    void openStory(id);
  }

  return (
    <Dialog titleId={titleId} onClose={close} className="watch-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{tw('title')}</h2>
      </header>
      <div className="dialog-body">
        <p className="field-hint watch-intro">{tw('intro')}</p>
        {state === 'error' && (
          <div className="dialog-error" role="alert">
            <p className="error-title">{tw('loadFailed')}</p>
            {loadError && <p className="error-message">{errorText(loadError)}</p>}
          </div>
        )}
        <h3 className="watch-heading">{tw('foldersLabel')}</h3>
        {state === 'loading' || state === 'idle' ? (
          <p className="field-hint" role="status">
            {tw('loading')}
          </p>
        ) : folders.length === 0 ? (
          <p className="field-hint">{tw('none')}</p>
        ) : (
          <ul className="watch-folders" aria-label={tw('foldersLabel')}>
            {folders.map((folder) => (
              <FolderRow
                key={folder.id}
                folder={folder}
                tw={tw}
                disabled={busy || readOnly}
                onMove={(value) => void run(tw('addFailed'), () => setMoveImported(folder.id, value))}
                onRemove={() => void run(tw('addFailed'), () => remove(folder.id))}
              />
            ))}
          </ul>
        )}
        {nativeDialogs ? (
          <div className="watch-add">
            <label className="checkbox-option">
              <input type="checkbox" checked={moveNew} onChange={(event) => setMoveNew(event.target.checked)} />
              {tw('moveImported')}
            </label>
            <button type="button" className="button" disabled={busy || readOnly} onClick={() => void run(tw('addFailed'), () => addWithDialog(moveNew))}>
              {tw('add')}
            </button>
          </div>
        ) : (
          <p className="field-hint watch-browser-hint">{tw('browserHint')}</p>
        )}
        {error && (
          <div className="dialog-error" role="alert">
            <p className="error-title">{error.title}</p>
            <p className="error-message">{errorText(error.error)}</p>
          </div>
        )}
        <h3 className="watch-heading">{tw('logTitle')}</h3>
        <WatchLog entries={log} tw={tw} onOpen={show} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button primary" onClick={close} data-autofocus>
          {tw('close')}
        </button>
      </footer>
    </Dialog>
  );
}

function FolderRow({ folder, tw, disabled, onMove, onRemove }: { folder: WatchFolder; tw: TFunction<'watch'>; disabled: boolean; onMove(value: boolean): void; onRemove(): void }) {
  return (
    <li className="watch-folder" data-state={folder.state}>
      <div className="watch-folder-path">
        <code>{folder.path}</code>
        <span className="watch-folder-state">
          {tw(`state_${folder.state}`)}
          {!folder.persistent && ` · ${tw('sessionOnly')}`}
        </span>
      </div>
      <label className="checkbox-option">
        <input type="checkbox" checked={folder.moveImported} disabled={disabled} onChange={(event) => onMove(event.target.checked)} aria-label={tw('moveImportedFor', { folder: folder.path })} />
        {tw('moveImported')}
      </label>
      <button type="button" className="button small" disabled={disabled} onClick={onRemove} aria-label={tw('removeFor', { folder: folder.path })}>
        {tw('remove')}
      </button>
    </li>
  );
}

function WatchLog({ entries, tw, onOpen }: { entries: WatchLogEntry[]; tw: TFunction<'watch'>; onOpen(id: string): void }) {
  const language = useApp((s) => s.language);
  if (entries.length === 0) return <p className="field-hint">{tw('logEmpty')}</p>;
  return (
    <table className="watch-log">
      <caption className="visually-hidden">{tw('logLabel')}</caption>
      <thead>
        <tr>
          <th scope="col">{tw('time')}</th>
          <th scope="col">{tw('file')}</th>
          <th scope="col">{tw('result')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const reason = watchReason(tw, entry);
          return (
            <tr key={entry.seq} data-status={entry.status}>
              <td>
                <time dateTime={entry.at}>{formatInstant(entry.at, language)}</time>
              </td>
              <th scope="row">{entry.file || entry.folder}</th>
              <td>
                <span className={`watch-status watch-status-${entry.status}`}>{tw(`status_${entry.status}`)}</span>
                {entry.storyId && entry.headline && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => onOpen(entry.storyId!)} aria-label={tw('openStory', { headline: entry.headline })}>
                      {entry.headline}
                    </button>
                  </>
                )}
                {entry.briefs ? <span className="watch-extra"> · {tw('briefs', { count: entry.briefs })}</span> : null}
                {entry.movedTo && <span className="watch-extra"> · {tw('movedTo', { name: entry.movedTo })}</span>}
                {reason && <p className="watch-reason">{reason}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function WatchButton() {
  const tw = useTranslator('watch');
  const openWatch = useApp((s) => s.openWatch);
  return (
    <button type="button" className="sidebar-footer-button" onClick={openWatch}>
      {tw('open')}
    </button>
  );
}
