// Dossiers and export.
import { z } from 'zod';
import type { Dossier, ExportFormat, StorySummary } from '../types';
import { def, idListSchema, idSchema, LIMITS, localDef, localPathSchema, nameSchema, optionalLineSchema, textSchema } from './define';

export const EXPORT_FORMATS = ['pdf', 'html', 'md', 'ninjs'] as const satisfies readonly ExportFormat[];
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export const exportLocaleSchema = z.enum(['nl', 'en']);
export type ExportLocale = z.infer<typeof exportLocaleSchema>;

/** Subtitle: one line, may be empty. */
const subtitleSchema = optionalLineSchema;
/** Entry position in the dossier (0-based). */
const indexSchema = z.number().int().min(0).max(LIMITS.ids);

/** One row of the sidebar list. */
export interface DossierListItem {
  id: string;
  title: string;
  subtitle: string;
  /** Every entry, including ones whose story was deleted. */
  entryCount: number;
  /** Entries whose story is no longer in the library (kept, skipped on export). */
  missingCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface DossierEntryView {
  storyId: string;
  /** The editor's note for this story in this dossier. */
  note: string;
  /**
   * The story as the list shows it, or null when it was deleted from the library:
   * the entry is kept (undoing the delete brings it back) and export skips it with a note.
   */
  story: StorySummary | null;
}

/** A dossier with its entries resolved, in dossier order. */
export interface DossierDetail {
  dossier: Dossier;
  entries: DossierEntryView[];
  missingCount: number;
}

/** `dossiers.addStories` also says how many stories were new to the dossier. */
export interface DossierAddResult extends DossierDetail {
  added: number;
  /** Requested stories that were already in the dossier (a story appears once). */
  alreadyIn: number;
}

/** An export for the browser host: the renderer offers it as a download. */
export interface ExportedFile {
  /** Sanitised file name with extension, e.g. `Kim en Poetin.pdf`. */
  fileName: string;
  mimeType: string;
  base64: string;
  /** Entries skipped because their story is no longer in the library. */
  skippedMissing: number;
}

/** A PDF export under way (`dossiers.exportProgress`), for a progress display with Cancel. */
export interface ExportProgress {
  dossierId: string;
  /** 1-based print pass: the first measures the page numbers, the next fills them in (rarely a third). */
  pass: number;
  /** Pages of the last finished pass; null until the first is done. */
  pages: number | null;
  elapsedMs: number;
  /** The export is stopped with a clear message when it runs this long or prints more pages than this. */
  limitMs: number;
  limitPages: number;
}

/** An export written by the desktop app to the place the editor chose. */
export interface SavedExport {
  /** Absolute path of the written file (only these can be revealed or opened). */
  path: string;
  fileName: string;
  skippedMissing: number;
}

/** An export written to a path the caller named (CLI). */
export interface PathExport {
  path: string;
  format: ExportFormat;
  bytes: number;
  skippedMissing: number;
}

/**
 * Create a dossier from at most one source: a list of stories (deduplicated,
 * order kept), every story with a tag (by date, then import), or the series a
 * story belongs to (timeline order). No source makes an empty dossier.
 */
export const createDossierSchema = z
  .strictObject({
    title: nameSchema,
    subtitle: subtitleSchema.optional(),
    intro: textSchema.optional(),
    storyIds: idListSchema.optional(),
    tagId: idSchema.optional(),
    seriesOf: idSchema.optional(),
  })
  .superRefine((value, issues) => {
    const sources = [value.storyIds, value.tagId, value.seriesOf].filter((source) => source !== undefined);
    if (sources.length > 1) {
      issues.addIssue({ code: 'custom', message: 'give one source only: storyIds, tagId or seriesOf' });
    }
  });
export type CreateDossierInput = z.input<typeof createDossierSchema>;

const dossierId = z.strictObject({ id: idSchema });

/**
 * What the editor chose for an export of agency stories: leave withdrawn ones out or
 * include them with a printed note (asked for when the dossier holds one), and export
 * despite an embargo that has not passed (recorded in the dossier's history).
 */
const exportChoices = {
  withdrawn: z.enum(['exclude', 'include']).optional(),
  overrideEmbargo: z.boolean().optional(),
  /** Export without the stories whose text cannot be read (damaged content files); refused (`export.incomplete`) otherwise. */
  allowIncomplete: z.boolean().optional(),
};

export const dossiersContract = {
  'dossiers.list': def<DossierListItem[]>()(z.strictObject({})),
  'dossiers.get': def<DossierDetail>()(dossierId),
  'dossiers.create': def<DossierDetail>()(createDossierSchema),
  /** Rename / edit subtitle and intro; only the given fields change. */
  'dossiers.update': def<DossierDetail>()(
    z.strictObject({ id: idSchema, title: nameSchema.optional(), subtitle: subtitleSchema.optional(), intro: textSchema.optional() }),
  ),
  /** Adds stories at the end, or before `index`. Stories already in the dossier are left where they are. */
  'dossiers.addStories': def<DossierAddResult>()(
    z.strictObject({ id: idSchema, storyIds: idListSchema.min(1), index: indexSchema.optional() }),
  ),
  'dossiers.removeEntry': def<DossierDetail>()(z.strictObject({ id: idSchema, storyId: idSchema })),
  /** Moves the entry at `from` so that it ends up at `to` (drag and drop, keyboard). */
  'dossiers.moveEntry': def<DossierDetail>()(z.strictObject({ id: idSchema, from: indexSchema, to: indexSchema })),
  /** Sets the whole order: `storyIds` must be exactly the dossier's stories, each once. */
  'dossiers.setOrder': def<DossierDetail>()(z.strictObject({ id: idSchema, storyIds: idListSchema })),
  'dossiers.setEntryNote': def<DossierDetail>()(z.strictObject({ id: idSchema, storyId: idSchema, note: textSchema })),
  'dossiers.delete': def<{ deleted: string }>()(dossierId),
  /** Renders the dossier and returns the bytes (browser host download; also usable in the app). */
  'dossiers.export': def<ExportedFile>()(
    z.strictObject({ id: idSchema, format: exportFormatSchema, locale: exportLocaleSchema.optional(), ...exportChoices }),
  ),
  /** The PDF export of this dossier under way, or null when there is none. */
  'dossiers.exportProgress': def<ExportProgress | null>()(dossierId),
  /** Stops the PDF export of this dossier under way; it then fails with reason `export.cancelled`. Answers how many were stopped. */
  'dossiers.cancelExport': def<{ cancelled: number }>()(dossierId),
  /** Native save dialog, then writes the export there. Null when cancelled. Only where `capabilities.nativeDialogs`. */
  'dossiers.exportToFile': def<SavedExport | null>()(
    z.strictObject({ id: idSchema, format: exportFormatSchema, locale: exportLocaleSchema.optional(), ...exportChoices }),
  ),
  /**
   * Local only (CLI, Electron main; see MethodReach): writes the export to an absolute
   * path, replacing a file there whole, creating missing folders.
   */
  'dossiers.exportToPath': localDef<PathExport>()(
    z.strictObject({ id: idSchema, format: exportFormatSchema, locale: exportLocaleSchema.optional(), path: localPathSchema, ...exportChoices }),
  ),
  /** Shows a file this session exported in the system file manager (desktop app). */
  'dossiers.revealExport': def<null>()(z.strictObject({ path: z.string().min(1).max(4_096) })),
  /** Opens a file this session exported with the system's default app (desktop app). */
  'dossiers.openExport': def<null>()(z.strictObject({ path: z.string().min(1).max(4_096) })),
} as const;
