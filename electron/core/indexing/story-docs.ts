import type { BodyBlock } from '../../../shared/types';
import { extractEntities, type Entity } from '../analysis/entities';
import { relatedEntities, type RelatedDoc } from '../analysis/related';
import { storyQuotes, type StoredQuote } from '../analysis/chronology/quote-index';
import type { SearchDoc } from '../search/index';
import type { IndexedMeta, StoryHead } from '../store/meta';
import { own } from '../store/records';
import { LIMITS } from '../../../shared/contract/define';

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

/**
 * The related index's document and the story's quotes, from one entity extraction: the
 * quote speakers are resolved to the people the related index and the tag suggestions see.
 */
export function relatedAndQuotesOf(head: StoryHead, body: BodyBlock[], date: string | null): { related: RelatedDoc; quotes: StoredQuote[] } {
  // Extracted here, in the background build, not at import: it would cost a third of import time.
  const entities = extractEntities({ headline: head.headline, dateline: head.dateline, body });
  const quotes = storyQuotes(head.id, body.map((block) => block.text), entities);
  return { related: relatedDocWith(head, body, date, entities), quotes };
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
