import { z } from 'zod';
import type { HistoryLabel } from '../messages';
import type { DamagedContent, ImportReport, LibraryStatus, Story, StorySummary } from '../types';
import { def, empty, idListSchema, idSchema, isoDateSchema, LIMITS, localDef, localPathSchema, textSchema } from './define';

export const sortKeySchema = z.enum(['date', 'headline', 'place', 'imported', 'relevance']);
export type SortKey = z.infer<typeof sortKeySchema>;

/** Browse, filter and search in one query: the list is always the answer to one of these. */
export const listQuerySchema = z.strictObject({
  /** Search text in the search-box language (words, prefixes, "quoted phrases"). */
  query: z.string().max(1_000).optional(),
  kind: z.enum(['article', 'brief']).optional(),
  /** Every listed tag must be on the story. */
  tagIds: z.array(idSchema).max(100).optional(),
  place: z.string().max(LIMITS.name).optional(),
  agency: z.string().max(LIMITS.name).optional(),
  section: z.string().max(LIMITS.name).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  hasLinks: z.boolean().optional(),
  untagged: z.boolean().optional(),
  sort: sortKeySchema.optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(1_000).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface ListPage {
  total: number;
  offset: number;
  items: StorySummary[];
  /**
   * For a search: each item's relevance score, in item order (higher is better). Absent when
   * browsing, also for a search text with nothing to search for (one letter): the renderer
   * shows search rows only for a page with scores.
   */
  scores?: number[];
  /** Folded search terms to highlight in list and reader (empty without a query). */
  highlight: string[];
  /** Other names searched besides the typed words (`beijing` → Peking), for "also searched: …"; absent when none. */
  expansions?: SearchExpansion[];
  /**
   * How many stories of each kind match the search text and every filter but `kind`
   * (so the list can offer the other kind with its count).
   */
  kinds?: KindCounts;
}

export interface KindCounts {
  article: number;
  brief: number;
}

export interface ImportFileInput {
  name: string;
  /** File bytes, base64-encoded (JSON carries no bytes). */
  base64: string;
  /** `File.lastModified` (ms), when the page was captured. */
  lastModified?: number;
}

export const importFilesSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(1_000),
        base64: z.string().max(Math.ceil((LIMITS.fileBytes * 4) / 3) + 8),
        /** The file's modification time (ms since 1970, the browser's `File.lastModified`): when the page was captured, for estimating brief dates. */
        lastModified: z.number().int().min(0).max(8.64e15).optional(),
      }),
    )
    .min(1)
    .max(LIMITS.files),
});

/** Files and folders (recursively, `.txt`) on this computer, by absolute path. */
export const importPathsSchema = z.strictObject({ paths: z.array(localPathSchema).min(1).max(LIMITS.files) });

/** How far the search and related indexes are; `ready` once every story and change so far is in them. */
export interface IndexProgress {
  ready: boolean;
  indexed: number;
  total: number;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What Undo would take back, as a code with parameters (the renderer and CLI word it). */
  undoLabel: HistoryLabel | null;
  redoLabel: HistoryLabel | null;
}

export const libraryContract = {
  'library.status': def<LibraryStatus>()(empty),
  /** Clears notices the editor has seen (e.g. "sample library imported"). */
  'library.dismissNotices': def<LibraryStatus>()(empty),
  /**
   * Answers once the search and related indexes hold every story and every change made
   * so far (at once when they do): for callers that need complete search or related
   * answers (the CLI) rather than the partial ones the list gives while indexing.
   */
  'library.ready': def<IndexProgress>()(empty),
  /**
   * Reads every content file once and checks every story's text (stories whose text or
   * head cannot be read are never shown as empty or left out silently): what is damaged,
   * or null. `library.status` carries what is known so far without reading.
   */
  'library.checkContent': def<DamagedContent | null>()(empty),
  'stories.list': def<ListPage>()(listQuerySchema),
  'stories.get': def<Story>()(z.strictObject({ id: idSchema })),
  'stories.setNote': def<Story>()(z.strictObject({ id: idSchema, note: textSchema })),
  'stories.setDate': def<Story>()(z.strictObject({ id: idSchema, date: isoDateSchema.nullable() })),
  /** One date (or none) for many stories at once: one undoable edit. Clears estimated dates. */
  'stories.setDates': def<{ dated: number }>()(z.strictObject({ ids: idListSchema.min(1), date: isoDateSchema.nullable() })),
  'stories.delete': def<{ deleted: number }>()(z.strictObject({ ids: idListSchema.min(1) })),
  /** Import file contents sent by the renderer (file picker, drag and drop). */
  'import.files': def<ImportReport>()(importFilesSchema),
  /** Native open dialog, then import what was chosen. Null when cancelled. Only where `capabilities.nativeDialogs`. */
  'import.withDialog': def<ImportReport | null>()(z.strictObject({ folders: z.boolean().optional() })),
  /** Local only (CLI, Electron main; see MethodReach): import files and folders named by absolute path. */
  'import.paths': localDef<ImportReport>()(importPathsSchema),
  'history.state': def<HistoryState>()(empty),
  'history.undo': def<HistoryState>()(empty),
  'history.redo': def<HistoryState>()(empty),
  /**
   * Packs runs of small content segments (many small imports) into segments of up to
   * 1,000 stories; the replaced files go at the next open (`kroniek compact`). The store
   * also does this on its own in the background past a threshold.
   */
  'library.compact': def<CompactionSummary>()(empty),
  /** The library's recent changes, newest first: the editor's edits, undo/redo, and what colleagues changed (team library). */
  'history.recent': def<RecentChange[]>()(z.strictObject({ limit: z.number().int().min(1).max(500).optional() })),
} as const;

/** What a segment compaction did. */
export interface CompactionSummary {
  segmentsBefore: number;
  segmentsAfter: number;
  /** Segments replaced (their files are deleted at the next open). */
  retired: number;
  /** New segments written. */
  written: number;
}

/** A typed word and the other names and spellings searched with it (gazetteer aliases, transliterations). */
export interface SearchExpansion {
  /** The word as typed, folded (`beijing`). */
  word: string;
  /** As the editor should read them (`Peking`). */
  also: string[];
}

/** One of the library's recent changes (`history.recent`), worded by the renderer and the CLI from its label. */
export interface RecentChange {
  id: number;
  /** ISO time of the change (for an incoming one: when it was applied here). */
  at: string;
  label: HistoryLabel;
  /** `mine`: the editor's own edit; `undo` / `redo`; `incoming`: a colleague's, through the team library. */
  source: 'mine' | 'undo' | 'redo' | 'incoming';
  /** The colleague (the desk account) of an incoming change. */
  author?: string;
  /** The edit is still on this session's undo stack (Undo takes it back, newest first). */
  undoable: boolean;
}
