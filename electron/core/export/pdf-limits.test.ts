import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../ports';
import { createChromiumPrinter } from './chromium-printer';
import { exportDossierPdf } from './pdf';
import { PDF_LIMITS, PdfCancelledError, PdfLimitError } from './pdf-limits';
import { seedDossierDocument } from './test/fixture';

// PDF printing is bounded: too much text is refused before printing, a document over
// the page limit is not finished, a print over its time is torn down (and the next
// print starts a fresh Chromium), and a cancel stops the export. Real headless Chromium.

const printer = createChromiumPrinter();
afterAll(() => printer.close());

const rejection = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('PDF limits', () => {
  it('refuses a dossier with more text than the limit before printing anything', async () => {
    let prints = 0;
    const counting: PdfPrinter = { printToPdf: async () => (prints++, new Uint8Array()) };
    const error = await rejection(exportDossierPdf(seedDossierDocument(), counting, { limits: { textChars: 1_000 } }));
    expect(error).toBeInstanceOf(PdfLimitError);
    expect(error).toMatchObject({ kind: 'size', limit: 1_000, found: expect.any(Number) });
    expect((error as PdfLimitError).found!).toBeGreaterThan(1_000);
    expect(prints).toBe(0);
    expect(PDF_LIMITS).toEqual({ pages: 1_000, timeMs: 300_000, textChars: 3_500_000 });
  });

  it('stops a document over the page limit after the first print, and says how many pages it had', async () => {
    const doc = seedDossierDocument();
    const full = await PDFDocument.load(await exportDossierPdf(doc, printer));
    const pages = full.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const progress: unknown[] = [];
    const error = await rejection(exportDossierPdf(doc, printer, { limits: { pages: 2 }, onProgress: (step) => progress.push(step) }));
    expect(error).toMatchObject({ kind: 'pages', limit: 2, found: pages });
    expect((error as Error).message).toContain(`${pages} pages; the limit is 2`);
    expect(progress).toEqual([{ pass: 1, pages: null }, { pass: 1, pages }]);
  });

  it('tears down a print over its time (a hung Chromium is closed) and prints again afterwards', async () => {
    const html = '<!doctype html><title>x</title><p>Hallo</p>';
    const error = await rejection(printer.printToPdf(html, { title: 'x', outline: false, timeoutMs: 0 }));
    expect(error).toBeInstanceOf(PdfLimitError);
    expect(error).toMatchObject({ kind: 'time' });
    const again = await printer.printToPdf(html, { title: 'x', outline: false, timeoutMs: 60_000 });
    expect(Buffer.from(again.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    // Through the export: the whole export's time is what bounds each print.
    const late = await rejection(exportDossierPdf(seedDossierDocument(), printer, { limits: { timeMs: 0 } }));
    expect(late).toMatchObject({ kind: 'time', limit: 0 });
  });

  it('stops on cancel, before or during a print', async () => {
    const before = new AbortController();
    before.abort();
    expect(await rejection(exportDossierPdf(seedDossierDocument(), printer, { signal: before.signal }))).toBeInstanceOf(PdfCancelledError);
    const during = new AbortController();
    const hanging: PdfPrinter = {
      printToPdf: (_html, options) =>
        new Promise((_, reject) => {
          options.signal?.addEventListener('abort', () => reject(new PdfCancelledError()));
          during.abort();
        }),
    };
    expect(await rejection(exportDossierPdf(seedDossierDocument(), hanging, { signal: during.signal }))).toBeInstanceOf(PdfCancelledError);
  });
});
