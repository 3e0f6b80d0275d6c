import { WhatSaidButton } from '../quotes/WhatSaid';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../../shared/contract/define';
import type { Story } from '../../../../shared/types';
import { useApp, useT } from '../../store';
import { suggestionReasonsText } from '../tags/suggestion-reasons';
import { ColorDot } from '../tags/TagChip';
import { TagInput, type TagPick } from '../tags/TagInput';
import '../tags/tags.css';
import './story-meta.css';
import { useTranslator } from '../../i18n/use-translator';
import { DateField } from '../../ui/DateField';
import type { DayInput } from '../../ui/day-input';
import { ChangedBy } from '../sync/ChangedBy';

/** In the reader's inspector: the story's date (editable), its tags, the editor's note and the suggested tags. */
export function StoryMetaPanel({ story }: { story: Story }) {
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const loadStoryExtras = useApp((s) => s.loadStoryExtras);
  // Links, suggestions and related stories follow the open story (edits and undo refresh them in the store).
  useEffect(() => {
    void loadStoryExtras(story.id);
  }, [story.id, loadStoryExtras]);
  return (
    <div className="story-meta-panel">
      <ChangedBy story={story} />
      {/* Keyed so the field starts from the stored date whenever it changes (edit, undo, other story). */}
      <StoryDateEditor key={`date:${story.id}:${story.publishedAt ?? ''}:${story.publishedAtEstimated ? 'estimated' : ''}`} story={story} readOnly={readOnly} />
      <StoryTags story={story} readOnly={readOnly} />
      {/* Not keyed by the note: the view always shows the stored note, and focus stays on its button after a save. */}
      <StoryNote key={`note:${story.id}`} story={story} readOnly={readOnly} />
      <SuggestedTags key={`suggestions:${story.id}`} readOnly={readOnly} />
    </div>
  );
}

function StoryDateEditor({ story, readOnly }: { story: Story; readOnly: boolean }) {
  const t = useT();
  const setStoryDate = useApp((s) => s.setStoryDate);
  const td = useTranslator('dates');
  // The day typed (the field shows it in the UI language's order: dd-mm-jjjj in Dutch).
  const [typed, setTyped] = useState<DayInput>(story.publishedAt ? { kind: 'day', iso: story.publishedAt } : { kind: 'empty' });
  const [invalid, setInvalid] = useState(false);
  const inputId = `story-date-${story.id}`;
  const value = typed.kind === 'day' ? typed.iso : '';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (typed.kind !== 'day') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    // Saving an estimated date as it stands confirms it.
    if (typed.iso !== story.publishedAt || story.publishedAtEstimated) void setStoryDate(story.id, typed.iso);
  }

  return (
    <form className="story-date-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId} className="field-label">
        {t.library('storyDate')}
      </label>
      <DateField
        id={inputId}
        value={story.publishedAt ?? ''}
        disabled={readOnly}
        invalid={invalid}
        describedBy={invalid ? `${inputId}-error` : undefined}
        onChange={(input) => {
          setTyped(input);
          setInvalid(false);
        }}
      />
      <button type="submit" className="button small" disabled={readOnly || (typed.kind !== 'invalid' && value === (story.publishedAt ?? '') && !story.publishedAtEstimated)}>
        {story.publishedAtEstimated && value === story.publishedAt ? td('confirm') : t.library('saveDate')}
      </button>
      {story.publishedAt && (
        <button type="button" className="button small" disabled={readOnly} onClick={() => void setStoryDate(story.id, null)}>
          {t.library('clearDate')}
        </button>
      )}
      {invalid && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {td('invalidDay')}
        </p>
      )}
    </form>
  );
}

function StoryNote({ story, readOnly }: { story: Story; readOnly: boolean }) {
  const t = useT();
  const setStoryNote = useApp((s) => s.setStoryNote);
  const [draft, setDraft] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const fieldId = `story-note-${story.id}`;

  function close() {
    setDraft(null);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function save() {
    if (draft === null) return;
    // Trailing blank lines are typing, not content; an all-blank note is no note.
    const note = draft.replace(/\s+$/u, '');
    if (note !== story.note) void setStoryNote(story.id, note);
    close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      // Handled here: the list's Escape (clear the search, leave the selection) must not run.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  return (
    <section className="story-note" aria-labelledby="story-note-heading">
      <h3 id="story-note-heading" className="panel-heading">
        {t.library('storyNoteHeading')}
      </h3>
      {draft === null ? (
        <div className="story-note-view">
          {story.note ? <p className="story-note-text">{story.note}</p> : <p className="muted">{t.library('noStoryNote')}</p>}
          <button ref={editButton} type="button" className="button small" disabled={readOnly} onClick={() => setDraft(story.note)}>
            {story.note ? t.library('editStoryNote') : t.library('addStoryNote')}
          </button>
        </div>
      ) : (
        <form
          className="story-note-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <label htmlFor={fieldId} className="visually-hidden">
            {t.library('storyNoteLabel')}
          </label>
          <textarea id={fieldId} value={draft} rows={4} maxLength={LIMITS.text} autoFocus aria-describedby={`${fieldId}-hint`} onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} />
          <div className="story-note-actions">
            <button type="submit" className="button small primary">
              {t.library('saveStoryNote')}
            </button>
            <button type="button" className="button small" onClick={close}>
              {t.library('cancelStoryNote')}
            </button>
            <span id={`${fieldId}-hint`} className="muted small">
              {t.library('storyNoteHint')}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}

function StoryTags({ story, readOnly }: { story: Story; readOnly: boolean }) {
  const t = useT();
  const tags = useApp((s) => s.tags);
  const applyTags = useApp((s) => s.applyTags);
  const onStory = useMemo(() => new Set(story.tagIds), [story.tagIds]);
  const storyTags = useMemo(() => {
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    return story.tagIds.map((id) => byId.get(id)).filter((tag) => tag !== undefined);
  }, [tags, story.tagIds]);

  function onPick(pick: TagPick) {
    void applyTags([story.id], 'tagId' in pick ? { addTagIds: [pick.tagId] } : { addNames: [pick.newName] });
  }

  return (
    // A group, not a region: the sidebar's tag section is the one landmark named "Tags".
    <div className="story-tags" role="group" aria-labelledby="story-tags-heading">
      <h3 id="story-tags-heading" className="panel-heading">
        {t.tags('storyTagsLabel')}
      </h3>
      <div className="story-tags-row">
        {storyTags.length > 0 ? (
          <ul className="chip-list" aria-labelledby="story-tags-heading">
            {storyTags.map((tag) => (
              <li key={tag.id} className="tag-chip is-removable">
                <ColorDot color={tag.color} />
                <span className="tag-chip-name">{tag.name}</span>
                <WhatSaidButton name={tag.name} className="chip-remove chip-what-said" />
                <button type="button" className="chip-remove" aria-label={t.tags('removeTag', { name: tag.name })} disabled={readOnly} onClick={() => void applyTags([story.id], { removeTagIds: [tag.id] })}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t.tags('noTags')}</span>
        )}
        <TagInput label={t.tags('addTagLabel')} tags={tags} exclude={onStory} onPick={onPick} disabled={readOnly} />
      </div>
    </div>
  );
}

function SuggestedTags({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const suggestions = useApp((s) => s.tagSuggestions);
  const state = useApp((s) => s.suggestionsState);
  const accept = useApp((s) => s.acceptTagSuggestion);
  const dismiss = useApp((s) => s.dismissTagSuggestion);
  const [showAll, setShowAll] = useState(false);
  if (state !== 'ready' || readOnly) return null;
  const shown = showAll ? suggestions : suggestions.slice(0, FIRST_SUGGESTIONS);
  const hidden = suggestions.length - shown.length;
  return (
    <section className="suggested-tags" aria-labelledby="suggested-tags-heading">
      <h3 id="suggested-tags-heading" className="panel-heading">
        {t.tags('suggestedTagsHeading')}
      </h3>
      {suggestions.length === 0 ? (
        <p className="muted">{t.tags('noSuggestedTags')}</p>
      ) : (
        <ul className="suggestion-list" aria-labelledby="suggested-tags-heading">
          {shown.map((suggestion) => (
            <li key={suggestion.name} className="suggestion">
              <button type="button" className="suggestion-accept" aria-label={t.tags('acceptSuggestion', { name: suggestion.name })} onClick={() => void accept(suggestion.name)}>
                <span aria-hidden="true">+ </span>
                {suggestion.name}
              </button>
              <span className="suggestion-reason">
                {t.tags(`suggestionKind.${suggestion.kind}`)} · {suggestionReasonsText(suggestion.reasons, language)}
              </span>
              <button type="button" className="chip-remove" aria-label={t.tags('dismissSuggestion', { name: suggestion.name })} onClick={() => void dismiss(suggestion.name)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          {hidden > 0 && (
            <li>
              <button type="button" className="link-button small" onClick={() => setShowAll(true)}>
                {t.tags('moreSuggestions', { n: hidden })}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Suggestions shown before "more": the best few, so the story text stays in view. */
const FIRST_SUGGESTIONS = 5;
