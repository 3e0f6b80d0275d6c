import { extractEntities } from '../entities';
import { RelatedIndex, toRelatedDoc, type RelatedBand } from '../related';
import type { LabelledRelatedStory } from './related-labelled';

// The related-story figures of docs/QUALITY.md over a labelled set (`npm run -s quality`).

export interface RelatedQuality {
  stories: number;
  /** Mean over stories of: same-event stories among the top k, k = min(5, other stories of its event). */
  sameEventShare: number;
  /** Suggestions (top ten) from another world in a band above `weak`: `a → b (band score)`. */
  crossWorldAboveWeak: string[];
  /** Same-event suggestions by band, in the top ten. */
  sameEventBands: Record<RelatedBand, number>;
  /** Stories whose top k held another event: `id: top ids`. */
  misses: string[];
}

export function measureRelated(stories: LabelledRelatedStory[]): RelatedQuality {
  const index = new RelatedIndex();
  for (const item of stories) index.upsert(toRelatedDoc({ ...item, publishedAt: item.date, entities: extractEntities(item) }));
  const byId = new Map(stories.map((item) => [item.id, item]));
  let share = 0;
  let counted = 0;
  const crossWorldAboveWeak: string[] = [];
  const misses: string[] = [];
  const sameEventBands: Record<RelatedBand, number> = { strong: 0, possible: 0, weak: 0 };
  for (const item of stories) {
    const hits = index.related(item.id, { limit: 10 });
    for (const hit of hits) {
      const other = byId.get(hit.id)!;
      if (other.world !== item.world && hit.band !== 'weak') crossWorldAboveWeak.push(`${item.id} → ${hit.id} (${hit.band} ${hit.score})`);
      if (other.event === item.event) sameEventBands[hit.band]++;
    }
    const k = Math.min(5, stories.filter((other) => other.event === item.event).length - 1);
    if (k === 0) continue;
    const top = hits.slice(0, k);
    const same = top.filter((hit) => byId.get(hit.id)!.event === item.event).length;
    share += same / k;
    counted++;
    if (same < k) misses.push(`${item.id}: ${top.map((hit) => `${hit.id} ${hit.score}`).join(', ')}`);
  }
  return { stories: stories.length, sameEventShare: counted ? share / counted : 1, crossWorldAboveWeak, sameEventBands, misses };
}
