import { useEffect, useId, useState, type FormEvent } from 'react';
import type { LinkLabel } from '../../../../shared/contract/links';
import type { StorySummary } from '../../../../shared/types';
import { RELATIONS, rankTargets } from './links-model';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { StoryFacts } from './StoryConnections';
import './links.css';

const SEARCH_DELAY_MS = 200;

type Scores = Map<string, { score: number; story: StorySummary }>;

/**
 * Link the open story (or every selected one) to one or more others: the most related
 * stories first (the related-story index), briefs marked, the stories being linked never
 * offered; search, tick, say how they relate, add a note.
 */
export function LinkPicker() {
  const sources = useApp((s) => s.linkPickerFor);
  // A fresh dialog (search, choices) each time it opens.
  return sources ? <LinkPickerDialog key={sources.join(',')} sources={sources} /> : null;
}

function LinkPickerDialog({ sources }: { sources: string[] }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const findStories = useApp((s) => s.findStories);
  const relatedScores = useApp((s) => s.relatedScores);
  const linkStories = useApp((s) => s.linkStories);
  const close = useApp((s) => s.closeLinkPicker);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; stories: StorySummary[] } | null>(null);
  const [scores, setScores] = useState<Scores | null>(null);
  const [chosen, setChosen] = useState<ReadonlyMap<string, StorySummary>>(new Map());
  const [relation, setRelation] = useState<LinkLabel>('series');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();

  useEffect(() => {
    let current = true;
    void relatedScores(sources).then((map) => current && setScores(map));
    return () => {
      current = false;
    };
  }, [sources, relatedScores]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => void findStories(query).then((stories) => current && setFound({ query: query.trim(), stories })),
      query ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, sources, findStories]);

  const titleId = `${id}-title`;
  const hintId = `${id}-hint`;
  const results = found && scores ? rankTargets(found.stories, scores, sources, found.query === '') : null;

  function toggle(story: StorySummary) {
    setMissing(false);
    setChosen((before) => {
      const next = new Map(before);
      if (next.has(story.id)) next.delete(story.id);
      else next.set(story.id, story);
      return next;
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (chosen.size === 0) {
      setMissing(true);
      return;
    }
    close();
    void linkStories(sources, [...chosen.keys()], relation, note);
  }

  const chosenText = chosen.size === 1 ? t.links('linkChosen', { headline: [...chosen.values()][0]!.headline }) : chosen.size > 1 ? t.links('linkChosenCount', { count: chosen.size }) : '';

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
          {/* Busy while the list still answers an earlier search than the one typed (the rows are about to change). */}
          <fieldset className="picker-results" aria-describedby={hintId} aria-busy={results === null || found?.query !== query.trim()}>
            <legend className="field-label">{t.links('linkResultsLabel')}</legend>
            <p id={hintId} className="picker-hint muted">
              {t.links('linkRankHint')}
            </p>
            {results === null && <p className="muted">{t.tags('loadingExtras')}</p>}
            {results?.length === 0 && <p className="muted">{t.links('noLinkResults')}</p>}
            {results && results.length > 0 && (
              <ul>
                {results.map(({ story, score }) => {
                  const checked = chosen.has(story.id);
                  const percent = score === null ? null : Math.round(score * 100);
                  return (
                    <li key={story.id}>
                      <label className={checked ? 'picker-result is-chosen' : 'picker-result'}>
                        <input type="checkbox" name={`${id}-story`} value={story.id} checked={checked} onChange={() => toggle(story)} />
                        <span className="picker-result-text">
                          <span className="picker-headline">
                            {story.kind === 'brief' && <span className="kind-badge">{t.links('linkBriefBadge')}</span>}
                            {story.headline}
                          </span>
                          <span className="picker-facts">
                            <StoryFacts story={story} t={t} language={language} kindShown />
                            {percent !== null && <span className="picker-score">{t.links('relatedScore', { percent })}</span>}
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                })}
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
            {missing ? t.links('chooseStoryFirst') : chosenText}
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
