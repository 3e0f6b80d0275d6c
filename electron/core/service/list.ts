import type { ListPage, ListQuery, SortKey } from '../../../shared/contract/library';
import { fold } from '../text/dutch';
import type { StoryHead } from '../store/meta';
import type { ServiceContext } from './context';

const DEFAULT_LIMIT = 100;
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The date a story is placed at: the editor-set date, else the import date. */
function sortDate(ctx: ServiceContext, head: StoryHead): string {
  return ctx.store.meta.storyEdits[head.id]?.publishedAt ?? head.importedAt.slice(0, 10);
}

function compareBy(ctx: ServiceContext, sort: SortKey, scores: Map<string, number> | null) {
  switch (sort) {
    case 'headline':
      return (a: StoryHead, b: StoryHead) => collator.compare(a.headline, b.headline);
    case 'place':
      return (a: StoryHead, b: StoryHead) => collator.compare(a.dateline.place, b.dateline.place) || collator.compare(a.headline, b.headline);
    case 'imported':
      return (a: StoryHead, b: StoryHead) => a.importedAt.localeCompare(b.importedAt);
    case 'relevance':
      if (scores) return (a: StoryHead, b: StoryHead) => (scores.get(a.id) ?? 0) - (scores.get(b.id) ?? 0);
      return (a: StoryHead, b: StoryHead) => sortDate(ctx, a).localeCompare(sortDate(ctx, b));
    case 'date':
    default:
      return (a: StoryHead, b: StoryHead) => sortDate(ctx, a).localeCompare(sortDate(ctx, b)) || a.importedAt.localeCompare(b.importedAt);
  }
}

function matchesFilters(ctx: ServiceContext, head: StoryHead, query: ListQuery): boolean {
  const meta = ctx.store.meta;
  if (query.kind && head.kind !== query.kind) return false;
  if (query.tagIds?.length) {
    const tags = meta.taggings[head.id];
    if (!tags || !query.tagIds.every((tag) => tags.includes(tag))) return false;
  }
  if (query.untagged && (meta.taggings[head.id]?.length ?? 0) > 0) return false;
  if (query.place && fold(head.dateline.place) !== fold(query.place)) return false;
  if (query.agency) {
    const agency = fold(query.agency);
    if (!head.dateline.agencies.some((a) => fold(a) === agency)) return false;
  }
  if (query.section && fold(head.section ?? '') !== fold(query.section)) return false;
  if (query.from || query.to) {
    const date = meta.storyEdits[head.id]?.publishedAt ?? null;
    if (!date) return false;
    if (query.from && date < query.from) return false;
    if (query.to && date > query.to) return false;
  }
  if (query.hasLinks !== undefined && (ctx.store.linkCountOf(head.id) > 0) !== query.hasLinks) return false;
  return true;
}

/** Browse, filter and search in one pass; only the requested page becomes summaries. */
export function listStories(ctx: ServiceContext, query: ListQuery): ListPage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  // Untrimmed: a trailing space tells the search that the last word is finished (not a prefix).
  const text = query.query ?? '';
  let candidates: StoryHead[];
  let scores: Map<string, number> | null = null;
  let highlight: string[] = [];
  const found = text.trim() && ctx.search ? ctx.search.search(text) : null;
  if (found) {
    scores = found.scores;
    highlight = found.highlight;
    candidates = [];
    for (const id of found.ids) {
      const head = ctx.store.head(id);
      if (head && matchesFilters(ctx, head, query)) candidates.push(head);
    }
  } else {
    candidates = [];
    for (const head of ctx.store.liveHeads()) if (matchesFilters(ctx, head, query)) candidates.push(head);
  }
  const sort: SortKey = query.sort ?? (scores ? 'relevance' : 'date');
  const dir = query.dir ?? (sort === 'headline' || sort === 'place' ? 'asc' : 'desc');
  if (!(sort === 'relevance' && scores)) {
    const compare = compareBy(ctx, sort, scores);
    candidates.sort(dir === 'asc' ? compare : (a, b) => compare(b, a));
  } else if (dir === 'asc') {
    candidates.reverse();
  }
  const page = candidates.slice(offset, offset + limit).map((head) => ctx.store.toSummary(head));
  return { total: candidates.length, offset, items: page, highlight };
}
