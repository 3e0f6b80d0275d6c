import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierDetail, ExportedFile, ExportProgress } from '../../../../shared/contract/dossiers';
import { openKroniek, type KroniekCore } from '../../app';
import { PdfCancelledError, PdfLimitError } from '../../export/pdf-limits';
import type { PdfPrinter } from '../../ports';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { closeExportSession } from './export-session';
import { ok } from './test/support';

// A PDF export through the service can be followed and cancelled, and a dossier over a
// limit fails with a reason the UI and the CLI word. Real store; the printer is the
// runtime's port (pdf-limits.test.ts prints with real Chromium).

async function withCore<T>(printer: PdfPrinter, run: (core: KroniekCore, id: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), ports: { printer }, indexes: 'lazy' });
    try {
      await core.context.store.addStories([fakeStory('s1'), fakeStory('s2')]);
      const dossier = await ok<DossierDetail>(core, 'dossiers.create', { title: 'Dossier', storyIds: ['s1', 's2'] });
      return await run(core, dossier.dossier.id);
    } finally {
      await closeExportSession(core.context);
      await core.close();
    }
  });
}

/** A printer that never finishes by itself: it stops only when the export's signal fires. */
function hangingPrinter(): PdfPrinter & { started: number } {
  const printer = {
    started: 0,
    printToPdf: (_html: string, options: { signal?: AbortSignal }) =>
      new Promise<Uint8Array>((_, reject) => {
        printer.started++;
        options.signal?.addEventListener('abort', () => reject(new PdfCancelledError()));
      }),
  };
  return printer;
}

describe('PDF export progress, cancel and limits through the service', () => {
  it('shows an export under way and cancels it on request', async () => {
    const printer = hangingPrinter();
    await withCore(printer, async (core, id) => {
      expect(await ok(core, 'dossiers.exportProgress', { id })).toBeNull();
      expect(await ok(core, 'dossiers.cancelExport', { id })).toEqual({ cancelled: 0 });
      const exporting = core.dispatch('dossiers.export', { id, format: 'pdf' });
      let progress: ExportProgress | null = null;
      while (!progress || printer.started === 0) {
        progress = await ok<ExportProgress | null>(core, 'dossiers.exportProgress', { id });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(await ok(core, 'dossiers.exportProgress', { id })).toMatchObject({ dossierId: id, pass: 1, pages: null, limitPages: 1_000, limitMs: 300_000, elapsedMs: expect.any(Number) });
      expect(await ok(core, 'dossiers.cancelExport', { id })).toEqual({ cancelled: 1 });
      const answer = await exporting;
      expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The PDF export was cancelled.', reason: { code: 'export.cancelled' } } });
      expect(await ok(core, 'dossiers.exportProgress', { id })).toBeNull();
      // Other formats are no PDF jobs: nothing to follow or cancel.
      expect((await ok<ExportedFile>(core, 'dossiers.export', { id, format: 'md' })).fileName).toMatch(/\.md$/);
    });
  });

  it('fails an export over a limit with code too-large and the reason export.pdfLimit', async () => {
    let error = new PdfLimitError('time', 300_000, null);
    const printer: PdfPrinter = { printToPdf: async () => Promise.reject(error) };
    await withCore(printer, async (core, id) => {
      for (const next of [new PdfLimitError('time', 300_000, null), new PdfLimitError('pages', 1_000, 1_501)]) {
        error = next;
        const answer = await core.dispatch('dossiers.export', { id, format: 'pdf' });
        expect(answer).toMatchObject({ ok: false, error: { code: 'too-large', message: error.message, reason: { code: 'export.pdfLimit', limit: error.kind, max: error.limit, found: error.found } } });
        expect(await ok(core, 'dossiers.exportProgress', { id })).toBeNull();
      }
    });
  });
});
