import { useState, type FormEvent } from 'react';
import type { SeriesEntry, SeriesView } from '../../../../shared/contract/links';
import { formatDay } from '../../ui/format';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { ErrorState } from '../../app/ErrorState';
import './links.css';

/** The series of a story as a vertical timeline, in the order `series.get` gives; a click opens a story. */
export function SeriesDialog() {
  const t = useT();
  const language = useApp((s) => s.language);
  const seriesFor = useApp((s) => s.seriesFor);
  const series = useApp((s) => s.series);
  const state = useApp((s) => s.seriesState);
  const error = useApp((s) => s.seriesError);
  const closeSeries = useApp((s) => s.closeSeries);
  const openSeries = useApp((s) => s.openSeries);
  const openStory = useApp((s) => s.openStory);
  if (!seriesFor) return null;

  const asked = series?.entries.find((entry) => entry.story.id === series.storyId)?.story.headline ?? '';
  const lone = series !== null && series.entries.length <= 1;

  function placement(entry: SeriesEntry) {
    if (entry.dateKnown && entry.date) return <time dateTime={entry.date}>{formatDay(entry.date, language)}</time>;
    return <span className="timeline-undated">{entry.placement === 'links' ? t.links('placementLinks') : t.links('placementUnplaced')}</span>;
  }

  return (
    <Dialog titleId="series-title" onClose={closeSeries} className="series-dialog">
      <header className="dialog-header">
        <h2 id="series-title">{series?.name ? t.links('seriesTitleNamed', { name: series.name }) : t.links('seriesTitle', { headline: asked })}</h2>
      </header>
      <div className="dialog-body">
        {series && !lone && <SeriesName key={`${series.storyId}:${series.name ?? ''}`} series={series} />}
        {state === 'error' && <ErrorState title={t.library('storyErrorTitle')} error={error} onRetry={() => void openSeries(seriesFor)} compact />}
        {state === 'loading' && !series && <p role="status">{t.links('seriesLoading')}</p>}
        {series && lone && <p>{t.links('seriesEmpty')}</p>}
        {series && !lone && (
          <>
            {series.cycle && <p className="timeline-warning">{t.links('seriesCycle')}</p>}
            {series.dateConflicts.length > 0 && <p className="timeline-warning">{t.links('seriesDateConflicts', { count: series.dateConflicts.length })}</p>}
            <ol className="timeline" aria-label={t.links('seriesTimelineLabel')}>
              {series.entries.map((entry) => {
                const current = entry.story.id === series.storyId;
                return (
                  <li key={entry.story.id} className={`timeline-item${current ? ' is-current' : ''}${entry.dateKnown ? '' : ' is-undated'}`} aria-current={current ? 'true' : undefined}>
                    <span className="timeline-marker" aria-hidden="true" />
                    <div className="timeline-date">{placement(entry)}</div>
                    <button
                      type="button"
                      className="link-button timeline-headline"
                      data-autofocus={current ? true : undefined}
                      onClick={() => {
                        closeSeries();
                        void openStory(entry.story.id);
                      }}
                    >
                      {entry.story.headline}
                    </button>
                    <div className="timeline-place">
                      {[entry.story.dateline.place, current ? t.links('thisStory') : null].filter(Boolean).join(' · ')}
                    </div>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={closeSeries} data-autofocus={lone || !series ? true : undefined}>
          {t.import('close')}
        </button>
      </footer>
    </Dialog>
  );
}

/** The series' name: shown, given, changed or removed (one undoable edit each). */
function SeriesName({ series }: { series: SeriesView }) {
  const t = useT();
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const renameSeries = useApp((s) => s.renameSeries);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(series.name ?? '');

  async function save(event: FormEvent) {
    event.preventDefault();
    if (await renameSeries(series.storyId, name.trim())) setEditing(false);
  }

  if (editing) {
    return (
      <div className="series-name">
        <form onSubmit={(event) => void save(event)}>
          <label className="field">
            <span className="field-label">{t.links('seriesNameLabel')}</span>
            <input type="text" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} data-autofocus autoFocus />
          </label>
          <button type="submit" className="button small primary">
            {t.links('seriesNameSave')}
          </button>
          {series.name && (
            <button type="button" className="button small" onClick={() => void renameSeries(series.storyId, '')}>
              {t.links('seriesNameClear')}
            </button>
          )}
          <button type="button" className="button small" onClick={() => setEditing(false)}>
            {t.tags('cancel')}
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="series-name">
      {!series.name && <span className="muted">{t.links('seriesUnnamed')}</span>}
      <button type="button" className="button small" disabled={readOnly} onClick={() => setEditing(true)}>
        {series.name ? t.links('seriesRenameButton') : t.links('seriesNameButton')}
      </button>
    </div>
  );
}
