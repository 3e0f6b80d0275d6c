import type { SeriesPlacement } from '../../../../shared/contract/links';
import type { Link } from '../../../../shared/types';

// A series is the connected component of a story over `series` and `follow-up`
// links (either direction). Its timeline:
//
// 1. Link order: a topological order of the follow-up links (a follow-up comes
//    after the story it follows up on), ties broken by import order. If the
//    follow-ups go round in a circle, the earliest-imported story still waiting
//    is taken next, so the walk always ends (each step places one story).
// 2. Dates: a story with an editor-set date sits at that date. A story without
//    one borrows the latest date found before it along its follow-up chain (it
//    comes after that), or else the earliest date after it (it comes before
//    that), and sorts just after/before that story by link order. Stories with
//    no dated story in their chain at all (e.g. only joined by `series` links)
//    follow the dated ones, in link order. Dates win over link order when the
//    two disagree; such follow-ups are reported as date conflicts.

export const SERIES_TYPES: ReadonlySet<Link['type']> = new Set<Link['type']>(['series', 'follow-up']);

export interface SeriesStoryInfo {
  /** Editor-set date `YYYY-MM-DD`, or null. */
  date: string | null;
  /** Import rank (lower was imported earlier): breaks ties so the order is stable. */
  rank: number;
}

export interface SeriesNode {
  id: string;
  date: string | null;
  placement: SeriesPlacement;
}

export interface SeriesOrder {
  nodes: SeriesNode[];
  /** The series and follow-up links among the nodes. */
  links: Link[];
  cycle: boolean;
  dateConflicts: { from: string; to: string }[];
}

/**
 * The series containing `storyId`, in timeline order. `info` answers undefined
 * for stories that are not in the library (deleted): links to them are ignored.
 * Runs in O((V + E) log V) for the component; never loops on cycles.
 */
export function orderSeries(storyId: string, allLinks: readonly Link[], info: (id: string) => SeriesStoryInfo | undefined): SeriesOrder {
  const start = info(storyId);
  if (!start) return { nodes: [], links: [], cycle: false, dateConflicts: [] };

  const infoOf = new Map<string, SeriesStoryInfo>([[storyId, start]]);
  const live = (id: string): boolean => {
    if (infoOf.has(id)) return true;
    const found = info(id);
    if (found) infoOf.set(id, found);
    return Boolean(found);
  };
  const neighbours = new Map<string, Link[]>();
  for (const link of allLinks) {
    if (!SERIES_TYPES.has(link.type) || link.from === link.to) continue;
    for (const end of [link.from, link.to]) {
      const list = neighbours.get(end) ?? [];
      list.push(link);
      neighbours.set(end, list);
    }
  }

  // The component, breadth first.
  const members = new Set<string>([storyId]);
  const componentLinks = new Map<string, Link>();
  const queue = [storyId];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const link of neighbours.get(id) ?? []) {
      const other = link.from === id ? link.to : link.from;
      if (!live(other)) continue;
      componentLinks.set(link.id, link);
      if (!members.has(other)) {
        members.add(other);
        queue.push(other);
      }
    }
  }
  const links = [...componentLinks.values()];
  const rankOf = (id: string) => infoOf.get(id)!.rank;
  const dateOf = (id: string) => infoOf.get(id)!.date;
  const byRank = (a: string, b: string) => rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);

  // 1. Link order (Kahn's algorithm over follow-ups; duplicate edges counted once).
  const successors = new Map<string, Set<string>>();
  const predecessors = new Map<string, Set<string>>();
  for (const id of members) {
    successors.set(id, new Set());
    predecessors.set(id, new Set());
  }
  for (const link of links) {
    if (link.type !== 'follow-up') continue;
    successors.get(link.from)!.add(link.to);
    predecessors.get(link.to)!.add(link.from);
  }
  const waiting = new Map<string, number>();
  for (const id of members) waiting.set(id, predecessors.get(id)!.size);
  const ready = new MinHeap<string>(byRank);
  for (const id of members) if (waiting.get(id) === 0) ready.push(id);
  const remaining = new Set(members);
  const membersByRank = [...members].sort(byRank);
  let cursor = 0;
  /**
   * Walks back over waiting predecessors (earliest imported first) from `from` until a
   * story repeats: that loop is a circle; its earliest imported story goes next.
   * Every story left has a predecessor left, so the walk ends within |remaining| steps.
   */
  const storyOnCircle = (from: string): string => {
    const seenAt = new Map<string, number>();
    const path: string[] = [];
    let current = from;
    while (!seenAt.has(current)) {
      seenAt.set(current, path.length);
      path.push(current);
      current = [...predecessors.get(current)!].filter((id) => remaining.has(id)).sort(byRank)[0]!;
    }
    return path.slice(seenAt.get(current)).sort(byRank)[0]!;
  };
  const linkOrder: string[] = [];
  let cycle = false;
  while (remaining.size) {
    let next = ready.pop();
    while (next !== undefined && !remaining.has(next)) next = ready.pop();
    if (next === undefined) {
      // Every story left waits on another one left: the follow-ups go round in a circle.
      cycle = true;
      while (!remaining.has(membersByRank[cursor]!)) cursor++;
      next = storyOnCircle(membersByRank[cursor]!);
    }
    remaining.delete(next);
    linkOrder.push(next);
    for (const succ of successors.get(next)!) {
      if (!remaining.has(succ)) continue;
      const left = waiting.get(succ)! - 1;
      waiting.set(succ, left);
      if (left === 0) ready.push(succ);
    }
  }
  const position = new Map(linkOrder.map((id, index) => [id, index]));

  // 2. Dates borrowed along the follow-up chain (only from stories earlier/later in link order, so cycles add nothing).
  const latestBefore = new Map<string, string | null>();
  for (const id of linkOrder) {
    let latest: string | null = null;
    for (const pred of predecessors.get(id)!) {
      if (position.get(pred)! >= position.get(id)!) continue;
      const candidate = dateOf(pred) ?? latestBefore.get(pred) ?? null;
      if (candidate !== null && (latest === null || candidate > latest)) latest = candidate;
    }
    latestBefore.set(id, latest);
  }
  const earliestAfter = new Map<string, string | null>();
  for (let i = linkOrder.length - 1; i >= 0; i--) {
    const id = linkOrder[i]!;
    let earliest: string | null = null;
    for (const succ of successors.get(id)!) {
      if (position.get(succ)! <= i) continue;
      const candidate = dateOf(succ) ?? earliestAfter.get(succ) ?? null;
      if (candidate !== null && (earliest === null || candidate < earliest)) earliest = candidate;
    }
    earliestAfter.set(id, earliest);
  }

  const placed = linkOrder.map((id): SeriesNode & { key: string | null } => {
    const date = dateOf(id);
    if (date !== null) return { id, date, placement: 'date', key: date };
    const borrowed = latestBefore.get(id) ?? earliestAfter.get(id) ?? null;
    return { id, date: null, placement: borrowed === null ? 'unplaced' : 'links', key: borrowed };
  });
  // Stable sort: equal keys keep link order, so an undated follow-up stays after its base.
  placed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });

  const dateConflicts: { from: string; to: string }[] = [];
  for (const link of links) {
    if (link.type !== 'follow-up') continue;
    const from = dateOf(link.from);
    const to = dateOf(link.to);
    if (from !== null && to !== null && to < from) dateConflicts.push({ from: link.from, to: link.to });
  }
  return { nodes: placed.map(({ id, date, placement }) => ({ id, date, placement })), links, cycle, dateConflicts };
}

/** A small binary min-heap (the ready set of the topological walk). */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.less(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
