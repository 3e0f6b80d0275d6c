import { useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DossierDetail, DossierEntryView } from '../../../../shared/contract/dossiers';
import { dropIndex, keyboardMoveTarget } from './reorder';
import { formatDateline, formatDay, isTypingTarget } from '../../ui/format';
import type { Language } from '../../i18n';
import type { Translators } from '../../i18n/translate';
import { useApp, useT } from '../../store';

/** The drag payload type: only our own entries are accepted as drops (not files, not text). */
const ENTRY_DRAG_TYPE = 'application/x-kroniek-dossier-entry';
export const REORDER_HINT_ID = 'dossier-reorder-hint';

type Control = 'entry' | 'up' | 'down';

/** The entry row of a story (ids are compared, not put into a selector). */
function rowOf(list: HTMLElement, storyId: string): HTMLElement | null {
  return Array.from(list.children).find((row): row is HTMLElement => row instanceof HTMLElement && row.dataset.storyId === storyId) ?? null;
}
interface DragState {
  from: number;
  over: number | null;
  before: boolean;
}

/**
 * The dossier's stories in order. Reorder by dragging an entry's grip, by
 * Alt+ArrowUp/Down (Alt+Home/End) on a focused entry, or with the move buttons;
 * every move is announced and keeps focus on the entry that moved.
 */
export function DossierEntries({ detail, readOnly }: { detail: DossierDetail; readOnly: boolean }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const moveEntry = useApp((s) => s.moveDossierEntry);
  const removeEntry = useApp((s) => s.removeFromDossier);
  const setNote = useApp((s) => s.setDossierNote);
  const setVersion = useApp((s) => s.setDossierVersion);
  const setView = useApp((s) => s.setView);
  const openStory = useApp((s) => s.openStory);
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<{ storyId: string; control: Control } | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const entries = detail.entries;

  // Moving a node in the DOM drops its focus: put focus back on the entry (or the button) that was used.
  useLayoutEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || !listRef.current) return;
    focusAfter.current = null;
    const row = rowOf(listRef.current, wanted.storyId);
    if (!row) return;
    const button = wanted.control === 'entry' ? null : row.querySelector<HTMLButtonElement>(`[data-control="${wanted.control}"]`);
    (button && !button.disabled ? button : row).focus();
  }, [entries]);

  function move(from: number, to: number, control: Control) {
    const entry = entries[from];
    if (!entry || readOnly) return;
    focusAfter.current = { storyId: entry.storyId, control };
    void moveEntry(from, to);
  }

  function remove(index: number) {
    const entry = entries[index];
    if (!entry) return;
    const neighbour = entries[index + 1] ?? entries[index - 1];
    if (neighbour) focusAfter.current = { storyId: neighbour.storyId, control: 'entry' };
    void removeEntry(entry.storyId);
  }

  function onEntryKeyDown(event: KeyboardEvent<HTMLLIElement>, index: number) {
    if (isTypingTarget(event.target)) return;
    const to = readOnly ? null : keyboardMoveTarget(event.key, event, index, entries.length);
    if (to !== null) {
      event.preventDefault();
      const control = ((event.target as HTMLElement).dataset.control as Control | undefined) ?? 'entry';
      move(index, to, control === 'up' || control === 'down' ? control : 'entry');
      return;
    }
    // Plain arrows walk from entry to entry (when the entry itself has focus).
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const next = step ? entries[index + step] : undefined;
    if (!next) return;
    event.preventDefault();
    if (listRef.current) rowOf(listRef.current, next.storyId)?.focus();
  }

  function onDragStart(event: DragEvent<HTMLElement>, index: number) {
    if (readOnly) return;
    setDrag({ from: index, over: null, before: true });
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData(ENTRY_DRAG_TYPE, String(index));
      const row = event.currentTarget.closest('li');
      if (row) event.dataTransfer.setDragImage(row, 24, 24);
    }
  }

  function onDragOver(event: DragEvent<HTMLLIElement>, index: number) {
    if (!drag) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const rect = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < rect.top + rect.height / 2;
    if (drag.over !== index || drag.before !== before) setDrag({ ...drag, over: index, before });
  }

  function onDrop(event: DragEvent<HTMLLIElement>, index: number) {
    if (!drag) return;
    event.preventDefault();
    const rect = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < rect.top + rect.height / 2;
    const to = dropIndex(drag.from, index, before, entries.length);
    setDrag(null);
    if (to !== null) move(drag.from, to, 'entry');
  }

  function openEntry(entry: DossierEntryView) {
    if (!entry.story) return;
    setView({ kind: entry.story.kind === 'brief' ? 'briefs' : 'articles' });
    void openStory(entry.storyId);
  }

  return (
    <>
      {!readOnly && entries.length > 1 && (
        <p id={REORDER_HINT_ID} className="dossier-hint">
          {t.dossiers('reorderHint')}
        </p>
      )}
      <ol ref={listRef} className={drag ? 'dossier-entries is-dragging' : 'dossier-entries'} aria-label={t.dossiers('entriesLabel')}>
        {entries.map((entry, index) => (
          <EntryRow
            key={entry.storyId}
            entry={entry}
            index={index}
            total={entries.length}
            t={t}
            language={language}
            readOnly={readOnly}
            dropMarker={drag && drag.over === index && dropIndex(drag.from, index, drag.before, entries.length) !== null ? (drag.before ? 'before' : 'after') : null}
            dragging={drag?.from === index}
            onKeyDown={(event) => onEntryKeyDown(event, index)}
            onDragStart={(event) => onDragStart(event, index)}
            onDragEnd={() => setDrag(null)}
            onDragOver={(event) => onDragOver(event, index)}
            onDrop={(event) => onDrop(event, index)}
            onMove={(to, control) => move(index, to, control)}
            onRemove={() => remove(index)}
            onOpen={() => openEntry(entry)}
            onSaveNote={(note) => void setNote(entry.storyId, note)}
            onChooseVersion={(version) => void setVersion(entry.storyId, version)}
          />
        ))}
      </ol>
    </>
  );
}

interface EntryRowProps {
  entry: DossierEntryView;
  index: number;
  total: number;
  t: Translators;
  language: Language;
  readOnly: boolean;
  dropMarker: 'before' | 'after' | null;
  dragging: boolean;
  onKeyDown(event: KeyboardEvent<HTMLLIElement>): void;
  onDragStart(event: DragEvent<HTMLElement>): void;
  onDragEnd(): void;
  onDragOver(event: DragEvent<HTMLLIElement>): void;
  onDrop(event: DragEvent<HTMLLIElement>): void;
  onMove(to: number, control: Control): void;
  onRemove(): void;
  onOpen(): void;
  onSaveNote(note: string): void;
  onChooseVersion(version: number | null): void;
}

function EntryRow(props: EntryRowProps) {
  const { entry, index, total, t, language, readOnly, dropMarker, dragging } = props;
  const story = entry.story;
  const headline = story?.headline ?? t.dossiers('missingStory');
  const dateline = story ? formatDateline(story.dateline) : '';
  const noteId = `dossier-note-${entry.storyId}`;
  const className = ['dossier-entry', story ? '' : 'is-missing', dragging ? 'is-dragged' : '', dropMarker ? `drop-${dropMarker}` : ''].filter(Boolean).join(' ');

  return (
    <li
      className={className}
      data-story-id={entry.storyId}
      tabIndex={0}
      aria-label={`${headline}, ${t.dossiers('position', { position: index + 1, total })}`}
      aria-describedby={!readOnly && total > 1 ? REORDER_HINT_ID : undefined}
      onKeyDown={props.onKeyDown}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      {!readOnly && (
        <span className="entry-grip" draggable={total > 1} onDragStart={props.onDragStart} onDragEnd={props.onDragEnd} title={t.dossiers('dragHandleFor', { headline })} aria-hidden="true" />
      )}
      <span className="entry-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="entry-main">
        <div className="entry-head">
          {story ? (
            <h3 className="entry-headline">
              <button type="button" className="entry-open" onClick={props.onOpen} aria-label={t.dossiers('openStoryFor', { headline })}>
                {headline}
              </button>
            </h3>
          ) : (
            <h3 className="entry-headline is-missing">{headline}</h3>
          )}
          {!readOnly && (
            <div className="entry-actions">
              <button type="button" className="icon-button" data-control="up" onClick={() => props.onMove(index - 1, 'up')} disabled={index === 0} aria-label={t.dossiers('moveUpFor', { headline })} title={t.dossiers('moveUp')}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" className="icon-button" data-control="down" onClick={() => props.onMove(index + 1, 'down')} disabled={index === total - 1} aria-label={t.dossiers('moveDownFor', { headline })} title={t.dossiers('moveDown')}>
                <span aria-hidden="true">↓</span>
              </button>
              <button type="button" className="button small" onClick={props.onRemove} aria-label={t.dossiers('removeFor', { headline })}>
                {t.dossiers('remove')}
              </button>
            </div>
          )}
        </div>
        {story ? (
          <p className="entry-meta">
            {dateline && <span className="entry-dateline">{dateline}</span>}
            <span>{story.publishedAt ? formatDay(story.publishedAt, language) : t.library('dateUnknown')}</span>
            {story.kind === 'brief' && <span>{t.library('kindBrief')}</span>}
            {story.wire && story.wire.versionCount > 1 && (
              // An agency story: the dossier keeps the newest version, or the one the editor chose (shown and exported).
              <label className="entry-version">
                <span>{t.dossiers('versionLabel')}</span>
                <select
                  value={entry.version ?? ''}
                  disabled={readOnly}
                  aria-label={t.dossiers('versionLabelFor', { headline })}
                  onChange={(event) => props.onChooseVersion(event.target.value === '' ? null : Number(event.target.value))}
                >
                  <option value="">{t.dossiers('versionNewest', { version: story.wire.latestVersion })}</option>
                  {Array.from({ length: story.wire.latestVersion }, (_, i) => i + 1).map((version) => (
                    <option key={version} value={version}>
                      {t.dossiers('versionNumber', { version })}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </p>
        ) : (
          <p className="entry-meta entry-missing-help">{t.dossiers('missingHelp')}</p>
        )}
        <label className="entry-note-label" htmlFor={noteId}>
          {t.dossiers('noteLabel')}
        </label>
        <EntryNote id={noteId} note={entry.note} label={t.dossiers('noteLabelFor', { headline })} placeholder={t.dossiers('notePlaceholder')} readOnly={readOnly} onSave={props.onSaveNote} />
      </div>
    </li>
  );
}

/** The editor's note: edited freely, saved when the field loses focus (one undo step per save). */
function EntryNote({ id, note, label, placeholder, readOnly, onSave }: { id: string; note: string; label: string; placeholder: string; readOnly: boolean; onSave(note: string): void }) {
  const [value, setValue] = useState(note);
  const [shown, setShown] = useState(note);
  // A new note from the service (save, undo, another window) replaces what is shown.
  if (note !== shown) {
    setShown(note);
    setValue(note);
  }
  return (
    <textarea
      id={id}
      className="entry-note"
      aria-label={label}
      value={value}
      placeholder={readOnly ? undefined : placeholder}
      readOnly={readOnly}
      rows={value ? Math.min(8, value.split('\n').length + 1) : 1}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => {
        if (value !== note) onSave(value);
      }}
    />
  );
}
