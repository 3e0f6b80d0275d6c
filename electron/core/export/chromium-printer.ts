import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { PdfPrinter, PdfPrintOptions } from '../ports';

// The PDF printer for plain Node (the loopback host, the CLI, tests and
// benchmarks): headless Chromium driven by playwright-core. Electron prints the
// same HTML with `webContents.printToPDF`; both are Chromium's print engine.
//
// The document is untrusted text rendered into HTML. Its own CSP already
// forbids scripts and fetches; this adapter adds a second wall: JavaScript is
// off for the page, every request is aborted (and counted, so tests can assert
// that none was made), and the browser is started without background services.

export const CHROMIUM_ENV = 'KRONIEK_CHROMIUM';

/** Where Chromium-based browsers are usually installed, per platform, most likely first. */
function usualLocations(): string[] {
  switch (process.platform) {
    case 'darwin':
      return [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
    case 'win32': {
      const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter(
        (root): root is string => Boolean(root),
      );
      return roots.flatMap((root) => [
        path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]);
    }
    default:
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
  }
}

export class ChromiumNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumNotFoundError';
  }
}

/**
 * The Chromium to print with: an explicit path, else `KRONIEK_CHROMIUM`, else the
 * first usual install location that exists. Throws a message that names the
 * environment variable when there is none.
 */
export function findChromium(explicitPath?: string): string {
  const configured = explicitPath ?? process.env[CHROMIUM_ENV];
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new ChromiumNotFoundError(
      `Chromium was not found at ${configured}${explicitPath ? '' : ` (from ${CHROMIUM_ENV})`}. Set ${CHROMIUM_ENV} to the path of a Chromium, Chrome or Edge executable.`,
    );
  }
  const found = usualLocations().find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new ChromiumNotFoundError(
    `PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found in the usual places. Install one, or set ${CHROMIUM_ENV} to the path of its executable.`,
  );
}

export interface ChromiumPrinter extends PdfPrinter {
  /** Stops the browser; a later print starts a new one. */
  close(): Promise<void>;
  /** URLs the printed documents tried to load (all were refused). Empty for a correct document. */
  readonly blockedRequests: readonly string[];
}

const LAUNCH_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** A printer that starts headless Chromium on the first print and reuses it until `close()`. */
export function createChromiumPrinter(options: { executablePath?: string } = {}): ChromiumPrinter {
  let browser: Promise<Browser> | null = null;
  const blockedRequests: string[] = [];

  async function launch(): Promise<Browser> {
    const executablePath = findChromium(options.executablePath);
    // Loaded here, not at module load: starting the app never pays for playwright-core.
    const { chromium } = await import('playwright-core');
    // Chromium refuses to run its sandbox as root (containers, CI); elsewhere keep it.
    const args = runningAsRoot() ? ['--no-sandbox', ...LAUNCH_ARGS] : LAUNCH_ARGS;
    const started = await chromium.launch({ executablePath, headless: true, args });
    // If Chromium dies (killed, crashed), start a fresh one on the next print.
    started.on('disconnected', () => {
      if (browser && current === started) browser = null;
    });
    current = started;
    return started;
  }
  let current: Browser | null = null;

  function ensureBrowser(): Promise<Browser> {
    if (!browser) {
      browser = launch();
      // A failed launch is not cached: the next print tries again (and reports again).
      browser.catch(() => {
        browser = null;
      });
    }
    return browser;
  }

  async function printToPdf(html: string, print: PdfPrintOptions): Promise<Uint8Array> {
    const started = await ensureBrowser();
    const context = await started.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.route('**/*', async (route) => {
        blockedRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      });
      await page.setContent(html, { waitUntil: 'load' });
      // Web fonts are not used (no requests), but local font loading is still async.
      await page.emulateMedia({ media: 'print' });
      const withHeaderFooter = print.headerTemplate !== undefined || print.footerTemplate !== undefined;
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: withHeaderFooter,
        headerTemplate: print.headerTemplate ?? '<span></span>',
        footerTemplate: print.footerTemplate ?? '<span></span>',
        outline: print.outline,
        tagged: print.tagged ?? print.outline,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async function close(): Promise<void> {
    const pending = browser;
    browser = null;
    current = null;
    if (!pending) return;
    const started = await pending.catch(() => null);
    await started?.close().catch(() => undefined);
  }

  return { printToPdf, close, blockedRequests };
}
