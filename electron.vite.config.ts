import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

const root = import.meta.dirname;
// Where the three bundles go: out/ normally; the packaging test builds into a temp folder.
const outDir = process.env.KRONIEK_BUILD_OUT ? resolve(process.env.KRONIEK_BUILD_OUT) : resolve(root, 'out');

// Three bundles for the desktop app:
//   main     → out/main/index.js     (ESM; the core is bundled in, npm dependencies stay in node_modules)
//              out/main/indexing-worker.js, feature-worker.js, import-worker.js (the worker threads, same rules)
//   preload  → out/preload/index.cjs (CommonJS: a sandboxed preload cannot be an ES module, and can
//                                    require only 'electron', so everything else, zod included, is bundled)
//   renderer → out/renderer          (the renderer's own vite config, unchanged: the same build the web host serves)
export default defineConfig({
  main: {
    build: {
      outDir: resolve(outDir, 'main'),
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        // The worker threads (worker_threads entries) sit beside index.js and their shared
        // chunks, where electron/core/workers/worker-entry.ts looks for them.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'indexing-worker': resolve(root, 'electron/core/indexing/worker.ts'),
          'feature-worker': resolve(root, 'electron/core/indexing/feature-worker.ts'),
          'import-worker': resolve(root, 'electron/core/import/prepare-worker.ts'),
        },
        // Non-ASCII characters escaped and doc comments left out: V8 keeps a module's source text
        // for as long as the module lives, as one byte per character only when every character
        // fits in a byte. One `—` or `“` anywhere, in a string or a comment, made the whole
        // core's text two bytes a character (11 MB of the main heap). Licence comments stay.
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(outDir, 'preload'),
      emptyOutDir: true,
      sourcemap: false,
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        // One file: a sandboxed preload cannot load chunks.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false, charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  },
  // The renderer config's own root/outDir come from its import.meta.dirname, which
  // points elsewhere once electron-vite bundles this file: set them here, take the rest.
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    base: './',
    build: {
      ...rendererConfig.build,
      outDir: resolve(outDir, 'renderer'),
      emptyOutDir: true,
      // electron-vite turns minification off for renderers; the web host's build is minified.
      minify: true,
      rolldownOptions: { ...rendererConfig.build?.rolldownOptions, input: resolve(root, 'renderer/index.html') },
    },
  },
});
