import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the indexing worker's code is, run from source or bundled.
//
// Bundled (electron-vite for the app's main process, vite for the benchmark's measuring
// process), worker.ts is an entry of its own, `indexing-worker.js` (or `.mjs`) beside the
// main bundle and its chunks, which the bundle configs keep in one folder. From source
// (vitest, the tsx-run CLI and host), a worker thread does not inherit the TypeScript
// loader: a small bootstrap registers tsx in the worker, then imports worker.ts.

/** The worker bundle's name without extension: the entry name in both bundle configs. */
export const INDEXING_WORKER_ENTRY = 'indexing-worker';

export interface WorkerEntry {
  url: URL;
  /** Passed along in `workerData` (the bootstrap reads `entry`). */
  data: Record<string, string>;
}

export function indexingWorkerEntry(here = import.meta.url): WorkerEntry {
  const extension = path.extname(fileURLToPath(here));
  if (extension === '.ts') {
    const bootstrap = 'worker-bootstrap.mjs';
    const source = 'worker.ts';
    return { url: new URL(bootstrap, here), data: { entry: new URL(source, here).href } };
  }
  const bundled = `${INDEXING_WORKER_ENTRY}${extension}`;
  return { url: new URL(bundled, here), data: {} };
}
