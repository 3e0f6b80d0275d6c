import type { LinkLabel, LinkView } from '../../../../shared/contract/links';
import type { LinkType, StorySummary } from '../../../../shared/types';

/**
 * The editor picks how a link reads from the story they are on ("this story is
 * a follow-up of …"); the contract stores directed links once, `from` → `to`
 * (`follow-up`: `to` follows up on `from`; `background`: `from` is background to `to`).
 * These helpers translate between the two.
 */

/** The relations offered in pickers, in the order an editor thinks of them. */
export const RELATIONS: readonly LinkLabel[] = ['series', 'follow-up-of', 'followed-by', 'same-event', 'background-to', 'has-background', 'related'];

export interface Relation {
  type: LinkType;
  /** True when the story the relation is read from is the link's `from`. */
  readerIsFrom: boolean;
}

export function relationOf(label: LinkLabel): Relation {
  switch (label) {
    case 'follow-up-of':
      return { type: 'follow-up', readerIsFrom: false };
    case 'followed-by':
      return { type: 'follow-up', readerIsFrom: true };
    case 'background-to':
      return { type: 'background', readerIsFrom: true };
    case 'has-background':
      return { type: 'background', readerIsFrom: false };
    default:
      return { type: label, readerIsFrom: true };
  }
}

export const isDirected = (type: LinkType) => type === 'follow-up' || type === 'background';

/** The `links.create` calls that link each source to `otherId` as `relation` (read from the source). */
export function linkCalls(sourceIds: readonly string[], otherId: string, relation: LinkLabel): { from: string; to: string[] }[] {
  const sources = sourceIds.filter((id) => id !== otherId);
  if (sources.length === 0) return [];
  const { type, readerIsFrom } = relationOf(relation);
  // One call (one undo step) whenever the other story can be the common `from`.
  if (!isDirected(type) || !readerIsFrom) return [{ from: otherId, to: [...sources] }];
  return sources.map((from) => ({ from, to: [otherId] }));
}

/** Every `from` → `to` pair that links each source to each target as `relation` (no story to itself, each pair once). */
export function linkPairs(sourceIds: readonly string[], targetIds: readonly string[], relation: LinkLabel): { from: string; to: string }[] {
  const seen = new Set<string>();
  const pairs: { from: string; to: string }[] = [];
  for (const target of targetIds) {
    for (const call of linkCalls(sourceIds, target, relation)) {
      for (const to of call.to) {
        const key = call.from < to ? `${call.from}|${to}` : `${to}|${call.from}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ from: call.from, to });
      }
    }
  }
  return pairs;
}

/** A story offered in the link picker, with how related it is to the stories being linked (null: not known). */
export interface LinkTarget {
  story: StorySummary;
  score: number | null;
}

/**
 * The link picker's list: never one of the stories being linked; without search words the
 * most related stories first (then the rest as found), with search words the matches,
 * the related ones among them first by score, the others in search order.
 */
export function rankTargets(
  found: readonly StorySummary[],
  scores: ReadonlyMap<string, { score: number; story: StorySummary }>,
  sourceIds: readonly string[],
  browsing: boolean,
): LinkTarget[] {
  const sources = new Set(sourceIds);
  const byScore = (a: LinkTarget, b: LinkTarget) => (b.score ?? -1) - (a.score ?? -1);
  if (browsing) {
    const related = [...scores.values()]
      .filter((entry) => !sources.has(entry.story.id))
      .map((entry) => ({ story: entry.story, score: entry.score }))
      .sort(byScore);
    const shown = new Set(related.map((target) => target.story.id));
    return [...related, ...found.filter((story) => !sources.has(story.id) && !shown.has(story.id)).map((story) => ({ story, score: null }))];
  }
  // Array.prototype.sort is stable: unscored matches keep their search order.
  return found
    .filter((story) => !sources.has(story.id))
    .map((story) => ({ story, score: scores.get(story.id)?.score ?? null }))
    .sort(byScore);
}

/** The `links.update` change that makes `view` read as `relation` from its story; null when it already does. */
export function relationChange(view: LinkView, relation: LinkLabel): { type?: LinkType; reverse?: boolean } | null {
  if (view.label === relation) return null;
  const { type, readerIsFrom } = relationOf(relation);
  const change: { type?: LinkType; reverse?: boolean } = {};
  if (type !== view.link.type) change.type = type;
  // The reader's end is `from` unless the link's `from` is the other story.
  const readerIsFromNow = view.link.from !== view.otherId;
  if (isDirected(type) && readerIsFrom !== readerIsFromNow) change.reverse = true;
  return change;
}
