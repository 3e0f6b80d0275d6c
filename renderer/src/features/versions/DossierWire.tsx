import { useId } from 'react';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { StorySummary } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { embargoedNow, formatWireInstant, isWithdrawn } from './wire-format';
import './versions.css';

/** The dossier's stories the agency withdrew, and those still under embargo, in dossier order. */
export function dossierWireStories(detail: DossierDetail, now: number = Date.now()): { withdrawn: StorySummary[]; embargoed: StorySummary[] } {
  const stories = detail.entries.map((entry) => entry.story).filter((story): story is StorySummary => story !== null);
  return { withdrawn: stories.filter(isWithdrawn), embargoed: stories.filter((story) => embargoedNow(story, now)) };
}

/** The latest embargo among `stories` (ISO-8601), or null. */
export function latestEmbargo(stories: readonly StorySummary[]): string | null {
  const times = stories.map((story) => story.wire?.embargoedUntil).filter((until): until is string => Boolean(until));
  return times.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1) ?? null;
}

/** At the top of an open dossier: which of its stories were withdrawn, which are under embargo. */
export function DossierWireWarnings({ detail, language }: { detail: DossierDetail; language: Language }) {
  const t = useTranslator('versions');
  const { withdrawn, embargoed } = dossierWireStories(detail);
  return (
    <>
      {withdrawn.length > 0 && (
        <div className="dossier-wire-warning is-withdrawn" role="note">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('dossierWithdrawnWarning', { count: withdrawn.length })}
          </p>
          <ul>
            {withdrawn.map((story) => (
              <li key={story.id}>{story.headline}</li>
            ))}
          </ul>
        </div>
      )}
      {embargoed.length > 0 && (
        <div className="dossier-wire-warning is-embargo" role="note">
          <p>
            <span aria-hidden="true">⏱ </span>
            {t('dossierEmbargoWarning', { count: embargoed.length })}
          </p>
          <ul>
            {embargoed.map((story) => (
              <li key={story.id}>{t('embargoedStory', { headline: story.headline, until: formatWireInstant(story.wire!.embargoedUntil!, language) })}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** What stays on record with the dossier: exports made before an embargo ended. */
export function DossierHistory({ detail, language }: { detail: DossierDetail; language: Language }) {
  const t = useTranslator('versions');
  const tdossiers = useTranslator('dossiers');
  const headingId = useId();
  const history = detail.dossier.history ?? [];
  if (history.length === 0) return null;
  const headlines = new Map(detail.entries.map((entry) => [entry.storyId, entry.story?.headline]));
  return (
    <section className="dossier-history" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('historyHeading')}</h3>
      <ul>
        {history.map((entry, index) => (
          <li key={index}>
            {t('history.export.embargoOverride', {
              when: formatWireInstant(entry.at, language),
              format: tdossiers(`formatName.${entry.format}`),
              count: entry.storyIds.length,
              stories: entry.storyIds.map((id) => headlines.get(id) ?? t('deletedStory')).join('; '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export type WithdrawnChoice = 'exclude' | 'include' | null;

/**
 * In the export dialog: for withdrawn stories, leave out or include with the printed note
 * (no default: the editor must choose); for an embargo not yet passed, the export is blocked
 * until the editor ticks the override that names the embargo time.
 */
export function ExportWireChoices(props: {
  detail: DossierDetail;
  language: Language;
  withdrawnChoice: WithdrawnChoice;
  onWithdrawnChoice(choice: 'exclude' | 'include'): void;
  overrideEmbargo: boolean;
  onOverrideEmbargo(value: boolean): void;
  missingChoice: boolean;
  disabled: boolean;
}) {
  const t = useTranslator('versions');
  const id = useId();
  const { withdrawn, embargoed } = dossierWireStories(props.detail);
  // Withdrawn stories left out of the export do not block it with their embargo.
  const until = latestEmbargo(props.withdrawnChoice === 'exclude' ? embargoed.filter((story) => !isWithdrawn(story)) : embargoed);
  return (
    <>
      {withdrawn.length > 0 && (
        <fieldset className="form-fieldset" disabled={props.disabled} aria-describedby={props.missingChoice ? `${id}-missing` : undefined}>
          <legend>{t('withdrawnLegend')}</legend>
          <ul className="export-wire-stories">
            {withdrawn.map((story) => (
              <li key={story.id}>{story.headline}</li>
            ))}
          </ul>
          {(['exclude', 'include'] as const).map((choice) => (
            <label key={choice} className="radio-option">
              <input type="radio" name={`${id}-withdrawn`} value={choice} checked={props.withdrawnChoice === choice} onChange={() => props.onWithdrawnChoice(choice)} />
              <span>{choice === 'exclude' ? t('withdrawnExclude') : t('withdrawnInclude')}</span>
            </label>
          ))}
          {props.missingChoice && (
            <p id={`${id}-missing`} className="field-error" role="alert">
              {t('withdrawnChoose')}
            </p>
          )}
        </fieldset>
      )}
      {until && (
        <div className="export-embargo">
          <p id={`${id}-embargo`}>{t('embargoBlock', { until: formatWireInstant(until, props.language) })}</p>
          <label className="checkbox-option">
            <input type="checkbox" checked={props.overrideEmbargo} disabled={props.disabled} onChange={(event) => props.onOverrideEmbargo(event.target.checked)} aria-describedby={`${id}-embargo`} />{' '}
            <span>{t('embargoOverride', { until: formatWireInstant(until, props.language) })}</span>
          </label>
        </div>
      )}
    </>
  );
}
