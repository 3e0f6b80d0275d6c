import type { BodyBlock } from '../../../shared/types';
import { extractEntities, type Entity } from '../analysis/entities';
import { relatedEntities, type RelatedDoc } from '../analysis/related';
import { storyQuotes, type StoredQuote } from '../analysis/chronology/quote-index';
import type { SearchDoc } from '../search/index';
import type { IndexedMeta, StoryHead } from '../store/meta';
import { own } from '../store/records';
import { LIMITS } from '../../../shared/contract/limits';

// What each index reads from a stored story: one place, so the indexing worker and the
// feature worker (which works out the related index's features during a full build)
// read a story the same way.

const bodyText = (body: BodyBlock[]) => body.map((block) => block.text).join('\n');

export function searchDocOf(head: StoryHead, body: BodyBlock[], meta: IndexedMeta): SearchDoc {
  const tagNames = (own(meta.taggings, head.id) ?? []).map((id) => meta.tags.find((tag) => tag.id === id)?.name ?? '').filter(Boolean);
  return {
    id: head.id,
    headline: head.headline,
    body: bodyText(body),
    place: head.dateline.place,
    tags: tagNames,
    // Within the API's limit: a schema-valid library.json with a 300 MB note made the index build abort (V8 out of memory).
    note: (own(meta.storyEdits, head.id)?.note ?? '').slice(0, LIMITS.text),
  };
}

/** `date` is the editor's date of the story (its metadata), null when unknown. */
export function relatedDocOf(head: StoryHead, body: BodyBlock[], date: string | null): RelatedDoc {
  return relatedDocWith(head, body, date, extractEntities({ headline: head.headline, dateline: head.dateline, body }));
}

/** An entity a story's quotes may be attributed to: a person or an organisation it names. */
export type Speaker = Pick<Entity, 'key' | 'name'> & { kind: 'person' | 'organisation' };

/** The people and organisations of a story's entities, in their order: all that storyQuotes reads of them. */
export function speakersOf(entities: readonly Entity[]): Speaker[] {
  const speakers: Speaker[] = [];
  for (const { key, name, kind } of entities) if (kind === 'person' || kind === 'organisation') speakers.push({ key, name, kind });
  return speakers;
}

/** The story's quotes, resolved to its speakers (see speakersOf). */
export function quotesOf(head: StoryHead, body: BodyBlock[], speakers: readonly Speaker[]): StoredQuote[] {
  return storyQuotes(head.id, body.map((block) => block.text), speakers);
}

/**
 * The related index's document and the people and organisations the story's quotes are
 * resolved to, from one entity extraction (the quote speakers are the people the related
 * index and the tag suggestions see).
 */
export function relatedAndSpeakersOf(head: StoryHead, body: BodyBlock[], date: string | null): { related: RelatedDoc; speakers: Speaker[] } {
  // Extracted here, in the background build, not at import: it would cost a third of import time.
  const entities = extractEntities({ headline: head.headline, dateline: head.dateline, body });
  return { related: relatedDocWith(head, body, date, entities), speakers: speakersOf(entities) };
}

/** The related index's document and the story's quotes, from one entity extraction. */
export function relatedAndQuotesOf(head: StoryHead, body: BodyBlock[], date: string | null): { related: RelatedDoc; quotes: StoredQuote[] } {
  const { related, speakers } = relatedAndSpeakersOf(head, body, date);
  return { related, quotes: quotesOf(head, body, speakers) };
}

function relatedDocWith(head: StoryHead, body: BodyBlock[], date: string | null, entities: Entity[]): RelatedDoc {
  return {
    id: head.id,
    kind: head.kind,
    headline: head.headline,
    text: `${head.headline}\n${bodyText(body)}`,
    // Shared only as the related index counts them (a dateline-only place is no shared name).
    entities: relatedEntities(entities),
    place: head.dateline.place,
    date,
  };
}
