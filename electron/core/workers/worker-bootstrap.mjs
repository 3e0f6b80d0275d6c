// Runs a worker thread from its TypeScript source (see worker-entry.ts): a worker
// thread does not inherit the parent's tsx loader, so it registers its own.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
