import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { ListPage } from '../../../../shared/contract/library';
import { toServiceError } from '../../client';
import { formatDateline, formatDay } from '../../ui/format';
import { useApp, useT } from '../../store';
import { selectedStoryIds } from './dossiers-slice';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';

/** Typing pauses this long before the picker asks the service again. */
const SEARCH_DELAY_MS = 200;

/** Adds stories to the open dossier: the list's selection in one click, or any stories found by words. */
export function AddStoriesDialog() {
  const t = useT();
  const errorText = useErrorText();
  const titleId = useId();
  const language = useApp((s) => s.language);
  const detail = useApp((s) => s.dossier);
  const story = useApp((s) => s.story);
  const selection = useApp(useShallow(selectedStoryIds));
  const close = useApp((s) => s.closeDossierDialog);
  const addToDossier = useApp((s) => s.addToDossier);
  const findStories = useApp((s) => s.findStoriesForDossier);

  const [query, setQuery] = useState('');
  const [includeBriefs, setIncludeBriefs] = useState(false);
  const [page, setPage] = useState<ListPage | null>(null);
  const [searchError, setSearchError] = useState<ServiceError | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const editError = useApp((s) => s.dossierEditError);

  const inDossier = useMemo(() => new Set(detail?.entries.map((entry) => entry.storyId)), [detail]);
  const selectionToAdd = selection.filter((id) => !inDossier.has(id));

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      findStories(query, includeBriefs).then(
        (result) => {
          if (!live) return;
          setPage(result);
          setSearchError(null);
        },
        (error: unknown) => live && setSearchError(toServiceError(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, includeBriefs, findStories]);

  if (!detail) return null;

  async function add(ids: string[]) {
    if (ids.length === 0 || busy) return;
    setBusy(true);
    setFailed(false);
    const result = await addToDossier(ids);
    if (result) {
      close();
    } else {
      setBusy(false);
      setFailed(true);
    }
  }

  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  const selectionLabel =
    selectionToAdd.length === 1 && story && selectionToAdd[0] === story.id ? t.dossiers('addOpenStory', { headline: story.headline }) : t.dossiers('addFromList', { count: selectionToAdd.length });

  return (
    <Dialog titleId={titleId} onClose={close} className="dossier-dialog add-stories-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{t.dossiers('addTitle', { title: detail.dossier.title })}</h2>
      </header>
      <div className="dialog-body">
        {selectionToAdd.length > 0 && (
          <p className="add-from-list">
            <button type="button" className="button" onClick={() => void add(selectionToAdd)} disabled={busy}>
              {selectionLabel}
            </button>
          </p>
        )}
        <div className="picker-search">
          <label className="form-field">
            <span>{t.dossiers('searchLabel')}</span>
            <input type="search" value={query} placeholder={t.dossiers('searchPlaceholder')} onChange={(event) => setQuery(event.target.value)} data-autofocus />
          </label>
          <label className="checkbox-option">
            <input type="checkbox" checked={includeBriefs} onChange={(event) => setIncludeBriefs(event.target.checked)} />
            <span>{t.dossiers('includeBriefs')}</span>
          </label>
        </div>
        {searchError ? (
          <p className="field-error" role="alert">
            {errorText(searchError)}
          </p>
        ) : !page ? (
          <p className="field-hint" role="status">
            {t.dossiers('searching')}
          </p>
        ) : page.items.length === 0 ? (
          <p className="field-hint" role="status">
            {t.dossiers('noMatches')}
          </p>
        ) : (
          <>
            <ul className="picker-list" aria-label={t.dossiers('pickerLabel')}>
              {page.items.map((item) => {
                const already = inDossier.has(item.id);
                const dateline = formatDateline(item.dateline);
                return (
                  <li key={item.id} className={already ? 'picker-item is-in' : 'picker-item'}>
                    <label>
                      <input type="checkbox" checked={already || chosen.includes(item.id)} disabled={already} onChange={() => toggle(item.id)} />
                      <span className="picker-text">
                        <span className="picker-headline">{item.headline}</span>
                        <span className="picker-meta">
                          {[dateline, item.publishedAt ? formatDay(item.publishedAt, language, 'short') : null, item.kind === 'brief' ? t.library('kindBrief') : null, already ? t.dossiers('alreadyIn') : null]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {page.total > page.items.length && <p className="field-hint">{t.dossiers('moreMatches', { shown: page.items.length, total: page.total })}</p>}
          </>
        )}
        {failed && editError && (
          <div className="dialog-error" role="alert">
            <p className="error-title">{t.dossiers('editFailed')}</p>
            <p className="error-message">{errorText(editError)}</p>
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close}>
          {t.dossiers('cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => void add(chosen)} disabled={busy || chosen.length === 0}>
          {t.dossiers('addChosen', { count: chosen.length })}
        </button>
      </footer>
    </Dialog>
  );
}
