import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import type { RecentChange } from '../../../../shared/contract/library';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { formatInstant } from '../../ui/format';
import { editName } from './edit-name';

/** Opens the library's recent changes (below Undo/Redo in the sidebar). */
export function RecentChangesButton() {
  const t = useTranslator('history');
  const open = useApp((s) => s.openRecent);
  return (
    <button type="button" className="button small recent-open" onClick={open} aria-haspopup="dialog">
      {t('recentOpen')}
    </button>
  );
}

export function RecentChangesDialog() {
  const open = useApp((s) => s.recentOpen);
  if (!open) return null;
  return <RecentChangesList />;
}

/**
 * "Recent changes": the library's last changes, newest first, worded from their codes as the
 * undo labels are; a colleague's (team library) says from whom, the editor's own says whether
 * Undo can still take it back. Reloaded when the history moves (an edit, an undo, an incoming batch).
 */
function RecentChangesList() {
  const t = useTranslator('history');
  const titleId = useId();
  const close = useApp((s) => s.closeRecent);
  const load = useApp((s) => s.loadRecent);
  const language = useApp((s) => s.language);
  const history = useApp((s) => s.history);
  const [changes, setChanges] = useState<RecentChange[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    load().then(
      (list) => {
        if (!current) return;
        setChanges(list);
        setFailed(false);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [load, history]);

  return (
    <Dialog titleId={titleId} onClose={close} className="recent-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{t('recentTitle')}</h2>
      </header>
      <div className="dialog-body">
        <p className="field-hint">{t('recentIntro')}</p>
        {failed && <p role="alert">{t('recentFailed')}</p>}
        {changes && changes.length === 0 && <p>{t('recentEmpty')}</p>}
        {changes && changes.length > 0 && (
          <ol className="recent-list" aria-labelledby={titleId}>
            {changes.map((change) => (
              <li key={change.id} className="recent-item" data-source={change.source}>
                <span className="recent-what">{whatText(t, change)}</span>
                <span className="recent-meta">
                  <time dateTime={change.at}>{formatInstant(change.at, language)}</time>
                  {' · '}
                  {whoText(t, change)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close} data-autofocus>
          {t('recentClose')}
        </button>
      </footer>
    </Dialog>
  );
}

type T = TFunction<'history'>;

function whatText(t: T, change: RecentChange): string {
  const name = editName(t, change.label);
  if (change.source === 'undo') return t('recentUndone', { label: name });
  if (change.source === 'redo') return t('recentRedone', { label: name });
  return name;
}

function whoText(t: T, change: RecentChange): string {
  if (change.source === 'incoming') return t('recentFrom', { author: change.author ?? '?' });
  return change.undoable ? t('recentMineUndoable') : t('recentMine');
}
