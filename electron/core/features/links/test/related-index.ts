import { extractEntities } from '../../../analysis/entities';
import { RelatedIndex, toRelatedDoc } from '../../../analysis/related';
import type { LibraryStore } from '../../../store/library-store';

/**
 * A related-story index over every live story, built in one pass (segment by
 * segment), for tests that want one without the core's background indexing. The
 * CLI no longer builds its own: it awaits the core's indexes (`library.ready`).
 */
export async function buildRelatedIndex(store: LibraryStore): Promise<RelatedIndex> {
  const index = new RelatedIndex();
  for await (const { head, body } of store.storiesWithBodies()) {
    index.upsert(
      toRelatedDoc({
        id: head.id,
        kind: head.kind,
        headline: head.headline,
        body,
        dateline: head.dateline,
        publishedAt: store.meta.storyEdits[head.id]?.publishedAt ?? null,
        entities: extractEntities({ headline: head.headline, dateline: head.dateline, body }),
      }),
    );
  }
  return index;
}
