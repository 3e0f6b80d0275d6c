import { parentPort, workerData } from 'node:worker_threads';
import { exitThread } from '../workers/worker-exit';
import { prepareIntakeItem, readImportFile } from './intake';
import { claimChunk, type FromPrepareWorker, type PrepareRequest, type PrepareWorkerData, type ToPrepareWorker } from './prepare-protocol';
import { loadNinjsValidators } from './wire/validators/load';

// The thread that reads and prepares the files of a large import (prepare-thread.ts is the
// importing thread's side): reading, the SHA-256 of each file, decoding and parsing (page
// text, ninjs, NewsML-G2), which need nothing of the store. The chunks are answered in the
// order they were asked. It loads none of the store, the contract's schemas, zod or lowdb
// (workers/worker-entry.test.ts).

if (!parentPort) throw new Error('prepare-worker.ts runs as a worker thread');
const port = parentPort;
const send = (message: FromPrepareWorker) => port.postMessage(message);
const claims = new Int32Array((workerData as PrepareWorkerData).claims);

/** Asked to exit: the chunks still queued are dropped (the import has ended, or failed). */
let exiting = false;
/** Every chunk waits for the one asked before it, and all for the ninjs schemas. */
let queue: Promise<boolean> = loadNinjsValidators().then(
  () => true,
  () => {
    send({ type: 'unable' });
    return false;
  },
);

function prepare(request: PrepareRequest): void {
  // A chunk the importing thread took on itself (it was waiting for it) is not answered.
  if (exiting || !claimChunk(claims, request.chunk)) return;
  const prepared = request.files.map((file) => prepareIntakeItem(readImportFile(file, request.maxBytes)));
  send({ type: 'prepared', chunk: request.chunk, prepared });
}

port.on('message', (message: ToPrepareWorker) => {
  if (message.type === 'exit') {
    // Asked by the importing thread (workers/worker-exit.ts): after the file being read, never in the middle of one.
    exiting = true;
    return void queue.finally(() => exitThread(0));
  }
  queue = queue.then((able) => {
    if (able) prepare(message);
    return able;
  });
});
