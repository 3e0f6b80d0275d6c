import { useEffect, useId } from 'react';
import type { FacetValue } from '../../../../shared/contract/searches';
import { formatDay } from '../../ui/format';
import type { KindFilter, ListFilters } from './list-query';
import { DateField } from '../../ui/DateField';
import { useApp, useT } from '../../store';
import { FILTER_PANEL_ID } from './SearchBar';
import { viewKindOf } from '../library/list-slice';
import { useErrorText } from '../../ui/errors/use-error-text';

const NONE = '';

/**
 * The filters that combine with the search: kind, tags, place, agency, section,
 * date range, has links, untagged. Choices come from `stories.facets` with live
 * counts, and are fetched again each time the panel opens.
 */
export function FilterPanel() {
  const t = useT();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const open = useApp((s) => s.filtersOpen);
  const filters = useApp((s) => s.filters);
  const view = useApp((s) => s.view);
  const viewKind = useApp((s) => viewKindOf(s));
  const facets = useApp((s) => s.facets);
  const facetsState = useApp((s) => s.facetsState);
  const facetsError = useApp((s) => s.facetsError);
  const tags = useApp((s) => s.tags);
  const setFilter = useApp((s) => s.setFilter);
  const setKindFilter = useApp((s) => s.setKindFilter);
  const toggleTagFilter = useApp((s) => s.toggleTagFilter);
  const loadFacets = useApp((s) => s.loadFacets);
  const id = useId();

  // Fresh counts when the panel opens; while it is open, changes to the library refresh them (sync slice).
  useEffect(() => {
    if (open) void loadFacets();
  }, [open, loadFacets]);

  if (!open) return null;

  // The view's own kind shows as the choice; picking it again means "as the view" (no chip).
  const tagCount = (id: string, all: number) => (facets?.tags ? (facets.tags.find((facet) => facet.value === id)?.count ?? 0) : all);
  const tagChoices = tags.filter((tag) => !filters.tagIds.includes(tag.id) && !(view.kind === 'tag' && view.tagId === tag.id));
  const set = <K extends keyof ListFilters>(key: K) => (value: ListFilters[K]) => setFilter(key, value);

  return (
    <div id={FILTER_PANEL_ID} className="filter-panel" role="group" aria-label={t.search('filtersPanelLabel')}>
      <label className="filter-field">
        <span className="field-label">{t.search('filterKind')}</span>
        <select
          value={filters.kind ?? viewKind}
          onChange={(event) => {
            const kind = event.target.value as KindFilter;
            setKindFilter(kind === viewKind ? null : kind);
          }}
        >
          <option value="article">{t.search('kindArticles')}</option>
          <option value="brief">{t.search('kindBriefs')}</option>
          <option value="all">{t.search('kindAll')}</option>
        </select>
      </label>

      <label className="filter-field">
        <span className="field-label">{t.search('filterTag')}</span>
        <select
          value={NONE}
          disabled={tagChoices.length === 0}
          onChange={(event) => {
            if (event.target.value) toggleTagFilter(event.target.value);
          }}
        >
          <option value={NONE}>{tagChoices.length ? t.search('addTagFilter') : t.search('noTagsToFilter')}</option>
          {tagChoices.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {`${'\u00a0\u00a0'.repeat(tag.depth)}${t.search('facetValue', { value: tag.name, n: tagCount(tag.id, tag.count) })}`}
            </option>
          ))}
        </select>
      </label>

      <FacetSelect label={t.search('filterPlace')} anyLabel={t.search('anyValue')} value={filters.place} values={facets?.places} onChange={set('place')} format={(value: string, n: number) => t.search('facetValue', { value, n })} />
      <FacetSelect label={t.search('filterAgency')} anyLabel={t.search('anyValue')} value={filters.agency} values={facets?.agencies} onChange={set('agency')} format={(value: string, n: number) => t.search('facetValue', { value, n })} />
      <FacetSelect label={t.search('filterSection')} anyLabel={t.search('anyValue')} value={filters.section} values={facets?.sections} onChange={set('section')} format={(value: string, n: number) => t.search('facetValue', { value, n })} />

      <div className="filter-field">
        <label htmlFor={`${id}-from`} className="field-label">
          {t.search('filterFrom')}
        </label>
        {/* In the UI language's order (dd-mm-jjjj in Dutch), not the browser's: see ui/DateField. */}
        <DateField id={`${id}-from`} value={filters.from ?? ''} describedBy={`${id}-dates`} onChange={(input) => input.kind !== 'invalid' && setFilter('from', input.kind === 'day' ? input.iso : null)} />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-to`} className="field-label">
          {t.search('filterTo')}
        </label>
        <DateField id={`${id}-to`} value={filters.to ?? ''} describedBy={`${id}-dates`} onChange={(input) => input.kind !== 'invalid' && setFilter('to', input.kind === 'day' ? input.iso : null)} />
      </div>
      <p id={`${id}-dates`} className="filter-hint">
        {facets?.dates
          ? t.search('datesAvailable', { from: formatDay(facets.dates.from, language, 'short'), to: formatDay(facets.dates.to, language, 'short') })
          : facets
            ? t.search('noDatesYet')
            : ''}
      </p>

      <div className="filter-checks">
        <label className="filter-check">
          <input type="checkbox" checked={filters.hasLinks} onChange={(event) => setFilter('hasLinks', event.target.checked)} />
          {t.search('filterHasLinks')}
        </label>
        <label className="filter-check">
          <input type="checkbox" checked={filters.untagged} onChange={(event) => setFilter('untagged', event.target.checked)} />
          {t.search('filterUntagged')}
        </label>
      </div>

      {facetsState === 'error' && (
        <p className="filter-error" role="alert">
          {t.search('facetsLoadFailed')}
          {facetsError ? `: ${errorText(facetsError)}` : ''}{' '}
          <button type="button" className="link-button" onClick={() => void loadFacets()}>
            {t.library('retry')}
          </button>
        </p>
      )}
    </div>
  );
}

interface FacetSelectProps {
  label: string;
  anyLabel: string;
  value: string | null;
  values: FacetValue[] | undefined;
  onChange(value: string | null): void;
  format(value: string, count: number): string;
}

/** A select of facet values with counts; a chosen value no longer in the library stays listed (count 0). */
function FacetSelect({ label, anyLabel, value, values = [], onChange, format }: FacetSelectProps) {
  const known = values.filter((facet) => facet.value !== NONE);
  const options = value !== null && !known.some((facet) => facet.value === value) ? [{ value, count: 0 }, ...known] : known;
  return (
    <label className="filter-field">
      <span className="field-label">{label}</span>
      <select value={value ?? NONE} onChange={(event) => onChange(event.target.value || null)}>
        <option value={NONE}>{anyLabel}</option>
        {options.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {format(facet.value, facet.count)}
          </option>
        ))}
      </select>
    </label>
  );
}
