import type { IndexedMeta, SegmentRecords, SegmentRef, StoryEdit } from '../store/meta';
import type { RelatedBand, RelatedReason } from '../../../shared/contract/links';
import type { SearchExpansion } from '../../../shared/contract/library';
import type { Tag } from '../../../shared/types';
import type { QuotePage, QuoteQuery, QuoteSpeaker } from '../analysis/chronology/quote-index';
import type { IndexSnapshotOptions, IndexOrigin, SnapshotLoadReport, SnapshotWriteReport } from './engine';
import type { LexiconData, LexiconOrigin } from '../text/compounds';
import type { ExitRequest } from '../workers/worker-exit';
import type { StoryMapMessage } from '../store/story-map';

// The messages between the main process (client.ts) and the indexing worker (worker.ts),
// in one place. Both ends import these types; nothing else crosses the thread boundary.
//
// Order is the contract: a worker's port delivers messages in the order they were posted,
// so a change posted before a request is in the worker's queue before the request, and
// the story numbers the worker announces (`numbers`) reach the main process before any
// reply that names them.

/** What the worker is started with (as `workerData`). */
export interface WorkerInit {
  dataDir: string;
  readOnly: boolean;
  /** The library's metadata as it fed the indexes at start, but for its per-story records (they come in `start-part` messages); later changes come as `change` messages. */
  meta: Omit<IndexedMetaMessage, 'taggings' | 'storyEdits'>;
  /** `eager`: build (or load the snapshot) at once; `lazy`: at the first request that needs the indexes. */
  start: 'eager' | 'lazy';
  snapshot: IndexSnapshotOptions;
  /** How long the worker works between turns of its own event loop (it answers queries in those turns). */
  sliceMs: number;
  /** The compound lexicon an earlier worker of this process built (shared memory), or null: this worker builds it and posts it back (`lexicon`). */
  lexicon: LexiconData | null;
  /** Searches the worker runs on its own once the indexes are ready, before it says so to `whenReady` (see warm-up.ts). */
  warmQueries: string[];
}

/** IndexedMeta as it crosses to the worker (structured clone keeps no classes): the StoryMaps as their buckets (story-map.ts, meta-patch.ts). */
export type IndexedMetaMessage = Omit<IndexedMeta, 'taggings' | 'storyEdits'> & { taggings: StoryMapMessage<string[]>; storyEdits: StoryMapMessage<StoryEdit> };

/** A change to the metadata's indexed parts: only what changed, by story id (null: removed). */
export interface MetaPatch {
  segments?: SegmentRef[];
  deleted?: string[];
  tags?: Tag[];
  taggings?: Record<string, string[] | null>;
  storyEdits?: Record<string, StoryEdit | null>;
}

/** A store change as the worker hears it. */
export type ChangeMessage =
  /** New stories, in the segments now listed (the worker reads them from disk itself). */
  | { type: 'stories-added'; ids: string[]; segments: SegmentRef[] }
  | { type: 'meta'; patch: MetaPatch };

export interface MatchAnswer {
  /** Story numbers (see `numbers` events) and their scores, unordered. */
  nums: Int32Array;
  scores: Int32Array;
  highlight: string[];
  /** Other names searched too (see SearchExpansion). */
  expansions?: SearchExpansion[];
}

export interface RelatedHit {
  id: string;
  score: number;
  /** As data (codes with parameters): the renderer, the CLI and exports put them into words. */
  reasons: RelatedReason[];
  /** Confidence band (see analysis/related/reasons.ts bandOf). */
  band: RelatedBand;
}

export interface WorkerStatus {
  origin: IndexOrigin;
  snapshotRejected: string | null;
  lastSnapshotWrite: SnapshotWriteReport | null;
  lastSnapshotLoad: SnapshotLoadReport | null;
  /** Stories in the search index. */
  stories: number;
  /** The worker's thread id (a build in another thread than the main one). */
  threadId: number;
  /** Whether the worker built the compound lexicon or was given the process's; null while it has none. */
  lexicon: LexiconOrigin | null;
  /** The worker thread's nice value (thread-priority.ts); null where threads have none of their own. */
  priority: number | null;
  /** How many of its warm-up searches (warm-up.ts) the worker has run. */
  warmSearches: number;
}

/** Each request and the value its reply carries. */
export interface Requests {
  /** Settles once the indexes are built and every change posted before it is in them. */
  whenReady: { input: Record<string, never>; output: null };
  match: { input: { query: string }; output: MatchAnswer | null };
  /** The words a search marks in the text (its answer's highlight, without the stories): null when it has nothing to search for. */
  highlight: { input: { query: string }; output: string[] | null };
  related: { input: { id: string; limit?: number; exclude?: string[] }; output: RelatedHit[] };
  /** The stories' quotes matching a query, newest first, one page. */
  quotes: { input: QuoteQuery; output: QuotePage };
  /** Who is quoted, with counts. */
  quotePeople: { input: Record<string, never>; output: QuoteSpeaker[] };
  /** Writes the snapshot now if the indexes changed since the last one. */
  saveSnapshot: { input: Record<string, never>; output: SnapshotWriteReport | null };
  status: { input: Record<string, never>; output: WorkerStatus };
  /** Writes the snapshot when due (bounded in time) and stops following changes; the worker then exits. */
  close: { input: Record<string, never>; output: null };
  /** For the crash-recovery test only: the worker exits at once, as a crash would. */
  crash: { input: Record<string, never>; output: null };
}

export type RequestName = keyof Requests;

/**
 * The rest of what a worker starts from, posted in parts right after its start, a turn of
 * the main thread's event loop each (client.ts): cloning it all with the start held that
 * thread up for ~30 ms at 67,000 stories. Parts are concatenated in order; `start-done`
 * ends them, and nothing else is posted to the worker before it.
 */
export interface StartPart {
  type: 'start-part';
  /** The next buckets of the metadata's `taggings` and `storyEdits` (StoryMapMessage), as many of each. */
  taggings: Array<ReadonlyMap<string, string[]> | undefined>;
  storyEdits: Array<ReadonlyMap<string, StoryEdit> | undefined>;
  /** The next listed segments' records as the main process read them (store.eachSegmentRecords): their heads files need not be parsed again. */
  records: SegmentRecords[];
}

export type ToWorker =
  | StartPart
  | { type: 'start-done' }
  | { type: 'change'; change: ChangeMessage }
  | ExitRequest
  | { [K in RequestName]: { type: 'request'; id: number; op: K; input: Requests[K]['input'] } }[RequestName];

/** Numbers the live search index gave (`ids[k]` is `nums[k]`) or took away, in order; `reset`: forget all before. */
export interface NumbersEvent {
  type: 'numbers';
  reset: boolean;
  ids: string[];
  nums: Int32Array;
  removed: Int32Array;
}

export interface ProgressEvent {
  type: 'progress';
  ready: boolean;
  indexed: number;
  total: number;
  origin: IndexOrigin;
}

export type FromWorker =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { message: string } }
  | NumbersEvent
  | ProgressEvent
  /** Something failed in the worker outside a request (an update, a snapshot write): reported, the worker carries on. */
  | { type: 'problem'; message: string }
  /** The worker built the compound lexicon (it was given none): the process keeps it for the next workers. */
  | { type: 'lexicon'; lexicon: LexiconData };
