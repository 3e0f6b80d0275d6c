// A preparing thread that dies with work in hand (prepare-thread.test.ts): it claims every
// chunk it is asked for, answers none, and exits on the second request.
import { parentPort, workerData } from 'node:worker_threads';

const claims = new Int32Array(workerData.claims);
let requests = 0;
parentPort.on('message', (message) => {
  if (message.type !== 'prepare') return;
  Atomics.store(claims, message.chunk, 1);
  if (++requests === 2) process.exit(3);
});
