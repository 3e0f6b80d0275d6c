import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles the measuring process (child.ts) the way electron-vite bundles the app's main
 * process: the core inlined, npm packages left to node_modules, an ES module for Node.
 * Returns the bundle's path.
 */
export async function bundleMeasuringChild(): Promise<string> {
  const outDir = path.join(ROOT, 'out/bench');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: path.join(ROOT, 'electron/bench/child.ts'),
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } },
    },
  });
  return path.join(outDir, 'child.mjs');
}
