import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session as electronSession, type Session } from 'electron';
import { PdfCancelledError, PdfLimitError } from '../core/export/pdf-limits';
import type { PdfPrinter, PdfPrintOptions } from '../core/ports';
import { denyPermissions } from './navigation';
import { printWindowOptions } from './window-options';

// The Electron PdfPrinter: prints the core's self-contained HTML with
// Chromium's print engine (`webContents.printToPDF`) in a hidden window built
// by the same options builder as the app window, without a preload, with
// JavaScript off, in its own in-memory session whose network is closed.
//
// The document is written to a private temp file and loaded as file://, not as
// a data: URL: Chromium caps URLs at 2 MB (a long dossier is bigger), and a
// file URL is a fixed, exact address the request blocker can allow while it
// cancels everything else (images, fonts, other files, the network).

export const PRINT_PARTITION = 'kroniek-print';
/** One print never takes longer than this, whatever time the export has left (see PDF_LIMITS). */
const PRINT_TIMEOUT_MS = 5 * 60_000;

/** Drops the fragment: `doc.html#toc` is still the document itself. */
function withoutHash(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * The print session's request rule: only the documents being printed right
 * now may load, each by its exact URL; every other request (network, other
 * files, app://, anything referenced from the document) is cancelled.
 */
export function isAllowedPrintRequest(allowedDocuments: ReadonlySet<string>, requestUrl: string): boolean {
  const url = withoutHash(requestUrl);
  return url !== null && allowedDocuments.has(url);
}

export interface ElectronPrinterOptions {
  /** Where the temp documents go (defaults to the OS temp folder). */
  tempDir?: string;
  log?: (message: string) => void;
}

export function createElectronPrinter(options: ElectronPrinterOptions = {}): PdfPrinter {
  const allowed = new Set<string>();
  const log = options.log ?? ((message: string) => console.warn(message));
  let printSession: Session | null = null;

  function sessionForPrinting(): Session {
    if (printSession) return printSession;
    // No `persist:` prefix: an in-memory session, nothing is written to disk.
    const created = electronSession.fromPartition(PRINT_PARTITION);
    created.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      const allow = isAllowedPrintRequest(allowed, details.url);
      if (!allow) log(`[kroniek] print: blocked ${details.url.slice(0, 200)}`);
      callback({ cancel: !allow });
    });
    denyPermissions(created);
    printSession = created;
    return created;
  }

  async function printToPdf(html: string, print: PdfPrintOptions): Promise<Uint8Array> {
    if (print.signal?.aborted) throw new PdfCancelledError();
    // Bounded by the export's time left and its cancel signal, from the start; the window
    // and the temp file are removed below either way.
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const timeoutMs = Math.min(print.timeoutMs ?? PRINT_TIMEOUT_MS, PRINT_TIMEOUT_MS);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfLimitError('time', timeoutMs, null)), Math.max(0, timeoutMs));
      onAbort = () => reject(new PdfCancelledError());
      print.signal?.addEventListener('abort', onAbort, { once: true });
    });
    // Raced below; should an earlier step fail first, its rejection is not left unhandled.
    timeout.catch(() => undefined);
    const folder = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'kroniek-print-'));
    const file = path.join(folder, 'document.html');
    const documentUrl = pathToFileURL(file).href;
    let window: BrowserWindow | null = null;
    try {
      await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
      sessionForPrinting();
      allowed.add(documentUrl);
      // webPreferences come from the one tested builder; electronegativity.test.ts scans its real output.
      window = new BrowserWindow(printWindowOptions(PRINT_PARTITION)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
      const contents = window.webContents;
      await Promise.race([contents.loadURL(documentUrl), timeout]);
      const pdf = await Promise.race([
        contents.printToPDF({
          // A4 unless the document's @page rule says otherwise.
          pageSize: 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          generateDocumentOutline: print.outline,
          generateTaggedPDF: print.tagged ?? print.outline,
          // The running header and "page X of Y" are the document's own @page margin
          // boxes; Chromium's header/footer would print over them.
          displayHeaderFooter: false,
        }),
        timeout,
      ]);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      clearTimeout(timer);
      if (onAbort) print.signal?.removeEventListener('abort', onAbort);
      allowed.delete(documentUrl);
      // Always destroyed, also after a failed load or print.
      if (window && !window.isDestroyed()) window.destroy();
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  return { printToPdf };
}
