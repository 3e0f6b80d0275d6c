import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// The two Node programs besides the app: the `kroniek` CLI and the loopback web host.
// Bundled the way electron-vite bundles the app's main process (and the bench its
// measuring child): the TypeScript core inlined, npm packages left to node_modules, one
// ES module per program for plain Node. Built into out/node/ on demand by their
// launchers (electron/cli/kroniek.mjs, electron/host/start.mjs; see electron/launch.mjs)
// when missing or older than the sources, so tsx is never needed to run them. Both
// bundles sit two folders below the repository, as the sources do, so
// `import.meta.dirname`-relative paths (the sample library, the built renderer) hold.
export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: process.env.KRONIEK_NODE_OUT ? resolve(process.env.KRONIEK_NODE_OUT) : resolve(root, 'out/node'),
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    target: 'node20',
    rolldownOptions: {
      input: {
        cli: resolve(root, 'electron/cli/main.ts'),
        host: resolve(root, 'electron/host/main.ts'),
        // The worker threads, beside both (see electron/core/workers/worker-entry.ts).
        'indexing-worker': resolve(root, 'electron/core/indexing/worker.ts'),
        'feature-worker': resolve(root, 'electron/core/indexing/feature-worker.ts'),
        'import-worker': resolve(root, 'electron/core/import/prepare-worker.ts'),
      },
      // Non-ASCII characters escaped, so V8 keeps each module's source one byte a character (see electron.vite.config.ts).
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
    },
  },
});
