import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChronologyView, ChronologyViewLine } from '../../../../shared/contract/chronology';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { ChronologyDate, ChronologySource, StorySummary } from '../../../../shared/types';
import { ErrorState } from '../../app/ErrorState';
import type { Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { DateField } from '../../ui/DateField';
import type { DayInput } from '../../ui/day-input';
import { formatDay, isTypingTarget } from '../../ui/format';
import { confidenceLevel, formatChronologyDate } from './chronology-format';
import type { ReviewStatus } from './chronology-slice';
import './chronology.css';

type Filter = 'all' | 'draft' | 'approved' | 'rejected';
const FILTERS: Filter[] = ['all', 'draft', 'approved', 'rejected'];

/**
 * The dossier's chronology: "Draft chronology", the review list (keyboard-driven: roving
 * focus, a/r/e/m/s/d, Space and Shift to select, Enter opens the source) and the final
 * chronology (approved lines, oldest first). Mounted by the dossier view with one line.
 */
export function DossierChronology({ detail }: { detail: DossierDetail }) {
  const t = useTranslator('chronology');
  const headingId = useId();
  const dossierId = detail.dossier.id;
  const chronology = useApp((s) => (s.chronology?.dossierId === dossierId ? s.chronology : null));
  const state = useApp((s) => s.chronologyState);
  const loadError = useApp((s) => s.chronologyError);
  const editError = useApp((s) => s.chronologyEditError);
  const announcement = useApp((s) => s.chronologyAnnouncement);
  const draftChronology = useApp((s) => s.draftChronology);
  const liveStories = detail.entries.length - detail.missingCount;
  const drafting = state === 'loading';

  // A dossier the editor already worked on shows its chronology at once.
  const stored = (detail.dossier.chronology?.length ?? 0) > 0;
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (stored && !chronology && asked.current !== dossierId && state !== 'loading') {
      asked.current = dossierId;
      void draftChronology();
    }
  }, [stored, chronology, dossierId, state, draftChronology]);

  return (
    <section className="chronology" aria-labelledby={headingId} aria-busy={drafting}>
      <header className="chronology-header">
        <h3 id={headingId}>{t('heading')}</h3>
        <button type="button" className={chronology ? 'button' : 'button primary'} onClick={() => void draftChronology()} disabled={drafting || liveStories === 0}>
          {chronology ? t('redraftButton') : t('draftButton')}
        </button>
      </header>
      <p className="chronology-intro muted">{liveStories === 0 ? t('noStories') : t('intro')}</p>
      <p className="chronology-progress" aria-live="polite">
        {drafting && (
          <>
            <span className="chronology-spinner" aria-hidden="true" />
            {t('drafting', { count: liveStories })}
          </>
        )}
      </p>
      {state === 'error' && <ErrorState title={t('draftFailed')} error={loadError} onRetry={() => void draftChronology()} compact />}
      {editError && (editError.lineGone ? <p className="chronology-gone" role="alert">{t('lineGone')}</p> : <ErrorState title={t('editFailed')} error={editError.error} compact />)}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {chronology && <UndatedStories detail={detail} count={chronology.undatedStories} />}
      {chronology && <ChronologyReview view={chronology} detail={detail} />}
    </section>
  );
}

/** The dossier's stories without a date, each with a field to date it. */
function UndatedStories({ detail, count }: { detail: DossierDetail; count: number }) {
  const t = useTranslator('chronology');
  const stories = detail.entries.map((entry) => entry.story).filter((story): story is StorySummary => story !== null && !story.publishedAt);
  if (count === 0 && stories.length === 0) return null;
  return (
    <div className="chronology-undated" role="note">
      <p>
        <strong>{t('undated', { count: Math.max(count, stories.length) })}</strong> {t('undatedHelp')}
      </p>
      <ul>
        {stories.map((story) => (
          <UndatedStory key={story.id} story={story} />
        ))}
      </ul>
    </div>
  );
}

function UndatedStory({ story }: { story: StorySummary }) {
  const t = useTranslator('chronology');
  const language = useApp((s) => s.language);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const dateStory = useApp((s) => s.dateChronologyStory);
  const [day, setDay] = useState<DayInput>({ kind: 'empty' });
  const fieldId = useId();
  return (
    <li>
      <label htmlFor={fieldId}>{t('undatedDateLabel', { headline: story.headline })}</label>
      <span className="chronology-undated-field">
        <DateField id={fieldId} value={day.kind === 'day' ? day.iso : ''} onChange={setDay} invalid={day.kind === 'invalid'} disabled={readOnly} />
        <button
          type="button"
          className="button small"
          disabled={readOnly || day.kind !== 'day'}
          onClick={() => {
            if (day.kind === 'day') void dateStory(story.id, day.iso, t('dated', { headline: story.headline, date: formatDay(day.iso, language) }));
          }}
        >
          {t('setDate')}
        </button>
      </span>
    </li>
  );
}

/** The filter, the selection's actions, the review list, and the final chronology. */
function ChronologyReview({ view, detail }: { view: ChronologyView; detail: DossierDetail }) {
  const t = useTranslator('chronology');
  const language = useApp((s) => s.language);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const busy = useApp((s) => s.chronologyBusy);
  const review = useApp((s) => s.reviewChronology);
  const merge = useApp((s) => s.mergeChronology);
  const split = useApp((s) => s.splitChronology);
  const setView = useApp((s) => s.setView);
  const openStory = useApp((s) => s.openStory);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The cursor's line, and where it was (its place when the line leaves the list: merged, filtered out).
  const [cursorAt, setCursorAt] = useState<{ key: string | null; index: number }>({ key: null, index: 0 });
  const cursorKey = cursorAt.key;
  const [editing, setEditing] = useState<string | null>(null);
  const [hint, setHint] = useState('');
  const anchor = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const focusWanted = useRef(false);
  const helpId = useId();

  const lines = useMemo(() => (filter === 'all' ? view.lines : view.lines.filter((line) => line.status === filter)), [view.lines, filter]);
  const approved = useMemo(() => view.lines.filter((line) => line.status === 'approved'), [view.lines]);
  const total = view.lines.length;
  // The cursor stays on its line; when that line left the list (merged, filtered out), on the nearest one.
  let cursor = cursorKey === null ? -1 : lines.findIndex((line) => line.key === cursorKey);
  if (cursor < 0 && lines.length) cursor = Math.min(cursorAt.index, lines.length - 1);
  const setCursorKey = (key: string) => setCursorAt({ key, index: Math.max(0, lines.findIndex((line) => line.key === key)) });
  const cursorLine = cursor >= 0 ? lines[cursor] : undefined;

  // Selected lines that are still there (in any filter).
  const present = useMemo(() => new Set(view.lines.map((line) => line.key)), [view.lines]);
  const selection = [...selected].filter((key) => present.has(key));
  const headlineKind = useMemo(() => new Map(detail.entries.map((entry) => [entry.storyId, entry.story?.kind ?? null])), [detail.entries]);

  useEffect(() => {
    if (!focusWanted.current || !cursorLine) return;
    focusWanted.current = false;
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [];
    [...rows].find((row) => row.dataset.key === cursorLine.key)?.focus();
  });

  function moveTo(index: number, extend = false) {
    const next = Math.max(0, Math.min(lines.length - 1, index));
    const line = lines[next];
    if (!line) return;
    if (extend) {
      anchor.current ??= cursor < 0 ? next : cursor;
      const [from, to] = [Math.min(anchor.current, next), Math.max(anchor.current, next)];
      setSelected(new Set(lines.slice(from, to + 1).map((candidate) => candidate.key)));
    } else anchor.current = null;
    focusWanted.current = true;
    setCursorKey(line.key);
  }

  function toggle(key: string) {
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  /** The lines an action means: the selection when there is one, else the line with the cursor. */
  const targets = (line?: ChronologyViewLine) => (line ? [line.key] : selection.length ? selection : cursorLine ? [cursorLine.key] : []);

  async function act(status: ReviewStatus, line?: ChronologyViewLine) {
    const keys = targets(line);
    if (!keys.length || readOnly) return;
    setHint('');
    focusWanted.current = true;
    if (await review(keys, status)) if (!line) setSelected(new Set());
  }

  async function mergeSelection() {
    if (readOnly) return;
    if (selection.length < 2) {
      setHint(t('mergeNeedsTwo'));
      return;
    }
    setHint('');
    // Merged into the oldest selected line (the list's order): the first key keeps the line.
    const keys = view.lines.filter((line) => selected.has(line.key)).map((line) => line.key);
    focusWanted.current = true;
    if (await merge(keys)) {
      setSelected(new Set());
      setCursorKey(keys[0]!);
    }
  }

  async function splitLine(line: ChronologyViewLine | undefined) {
    if (!line || readOnly) return;
    if (line.sources.length < 2) {
      setHint(t('splitNeedsSources'));
      return;
    }
    setHint('');
    focusWanted.current = true;
    await split(line.key);
  }

  function openSource(source: ChronologySource) {
    const kind = headlineKind.get(source.storyId);
    setView({ kind: kind === 'brief' ? 'briefs' : 'articles' });
    void openStory(source.storyId, { mark: { storyId: source.storyId, paragraph: source.paragraph, start: source.start, end: source.end } });
  }

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const onLine = (event.target as HTMLElement).dataset.key !== undefined;
    const key = event.key;
    let handled = true;
    if (key === 'ArrowDown' || key === 'ArrowUp') moveTo(cursor + (key === 'ArrowDown' ? 1 : -1), event.shiftKey);
    else if (key === 'Home' || key === 'End') moveTo(key === 'Home' ? 0 : lines.length - 1, event.shiftKey);
    else if (key === ' ' && onLine && cursorLine) toggle(cursorLine.key);
    else if (key === 'Enter' && onLine && cursorLine?.sources[0]) openSource(cursorLine.sources[0]);
    else if (key === 'Escape' && selection.length) setSelected(new Set());
    else if (busy || readOnly) handled = ['a', 'r', 'd', 'e', 'm', 's'].includes(key.toLowerCase());
    else if (key.toLowerCase() === 'a') void act('approved');
    else if (key.toLowerCase() === 'r') void act('rejected');
    else if (key.toLowerCase() === 'd') void act('draft');
    else if (key.toLowerCase() === 'e' && cursorLine) setEditing(cursorLine.key);
    else if (key.toLowerCase() === 'm') void mergeSelection();
    else if (key.toLowerCase() === 's') void splitLine(cursorLine);
    else handled = false;
    if (handled) event.preventDefault();
  }

  const countOf = (which: Filter) => (which === 'all' ? total : view.counts[which]);

  if (total === 0) return <p className="chronology-empty">{t('noLines')}</p>;

  return (
    <>
      <div className="chronology-toolbar">
        <div className="chronology-filter" role="group" aria-label={t('filterLabel')}>
          {FILTERS.map((which) => (
            <button key={which} type="button" className="chronology-filter-button" aria-pressed={filter === which} onClick={() => setFilter(which)}>
              {t('filterCount', { label: t(`filter.${which}`), count: countOf(which) })}
            </button>
          ))}
        </div>
        {selection.length > 0 && (
          <div className="chronology-selection" role="group" aria-label={t('selectionActions')}>
            <span className="chronology-selection-count">{t('selectedCount', { count: selection.length })}</span>
            <button type="button" className="button small" onClick={() => void act('approved')} disabled={readOnly || busy} aria-keyshortcuts="a">
              {t('approve')}
            </button>
            <button type="button" className="button small" onClick={() => void act('rejected')} disabled={readOnly || busy} aria-keyshortcuts="r">
              {t('reject')}
            </button>
            <button type="button" className="button small" onClick={() => void mergeSelection()} disabled={readOnly || busy || selection.length < 2} aria-keyshortcuts="m">
              {t('merge')}
            </button>
            <button type="button" className="button small" onClick={() => void act('draft')} disabled={readOnly || busy} aria-keyshortcuts="d">
              {t('toDraft')}
            </button>
            <button type="button" className="button small" onClick={() => setSelected(new Set())}>
              {t('clearSelection')}
            </button>
          </div>
        )}
      </div>
      <p id={helpId} className="chronology-help muted">
        {t('listHelp')}
      </p>
      {hint && (
        <p className="chronology-hint" aria-live="polite">
          {hint}
        </p>
      )}
      {lines.length === 0 ? (
        <p className="chronology-empty">{t('noLinesInFilter')}</p>
      ) : (
        <ol ref={listRef} className="chronology-lines" aria-label={t('listLabel')} aria-describedby={helpId} onKeyDown={onKeyDown}>
          {lines.map((line, index) => (
            <ChronologyLineRow
              key={line.key}
              line={line}
              language={language}
              current={index === cursor}
              selected={selected.has(line.key)}
              editing={editing === line.key}
              readOnly={readOnly || busy}
              onFocus={() => {
                if (cursorKey !== line.key) setCursorKey(line.key);
              }}
              onToggle={() => toggle(line.key)}
              onReview={(status) => void act(status, line)}
              onEdit={() => setEditing(line.key)}
              onEditDone={() => {
                setEditing(null);
                focusWanted.current = true;
              }}
              onSplit={() => void splitLine(line)}
              onOpenSource={openSource}
            />
          ))}
        </ol>
      )}
      <FinalChronology lines={approved} language={language} />
    </>
  );
}

interface LineRowProps {
  line: ChronologyViewLine;
  language: Language;
  current: boolean;
  selected: boolean;
  editing: boolean;
  readOnly: boolean;
  onFocus(): void;
  onToggle(): void;
  onReview(status: ReviewStatus): void;
  onEdit(): void;
  onEditDone(): void;
  onSplit(): void;
  onOpenSource(source: ChronologySource): void;
}

function ChronologyLineRow(props: LineRowProps) {
  const { line, language, current, selected, editing, readOnly } = props;
  const t = useTranslator('chronology');
  const date = formatChronologyDate(line.date, language, t);
  const level = confidenceLevel(line.confidence);
  const className = ['chronology-line', `is-${line.status}`, selected ? 'is-selected' : '', current ? 'is-current' : ''].filter(Boolean).join(' ');
  return (
    <li className={className} data-key={line.key} tabIndex={current ? 0 : -1} aria-label={`${date}: ${line.summary} (${t(`status.${line.status}`)})`} onFocus={(event) => event.target === event.currentTarget && props.onFocus()}>
      <input type="checkbox" className="chronology-check" checked={selected} onChange={props.onToggle} aria-label={`${t('selectLine')}: ${date}`} tabIndex={current ? 0 : -1} />
      <div className="chronology-line-main">
        <p className="chronology-line-head">
          <time className="chronology-date" dateTime={line.date.date}>
            {date}
          </time>
          <span className={`chronology-status is-${line.status}`}>{t(`status.${line.status}`)}</span>
          {line.edited && <span className="chronology-edited">{t('edited')}</span>}
          <span className={`chronology-confidence is-${level}`} title={t('confidenceTitle', { percent: `${Math.round(line.confidence * 100)}%` })}>
            <span aria-hidden="true" className="chronology-confidence-dots" />
            {t(`confidence.${level}`)}
          </span>
        </p>
        {editing ? (
          <LineEditor line={line} onDone={props.onEditDone} />
        ) : (
          <p className="chronology-summary">{line.summary}</p>
        )}
        <div className="chronology-sources">
          <span className="chronology-sources-label">{t('sourcesLabel', { count: line.sources.length })}:</span>
          <ul>
            {line.sources.map((source, index) => {
              const headline = line.headlines[index];
              return (
                <li key={`${source.storyId}:${source.paragraph}:${source.start}`}>
                  {headline === null || headline === undefined ? (
                    <span className="muted">{t('sourceMissing')}</span>
                  ) : (
                    <button type="button" className="link-button chronology-source" tabIndex={current ? 0 : -1} onClick={() => props.onOpenSource(source)} title={source.sentence}>
                      {headline}
                      <span className="chronology-paragraph"> · {t('sourceParagraph', { number: source.paragraph + 1 })}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
        {!editing && (
          <div className="chronology-actions" role="group" aria-label={t('actionsFor', { date })}>
            {line.status !== 'approved' && (
              <button type="button" className="button small" tabIndex={current ? 0 : -1} onClick={() => props.onReview('approved')} disabled={readOnly} aria-keyshortcuts="a">
                {t('approve')}
              </button>
            )}
            {line.status !== 'rejected' && (
              <button type="button" className="button small" tabIndex={current ? 0 : -1} onClick={() => props.onReview('rejected')} disabled={readOnly} aria-keyshortcuts="r">
                {t('reject')}
              </button>
            )}
            <button type="button" className="button small" tabIndex={current ? 0 : -1} onClick={props.onEdit} disabled={readOnly} aria-keyshortcuts="e">
              {t('edit')}
            </button>
            {line.sources.length > 1 && (
              <button type="button" className="button small" tabIndex={current ? 0 : -1} onClick={props.onSplit} disabled={readOnly} aria-keyshortcuts="s">
                {t('split')}
              </button>
            )}
            {line.status !== 'draft' && (
              <button type="button" className="button small" tabIndex={current ? 0 : -1} onClick={() => props.onReview('draft')} disabled={readOnly} aria-keyshortcuts="d">
                {t('toDraft')}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/** The line's summary and date, in place: Ctrl+Enter or Save keeps them (the line is approved), Esc cancels. */
function LineEditor({ line, onDone }: { line: ChronologyViewLine; onDone(): void }) {
  const t = useTranslator('chronology');
  const editLine = useApp((s) => s.editChronologyLine);
  const [summary, setSummary] = useState(line.summary);
  const [day, setDay] = useState<DayInput>({ kind: 'day', iso: line.date.date });
  const [granularity, setGranularity] = useState<ChronologyDate['granularity']>(line.date.granularity);
  const [problem, setProblem] = useState('');
  const summaryId = useId();
  const dateId = useId();
  const granularityId = useId();
  const errorId = useId();

  async function save() {
    const words = summary.trim();
    if (!words) return setProblem(t('summaryEmpty'));
    if (day.kind !== 'day') return setProblem(t('dateInvalid'));
    const date = { granularity, date: normalise(day.iso, granularity) };
    const changes: { summary?: string; date?: ChronologyDate } = {};
    if (words !== line.summary) changes.summary = words;
    if (date.date !== line.date.date || date.granularity !== line.date.granularity) changes.date = date;
    if (Object.keys(changes).length === 0 && line.status === 'approved') return onDone();
    if (await editLine(line.key, changes)) onDone();
  }

  return (
    <form
      className="chronology-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <label htmlFor={summaryId}>{t('summaryLabel')}</label>
      <textarea id={summaryId} value={summary} rows={3} autoFocus onChange={(event) => setSummary(event.target.value)} aria-invalid={problem === t('summaryEmpty') || undefined} aria-describedby={problem ? errorId : undefined} />
      <div className="chronology-editor-date">
        <span>
          <label htmlFor={dateId}>{t('dateLabel')}</label>
          <DateField id={dateId} value={day.kind === 'day' ? day.iso : ''} onChange={setDay} invalid={day.kind === 'invalid'} />
        </span>
        <span>
          <label htmlFor={granularityId}>{t('granularityLabel')}</label>
          <select id={granularityId} value={granularity} onChange={(event) => setGranularity(event.target.value as ChronologyDate['granularity'])}>
            {(['day', 'week', 'month', 'year'] as const).map((which) => (
              <option key={which} value={which}>
                {t(`granularity.${which}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="chronology-editor-actions">
        <button type="submit" className="button small primary">
          {t('save')}
        </button>
        <button type="button" className="button small" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The day that stands for a period: its first day (a week: its Monday). */
function normalise(iso: string, granularity: ChronologyDate['granularity']): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (granularity === 'year') return `${y}-01-01`;
  if (granularity === 'month') return `${iso.slice(0, 7)}-01`;
  if (granularity === 'week') {
    const day = new Date(Date.UTC(y, m - 1, d));
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day.toISOString().slice(0, 10);
  }
  return iso;
}

/** The approved lines, oldest first: what the exports print. */
function FinalChronology({ lines, language }: { lines: ChronologyViewLine[]; language: Language }) {
  const t = useTranslator('chronology');
  const headingId = useId();
  return (
    <section className="chronology-final" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('finalHeading')}</h4>
      <p className="muted">{t('finalHelp')}</p>
      {lines.length === 0 ? (
        <p className="chronology-empty">{t('finalEmpty')}</p>
      ) : (
        <ol className="chronology-final-lines">
          {lines.map((line) => (
            <li key={line.key}>
              <time dateTime={line.date.date}>{formatChronologyDate(line.date, language, t)}</time>
              <span>{line.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
