import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need modules of their own: they replace modules with vi.mock (Electron's
 * main process and preload) or test what a module does once per process (the memory policy).
 */
const NEEDS_ISOLATION = ['electron/main/**/*.test.ts', 'electron/preload/**/*.test.ts', 'electron/core/memory-policy.test.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    // Two test files at a time. vitest's default on a 2-core machine is one (cores - 1),
    // which left a core idle while a test waited on the disk (fsync), a child process
    // (the CLI, Chromium printing) or a worker thread.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // The worker threads of every library a test opens run bundled (built once, when stale, by
    // the global set-up), not from source through tsx: see electron/test/vitest-global-setup.ts.
    globalSetup: ['electron/test/vitest-global-setup.ts'],
    env: { KRONIEK_WORKER_BUNDLE: path.join(import.meta.dirname, 'out/test-workers') },
    // Core and contract tests run in plain Node; renderer tests in jsdom.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts'],
          exclude: NEEDS_ISOLATION,
          setupFiles: ['electron/test-setup.ts'],
          testTimeout: 60_000,
          // A beforeAll that builds a library and its indexes is as slow as a test: vitest's
          // default of 10 s for hooks failed one on a loaded machine.
          hookTimeout: 60_000,
          // The files of one test worker share their modules (vitest's isolation re-imported
          // the core for each of 140 files: ~50 s of the run's CPU). The core keeps no state
          // between libraries beyond read-only caches; the files that do need fresh modules
          // run in the next project.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: NEEDS_ISOLATION,
          setupFiles: ['electron/test-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
          // Shared modules per test worker, as in the node project (each test unmounts what it
          // rendered and clears storage: renderer/test-setup.ts).
          isolate: false,
          // vitest's default of 5 s failed a whole-app test on this shared 2-core machine under load.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
