import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { z } from 'zod';
import { ServiceError } from '../../../shared/contract/envelope';
import { isSafeId } from '../../../shared/contract/define';
import { newId } from '../ids';
import { ARCHIVE_TOO_LARGE, ARCHIVE_UPLOAD_BYTES, type ArchiveImportSummary, type ArchiveNotTaken } from '../../../shared/contract/backups';
import { LIMITS } from '../../../shared/contract/define';
import { isInstant, mergeArchiveMeta } from './archive-merge';
import { isBody, isStoryHead } from './segment-shape';
import { writeBackup } from './backups';
import { syncDirectory } from './durable-file';
import type { LibraryStore } from './library-store';
import { emptyMeta, migrateMeta, SCHEMA_VERSION, type MetaDoc, type StoryContent } from './meta';
import { checkMeta } from './meta-shape';

// One-file export of a whole library (every story, deleted ones included, and
// all metadata), and its import: into an empty library the round trip is exact;
// into one that has stories it is a merge that adds and never removes or changes.

/** The story a stored record belongs to: an agency version's story, else the record's own id. */
const storyOf = (story: StoryContent): string => story.head.wire?.storyId ?? story.head.id;

/** `versionsAdded` when agency versions were added (left out otherwise, as before versions were counted). */
function versionsOf(records: StoryContent[]): { versionsAdded?: number } {
  const versions = records.filter((story) => story.head.wire).length;
  return versions > 0 ? { versionsAdded: versions } : {};
}

export const ARCHIVE_FORMAT = 'kroniek-library';
export const ARCHIVE_VERSION = 1;

// Story ids become keys of the segment files' JSON objects and of the metadata's per-story
// records: the one id pattern (isSafeId: never `__proto__`, `constructor`, `toString`…).
const storyIdSchema = z.string().refine(isSafeId, 'invalid story id');

const storySchema = z.object({
  head: z
    .object({
      id: storyIdSchema,
      kind: z.enum(['article', 'brief']),
      headline: z.string(),
      dateline: z.object({ place: z.string(), agencies: z.array(z.string()) }),
      contentHash: z.string(),
      sha256: z.string(),
      importedAt: z.string(),
    })
    .passthrough(),
  body: z.array(z.object({ type: z.enum(['paragraph', 'heading']), text: z.string() })),
});

const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string(),
  meta: z.record(z.string(), z.unknown()),
  stories: z.array(storySchema),
});

/** Content ids of page text merged into stories as their later versions. */
function pageVersionIds(meta: MetaDoc): Set<string> {
  const ids = new Set<string>();
  for (const edit of meta.storyEdits.values()) for (const id of edit.pageVersions ?? []) ids.add(id);
  return ids;
}

/** The archive's text, piece by piece, so a big library is never one string in memory. */
async function* archiveChunks(store: LibraryStore, now: Date, written: { stories: number }): AsyncGenerator<string> {
  const { segments: _segments, purged, ...kept } = store.meta;
  // Purged stories are not in the archive (allStoriesWithBodies leaves them out), so the
  // archive does not name them either: it is the library as the editor sees it. The one
  // exception is page text merged into a story as its later version (an accepted "looks
  // like an update" proposal): purged from the list, it is the text the story shows, so it
  // travels, still deleted and purged.
  const versions = pageVersionIds(store.meta);
  const gone = new Set((purged ?? []).filter((id) => !versions.has(id)));
  const stillPurged = (purged ?? []).filter((id) => versions.has(id));
  const trimmed = gone.size ? { ...kept, deleted: kept.deleted.filter((id) => !gone.has(id)) } : kept;
  const meta = stillPurged.length ? { ...trimmed, purged: stillPurged } : trimmed;
  yield `{"format":"${ARCHIVE_FORMAT}","formatVersion":${ARCHIVE_VERSION},"schemaVersion":${store.meta.schemaVersion},"exportedAt":${JSON.stringify(now.toISOString())},\n"meta":${JSON.stringify(meta)},\n"stories":[`;
  let first = true;
  for await (const story of store.allStoriesWithBodies(versions)) {
    yield `${first ? '' : ','}\n${JSON.stringify(story)}`;
    first = false;
    written.stories++;
  }
  yield '\n]}\n';
}

/**
 * Every story's text is checked first: an archive that would be incomplete (stories whose
 * text cannot be read) is refused unless the editor allows it, and then says how many it left out.
 */
async function checkComplete(store: LibraryStore, allowIncomplete: boolean): Promise<number> {
  const damaged = await store.checkContent();
  if (!damaged) return 0;
  if (!allowIncomplete) {
    throw new ServiceError(
      'conflict',
      `The text of ${damaged.stories === 1 ? 'a story' : `${damaged.stories} stories`} cannot be read (damaged content files: ${damaged.files.map((file) => file.file).join(', ')}): the archive would be incomplete. Write it without ${damaged.stories === 1 ? 'that story' : 'them'} only if you choose to.`,
      { code: 'export.incomplete', count: damaged.stories },
    );
  }
  return damaged.stories;
}

/** Streams the archive to `filePath` (through a temp file, fsynced, then renamed). */
export async function exportLibraryArchive(store: LibraryStore, filePath: string, now = new Date(), options: { allowIncomplete?: boolean } = {}): Promise<{ stories: number; leftOut?: number }> {
  const leftOut = await checkComplete(store, Boolean(options.allowIncomplete));
  const temp = `${filePath}.kroniek-tmp-${process.pid}`;
  const out = createWriteStream(temp, { flags: 'wx' });
  // A stream that fails (no such folder, disk full) rejects the export instead of an unhandled 'error' event.
  const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
  failed.catch(() => {});
  const write = (text: string) => (out.write(text) ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]));
  const written = { stories: 0 };
  try {
    for await (const chunk of archiveChunks(store, now, written)) await write(chunk);
    out.end();
    await finished(out);
    const handle = await fs.open(temp, 'r+');
    await handle.sync();
    await handle.close();
    await fs.rename(temp, filePath);
    await syncDirectory(path.dirname(filePath));
  } catch (error) {
    out.destroy();
    await fs.rm(temp, { force: true });
    throw error;
  }
  return leftOut ? { ...written, leftOut } : written;
}

/** The archive in memory, for a browser download; refused above `maxBytes` before it is all built. */
export async function libraryArchiveBytes(store: LibraryStore, maxBytes = ARCHIVE_UPLOAD_BYTES, now = new Date(), options: { allowIncomplete?: boolean } = {}): Promise<{ bytes: Buffer; stories: number; leftOut?: number }> {
  const leftOut = await checkComplete(store, Boolean(options.allowIncomplete));
  const parts: Buffer[] = [];
  let size = 0;
  const written = { stories: 0 };
  for await (const chunk of archiveChunks(store, now, written)) {
    const bytes = Buffer.from(chunk, 'utf8');
    size += bytes.length;
    if (size > maxBytes) throw new ServiceError('too-large', ARCHIVE_TOO_LARGE);
    parts.push(bytes);
  }
  return { bytes: Buffer.concat(parts), stories: written.stories, ...(leftOut ? { leftOut } : {}) };
}

interface ParsedArchive {
  /** The metadata as written (key order kept, for the exact round trip). */
  rawMeta: Record<string, unknown>;
  /** The metadata migrated to this schema version and checked. */
  meta: MetaDoc;
  migrated: boolean;
  stories: StoryContent[];
}

/** Parses and checks an archive's text; throws a ServiceError that says what is wrong. */
export function parseLibraryArchive(text: string, name: string): ParsedArchive {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ServiceError('invalid-input', `${name} is not a readable Kroniek library archive: it is not complete JSON (${(error as Error).message}).`, { code: 'archive.unreadable', name, problem: 'json' });
  }
  const parsed = archiveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError('invalid-input', `${name} is not a Kroniek library archive (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'unexpected shape'}).`, { code: 'archive.unreadable', name, problem: 'shape' });
  }
  // Keep the original objects (zod's output reorders keys), so the round trip is byte-exact.
  const archive = raw as { meta: Record<string, unknown>; stories: StoryContent[]; schemaVersion: number };
  const newer = () => new ServiceError('conflict', `The archive was written by a newer Kroniek (schema ${archive.schemaVersion}). Update Kroniek to import it.`, { code: 'library.newer', what: 'archive', found: archive.schemaVersion, supported: SCHEMA_VERSION });
  if (archive.schemaVersion > SCHEMA_VERSION) throw newer();
  const migrated = migrateMeta({ schemaVersion: archive.schemaVersion, ...archive.meta, segments: [] });
  const damaged = (reason: string) => new ServiceError('invalid-input', `The archive's metadata is damaged: ${reason}.`, { code: 'archive.unreadable', name, problem: 'metadata' });
  if (!migrated.ok) throw migrated.code === 'newer' ? newer() : damaged(migrated.reason);
  const checked = checkMeta(migrated.doc);
  if (!checked.ok) throw damaged(checked.reason);
  return { rawMeta: archive.meta, meta: checked.meta, migrated: migrated.migrated, stories: archive.stories };
}

/** Nothing an editor made is in the library yet: the archive can become it exactly. */
function isEmptyLibrary(meta: MetaDoc): boolean {
  return (
    meta.segments.length === 0 &&
    meta.tags.length === 0 &&
    meta.links.length === 0 &&
    meta.dossiers.length === 0 &&
    meta.savedSearches.length === 0 &&
    meta.deleted.length === 0 &&
    meta.taggings.size === 0 &&
    meta.storyEdits.size === 0
  );
}

/**
 * Imports an archive's text. Into an empty library it becomes the library exactly;
 * otherwise it is merged (see archive-merge.ts) after a backup of the current
 * metadata, in one store commit. A bad archive is refused before anything changes.
 */
export async function importLibraryArchiveText(store: LibraryStore, text: string, name: string): Promise<ArchiveImportSummary> {
  if (store.readOnly) throw new ServiceError('read-only', 'The library is open read-only; nothing can be imported into it.', { code: 'library.readOnly' });
  const archive = parseLibraryArchive(text, name);
  const unique = new Map<string, StoryContent>();
  for (const story of archive.stories) if (!unique.has(story.head.id)) unique.set(story.head.id, story);
  // Stories as the store writes them and within the import limits; an import time the store
  // would not write is repaired (the time of this import), and both are said.
  const notTakenStories: ArchiveNotTaken[] = [];
  const importedAt = new Date().toISOString();
  let repairedTimes = 0;
  let droppedStories = 0;
  const stories: StoryContent[] = [];
  for (const story of unique.values()) {
    const head = isInstant(story.head.importedAt) ? story.head : { ...story.head, importedAt };
    if (head !== story.head) repairedTimes++;
    const chars = head.headline.length + story.body.reduce((sum, block) => sum + (typeof block.text === 'string' ? block.text.length : 0), 0);
    if (!isStoryHead(head) || !isBody(story.body) || chars > LIMITS.storyChars) {
      droppedStories++;
      continue;
    }
    stories.push(head === story.head ? story : { head, body: story.body });
  }
  if (droppedStories) notTakenStories.push({ field: 'story', action: 'dropped', count: droppedStories });
  if (repairedTimes) notTakenStories.push({ field: 'story.importedAt', action: 'repaired', count: repairedTimes });

  // Into an empty library the archive becomes the library exactly, when every value of it is
  // one the API takes (checked by merging it into nothing, every story id taken as known:
  // a record of a story the archive does not carry stays, as it did in the library); otherwise it is merged, which
  // holds each value to the API and says what it did not take.
  const carried = new Set(stories.map((story) => story.head.id));
  const exact =
    notTakenStories.length === 0 &&
    mergeArchiveMeta({ current: emptyMeta(), archive: archive.meta, storyId: (id) => id, newStories: carried, newId }).counts.notTaken.length === 0;
  if (isEmptyLibrary(store.meta) && exact) {
    const imported = archive.migrated ? archive.meta : checkedRaw(archive.rawMeta);
    const { segments: _ignored, ...rest } = imported;
    await store.addStories(stories, (meta: MetaDoc) => ({ ...rest, segments: meta.segments }));
    return {
      mode: 'restored',
      storiesAdded: new Set(stories.map(storyOf)).size,
      ...versionsOf(stories),
      storiesAlreadyPresent: 0,
      tagsAdded: imported.tags.length,
      tagsMatched: 0,
      linksAdded: imported.links.length,
      dossiersAdded: imported.dossiers.length,
      searchesAdded: imported.savedSearches.length,
      conflictsKept: 0,
      notTaken: [],
      backup: null,
    };
  }

  const storyIds = new Map<string, string>();
  const fresh: StoryContent[] = [];
  for (const story of stories) {
    const id = story.head.id;
    // An agency version already stored is no new record (the store would skip it too).
    const present = store.hasStored(id) ? id : story.head.wire && store.hasRecord(id) ? storyOf(story) : store.findByContentHash(story.head.contentHash);
    if (present) storyIds.set(id, present);
    else {
      storyIds.set(id, id);
      fresh.push(story);
    }
  }
  const newStories = new Set(fresh.map((story) => story.head.id));
  const storedBefore = new Set([...new Set(stories.map(storyOf))].filter((id) => store.hasStored(id)));
  // Stories the archive's metadata names but does not carry may still be in this library.
  const storyId = (id: string) => storyIds.get(id) ?? (store.hasStored(id) ? id : undefined);

  const backup = await writeBackup(store.dataDir, store.meta);
  let counts: ReturnType<typeof mergeArchiveMeta>['counts'] | null = null;
  await store.addStories(fresh, (meta) => {
    const merged = mergeArchiveMeta({ current: meta, archive: archive.meta, storyId, newStories, newId });
    counts = merged.counts;
    return merged.meta;
  });
  const done = counts ?? { tagsAdded: 0, tagsMatched: 0, linksAdded: 0, dossiersAdded: 0, searchesAdded: 0, conflictsKept: 0, notTaken: [] };
  // Stories, not records: an agency story's versions are one story (counted apart as versions).
  const archiveStories = new Set(stories.map(storyOf));
  const storiesAdded = new Set(fresh.map(storyOf).filter((id) => !storedBefore.has(id))).size;
  return {
    mode: 'merged',
    storiesAdded,
    storiesAlreadyPresent: archiveStories.size - storiesAdded,
    ...versionsOf(fresh),
    ...done, notTaken: [...notTakenStories, ...done.notTaken], backup: backup.name };
}

/** The raw metadata (original key order) once checked, so an exact round trip writes the same bytes. */
function checkedRaw(raw: Record<string, unknown>): MetaDoc {
  const checked = checkMeta({ ...raw, segments: [] });
  if (!checked.ok) throw new ServiceError('invalid-input', `The archive's metadata is damaged: ${checked.reason}.`, { code: 'archive.unreadable', name: null, problem: 'metadata' });
  return checked.meta;
}

/** Imports an archive file (CLI, desktop open dialog). */
export async function importLibraryArchive(store: LibraryStore, filePath: string): Promise<ArchiveImportSummary> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    throw new ServiceError('not-found', `${path.basename(filePath)} could not be read (${(error as Error).message}).`, { code: 'archive.unreadable', name: path.basename(filePath), problem: 'read' });
  }
  return importLibraryArchiveText(store, text, path.basename(filePath));
}
