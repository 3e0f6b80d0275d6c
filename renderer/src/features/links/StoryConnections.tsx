import { useState } from 'react';
import type { LinkLabel, LinkView, RelatedSuggestion } from '../../../../shared/contract/links';
import type { Story, StorySummary } from '../../../../shared/types';
import { formatDay } from '../../ui/format';
import type { Language } from '../../i18n';
import type { Translators } from '../../i18n/translate';
import { RELATIONS } from './links-model';
import { useApp, useT } from '../../store';
import { reasonKey, relatedReasonText } from './related-reasons';
import './links.css';
import { useErrorText } from '../../ui/errors/use-error-text';

/** After the story text: its links (read from this story), the related-story suggestions, and the way to its series. */
export function StoryConnections({ story }: { story: Story }) {
  const t = useT();
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const links = useApp((s) => s.links);
  const openSeries = useApp((s) => s.openSeries);
  const openLinkPicker = useApp((s) => s.openLinkPicker);
  const inSeries = links.some((view) => view.link.type === 'series' || view.link.type === 'follow-up');
  return (
    <div className="story-connections">
      <section className="story-links" aria-labelledby="story-links-heading">
        <div className="panel-heading-row">
          <h3 id="story-links-heading" className="panel-heading">
            {t.links('linksHeading')}
          </h3>
          <div className="panel-actions">
            {inSeries && (
              <button type="button" className="button small" onClick={() => void openSeries(story.id)}>
                {t.links('showSeries')}
              </button>
            )}
            <button type="button" className="button small" disabled={readOnly} onClick={() => openLinkPicker([story.id])}>
              {t.links('linkTo')}
            </button>
          </div>
        </div>
        <LinkGroups readOnly={readOnly} />
      </section>
      <RelatedStories storyId={story.id} readOnly={readOnly} />
    </div>
  );
}

function LinkGroups({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const links = useApp((s) => s.links);
  const state = useApp((s) => s.linksState);
  const error = useApp((s) => s.linksError);
  if (state === 'loading' && links.length === 0) return <p className="muted">{t.tags('loadingExtras')}</p>;
  if (state === 'error') return <p className="field-error" role="alert">{error ? errorText(error) : null}</p>;
  if (links.length === 0) return <p className="muted">{t.links('noLinks')}</p>;
  // Grouped by how they read from this story, in the order of the relation picker.
  const groups = RELATIONS.map((label) => ({ label, views: links.filter((view) => view.label === label) })).filter((group) => group.views.length > 0);
  return (
    <div className="link-groups">
      {groups.map((group) => (
        <section key={group.label} className="link-group" aria-label={t.links(`linkLabel.${group.label}`)}>
          <h4 className="link-group-heading">{t.links(`linkLabel.${group.label}`)}</h4>
          <ul className="link-list">
            {group.views.map((view) => (
              <LinkItem key={view.link.id} view={view} t={t} language={language} readOnly={readOnly} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function LinkItem({ view, t, language, readOnly }: { view: LinkView; t: Translators; language: Language; readOnly: boolean }) {
  const openStory = useApp((s) => s.openStory);
  const changeLinkRelation = useApp((s) => s.changeLinkRelation);
  const setLinkNote = useApp((s) => s.setLinkNote);
  const removeLink = useApp((s) => s.removeLink);
  const [editingNote, setEditingNote] = useState(false);
  const [note, setNote] = useState(view.link.note);
  const headline = view.other?.headline ?? t.links('deletedStory');
  const noteId = `link-note-${view.link.id}`;

  return (
    <li className="link-item">
      <div className="link-main">
        {view.other ? (
          <button type="button" className="link-button link-headline" onClick={() => void openStory(view.otherId)}>
            {headline}
          </button>
        ) : (
          <span className="muted">{headline}</span>
        )}
        {view.other && <StoryFacts story={view.other} t={t} language={language} />}
        {view.link.note && !editingNote && <p className="link-note">{view.link.note}</p>}
      </div>
      <div className="link-actions">
        <select
          aria-label={t.links('changeRelation', { headline })}
          value={view.label}
          disabled={readOnly}
          onChange={(event) => void changeLinkRelation(view, event.target.value as LinkLabel)}
        >
          {RELATIONS.map((label) => (
            <option key={label} value={label}>
              {t.links(`linkLabel.${label}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button small"
          aria-expanded={editingNote}
          aria-controls={noteId}
          disabled={readOnly}
          onClick={() => {
            setNote(view.link.note);
            setEditingNote((open) => !open);
          }}
        >
          {t.links('linkNote')}
        </button>
        <button type="button" className="button small danger-outline" aria-label={t.links('removeLink', { headline })} disabled={readOnly} onClick={() => void removeLink(view.link.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {editingNote && (
        <form
          id={noteId}
          className="link-note-form"
          onSubmit={(event) => {
            event.preventDefault();
            setEditingNote(false);
            if (note !== view.link.note) void setLinkNote(view.link.id, note);
          }}
        >
          <input type="text" aria-label={t.links('editLinkNote', { headline })} value={note} onChange={(event) => setNote(event.target.value)} data-autofocus />
          <button type="submit" className="button small">
            {t.links('saveNote')}
          </button>
        </form>
      )}
    </li>
  );
}

/** Place, date (or age) and kind of a story, as one muted line. */
export function StoryFacts({ story, t, language, kindShown = false }: { story: StorySummary; t: Translators; language: Language; kindShown?: boolean }) {
  const parts = [story.kind === 'brief' && !kindShown ? t.tags('kindBriefShort') : null, story.dateline.place || null].filter(Boolean);
  return (
    <span className="story-facts">
      {parts.join(' · ')}
      {story.publishedAt && (
        <>
          {parts.length > 0 && ' · '}
          <time dateTime={story.publishedAt}>{formatDay(story.publishedAt, language, 'short')}</time>
        </>
      )}
    </span>
  );
}

function RelatedStories({ storyId, readOnly }: { storyId: string; readOnly: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const related = useApp((s) => s.related);
  const state = useApp((s) => s.relatedState);
  const error = useApp((s) => s.relatedError);
  const [showWeak, setShowWeak] = useState(false);
  // Weak suggestions (little in common) are kept apart, behind a button.
  const confident = related.filter((suggestion) => suggestion.band !== 'weak');
  const weak = related.filter((suggestion) => suggestion.band === 'weak');
  let body;
  if (state === 'loading' && related.length === 0) body = <p className="muted">{t.tags('loadingExtras')}</p>;
  else if (state === 'error') body = <p className="muted">{error?.code === 'unsupported' ? t.links('relatedUnavailable') : error ? errorText(error) : null}</p>;
  else if (related.length === 0) body = <p className="muted">{t.links('noRelated')}</p>;
  else
    body = (
      <>
        {confident.length > 0 ? (
          <ol className="related-list">
            {confident.map((suggestion) => (
              <RelatedItem key={suggestion.id} storyId={storyId} suggestion={suggestion} t={t} language={language} readOnly={readOnly} />
            ))}
          </ol>
        ) : (
          <p className="muted">{t.links('noRelated')}</p>
        )}
        {weak.length > 0 && (
          <div className="related-weak">
            <button type="button" className="link-button" aria-expanded={showWeak} aria-controls={`weak-${storyId}`} onClick={() => setShowWeak((open) => !open)}>
              {showWeak ? t.links('hideWeak') : t.links('showWeak', { count: weak.length })}
            </button>
            {showWeak && (
              <section id={`weak-${storyId}`} aria-label={t.links('weakHeading')}>
                <h4 className="related-weak-heading">{t.links('weakHeading')}</h4>
                <ol className="related-list weak">
                  {weak.map((suggestion) => (
                    <RelatedItem key={suggestion.id} storyId={storyId} suggestion={suggestion} t={t} language={language} readOnly={readOnly} />
                  ))}
                </ol>
              </section>
            )}
          </div>
        )}
      </>
    );
  return (
    <section className="related-stories" aria-labelledby="related-heading">
      <h3 id="related-heading" className="panel-heading">
        {t.links('relatedHeading')}
      </h3>
      {body}
    </section>
  );
}

function RelatedItem({ storyId, suggestion, t, language, readOnly }: { storyId: string; suggestion: RelatedSuggestion; t: Translators; language: Language; readOnly: boolean }) {
  const openStory = useApp((s) => s.openStory);
  const linkStories = useApp((s) => s.linkStories);
  const dismissRelated = useApp((s) => s.dismissRelated);
  const [choosing, setChoosing] = useState(false);
  const [relation, setRelation] = useState<LinkLabel>('related');
  const percent = Math.round(suggestion.score * 100);
  const formId = `accept-${suggestion.id}`;

  return (
    <li className="related-item">
      <div className="related-main">
        <button type="button" className="link-button link-headline" onClick={() => void openStory(suggestion.id)}>
          {suggestion.headline}
        </button>
        <span className="related-meta">
          <span className={`related-band band-${suggestion.band}`}>
            <span className="visually-hidden">{t.links('bandLabel', { band: t.links(`band.${suggestion.band}`) })}</span>
            <span aria-hidden="true">{t.links(`band.${suggestion.band}`)}</span>
          </span>
          <span className="related-score" title={t.links('relatedScore', { percent })}>
            <span className="visually-hidden">{t.links('relatedScore', { percent })}</span>
            <span aria-hidden="true">{percent}%</span>
          </span>
          <StoryFacts story={suggestion.story} t={t} language={language} />
        </span>
        {suggestion.reasons.length > 0 && (
          <ul className="related-reasons">
            {suggestion.reasons.map((reason) => (
              <li key={reasonKey(reason)}>{relatedReasonText(reason, language)}</li>
            ))}
          </ul>
        )}
      </div>
      {!readOnly && (
        <div className="related-actions">
          <button type="button" className="button small" aria-expanded={choosing} aria-controls={formId} aria-label={t.links('acceptRelated', { headline: suggestion.headline })} onClick={() => setChoosing((open) => !open)}>
            {t.links('linkButton')}…
          </button>
          <button type="button" className="button small" aria-label={t.links('dismissRelated', { headline: suggestion.headline })} onClick={() => void dismissRelated(suggestion.id)}>
            {t.links('notRelated')}
          </button>
        </div>
      )}
      {choosing && (
        <form
          id={formId}
          className="related-accept"
          onSubmit={(event) => {
            event.preventDefault();
            setChoosing(false);
            void linkStories([storyId], [suggestion.id], relation, '');
          }}
        >
          <label>
            <span className="field-label">{t.links('relationLabel')}</span>
            <select value={relation} onChange={(event) => setRelation(event.target.value as LinkLabel)}>
              {RELATIONS.map((label) => (
                <option key={label} value={label}>
                  {t.links(`linkLabel.${label}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button small primary">
            {t.links('confirmLink')}
          </button>
        </form>
      )}
    </li>
  );
}
