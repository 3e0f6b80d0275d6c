import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { newestMtime, NODE_SOURCES, ROOT, viteBuild } from '../launch.mjs';
import { WORKERS } from '../core/workers/worker-entry';

/**
 * Where the tests' worker threads come from: the worker threads (WORKERS) bundled from
 * the same sources (vite.node.config.ts), in a folder of their own so that a test that
 * rebuilds out/node (the packaging test) never pulls them away from a running test. From
 * source, each worker start registers tsx and compiles the worker's modules again: ~0.5 s
 * of CPU per library opened, and the tests open hundreds (see worker-entry.ts).
 */
export const TEST_WORKERS = path.join(ROOT, 'out/test-workers');

/** Builds TEST_WORKERS when missing or older than the sources (built aside, then swapped in). */
export default function setup(): void {
  const built = Math.min(...Object.keys(WORKERS).map((name) => newestMtime(path.join(TEST_WORKERS, `${name}.js`))));
  if (built > 0 && !NODE_SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built)) return;
  const fresh = path.join(ROOT, 'out', `.test-workers-${process.pid}-${Date.now()}`);
  if (!viteBuild(['--config', 'vite.node.config.ts'], { KRONIEK_NODE_OUT: fresh })) {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error('Building the worker threads for the tests (out/test-workers) failed; see the messages above.');
  }
  rmSync(TEST_WORKERS, { recursive: true, force: true });
  try {
    renameSync(fresh, TEST_WORKERS);
  } catch {
    // Another test run put its build in place first: use that one.
    rmSync(fresh, { recursive: true, force: true });
  }
}
