import { parentPort, workerData } from 'node:worker_threads';
import { relatedFeatures } from '../analysis/related';
import { FEATURE_WORKER_NICE, lowerThisThread } from '../thread-priority';
import { lexiconOrigin, useSharedLexicon, type LexiconData, type LexiconOrigin } from '../text/compounds';
import type { SegmentRecords, SegmentRef, StoryEdit } from '../store/meta';
import { StoryMap } from '../store/story-map';
import { FeatureBatchWriter, type FeatureBatch } from './feature-batch';
import { SegmentLibrary } from './segment-library';
import { exitThread, type ExitRequest } from '../workers/worker-exit';
import { relatedAndSpeakersOf } from './story-docs';

// The feature worker: during a full build of the indexes, reads the library's stories
// in the order the indexing worker does and works out what the related index reads
// from each (terms, spellings, entities: the larger half of a build's work), posting
// them in batches (with the people and organisations each story's quotes are resolved to) while the indexing worker builds the search index. Started and ended
// by feature-feed.ts; it writes nothing and reads only the segments it is told.

export interface FeatureJob {
  dataDir: string;
  segments: SegmentRef[];
  deleted: string[];
  /** Only these segments (a snapshot's catch-up); null for all. */
  only: string[] | null;
  /** The indexing worker's compound lexicon (shared memory): this worker builds none. */
  lexicon: LexiconData | null;
  /** Segments' records as the main process read them (store.eachSegmentRecords): their heads files need not be parsed to learn them. */
  records: SegmentRecords[];
}

export type ToFeatureWorker = { type: 'more'; batches: number } | ExitRequest;
export type FromFeatureWorker =
  | { type: 'batch'; batch: FeatureBatch }
  /** `lexicon`: whether this worker built the compound lexicon or was given it; `priority`: its thread's nice value (both for tests). */
  | { type: 'done'; lexicon?: LexiconOrigin | null; priority?: number | null }
  | { type: 'failed'; message: string };

/** Stories per batch. */
export const FEATURE_BATCH_STORIES = 64;

const port = parentPort;
if (!port) throw new Error('feature worker: not started as a worker thread');
const job = (workerData as { job: FeatureJob }).job;
// No applyMemoryPolicy() here: V8's flags are one set per process, and the indexing worker that
// starts this thread has set them (setting them again would end the build's growth period, memory-policy.ts).
/** This thread's nice value: it only ever builds, so it gives way most (thread-priority.ts). */
const priority = lowerThisThread(FEATURE_WORKER_NICE);
if (job.lexicon) useSharedLexicon(job.lexicon);

let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (message: ToFeatureWorker) => {
  // Asked by the feed (worker-exit.ts): never terminated mid-read.
  if (message.type === 'exit') return void exitThread(0);
  credit += message.batches;
  wake?.();
  wake = null;
});

async function post(writer: FeatureBatchWriter): Promise<void> {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  const batch = writer.take();
  port!.postMessage({ type: 'batch', batch } satisfies FromFeatureWorker, [batch.signatures.buffer as ArrayBuffer, batch.counts.buffer as ArrayBuffer, batch.termNumbers.buffer as ArrayBuffer, batch.weights.buffer as ArrayBuffer]);
}

try {
  const meta = { createdAt: '', segments: job.segments, deleted: job.deleted, tags: [], taggings: StoryMap.empty<string[]>(), storyEdits: StoryMap.empty<StoryEdit>() };
  const library = await SegmentLibrary.open(job.dataDir, meta, true, job.records);
  const only = job.only ? new Set(job.only) : null;
  const writer = new FeatureBatchWriter();
  for await (const { head, body } of library.storiesWithBodies(only ? (name) => only.has(name) : undefined)) {
    const { related, speakers } = relatedAndSpeakersOf(head, body, null);
    // The quotes are extracted by the indexing worker, from the speakers sent with the
    // features: since the text analysis got faster this thread is the build's longer half
    // (it used to take the quotes over whenever it was ahead; leaving them all to the
    // indexing worker balanced the two threads: 42–48 s → 38–39 s at 52,000 stories).
    writer.add(head.id, { related: relatedFeatures(related), speakers });
    if (writer.size >= FEATURE_BATCH_STORIES) await post(writer);
  }
  if (writer.size > 0) await post(writer);
  port.postMessage({ type: 'done', lexicon: lexiconOrigin(), priority } satisfies FromFeatureWorker);
} catch (error) {
  port.postMessage({ type: 'failed', message: (error as Error)?.message ?? String(error) } satisfies FromFeatureWorker);
}
port.close();
