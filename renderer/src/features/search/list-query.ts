import type { ListQuery } from '../../../../shared/contract/library';
import type { SavedSearchItem } from '../../../../shared/contract/searches';

// The search box and the filter bar as plain data, and how they combine with the
// sidebar view into the one `stories.list` query the list answers.

/** `all` lists articles and briefs together; null leaves it to the sidebar view. */
export type KindFilter = 'article' | 'brief' | 'all';

export interface ListFilters {
  kind: KindFilter | null;
  /** Every tag must be on the story (on top of a tag view's own tag). */
  tagIds: string[];
  place: string | null;
  agency: string | null;
  section: string | null;
  /** Editor-set dates, `YYYY-MM-DD`, inclusive. */
  from: string | null;
  to: string | null;
  hasLinks: boolean;
  untagged: boolean;
}

export const NO_FILTERS: ListFilters = Object.freeze({
  kind: null,
  tagIds: [],
  place: null,
  agency: null,
  section: null,
  from: null,
  to: null,
  hasLinks: false,
  untagged: false,
}) as ListFilters;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The view's query with the search text and filters on top. Filters never widen a view except `kind`. */
export function composeListQuery(base: ListQuery, searchText: string, filters: ListFilters): ListQuery {
  const query: ListQuery = { ...base };
  const text = searchText.trim();
  if (text) query.query = text.slice(0, 1_000);
  if (filters.kind === 'all') delete query.kind;
  else if (filters.kind) query.kind = filters.kind;
  const tagIds = [...new Set([...(base.tagIds ?? []), ...filters.tagIds])];
  if (tagIds.length) query.tagIds = tagIds.slice(0, 100);
  if (filters.place) query.place = filters.place;
  if (filters.agency) query.agency = filters.agency;
  if (filters.section) query.section = filters.section;
  if (filters.from && ISO_DAY.test(filters.from)) query.from = filters.from;
  if (filters.to && ISO_DAY.test(filters.to)) query.to = filters.to;
  if (filters.hasLinks) query.hasLinks = true;
  if (filters.untagged) query.untagged = true;
  return query;
}

/** How many filters are set (for the Filters button and "Clear all"). */
export function activeFilterCount(filters: ListFilters): number {
  return (
    (filters.kind !== null ? 1 : 0) +
    filters.tagIds.length +
    [filters.place, filters.agency, filters.section, filters.from, filters.to].filter(Boolean).length +
    (filters.hasLinks ? 1 : 0) +
    (filters.untagged ? 1 : 0)
  );
}

/** What `searches.save` stores: the text and filters as the list applies them, without sort or paging. */
export function savedQueryOf(query: ListQuery): SavedSearchItem['query'] {
  const { offset: _offset, limit: _limit, sort: _sort, dir: _dir, ...saved } = query;
  return saved;
}

/**
 * A saved search back as search text and filters over the "All stories" view, which
 * lists articles when browsing and both kinds for a search: the saved kind becomes a
 * kind filter only where it differs from what the view lists by itself.
 */
export function restoreSavedQuery(saved: ListQuery): { searchText: string; filters: ListFilters } {
  const searching = (saved.query ?? '').trim() !== '';
  const viewKind = searching ? 'all' : 'article';
  const kind = saved.kind ?? 'all';
  const filters: ListFilters = {
    kind: kind === viewKind ? null : kind,
    tagIds: [...new Set(saved.tagIds ?? [])],
    place: saved.place ?? null,
    agency: saved.agency ?? null,
    section: saved.section ?? null,
    from: saved.from ?? null,
    to: saved.to ?? null,
    hasLinks: saved.hasLinks === true,
    untagged: saved.untagged === true,
  };
  return { searchText: saved.query ?? '', filters };
}
