import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';

// Renderer benchmark (keystroke to updated list, target ≤ 100 ms p95), NOT part of
// `npm test`. Run against an existing library:
//   KRONIEK_BENCH_DATA=bench-data/library-50000 npm run bench:typing
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  globalSetup: '../global-setup.ts',
  workers: 1,
  retries: 0,
  // Cold open and index build of a 50,000-story library come first.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  outputDir: '../../test-results/bench',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    launchOptions: chromiumLaunchOptions,
  },
});
