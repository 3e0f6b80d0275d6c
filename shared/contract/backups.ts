// Backups, recovery and the whole-library archive.
import { z } from 'zod';
import type { LibraryStatus } from '../types';
import { def, empty, localDef, localPathSchema } from './define';

/**
 * Largest library archive the browser host sends or takes in one call (the JSON
 * payload of a call is capped at 64 MB, and base64 adds a third). Bigger libraries
 * move with the desktop app or the CLI, which read and write the file directly.
 */
export const ARCHIVE_UPLOAD_BYTES = 32 * 1024 * 1024;
export const ARCHIVE_TOO_LARGE =
  'This library archive is larger than the browser can take in one go (32 MB). Import or save larger archives with the desktop app or the command line (`kroniek import-library FILE`, `kroniek export-library --out FILE`).';

/** What a merge added from an archive (see electron/core/store/archive-merge.ts). */
export interface ArchiveMergeCounts {
  tagsAdded: number;
  tagsMatched: number;
  linksAdded: number;
  dossiersAdded: number;
  searchesAdded: number;
  /** Notes, dates and links that differ on both sides: this library's version was kept. */
  conflictsKept: number;
  /**
   * Values of the archive not taken in as they were, per kind: `dropped` (refused, as the API
   * would refuse them, or naming a story that is in neither the archive nor the library) or
   * `repaired` (replaced by what the API accepts: no colour, a top-level tag, an empty text,
   * the import time). Empty when everything was taken in.
   */
  notTaken: ArchiveNotTaken[];
}

/** What an archive's value is: a story, a tag and its parts, a tagging, a link, a story's date or note, a dossier and its parts, a saved search, a series name, a story's merged versions. */
export const ARCHIVE_FIELDS = [
  'story',
  'story.importedAt',
  'tag',
  'tag.color',
  'tag.mediaTopic',
  'tag.parent',
  'tagging',
  'link',
  'link.note',
  'date',
  'note',
  'dossier',
  'dossier.text',
  'dossier.entry',
  'dossier.history',
  'dossier.chronology',
  'search',
  'seriesName',
  'pageVersions',
  'dossier.quote',
] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];

export interface ArchiveNotTaken {
  field: ArchiveField;
  action: 'dropped' | 'repaired';
  count: number;
}

/** What importing a library archive did. Nothing in the library is removed or changed by it. */
export interface ArchiveImportSummary extends ArchiveMergeCounts {
  /** `restored`: the library was empty and is now exactly the archive; `merged`: added to what was there. */
  mode: 'restored' | 'merged';
  /** Stories, not records: an agency story with three versions is one story. */
  storiesAdded: number;
  storiesAlreadyPresent: number;
  /** Agency versions added (of new stories and of stories already here); absent from older answers. */
  versionsAdded?: number;
  /** The backup made just before a merge (restorable from Backups…), or null. */
  backup: string | null;
}

export interface ArchiveDownload {
  fileName: string;
  mimeType: 'application/json';
  base64: string;
  stories: number;
  /** Damaged stories left out, as the editor chose (allowIncomplete). */
  leftOut?: number;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
}

// Written gzip-compressed (`.json.gz`); plain `.json` backups of earlier versions are still listed and restored.
export const backupNameSchema = z.string().regex(/^library-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json(?:\.gz)?$/, 'not a backup name');

/**
 * An archive is never written without stories whose text cannot be read (damaged content
 * files), unless the editor chooses to: refused with `export.incomplete` otherwise.
 */
const archiveChoices = z.strictObject({ allowIncomplete: z.boolean().optional() });

/** A library archive written to a file; `leftOut` counts damaged stories left out as the editor chose. */
export interface ArchiveWritten {
  path: string;
  stories: number;
  leftOut?: number;
}

export const maintenanceContract = {
  'backups.list': def<BackupInfo[]>()(empty),
  /** Makes a backup of the current state first, then restores the named one. */
  'backups.restore': def<LibraryStatus>()(z.strictObject({ name: backupNameSchema })),
  /** Desktop only: save dialog, then the whole library as one JSON archive. Null when cancelled. */
  'library.exportArchiveToFile': def<ArchiveWritten | null>()(archiveChoices),
  /** Local only (CLI, Electron main): the whole library as one JSON archive to a new file (an existing one is `conflict`). */
  'library.exportArchiveToPath': localDef<ArchiveWritten>()(z.strictObject({ path: localPathSchema, ...archiveChoices.shape })),
  /** Local only (CLI, Electron main): merge the archive file at `path` into the library (any size). */
  'library.importArchiveFromPath': localDef<ArchiveImportSummary>()(z.strictObject({ path: localPathSchema })),
  /** Browser host: the whole library as one JSON archive to download (refused above ARCHIVE_UPLOAD_BYTES). */
  'library.exportArchive': def<ArchiveDownload>()(archiveChoices),
  /** Desktop only: open dialog for one .json archive, then merge it into the library. Null when cancelled. */
  'library.importArchiveWithDialog': def<ArchiveImportSummary | null>()(empty),
  /** Browser host: an archive's bytes (base64), merged into the library. */
  'library.importArchive': def<ArchiveImportSummary>()(
    z.strictObject({
      name: z.string().min(1).max(1_000),
      base64: z.string().max(Math.ceil((ARCHIVE_UPLOAD_BYTES * 4) / 3) + 8, ARCHIVE_TOO_LARGE),
    }),
  ),
} as const;

/** The backup policy's promise: a change is in a backup within this many minutes (and at quit). */
export const BACKUP_INTERVAL_MINUTES = 10;
