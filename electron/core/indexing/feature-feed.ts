import { Worker } from 'node:worker_threads';
import type { IndexedMeta, SegmentRecords } from '../store/meta';
import { FeatureBatchReader, type StoryFeatures } from './feature-batch';
import type { FeatureJob, FromFeatureWorker, ToFeatureWorker } from './feature-worker';
import { workerEntry } from '../workers/worker-entry';
import { started, stopWorker, type WorkerEnd } from '../workers/worker-exit';
import { FEATURE_WORKER_YOUNG_GENERATION_MB } from '../memory-policy';
import { lexiconData, lexiconWords, type LexiconOrigin } from '../text/compounds';

// The indexing worker's side of the feature worker (feature-worker.ts): during a full
// build it takes each story's related-index features from there, in story order,
// instead of working them out itself, so the build's two halves run on two cores.
// Whatever the feed does not have (it failed, it ended, a story it does not know)
// the engine works out itself: the feed only ever saves time.

/** Batches the feature worker may be ahead by (bounds the memory the feed holds). */
const AHEAD_BATCHES = 8;

export interface FeatureSource {
  /** The features of the next story if it is `id`; undefined to work them out here. */
  take(id: string): Promise<StoryFeatures | undefined>;
  /** Ends the feature worker (at once; what it still had is dropped). */
  close(): void;
}

export class FeatureFeed implements FeatureSource {
  private readonly worker: Worker;
  private current: { id: string; features: StoryFeatures }[] = [];
  private at = 0;
  private readonly arrived: FromFeatureWorker[] = [];
  private readonly reader = new FeatureBatchReader();
  private waiting: (() => void) | null = null;
  private ended = false;
  /** How the feature worker ended, once the feed was closed (for tests). */
  stopped: Promise<WorkerEnd> | undefined;
  /** How the feature worker came by the lexicon, as it said when done (for tests; undefined before). */
  workerLexicon: LexiconOrigin | null | undefined;
  /** The feature worker thread's nice value, as it said when done (for tests; undefined before, null where threads have none). */
  workerPriority: number | null | undefined;

  /** Starts the feature worker over the stories the library's metadata lists (`only`: these segments; `records`: as SegmentLibrary.open). */
  constructor(dataDir: string, meta: IndexedMeta, only: string[] | null = null, records: SegmentRecords[] = []) {
    const entry = workerEntry('feature-worker');
    // The feature worker splits compounds too: it is handed this thread's lexicon (built
    // here first if need be, as this thread needs it for the build anyway), not a copy.
    lexiconWords();
    const job: FeatureJob = { dataDir, segments: meta.segments, deleted: meta.deleted, only, lexicon: lexiconData(), records };
    this.worker = started(new Worker(entry.url, { workerData: { ...entry.data, job }, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: FEATURE_WORKER_YOUNG_GENERATION_MB } }));
    this.worker.on('message', (message: FromFeatureWorker) => this.arrive(message));
    this.worker.on('error', (error) => this.arrive({ type: 'failed', message: error.message }));
    this.worker.on('exit', () => this.arrive({ type: 'done' }));
    this.worker.postMessage({ type: 'more', batches: AHEAD_BATCHES } satisfies ToFeatureWorker);
  }

  async take(id: string): Promise<StoryFeatures | undefined> {
    while (this.at >= this.current.length) {
      if (!(await this.nextBatch())) return undefined;
    }
    if (this.current[this.at]!.id !== id) {
      // Not the story expected (the two readers saw different stories): skip ahead within
      // this batch if it is there, else leave the feed as it is.
      const later = this.current.findIndex((story, k) => k > this.at && story.id === id);
      if (later < 0) return undefined;
      this.at = later;
    }
    return this.current[this.at++]!.features;
  }

  close(): void {
    this.ended = true;
    this.arrived.length = 0;
    this.current = [];
    // Asked to exit, never terminated mid-read (worker-exit.ts); exiting the indexing worker waits for it.
    this.stopped ??= stopWorker(this.worker);
  }

  private async nextBatch(): Promise<boolean> {
    for (;;) {
      if (this.ended) return false;
      const message = this.arrived.shift();
      if (!message) {
        await new Promise<void>((resolve) => (this.waiting = resolve));
        continue;
      }
      if (message.type === 'batch') {
        this.current = [...this.reader.read(message.batch)];
        this.at = 0;
        this.worker.postMessage({ type: 'more', batches: 1 } satisfies ToFeatureWorker);
        return true;
      }
      if (message.type === 'failed') console.warn(`[kroniek] the feature worker stopped (${message.message}); the indexing worker works on alone`);
      this.close();
      return false;
    }
  }

  private arrive(message: FromFeatureWorker): void {
    if (this.ended) return;
    if (message.type === 'done' && message.lexicon !== undefined) this.workerLexicon = message.lexicon;
    if (message.type === 'done' && message.priority !== undefined) this.workerPriority = message.priority;
    this.arrived.push(message);
    this.waiting?.();
    this.waiting = null;
  }
}
