import { useEffect, useId, useState, type FormEvent } from 'react';
import type { LinkLabel } from '../../../../shared/contract/links';
import type { StorySummary } from '../../../../shared/types';
import { RELATIONS } from './links-model';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { StoryFacts } from './StoryConnections';
import './links.css';

const SEARCH_DELAY_MS = 200;

/** Link the open story (or every selected one) to another: search, choose, say how they relate, add a note. */
export function LinkPicker() {
  const t = useT();
  const language = useApp((s) => s.language);
  const sources = useApp((s) => s.linkPickerFor);
  const findStories = useApp((s) => s.findStories);
  const linkStories = useApp((s) => s.linkStories);
  const close = useApp((s) => s.closeLinkPicker);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StorySummary[] | null>(null);
  const [chosen, setChosen] = useState<StorySummary | null>(null);
  const [relation, setRelation] = useState<LinkLabel>('series');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!sources) return;
    let current = true;
    const timer = setTimeout(() => {
      // One story is not linked to itself; a selection may be linked to one of its own (the others each get a link).
      void findStories(query).then((found) => current && setResults(sources.length === 1 ? found.filter((story) => story.id !== sources[0]) : found));
    }, query ? SEARCH_DELAY_MS : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, sources, findStories]);

  if (!sources) return null;
  const titleId = `${id}-title`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !sources) {
      setMissing(true);
      return;
    }
    close();
    void linkStories(sources, chosen.id, relation, note);
  }

  return (
    <Dialog titleId={titleId} onClose={close} className="link-picker">
      <form onSubmit={onSubmit}>
        <header className="dialog-header">
          <h2 id={titleId}>{t.links('linkPickerTitle', { count: sources.length })}</h2>
        </header>
        <div className="dialog-body">
          <label className="field">
            <span className="field-label">{t.links('linkSearch')}</span>
            <input type="search" value={query} placeholder={t.links('linkSearchPlaceholder')} onChange={(event) => setQuery(event.target.value)} data-autofocus />
          </label>
          <fieldset className="picker-results">
            <legend className="field-label">{t.links('linkResultsLabel')}</legend>
            {results === null && <p className="muted">{t.tags('loadingExtras')}</p>}
            {results?.length === 0 && <p className="muted">{t.links('noLinkResults')}</p>}
            {results && results.length > 0 && (
              <ul>
                {results.map((story) => (
                  <li key={story.id}>
                    <label className={chosen?.id === story.id ? 'picker-result is-chosen' : 'picker-result'}>
                      <input
                        type="radio"
                        name={`${id}-story`}
                        value={story.id}
                        checked={chosen?.id === story.id}
                        onChange={() => {
                          setChosen(story);
                          setMissing(false);
                        }}
                      />
                      <span className="picker-result-text">
                        <span className="picker-headline">{story.headline}</span>
                        <StoryFacts story={story} t={t} language={language} />
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <div className="picker-fields">
            <label className="field">
              <span className="field-label">{t.links('relationLabel')}</span>
              <select value={relation} onChange={(event) => setRelation(event.target.value as LinkLabel)}>
                {RELATIONS.map((label) => (
                  <option key={label} value={label}>
                    {t.links(`linkLabel.${label}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field grow">
              <span className="field-label">{t.links('linkNote')}</span>
              <input type="text" value={note} onChange={(event) => setNote(event.target.value)} />
            </label>
          </div>
          <p className={missing ? 'field-error' : 'picker-chosen'} role={missing ? 'alert' : undefined} aria-live="polite">
            {missing ? t.links('chooseStoryFirst') : chosen ? t.links('linkChosen', { headline: chosen.headline }) : ''}
          </p>
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={close}>
            {t.tags('cancel')}
          </button>
          <button type="submit" className="button primary">
            {t.links('linkButton')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
