import type { SortKey } from '../../../../shared/contract/library';
import { useApp, useT } from '../../store';

export function SortControl() {
  const t = useT();
  const sort = useApp((s) => s.sort);
  const dir = useApp((s) => s.dir);
  const setSort = useApp((s) => s.setSort);
  const toggleDir = useApp((s) => s.toggleDir);
  // Relevance only means something for a search (it is chosen when one starts).
  const searching = useApp((s) => s.searchQuery.trim() !== '');
  const options: { value: SortKey; label: string }[] = [
    ...(searching || sort === 'relevance' ? [{ value: 'relevance' as const, label: t.search('sortRelevance') }] : []),
    { value: 'date', label: t.library('sortDate') },
    { value: 'headline', label: t.library('sortHeadline') },
    { value: 'place', label: t.library('sortPlace') },
    { value: 'imported', label: t.library('sortImported') },
  ];
  const dirLabel = dir === 'asc' ? t.library('sortAscending') : t.library('sortDescending');
  return (
    <div className="sort-control">
      <label>
        <span className="field-label">{t.library('sortLabel')}</span>
        <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="icon-button" onClick={toggleDir} aria-label={dirLabel} title={dirLabel}>
        <span aria-hidden="true">{dir === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>
  );
}
