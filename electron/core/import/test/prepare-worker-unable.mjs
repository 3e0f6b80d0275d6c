// A preparing thread whose start failed (prepare-thread.test.ts): it says so, and stays.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ type: 'unable' });
parentPort.on('message', (message) => {
  if (message.type === 'exit') process.exit(0);
});
