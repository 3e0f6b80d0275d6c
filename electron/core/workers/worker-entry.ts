import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Where the worker threads' code is, run from source or bundled.
//
// Bundled (electron-vite for the app's main process, vite for the host/CLI and for the
// benchmark's measuring process), each worker is an entry of its own (`indexing-worker.js`,
// `feature-worker.js`, `import-worker.js`, or `.mjs`) beside the main bundle and its chunks, which the bundle
// configs keep in one folder (each config names every entry of WORKERS; a test checks). From
// source (vitest, tsx), a worker thread does not inherit the TypeScript loader: a small
// bootstrap registers tsx in the worker, then imports the worker's source.

/** Bundle entry name → source file under electron/core. */
export const WORKERS = {
  /** The indexes' own thread (indexing/worker.ts). */
  'indexing-worker': 'indexing/worker.ts',
  /** Works out the related index's story features during a full build (indexing/feature-worker.ts). */
  'feature-worker': 'indexing/feature-worker.ts',
  /** Reads and prepares the files of a large import (import/prepare-worker.ts). */
  'import-worker': 'import/prepare-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKERS;

/** The worker entries for a bundle config's `input`, by absolute source path. */
export function workerBundleInputs(root: string): Record<WorkerName, string> {
  const folder = path.join(root, 'electron/core');
  return Object.fromEntries(Object.entries(WORKERS).map(([name, source]) => [name, path.join(folder, source)])) as Record<WorkerName, string>;
}

export interface WorkerEntry {
  url: URL;
  /** Passed along in `workerData` (the bootstrap reads `entry`). */
  data: Record<string, string>;
}

/**
 * Run from source, the workers may come from a bundle folder instead
 * (`$KRONIEK_WORKER_BUNDLE`, e.g. out/node/ built from the same sources): the test runner
 * sets it, because a worker that registers tsx and compiles its sources costs ~0.5 s of CPU
 * at every start, and the tests open hundreds of libraries.
 */
export const WORKER_BUNDLE_ENV = 'KRONIEK_WORKER_BUNDLE';

export function workerEntry(name: WorkerName, here = import.meta.url, bundle = process.env[WORKER_BUNDLE_ENV]): WorkerEntry {
  const extension = path.extname(fileURLToPath(here));
  if (extension === '.ts' && bundle) return { url: pathToFileURL(path.join(bundle, `${name}.js`)), data: {} };
  if (extension === '.ts') return { url: new URL('worker-bootstrap.mjs', here), data: { entry: new URL(`../${WORKERS[name]}`, here).href } };
  return { url: new URL(`${name}${extension}`, here), data: {} };
}

export function indexingWorkerEntry(here = import.meta.url): WorkerEntry {
  return workerEntry('indexing-worker', here);
}
