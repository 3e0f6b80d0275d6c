import v8 from 'node:v8';

// How V8 sizes the heap of the process that owns the library (Electron's main process,
// the web host, the CLI, the benchmark): all of them open the library through
// openKroniek, which applies this first.
//
// After each full collection V8 lets the old generation grow to the live size times a
// factor it picks for throughput, up to 4 on a machine with a few gigabytes to spare.
// The indexes of a 50,000-story library are about 280 MB live, and building them
// promotes a steady stream of short-lived objects, so V8 let the process reach 700 MB
// and more before collecting. A factor of 1.3 (the one V8 itself uses when it optimises
// for memory) keeps the heap near what is live. The price is more frequent full
// collections, which run mostly on V8's background thread: the start-up build at 50,000
// stories took no longer, and an editor's searches allocate too little to notice (see
// BENCHMARKS.md).

/** The old generation grows to at most 1 + this/100 times what the last full collection kept. */
export const HEAP_GROWING_PERCENT = 30;

/** The V8 flags this policy sets: checked against the running V8 by a test, since V8 ignores a flag it does not know. */
export const MEMORY_POLICY_FLAGS = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`] as const;

let applied = false;

/** Sets the policy's flags once per process; V8 reads them at every full collection. */
export function applyMemoryPolicy(): void {
  if (applied) return;
  applied = true;
  for (const flag of MEMORY_POLICY_FLAGS) v8.setFlagsFromString(flag);
}
