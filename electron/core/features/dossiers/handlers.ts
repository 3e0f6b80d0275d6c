import { newId } from '../../ids';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DossierDetail, ExportLocale } from '../../../../shared/contract/dossiers';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { ExportFormat } from '../../../../shared/types';
import {
  addEntries,
  createDossier,
  dedupe,
  deleteDossier,
  findDossier,
  moveEntry,
  removeEntry,
  pinVersion,
  setEntryNote,
  setOrder,
  updateDossierText,
} from './ops';
import { rememberExport, requireExported, writeExportFile } from './export-session';
import type { RenderedExport } from './render';
import { PDF_LIMITS } from '../../export/pdf-limits';
import { cannotWrite } from '../../store/durable-file';
import { seriesStoryIds } from './series-source';
import { requireLiveStories, storiesWithTag } from './sources';
import { dossierDetail, listDossiers } from './views';
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';
import type { HistoryLabel } from '../../../../shared/messages';

type DossierMethod = Extract<MethodName, `dossiers.${string}`>;

const newDossierId = () => newId('d');
const now = () => new Date().toISOString();

function detail(ctx: ServiceContext, id: string): DossierDetail {
  return dossierDetail(ctx.store, findDossier(ctx.store.meta, id));
}

/** Checks the dossier exists before an edit, so a stale id gets `not-found` rather than a no-op. */
function requireDossier(ctx: ServiceContext, id: string): void {
  findDossier(ctx.store.meta, id);
}

/** The export code (renderers, pdf-lib, Chromium) is loaded on the first export, not at start. */
const loadRender = () => import('./render');

interface ExportRequest {
  id: string;
  format: ExportFormat;
  locale?: ExportLocale;
  withdrawn?: 'exclude' | 'include';
  overrideEmbargo?: boolean;
  allowIncomplete?: boolean;
}

async function render(ctx: ServiceContext, input: ExportRequest): Promise<RenderedExport> {
  const dossier = findDossier(ctx.store.meta, input.id);
  const { printerFor, renderDossierExport } = await loadRender();
  // A PDF export can be followed (dossiers.exportProgress) and stopped (dossiers.cancelExport).
  const pdf = input.format === 'pdf' ? ctx.exports.beginPdf(input.id) : null;
  let rendered: RenderedExport;
  try {
    rendered = await renderDossierExport(ctx.store, dossier, input.format, {
      locale: input.locale,
      printer: () => printerFor(ctx),
      withdrawn: input.withdrawn,
      overrideEmbargo: input.overrideEmbargo,
      allowIncomplete: input.allowIncomplete,
      pdf: pdf
        ? {
            signal: pdf.job.controller.signal,
            onProgress: ({ pass, pages }) => {
              pdf.job.pass = pass;
              pdf.job.pages = pages;
            },
          }
        : undefined,
    });
  } finally {
    pdf?.end();
  }
  if (rendered.embargoOverridden.length) {
    // An export past an embargo stays on record with the dossier, before the file is handed out.
    const entry = { code: 'export.embargoOverride' as const, at: now(), format: input.format, storyIds: rendered.embargoOverridden };
    await ctx.store.update(null, (meta) => ({
      ...meta,
      dossiers: meta.dossiers.map((candidate) => (candidate.id === input.id ? { ...candidate, history: [...(candidate.history ?? []), entry] } : candidate)),
    }));
  }
  return rendered;
}

async function requireExistingExport(ctx: ServiceContext, filePath: string): Promise<string> {
  const resolved = requireExported(ctx, filePath);
  if (!(await fs.stat(resolved).catch(() => null))?.isFile()) throw new ServiceError('not-found', `The exported file ${resolved} is no longer there.`);
  return resolved;
}

function requireShell(ctx: ServiceContext) {
  if (!ctx.ports.shell) throw new ServiceError('unsupported', 'Opening and showing files is only available in the desktop app.');
  return ctx.ports.shell;
}

export const dossierHandlers: PartialHandlers<DossierMethod> = {
  'dossiers.list': (_input, ctx) => listDossiers(ctx.store),

  'dossiers.get': (input, ctx) => detail(ctx, input.id),

  'dossiers.create': async (input, ctx) => {
    const { store } = ctx;
    let storyIds: string[] = [];
    if (input.storyIds) {
      storyIds = dedupe(input.storyIds);
      requireLiveStories(store, storyIds);
    } else if (input.tagId) {
      storyIds = storiesWithTag(store, input.tagId);
    } else if (input.seriesOf) {
      storyIds = seriesStoryIds(ctx, input.seriesOf);
    }
    const id = newDossierId();
    const text = { title: input.title, subtitle: input.subtitle, intro: input.intro };
    await store.update({ code: 'dossier.create' }, (meta) => createDossier(meta, { id, now: now(), text, storyIds }));
    return detail(ctx, id);
  },

  'dossiers.update': async (input, ctx) => {
    requireDossier(ctx, input.id);
    const label: HistoryLabel = { code: input.title !== undefined && input.subtitle === undefined && input.intro === undefined ? 'dossier.rename' : 'dossier.edit' };
    await ctx.store.update(label, (meta) => updateDossierText(meta, input.id, input, now()));
    return detail(ctx, input.id);
  },

  'dossiers.addStories': async (input, ctx) => {
    requireDossier(ctx, input.id);
    const storyIds = dedupe(input.storyIds);
    requireLiveStories(ctx.store, storyIds);
    const { added } = await ctx.store.updateWith({ code: 'dossier.addStories', count: storyIds.length }, (meta) =>
      addEntries(meta, input.id, storyIds, input.index, now()),
    );
    return { ...detail(ctx, input.id), added, alreadyIn: storyIds.length - added };
  },

  'dossiers.removeEntry': async (input, ctx) => {
    requireDossier(ctx, input.id);
    await ctx.store.update({ code: 'dossier.removeStory' }, (meta) => removeEntry(meta, input.id, input.storyId, now()));
    return detail(ctx, input.id);
  },

  'dossiers.moveEntry': async (input, ctx) => {
    requireDossier(ctx, input.id);
    await ctx.store.update({ code: 'dossier.reorder' }, (meta) => moveEntry(meta, input.id, input.from, input.to, now()));
    return detail(ctx, input.id);
  },

  'dossiers.setOrder': async (input, ctx) => {
    requireDossier(ctx, input.id);
    await ctx.store.update({ code: 'dossier.reorder' }, (meta) => setOrder(meta, input.id, input.storyIds, now()));
    return detail(ctx, input.id);
  },

  'dossiers.setEntryNote': async (input, ctx) => {
    requireDossier(ctx, input.id);
    await ctx.store.update({ code: 'dossier.setNote' }, (meta) => setEntryNote(meta, input.id, input.storyId, input.note, now()));
    return detail(ctx, input.id);
  },

  'dossiers.pinVersion': async (input, ctx) => {
    requireDossier(ctx, input.id);
    if (input.version !== null && !(await ctx.store.storyAtVersion(input.storyId, input.version))) {
      throw new ServiceError('not-found', `Story ${input.storyId} has no version ${input.version}.`);
    }
    await ctx.store.update({ code: 'dossier.pinVersion' }, (meta) => pinVersion(meta, input.id, input.storyId, input.version, now()));
    return detail(ctx, input.id);
  },

  'dossiers.delete': async (input, ctx) => {
    requireDossier(ctx, input.id);
    await ctx.store.update({ code: 'dossier.delete' }, (meta) => deleteDossier(meta, input.id));
    return { deleted: input.id };
  },

  'dossiers.export': async (input, ctx) => {
    const rendered = await render(ctx, input);
    return {
      fileName: rendered.fileName,
      mimeType: rendered.mimeType,
      base64: Buffer.from(rendered.bytes).toString('base64'),
      skippedMissing: rendered.skippedMissing,
    };
  },

  'dossiers.exportProgress': async (input, ctx) => {
    const job = ctx.exports.pdfJobs().find((candidate) => candidate.dossierId === input.id);
    if (!job) return null;
    return {
      dossierId: job.dossierId,
      pass: job.pass,
      pages: job.pages,
      elapsedMs: Date.now() - job.startedAt,
      limitMs: PDF_LIMITS.timeMs,
      limitPages: PDF_LIMITS.pages,
    };
  },

  'dossiers.cancelExport': async (input, ctx) => ({ cancelled: ctx.exports.cancelPdf(input.id) }),

  'dossiers.exportToFile': async (input, ctx) => {
    if (!ctx.ports.dialogs) {
      throw new ServiceError('unsupported', 'Saving to a chosen file needs the desktop app; in the browser, Export downloads the file instead.');
    }
    const dossier = findDossier(ctx.store.meta, input.id);
    const { defaultExportName, exportTargetFor, FORMAT_INFO } = await loadRender();
    const defaultName = defaultExportName(dossier, input.format);
    const chosen = await ctx.ports.dialogs.pickSavePath({ defaultName, extensions: [FORMAT_INFO[input.format].extension] });
    if (!chosen) return null;
    const target = exportTargetFor(chosen, input.format);
    // Rendered after the dialog, so the file shows the dossier as it is when saved.
    const rendered = await render(ctx, input);
    await writeExportFile(target, rendered.bytes);
    rememberExport(ctx, target);
    return { path: target, fileName: path.basename(target), skippedMissing: rendered.skippedMissing };
  },

  'dossiers.exportToPath': async (input, ctx) => {
    if (!path.isAbsolute(input.path)) throw new ServiceError('invalid-input', `Give the file to export to as an absolute path, not "${input.path}".`);
    const target = path.resolve(input.path);
    const rendered = await render(ctx, input);
    // Scripts name output paths that may not exist yet; the file itself is still replaced atomically.
    await fs.mkdir(path.dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new ServiceError('conflict', `Cannot create the folder ${path.dirname(target)} (${error.code ?? error.message}).`, cannotWrite(target, null, error.code ?? null));
    });
    await writeExportFile(target, rendered.bytes);
    return { path: target, format: input.format, bytes: rendered.bytes.length, skippedMissing: rendered.skippedMissing };
  },

  'dossiers.revealExport': async (input, ctx) => {
    const shell = requireShell(ctx);
    await shell.revealInFolder(await requireExistingExport(ctx, input.path));
    return null;
  },

  'dossiers.openExport': async (input, ctx) => {
    const shell = requireShell(ctx);
    await shell.openPath(await requireExistingExport(ctx, input.path));
    return null;
  },
};
