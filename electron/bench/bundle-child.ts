import path from 'node:path';
import { build } from 'vite';
import { workerBundleInputs } from '../core/indexing/worker-entry';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles the measuring process (child.ts) the way electron-vite bundles the app's main
 * process: the core inlined, npm packages left to node_modules, an ES module for Node, and
 * the indexing worker as a second entry, as in the app.
 * Returns the bundle's path.
 */
export async function bundleMeasuringChild(): Promise<string> {
  // One folder per benchmark process: two benchmarks at once never empty each other's bundle.
  const outDir = path.join(ROOT, 'out', `bench-${process.pid}`);
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
        // The worker threads are entries of their own, beside the child and their shared chunks (see indexing/worker-entry.ts).
        input: { child: path.join(ROOT, 'electron/bench/child.ts'), ...workerBundleInputs(ROOT) },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  return path.join(outDir, 'child.mjs');
}
