import type { BodyBlock } from '../../shared/types';
import { extractEntities } from './analysis/entities';
import { RelatedIndex, type RelatedDoc } from './analysis/related';
import { parseQuery } from './search/query';
import { SearchIndex, type SearchDoc } from './search/index';
import type { SearchProvider } from './service/context';
import type { LibraryStore, StoreChange } from './store/library-store';
import type { MetaDoc, StoryHead } from './store/meta';

// Keeps the search and related-story indexes in step with the store: built in
// the background at start (the window is usable meanwhile, with progress), then
// updated on every import, edit and delete.

const bodyText = (body: BodyBlock[]) => body.map((block) => block.text).join('\n');

/** The initial build hands the event loop back after at most this long. */
const BUILD_SLICE_MS = 8;

export class LibraryIndexes implements SearchProvider {
  readonly searchIndex = new SearchIndex();
  readonly relatedIndex = new RelatedIndex();
  private indexed = 0;
  private ready = false;
  private readonly unsubscribe: () => void;
  private readonly pending: StoreChange[] = [];
  private updating: Promise<void> = Promise.resolve();
  private loading: Promise<void> | null = null;
  private lastMatch: { query: string; version: number; answer: ReturnType<SearchProvider['match']> } | null = null;

  /** `eager` starts building at once (app, host); `lazy` on first use (CLI commands that never search). */
  constructor(
    private readonly store: LibraryStore,
    start: 'eager' | 'lazy' = 'eager',
  ) {
    // Changes during the initial build are queued and applied after it.
    this.unsubscribe = store.onChange((change) => {
      if (!this.ready) this.pending.push(change);
      else this.updating = this.updating.then(() => this.apply(change)).catch((error) => console.error('[kroniek] index update failed:', error));
    });
    if (start === 'eager') this.start();
  }

  private start(): Promise<void> {
    this.loading ??= this.build().catch((error) => {
      console.error('[kroniek] building the indexes failed:', error);
      this.ready = true;
    });
    return this.loading;
  }

  progress() {
    void this.start();
    return { ready: this.ready, indexed: this.indexed, total: this.store.storyCount };
  }

  /** Settles once the indexes are built and every queued change is in them. */
  async whenReady(): Promise<void> {
    await this.start();
    await this.updating;
  }

  match(query: string) {
    void this.start();
    // The list asks again for every page of the same search: the last answer stands while the index is unchanged.
    const version = this.searchIndex.version;
    const last = this.lastMatch;
    if (last && last.query === query && last.version === version) return last.answer;
    const parsed = parseQuery(query);
    const answer = parsed.empty ? null : { matches: this.searchIndex.match(parsed), highlight: parsed.highlight };
    this.lastMatch = { query, version, answer };
    return answer;
  }

  idAt(num: number): string | undefined {
    return this.searchIndex.idAt(num);
  }

  numberOf(id: string): number | undefined {
    return this.searchIndex.numberOf(id);
  }

  related(id: string, options?: { limit?: number; exclude?: Set<string> }) {
    void this.start();
    return this.relatedIndex.related(id, options);
  }

  close(): void {
    this.unsubscribe();
  }

  private searchDoc(head: StoryHead, body: BodyBlock[], meta: MetaDoc): SearchDoc {
    const tagNames = (meta.taggings[head.id] ?? []).map((id) => meta.tags.find((tag) => tag.id === id)?.name ?? '').filter(Boolean);
    return {
      id: head.id,
      headline: head.headline,
      body: bodyText(body),
      place: head.dateline.place,
      tags: tagNames,
      note: meta.storyEdits[head.id]?.note ?? '',
    };
  }

  private relatedDoc(head: StoryHead, body: BodyBlock[], meta: MetaDoc): RelatedDoc {
    return {
      id: head.id,
      kind: head.kind,
      headline: head.headline,
      text: `${head.headline}\n${bodyText(body)}`,
      // Extracted here, in the background build, not at import: it would cost a third of import time.
      entities: extractEntities({ headline: head.headline, dateline: head.dateline, body }),
      place: head.dateline.place,
      date: meta.storyEdits[head.id]?.publishedAt ?? null,
    };
  }

  private async build(): Promise<void> {
    // Story by story, handing the event loop back every few milliseconds. Not through
    // searchIndex.addMany per batch of 1,000: each call ends by trimming every posting
    // array of the whole index, so at 50,000 stories the build copied the index fifty
    // times (5 GB promoted to the old generation, RSS peaking at 1.25 GB instead of 0.7).
    let sliceStart = performance.now();
    for await (const { head, body } of this.store.storiesWithBodies()) {
      const meta = this.store.meta;
      this.relatedIndex.upsert(this.relatedDoc(head, body, meta));
      this.searchIndex.add(this.searchDoc(head, body, meta));
      this.indexed++;
      if (performance.now() - sliceStart >= BUILD_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    // With nothing left to add, addMany only trims the posting arrays, once, in slices.
    await this.searchIndex.addMany([]);
    this.relatedIndex.pack();
    this.ready = true;
    for (const change of this.pending.splice(0)) await this.apply(change);
  }

  private async apply(change: StoreChange): Promise<void> {
    const meta = this.store.meta;
    if (change.type === 'stories-added') {
      for (const id of change.ids) await this.upsert(id, meta);
      return;
    }
    const { before, after } = change;
    const touched = new Set<string>();
    if (before.deleted !== after.deleted) {
      const was = new Set(before.deleted);
      const now = new Set(after.deleted);
      for (const id of now) if (!was.has(id)) this.remove(id);
      for (const id of was) if (!now.has(id)) touched.add(id);
    }
    if (before.taggings !== after.taggings) diffKeys(before.taggings, after.taggings, touched);
    if (before.storyEdits !== after.storyEdits) diffKeys(before.storyEdits, after.storyEdits, touched);
    if (before.tags !== after.tags) {
      // A renamed or merged tag changes the indexed text of every story carrying it.
      const changedTags = new Set<string>();
      const beforeById = new Map(before.tags.map((tag) => [tag.id, tag.name]));
      for (const tag of after.tags) if (beforeById.get(tag.id) !== tag.name) changedTags.add(tag.id);
      for (const tag of before.tags) if (!after.tags.some((t) => t.id === tag.id)) changedTags.add(tag.id);
      for (const [storyId, tagIds] of Object.entries(after.taggings)) if (tagIds.some((id) => changedTags.has(id))) touched.add(storyId);
    }
    for (const id of touched) await this.upsert(id, meta);
  }

  private async upsert(id: string, meta: MetaDoc): Promise<void> {
    const head = this.store.head(id);
    if (!head) return;
    const body = (await this.store.body(id)) ?? [];
    const doc = this.searchDoc(head, body, meta);
    if (this.searchIndex.has(id)) this.searchIndex.update(doc);
    else this.searchIndex.add(doc);
    this.relatedIndex.upsert(this.relatedDoc(head, body, meta));
  }

  private remove(id: string): void {
    if (this.searchIndex.has(id)) this.searchIndex.remove(id);
    this.relatedIndex.remove(id);
  }
}

function diffKeys(before: Record<string, unknown>, after: Record<string, unknown>, into: Set<string>): void {
  for (const key of Object.keys(after)) if (before[key] !== after[key]) into.add(key);
  for (const key of Object.keys(before)) if (!(key in after)) into.add(key);
}
