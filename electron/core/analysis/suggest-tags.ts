import type { TagSuggestionReason } from '../../../shared/contract/tags';
import { fold } from '../text/dutch';
import type { Entity, EntityKind, EntitySource } from './entities';
import { gazetteer } from './gazetteer';

// Suggested tags for one story, from its extracted entities. Ranked by how much the
// story is about the entity: mentions (nationality adjectives at half weight), headline
// mentions extra, curated gazetteer names above names guessed from capitals.

export interface TagSuggestion {
  name: string;
  kind: EntityKind;
  /** Why, as data: mentions, then headline, then dateline. */
  reasons: TagSuggestionReason[];
}

/** An entity as extracted, or as stored (older stored entities may lack the optional fields). */
export type SuggestableEntity = Pick<Entity, 'key' | 'name' | 'count'> & {
  kind: string;
  source?: EntitySource;
  headline?: number;
  adjectives?: number;
  dateline?: boolean;
};

const SOURCE_WEIGHT: Record<EntitySource, number> = { gazetteer: 1, dateline: 0.9, pattern: 0.7 };
const HEADLINE_WEIGHT = 1.5;
const ADJECTIVE_WEIGHT = 0.5;
const DEFAULT_LIMIT = 10;
const KINDS = new Set<EntityKind>(['person', 'place', 'organisation', 'topic']);

export function suggestTags(
  entities: SuggestableEntity[],
  existingTagNames: string[],
  dismissed: string[],
  options: { limit?: number } = {},
): TagSuggestion[] {
  const blocked = new Set<string>();
  for (const name of [...existingTagNames, ...dismissed]) {
    if (typeof name !== 'string') continue;
    blocked.add(fold(name.trim()));
    // A tag `Poetin` already covers `Vladimir Poetin`.
    const entry = gazetteer().lookup(name);
    if (entry) blocked.add(entry.key);
  }

  const ranked: { suggestion: TagSuggestion; score: number; source: EntitySource; tier: number; named: number; headline: number }[] = [];
  const seen = new Set<string>();
  for (const entity of Array.isArray(entities) ? entities : []) {
    if (!entity || typeof entity.name !== 'string' || !entity.name.trim() || !(entity.count > 0)) continue;
    const key = fold(entity.name.trim());
    if (seen.has(key) || blocked.has(key) || blocked.has(String(entity.key))) continue;
    const gazetteerEntry = gazetteer().entry(String(entity.key));
    if (gazetteerEntry && gazetteerEntry.aliasKeys.some((alias) => blocked.has(alias))) continue;
    // A portfolio without its country (`Binnenlandse Zaken`, stored by an older version) could be any government's.
    if (gazetteerEntry?.generic) continue;

    const source: EntitySource = entity.source ?? (gazetteerEntry ? 'gazetteer' : 'pattern');
    const kind: EntityKind = KINDS.has(entity.kind as EntityKind) ? (entity.kind as EntityKind) : 'topic';
    const adjectives = Math.max(0, entity.adjectives ?? 0);
    const headline = Math.max(0, entity.headline ?? 0);
    const dateline = entity.dateline === true;
    const named = Math.max(0, entity.count - adjectives - (dateline ? 1 : 0));
    if (!worthSuggesting({ source, kind, named, adjectives, headline, dateline })) continue;

    seen.add(key);
    const mentions = named + (dateline ? 1 : 0) + ADJECTIVE_WEIGHT * adjectives;
    const score = SOURCE_WEIGHT[source] * (mentions + HEADLINE_WEIGHT * headline);
    const tier = tierOf(kind, source, named, gazetteerEntry?.broad === true);
    ranked.push({ suggestion: { name: entity.name, kind, reasons: reasonsFor(named, adjectives, headline, dateline) }, score, source, tier, named, headline });
  }

  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      SOURCE_WEIGHT[b.source] - SOURCE_WEIGHT[a.source] ||
      a.suggestion.name.localeCompare(b.suggestion.name, 'nl'),
  );
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const chosen = ranked.slice(0, limit);
  // The limit never drops a person the story names for a generic suggestion named no more
  // often and not in the headline (a country, a dateline, a guessed topic): that makes room.
  for (const item of ranked.slice(limit)) {
    if (item.tier !== 0) continue;
    let weakest = -1;
    for (let k = chosen.length - 1; k >= 0 && weakest < 0; k--) {
      const other = chosen[k]!;
      if (other.tier === 2 && other.headline === 0 && other.named <= item.named) weakest = k;
    }
    if (weakest < 0) break;
    chosen.splice(weakest, 1);
    chosen.push(item);
  }
  return chosen.map((item) => item.suggestion);
}

/**
 * How specific a suggestion is: 0 a person the text names, 2 something
 * generic (a country or region, a place known only from the dateline or an adjective, a
 * guessed topic), 1 anything else (an organisation, a town, a curated topic).
 */
function tierOf(kind: EntityKind, source: EntitySource, named: number, broad: boolean): number {
  if (named === 0) return 2;
  if (kind === 'person') return 0;
  if (broad || (source === 'pattern' && kind === 'topic')) return 2;
  return 1;
}

/** Guessed names need more evidence than curated ones; a country seen once as an adjective is no tag. */
function worthSuggesting(e: { source: EntitySource; kind: EntityKind; named: number; adjectives: number; headline: number; dateline: boolean }): boolean {
  // `Europese landen` in a headline: one adjective, even there, says little about the story.
  if (e.named === 0 && !e.dateline) return e.adjectives >= 2;
  if (e.source !== 'pattern') return true;
  if (e.kind === 'topic') return e.named >= 2 || e.headline > 0;
  return true;
}

function reasonsFor(named: number, adjectives: number, headline: number, dateline: boolean): TagSuggestionReason[] {
  const reasons: TagSuggestionReason[] = [];
  if (named > 0 || adjectives > 0) reasons.push({ kind: 'mentions', named, adjectives });
  if (headline > 0) reasons.push({ kind: 'inHeadline' });
  if (dateline) reasons.push({ kind: 'datelinePlace' });
  return reasons;
}
