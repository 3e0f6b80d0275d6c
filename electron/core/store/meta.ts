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
  | { ok: false; code: 'invalid'; reason: string }
  | { ok: false; code: 'newer'; reason: string; found: number };

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
      found: version,
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
