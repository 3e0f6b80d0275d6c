import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { PdfPrinter } from '../../ports';
import type { ServiceContext } from '../../service/context';
import { cannotWrite, writeFileDurably } from '../../store/durable-file';

// One open library's export state (held by its Library, see library.ts): the Chromium
// printer started on first PDF export (when the runtime passed none), and the files this
// session wrote, which are the only ones the renderer may ask the shell to reveal or
// open. Kept free of the renderers and Chromium so loading it costs nothing at start.

type ClosablePrinter = PdfPrinter & { close(): Promise<void> | void };

/** A PDF export under way: what a progress display shows, and how to stop it. */
export interface PdfJob {
  readonly dossierId: string;
  readonly startedAt: number;
  pass: number;
  pages: number | null;
  readonly controller: AbortController;
}

export class ExportSession {
  private readonly exported = new Set<string>();
  private started: ClosablePrinter | null = null;
  private readonly jobs = new Set<PdfJob>();

  /** Registers a PDF export; `end` it when it is done, whatever the outcome. */
  beginPdf(dossierId: string, now = Date.now()): { job: PdfJob; end(): void } {
    const job: PdfJob = { dossierId, startedAt: now, pass: 0, pages: null, controller: new AbortController() };
    this.jobs.add(job);
    return { job, end: () => this.jobs.delete(job) };
  }

  /** The PDF exports under way, oldest first. */
  pdfJobs(): PdfJob[] {
    return [...this.jobs];
  }

  /** Cancels every PDF export under way (of one dossier, when given); answers how many. */
  cancelPdf(dossierId?: string): number {
    let cancelled = 0;
    for (const job of this.jobs) {
      if (dossierId !== undefined && job.dossierId !== dossierId) continue;
      if (!job.controller.signal.aborted) cancelled++;
      job.controller.abort();
    }
    return cancelled;
  }

  /**
   * The printer for PDF exports: the runtime's own (Electron's printToPDF) when it
   * passed one, else one `start` creates now (headless Chromium), closed with the
   * library or by `close`.
   */
  printer(own: PdfPrinter | undefined, start: () => ClosablePrinter): PdfPrinter {
    if (own) return own;
    this.started ??= start();
    return this.started;
  }

  /** Whether this session started a printer that is still running. */
  get hasPrinter(): boolean {
    return this.started !== null;
  }

  remember(filePath: string): void {
    this.exported.add(path.resolve(filePath));
  }

  /** Only files this process exported in this session may be revealed or opened (the renderer is not trusted with paths). */
  requireExported(filePath: string): string {
    const resolved = path.resolve(filePath);
    if (!this.exported.has(resolved)) {
      throw new ServiceError('forbidden', 'Kroniek only opens or shows files it exported in this session.');
    }
    return resolved;
  }

  /** Stops a printer this session started; safe to call more than once. */
  async close(): Promise<void> {
    this.cancelPdf();
    const printer = this.started;
    this.started = null;
    await printer?.close();
  }
}

export function sessionPrinter(ctx: ServiceContext, start: () => ClosablePrinter): PdfPrinter {
  return ctx.exports.printer(ctx.ports.printer, start);
}

/** Stops a printer this session started; safe to call more than once. */
export function closeExportSession(ctx: ServiceContext): Promise<void> {
  return ctx.exports.close();
}

export function rememberExport(ctx: ServiceContext, filePath: string): void {
  ctx.exports.remember(filePath);
}

export function requireExported(ctx: ServiceContext, filePath: string): string {
  return ctx.exports.requireExported(filePath);
}

/**
 * Writes an export durably (temp file, fsync, rename): an existing file is
 * replaced whole or not at all. Refuses to replace a folder; says plainly when
 * the folder is missing or not writable.
 */
export async function writeExportFile(target: string, bytes: Uint8Array): Promise<void> {
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new ServiceError('conflict', `${target} is a folder; choose a file name to export to.`, cannotWrite(target, 'isFolder'));
  try {
    await writeFileDurably(target, bytes);
    // The durable writer creates private files; an export is a document to hand on.
    if (process.platform !== 'win32') await fs.chmod(target, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = path.dirname(target);
    const reason = cannotWrite(target, null, code ?? null);
    if (reason.why === 'noFolder') throw new ServiceError('not-found', `The folder ${folder} does not exist.`, reason);
    if (reason.why === 'forbidden') throw new ServiceError('forbidden', `Kroniek may not write in ${folder}.`, reason);
    if (reason.why === 'diskFull') throw new ServiceError('internal', `The disk holding ${folder} is full; nothing was written.`, reason);
    throw error;
  }
}
