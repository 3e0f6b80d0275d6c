import { PDFDocument } from 'pdf-lib';
import { createChromiumPrinter } from '../core/export/chromium-printer';
import { exportDossierPdf } from '../core/export/pdf';
import { syntheticDocument } from '../core/export/test/fixture';

// Benchmark helper (not a test): PDF export time of a dossier of synthetic,
// wire-length stories. Chromium is started and warmed up before the clock
// runs, as in the app, where the printer stays up between exports.
//
//   npx tsx -e "import('./electron/bench/export.ts').then(async (m) => console.log(await m.benchExportPdf(20)))"

export async function benchExportPdf(stories: number): Promise<{ ms: number; pages: number }> {
  const printer = createChromiumPrinter();
  try {
    await exportDossierPdf(syntheticDocument(1), printer);
    const doc = syntheticDocument(stories);
    const started = performance.now();
    const bytes = await exportDossierPdf(doc, printer);
    const ms = Math.round(performance.now() - started);
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    return { ms, pages };
  } finally {
    await printer.close();
  }
}
