import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

// e2e tests drive the real renderer in Debian's Chromium against the loopback
// host over a real store, one fresh data folder per test.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  // Three at a time on the 2-core CI machine: a test spends much of its time waiting (its
  // host starting and building the sample library's indexes, Chromium loading and
  // printing), so with two workers the cores were busy only about half the time
  // (e2e 240 s → 209 s with three).
  workers: 3,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    launchOptions: chromiumLaunchOptions,
    // A failed test keeps its trace (actions, DOM snapshots, console, network), but without
    // the screencast: recording a frame of every paint cost a quarter of the run's CPU
    // (trash.spec: 63–68 s → 48–54 s CPU), and the DOM snapshots show the page anyway.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
});
