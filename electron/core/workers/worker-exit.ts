import { isMainThread, type Worker } from 'node:worker_threads';

// How Kroniek's worker threads end. Never with a bare `worker.terminate()` while the
// worker may be running: Node (20) then aborts the whole process, not just the worker
// ("Assertion failed: (req_wrap) != nullptr" in node::fs::AsyncDestCall), when the
// termination lands as the worker thread starts a node:fs promise call (seen in CI: a
// library closed while its indexing worker was reading the index snapshot). A worker is
// asked to exit instead and calls process.exit itself, between two of its tasks, so no
// call of its own is cut in half; terminate() is only the fallback for a worker that does
// not answer within the grace period (a thread stuck in a loop).

/** The message that asks a worker to exit. */
export interface ExitRequest {
  type: 'exit';
}
export const EXIT_REQUEST: ExitRequest = { type: 'exit' };

/** How a worker ended when it was stopped: by itself, asked to; terminated after the grace period; or it had ended already. */
export type WorkerEnd = 'exited' | 'terminated' | 'ended';

/** How long a worker has to exit when asked before it is terminated. */
export const EXIT_GRACE_MS = 10_000;

/** The workers this thread started that have not exited yet. */
const running = new Set<Worker>();
const stopping = new Map<Worker, Promise<WorkerEnd>>();

/** Keeps track of a worker this thread started, so that stopping it and exiting this thread can wait for it. */
export function started(worker: Worker): Worker {
  running.add(worker);
  worker.once('exit', () => {
    running.delete(worker);
    stopping.delete(worker);
  });
  return worker;
}

/** Asks a worker (started with `started`) to exit, and terminates it if it has not within `graceMs`; resolves once it is gone. */
export function stopWorker(worker: Worker, graceMs = EXIT_GRACE_MS): Promise<WorkerEnd> {
  if (!running.has(worker)) return Promise.resolve('ended');
  const already = stopping.get(worker);
  if (already) return already;
  const ending = new Promise<WorkerEnd>((resolve) => {
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      void worker.terminate();
    }, graceMs);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve(forced ? 'terminated' : 'exited');
    });
  });
  stopping.set(worker, ending);
  // A worker that closed its port is on its way out by itself: the request is dropped.
  worker.postMessage(EXIT_REQUEST);
  return ending;
}

/** The workers this thread started that are running and have not been asked to stop (for tests: leaks). */
export function runningWorkers(): Worker[] {
  return [...running].filter((worker) => !stopping.has(worker));
}

/** Settles once every worker this thread asked to stop has ended. */
export async function whenStopped(): Promise<void> {
  await Promise.all(stopping.values());
}

/** Ends this worker thread with `code`: the workers it started first (each asked as above), then itself. */
export async function exitThread(code: number): Promise<never> {
  if (isMainThread) throw new Error('exitThread ends a worker thread, not the process');
  await Promise.all([...running].map((worker) => stopWorker(worker)));
  process.exit(code);
}
