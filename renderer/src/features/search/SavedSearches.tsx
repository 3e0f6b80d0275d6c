import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SavedSearchItem } from '../../../../shared/contract/searches';
import { activeFilterCount } from './list-query';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { EmptyNote } from '../../ui/EmptyNote';
import './search.css';
import { useErrorText } from '../../ui/errors/use-error-text';

/** How long the polite "saved"/"deleted" line stays. */
const MESSAGE_MS = 6_000;

/** The sidebar section: saved searches to reopen, rename and delete, and "Save search…". */
export function SavedSearches() {
  const t = useT();
  const errorText = useErrorText();
  const headingId = useId();
  const savedSearches = useApp((s) => s.savedSearches);
  const state = useApp((s) => s.savedSearchesState);
  const error = useApp((s) => s.savedSearchesError);
  const activeId = useApp((s) => s.activeSavedSearchId);
  const message = useApp((s) => s.savedSearchMessage);
  const loadSavedSearches = useApp((s) => s.loadSavedSearches);
  const openSavedSearch = useApp((s) => s.openSavedSearch);
  const deleteSavedSearch = useApp((s) => s.deleteSavedSearch);
  const clearMessage = useApp((s) => s.clearSavedSearchMessage);
  const [dialog, setDialog] = useState<{ kind: 'save' } | { kind: 'rename'; item: SavedSearchItem } | null>(null);

  useEffect(() => {
    if (!message || message.kind === 'failed') return;
    const timer = window.setTimeout(clearMessage, MESSAGE_MS);
    return () => window.clearTimeout(timer);
  }, [message, clearMessage]);

  return (
    <section className="saved-searches" aria-labelledby={headingId}>
      <div className="sidebar-section-head">
        <h2 className="sidebar-heading" id={headingId}>
          {t.search('savedSearchesHeading')}
        </h2>
      </div>
      {state === 'error' ? (
        <p className="saved-search-error" role="alert">
          {t.search('savedSearchesLoadFailed')}
          {error ? `: ${errorText(error)}` : ''}{' '}
          <button type="button" className="link-button" onClick={() => void loadSavedSearches()}>
            {t.library('retry')}
          </button>
        </p>
      ) : savedSearches.length === 0 ? (
        <EmptyNote className="saved-search-empty" pending={state !== 'ready'}>
          {t.search('noSavedSearches')}
        </EmptyNote>
      ) : (
        <ul className="saved-search-list" aria-labelledby={headingId}>
          {savedSearches.map((item) => (
            <li key={item.id} className="saved-search">
              <button
                type="button"
                className="view-button saved-search-open"
                aria-current={item.id === activeId ? 'true' : undefined}
                title={item.name}
                onClick={() => openSavedSearch(item.id)}
              >
                <span className="view-label">{item.name}</span>
              </button>
              <button type="button" className="saved-search-action" aria-label={t.search('renameSavedSearch', { name: item.name })} title={t.search('renameSavedSearch', { name: item.name })} onClick={() => setDialog({ kind: 'rename', item })}>
                <span aria-hidden="true">✎</span>
              </button>
              <button type="button" className="saved-search-action" aria-label={t.search('deleteSavedSearch', { name: item.name })} title={t.search('deleteSavedSearch', { name: item.name })} onClick={() => void deleteSavedSearch(item.id)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button small saved-search-save" onClick={() => setDialog({ kind: 'save' })}>
        {t.search('saveSearch')}
      </button>
      <p className={message?.kind === 'failed' ? 'saved-search-message is-error' : 'saved-search-message'} role="status">
        {message?.kind === 'saved' && t.search('savedSearchSaved', { name: message.name })}
        {message?.kind === 'deleted' && t.search('savedSearchDeleted', { name: message.name })}
        {message?.kind === 'failed' && `${t.search('savedSearchFailed')}: ${errorText(message.error)}`}
      </p>
      {dialog?.kind === 'save' && <SaveSearchDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <RenameSearchDialog item={dialog.item} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** Names and stores the current search text and filters. */
function SaveSearchDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const saveCurrentSearch = useApp((s) => s.saveCurrentSearch);
  const searchInput = useApp((s) => s.searchInput);
  const something = useApp((s) => s.searchQuery.trim() !== '' || s.searchInput.trim() !== '' || activeFilterCount(s.filters) > 0 || s.view.kind === 'tag');
  const flushSearch = useApp((s) => s.flushSearch);
  return (
    <NameDialog
      title={t.search('saveSearchTitle')}
      initialName={searchInput.trim().slice(0, 80)}
      help={something ? t.search('saveSearchWhat') : t.search('nothingToSave')}
      disabled={!something}
      onClose={onClose}
      onSubmit={async (name) => {
        // What is typed counts even if the list has not caught up yet.
        flushSearch();
        return saveCurrentSearch(name);
      }}
    />
  );
}

function RenameSearchDialog({ item, onClose }: { item: SavedSearchItem; onClose(): void }) {
  const t = useT();
  const renameSavedSearch = useApp((s) => s.renameSavedSearch);
  return <NameDialog title={t.search('renameSavedSearchTitle')} initialName={item.name} onClose={onClose} onSubmit={(name) => renameSavedSearch(item.id, name)} />;
}

interface NameDialogProps {
  title: string;
  initialName: string;
  help?: string;
  disabled?: boolean;
  onClose(): void;
  onSubmit(name: string): Promise<boolean>;
}

function NameDialog({ title, initialName, help, disabled = false, onClose, onSubmit }: NameDialogProps) {
  const t = useT();
  const errorText = useErrorText();
  const titleId = useId();
  const helpId = useId();
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const failure = useApp((s) => (s.savedSearchMessage?.kind === 'failed' ? s.savedSearchMessage.error : null));
  const clearMessage = useApp((s) => s.clearSavedSearchMessage);
  const clean = name.trim();

  // A failure shown here is about this dialog's own attempt, not an earlier one.
  useEffect(() => clearMessage(), [clearMessage]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!clean || disabled || busy) return;
    setBusy(true);
    const ok = await onSubmit(clean);
    setBusy(false);
    if (ok) onClose();
  }

  return (
    <Dialog titleId={titleId} onClose={onClose} className="name-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <div className="dialog-header">
          <h2 id={titleId}>{title}</h2>
        </div>
        <div className="dialog-body">
          <label className="name-field">
            <span className="field-label">{t.search('searchName')}</span>
            <input
              data-autofocus={disabled ? undefined : true}
              type="text"
              value={name}
              maxLength={200}
              disabled={disabled}
              aria-describedby={help ? helpId : undefined}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          {help && (
            <p id={helpId} className="name-help">
              {help}
            </p>
          )}
          {failure && (
            <p className="name-error" role="alert">
              {t.search('savedSearchFailed')}: {errorText(failure)}
            </p>
          )}
        </div>
        <div className="dialog-footer">
          <button type="button" className="button" onClick={onClose} data-autofocus={disabled ? true : undefined}>
            {t.search('saveSearchCancel')}
          </button>
          <button type="submit" className="button primary" disabled={!clean || disabled || busy}>
            {t.search('saveSearchConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
