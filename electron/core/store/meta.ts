import { z } from 'zod';
import type { ListQuery } from '../../../shared/contract/library';
import type { BodyBlock, Dateline, Dossier, Link, LibraryNotice, StoryKind, Tag, UpdateProposal, WireRightsInfo, WireSignalName, WireSourceInfo, WireStatus } from '../../../shared/types';
import { StoryMap } from './story-map';

// The store keeps immutable story content (written once per import batch, in
// segment files) apart from the small, often-edited metadata document below, so
// that one edit rewrites kilobytes, not the archive.

export const SCHEMA_VERSION = 3;

/** Immutable per-story facts, loaded at start for every story (the list needs them). */
export interface StoryHead {
  id: string;
  kind: StoryKind;
  headline: string;
  dateline: Dateline;
  section: string | null;
  ageLabel: string | null;
  pageId: string | null;
  fileName: string;
  sha256: string;
  importedAt: string;
  /** Hash of the normalised content: the same story from another file or page is a duplicate. */
  contentHash: string;
  warnings: string[];
  /**
   * Set on the content record of one agency version (see store/versions.ts): the record's
   * `id` is the version's content id, and the story it belongs to is `wire.storyId`.
   */
  wire?: WireVersionFacts;
  /** When a page-text file was captured (its modification time), if known; for "looks like an update of". */
  capturedAt?: string;
}

/** What one agency version says about itself: immutable, kept in the content segment with its text. */
export interface WireVersionFacts {
  storyId: string;
  guid: string;
  version: number;
  format: string;
  firstCreated: string | null;
  versionCreated: string | null;
  /** The feed's date of the story (`YYYY-MM-DD`, Amsterdam time, from firstCreated or versionCreated); null when none. */
  date: string | null;
  status: WireStatus;
  signals: WireSignalName[];
  embargoedUntil: string | null;
  edNote: string | null;
  subheadline: string | null;
  slugline: string | null;
  byline: string | null;
  language: string | null;
  rights: WireRightsInfo;
  infoSources: WireSourceInfo[];
  /** Words in headline and body, for the version list. */
  words: number;
}

export interface StoryContent {
  head: StoryHead;
  body: BodyBlock[];
}

/**
 * The records of one content segment as its heads file lists them (the valid ones, in
 * file order): ids, and for each agency version its story and version number as
 * `[index, storyId, version]` triples. What the indexing worker would read from the file.
 */
export interface SegmentRecords {
  name: string;
  ids: string[];
  wire: Array<number | string>;
}

export interface SegmentRef {
  /** File stem in `content/`: `<name>.heads.json` and `<name>.bodies.json`. */
  name: string;
  count: number;
}

export interface StoryEdit {
  publishedAt?: string | null;
  /** `publishedAt` was estimated at import (a brief's age label and capture time), not set by the editor. */
  publishedAtEstimated?: boolean;
  note?: string;
  /**
   * Page-text stories merged into this one as its later versions, oldest first (accepted
   * "looks like an update of" proposals): the story shows the last one's text, and each
   * stays in its own content record (the merged story is deleted and purged, never shown).
   */
  pageVersions?: string[];
}

export interface SavedSearch {
  id: string;
  name: string;
  query: ListQuery;
}

export interface MetaDoc {
  schemaVersion: number;
  createdAt: string;
  segments: SegmentRef[];
  /** Stories removed from the library (content stays on disk, so delete is undoable). */
  deleted: string[];
  /**
   * Deleted stories purged for good (the Trash emptied, an import undone): a subset of
   * `deleted` whose content stays in its immutable segment but is never shown, restored,
   * exported or archived again. Absent in libraries written before the Trash.
   */
  purged?: string[];
  /** storyId → the editor's note, date and page versions (a StoryMap: one entry changes in constant time). */
  storyEdits: StoryMap<StoryEdit>;
  tags: Tag[];
  /** storyId → tag ids (a StoryMap, as storyEdits). */
  taggings: StoryMap<string[]>;
  links: Link[];
  dossiers: Dossier[];
  /** storyId → folded names of dismissed tag suggestions. */
  dismissedTagSuggestions: Record<string, string[]>;
  /** Dismissed related-story pairs, `idA|idB` with idA < idB. */
  dismissedRelated: string[];
  savedSearches: SavedSearch[];
  notices: LibraryNotice[];
  /** storyId → the agency version the editor last opened (for "new since you last opened it"). */
  opened: Record<string, number>;
  /** Drop folders watched whenever the library opens (added later: absent in older files means none). */
  watchFolders?: WatchFolderConfig[];
  /** "Looks like an update of …" proposals for page text, every status (absent in older files means none). */
  updateProposals?: UpdateProposal[];
  /**
   * storyId → the name of the series the story is in (added later: absent means no named
   * series). Naming a series writes the name on every member, so a series keeps its name
   * when a story joins it or when it is split (see features/links/ops.ts `nameSeries`).
   */
  seriesNames?: Record<string, string>;
}

/** A watched drop folder as kept in the library (see features/watch). */
export interface WatchFolderConfig {
  path: string;
  moveImported: boolean;
}

/** The parts of the metadata document that feed the search and related indexes. */
export type IndexedMeta = Pick<MetaDoc, 'createdAt' | 'segments' | 'deleted' | 'tags' | 'taggings' | 'storyEdits'>;

export function indexedMetaOf(meta: IndexedMeta): IndexedMeta {
  const { createdAt, segments, deleted, tags, taggings, storyEdits } = meta;
  return { createdAt, segments, deleted, tags, taggings, storyEdits };
}

export function emptyMeta(now = new Date().toISOString()): MetaDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: now,
    segments: [],
    deleted: [],
    storyEdits: StoryMap.empty(),
    tags: [],
    taggings: StoryMap.empty(),
    links: [],
    dossiers: [],
    dismissedTagSuggestions: {},
    dismissedRelated: [],
    savedSearches: [],
    notices: [],
    opened: {},
  };
}

// Shape check on open: valid JSON of the wrong shape must be treated as damage,
// never silently replaced by defaults. Loose on unknown extra keys (forward notes).
const stringArray = z.array(z.string());
const metaShape = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  segments: z.array(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]+$/), count: z.number().int().nonnegative() })),
  deleted: stringArray,
  purged: stringArray.optional(),
  // storyEdits and taggings: checked by recordProblem below.
  tags: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
  links: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), type: z.string() }).passthrough()),
  dossiers: z.array(z.object({ id: z.string(), title: z.string(), entries: z.array(z.object({ storyId: z.string() }).passthrough()) }).passthrough()),
  dismissedTagSuggestions: z.record(z.string(), stringArray),
  dismissedRelated: stringArray,
  savedSearches: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
  // Notices are code + parameters; older libraries also have an English `message`.
  notices: z.array(z.object({ code: z.string(), message: z.string().optional() }).passthrough()),
  opened: z.record(z.string(), z.number().int().positive()),
  watchFolders: z.array(z.object({ path: z.string(), moveImported: z.boolean() })).optional(),
  updateProposals: z.array(z.object({ id: z.string(), storyId: z.string(), candidateId: z.string(), status: z.enum(['open', 'accepted', 'declined']) }).passthrough()).optional(),
  seriesNames: z.record(z.string(), z.string()).optional(),
});

export type MetaCheck = { ok: true; meta: MetaDoc } | { ok: false; reason: string };

/** Validates a parsed meta document of the current schema version. */
export function checkMeta(value: unknown): MetaCheck {
  const result = metaShape.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, reason: `unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  const records = value as { taggings?: unknown; storyEdits?: unknown };
  const problem = recordProblem('storyEdits', records.storyEdits, storyEditProblem) ?? recordProblem('taggings', records.taggings, (tags) => (isStringArray(tags) ? null : ': expected an array of strings'));
  if (problem) return { ok: false, reason: `unexpected shape at ${problem}` };
  // The per-story records that grow with the library are kept as StoryMaps (story-map.ts).
  const doc = value as Record<string, unknown> & { taggings: Record<string, string[]>; storyEdits: Record<string, StoryEdit> };
  return { ok: true, meta: { ...doc, taggings: StoryMap.from(doc.taggings), storyEdits: StoryMap.from(doc.storyEdits) } as unknown as MetaDoc };
}

// The two records that grow with the library are checked by hand, by the rules a zod schema
// would apply (`z.record(z.string(), …)`): zod took ~2 µs per entry, 2 s of every opening of a
// million-story library. A document already held (continued by its edit log) has them as
// StoryMaps, checked the same way.

const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** `name.key…: what is wrong` for the first entry of the record that breaks `entry`'s rule, or null. */
function recordProblem(name: string, record: unknown, entry: (value: unknown) => string | null): string | null {
  if (record instanceof StoryMap) {
    for (const [key, value] of record as StoryMap<unknown>) {
      const problem = entry(value);
      if (problem) return `${name}.${key}${problem}`;
    }
    return null;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return `${name}: expected an object`;
  const values = record as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    const problem = entry(values[key]);
    if (problem) return `${name}.${key}${problem}`;
  }
  return null;
}

/** A StoryEdit: optional publishedAt (string or null), publishedAtEstimated (boolean), note (string), pageVersions (strings); other keys are let be. */
function storyEditProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ': expected an object';
  const edit = value as Record<string, unknown>;
  if (edit.publishedAt !== undefined && edit.publishedAt !== null && typeof edit.publishedAt !== 'string') return '.publishedAt: expected a string or null';
  if (edit.publishedAtEstimated !== undefined && typeof edit.publishedAtEstimated !== 'boolean') return '.publishedAtEstimated: expected a boolean';
  if (edit.note !== undefined && typeof edit.note !== 'string') return '.note: expected a string';
  if (edit.pageVersions !== undefined && !isStringArray(edit.pageVersions)) return '.pageVersions: expected an array of strings';
  return null;
}

/**
 * Migrations: pure functions from version N to N+1, indexed by N, each with a fixture
 * of the version it starts from in `test/fixtures/`.
 *
 * 1 → 2: agency versions. A wire story's versions live in the content segments (each
 * version's record carries its own facts, see WireVersionFacts), so the document only
 * gains `opened`: which version the editor last opened, per story. Nothing else changes.
 *
 * 2 → 3: the edit log (store/edit-log.ts). The document's shape is unchanged, but from version
 * 3 on it may be continued by `library-edits.jsonl`, which an older Kroniek would not read: a
 * library left with logged edits (a crash) must not open there without them, nor be changed
 * there and then have the log replayed over those changes. The bump makes older versions refuse.
 */
export const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  1: (doc) => ({ ...doc, opened: {} }),
  2: (doc) => ({ ...doc }),
};

/** The date a story is listed and sorted by: the editor's, else the feed's, else none. */
export function publishedAtOf(edit: StoryEdit | undefined, head: StoryHead): string | null {
  if (edit && edit.publishedAt !== undefined) return edit.publishedAt;
  return head.wire?.date ?? null;
}

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; from: number; migrated: boolean }
  | { ok: false; code: 'newer' | 'invalid'; reason: string };

export function migrateMeta(doc: unknown, target = SCHEMA_VERSION, migrations = MIGRATIONS): MigrationResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, code: 'invalid', reason: 'not a JSON object' };
  const version = (doc as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: 'invalid', reason: 'missing or invalid schemaVersion' };
  }
  if (version > target) {
    return {
      ok: false,
      code: 'newer',
      reason: `This library was written by a newer Kroniek (schema version ${version}; this version reads up to ${target}). Update Kroniek to open it.`,
    };
  }
  let current = doc as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, code: 'invalid', reason: `no migration from schema version ${v}` };
    current = { ...step(current), schemaVersion: v + 1 };
  }
  return { ok: true, doc: current, from: version, migrated: version !== target };
}
