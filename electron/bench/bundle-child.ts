import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { WORKER_BUNDLE_ENV, workerBundleInputs } from '../core/workers/worker-entry';
import { isProcessAlive } from '../core/store/lock';
import { nodeBundle, ROOT } from '../launch.mjs';

/**
 * The worker threads the benchmark's own process starts (its imports: the import's preparing
 * thread, the indexing workers) run bundled, as in the app and the CLI (out/node, built first
 * when stale), not from source: from source each one registers tsx and compiles its modules
 * (the ninjs schemas' 5 MB among them) at every start.
 */
export function bundledWorkers(): void {
  nodeBundle('cli');
  process.env[WORKER_BUNDLE_ENV] ??= path.join(ROOT, 'out/node');
}

/**
 * Bundles the measuring process (child.ts) the way electron-vite bundles the app's main
 * process: the core inlined, npm packages left to node_modules, an ES module for Node, and
 * the indexing worker as a second entry, as in the app.
 * Returns the bundle's path.
 */
export async function bundleMeasuringChild(): Promise<string> {
  // One folder per benchmark process: two benchmarks at once never empty each other's bundle.
  const outDir = path.join(ROOT, 'out', `bench-${process.pid}`);
  removeOrphanedBundles();
  // Removed when this benchmark ends (a crash leaves it to the next benchmark's clean-up).
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      rolldownOptions: {
        // The worker threads are entries of their own, beside the child and their shared chunks (see workers/worker-entry.ts).
        input: { child: path.join(ROOT, 'electron/bench/child.ts'), ...workerBundleInputs(ROOT) },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  });
  return path.join(outDir, 'child.mjs');
}

/** Deletes the bundle folders of benchmark processes that no longer run. */
function removeOrphanedBundles(): void {
  let names: string[];
  try {
    names = readdirSync(path.join(ROOT, 'out'));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^bench-(\d+)$/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || isProcessAlive(Number(pid))) continue;
    rmSync(path.join(ROOT, 'out', name), { recursive: true, force: true });
  }
}

