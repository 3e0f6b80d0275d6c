import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

// How V8 manages the heap of the process that owns the library (Electron's main process,
// the web host, the CLI, the benchmark): all of them open the library through
// openKroniek, which applies this first.
//
// That process holds the indexes (~280 MB at 50,000 stories, in its indexing worker). By
// default V8 chooses throughput: after each full collection it lets the old generation
// grow to up to 4 times what it kept, so a 52,000-story index build, which promotes a steady stream of
// short-lived objects, reached 700 MB and more. `--heap-growing-percent=30` caps that
// at 1.3 times (the factor V8 itself uses when it optimises for memory), always but for
// the story-by-story loop of a full index build, which runs at 1.6 times (withBuildGrowth:
// under the cap its full collections took a fifth of the build's CPU); no figure an editor
// feels got slower with it.
//
// At the end of a full index build (a background task, only when there is no usable
// snapshot) the last merge of the search postings and the packing of the related index
// allocate about 100 MB while the build's garbage is still resident; with only the cap,
// the peak varied from 484 to 523 MB between runs at 52,000 stories. For those steps
// V8's memory-saving mode is on as well (`--optimize-for-size`: it compacts fragmented
// pages eagerly and keeps the young generation small). Left on for the whole build it
// cost a third more build time, and left on for good it slowed imports and cold opens,
// which is why it is on only then. The opening of a library and the load of the index
// snapshot, which allocate what they keep, run without the cap (withUncappedGrowth).
// Measured figures: BENCHMARKS.md.
//
// V8 reads flags set after start-up only because Node, and Electron for its Node
// processes, leave them writable (V8 alone freezes them once initialised).
//
// The indexes live in the indexing worker (indexing/worker.ts), a thread with a heap of
// its own; V8's flags are one set per process, so the policy set by either thread holds
// for both heaps (the worker applies it too, for when it runs first), and the memory-saving
// mode the worker switches on for the build's last steps is on for the main thread's heap
// meanwhile as well (a few seconds, in the background). The worker has no resourceLimits:
// a capped heap would end in an out-of-memory exit and a restart loop on a large library,
// where an uncapped one only costs memory. The process's resident memory, which the
// benchmark reports, counts both threads.
// Not measured here: Electron's main process itself (no Electron binary on these machines).

/** The old generation grows to at most 1 + this/100 times what the last full collection kept. */
export const HEAP_GROWING_PERCENT = 30;

/** The V8 flags this policy sets for good, and for the end of a build: checked against the running V8 by a test, since V8 ignores a flag it does not know. */
export const MEMORY_POLICY_FLAGS = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`] as const;
const LASTING_GROWTH_FLAG = MEMORY_POLICY_FLAGS[0];
/** The old generation's growth during the story-by-story loop of a full index build (see withBuildGrowth). */
export const BUILD_HEAP_GROWING_PERCENT = 60;
export const BUILD_GROWTH_FLAG = `--heap-growing-percent=${BUILD_HEAP_GROWING_PERCENT}`;
export const MEMORY_SAVING_FLAG = '--optimize-for-size';
/** V8's own growth factor (0: none set). */
export const UNCAPPED_GROWTH_FLAG = '--heap-growing-percent=0';

/**
 * The young generation of the feature worker, in MB (V8's default allows 16 MB
 * semi-spaces, a third of this). It works out each story's features, a stream of
 * short-lived strings and arrays; with room for a few stories more in the young
 * generation they die there instead of being copied and promoted (at 52,000 stories,
 * 10–14% less CPU for the build). It runs only during a full build and then exits, so the
 * space it grew to is given back. The indexing worker, which lives as long as the library
 * is open, keeps V8's default: given the same, it kept ~190 MB more resident once idle and
 * its longer scavenges showed in search latency.
 */
export const FEATURE_WORKER_YOUNG_GENERATION_MB = 192;

let applied = false;
let savers = 0;

/** Sets the policy's lasting flags once per process; V8 reads them at every collection. */
export function applyMemoryPolicy(): void {
  if (applied) return;
  applied = true;
  for (const flag of MEMORY_POLICY_FLAGS) v8.setFlagsFromString(flag);
}

/** Periods under way in this thread, by kind: V8's own growth (withUncappedGrowth), a build's (withBuildGrowth). */
const periods = { uncapped: 0, build: 0 };

/** The growth flag the periods under way call for: V8's own over a build's, over the lasting cap. */
function growthFlag(): string {
  if (periods.uncapped > 0) return UNCAPPED_GROWTH_FLAG;
  return periods.build > 0 ? BUILD_GROWTH_FLAG : LASTING_GROWTH_FLAG;
}

/** Counts a period of `kind` in or out, setting the growth flag when that changes it. */
function count(kind: keyof typeof periods, delta: 1 | -1): void {
  const before = growthFlag();
  periods[kind] += delta;
  const after = growthFlag();
  if (after !== before) v8.setFlagsFromString(after);
}

/** Runs `work` in a period of `kind` (nested and concurrent periods counted, per thread). */
async function withGrowth<T>(kind: keyof typeof periods, work: () => Promise<T>): Promise<T> {
  if (!applied) return work();
  count(kind, 1);
  try {
    return await work();
  } finally {
    count(kind, -1);
  }
}

/**
 * Runs `work` with V8's own growth of the old generation instead of the cap (nested calls
 * share it: capped again once the last ends). For work that allocates what it keeps: the
 * opening of a library reads every story's head into objects it holds for as long as the
 * library is open, and the indexing worker's snapshot load the indexes it keeps; each full
 * collection under the cap marks the heap grown so far only to find nearly all of it live.
 * At 67,000 stories the opening spent ~150–200 of its ~1,100 ms collecting: without the cap
 * ~880 against ~1,130 ms (20 MB more resident meanwhile), the snapshot load ~250 ms less; at
 * 336,000 the first page 5.5 → 4.6 s, ready from the snapshot 12.8 → 10.9 s, and resident
 * memory once idle (73 s) the same (1,530 MB).
 * The flag is one per process and the count one per thread: a thread that ends its period
 * while another is in its own caps that one early (it collects more, nothing else).
 */
export function withUncappedGrowth<T>(work: () => Promise<T>): Promise<T> {
  return withGrowth('uncapped', work);
}

/**
 * Runs `work`, the story-by-story loop of a full index build, with the old generation
 * allowed to grow to BUILD_HEAP_GROWING_PERCENT over what a full collection kept. The
 * loop keeps a growing index and promotes a steady stream of short-lived objects (the
 * stories' texts and features, the batches between the workers): under the lasting cap
 * the indexing worker made a full collection every ~0.6 s, each marking its whole index
 * (~140 MB live), and the collections took a fifth of the build's CPU. Uncapped growth
 * here is what the cap was made against (700 MB and more at 52,000 stories). The build's
 * last steps (memory-saving, engine.ts) run capped again. Measured: BENCHMARKS.md, session 27.
 */
export function withBuildGrowth<T>(work: () => Promise<T>): Promise<T> {
  return withGrowth('build', work);
}

/** Runs `work` with V8's memory-saving mode on (nested calls share it: off once the last ends). */
export async function withMemorySaving<T>(work: () => Promise<T>): Promise<T> {
  if (savers++ === 0) v8.setFlagsFromString(MEMORY_SAVING_FLAG);
  try {
    return await work();
  } finally {
    if (--savers === 0) v8.setFlagsFromString(MEMORY_SAVING_FLAG.replace(/^--/, '--no-'));
  }
}

/** Makes a full collection move every live object off fragmented pages so that they can be given back (as V8's memory reducer does). */
export const COMPACTING_FLAG = '--compact-on-every-full-gc';
let collector: (() => void) | null | undefined;

/**
 * One full garbage collection of this thread's heap, compacting, now; false where V8
 * offers none.
 *
 * The indexing worker calls it once its indexes are ready: the load or build leaves its
 * garbage in the worker's heap (after a snapshot load at 52,000 stories 200 MB used, 117 MB
 * of it live), and V8's memory reducer gave those pages back only ~25 s later. Compacting,
 * the collection gives them back at once (the process's RSS 523 → 440 MB; ~110 ms of the
 * worker's time); a plain full collection frees the objects but keeps their pages (the
 * worker's heap 231 → 215 MB). `gc` is V8's, exposed by its flag: set at run time, it is
 * there in a context made after.
 */
export function collectGarbage(): boolean {
  if (collector === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (typeof exposed === 'function') collector = exposed;
      else {
        v8.setFlagsFromString('--expose-gc');
        const made: unknown = runInNewContext('typeof gc === "function" ? gc : null');
        collector = typeof made === 'function' ? (made as () => void) : null;
      }
    } catch {
      collector = null;
    }
  }
  if (!collector) return false;
  v8.setFlagsFromString(COMPACTING_FLAG);
  try {
    collector();
  } finally {
    v8.setFlagsFromString(COMPACTING_FLAG.replace(/^--/, '--no-'));
  }
  return true;
}
