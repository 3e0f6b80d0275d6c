import { setPriority } from 'node:os';

// The feature worker works out a full build's related-index features (the larger half of
// the build's CPU) and then exits. It runs at a lower scheduling priority than the rest of
// the app: when the cores are busy, the main process's event loop, its garbage collection
// (V8's helper threads included) and whatever else the editor runs come first, and the
// build takes what is left. On an idle machine that changes nothing (the build has the
// cores to itself); measured figures: BENCHMARKS.md.
//
// Only on Linux, where the nice value is a property of each thread: there `setPriority`
// of "this process" (0) lowers the calling thread alone. On macOS and Windows the same call
// would lower the whole app (every thread of the process), so there the thread keeps the
// normal priority. The priority is never raised again (an unprivileged process may not).

/** The nice value of the feature worker thread (0 normal, 19 lowest). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's scheduling priority to BACKGROUND_NICE (Linux only).
 * Returns whether it did; a system that refuses leaves the thread as it was.
 */
export function lowerThisThreadsPriority(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    setPriority(0, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
