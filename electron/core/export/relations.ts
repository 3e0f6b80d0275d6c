import type { Link } from '../../../shared/types';
import type { Relation } from './labels';
import type { DossierDocument, OutsideStory } from './model';

// Links seen from one story. A link is stored once (`from` → `to`); for the
// directed types the reading depends on which end you stand on (shared/types.ts):
// a follow-up link from A to B means B follows up on A, so A is "followed by"
// B and B is a "follow-up of" A; a background link from A to B means A is
// background to B (as links/link-ops.ts `describeLink` reads it).

export interface InsideReference {
  relation: Relation;
  /** Index into `doc.stories`. */
  index: number;
  note: string;
}

export interface OutsideReference {
  relation: Relation;
  story: OutsideStory;
  note: string;
}

export interface StoryReferences {
  inside: InsideReference[];
  outside: OutsideReference[];
}

function relationFrom(link: Link, standingOnFrom: boolean): Relation {
  switch (link.type) {
    case 'follow-up':
      return standingOnFrom ? 'followed-by' : 'follow-up-of';
    case 'background':
      return standingOnFrom ? 'background-to' : 'background';
    case 'series':
      return 'series';
    case 'same-event':
      return 'same-event';
    default:
      return 'related';
  }
}

/** For each story (same order as `doc.stories`), its links into and out of the dossier. */
export function storyReferences(doc: DossierDocument): StoryReferences[] {
  const indexOf = new Map(doc.stories.map((story, index) => [story.id, index]));
  const outsideById = new Map(doc.outsideStories.map((story) => [story.id, story]));
  const result: StoryReferences[] = doc.stories.map(() => ({ inside: [], outside: [] }));
  const seen = new Set<string>();

  function add(here: number, otherId: string, relation: Relation, note: string): void {
    const key = `${here}\u0000${otherId}\u0000${relation}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inside = indexOf.get(otherId);
    if (inside !== undefined) {
      if (inside !== here) result[here]!.inside.push({ relation, index: inside, note });
      return;
    }
    const outside = outsideById.get(otherId);
    // A link whose far end is neither in the dossier nor described is skipped: there is nothing to name.
    if (outside) result[here]!.outside.push({ relation, story: outside, note });
  }

  for (const link of doc.links) {
    const from = indexOf.get(link.from);
    const to = indexOf.get(link.to);
    if (from !== undefined) add(from, link.to, relationFrom(link, true), link.note);
    if (to !== undefined) add(to, link.from, relationFrom(link, false), link.note);
  }
  for (const refs of result) {
    refs.inside.sort((a, b) => a.index - b.index);
    refs.outside.sort((a, b) => (a.story.publishedAt ?? '').localeCompare(b.story.publishedAt ?? '') || a.story.headline.localeCompare(b.story.headline));
  }
  return result;
}
