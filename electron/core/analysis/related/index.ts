import type { RelatedBand, RelatedReason } from '../../../../shared/contract/links';
import type { SnapshotReader, SnapshotWriter } from '../../snapshot/codec';
import { compactionDue, compactSlots } from './compaction';
import { signatureOf, withDate, type RelatedDoc } from './doc';
import { relatedFeatures, type RelatedFeatures } from './features';
import { PostingsLayout } from './postings';
import { bandOf, reasonsFor, sharedWording, type SharedWording } from './reasons';
import { Scorer } from './scoring';
import { readRelatedState, writeRelatedState } from './snapshot';
import { RelatedState } from './state';
import { StoryStore } from './stories';
import type { StreamedTerms } from './term-stream';

export { relatedEntities, toRelatedDoc, type RelatedDoc, type RelatedKind } from './doc';
export { relatedFeatures, releaseWordingCache, type RelatedFeatures } from './features';
export { TermStream, type StreamedTerms } from './term-stream';
export type { RelatedBand, RelatedReason } from '../../../../shared/contract/links';
export { bandOf, writtenForms, writtenTerms, POSSIBLE_SCORE, STRONG_SCORE, type SharedWording } from './reasons';

// Related-story suggestions over a whole archive, in memory. One job per module:
//   state.ts       what the index holds (dictionaries, per-story columns, records)
//   stories.ts     storing a story's terms and entities as a record, removing one
//   postings.ts    the posting lists walked for candidates, and their packing
//   scoring.ts     the similarity (TF-IDF wording, entities, dates), candidates, norms
//   reasons.ts     why two stories are related, as data
//   compaction.ts  dropping removed stories once they are a quarter of all
//   snapshot.ts    the index's state in the index snapshot
//   term-stream.ts terms sent by number (the feature worker's batches), and their ids in the index
// An upsert whose indexed content did not change (a tag edit) is a no-op.

export interface RelatedHit {
  id: string;
  /** 0..1, higher is more related. */
  score: number;
  /** Reasons an editor can check, as data (shared names, shared words, days apart). */
  reasons: RelatedReason[];
  /** Confidence from the score and the evidence (see bandOf). */
  band: RelatedBand;
  /** The shared telling words by index term, for wording them as the query story writes them (writtenTerms). */
  wording: SharedWording[];
}

export interface RelatedOptions {
  /** Default 10. */
  limit?: number;
  /** Story ids never to suggest (already linked, dismissed). */
  exclude?: Set<string>;
}

export class RelatedIndex {
  private readonly stories: StoryStore;
  private readonly postings: PostingsLayout;
  private readonly scorer: Scorer;
  private changes = 0;

  constructor();
  /** @internal An index over state read from a snapshot (see readState). */
  constructor(state: RelatedState);
  constructor(private readonly state: RelatedState = new RelatedState()) {
    this.stories = new StoryStore(state);
    this.postings = new PostingsLayout(state);
    this.scorer = new Scorer(state);
  }

  get size(): number {
    return this.state.live;
  }

  /** Stories added or removed through this object so far: whether a step changed what the index holds. */
  get changeCount(): number {
    return this.changes;
  }

  /** The story's slot, or undefined when it is not indexed. */
  private slotOf(id: string): number | undefined {
    const slot = this.state.stories.get(id);
    return slot < 0 ? undefined : slot;
  }

  has(id: string): boolean {
    return this.state.stories.has(id);
  }

  /** Adds a story or replaces the indexed version of it. */
  upsert(doc: RelatedDoc): void {
    const existing = this.slotOf(doc.id);
    // A tag edit: nothing we index changed (checked before the text is worked through).
    if (existing !== undefined && this.state.slots.signature[existing] === signatureOf(doc)) return;
    this.upsertFeatures(doc.id, doc.date, relatedFeatures(doc));
  }

  /** As upsert(), with the story's features worked out beforehand (maybe by another thread; `streamed`: its terms as numbers, see StoryStore.add). */
  upsertFeatures(id: string, date: string | null, features: RelatedFeatures, streamed?: StreamedTerms): void {
    const state = this.state;
    const signature = withDate(features.contentSignature, date);
    const existing = this.slotOf(id);
    if (existing !== undefined) {
      if (state.slots.signature[existing] === signature) return;
      this.removeSlot(existing);
    }
    const slot = this.stories.add(id, date, features, signature, streamed);
    this.postings.addStory(slot);
    this.scorer.computeNorms(slot, state.live);
    state.changesSinceNorms++;
    state.changesSincePostings++;
    this.changes++;
    if (!this.maybeCompact()) this.postings.maybeRebuild();
  }

  remove(id: string): void {
    const slot = this.slotOf(id);
    if (slot === undefined) return;
    this.removeSlot(slot);
    this.maybeCompact();
  }

  /**
   * Packs the postings now, each story's indexed terms chosen with today's idf. For after
   * a bulk load: up to half of the postings may be waiting in less compact block chains,
   * chosen when the archive was half its size.
   */
  pack(): void {
    if (this.postings.unpacked) this.postings.rebuild();
  }

  /**
   * Brings the index to the state a fresh build over the same stories answers from: the
   * postings laid out again (each story's indexed terms chosen with today's idf) and every
   * norm computed with today's idf, if any story was added or removed since they last were.
   * Live adds and removals between two settles are cheaper and approximate: a story's
   * indexed terms are chosen with the idf of the moment it is added (the others keep theirs
   * until the lists are packed again) and norms are refreshed only once 5 % of the archive
   * changed, so a suggestion may be missing or scored a little differently until then.
   * For after a loaded snapshot was brought up to date (a full build packs as it ends).
   * At 20,000 stories about 0.2 s; nothing when nothing changed.
   * What a settled index still owes to its history: the spelling shown for a shared word or
   * name (the first one seen, maybe of a story removed since), and, only where it decides,
   * slot and term-id order (a story added again gets a new slot and newer terms get higher
   * ids): which postings are walked past POSTING_WALK_CAP, and ties of exactly equal weight
   * or approximate score at the cut of INDEXED_TERMS, QUERY_TERMS and CANDIDATES.
   */
  settle(): void {
    const state = this.state;
    if (state.changesSincePostings > 0 || this.postings.unpacked) this.postings.rebuild();
    if (state.changesSinceNorms > 0) this.scorer.refreshNorms();
  }

  /**
   * Writes the whole state for the index snapshot. Not a copy of the stories: the
   * dictionaries, records, postings and norms as they are, so reading it back gives an
   * index that answers exactly as this one does.
   */
  *writeState(out: SnapshotWriter): Generator<void> {
    yield* writeRelatedState(this.state, out);
  }

  /** An index from what writeState wrote (`sharedId`: see readRelatedState); throws SnapshotFormatError when it does not add up. */
  static *readState(input: SnapshotReader, sharedId?: (id: string) => string): Generator<void, RelatedIndex> {
    return new RelatedIndex(yield* readRelatedState(input, sharedId));
  }

  /** Stories related to `id`, best first. Empty when `id` is not indexed. */
  related(id: string, options: RelatedOptions = {}): RelatedHit[] {
    const state = this.state;
    const slot = this.slotOf(id);
    if (slot === undefined) return [];
    const limit = Math.max(0, Math.floor(options.limit ?? 10));
    if (limit === 0) return [];
    this.scorer.refreshNormsIfStale();

    const live = state.live;
    const candidates = this.scorer.candidates(slot, live);
    this.scorer.loadQuery(slot, live);
    try {
      const hits: { slot: number; score: number }[] = [];
      for (const candidate of candidates) {
        const otherId = state.stories.text(candidate)!;
        if (options.exclude?.has(otherId)) continue;
        const score = this.scorer.score(slot, candidate, false).score;
        if (score > 0) hits.push({ slot: candidate, score });
      }
      hits.sort((a, b) => b.score - a.score || (state.stories.text(a.slot)! < state.stories.text(b.slot)! ? -1 : 1));
      return hits.slice(0, limit).map((hit) => {
        const scored = this.scorer.score(slot, hit.slot, true);
        const score = Math.round(hit.score * 1000) / 1000;
        const wording = sharedWording(state, scored);
        const reasons = reasonsFor(state, scored, wording);
        return { id: state.stories.text(hit.slot)!, score, reasons, band: bandOf(score, reasons), wording };
      });
    } finally {
      this.scorer.unloadQuery(slot);
    }
  }

  private removeSlot(slot: number): void {
    if (this.state.stories.text(slot) === undefined) return;
    this.stories.remove(slot);
    this.state.changesSinceNorms++;
    this.state.changesSincePostings++;
    this.changes++;
  }

  /** Rebuilds records and postings without removed stories once they make up a quarter of the slots; true if it did. */
  private maybeCompact(): boolean {
    if (!compactionDue(this.state)) return false;
    compactSlots(this.state);
    this.postings.rebuild();
    return true;
  }
}
