import fc from 'fast-check';
import { afterAll } from 'vitest';
import { runningWorkers, stopWorker, whenStopped } from './core/workers/worker-exit';

// Property tests draw the same cases on every run: a failure seen once is seen again, and no run
// passes or fails by the luck of a random seed. Change the seed on purpose to explore new cases.
fc.configureGlobal({ seed: 20_261_203 });

// A test file must close the libraries it opens: a worker thread left running would be ended
// with terminate() when the test process exits, which Node 20 can turn into an abort of the
// whole process (see workers/worker-exit.ts). Any left are asked to exit, and the file fails.
afterAll(async () => {
  const left = runningWorkers();
  await Promise.all(left.map((worker) => stopWorker(worker)));
  await whenStopped();
  if (left.length === 0) return;
  throw new Error(`${left.length} worker thread(s) left running: close every library (and IndexingClient) the tests open`);
});
