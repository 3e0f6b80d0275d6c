// What the related-story index reads from a story, and the two things it derives from
// that before anything else: a signature (to skip an upsert that changes nothing it
// reads) and a day number (for date proximity).

export type RelatedKind = 'article' | 'brief';

export interface RelatedDoc {
  id: string;
  kind: RelatedKind;
  /** Headline + body. */
  text: string;
  headline: string;
  entities: { key: string; name: string }[];
  /** Dateline place as printed (`PYONGYANG`), or ''. */
  place: string;
  /** `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
}

/** The day number of a story without a (valid) date. */
export const NO_DATE = -2_147_483_648;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or NO_DATE. */
export function dayNumber(date: string | null): number {
  if (typeof date !== 'string') return NO_DATE;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return NO_DATE;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(time) ? Math.round(time / 86_400_000) : NO_DATE;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(hash: number, text: string): number {
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, FNV_PRIME);
  }
  hash ^= 0x1f;
  return Math.imul(hash, FNV_PRIME);
}

/** A 32-bit FNV-1a hash of what the index reads from a story's content (everything but its date). */
export function contentSignatureOf(doc: Omit<RelatedDoc, 'id' | 'date'>): number {
  let hash = FNV_OFFSET;
  hash = mix(hash, String(doc.kind));
  hash = mix(hash, String(doc.headline ?? ''));
  hash = mix(hash, String(doc.text ?? ''));
  hash = mix(hash, String(doc.place ?? ''));
  for (const entity of Array.isArray(doc.entities) ? doc.entities : []) hash = mix(hash, `${entity?.key}\u0000${entity?.name}`);
  return hash >>> 0;
}

/** The signature of a story: its content's, with its date mixed in. */
export function withDate(contentSignature: number, date: string | null): number {
  return mix(contentSignature, String(date ?? '')) >>> 0;
}

/** A 32-bit FNV-1a hash of everything the index reads from a story: an upsert with the same signature changes nothing. */
export function signatureOf(doc: RelatedDoc): number {
  return withDate(contentSignatureOf(doc), doc.date);
}

/**
 * The entities the related index weighs: an entity known only from the dateline (`DEN
 * HAAG`, named nowhere in the text) says where the copy was filed, not what it is about,
 * and is left out; otherwise every pair of briefs from The Hague shared an entity.
 */
export function relatedEntities(entities: readonly { key: string; name: string; dateline?: boolean; count?: number }[] | undefined): { key: string; name: string }[] {
  const out: { key: string; name: string }[] = [];
  for (const entity of entities ?? []) if (!(entity.dateline && (entity.count ?? 1) <= 1)) out.push({ key: entity.key, name: entity.name });
  return out;
}

/** The RelatedDoc of a story as the store keeps it. */
export function toRelatedDoc(story: {
  id: string;
  kind: RelatedKind;
  headline: string;
  body: { text: string }[];
  dateline: { place: string };
  publishedAt: string | null;
  entities?: { key: string; name: string; dateline?: boolean; count?: number }[];
}): RelatedDoc {
  const body = story.body.map((block) => block.text).join('\n');
  // A brief's headline is its own first sentence; do not repeat it.
  const text = body.startsWith(story.headline) ? body : `${story.headline}\n${body}`;
  return {
    id: story.id,
    kind: story.kind,
    headline: story.headline,
    text,
    entities: relatedEntities(story.entities),
    place: story.dateline.place,
    date: story.publishedAt,
  };
}
