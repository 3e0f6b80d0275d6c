import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium the e2e tests use: $KRONIEK_CHROMIUM or a system install (Playwright's own download is unreachable here). */
export function findChromium(): string | undefined {
  const fromEnv = process.env.KRONIEK_CHROMIUM;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Launch options for every Playwright run (tests and benchmarks): the system Chromium, quiet and offline. */
export const chromiumLaunchOptions = {
  executablePath: findChromium(),
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  chromiumSandbox: false,
};
