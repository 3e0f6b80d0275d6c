import { parentPort, threadId, workerData } from 'node:worker_threads';
import { applyMemoryPolicy, collectGarbage } from '../memory-policy';
import { INDEXING_WORKER_NICE, lowerThisThread } from '../thread-priority';
import { lexiconOrigin, onLexiconBuilt, useSharedLexicon } from '../text/compounds';
import type { SearchIndex } from '../search/index';
import type { IndexedMeta, SegmentRecords } from '../store/meta';
import { LibraryIndexes, type NumberListener } from './engine';
import { FeatureFeed } from './feature-feed';
import type { FromWorker, NumbersEvent, ProgressEvent, Requests, RequestName, StartPart, ToWorker, WorkerInit } from './protocol';
import { indexedMetaFromMessage } from './meta-patch';
import { SegmentLibrary } from './segment-library';
import { exitThread } from '../workers/worker-exit';
import { warmUp } from './warm-up';

// The indexing worker: owns the search and related indexes of one open library, builds
// them (or loads their snapshot), follows the changes the main process sends, and
// answers its queries. Started by client.ts; the messages are in protocol.ts.

const port = parentPort;
if (!port) throw new Error('indexing worker: not started as a worker thread');
const init = (workerData as { init: WorkerInit }).init;
applyMemoryPolicy();
/** This thread's nice value, lowered to give the main thread the cores first (thread-priority.ts); null where threads have none. */
const priority = lowerThisThread(INDEXING_WORKER_NICE);

/** Story numbers per `numbers` event. */
const NUMBERS_PER_EVENT = 5_000;
/** How often progress is told while the indexes are being built. */
const PROGRESS_MS = 100;
/**
 * Once the indexes are ready, the worker collects the garbage of their load or build (see
 * collectGarbage: ~0.1 s of this thread at 52,000 stories) as soon as no request or change
 * has come for this long, so that no search waits behind it.
 */
const COLLECT_WHEN_QUIET_MS = 2_000;
/** How long the warm-up searches (warm-up.ts) may take in all, from the first. */
const WARM_UP_BUDGET_MS = 300;

const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer ?? []);

// The compound lexicon: the process's, when an earlier worker built it; else this worker
// builds it on first use and posts it (shared memory, nothing copied) for the next ones.
if (init.lexicon) useSharedLexicon(init.lexicon);
else onLexiconBuilt((lexicon) => post({ type: 'lexicon', lexicon }));

/** Collects the numbers the live search index gives and takes, told before any reply that may name them. */
class NumbersFeed implements NumberListener {
  private ids: string[] = [];
  private nums: number[] = [];
  private removed: number[] = [];
  private resetPending = false;

  /** Where in `nums` each number given since the last flush is (a number taken away again before the flush is dropped from there). */
  private readonly added = new Map<number, number>();

  changed(id: string, before: number | undefined, now: number | undefined): void {
    if (before !== undefined) {
      const at = this.added.get(before);
      if (at === undefined) this.removed.push(before);
      else {
        // Given and taken away within one flush: the main process never needs to hear of it.
        this.ids[at] = '';
        this.added.delete(before);
      }
    }
    if (now !== undefined) {
      this.added.set(now, this.nums.length);
      this.ids.push(id);
      this.nums.push(now);
    }
  }

  reset(search: SearchIndex): void {
    this.ids = [];
    this.nums = [];
    this.removed = [];
    this.added.clear();
    this.resetPending = true;
    for (const id of search.ids()) {
      this.added.set(search.numberOf(id)!, this.nums.length);
      this.ids.push(id);
      this.nums.push(search.numberOf(id)!);
    }
  }

  flush(): void {
    if (!this.resetPending && this.ids.length === 0 && this.removed.length === 0) return;
    if (this.added.size !== this.ids.length) {
      const keep = this.ids.map((id) => id !== '');
      this.ids = this.ids.filter((_, k) => keep[k]);
      this.nums = this.nums.filter((_, k) => keep[k]);
    }
    this.added.clear();
    // In pieces: the main process takes each in well under a slice (a snapshot's 50,000 at once held it ~15 ms).
    for (let at = 0; at === 0 || at < this.ids.length; at += NUMBERS_PER_EVENT) {
      const event: NumbersEvent = {
        type: 'numbers',
        reset: at === 0 && this.resetPending,
        ids: this.ids.slice(at, at + NUMBERS_PER_EVENT),
        nums: Int32Array.from(this.nums.slice(at, at + NUMBERS_PER_EVENT)),
        removed: at === 0 ? Int32Array.from(this.removed) : new Int32Array(0),
      };
      post(event, [event.nums.buffer as ArrayBuffer, event.removed.buffer as ArrayBuffer]);
    }
    this.ids = [];
    this.nums = [];
    this.removed = [];
    this.resetPending = false;
  }
}

// The rest of the start comes in parts (protocol.ts StartPart) before any other message;
// whatever comes before this thread can handle it waits here, in order.
type AfterStart = Exclude<ToWorker, StartPart | { type: 'start-done' }>;
const early: AfterStart[] = [];
let handle: ((message: AfterStart) => void) | null = null;
const given: { taggings: StartPart['taggings']; storyEdits: StartPart['storyEdits']; records: SegmentRecords[] } = { taggings: [], storyEdits: [], records: [] };
const startDone = new Promise<void>((resolve) => {
  port.on('message', (message: ToWorker) => {
    if (message.type === 'start-part') {
      given.taggings.push(...message.taggings);
      given.storyEdits.push(...message.storyEdits);
      given.records.push(...message.records);
    } else if (message.type === 'start-done') resolve();
    else if (handle) handle(message);
    // Asked to exit before the start was all here (worker-exit.ts): nothing to finish.
    else if (message.type === 'exit') void exitThread(0);
    else early.push(message);
  });
});
await startDone;

const numbers = new NumbersFeed();
const startMeta = indexedMetaFromMessage({ ...init.meta, taggings: { buckets: given.taggings }, storyEdits: { buckets: given.storyEdits } });
const library = await SegmentLibrary.open(init.dataDir, startMeta, init.readOnly, given.records);
/** The records the main process gave, for the feature worker of the first build or catch-up; let go once the indexes are ready (a segment not given is read from its file). */
let givenRecords = given.records;
given.records = [];
given.taggings = [];
given.storyEdits = [];
// A full build's related-index half is worked out on a second thread (feature-feed.ts).
const features = (meta: IndexedMeta, only: string[] | null) => new FeatureFeed(init.dataDir, meta, only, givenRecords);
const indexes = new LibraryIndexes(library, init.start, init.snapshot, { numbers, sliceMs: init.sliceMs, features });

let lastProgress = '';
let collectScheduled = false;
/** The warm-up searches (warm-up.ts), started once the indexes are ready; how many have run. */
let warmedUp: Promise<number> | null = null;
let warmSearches = 0;
const warmUpOnce = () =>
  (warmedUp ??= warmUp(init.warmQueries, (query) => {
    indexes.match(query);
    warmSearches++;
  }, WARM_UP_BUDGET_MS));
/** When the last request or change came (see COLLECT_WHEN_QUIET_MS). */
let lastHeard = 0;
function tellProgress(): void {
  numbers.flush();
  const { ready, indexed, total } = indexes.peekProgress();
  if (ready && !collectScheduled) {
    collectScheduled = true;
    givenRecords = [];
    void warmUpOnce();
    const waiting = setInterval(() => {
      if (performance.now() - lastHeard < COLLECT_WHEN_QUIET_MS) return;
      clearInterval(waiting);
      collectGarbage();
    }, COLLECT_WHEN_QUIET_MS / 4);
    waiting.unref();
  }
  const event: ProgressEvent = { type: 'progress', ready, indexed, total, origin: indexes.origin };
  const key = JSON.stringify(event);
  if (key === lastProgress) return;
  lastProgress = key;
  post(event);
}
const progressTimer = setInterval(tellProgress, PROGRESS_MS);

// Every change is applied in order; a failed one is reported and the next goes on.
let changes: Promise<void> = Promise.resolve();
/** Large imports still being indexed: queries then answer from what is in (as during the build). */
let largeImports = 0;
/** An import of at least this many stories is not waited for by queries. */
const LARGE_IMPORT = 500;

/**
 * A query sees the edits made before it (a note, a tag, a deletion: a few stories each),
 * as a search typed right after an edit expects; a large import is not waited for.
 */
async function editsApplied(): Promise<void> {
  if (largeImports > 0 || !indexes.isReady) return;
  await changes;
  if (largeImports === 0) await indexes.whenUpdated();
}

type Handler<K extends RequestName> = (input: Requests[K]['input']) => Requests[K]['output'] | Promise<Requests[K]['output']>;

const handlers: { [K in RequestName]: Handler<K> } = {
  async whenReady() {
    await changes;
    await indexes.whenReady();
    await warmUpOnce();
    tellProgress();
    return null;
  },
  async match({ query }) {
    await editsApplied();
    const found = indexes.match(query);
    if (!found) return null;
    // The index's answer lives in buffers it reuses: copied, then handed over whole.
    return { nums: found.matches.nums.slice(), scores: found.matches.scores.slice(), highlight: found.highlight, expansions: found.expansions };
  },
  async highlight({ query }) {
    await editsApplied();
    // The list's search has just been answered: the kept answer, not a second search.
    return indexes.match(query)?.highlight ?? null;
  },
  async related({ id, limit, exclude }) {
    await editsApplied();
    return indexes.relatedAsWritten(id, { limit, exclude: exclude ? new Set(exclude) : undefined });
  },
  async quotes(query) {
    await editsApplied();
    return indexes.quotes(query);
  },
  async quotePeople() {
    await editsApplied();
    return indexes.quotePeople();
  },
  async saveSnapshot() {
    await changes;
    return indexes.saveSnapshot();
  },
  status() {
    const { origin, snapshotRejected, lastSnapshotWrite, lastSnapshotLoad } = indexes;
    return { origin, snapshotRejected, lastSnapshotWrite, lastSnapshotLoad, stories: indexes.searchIndex.size, threadId, lexicon: lexiconOrigin(), priority, warmSearches };
  },
  async close() {
    // A large import still being indexed is left for the next opening to catch up on (engine.ts `leave`).
    indexes.leave();
    await changes;
    await indexes.close();
    clearInterval(progressTimer);
    return null;
  },
  crash() {
    void exitThread(70);
    return null;
  },
};

async function answer(message: Extract<ToWorker, { type: 'request' }>): Promise<void> {
  try {
    const handler = handlers[message.op] as Handler<RequestName>;
    const value = await handler(message.input as never);
    numbers.flush();
    const transfer = value && typeof value === 'object' && 'nums' in value ? [value.nums.buffer as ArrayBuffer, value.scores.buffer as ArrayBuffer] : [];
    post({ type: 'reply', id: message.id, ok: true, value }, transfer);
  } catch (error) {
    post({ type: 'reply', id: message.id, ok: false, error: { message: (error as Error)?.message ?? String(error) } });
  }
}

handle = (message: AfterStart) => {
  lastHeard = performance.now();
  // After `close` the client asks this thread to exit (worker-exit.ts: never terminated mid-task).
  if (message.type === 'exit') return void exitThread(0);
  if (message.type === 'change') {
    const large = message.change.type === 'stories-added' && message.change.ids.length >= LARGE_IMPORT;
    if (large) largeImports++;
    changes = changes
      .then(() => library.receive(message.change))
      .then(() => (large ? indexes.whenUpdated() : undefined))
      .catch((error: Error) => post({ type: 'problem', message: `a change could not be indexed: ${error.message}` }))
      .finally(() => {
        if (large) largeImports--;
      });
    return;
  }
  void answer(message);
};
for (const message of early.splice(0)) handle(message);

tellProgress();
