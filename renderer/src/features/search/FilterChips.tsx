import { formatDay } from '../../ui/format';
import type { Translators } from '../../i18n/translate';
import type { ListFilters } from './list-query';
import { useApp, useT } from '../../store';
import { SEARCH_BOX_ID } from './SearchBar';

interface Chip {
  key: string;
  label: string;
  remove(): void;
}

/** The active filters as removable chips, with "Clear all" (which also clears the search text). */
export function FilterChips() {
  const t = useT();
  const language = useApp((s) => s.language);
  const filters = useApp((s) => s.filters);
  const tags = useApp((s) => s.tags);
  const setFilter = useApp((s) => s.setFilter);
  const setKindFilter = useApp((s) => s.setKindFilter);
  const toggleTagFilter = useApp((s) => s.toggleTagFilter);
  const clearAllFilters = useApp((s) => s.clearAllFilters);

  const tagName = (id: string) => tags.find((tag) => tag.id === id)?.name ?? t.search('unknownTag');
  const chips = chipsOf(filters, t, {
    tagName,
    day: (iso) => formatDay(iso, language, 'short'),
    setFilter,
    setKindFilter,
    toggleTagFilter,
  });
  if (chips.length === 0) return null;

  return (
    <div className="filter-chips">
      <ul className="filter-chip-list" aria-label={t.search('activeFiltersLabel')}>
        {chips.map((chip) => (
          <li key={chip.key} className="filter-chip">
            <span className="filter-chip-label">{chip.label}</span>
            <button type="button" className="filter-chip-remove" aria-label={t.search('removeFilter', { label: chip.label })} title={t.search('removeFilter', { label: chip.label })} onClick={(event) => removeChip(event.currentTarget, chip)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button filter-chips-clear" onClick={clearAllFilters}>
        {t.search('clearAllFilters')}
      </button>
    </div>
  );
}

/** Removes a chip and keeps keyboard focus nearby: the next chip, else the search box. */
function removeChip(button: HTMLElement, chip: Chip) {
  const item = button.closest('li');
  const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>('button');
  chip.remove();
  (neighbour ?? document.getElementById(SEARCH_BOX_ID))?.focus();
}

interface ChipDeps {
  tagName(id: string): string;
  day(iso: string): string;
  setFilter<K extends keyof ListFilters>(key: K, value: ListFilters[K]): void;
  setKindFilter(kind: ListFilters['kind']): void;
  toggleTagFilter(id: string): void;
}

function chipsOf(filters: ListFilters, t: Translators, deps: ChipDeps): Chip[] {
  const chips: Chip[] = [];
  if (filters.kind) {
    const kind = filters.kind === 'article' ? t.search('kindArticles') : filters.kind === 'brief' ? t.search('kindBriefs') : t.search('kindAll');
    chips.push({ key: 'kind', label: t.search('chipKind', { kind }), remove: () => deps.setKindFilter(null) });
  }
  for (const id of filters.tagIds) chips.push({ key: `tag:${id}`, label: t.search('chipTag', { name: deps.tagName(id) }), remove: () => deps.toggleTagFilter(id) });
  if (filters.place) chips.push({ key: 'place', label: t.search('chipPlace', { place: filters.place }), remove: () => deps.setFilter('place', null) });
  if (filters.agency) chips.push({ key: 'agency', label: t.search('chipAgency', { agency: filters.agency }), remove: () => deps.setFilter('agency', null) });
  if (filters.section) chips.push({ key: 'section', label: t.search('chipSection', { section: filters.section }), remove: () => deps.setFilter('section', null) });
  if (filters.from) chips.push({ key: 'from', label: t.search('chipFrom', { date: deps.day(filters.from) }), remove: () => deps.setFilter('from', null) });
  if (filters.to) chips.push({ key: 'to', label: t.search('chipTo', { date: deps.day(filters.to) }), remove: () => deps.setFilter('to', null) });
  if (filters.hasLinks) chips.push({ key: 'links', label: t.search('chipHasLinks'), remove: () => deps.setFilter('hasLinks', false) });
  if (filters.untagged) chips.push({ key: 'untagged', label: t.search('chipUntagged'), remove: () => deps.setFilter('untagged', false) });
  return chips;
}
