import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ServiceError } from '../../../shared/contract/envelope';
import type { Matches } from '../search/index';
import type { StoryNumbers } from '../features/library/list-keys';
import type { LibraryStore, StoreChange } from '../store/library-store';
import { indexedMetaOf, type SegmentRecords, type SegmentRef } from '../store/meta';
import type { IndexOrigin, IndexSnapshotOptions } from './engine';
import { indexedMetaMessage, metaPatch } from './meta-patch';
import type { QuotePage, QuoteQuery, QuoteSpeaker } from '../analysis/chronology/quote-index';
import type { SearchExpansion } from '../../../shared/contract/library';
import type { ChangeMessage, FromWorker, NumbersEvent, RelatedHit, RequestName, Requests, StartPart, ToWorker, WorkerInit, WorkerStatus } from './protocol';
import { indexingWorkerEntry } from '../workers/worker-entry';
import { started, stopWorker, type WorkerEnd } from '../workers/worker-exit';
import { lexiconData, type LexiconData } from '../text/compounds';
import { nextTurn, OrderedInbox, type Foreground } from '../slices';

// The main process's side of the indexing worker (worker.ts): starts it, tells it every
// change of the store, asks it the queries, and keeps what the list needs at hand
// without asking (the story numbers of its search index, the build's progress).
//
// The store stays here; the worker reads the immutable content segments from disk
// itself and hears the metadata as patches (meta-patch.ts), posted a turn after the edit
// so an edit's own time does not include them. A worker that dies is started again (it
// loads the snapshot or builds anew) up to MAX_RESTARTS times in RESTART_WINDOW_MS; after
// that the indexes are in a failed state that every query reports.

/**
 * The compound lexicon (text/compounds.ts) as the process's first indexing worker built it,
 * in shared memory: handed to every later worker (the next library's, a restarted one, and
 * through it the feature worker), so that it is built once per process, and never on the
 * main thread (~0.1 s that would hold up its event loop at open).
 */
let processLexicon: LexiconData | null = null;
const lexiconWaiters: Array<(lexicon: LexiconData) => void> = [];

/** The lexicon the workers of this process share, or null before a worker built it. */
export function sharedLexicon(): LexiconData | null {
  // A lexicon this thread has already (plain code used it here) is as good: not built for the workers.
  return processLexicon ?? lexiconData();
}

/** Settles once the process has a lexicon to share (for tests: a worker built it and posted it). */
export function whenLexiconShared(): Promise<LexiconData> {
  const now = sharedLexicon();
  return now ? Promise.resolve(now) : new Promise((resolve) => lexiconWaiters.push(resolve));
}

/** How many lexicons workers built and posted to this process (one, unless libraries opened at once). */
let lexiconsPosted = 0;

/** For tests: how many lexicons workers of this process have built and posted. */
export function lexiconsReceived(): number {
  return lexiconsPosted;
}

function keepLexicon(lexicon: LexiconData): void {
  lexiconsPosted++;
  processLexicon ??= lexicon;
  for (const waiter of lexiconWaiters.splice(0)) waiter(processLexicon);
}

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
/** A request answered while the worker's start is posted holds each part back at most this long (feedStart). */
const START_GIVES_WAY_AT_MOST_MS = 50;
/** Entries (stories' taggings, edits, records) per part of a worker's start (feedStart): ~1 ms of cloning each. */
const START_PART_ENTRIES = 5_000;
/** A worker slice: long enough that yielding costs nothing, short enough that a query waits little. */
const WORKER_SLICE_MS = 25;
/**
 * A `numbers` message with at least this many stories takes a turn of the main thread's event
 * loop of its own: a snapshot load tells every story's number at once when it ends (14 messages
 * of 5,000 at 67,000 stories, delivered in one turn), ~6 ms of mirroring each.
 */
const NUMBERS_PER_TURN = 1_000;

export interface IndexingOptions {
  /** `eager` starts the worker and the build at once (app, host); `lazy` at the first query (CLI). */
  start?: 'eager' | 'lazy';
  snapshot?: IndexSnapshotOptions;
  /** The requests being answered: the worker's start gives way to them (see feedStart). */
  foreground?: Foreground;
  /** Searches of the library's own words, which the worker runs once its indexes are ready (asked at each start of a worker; see warm-up.ts). */
  warmQueries?: () => string[];
}

export interface IndexProgress {
  ready: boolean;
  indexed: number;
  total: number;
}

/** How the indexes came to be ready, as the main process saw it. */
export interface BuildReport {
  origin: IndexOrigin;
  /** When the worker was started (performance.now() of this thread). */
  startedAt: number;
  /** From the worker's start to ready. */
  ms: number;
  /** The longest the main process's event loop was held up meanwhile: the worker's start itself (its message cloned on this thread) or the longest gap monitorEventLoopDelay saw after it. */
  mainLongestBlockMs: number;
  /** How long starting the worker held up this thread (the init message's clone, the thread's creation). */
  startBlockMs: number;
}

export type IndexingState = 'idle' | 'running' | 'closed' | 'failed';

/** What the list needs of the search index: its answers, its story numbers, its readiness. */
export interface SearchProvider extends StoryNumbers {
  /**
   * Every matching story by number, with its score, unordered (the list counts them
   * all but orders only a page). Null when the query has nothing to search for
   * (blank, punctuation or stopwords only).
   */
  match(query: string): Promise<{ matches: Matches; highlight: string[]; expansions?: SearchExpansion[] } | null>;
  /** The words the search for `query` marks in the text (match's highlight, without its stories). */
  highlight(query: string): Promise<string[] | null>;
  /** Index build progress (as last heard; starts a lazy build). */
  progress(): IndexProgress;
  /** Settles once the indexes are built and every change made before the call is in them. */
  whenReady(): Promise<void>;
  /** Changes whenever the story numbers start over (a worker restarted): keys kept by number are then stale. */
  readonly numbering: number;
}

export interface RelatedProvider {
  related(id: string, options?: { limit?: number; exclude?: Set<string> }): Promise<RelatedHit[]>;
}

/** The stories' quotes, as the indexing worker keeps them. */
export interface QuotesProvider {
  quotes(query: QuoteQuery): Promise<QuotePage>;
  quotePeople(): Promise<QuoteSpeaker[]>;
}

/** The worker's story numbers, mirrored from its `numbers` events. */
class NumberMirror implements StoryNumbers {
  private idOf: Array<string | undefined> = [];
  private readonly numOf = new Map<string, number>();
  generation = 0;
  /** See StoryNumbers.numbersRevision. */
  numbersRevision = 0;

  /** `intern` gives the store's own string for an id: a message's ids are new copies (1.7 MB at 52,000 stories). */
  constructor(private readonly intern: (id: string) => string) {}

  clear(): void {
    this.idOf = [];
    this.numOf.clear();
    this.generation++;
    this.numbersRevision++;
  }

  apply(event: NumbersEvent): void {
    if (event.reset) this.clear();
    if (event.removed.length || event.ids.length) this.numbersRevision++;
    for (const num of event.removed) {
      const id = this.idOf[num];
      if (id === undefined) continue;
      this.idOf[num] = undefined;
      if (this.numOf.get(id) === num) this.numOf.delete(id);
    }
    for (let k = 0; k < event.ids.length; k++) {
      const num = event.nums[k]!;
      const id = this.intern(event.ids[k]!);
      // Grown densely: an array first written far past its end becomes a slow hash table.
      while (this.idOf.length <= num) this.idOf.push(undefined);
      this.idOf[num] = id;
      this.numOf.set(id, num);
    }
  }

  idAt(num: number): string | undefined {
    return this.idOf[num];
  }

  numberOf(id: string): number | undefined {
    return this.numOf.get(id);
  }
}

interface Pending {
  op: RequestName;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A store change waiting to be posted, with the segments listed when it was heard. */
interface Outgoing {
  change: StoreChange;
  segments: SegmentRef[];
}

export class IndexingClient implements SearchProvider, RelatedProvider, QuotesProvider {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly numbers = new NumberMirror((id) => this.store.storedId(id) ?? id);
  private heard: { ready: boolean; indexed: number; origin: IndexOrigin } = { ready: false, indexed: 0, origin: 'building' };
  private readonly outbox: Outgoing[] = [];
  private flushScheduled = false;
  private readonly unsubscribe: () => void;
  private restarts: number[] = [];
  private stateNow: IndexingState = 'idle';
  private failure: string | null = null;
  private startedAt = 0;
  private startBlockMs = 0;
  /** Ends the start's wait for the requests in flight (giveWay). */
  private wakeStart: (() => void) | null = null;
  private readonly startSentListeners = new Set<() => void>();
  /** Requests made while the worker's start is being posted (feedStart), sent after it; null once it is. */
  private held: Pending[] | null = null;
  private probe: IntervalHistogram | null = null;
  private readonly readyListeners = new Set<() => void>();
  /** The current worker's messages, in order (a large piece of story numbers a turn of its own, see NUMBERS_PER_TURN); a stopped worker's are dropped. */
  private readonly inbox = new OrderedInbox<{ worker: Worker; message: FromWorker }>(
    ({ worker, message }) => {
      if (worker === this.worker) this.receive(message);
    },
    ({ message }) => message.type === 'numbers' && message.ids.length >= NUMBERS_PER_TURN,
  );
  /** Set once close() began: the worker's exit is then expected, not a crash. */
  private closing = false;
  /** The last build (or snapshot load) that reached ready. */
  lastBuild: BuildReport | null = null;
  /** How the worker ended at close (for tests: 'exited' unless it hung). */
  workerEnd: WorkerEnd | null = null;

  constructor(
    private readonly store: LibraryStore,
    private readonly options: IndexingOptions = {},
    private readonly entry = indexingWorkerEntry(),
  ) {
    this.unsubscribe = store.onChange((change) => {
      if (!this.worker) return; // a worker started later reads the library as it then is
      this.outbox.push({ change, segments: store.meta.segments });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushChanges());
      }
    });
    if ((options.start ?? 'eager') === 'eager') this.ensureStarted();
  }

  get state(): IndexingState {
    return this.stateNow;
  }

  /** Why the indexes failed, when `state` is `failed`. */
  get failureReason(): string | null {
    return this.failure;
  }

  get numbering(): number {
    return this.numbers.generation;
  }

  idAt(num: number): string | undefined {
    return this.numbers.idAt(num);
  }

  numberOf(id: string): number | undefined {
    return this.numbers.numberOf(id);
  }

  get numbersRevision(): number {
    return this.numbers.numbersRevision;
  }

  progress(): IndexProgress {
    this.ensureStarted();
    return { ready: this.heard.ready, indexed: this.heard.indexed, total: this.store.storyCount };
  }

  /**
   * Called whenever the worker has been sent everything it starts from (see feedStart; after
   * a restart too): the main thread's own background work, started after, does not hold up
   * that start. Returns an unsubscribe.
   */
  onStartSent(listener: () => void): () => void {
    this.startSentListeners.add(listener);
    return () => this.startSentListeners.delete(listener);
  }

  /** Called whenever the indexes become ready (after a build, a snapshot load, a restart); returns an unsubscribe. */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  async whenReady(): Promise<void> {
    await this.request('whenReady', {});
  }

  async match(query: string): Promise<{ matches: Matches; highlight: string[]; expansions?: SearchExpansion[] } | null> {
    const answer = await this.request('match', { query });
    return answer && { matches: { nums: answer.nums, scores: answer.scores }, highlight: answer.highlight, expansions: answer.expansions };
  }

  highlight(query: string): Promise<string[] | null> {
    return this.request('highlight', { query });
  }

  related(id: string, options: { limit?: number; exclude?: Set<string> } = {}): Promise<RelatedHit[]> {
    return this.request('related', { id, limit: options.limit, exclude: options.exclude ? [...options.exclude] : undefined });
  }

  quotes(query: QuoteQuery): Promise<QuotePage> {
    return this.request('quotes', query);
  }

  quotePeople(): Promise<QuoteSpeaker[]> {
    return this.request('quotePeople', {});
  }

  /** Writes the index snapshot now if the indexes changed since the last one. */
  saveSnapshot() {
    return this.request('saveSnapshot', {});
  }

  status(): Promise<WorkerStatus> {
    return this.request('status', {});
  }

  /** For the crash-recovery test: the worker exits as if it had crashed. */
  async crashForTest(): Promise<void> {
    await this.request('crash', {}).catch(() => {});
  }

  /** Writes the snapshot when the indexes changed (bounded in time), then stops the worker. */
  async close(): Promise<void> {
    if (this.stateNow === 'closed' || this.closing) return;
    this.closing = true;
    this.unsubscribe();
    const worker = this.worker;
    if (worker && this.stateNow === 'running') {
      this.flushChanges();
      await this.request('close', {}).catch((error: Error) => console.error(`[kroniek] closing the indexes failed: ${error.message}`));
    }
    this.stateNow = 'closed';
    this.stopProbe();
    this.worker = null;
    // Asked to exit, never terminated mid-task (worker-exit.ts).
    if (worker) this.workerEnd = await stopWorker(worker);
    this.rejectAll(new ServiceError('internal', 'The library is closed.'));
  }

  private ensureStarted(): void {
    if (this.stateNow === 'idle') this.spawn();
  }

  private spawn(): void {
    const spawnAt = performance.now();
    // Every change so far is in this document: the worker starts from it (its per-story
    // records follow in parts, feedStart; the document is never changed in place).
    const { taggings, storyEdits, ...meta } = indexedMetaMessage(indexedMetaOf(this.store.meta));
    const init: WorkerInit = {
      dataDir: this.store.dataDir,
      readOnly: this.store.readOnly,
      meta,
      start: 'eager',
      snapshot: this.options.snapshot ?? {},
      sliceMs: WORKER_SLICE_MS,
      lexicon: sharedLexicon(),
      warmQueries: this.options.warmQueries?.() ?? [],
    };
    this.outbox.length = 0;
    this.numbers.clear();
    this.heard = { ready: false, indexed: 0, origin: 'building' };
    this.startedAt = performance.now();
    this.stopProbe();
    // Every millisecond: the longest gap between two ticks is the longest block to within
    // 1 ms (a 10 ms probe overstated a block by up to 10 ms).
    this.probe = monitorEventLoopDelay({ resolution: 1 });
    this.probe.enable();
    const worker = started(new Worker(this.entry.url, { workerData: { ...this.entry.data, init }, stdout: false, stderr: false }));
    this.worker = worker;
    // The probe's first tick only starts its clock: the start's own block is timed here.
    this.startBlockMs = performance.now() - spawnAt;
    this.stateNow = 'running';
    this.held ??= [];
    this.feedStart(worker, taggings.buckets, storyEdits.buckets, this.store.eachSegmentRecords()).catch((error: Error) => {
      // Not expected (nothing in it throws on bad data): the worker is ended and started again, as after a crash.
      console.error(`[kroniek] starting the indexing worker failed: ${error.message}`);
      void worker.terminate();
    });
    worker.on('message', (message: FromWorker) => this.inbox.push({ worker, message }));
    worker.on('error', (error) => console.error(`[kroniek] the indexing worker failed: ${error.message}`));
    worker.on('exit', (code) => this.exited(worker, code));
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'numbers':
        this.numbers.apply(message);
        return;
      case 'progress': {
        const wasReady = this.heard.ready;
        this.heard = { ready: message.ready, indexed: message.indexed, origin: message.origin };
        if (message.ready && !wasReady) this.becameReady(message.origin);
        return;
      }
      case 'problem':
        console.error(`[kroniek] indexing: ${message.message}`);
        return;
      case 'lexicon':
        keepLexicon(message.lexicon);
        return;
      case 'reply': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(new ServiceError('internal', `The library index could not answer: ${message.error.message}`));
      }
    }
  }

  private becameReady(origin: IndexOrigin): void {
    const mainLongestBlockMs = Math.max(this.startBlockMs, this.probe ? this.probe.max / 1e6 : 0);
    this.stopProbe();
    this.lastBuild = { origin, startedAt: this.startedAt, ms: performance.now() - this.startedAt, mainLongestBlockMs, startBlockMs: this.startBlockMs };
    for (const listener of this.readyListeners) listener();
  }

  private stopProbe(): void {
    this.probe?.disable();
    this.probe = null;
  }

  private exited(worker: Worker, code: number): void {
    if (worker !== this.worker) return;
    this.worker = null;
    if (this.stateNow === 'closed' || this.closing) return;
    const now = performance.now();
    this.restarts = this.restarts.filter((at) => now - at < RESTART_WINDOW_MS);
    const reason = `the indexing worker stopped (exit code ${code})`;
    if (this.restarts.length >= MAX_RESTARTS) {
      this.stateNow = 'failed';
      this.failure = reason;
      this.stopProbe();
      console.error(`[kroniek] ${reason}; search and related stories are unavailable until the library is opened again`);
      this.rejectAll(new ServiceError('internal', 'The library index stopped working; open the library again.'));
      return;
    }
    this.restarts.push(now);
    console.error(`[kroniek] ${reason}; starting it again`);
    this.stateNow = 'idle';
    // Requests in flight are asked again of the new worker (they are all queries).
    const retry = [...this.pending.values()];
    this.pending.clear();
    this.spawn();
    for (const waiting of retry) {
      if (waiting.op === 'crash' || waiting.op === 'close') waiting.resolve(null);
      else this.send(waiting, this.worker!);
    }
  }

  /**
   * Posts what the worker starts from beyond its workerData (protocol.ts StartPart): parts of
   * about START_PART_ENTRIES entries, one per turn of the event loop, so that no clone holds
   * this thread up for long; then `start-done`, and what was held back meanwhile.
   */
  private async feedStart(worker: Worker, taggings: Readonly<StartPart['taggings']>, storyEdits: Readonly<StartPart['storyEdits']>, records: Iterable<SegmentRecords>): Promise<void> {
    const segments = records[Symbol.iterator]();
    let bucket = 0;
    let segmentsLeft = true;
    while (bucket < taggings.length || segmentsLeft) {
      const part: StartPart = { type: 'start-part', taggings: [], storyEdits: [], records: [] };
      for (let entries = 0; entries < START_PART_ENTRIES && (bucket < taggings.length || segmentsLeft); ) {
        if (bucket < taggings.length) {
          part.taggings.push(taggings[bucket]);
          part.storyEdits.push(storyEdits[bucket]);
          entries += 1 + (taggings[bucket]?.size ?? 0) + (storyEdits[bucket]?.size ?? 0);
          bucket++;
        } else {
          const next = segments.next();
          if (next.done) segmentsLeft = false;
          else {
            part.records.push(next.value);
            entries += 1 + next.value.ids.length;
          }
        }
      }
      // A worker that ended meanwhile is fed no more (a restarted one is fed by its own start).
      if (worker !== this.worker) return;
      worker.postMessage(part satisfies ToWorker);
      await nextTurn();
      await this.giveWay();
    }
    if (worker !== this.worker) return;
    worker.postMessage({ type: 'start-done' } satisfies ToWorker);
    const held = this.held ?? [];
    this.held = null;
    this.flushChanges();
    for (const waiting of held) this.send(waiting, worker);
    for (const listener of this.startSentListeners) listener();
  }

  /**
   * Between two parts of the start: requests being answered now (the app's first list page,
   * its filters) go first, unless one of them waits for this start (then it goes on at once).
   */
  private async giveWay(): Promise<void> {
    const foreground = this.options.foreground;
    if (!foreground?.busy || this.held?.length !== 0) return;
    await new Promise<void>((resolve) => {
      this.wakeStart = resolve;
      void foreground.idle(START_GIVES_WAY_AT_MOST_MS).then(resolve);
    });
    this.wakeStart = null;
  }

  private rejectAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    for (const waiting of this.held?.splice(0) ?? []) waiting.reject(error);
  }

  private request<K extends RequestName>(op: K, input: Requests[K]['input']): Promise<Requests[K]['output']> {
    if (this.stateNow === 'closed') return Promise.reject(new ServiceError('internal', 'The library is closed.'));
    if (this.stateNow === 'failed') return Promise.reject(new ServiceError('internal', 'The library index stopped working; open the library again.'));
    this.ensureStarted();
    // Changes heard so far go first: the worker answers after taking them in.
    this.flushChanges();
    return new Promise((resolve, reject) => {
      this.send({ op, input, resolve: resolve as (value: unknown) => void, reject }, this.worker!);
    });
  }

  private send(waiting: Pending, worker: Worker): void {
    // While the worker's start is still being posted, requests wait for it (in order).
    if (this.held) {
      this.held.push(waiting);
      this.wakeStart?.();
      return;
    }
    const id = this.nextId++;
    this.pending.set(id, waiting);
    worker.postMessage({ type: 'request', id, op: waiting.op, input: waiting.input } as ToWorker);
  }

  /** Posts the changes heard since the last flush, as messages the worker applies in order. */
  private flushChanges(): void {
    this.flushScheduled = false;
    const worker = this.worker;
    if (!worker) {
      this.outbox.length = 0;
      return;
    }
    // Posted once the worker's start is (feedStart).
    if (this.held) return;
    for (const { change, segments } of this.outbox.splice(0)) {
      const message = changeMessage(change, segments);
      if (message) worker.postMessage({ type: 'change', change: message } satisfies ToWorker);
    }
  }
}

function changeMessage(change: StoreChange, segments: SegmentRef[]): ChangeMessage | null {
  if (change.type === 'stories-added') return { type: 'stories-added', ids: change.ids, segments };
  const patch = metaPatch(change.before, change.after);
  return patch && { type: 'meta', patch };
}
