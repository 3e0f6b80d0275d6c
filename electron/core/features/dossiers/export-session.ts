import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { PdfPrinter } from '../../ports';
import type { ServiceContext } from '../../service/context';
import { writeFileDurably } from '../../store/durable-file';

// Per-core export state: the Chromium printer started on first PDF export (when
// the runtime passed none), and the files this session wrote, which are the only
// ones the renderer may ask the shell to reveal or open. Kept free of the
// renderers and Chromium so loading it costs nothing at start.

interface ExportSession {
  exported: Set<string>;
  printer: (PdfPrinter & { close(): Promise<void> | void }) | null;
  closeHook: (() => Promise<void>) | null;
}

const sessions = new WeakMap<ServiceContext, ExportSession>();

function session(ctx: ServiceContext): ExportSession {
  let current = sessions.get(ctx);
  if (!current) {
    current = { exported: new Set(), printer: null, closeHook: null };
    sessions.set(ctx, current);
  }
  return current;
}

/**
 * The printer for PDF exports: the runtime's own (Electron's printToPDF) when it
 * passed one, else one `start` creates now (headless Chromium), closed with the
 * core (through `ctx.closeHooks`) or by `closeExportSession`.
 */
export function sessionPrinter(ctx: ServiceContext, start: () => PdfPrinter & { close(): Promise<void> | void }): PdfPrinter {
  if (ctx.ports.printer) return ctx.ports.printer;
  const current = session(ctx);
  if (current.printer) return current.printer;
  const printer = start();
  const closeHook = () => closeExportSession(ctx);
  Object.assign(current, { printer, closeHook });
  (ctx.closeHooks ??= []).push(closeHook);
  return printer;
}

/** Stops a printer this session started; safe to call more than once. */
export async function closeExportSession(ctx: ServiceContext): Promise<void> {
  const current = sessions.get(ctx);
  if (!current?.printer) return;
  const { printer, closeHook } = current;
  current.printer = null;
  current.closeHook = null;
  if (closeHook && ctx.closeHooks) ctx.closeHooks = ctx.closeHooks.filter((hook) => hook !== closeHook);
  await printer.close();
}

export function rememberExport(ctx: ServiceContext, filePath: string): void {
  session(ctx).exported.add(path.resolve(filePath));
}

/** Only files this process exported in this session may be revealed or opened (the renderer is not trusted with paths). */
export function requireExported(ctx: ServiceContext, filePath: string): string {
  const resolved = path.resolve(filePath);
  if (!session(ctx).exported.has(resolved)) {
    throw new ServiceError('forbidden', 'Kroniek only opens or shows files it exported in this session.');
  }
  return resolved;
}

/**
 * Writes an export durably (temp file, fsync, rename): an existing file is
 * replaced whole or not at all. Refuses to replace a folder; says plainly when
 * the folder is missing or not writable.
 */
export async function writeExportFile(target: string, bytes: Uint8Array): Promise<void> {
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new ServiceError('conflict', `${target} is a folder; choose a file name to export to.`);
  try {
    await writeFileDurably(target, bytes);
    // The durable writer creates private files; an export is a document to hand on.
    if (process.platform !== 'win32') await fs.chmod(target, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = path.dirname(target);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ServiceError('not-found', `The folder ${folder} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ServiceError('forbidden', `Kroniek may not write in ${folder}.`);
    if (code === 'ENOSPC') throw new ServiceError('internal', `The disk holding ${folder} is full; nothing was written.`);
    throw error;
  }
}
