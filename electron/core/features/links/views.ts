import type { LinkView, SeriesView } from '../../../../shared/contract/links';
import type { Link } from '../../../../shared/types';
import type { LibraryStore } from '../../store/library-store';
import { publishedAtOf } from '../../store/meta';
import { describeLink, linksOf, seriesNameOf } from './ops';
import { orderSeries, type SeriesStoryInfo } from './series';
import { own } from '../../store/records';

// Read models of links and series for the UI, the CLI and other core modules
// (dossiers from a series, export cross-references).

/** A link seen from one of its ends, with the other story's summary (null when deleted). */
export function linkView(store: LibraryStore, link: Link, perspectiveOf: string): LinkView {
  const { label, otherId } = describeLink(link, perspectiveOf);
  return { link, label, otherId, other: store.summary(otherId) ?? null };
}

/**
 * Every link of a story, read from that story: the other story's date first
 * (undated last), then the order the links were made.
 */
export function listLinks(store: LibraryStore, storyId: string): LinkView[] {
  const views = linksOf(store.meta.links, storyId).map((link) => linkView(store, link, storyId));
  return views
    .map((view, index) => ({ view, index }))
    .sort((a, b) => {
      const da = a.view.other?.publishedAt ?? null;
      const db = b.view.other?.publishedAt ?? null;
      if (da !== db) {
        if (da === null) return 1;
        if (db === null) return -1;
        return da < db ? -1 : 1;
      }
      return a.index - b.index;
    })
    .map(({ view }) => view);
}

/** Import rank of some stories: their position in the store's import order. */
function importRanks(store: LibraryStore): (id: string) => number {
  let ranks: Map<string, number> | null = null;
  return (id) => {
    if (!ranks) {
      ranks = new Map();
      let rank = 0;
      for (const head of store.liveHeads()) ranks.set(head.id, rank++);
    }
    return ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  };
}

/**
 * The series a live story belongs to, in timeline order (see series.ts).
 * A story without series or follow-up links is a series of one.
 */
export function seriesView(store: LibraryStore, storyId: string): SeriesView {
  const meta = store.meta;
  const rank = importRanks(store);
  const info = (id: string): SeriesStoryInfo | undefined => {
    if (!store.head(id)) return undefined;
    // Lazy: the import order is only walked when a tie has to be broken (never for a series of one).
    return {
      date: publishedAtOf(own(meta.storyEdits, id), store.head(id)!),
      get rank() {
        return rank(id);
      },
    };
  };
  const order = orderSeries(storyId, meta.links, info);
  return {
    storyId,
    // A story on its own is no series, whatever name it kept from one.
    name: order.nodes.length > 1 ? seriesNameOf(meta, order.nodes.map((node) => node.id)) : null,
    entries: order.nodes.map((node) => ({
      story: store.summary(node.id)!,
      date: node.date,
      dateKnown: node.date !== null,
      placement: node.placement,
    })),
    links: order.links,
    cycle: order.cycle,
    dateConflicts: order.dateConflicts,
  };
}

/** The ids of a story's series in timeline order (for dossiers created from a series). */
export function seriesStoryIds(store: LibraryStore, storyId: string): string[] {
  return seriesView(store, storyId).entries.map((entry) => entry.story.id);
}
