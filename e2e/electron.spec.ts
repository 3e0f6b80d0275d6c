import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { methodNames } from '../shared/contract';

// The real desktop app, started by Playwright's Electron launcher on a fresh
// library folder. Needs the Electron binary, which `npm install` downloads
// unless ELECTRON_SKIP_BINARY_DOWNLOAD is set (as on headless CI machines).

const ROOT = path.resolve(import.meta.dirname, '..');

/** The Electron executable `npm install` put in place, or null: require('electron') gives its path, or throws without it. */
function electronBinary(): string | null {
  try {
    const executable = createRequire(import.meta.url)('electron') as unknown;
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const executablePath = electronBinary();
const electronBinaryAvailable = executablePath !== null;

/** First non-blank line of each sample story: its headline. */
function seedHeadlines(): string[] {
  const dir = path.join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '')!.trim());
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('desktop app', () => {
  test.skip(!electronBinaryAvailable, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): run on a machine with the binary');

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(() => {
    // main and preload bundles (the renderer is built by the global setup, but this builds all three).
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('electron-vite build failed');
  });

  test.beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-electron-e2e-'));
    // Chromium refuses its sandbox as root (containers); the renderer stays `sandbox: true`.
    const rootArgs = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: executablePath!,
      args: [...rootArgs, ROOT, '--data', dataDir],
      env: { ...process.env, ELECTRON_ENABLE_SECURITY_WARNINGS: 'true' },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('opens on the app scheme and lists the five sample headlines', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/kroniek\//);
    const list = page.getByRole('listbox', { name: /stories|verhalen|berichten/i });
    const headlines = seedHeadlines();
    expect(headlines).toHaveLength(5);
    for (const headline of headlines) await expect(list.getByRole('option', { name: new RegExp(escapeRegExp(headline)) })).toBeVisible();
  });

  test('the page gets exactly the contract methods and no Node', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { kroniek: object }).kroniek).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
    }));
    expect(exposed.keys).toEqual([...methodNames].sort());
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.module).toBe('undefined');
  });

  test('a call through the bridge answers an envelope; navigation away is refused', async () => {
    const page = await app.firstWindow();
    const status = await page.evaluate(() => (window as unknown as { kroniek: Record<string, (input: unknown) => Promise<unknown>> }).kroniek['library.status']!({}));
    expect(status).toMatchObject({ ok: true });
    const extra = await page.evaluate(() => (window as unknown as { kroniek: Record<string, (input: unknown) => Promise<unknown>> }).kroniek['library.status']!({ extra: 1 }));
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Refused in will-navigate: no frame navigation happens at all.
    const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(() => true, () => false);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(await navigated).toBe(false);
    expect(page.url()).toMatch(/^app:\/\/kroniek\//);
  });
});
