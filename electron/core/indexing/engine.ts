import type { BodyBlock, Tag } from '../../../shared/types';
import type { RelatedReason } from '../../../shared/contract/links';
import type { SearchExpansion } from '../../../shared/contract/library';
import { bandOf, RelatedIndex, releaseWordingCache, writtenForms, writtenTerms, type RelatedHit } from '../analysis/related';
import { QuoteIndex, type QuotePage, type QuoteQuery, type QuoteSpeaker } from '../analysis/chronology/quote-index';
import { releaseRoleWords } from '../analysis/chronology/quotes';
import { parseQuery } from '../search/query';
import { fold, releaseStemCache } from '../text/dutch';
import { releaseCompoundCache, useCachedLexicon } from '../text/compounds';
import { SearchIndex, type Matches } from '../search/index';
import { prepareExpansion } from '../search/expand';
import { withBuildGrowth, withMemorySaving, withUncappedGrowth } from '../memory-policy';
import { sliceBreather, SLICE_MS } from '../slices';
import { SnapshotAborted, type SliceStats } from '../snapshot/codec';
import { analysisFingerprint, readSnapshotFile, SNAPSHOT_FORMAT, snapshotMetaOf, snapshotPath, writeSnapshotFile, type SnapshotMeta } from '../snapshot/index-snapshot';
import { publishedAtOf, type IndexedMeta, type StoryContent, type StoryHead } from '../store/meta';
import type { FeatureSource } from './feature-feed';
import type { StoryFeatures } from './feature-batch';
import { quotesOf, relatedAndQuotesOf, searchDocOf } from './story-docs';
import { own } from '../store/records';
import { StoryMap } from '../store/story-map';

// Keeps the search and related-story indexes in step with the library: built in
// the background at start (the window is usable meanwhile, with progress), then
// updated on every import, edit and delete. In the app it runs in the indexing worker
// (worker.ts) over the library's files (segment-library.ts); tests also run it in-process
// over a LibraryStore, which is an IndexSource as it is.
//
// The built indexes are also kept as a snapshot in the library's cache folder
// (snapshot/index-snapshot.ts): written a while after a full build and at close when
// they changed, read at the next start instead of building, then brought up to date
// with what changed in the library since (new segments, deletions, tags, notes, dates)
// through the same apply() that follows live changes.

/** A build over at least this many stories has the feature worker work out the related index's half. */
const FEATURE_FEED_STORIES = 1_000;
/** An import of at least this many stories is indexed in bulk (see apply). */
const BULK_IMPORT_STORIES = 500;
/** A snapshot is written this long after a full build: not on the way to the first searches. */
const SNAPSHOT_DELAY_MS = 10_000;
/** At close, a snapshot still being encoded after this long is abandoned (the last one stays). */
const SNAPSHOT_CLOSE_BUDGET_MS = 15_000;

export interface IndexSnapshotOptions {
  /** Read and write the snapshot (default true; never written for a read-only library). */
  enabled?: boolean;
  writeDelayMs?: number;
  closeBudgetMs?: number;
}

export interface SnapshotWriteReport {
  /** From the start of encoding to the file durably on disk. */
  ms: number;
  bytes: number;
  /** The longest the encoding held the event loop. */
  longestBlockMs: number;
}

export interface SnapshotLoadReport {
  /** From the start of reading to the indexes ready, reconciliation included. */
  ms: number;
  bytes: number;
  longestBlockMs: number;
  /** Stories added, re-indexed or removed to bring the snapshot up to date. */
  reconciled: number;
}

/** How the indexes came to be at start. */
export type IndexOrigin = 'building' | 'built' | 'snapshot';

/** A change to what feeds the indexes (a LibraryStore's StoreChange is one). */
export type IndexChange = { type: 'stories-added'; ids: string[] } | { type: 'meta'; before: IndexedMeta; after: IndexedMeta };

/** The library as the indexes read it: the store itself, or the worker's view of its files. */
export interface IndexSource {
  readonly dataDir: string;
  readonly readOnly: boolean;
  readonly meta: IndexedMeta;
  /** Live (not deleted) stories. */
  readonly storyCount: number;
  /** A live story's head (the worker reads it from disk: hence maybe a promise). */
  head(id: string): StoryHead | undefined | Promise<StoryHead | undefined>;
  /** Whether `head(id)` has a head to give, without reading it. */
  isLive(id: string): boolean;
  body(id: string): Promise<BodyBlock[] | undefined>;
  /** Every live story with its body, segment by segment; `include` picks segments by name. */
  storiesWithBodies(include?: (segment: string) => boolean): AsyncIterableIterator<StoryContent>;
  liveIds(): IterableIterator<string>;
  /** The source's own string for a story's id, if it knows the story: what the indexes read from a snapshot keep instead of a copy. */
  storedId(id: string): string | undefined;
  onChange(listener: (change: IndexChange) => void): () => void;
}

/** Told when the live search index gives a story a number or takes it away (see SearchIndex.numberOf). */
export interface NumberListener {
  /** `before`/`now` undefined: the story was not / is no longer in the index. */
  changed(id: string, before: number | undefined, now: number | undefined): void;
  /** The live index was replaced (loaded from the snapshot): its numbers are all new. */
  reset(search: SearchIndex): void;
}

export interface EngineHooks {
  numbers?: NumberListener;
  /** How long a slice of work runs before the event loop gets a turn (default SLICE_MS). */
  sliceMs?: number;
  /**
   * Starts a feed of the related index's story features for a build over the stories of
   * these segments (`only`; null: all the metadata lists), worked out on another thread
   * (indexing/feature-feed.ts); without it, or when it returns null, the engine works
   * them out itself.
   */
  features?: (meta: IndexedMeta, only: string[] | null) => FeatureSource | null;
  /** A build over at least this many stories uses `features` (default FEATURE_FEED_STORIES; tests use fewer). */
  featureFeedStories?: number;
}

interface IndexPair {
  search: SearchIndex;
  related: RelatedIndex;
  /** Each story's quotes (kept with the indexes, in the snapshot too). */
  quotes: QuoteIndex;
}

/** A snapshot that does not fit the library as it now is. */
class SnapshotMismatch extends Error {}

export class LibraryIndexes {
  private live: IndexPair = { search: new SearchIndex(), related: new RelatedIndex(), quotes: new QuoteIndex() };
  private indexed = 0;
  private ready = false;
  private readonly unsubscribe: () => void;
  private readonly pending: IndexChange[] = [];
  private updating: Promise<void> = Promise.resolve();
  private loading: Promise<void> | null = null;
  /** Briefs by the page they were captured with, as indexed: a page's date change re-dates them. */
  private readonly briefsOfPage = new Map<string, Set<string>>();
  private lastMatch: { query: string; version: number; answer: { matches: Matches; highlight: string[]; expansions: SearchExpansion[] } | null } | null = null;
  /** Store changes heard and applied: equal when the indexes reflect `store.meta`. */
  private received = 0;
  private applied = 0;
  private appliedWaiters: { target: number; resolve: () => void }[] = [];
  /** The indexes changed since the snapshot on disk (or there is none). */
  private dirty = false;
  private closed = false;
  /**
   * Set once the library is closing: the stories of a large import not indexed yet are left
   * (indexing a million of them one thread long took half an hour, and closing waited for it).
   * The snapshot is then not written: the one on disk, if any, is older than the library, and
   * the next opening catches up on the segments it does not hold, as after a crash.
   */
  private leaving = false;
  private leftUnindexed = false;
  private readonly snapshotFile: string | null;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotWrite: Promise<unknown> = Promise.resolve();
  private stopSnapshot = false;
  origin: IndexOrigin = 'building';
  /** Why the snapshot was not used, when there was one. */
  snapshotRejected: string | null = null;
  lastSnapshotWrite: SnapshotWriteReport | null = null;
  lastSnapshotLoad: SnapshotLoadReport | null = null;

  /** `eager` starts building at once (app, host); `lazy` on first use (CLI commands that never search). */
  constructor(
    private readonly store: IndexSource,
    start: 'eager' | 'lazy' = 'eager',
    private readonly snapshotOptions: IndexSnapshotOptions = {},
    private readonly hooks: EngineHooks = {},
  ) {
    this.snapshotFile = snapshotOptions.enabled === false ? null : snapshotPath(store.dataDir);
    // Changes during the initial build are queued and applied after it.
    this.unsubscribe = store.onChange((change) => {
      this.received++;
      if (!this.ready) this.pending.push(change);
      else this.updating = this.updating.then(() => this.applyCounted(change)).catch((error) => console.error('[kroniek] index update failed:', error));
    });
    if (start === 'eager') this.start();
  }

  private breather(): () => Promise<void> {
    return sliceBreather(undefined, this.hooks.sliceMs ?? SLICE_MS);
  }

  get searchIndex(): SearchIndex {
    return this.live.search;
  }

  get relatedIndex(): RelatedIndex {
    return this.live.related;
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
    return this.peekProgress();
  }

  /** As progress(), without starting a lazy build. */
  peekProgress() {
    return { ready: this.ready, indexed: this.indexed, total: this.store.storyCount };
  }

  /** Settles once the indexes are built and every queued change is in them. */
  async whenReady(): Promise<void> {
    await this.start();
    await this.updating;
  }

  /** Whether the indexes are built (or loaded): changes are then applied as they come. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Settles once the changes heard so far are applied (at once while the indexes are still being built). */
  whenUpdated(): Promise<void> {
    if (!this.ready || this.applied >= this.received) return Promise.resolve();
    const target = this.received;
    return new Promise((resolve) => this.appliedWaiters.push({ target, resolve }));
  }

  match(query: string) {
    void this.start();
    // The list asks again for every page of the same search: the last answer stands while the index is unchanged.
    const version = this.searchIndex.version;
    const last = this.lastMatch;
    if (last && last.query === query && last.version === version) return last.answer;
    const parsed = parseQuery(query);
    let answer: { matches: Matches; highlight: string[]; expansions: SearchExpansion[] } | null = null;
    if (!parsed.empty) {
      const leftOut: string[] = [];
      const matches = this.searchIndex.match(parsed, undefined, leftOut);
      // What was also searched (other names, compounds): shown to the editor, and marked in the text.
      const expansions = this.searchIndex.expansions(parsed);
      const highlight = parsed.highlight.filter((word) => !leftOut.some((prefix) => word === `${prefix}*`));
      for (const expansion of expansions) {
        for (const name of expansion.also) highlight.push(fold(name));
        for (const compound of expansion.compounds.slice(0, 50)) highlight.push(compound);
      }
      answer = { matches, highlight: [...new Set(highlight)], expansions: expansions.filter((e) => e.also.length).map((e) => ({ word: e.word, also: e.also })) };
    }
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

  get quoteIndex(): QuoteIndex {
    return this.live.quotes;
  }

  /** The quotes matching a query, newest first, one page of them. */
  quotes(query: QuoteQuery): QuotePage {
    void this.start();
    return this.live.quotes.query(query);
  }

  /** Who is quoted, with counts. */
  quotePeople(): QuoteSpeaker[] {
    void this.start();
    return this.live.quotes.people();
  }

  /**
   * As related(), with the shared words as the story itself writes them (`geweldige`, not
   * the index's `geweld…`; one written compound for its parts) and the band worked out
   * again from those reasons.
   */
  async relatedAsWritten(id: string, options?: { limit?: number; exclude?: Set<string> }): Promise<RelatedHit[]> {
    const hits = this.related(id, options);
    if (!hits.some((hit) => hit.wording.length)) return hits;
    const head = await this.store.head(id);
    const body = head ? ((await this.store.body(id)) ?? []) : [];
    const forms = writtenForms([head?.headline ?? '', ...body.map((block) => block.text)].join('\n'));
    return hits.map((hit) => {
      const terms = writtenTerms(forms, hit.wording);
      const reasons: RelatedReason[] = hit.reasons.filter((reason) => reason.kind !== 'sharedTerms');
      if (terms.length) reasons.splice(reasons[0]?.kind === 'sharedEntities' ? 1 : 0, 0, { kind: 'sharedTerms', terms });
      return { ...hit, reasons, band: bandOf(hit.score, reasons), wording: [] };
    });
  }

  /** Stops following the store; writes the snapshot first if the indexes changed since the last (bounded in time). */
  /** The library is closing: a large import still being indexed is left where it is (see `leaving`); edits are still applied. */
  leave(): void {
    this.leaving = true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.leave();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    const budget = setTimeout(() => (this.stopSnapshot = true), this.snapshotOptions.closeBudgetMs ?? SNAPSHOT_CLOSE_BUDGET_MS);
    try {
      if (this.ready && this.canWriteSnapshot()) {
        // Changes still queued (or waiting behind a snapshot being written) count too.
        await this.snapshotWrite;
        await this.updating;
        if (this.dirty && !this.leftUnindexed) await this.saveSnapshot();
      }
      await this.snapshotWrite;
    } finally {
      clearTimeout(budget);
      this.unsubscribe();
    }
  }

  private canWriteSnapshot(): boolean {
    return this.snapshotFile !== null && !this.store.readOnly;
  }

  /**
   * Writes the snapshot now if the indexes changed since the last one; null when
   * nothing was written (unchanged, not ready, read-only, failed: logged).
   */
  saveSnapshot(): Promise<SnapshotWriteReport | null> {
    const run = this.snapshotWrite.then(() => this.writeSnapshot());
    this.snapshotWrite = run.catch(() => {});
    return run;
  }

  private async writeSnapshot(): Promise<SnapshotWriteReport | null> {
    // Never of indexes a closing left incomplete: the snapshot would say they hold every listed segment.
    if (!this.ready || !this.dirty || this.leftUnindexed || !this.canWriteSnapshot()) return null;
    const started = performance.now();
    const stats: SliceStats = { longestBlockMs: 0, slices: 0 };
    // Written as a turn of the update chain (encoding in slices, each slice's bytes written
    // before the next): changes heard meanwhile wait behind it, so the file holds one state
    // of the indexes, the one `store.meta` describes now. About 2 s at 50,000 stories.
    const turn = this.updating.then(async () => {
      if (this.received !== this.applied) return null;
      const meta = snapshotMetaOf(this.store.meta);
      this.dirty = false;
      return writeSnapshotFile(this.snapshotFile!, meta, this.live.search, this.live.related, this.live.quotes, stats, () => this.stopSnapshot);
    });
    this.updating = turn.then(
      () => {},
      () => {},
    );
    try {
      const bytes = await turn;
      if (bytes === null) return null;
      this.lastSnapshotWrite = { ms: performance.now() - started, bytes, longestBlockMs: stats.longestBlockMs };
      return this.lastSnapshotWrite;
    } catch (error) {
      this.dirty = true;
      if (!(error instanceof SnapshotAborted)) console.error(`[kroniek] writing the index snapshot failed: ${(error as Error).message}`);
      return null;
    }
  }

  private scheduleSnapshot(attempt = 0): void {
    if (!this.canWriteSnapshot() || this.closed || attempt > 3) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.saveSnapshot().then((written) => {
        // Changes were still being applied: try again a little later.
        if (!written && this.dirty) this.scheduleSnapshot(attempt + 1);
      });
    }, this.snapshotOptions.writeDelayMs ?? SNAPSHOT_DELAY_MS);
    this.snapshotTimer.unref?.();
  }

  /** Resolves once a snapshot write under way (deferred or at close) has finished. */
  async whenSnapshotWritten(): Promise<void> {
    await this.snapshotWrite;
  }

  private async build(): Promise<void> {
    await this.buildOrLoad();
    // What the first search would otherwise read (names, lexicon), read while the editor looks at the list.
    setTimeout(prepareExpansion, 0);
  }

  private async buildOrLoad(): Promise<void> {
    if (this.snapshotFile && (await this.loadSnapshot())) return;
    await this.buildFromStories();
    this.ready = true;
    this.origin = 'built';
    for (const change of this.pending.splice(0)) await this.applyCounted(change);
    this.dirty = true;
    this.scheduleSnapshot();
  }

  /**
   * Story by story, handing the event loop back every few milliseconds; the search
   * postings are added in bulk (merged into the index now and then, and at the end),
   * which leaves every posting list at its exact length.
   */
  private async buildFromStories(): Promise<void> {
    const breather = this.breather();
    const feed = this.store.storyCount >= (this.hooks.featureFeedStories ?? FEATURE_FEED_STORIES) ? (this.hooks.features?.(this.store.meta, null) ?? null) : null;
    try {
      // With more room for the old generation to grow than the lasting cap (memory-policy.ts).
      await withBuildGrowth(async () => {
        for await (const { head, body } of this.store.storiesWithBodies()) {
          this.index(this.live, head, body, this.store.meta, 'bulk', await feed?.take(head.id));
          this.indexed++;
          await breather();
          if (this.live.search.bulkMergeDue) await this.mergeBulk(this.live, breather);
        }
      });
    } finally {
      feed?.close();
    }
    // The last steps allocate about 100 MB (every common word's list anew, the related
    // index's packed lists) while the loop's garbage is still resident: V8's memory-saving
    // mode makes the collections they set off compact, so the pages are reused rather than
    // added to (see memory-policy.ts).
    await withMemorySaving(async () => {
      await this.mergeBulk(this.live, breather);
      this.live.related.pack();
      // The posting lists as the snapshot keeps them, at once: merged, they are an array per
      // term and slot (~100 MB more at 52,000 stories) until frozen, which the snapshot
      // write did 10 s later, and never in a read-only library.
      for (const _ of this.live.search.compactInSlices()) await breather();
    });
    // What the build's words filled: the thread now reads only the few words of edits and queries.
    releaseStemCache();
    releaseWordingCache();
    releaseCompoundCache();
    releaseRoleWords();
  }

  /**
   * Loads the snapshot and brings it up to date; false (after one log line) when there
   * is none or it does not fit, and the indexes are then built from the stories. The
   * loaded indexes replace the (empty) live ones only once they are up to date.
   */
  private async loadSnapshot(): Promise<boolean> {
    const started = performance.now();
    const stats: SliceStats = { longestBlockMs: 0, slices: 0 };
    try {
      // What is read is kept (the indexes): collecting under the cap meanwhile would find little to free.
      const loaded = await withUncappedGrowth(() => readSnapshotFile(this.snapshotFile!, stats, (id) => this.store.storedId(id) ?? id));
      if (!loaded) return false;
      // Before reconciling, which may index stories: a lexicon of this code is then not built again.
      if (loaded.lexicon) useCachedLexicon(loaded.lexicon.data, loaded.lexicon.fingerprint);
      const pair = { search: loaded.search, related: loaded.related, quotes: loaded.quotes };
      const reconciled = await this.reconcile(pair, loaded.meta);
      this.live = pair;
      this.hooks.numbers?.reset(pair.search);
      this.lastMatch = null;
      this.indexed = pair.search.size;
      this.ready = true;
      this.origin = 'snapshot';
      this.lastSnapshotLoad = { ms: performance.now() - started, bytes: loaded.bytes, longestBlockMs: stats.longestBlockMs, reconciled };
      for (const change of this.pending.splice(0)) await this.applyCounted(change);
      // Written again in this version's format, so that the next opening reads it as it is.
      if (loaded.format !== SNAPSHOT_FORMAT) this.dirty = true;
      if (this.dirty) this.scheduleSnapshot();
      return true;
    } catch (error) {
      this.snapshotRejected = (error as Error).message || String(error);
      this.dirty = false;
      console.warn(`[kroniek] index snapshot not used (${this.snapshotRejected}); building the indexes from the stories`);
      return false;
    }
  }

  /**
   * Brings loaded indexes up to what the library holds now: the metadata that feeds
   * them is diffed with apply() (deletions, restores, tags, notes, dates), stories in
   * segments the snapshot does not cover are added, and a last sweep makes sure the
   * indexed stories are exactly the live ones. Returns how many stories it touched.
   */
  private async reconcile(pair: IndexPair, snapshot: SnapshotMeta): Promise<number> {
    const meta = this.store.meta;
    if (snapshot.library !== meta.createdAt) throw new SnapshotMismatch('it belongs to another library');
    if (snapshot.analysis !== analysisFingerprint()) throw new SnapshotMismatch('it was made by another version of the text analysis');
    const segments = new Set(meta.segments.map((segment) => segment.name));
    for (const name of snapshot.segments) if (!segments.has(name)) throw new SnapshotMismatch(`it covers segment ${name}, which the library no longer lists`);
    if (pair.search.size !== pair.related.size) throw new SnapshotMismatch('its two indexes hold different stories');
    for (const id of pair.search.ids()) if (!pair.related.has(id)) throw new SnapshotMismatch('its two indexes hold different stories');
    if (pair.quotes.size !== pair.search.size) throw new SnapshotMismatch('its quotes are of other stories than its indexes');
    for (const id of pair.search.ids()) if (!pair.quotes.has(id)) throw new SnapshotMismatch('its quotes are of other stories than its indexes');

    let touched = 0;
    const count = () => touched++;
    const relatedChanges = pair.related.changeCount;
    await this.apply({ type: 'meta', before: sharedWith(snapshot, meta), after: meta }, pair, count);
    const covered = new Set(snapshot.segments);
    const breather = this.breather();
    const uncovered = meta.segments.filter((segment) => !covered.has(segment.name));
    const uncoveredStories = uncovered.reduce((sum, segment) => sum + segment.count, 0);
    const feed = uncoveredStories >= (this.hooks.featureFeedStories ?? FEATURE_FEED_STORIES) ? (this.hooks.features?.(meta, uncovered.map((segment) => segment.name)) ?? null) : null;
    try {
      for await (const { head, body } of this.store.storiesWithBodies((name) => !covered.has(name))) {
        this.index(pair, head, body, this.store.meta, 'bulk', await feed?.take(head.id));
        touched++;
        await breather();
        if (pair.search.bulkMergeDue) await this.mergeBulk(pair, breather);
      }
    } finally {
      feed?.close();
    }
    await this.mergeBulk(pair, breather);
    // Normally nothing left to do: only a snapshot written from a state this code did not foresee.
    for (const id of [...pair.search.ids()]) {
      // Without reading any head: reading them all cost a snapshot start ~0.1 s of CPU at 52,000 stories.
      if (!this.store.isLive(id)) {
        this.remove(id, pair);
        touched++;
      }
    }
    for (const id of [...this.store.liveIds()]) {
      if (!pair.search.has(id)) {
        await this.upsert(id, this.store.meta, pair);
        touched++;
      }
    }
    // Brought up to date, the related index answers as a fresh build over these stories would:
    // its postings and norms follow today's idf again (RelatedIndex.settle). A snapshot whose
    // stories did not change answers as the indexes that wrote it did, settled or not.
    if (pair.related.changeCount !== relatedChanges) pair.related.settle();
    return touched;
  }

  private async applyCounted(change: IndexChange): Promise<void> {
    try {
      await this.apply(change, this.live);
    } finally {
      this.applied++;
      if (this.appliedWaiters.length) {
        const waiting = this.appliedWaiters;
        this.appliedWaiters = waiting.filter((waiter) => waiter.target > this.applied);
        for (const waiter of waiting) if (waiter.target <= this.applied) waiter.resolve();
      }
    }
  }

  private async apply(change: IndexChange, pair: IndexPair, onTouch?: () => void): Promise<void> {
    const meta = this.store.meta;
    const breather = this.breather();
    if (change.type === 'stories-added') {
      // A large import is added in bulk, like the start-up build; a few stories one by one
      // (a bulk merge copies every list it extends, common words' lists included).
      const mode = change.ids.length >= BULK_IMPORT_STORIES ? 'bulk' : 'one';
      for (const id of change.ids) {
        if (this.leaving && mode === 'bulk') {
          this.leftUnindexed = true;
          return;
        }
        await this.upsert(id, meta, pair, mode);
        onTouch?.();
        await breather();
        if (pair.search.bulkMergeDue) await this.mergeBulk(pair, breather);
      }
      await this.mergeBulk(pair, breather);
      return;
    }
    const { before, after } = change;
    const touched = new Set<string>();
    if (before.deleted !== after.deleted) {
      const was = new Set(before.deleted);
      const now = new Set(after.deleted);
      for (const id of now) {
        if (!was.has(id) && (pair.search.has(id) || pair.related.has(id) || pair.quotes.has(id))) {
          this.remove(id, pair);
          onTouch?.();
        }
      }
      for (const id of was) if (!now.has(id)) touched.add(id);
    }
    if (before.taggings !== after.taggings) for (const id of StoryMap.changedKeys(before.taggings, after.taggings)) touched.add(id);
    if (before.storyEdits !== after.storyEdits) {
      for (const id of StoryMap.changedKeys(before.storyEdits, after.storyEdits)) touched.add(id);
      // A page's date is its briefs' date too (relatedDateOf).
      for (const id of [...touched]) for (const brief of this.briefsOfPage.get(id) ?? []) touched.add(brief);
    }
    if (before.tags !== after.tags) {
      // A renamed or merged tag changes the indexed text of every story carrying it.
      const changedTags = new Set<string>();
      const beforeById = new Map(before.tags.map((tag) => [tag.id, tag.name]));
      for (const tag of after.tags) if (beforeById.get(tag.id) !== tag.name) changedTags.add(tag.id);
      for (const tag of before.tags) if (!after.tags.some((t) => t.id === tag.id)) changedTags.add(tag.id);
      for (const [storyId, tagIds] of after.taggings) if (tagIds.some((id) => changedTags.has(id))) touched.add(storyId);
    }
    for (const id of touched) {
      if (await this.upsert(id, meta, pair)) onTouch?.();
      await breather();
    }
  }

  /** Indexes a story again (or anew); false when it is not a live story. */
  private async upsert(id: string, meta: IndexedMeta, pair: IndexPair, mode: 'one' | 'bulk' = 'one'): Promise<boolean> {
    const head = await this.store.head(id);
    if (!head) return false;
    const body = (await this.store.body(id)) ?? [];
    this.index(pair, head, body, meta, mode);
    return true;
  }

  /**
   * `bulk` for one of many new stories: see SearchIndex.addInBulk (the caller merges).
   * `features`: the related index's and the quotes, worked out elsewhere (the feature feed).
   */
  private index(pair: IndexPair, head: StoryHead, body: BodyBlock[], meta: IndexedMeta, mode: 'one' | 'bulk' = 'one', features?: StoryFeatures): void {
    const doc = searchDocOf(head, body, meta);
    const before = pair.search.numberOf(head.id);
    if (before !== undefined) pair.search.update(doc);
    else if (mode === 'bulk') pair.search.addInBulk(doc);
    else pair.search.add(doc);
    // Related: a brief takes its page's date when it has none of its own. Quotes: the story's own date.
    const date = relatedDateOf(head, meta);
    const ownDate = publishedAtOf(own(meta.storyEdits, head.id), head);
    if (head.kind === 'brief' && head.pageId) {
      let briefs = this.briefsOfPage.get(head.pageId);
      if (!briefs) this.briefsOfPage.set(head.pageId, (briefs = new Set()));
      briefs.add(head.id);
    }
    if (features) {
      pair.related.upsertFeatures(head.id, date, features.related, features.terms);
      pair.quotes.set(head.id, ownDate, quotesOf(head, body, features.speakers));
    } else {
      const { related, quotes } = relatedAndQuotesOf(head, body, date);
      pair.related.upsert(related);
      pair.quotes.set(head.id, ownDate, quotes);
    }
    this.dirty = true;
    if (pair === this.live && this.hooks.numbers) {
      const now = pair.search.numberOf(head.id);
      if (now !== before) this.hooks.numbers.changed(head.id, before, now);
    }
  }

  /** Merges the search postings added in bulk, handing the event loop back between slices. */
  private async mergeBulk(pair: IndexPair, breather: () => Promise<void>): Promise<void> {
    for (const _ of pair.search.mergeBulk()) await breather();
  }

  private remove(id: string, pair: IndexPair): void {
    const before = pair.search.numberOf(id);
    if (before !== undefined) {
      pair.search.remove(id);
      if (pair === this.live) this.hooks.numbers?.changed(id, before, undefined);
    }
    pair.related.remove(id);
    pair.quotes.remove(id);
    this.dirty = true;
  }
}

/**
 * The date the related index ranks a story by: its own (the editor's, else the feed's),
 * and for an undated brief the date of the page it was captured with, when known.
 */
export function relatedDateOf(head: StoryHead, meta: IndexedMeta): string | null {
  const date = publishedAtOf(own(meta.storyEdits, head.id), head);
  if (date !== null || head.kind !== 'brief' || !head.pageId) return date;
  return own(meta.storyEdits, head.pageId)?.publishedAt ?? null;
}

/**
 * The snapshot's metadata inputs as a `before` document for apply(), which tells
 * changes by identity (meta is replaced, never edited in place): every part equal in
 * value to the current document's is replaced by the current one's own object, so only
 * what really changed since the snapshot is indexed again.
 */
function sharedWith(snapshot: SnapshotMeta, meta: IndexedMeta): IndexedMeta {
  const sameList = (a: readonly string[], b: readonly string[] | undefined) => !!b && a.length === b.length && a.every((value, k) => value === b[k]);
  const sameTags = (a: readonly Tag[], b: readonly Tag[]) => a.length === b.length && a.every((tag, k) => tag.id === b[k]!.id && tag.name === b[k]!.name);
  return {
    ...meta,
    deleted: sameList(snapshot.deleted, meta.deleted) ? meta.deleted : snapshot.deleted,
    tags: sameTags(snapshot.tags, meta.tags) ? meta.tags : snapshot.tags,
    taggings: shareEqual(snapshot.taggings, meta.taggings, sameList),
    // pageVersions: a story that took in page text as a version is indexed with that text (if the snapshot does not keep it, such a story is indexed again on open).
    storyEdits: shareEqual(snapshot.storyEdits, meta.storyEdits, (a, b) => !!b && (a.note ?? '') === (b.note ?? '') && (a.publishedAt ?? null) === (b.publishedAt ?? null) && (a.pageVersions?.at(-1) ?? null) === (b.pageVersions?.at(-1) ?? null)),
  };
}

function shareEqual<T>(before: StoryMap<T>, after: StoryMap<T>, same: (a: T, b: T | undefined) => boolean): StoryMap<T> {
  const shared: Array<[string, T]> = [];
  let all = before.size === after.size;
  before.forEach((value, key) => {
    const now = after.get(key);
    if (same(value, now)) shared.push([key, now!]);
    else {
      shared.push([key, value]);
      all = false;
    }
  });
  return all ? after : StoryMap.from(shared);
}
