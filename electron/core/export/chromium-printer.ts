import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PdfPrinter, PdfPrintOptions } from '../ports';
import { PdfCancelledError, PdfLimitError } from './pdf-limits';

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
  constructor(
    message: string,
    /** The path that was configured and is not there; null when none was and none was found in the usual places. */
    readonly configured: string | null = null,
  ) {
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
      configured,
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

/**
 * A printer that starts headless Chromium on the first print and reuses it (one
 * browser, one page) until `close()`. Prints run one at a time: opening a page
 * costs more than printing a short document, and Chromium prints serially anyway.
 */
export function createChromiumPrinter(options: { executablePath?: string } = {}): ChromiumPrinter {
  let session: Promise<PrintSession> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const blockedRequests: string[] = [];

  async function start(): Promise<PrintSession> {
    const executablePath = findChromium(options.executablePath);
    // Loaded here, not at module load: starting the app never pays for playwright-core.
    const { chromium } = await import('playwright-core');
    // Chromium refuses to run its sandbox as root (containers, CI); elsewhere keep it.
    const args = runningAsRoot() ? ['--no-sandbox', ...LAUNCH_ARGS] : LAUNCH_ARGS;
    const browser = await chromium.launch({ executablePath, headless: true, args });
    try {
      // Not `offline`: that fails requests before the route below could see and record them.
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
      const page = await context.newPage();
      // The document is set with setContent, so no request is needed at all: refuse and record every one.
      await page.route('**/*', async (route) => {
        blockedRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      });
      return { browser, page };
    } catch (error) {
      await browser.close().catch(() => undefined);
      throw error;
    }
  }

  function ensureSession(): Promise<PrintSession> {
    if (!session) {
      const starting = start();
      session = starting;
      // A failed start is not kept: the next print tries again (and reports again).
      starting.catch(() => {
        if (session === starting) session = null;
      });
      // If Chromium dies (killed, crashed), the next print starts a fresh one.
      void starting.then(({ browser }) =>
        browser.on('disconnected', () => {
          if (session === starting) session = null;
        }),
      ).catch(() => undefined);
    }
    return session;
  }

  async function printOnce(html: string, print: PdfPrintOptions): Promise<Uint8Array> {
    const { page } = await ensureSession();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      // The document's @page margin boxes are the running header and footer.
      displayHeaderFooter: false,
      outline: print.outline,
      tagged: print.tagged ?? print.outline,
    });
    // A fresh document for the next print: setContent writes into the current
    // one, which would keep this one's CSP and anything else it set.
    await page.goto('about:blank').catch(() => undefined);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  /**
   * One print, bounded by `print.timeoutMs` and `print.signal`: when either fires, the
   * browser is closed (a hung print never finishes by itself) and the next print starts
   * a fresh one.
   */
  async function boundedPrint(html: string, print: PdfPrintOptions): Promise<Uint8Array> {
    const { signal, timeoutMs } = print;
    if (signal?.aborted) throw new PdfCancelledError();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      if (timeoutMs !== undefined) timer = setTimeout(() => reject(new PdfLimitError('time', timeoutMs, null)), Math.max(0, timeoutMs));
      onAbort = () => reject(new PdfCancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const printing = printOnce(html, print);
    try {
      return await Promise.race([printing, stopped]);
    } catch (error) {
      if (error instanceof PdfCancelledError || error instanceof PdfLimitError) {
        printing.catch(() => undefined);
        await close();
      }
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  function printToPdf(html: string, print: PdfPrintOptions): Promise<Uint8Array> {
    const result = queue.then(() => boundedPrint(html, print));
    queue = result.catch(() => undefined);
    return result;
  }

  async function close(): Promise<void> {
    const pending = session;
    session = null;
    if (!pending) return;
    const started = await pending.catch(() => null);
    await started?.browser.close().catch(() => undefined);
  }

  return { printToPdf, close, blockedRequests };
}

interface PrintSession {
  browser: Browser;
  page: Page;
}
