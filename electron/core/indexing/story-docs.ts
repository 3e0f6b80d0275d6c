import type { BodyBlock } from '../../../shared/types';
import { extractEntities } from '../analysis/entities';
import type { RelatedDoc } from '../analysis/related';
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
  return {
    id: head.id,
    kind: head.kind,
    headline: head.headline,
    text: `${head.headline}\n${bodyText(body)}`,
    // Extracted here, in the background build, not at import: it would cost a third of import time.
    entities: extractEntities({ headline: head.headline, dateline: head.dateline, body }),
    place: head.dateline.place,
    date,
  };
}
