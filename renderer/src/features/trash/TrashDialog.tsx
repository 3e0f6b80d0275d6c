import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { formatDateline } from '../../ui/format';
import { useErrorText } from '../../ui/errors/use-error-text';

/**
 * The Trash: deleted stories, most recently deleted first. Restore one (its button) or
 * the chosen ones; Empty Trash asks first and then deletes the chosen ones (or all) for good.
 */
export function TrashDialog() {
  const t = useTranslator('trash');
  const errorText = useErrorText();
  const titleId = useId();
  const open = useApp((s) => s.trashOpen);
  const trash = useApp((s) => s.trash);
  const state = useApp((s) => s.trashState);
  const error = useApp((s) => s.trashError);
  const feedback = useApp((s) => s.trashFeedback);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const close = useApp((s) => s.closeTrash);
  const restore = useApp((s) => s.restoreFromTrash);
  const empty = useApp((s) => s.emptyTrash);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  if (!open) return null;

  const items = trash?.items ?? [];
  const picked = items.filter((story) => chosen.has(story.id)).map((story) => story.id);
  const purgeCount = picked.length || items.length;

  function toggle(id: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function onClose() {
    setChosen(new Set());
    setConfirming(false);
    close();
  }

  return (
    <Dialog titleId={titleId} onClose={onClose} className="trash-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{t('title')}</h2>
      </header>
      <div className="dialog-body">
        <p className="trash-intro">{t('intro')}</p>
        {state === 'error' && error ? (
          <div className="dialog-error" role="alert">
            <p className="error-title">{t('loadFailed')}</p>
            <p>{errorText(error)}</p>
          </div>
        ) : !trash ? (
          <p role="status">{t('loading')}</p>
        ) : items.length === 0 ? (
          <p className="trash-empty">{t('empty')}</p>
        ) : (
          <ul className="trash-list" aria-label={t('listLabel')}>
            {items.map((story) => (
              <li key={story.id} className="trash-item">
                <input type="checkbox" id={`trash-${story.id}`} checked={chosen.has(story.id)} onChange={() => toggle(story.id)} aria-label={t('choose', { headline: story.headline })} />
                <label htmlFor={`trash-${story.id}`} className="trash-headline">
                  <span>{story.headline}</span>
                  <span className="trash-dateline">{formatDateline(story.dateline)}</span>
                </label>
                <button type="button" className="button small" disabled={readOnly} aria-label={t('restoreFor', { headline: story.headline })} onClick={() => void restore([story.id])}>
                  {t('restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className={feedback ? `trash-feedback${feedback.kind === 'failed' ? ' is-error' : ''}` : 'trash-feedback'} role="status" aria-live="polite">
          {feedback ? (feedback.kind === 'failed' ? `${t('failed')}: ${errorText(feedback.error)}` : feedback.text) : ''}
        </p>
        {confirming && (
          <div className="trash-confirm" role="alertdialog" aria-labelledby={`${titleId}-confirm`}>
            <p id={`${titleId}-confirm`}>{t('confirmEmpty', { count: purgeCount })}</p>
            <div className="trash-confirm-actions">
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="button danger"
                autoFocus
                onClick={() => {
                  setConfirming(false);
                  setChosen(new Set());
                  void empty(picked.length ? picked : undefined);
                }}
              >
                {t('confirmEmptyButton')}
              </button>
            </div>
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        {picked.length > 0 && (
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => {
              setChosen(new Set());
              void restore(picked);
            }}
          >
            {t('restoreChosen', { count: picked.length })}
          </button>
        )}
        <button type="button" className="button" disabled={readOnly || items.length === 0 || confirming} onClick={() => setConfirming(true)}>
          {t('emptyTrash')}
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          {t('close')}
        </button>
      </footer>
    </Dialog>
  );
}
