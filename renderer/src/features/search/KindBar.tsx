import { useApp, useT } from '../../store';
import { viewKindOf } from '../library/list-slice';
import type { KindFilter } from './list-query';

/**
 * Articles and briefs in one list, with how many of each the search and filters
 * match: "All 7 · Articles 4 · Briefs 3". Picking the view's own kind again means
 * "as the view" (no filter chip), as in the filter panel.
 */
export function KindBar() {
  const t = useT();
  const kinds = useApp((s) => s.kinds);
  const chosen = useApp((s) => s.filters.kind);
  const viewKind = useApp((s) => viewKindOf(s));
  const setKindFilter = useApp((s) => s.setKindFilter);
  if (!kinds) return null;
  const current = chosen ?? viewKind;
  const choices: Array<{ kind: KindFilter; label: string; count: number }> = [
    { kind: 'all', label: t.search('kindBarAll'), count: kinds.article + kinds.brief },
    { kind: 'article', label: t.search('kindBarArticles'), count: kinds.article },
    { kind: 'brief', label: t.search('kindBarBriefs'), count: kinds.brief },
  ];
  return (
    <div className="kind-bar" role="group" aria-label={t.search('kindBarLabel')}>
      {choices.map(({ kind, label, count }) => (
        <button
          key={kind}
          type="button"
          className="kind-choice"
          data-kind={kind}
          aria-pressed={current === kind}
          onClick={() => setKindFilter(kind === viewKind ? null : kind)}
        >
          {label} <span className="kind-count">{t.search('kindCount', { count })}</span>
        </button>
      ))}
    </div>
  );
}
