import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

// Which threads of the process that owns the library give way when the cores are busy.
//
// A full index build keeps two threads busy (the indexing worker and the feature worker),
// and V8's helper threads collect their garbage meanwhile. On a machine with two cores the
// main thread, which answers the window, then waited its turn: every gap of more than 8 ms
// in its event loop during a build was time spent runnable and waiting for a core, not
// work (issue 12; BENCHMARKS.md, sessions 19 and 20). So the background threads run at a
// lower priority (a higher nice value) than the main thread, which keeps its own:
//   - the feature worker, which only ever builds, at FEATURE_WORKER_NICE;
//   - the indexing worker, which also answers the searches typed in the window, less so
//     (INDEXING_WORKER_NICE): a nice value once raised cannot be lowered again without
//     privileges, so it cannot give way only while it builds;
//   - V8's helper threads in a Node process (the web host, the benchmark), which do most of
//     the workers' garbage collection (~4 s of CPU each in a 40 s build at 67,000 stories),
//     a little (lowerRuntimeHelpers, called by those entry points at start): below the main
//     thread, above the workers, since the main thread's own collections wait for them too
//     (at the workers' value one waited 40 ms for a helper that could not get a core).
// On a Linux desktop each program usually has a scheduling group of its own (a systemd
// scope, or the kernel's autogroup per session): there these values rank Kroniek's threads
// against each other, not against other programs.
//
// Linux only: there a priority belongs to a thread (/proc/thread-self names it). On macOS
// and Windows Node can only set a whole process's priority, the main thread's included,
// so nothing is changed there. Not done in Electron's main process either: its other
// threads are Chromium's (the one that carries the window's messages among them).

/** The nice value of the feature worker (full builds only). */
export const FEATURE_WORKER_NICE = 19;
/** The nice value of the indexing worker (builds, and the window's searches). */
export const INDEXING_WORKER_NICE = 10;
/** The nice value of V8's helper threads in a Node process that owns a library (above the workers': see above). */
export const RUNTIME_HELPERS_NICE = 5;

/** The calling thread's id as the kernel knows it (Linux), or null. */
export function kernelThreadId(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/** Raises thread `tid`'s nice value to `nice` unless it is that high already; false if it could not be read or set. */
function atLeast(tid: number, nice: number): boolean {
  try {
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return true;
  } catch {
    // The thread ended meanwhile, or the system refused.
    return false;
  }
}

/** Lowers the calling thread's priority to `nice` (Linux); its nice value afterwards, or null where threads have none of their own. */
export function lowerThisThread(nice: number): number | null {
  const tid = kernelThreadId();
  if (tid === null || !atLeast(tid, nice)) return null;
  return getPriority(tid);
}

/**
 * Lowers every other thread the process has now to `nice` (Linux): meant for a Node
 * process's main thread at start, before it opens a library, when those are V8's helper
 * threads (and Node's own idle ones). Threads started later by the main thread inherit its
 * priority, not this one. Returns how many threads were lowered (0 elsewhere).
 */
export function lowerRuntimeHelpers(nice: number = RUNTIME_HELPERS_NICE): number {
  const self = kernelThreadId();
  if (self === null) return 0;
  let lowered = 0;
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const name of tids) {
    const tid = Number(name);
    if (tid !== self && atLeast(tid, nice)) lowered++;
  }
  return lowered;
}
