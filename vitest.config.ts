import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

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
          setupFiles: ['electron/test-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
          // vitest's default of 5 s failed a whole-app test on this shared 2-core machine under load.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
