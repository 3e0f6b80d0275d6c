import path from 'node:path';
import type { ExportLocale } from '../../../../shared/contract/dossiers';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { Dossier, ExportFormat } from '../../../../shared/types';
import { ChromiumNotFoundError, createChromiumPrinter } from '../../export/chromium-printer';
import { resolveInside, safeExportFileName, UnsafeExportPathError } from '../../export/filename';
import { renderDossierHtml } from '../../export/html';
import { renderDossierMarkdown } from '../../export/markdown';
import { renderDossierNinjs } from '../../export/ninjs';
import { exportDossierPdf, PdfLayoutError, type PdfExportOptions } from '../../export/pdf';
import { PdfCancelledError, PdfLimitError } from '../../export/pdf-limits';
import type { PdfPrinter } from '../../ports';
import type { ServiceContext } from '../../service/context';
import type { LibraryStore } from '../../store/library-store';
import { buildDossierDocument } from './document';
import type { DossierDocument } from '../../export/model';
import { sessionPrinter } from './export-session';

// Rendering a dossier export. The service loads this module on the first export
// only, so starting the app, the host or a CLI command never loads the
// renderers, pdf-lib or playwright-core.

interface FormatInfo {
  extension: string;
  mimeType: string;
  /** Shown in save dialogs. */
  label: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  pdf: { extension: 'pdf', mimeType: 'application/pdf', label: 'PDF' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', label: 'HTML' },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', label: 'Markdown' },
  ninjs: { extension: 'json', mimeType: 'application/json', label: 'IPTC ninjs (JSON)' },
};

export interface RenderedExport {
  bytes: Uint8Array;
  format: ExportFormat;
  mimeType: string;
  extension: string;
  /** Sanitised suggestion from the dossier title, with extension. */
  fileName: string;
  /** Entries left out because their story is no longer in the library. */
  skippedMissing: number;
  /** Stories the agency withdrew that were left out, as the editor chose. */
  excludedWithdrawn: string[];
  /** Stories exported before their embargo passed, as the editor chose (to be recorded in the dossier's history). */
  embargoOverridden: string[];
}

export interface RenderOptions {
  locale?: ExportLocale;
  /** Asked for only when the format is PDF, so other formats never start Chromium. */
  printer: () => PdfPrinter;
  now?: Date;
  /** For a dossier with stories the agency withdrew: leave them out, or include them with a printed note. */
  withdrawn?: 'exclude' | 'include';
  /** Export even though a story's embargo has not passed. */
  overrideEmbargo?: boolean;
  /** Cancel signal, limits and progress of a PDF export. */
  pdf?: PdfExportOptions;
  /** Export without the stories whose text cannot be read (damaged content), as the editor chose. */
  allowIncomplete?: boolean;
}

const utf8 = new TextEncoder();

/** Renders one dossier in one format, from the store as it is now. */
export async function renderDossierExport(store: LibraryStore, dossier: Dossier, format: ExportFormat, options: RenderOptions): Promise<RenderedExport> {
  const built = await buildDossierDocument(store, dossier, { locale: options.locale, now: options.now });
  const { missing } = built;
  const { doc, excludedWithdrawn, embargoOverridden } = applyAgencyChoices(withoutDamaged(built.doc, options), options);
  const info = FORMAT_INFO[format];
  let bytes: Uint8Array;
  switch (format) {
    case 'pdf':
      bytes = await exportDossierPdf(doc, options.printer(), options.pdf).catch(explainPdfFailure);
      break;
    case 'html':
      bytes = utf8.encode(renderDossierHtml(doc, { mode: 'file' }));
      break;
    case 'md':
      bytes = utf8.encode(renderDossierMarkdown(doc));
      break;
    case 'ninjs': {
      const ninjs: unknown = renderDossierNinjs(doc);
      bytes = utf8.encode(typeof ninjs === 'string' ? ninjs : `${JSON.stringify(ninjs, null, 2)}\n`);
      break;
    }
  }
  return {
    bytes,
    format,
    mimeType: info.mimeType,
    extension: info.extension,
    fileName: safeExportFileName(dossier.title, info.extension),
    skippedMissing: missing.length,
    excludedWithdrawn,
    embargoOverridden,
  };
}

/**
 * Withdrawn and embargoed agency stories are never exported without the editor's say:
 * a dossier holding a withdrawn story needs the choice to leave it out or include it
 * (the renderers then print "withdrawn by the agency on …"), and one holding a story
 * whose embargo has not passed is refused unless the editor overrides it.
 */
function applyAgencyChoices(doc: DossierDocument, options: RenderOptions): { doc: DossierDocument; excludedWithdrawn: string[]; embargoOverridden: string[] } {
  const withdrawn = doc.stories.filter((story) => story.wire && story.wire.status !== 'usable').map((story) => story.id);
  if (withdrawn.length && !options.withdrawn) {
    throw new ServiceError(
      'conflict',
      `This dossier holds ${withdrawn.length === 1 ? 'a story' : `${withdrawn.length} stories`} the agency withdrew: choose to leave ${withdrawn.length === 1 ? 'it' : 'them'} out or to include ${withdrawn.length === 1 ? 'it' : 'them'} with a note.`,
      { code: 'export.withdrawn', count: withdrawn.length },
    );
  }
  let shown = doc;
  if (withdrawn.length && options.withdrawn === 'exclude') {
    const out = new Set(withdrawn);
    shown = {
      ...doc,
      stories: doc.stories.filter((story) => !out.has(story.id)),
      dossier: { ...doc.dossier, entries: doc.dossier.entries.filter((entry) => !out.has(entry.storyId)) },
    };
  }
  const now = (options.now ?? new Date()).getTime();
  const embargoed = shown.stories.filter((story) => story.wire?.embargoedUntil && Date.parse(story.wire.embargoedUntil) > now);
  if (embargoed.length && !options.overrideEmbargo) {
    const until = embargoed.map((story) => story.wire!.embargoedUntil!).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1)!;
    throw new ServiceError(
      'conflict',
      `${embargoed.length === 1 ? 'A story' : `${embargoed.length} stories`} in this dossier ${embargoed.length === 1 ? 'is' : 'are'} under embargo until ${until}; export only after that, or override the embargo explicitly.`,
      { code: 'export.embargoed', count: embargoed.length, until },
    );
  }
  return { doc: shown, excludedWithdrawn: options.withdrawn === 'exclude' ? withdrawn : [], embargoOverridden: embargoed.map((story) => story.id) };
}

/**
 * A story whose text cannot be read (a damaged content file) is never exported as if it
 * had none: the export is refused, unless the editor chose to export without it.
 */
function withoutDamaged(doc: DossierDocument, options: RenderOptions): DossierDocument {
  const damaged = new Set(doc.stories.filter((story) => story.textDamaged).map((story) => story.id));
  if (damaged.size === 0) return doc;
  if (!options.allowIncomplete) {
    throw new ServiceError(
      'conflict',
      `The text of ${damaged.size === 1 ? 'a story' : `${damaged.size} stories`} in this dossier cannot be read (damaged content files): export without ${damaged.size === 1 ? 'it' : 'them'} only if you choose to.`,
      { code: 'export.incomplete', count: damaged.size },
    );
  }
  return {
    ...doc,
    stories: doc.stories.filter((story) => !damaged.has(story.id)),
    dossier: { ...doc.dossier, entries: doc.dossier.entries.filter((entry) => !damaged.has(entry.storyId)) },
  };
}

/** The editor is told what is wrong in words they can act on; unknown faults stay internal. */
function explainPdfFailure(error: unknown): never {
  if (error instanceof ChromiumNotFoundError) throw new ServiceError('unsupported', error.message, { code: 'export.noChromium', configured: error.configured });
  if (error instanceof PdfLayoutError) throw new ServiceError('internal', error.message);
  if (error instanceof PdfLimitError) {
    throw new ServiceError('too-large', error.message, { code: 'export.pdfLimit', limit: error.kind, max: error.limit, found: error.found });
  }
  if (error instanceof PdfCancelledError) throw new ServiceError('conflict', error.message, { code: 'export.cancelled' });
  throw error;
}

/** The runtime's printer, or a headless Chromium started on first use and closed with the core. */
export function printerFor(ctx: ServiceContext): PdfPrinter {
  return sessionPrinter(ctx, createChromiumPrinter);
}

/** A default file name for the save dialog. */
export function defaultExportName(dossier: Dossier, format: ExportFormat): string {
  return safeExportFileName(dossier.title, FORMAT_INFO[format].extension);
}

/**
 * Where a save-dialog answer is written: the chosen folder, the chosen name
 * sanitised (with the format's extension), never outside that folder.
 */
export function exportTargetFor(chosenPath: string, format: ExportFormat): string {
  const { extension } = FORMAT_INFO[format];
  const absolute = path.resolve(chosenPath);
  let stem = path.basename(absolute);
  if (stem.toLowerCase().endsWith(`.${extension}`)) stem = stem.slice(0, -(extension.length + 1));
  try {
    return resolveInside(path.dirname(absolute), safeExportFileName(stem, extension));
  } catch (error) {
    if (error instanceof UnsafeExportPathError) throw new ServiceError('invalid-input', error.message);
    throw error;
  }
}
