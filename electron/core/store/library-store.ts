import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { isEmptyChange, type ChangeSet, type Commit } from '../../../shared/contract/changes';
import { ServiceError } from '../../../shared/contract/envelope';
import type { HistoryState, RecentChange } from '../../../shared/contract/library';
import type { BodyBlock, LibraryNotice, Story, StorySummary } from '../../../shared/types';
import { changesBetween } from './changes';
import { DurableJsonFile } from './durable-adapter';
import { removeStaleTempFiles, writeFileDurably } from './durable-file';
import type { HistoryLabel } from '../../../shared/messages';
import { RECENT_KEEP, RecentChanges } from './recent';
import { History, type HistoryGuard } from './history';
import { acquireFolderLock, type FolderLock, type LockOptions } from './lock';
import { emptyMeta, publishedAtOf, type MetaDoc, type SegmentRecords, type SegmentRef, type StoryContent, type StoryHead } from './meta';
import { loadMeta, META_FILE, type RestoredBackup } from './meta-file';
import { continueWithLog } from './meta-continued';
import { EDIT_LOG_FIELD, EDIT_LOG_FILE, EditLog, metaDelta, readEditLog } from './edit-log';
import { SegmentPicker, SegmentReader, type SegmentEntries } from './segment-entries';
import { headsOfBytes, isBody, readHeadsBytes, readHeadsFile, SegmentFileError, type SegmentProblem } from './segment-shape';
import { storyHeadOf, StoryVersions } from './versions';
import { ColdHeadParts, HashIndex, StoredHead } from './stored-heads';
import { SharedHeadParts } from './shared-head-parts';
import { decodeHeadsCache, HeadsCache, sameStamp, type CachedHead } from './heads-cache';
import type { DamagedContent, DamagedStoryText, StoryVersionSummary, StoryWireInfo } from '../../../shared/types';
import { own } from './records';
import { oversizedValues, withinLimit } from './limits';
import { COMPACT_THRESHOLD, planCompaction, readJournal, recoverCompactions, removeSegmentFiles, smallSegmentCount, writeJournal, type CompactionEntry, type CompactionGroup, type CompactionStep } from './compaction';
import { asciiJson } from './ascii-json';
import { CACHE_DIR, CONTENT_DIR } from './layout';

/** The heads cache is made this long after an opening or a write of segments (their own work first), with a pause after each segment. */
const HEADS_CACHE_DELAY_MS = 3_000;
const HEADS_CACHE_PAUSE_MS = 20;
/** Segments whose files are asked for ahead at an opening. */
const READ_AHEAD_SEGMENTS = 6;
/** Stories per content segment: small enough to load one reader's story fast, large enough to keep file counts low. */
export const SEGMENT_SIZE = 1_000;
const BODY_CACHE_SEGMENTS = 6;

/**
 * A content segment written ahead of an import's commit (LibraryStore.writeAhead): its name,
 * how many records it holds, and the stories among them the library held already when it was
 * written (new versions of them: an undo of the import leaves those stories). The heads are
 * read back from the file at the commit, not held meanwhile.
 */
export interface AheadSegment {
  readonly name: string;
  readonly count: number;
  readonly known: readonly string[];
}

export type StoreChange =
  | { type: 'stories-added'; ids: string[] }
  | { type: 'meta'; before: MetaDoc; after: MetaDoc };

/** How an addition is named in the history, and what may refuse its undo (given the stories that appeared). */
export interface UndoableAdd {
  label: (appeared: number) => HistoryLabel;
  guard: (appeared: readonly string[]) => HistoryGuard;
}

export interface OpenStoreOptions {
  readOnly?: boolean;
  /** Called when the metadata file is damaged; returns a restored document or null (see backups). */
  restoreFromBackup?: (reason: string) => Promise<RestoredBackup | null>;
  /** Runs after every successful metadata write (backups hook). */
  afterWrite?: (meta: MetaDoc) => void;
  /** How the folder lock is taken: what takes it, how long a command waits for another (see lock.ts). */
  lock?: LockOptions;
  /** Small segments at which the store compacts them in the background after an import (compaction.ts); false: never on its own. */
  autoCompact?: number | false;
}

/** What a compaction did: segment counts before and after, and the segments it replaced. */
export interface CompactionResult {
  segmentsBefore: number;
  segmentsAfter: number;
  retired: number;
  written: number;
  /** True when the replaced files were deleted at once (otherwise at the next open). */
  retiredNow: boolean;
}

/**
 * The library store. Owns one data folder (locked), keeps every story's head in
 * memory, loads bodies per segment on demand, and writes the small metadata
 * document durably through its lowdb adapter (see persist). Every write computes the
 * new state, writes it, and only then swaps it in, so a failed write leaves memory and
 * disk unchanged.
 */
export class LibraryStore {
  /** Every story's head as shown (a wire story's current version, a merged page's last text), each placed in the segment that holds that text. */
  private readonly heads = new Map<string, StoredHead>();
  /** The heads' parts read only for one story (file name, hashes, warnings, capture time), off the JS heap (stored-heads.ts). */
  private readonly coldParts = new ColdHeadParts();
  /** A story's own record (not the merged page version it may show): what the hash indexes were given. */
  private readonly ownRecord = (id: string) => this.pageOwn.get(id)?.head ?? this.heads.get(id);
  /** Story ids by content hash and by source file hash: made at the first look-up (an import), not at every open. */
  private hashes: { content: HashIndex; sha: HashIndex } | null = null;
  private readonly bodyCache = new Map<string, Map<string, BodyBlock[]>>();
  /** Agency versions: each version's own content record (by content id), and which a story shows. */
  private readonly versionHeads = new Map<string, StoryHead>();
  private readonly versions = new StoryVersions();
  /**
   * Page text merged as later versions (StoryEdit.pageVersions): story → the content id of
   * its last merged version, the reverse, and the story's own head and segment while its
   * head and segment are the merged version's.
   */
  private pageShown = new Map<string, string>();
  private pageShownBy = new Map<string, string>();
  private readonly pageOwn = new Map<string, { head: StoredHead; segment: string }>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly commitListeners = new Set<(commit: Commit) => void>();
  private revisionCount = 0;
  private readonly history = new History();
  /** The library's recent changes (recent.ts): undoable edits, undo/redo, and incoming team edits. */
  private recent!: RecentChanges;
  private readonly shared = new SharedHeadParts();
  /** Heads cache files (heads-cache.ts), and the segments read or written without one since the opening. */
  private readonly headsCache: HeadsCache;
  private readonly uncached = new Set<string>();
  private cacheKeeping: Promise<void> | null = null;
  private cacheHurried = false;
  /** When the last segment was written (performance.now()). */
  private lastSegmentWrite = -Infinity;
  private fromCache = 0;
  private wakeCacheKeeper: () => void = () => {};
  private deletedSet = new Set<string>();
  /** Counts changes to which stories liveHeads() gives, in what order (see headsRevision). */
  private headsChanges = 0;
  private purgedSet = new Set<string>();
  private linkCounts: Map<string, number> | null = null;
  /** Content records (by content id) of each segment, in file order: what its bodies file must hold. */
  private readonly recordsOf = new Map<string, string[]>();
  /** Segments whose recordsOf list is not in file order (made by a compaction in this process): read from disk by others. */
  private readonly mergedRecords = new Set<string>();
  /** Damaged content files (relative path) → why, and the content ids they cost (a lost heads file: `lost` stories of unknown id). */
  private readonly damage = new Map<string, { problem: SegmentProblem; ids: Set<string>; lost: number }>();
  /** Segments whose bodies file was read whole and checked (they never change). */
  private readonly checkedBodies = new Set<string>();
  /** Serialises writes: one metadata write at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Where edits are written (null when read-only): see edit-log.ts. */
  private editLog: EditLog | null = null;
  /** Bytes of library.json as last written whole (the edit log is folded in at half of it). */
  private documentBytes = 0;
  private closed = false;
  /** Set once the heads are read: damage found later is announced as a change. */
  private opened = false;

  private constructor(
    readonly dataDir: string,
    private readonly db: Low<MetaDoc>,
    private readonly lock: FolderLock | null,
    readonly readOnly: boolean,
    readonly notices: LibraryNotice[],
    readonly created: boolean,
    private readonly afterWrite?: (meta: MetaDoc) => void,
    private readonly autoCompact: number | false = COMPACT_THRESHOLD,
  ) {
    this.headsCache = new HeadsCache(path.join(dataDir, CACHE_DIR), path.join(dataDir, CONTENT_DIR));
  }

  static async open(dataDir: string, options: OpenStoreOptions = {}): Promise<LibraryStore> {
    const dir = path.resolve(dataDir);
    await fs.mkdir(path.join(dir, CONTENT_DIR), { recursive: true });
    const lock = options.readOnly ? null : await acquireFolderLock(dir, options.lock);
    try {
      await removeStaleTempFiles(dir);
      await removeStaleTempFiles(path.join(dir, CONTENT_DIR));
      if (!options.readOnly) await removeStaleTempFiles(path.join(dir, CACHE_DIR));
      // The edit log is read before the document it continues (see edit-log.ts).
      const logged = await readEditLog(dir);
      const loaded = await loadMeta(dir, options.restoreFromBackup);
      const continued = await continueWithLog(dir, loaded, logged);
      const readOnly = Boolean(options.readOnly) || loaded.readOnly;
      const adapter = new DurableJsonFile<MetaDoc>(path.join(dir, META_FILE));
      const db = new Low<MetaDoc>(adapter, emptyMeta());
      db.data = continued.meta;
      if (loaded.readOnly && loaded.meta.segments.length === 0) {
        // The index of segments was lost with the damaged file: show every segment found so stories stay readable.
        db.data = { ...loaded.meta, segments: await discoverSegments(dir) };
      }
      // Values longer than the API takes are reported (and shown only up to the limit), never fatal.
      const oversized = oversizedValues(db.data);
      const known = [...loaded.notices, ...continued.notices];
      const notices = oversized.length ? [...known, { code: 'oversized' as const, fields: oversized }] : known;
      // What a compaction left (a crash, or files to retire): finished before any segment is read.
      const recovered = await recoverCompactions(dir, db.data.segments, readOnly);
      if (recovered) db.data = { ...db.data, segments: recovered };
      const store = new LibraryStore(dir, db, lock, readOnly, notices, loaded.created, options.afterWrite, options.autoCompact ?? COMPACT_THRESHOLD);
      store.recent = RecentChanges.load(dir, !readOnly);
      if (!readOnly) {
        store.editLog = await EditLog.resume(path.join(dir, EDIT_LOG_FILE), continued.generation, continued.resumeAt);
        store.documentBytes = continued.documentBytes;
      }
      await store.loadHeads();
      store.keepHeadsCache(HEADS_CACHE_DELAY_MS);
      // A backup lists the story files of its time: those imported after it are on disk still.
      if (loaded.restored && !readOnly) await store.adoptUnlistedSegments();
      if ((loaded.needsWrite || recovered || continued.needsWrite) && !readOnly) await store.writeWhole(db.data);
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get meta(): MetaDoc {
    return this.db.data;
  }

  // ---- reading ---------------------------------------------------------

  /** Changes whenever liveHeads() would give other heads or another order (an import, a deletion, a restore, a version shown): what is kept in that order is then stale. */
  get headsRevision(): number {
    return this.headsChanges;
  }

  /** Segments whose heads came from their cache file at the opening (heads-cache.ts). */
  get segmentsFromCache(): number {
    return this.fromCache;
  }

  get storyCount(): number {
    return this.heads.size - this.deletedSet.size;
  }

  /** Every story head that is not deleted, in import order. */
  *liveHeads(): IterableIterator<StoryHead> {
    for (const head of this.heads.values()) if (!this.deletedSet.has(head.id)) yield head;
  }

  /** The ids of every story that is not deleted, in import order. */
  *liveIds(): IterableIterator<string> {
    for (const id of this.heads.keys()) if (!this.deletedSet.has(id)) yield id;
  }

  head(id: string): StoryHead | undefined {
    const head = this.heads.get(id);
    return head && !this.deletedSet.has(id) ? head : undefined;
  }

  /** A live (not deleted) story: head(id) gives its head. */
  isLive(id: string): boolean {
    return this.head(id) !== undefined;
  }

  isDeleted(id: string): boolean {
    return this.deletedSet.has(id);
  }

  /** Deleted and purged for good: never shown, restored, exported or archived again. */
  isPurged(id: string): boolean {
    return this.purgedSet.has(id);
  }

  /** The head of a deleted story that is still in the Trash (deleted, not purged). */
  trashedHead(id: string): StoryHead | undefined {
    return this.deletedSet.has(id) && !this.purgedSet.has(id) ? this.heads.get(id) : undefined;
  }

  /**
   * The records of the listed segments as their heads files list them, for the indexing
   * worker, which would otherwise parse every heads file again (~0.3 s of CPU at 52,000
   * stories). Segments whose list is not known in file order are left out (read from disk).
   * One segment at a time, of the segments listed at the call (their lists copied then: an
   * import or a compaction adds to a list): the caller may pause between them.
   */
  eachSegmentRecords(): Iterable<SegmentRecords> {
    const listed: Array<{ name: string; ids: string[] }> = [];
    for (const { name } of this.meta.segments) {
      const ids = this.recordsOf.get(name);
      if (ids && !this.mergedRecords.has(name)) listed.push({ name, ids: ids.slice() });
    }
    const versionHeads = this.versionHeads;
    return (function* () {
      for (const { name, ids } of listed) {
        const wire: Array<number | string> = [];
        ids.forEach((id, index) => {
          const facts = versionHeads.get(id)?.wire;
          if (facts) wire.push(index, facts.storyId, facts.version);
        });
        yield { name, ids, wire };
      }
    })();
  }

  /** Bytes of the heads' parts kept outside the JS heap (for the memory benchmark). */
  get offHeapBytes(): number {
    return this.coldParts.bytes;
  }

  /** The store's own string for a stored story's id (deleted ones included): others keep it rather than a copy. */
  storedId(id: string): string | undefined {
    return this.heads.get(id)?.id;
  }

  /** True for any stored story, deleted ones included. */
  hasStored(id: string): boolean {
    return this.heads.has(id);
  }

  /** Is this record (a story, or an agency story's version by its content id) stored? */
  hasRecord(id: string): boolean {
    return this.heads.has(id) || this.versions.hasContent(id);
  }

  /** Id of a stored story (deleted or not) with this content, if any. */
  findByContentHash(hash: string): string | undefined {
    return this.hashIndexes().content.get(hash);
  }

  findBySourceSha(sha256: string): string | undefined {
    return this.hashIndexes().sha.get(sha256);
  }

  private hashIndexes(): { content: HashIndex; sha: HashIndex } {
    if (!this.hashes) {
      const hashes = { content: new HashIndex((id) => this.ownRecord(id)?.contentHash), sha: new HashIndex((id) => this.ownRecord(id)?.sha256) };
      // As indexHead would have, story by story in the order they came (an agency version is found by its guid, not a hash).
      for (const id of this.heads.keys()) {
        const record = this.ownRecord(id);
        if (record && !record.wire) this.noteHashes(hashes, record);
      }
      this.hashes = hashes;
    }
    return this.hashes;
  }

  private noteHashes(hashes: { content: HashIndex; sha: HashIndex }, head: StoryHead): void {
    hashes.content.set(head.contentHash, head.id);
    if (head.kind === 'article') hashes.sha.set(head.sha256, head.id);
  }

  summary(id: string): StorySummary | undefined {
    const head = this.head(id);
    return head ? this.toSummary(head) : undefined;
  }

  toSummary(head: StoryHead): StorySummary {
    const meta = this.meta;
    const edit = own(meta.storyEdits, head.id);
    return {
      id: head.id,
      kind: head.kind,
      headline: head.headline,
      dateline: head.dateline,
      section: head.section,
      publishedAt: publishedAtOf(edit, head),
      importedAt: head.importedAt,
      ageLabel: head.ageLabel,
      pageId: head.pageId,
      tagIds: own(meta.taggings, head.id) ?? [],
      linkCount: this.linkCountOf(head.id),
      ...(head.wire ? this.wireSummary(head) : {}),
      ...(edit?.publishedAtEstimated && edit.publishedAt ? { publishedAtEstimated: true } : {}),
    };
  }

  private wireSummary(head: StoryHead): { wire: StoryWireInfo; updatedSinceOpened: boolean } {
    const wire = head.wire!;
    const list = this.versions.list(wire.storyId);
    const latest = list[list.length - 1]?.version ?? wire.version;
    let corrected = false;
    for (const ref of list) if (this.versionHeads.get(ref.contentId)?.wire?.signals.includes('correction')) corrected = true;
    const opened = own(this.meta.opened, wire.storyId);
    return {
      wire: {
        guid: wire.guid,
        version: wire.version,
        latestVersion: latest,
        versionCount: list.length,
        status: wire.status,
        corrected,
        embargoedUntil: wire.embargoedUntil,
        edNote: wire.edNote,
        rights: wire.rights,
        infoSources: wire.infoSources,
        firstCreated: wire.firstCreated,
        versionCreated: wire.versionCreated,
        byline: wire.byline,
        subheadline: wire.subheadline,
        language: wire.language,
      },
      updatedSinceOpened: opened === undefined ? list.length > 1 : latest > opened,
    };
  }

  // ---- agency versions -------------------------------------------------

  /** True for a story that came from an agency feed (deleted ones included). */
  isWireStory(id: string): boolean {
    return this.versions.isWireStory(id);
  }

  /** The story's stored versions, oldest first (empty for a story that is not from a feed, or not live). */
  storyVersions(id: string): StoryVersionSummary[] {
    if (!this.head(id)) return [];
    return this.versions.list(id).map((ref) => {
      const head = this.versionHeads.get(ref.contentId)!;
      const wire = head.wire!;
      return { version: ref.version, versionCreated: wire.versionCreated, status: wire.status, signals: wire.signals, words: wire.words, headline: head.headline, importedAt: head.importedAt };
    });
  }

  /** The stored versions of a story, deleted or not: their numbers and times (for the importer). */
  storyVersionsStored(id: string): { version: number; versionCreated: string | null }[] {
    return this.versions.list(id).map((ref) => ({ version: ref.version, versionCreated: this.versionHeads.get(ref.contentId)?.wire?.versionCreated ?? null }));
  }

  /** The stored version of a story with this number, if any (the content record of a deleted story too). */
  versionRecord(id: string, version: number): StoryHead | undefined {
    const ref = this.versions.find(id, version);
    return ref && this.versionHeads.get(ref.contentId);
  }

  /** A highest version of `guid`'s story, or null when unknown: for the importer. */
  latestVersionOf(storyId: string): number | null {
    return this.versions.current(storyId)?.version ?? null;
  }

  hasVersion(storyId: string, version: number): boolean {
    return this.versions.find(storyId, version) !== undefined;
  }

  /** One version of a wire story as the reader shows it (older versions can be opened). */
  async storyAtVersion(id: string, version: number): Promise<Story | undefined> {
    if (this.pageShown.has(id)) return this.pageStoryAt(id, version);
    const head = this.head(id);
    const ref = this.versions.find(id, version);
    if (!head || !ref) return undefined;
    const record = this.versionHeads.get(ref.contentId)!;
    const shown = storyHeadOf(record);
    const text = (await this.loadBodies(ref.segment)).get(ref.contentId);
    const damaged = text === undefined ? this.textDamageOf(ref.contentId) : undefined;
    const body = text ?? [];
    const summary = this.toSummary(shown);
    return {
      ...summary,
      // The story keeps its own date, tags and links whatever version is shown.
      publishedAt: this.toSummary(head).publishedAt,
      body,
      source: { fileName: record.fileName, sha256: record.sha256, importedAt: record.importedAt },
      warnings: record.warnings,
      note: withinLimit(own(this.meta.storyEdits, id)?.note ?? ''),
      ...(damaged ? { textDamaged: damaged } : {}),
    };
  }

  linkCountOf(id: string): number {
    if (!this.linkCounts) {
      const counts = new Map<string, number>();
      for (const link of this.meta.links) {
        counts.set(link.from, (counts.get(link.from) ?? 0) + 1);
        counts.set(link.to, (counts.get(link.to) ?? 0) + 1);
      }
      this.linkCounts = counts;
    }
    return this.linkCounts.get(id) ?? 0;
  }

  async body(id: string): Promise<BodyBlock[] | undefined> {
    const segment = this.heads.get(id)?.segment;
    if (!segment) return undefined;
    const bodies = await this.loadBodies(segment);
    return bodies.get(this.pageShown.get(id) ?? this.versions.current(id)?.contentId ?? id);
  }

  /** Where the entries of the bodies files bodiesOf read lately are. */
  private readonly picker = new SegmentPicker();

  /**
   * The bodies of a few stories, by story id (absent: not a live story), without
   * keeping whole segments: a segment in the body cache is used as it is, any other is
   * read once and only the stories asked for are parsed (for snippets of the rows on
   * screen, which may come from as many segments as rows).
   */
  async bodiesOf(ids: readonly string[]): Promise<Map<string, BodyBlock[]>> {
    const bodies = new Map<string, BodyBlock[]>();
    const wanted = new Map<string, Map<string, string>>();
    for (const id of ids) {
      const segment = this.heads.get(id)?.segment;
      if (!segment || !this.head(id)) continue;
      // The text shown, as body() reads it: an accepted page update's, else the current agency version's.
      const contentId = this.pageShown.get(id) ?? this.versions.current(id)?.contentId ?? id;
      const cached = this.bodyCache.get(segment);
      if (cached) {
        const body = cached.get(contentId);
        if (body) bodies.set(id, body);
        continue;
      }
      const forSegment = wanted.get(segment) ?? new Map<string, string>();
      forSegment.set(contentId, id);
      wanted.set(segment, forSegment);
    }
    // Only the entries asked for are read and parsed (a 50,000-story library's page of 20
    // rows comes from up to 20 files of ~2.4 MB; reading and scanning each whole every time
    // made snippets slow to follow scrolling and typing).
    // A damaged file or entry leaves its stories without a body here (no snippet); the
    // reader and exports report the damage (story, checkContent).
    // A few files side by side (each read is a few waits on the thread pool; a file read
    // whole takes a buffer of its size, so not all of a page's at once).
    const queue = [...wanted];
    const pickNext = async (): Promise<void> => {
      for (let next = queue.pop(); next; next = queue.pop()) {
        const [segment, byContent] = next;
        let values: Map<string, unknown>;
        try {
          values = await this.picker.pick(this.bodiesFile(segment), byContent.keys());
        } catch (error) {
          if (error instanceof SegmentFileError) continue;
          throw error;
        }
        for (const [contentId, value] of values) if (isBody(value)) bodies.set(byContent.get(contentId)!, value);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BODY_PICKS_AT_ONCE, queue.length) }, pickNext));
    return bodies;
  }

  async story(id: string): Promise<Story | undefined> {
    const head = this.head(id);
    if (!head) return undefined;
    const body = await this.body(id);
    const damaged = body === undefined ? this.textDamageOf(this.versions.current(id)?.contentId ?? id) : undefined;
    return {
      ...this.toSummary(head),
      body: body ?? [],
      source: { fileName: head.fileName, sha256: head.sha256, importedAt: head.importedAt },
      warnings: head.warnings,
      note: withinLimit(own(this.meta.storyEdits, id)?.note ?? ''),
      ...(damaged ? { textDamaged: damaged } : {}),
    };
  }

  // ---- damaged content -------------------------------------------------

  /** Why the text of a content record could not be read, or undefined when it is not known to be damaged. */
  textDamageOf(contentId: string): DamagedStoryText | undefined {
    for (const [file, entry] of this.damage) if (entry.ids.has(contentId)) return { file, problem: entry.problem };
    return undefined;
  }

  /** True when the story's text (its current version's) is known to be damaged. */
  isTextDamaged(id: string): boolean {
    return this.textDamageOf(this.versions.current(id)?.contentId ?? id) !== undefined;
  }

  /** What is known to be damaged so far (see checkContent for a full check); null when nothing. */
  damagedContent(): DamagedContent | null {
    if (this.damage.size === 0) return null;
    const storyIds = new Set<string>();
    let lost = 0;
    const files = [...this.damage].map(([file, entry]) => {
      const ids = new Set<string>();
      for (const contentId of entry.ids) {
        const story = this.versionHeads.get(contentId)?.wire?.storyId ?? contentId;
        if (!this.purgedSet.has(story)) ids.add(story);
      }
      for (const id of ids) storyIds.add(id);
      lost += entry.lost;
      return { file, problem: entry.problem, stories: ids.size + entry.lost };
    });
    if (storyIds.size + lost === 0) return null;
    return { stories: storyIds.size + lost, storyIds: [...storyIds].slice(0, 1_000), files };
  }

  /**
   * Reads every segment's bodies file once and checks every story's text in it, so that
   * damage anywhere is known (an export or archive must not be incomplete without the
   * editor's say). Segments never change, so each is checked once per opening.
   */
  async checkContent(): Promise<DamagedContent | null> {
    const reader = new SegmentReader();
    for (const segment of this.meta.segments) {
      if (this.checkedBodies.has(segment.name) || this.bodyCache.has(segment.name)) continue;
      const entries = await this.readSegmentOrReport(reader, segment.name);
      if (entries) this.checkEntries(segment.name, entries);
    }
    return this.damagedContent();
  }

  /** A segment's entries, or null when its bodies file cannot be read: then its stories are reported as damaged (damagedContent), never passed on with no text. */
  private async readSegmentOrReport(reader: SegmentReader, segment: string): Promise<SegmentEntries | null> {
    try {
      return await reader.read(this.bodiesFile(segment));
    } catch (error) {
      this.bodiesFailed(segment, error);
      return null;
    }
  }

  private noteDamage(file: string, problem: SegmentProblem, ids: Iterable<string>, lost = 0): void {
    const entry = this.damage.get(file) ?? { problem, ids: new Set<string>(), lost: 0 };
    const before = entry.ids.size + entry.lost;
    for (const id of ids) entry.ids.add(id);
    entry.lost += lost;
    if (entry.ids.size + entry.lost === before && this.damage.has(file)) return;
    this.damage.set(file, entry);
    // Found after opening (a read on demand): the status changed, windows reload it.
    if (this.opened) this.publish({ library: true });
  }

  private bodiesFailed(segment: string, error: unknown): void {
    if (!(error instanceof SegmentFileError)) throw error;
    this.checkedBodies.add(segment);
    this.noteDamage(this.relativeBodiesFile(segment), error.problem, this.recordsOf.get(segment) ?? []);
  }

  /** Checks every record the heads name against the bodies file's entries; returns the good bodies by content id. */
  private checkEntries(segment: string, entries: SegmentEntries): Map<string, BodyBlock[]> {
    this.checkedBodies.add(segment);
    const at = new Map<string, number>();
    for (let index = 0; index < entries.ids.length; index++) at.set(entries.ids[index]!, index);
    const bodies = new Map<string, BodyBlock[]>();
    const missing: string[] = [];
    const broken: string[] = [];
    for (const id of this.recordsOf.get(segment) ?? []) {
      const index = at.get(id);
      if (index === undefined) {
        missing.push(id);
        continue;
      }
      let body: unknown;
      try {
        body = entries.value(index);
      } catch {
        body = undefined;
      }
      if (isBody(body)) bodies.set(id, body);
      else broken.push(id);
    }
    const file = this.relativeBodiesFile(segment);
    if (broken.length) this.noteDamage(file, 'entry-damaged', broken);
    if (missing.length) this.noteDamage(file, broken.length ? 'entry-damaged' : 'entry-missing', missing);
    return bodies;
  }

  /** Every live story with its body, segment by segment (for building indexes); `include` picks segments by name. */
  async *storiesWithBodies(include?: (segment: string) => boolean): AsyncIterableIterator<StoryContent> {
    // A wire story is met where its current version's record is, under the story's id.
    yield* this.passOverBodies((id) => {
      const owner = this.versions.ownerOf(id);
      // A story with merged page text is met where its last merged version's record is.
      const mergedInto = this.pageShownBy.get(id);
      if (mergedInto !== undefined) return this.head(mergedInto);
      if (this.pageShown.has(id)) return undefined;
      if (owner === undefined) return this.head(id);
      return this.versions.current(owner)?.contentId === id ? this.head(owner) : undefined;
    }, include);
  }

  /** Every stored content record, deleted stories and every agency version included but not purged stories, with its body (for the library archive). */
  /**
   * Every stored record with its text, as written (a story showing merged page text with its
   * own head), purged ones left out except those in `keepPurged` (merged page versions).
   */
  async *allStoriesWithBodies(keepPurged: ReadonlySet<string> = new Set()): AsyncIterableIterator<StoryContent> {
    yield* this.passOverBodies((id) => {
      const head = this.pageOwn.get(id)?.head ?? this.versionHeads.get(id) ?? this.heads.get(id);
      if (!head) return undefined;
      const story = head.wire?.storyId ?? id;
      return !this.purgedSet.has(story) || keepPurged.has(story) ? head : undefined;
    });
  }

  /**
   * The stories of every segment (those `include` accepts) that `headOf` knows, with
   * their bodies: from the body cache, or read story by story (segment-entries.ts), so
   * a pass over a large library does not hold a whole segment's stories at a time.
   */
  private async *passOverBodies(headOf: (id: string) => StoryHead | undefined, include?: (segment: string) => boolean): AsyncIterableIterator<StoryContent> {
    const reader = new SegmentReader();
    for (const segment of this.meta.segments) {
      if (include && !include(segment.name)) continue;
      const cached = this.bodyCache.get(segment.name);
      if (cached) {
        for (const [id, body] of cached) {
          const head = headOf(id);
          if (head) yield { head, body };
        }
        continue;
      }
      const entries = await this.readSegmentOrReport(reader, segment.name);
      if (!entries) continue;
      const known = new Set(this.recordsOf.get(segment.name));
      const seen = new Set<string>();
      const broken: string[] = [];
      for (let index = 0; index < entries.ids.length; index++) {
        const id = entries.ids[index]!;
        if (!known.has(id)) continue;
        seen.add(id);
        const head = headOf(id);
        if (!head) continue;
        // Parsed one story at a time; the reader's buffer is reused for the next segment only after this loop.
        let body: unknown;
        try {
          body = entries.value(index);
        } catch {
          body = undefined;
        }
        if (isBody(body)) yield { head, body };
        else broken.push(id);
      }
      const file = this.relativeBodiesFile(segment.name);
      if (broken.length) this.noteDamage(file, 'entry-damaged', broken);
      const missing = [...known].filter((id) => !seen.has(id));
      if (missing.length) this.noteDamage(file, broken.length ? 'entry-damaged' : 'entry-missing', missing);
      this.checkedBodies.add(segment.name);
    }
  }

  // ---- writing ---------------------------------------------------------

  /**
   * Adds new stories: content segments first (immutable files), then one
   * metadata write that lists them; that write is the commit point, so a crash
   * before it leaves only unreferenced segment files, which are ignored.
   */
  async addStories(items: StoryContent[], metaChange?: (meta: MetaDoc) => MetaDoc, undo?: UndoableAdd, ahead: readonly AheadSegment[] = []): Promise<void> {
    if (items.length === 0 && !metaChange && ahead.length === 0) return;
    await this.serial(async () => {
      this.assertWritable();
      const fresh = items.filter((item) => this.isNewRecord(item.head));
      // Segments written ahead (writeAhead) are listed first, as their stories came first.
      const segments: SegmentRef[] = ahead.map((segment) => ({ name: segment.name, count: segment.count }));
      const written: { name: string; items: StoryContent[] }[] = [];
      for (let i = 0; i < fresh.length; i += SEGMENT_SIZE) {
        const chunk = fresh.slice(i, i + SEGMENT_SIZE);
        const name = newSegmentName();
        await this.writeSegment(name, chunk);
        segments.push({ name, count: chunk.length });
        written.push({ name, items: chunk });
      }
      const known = new Set<string>(ahead.flatMap((segment) => segment.known));
      for (const item of fresh) {
        const story = item.head.wire?.storyId ?? item.head.id;
        if (this.heads.has(story)) known.add(story);
      }
      // The segments written ahead must read back whole before anything is committed (else the
      // import fails). Their bytes are kept (off the JS heap) and parsed again one segment at a
      // time below, after the commit and without a pause, rather than every head held at once.
      const aheadBytes: Array<Buffer | null> = [];
      for (const segment of ahead) aheadBytes.push(await this.readAheadBytes(segment));
      const before = this.meta;
      let next: MetaDoc = segments.length ? { ...before, segments: [...before.segments, ...segments] } : before;
      if (metaChange) next = metaChange(next);
      if (next !== before) await this.persist(next);
      this.swapMeta(next);
      for (const segment of written) this.uncached.add(segment.name);
      if (written.length) {
        this.lastSegmentWrite = performance.now();
        this.keepHeadsCache(HEADS_CACHE_DELAY_MS);
      }
      // A new version names its story (the index and the list show the story, not the record).
      const addedSet = new Set<string>();
      ahead.forEach((segment, k) => {
        const { heads } = headsOfBytes(aheadBytes[k]!);
        aheadBytes[k] = null;
        // A record written ahead that the library took in meanwhile (the same content, from elsewhere) stays a spare copy in its file.
        for (const head of heads) if (this.isNewRecord(head)) addedSet.add(this.indexHead(head, segment.name));
        this.uncached.add(segment.name);
      });
      for (const segment of written) {
        for (const item of segment.items) addedSet.add(this.indexHead(item.head, segment.name));
        this.cacheBodies(segment.name, new Map(segment.items.map((item) => [item.head.id, item.body])));
      }
      const added = [...addedSet];
      // An archive may bring stories with merged page text: shown once their records are known.
      if (metaChange && written.length) this.applyPageVersions(next);
      // Undoing the import takes away the stories it brought into being (a new version of a story already here stays).
      if (undo) this.recordAdd(undo, added.filter((id) => !known.has(id)), before, next);
      if (added.length) this.emit({ type: 'stories-added', ids: added });
      if (next !== before) this.emit({ type: 'meta', before, after: next });
      this.publish(changesBetween(before, next, added));
      if (segments.length) this.maybeCompact();
    });
  }

  /**
   * Writes the content segments of new stories ahead of the commit that will list them
   * (addStories' `ahead`), for an import too large to hold in memory until its one commit:
   * the files are unreferenced, and ignored, until then (a crash or a failed import leaves
   * them unread, as it leaves an import's segments that addStories had not listed yet).
   * Records the library holds already are left out. Nothing of the stories is kept for the
   * commit but how many there are: it reads their heads back from the files.
   */
  async writeAhead(items: readonly StoryContent[]): Promise<AheadSegment[]> {
    this.assertWritable();
    const fresh = items.filter((item) => this.isNewRecord(item.head));
    const segments: AheadSegment[] = [];
    for (let i = 0; i < fresh.length; i += SEGMENT_SIZE) {
      const chunk = fresh.slice(i, i + SEGMENT_SIZE);
      const name = newSegmentName();
      await this.writeSegment(name, chunk);
      const known = new Set<string>();
      for (const { head } of chunk) {
        const story = head.wire?.storyId ?? head.id;
        if (this.heads.has(story)) known.add(story);
      }
      segments.push({ name, count: chunk.length, known: [...known] });
    }
    return segments;
  }

  /** The bytes of a segment written ahead's heads file, checked to hold every head it was written with; else the import fails. */
  private async readAheadBytes(segment: AheadSegment): Promise<Buffer> {
    const fail = () => new ServiceError('internal', `The stories written ahead in segment ${segment.name} did not read back; nothing was imported.`);
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await readHeadsBytes(path.join(this.dataDir, CONTENT_DIR, `${segment.name}.heads.json`)));
    } catch {
      throw fail();
    }
    const { heads, invalid } = headsOfBytes(bytes);
    if (invalid > 0 || heads.length !== segment.count) throw fail();
    return bytes;
  }

  /**
   * Deletes the files of segments written ahead of a commit that will not come (the import
   * failed): a large import may have written gigabytes. A segment the metadata lists is left
   * alone; a file that cannot be deleted stays, unreferenced and ignored, as before.
   */
  async discardAhead(segments: readonly AheadSegment[]): Promise<void> {
    const listed = new Set(this.meta.segments.map((segment) => segment.name));
    for (const { name } of segments) {
      if (listed.has(name)) continue;
      for (const kind of ['heads', 'bodies']) await fs.rm(path.join(this.dataDir, CONTENT_DIR, `${name}.${kind}.json`), { force: true }).catch(() => {});
    }
  }

  /** A record the library does not hold yet: a story by its id, an agency version by its content id. */
  private isNewRecord(head: StoryHead): boolean {
    return head.wire ? !this.versions.hasContent(head.id) : !this.heads.has(head.id);
  }

  // ---- compaction (compaction.ts) ------------------------------------------

  private compacting: Promise<CompactionResult> | null = null;
  private autoCompactFailed = false;

  /** Starts a background compaction when the small segments pass the threshold (never awaited by the import). */
  private maybeCompact(): void {
    if (this.autoCompact === false || this.autoCompactFailed || this.compacting || this.readOnly) return;
    if (smallSegmentCount(this.meta.segments, SEGMENT_SIZE) < this.autoCompact) return;
    // Not awaited: its reading and writing run beside later edits; its switch waits for this commit to end.
    this.compact().catch((error: unknown) => {
      // Not tried again on its own this session (a damaged segment would fail it after every import).
      this.autoCompactFailed = true;
      console.error(`[kroniek] compaction failed: ${(error as Error).message}`);
    });
  }

  /** Settles when a running compaction has finished (for tests, and close). */
  async compactionSettled(): Promise<void> {
    await this.compacting?.catch(() => {});
  }

  /**
   * Packs runs of small segments into segments of up to SEGMENT_SIZE stories (see
   * compaction.ts for the steps and why a crash at any of them loses nothing). Reading and
   * writing the new files runs beside edits; only the switch waits its turn among them.
   * `retireNow` deletes the replaced files right after the switch: only when nothing else
   * may be reading them (no indexing worker); otherwise they go at the next open.
   * `onStep` runs before each step (tests stop the process there).
   */
  compact(options: { retireNow?: boolean; onStep?: (step: CompactionStep) => void | Promise<void> } = {}): Promise<CompactionResult> {
    this.assertWritable();
    if (this.compacting) return this.compacting;
    const run = this.runCompaction(options).finally(() => {
      this.compacting = null;
    });
    this.compacting = run;
    return run;
  }

  private async runCompaction({ retireNow = false, onStep }: { retireNow?: boolean; onStep?: (step: CompactionStep) => void | Promise<void> }): Promise<CompactionResult> {
    const segmentsBefore = this.meta.segments.length;
    // Only segments whose files are sound: a damaged one stays as it is (it is reported, never rewritten).
    const damaged = new Set([...this.damage.keys()].map((file) => file.replace(/^content\//, '').replace(/\.(heads|bodies)\.json$/, '')));
    const groups = planCompaction(
      this.meta.segments.map((segment) => (damaged.has(segment.name) ? { ...segment, count: -1 } : segment)),
      SEGMENT_SIZE,
    );
    if (groups.length === 0) return { segmentsBefore, segmentsAfter: segmentsBefore, retired: 0, written: 0, retiredNow: false };
    const plan = groups.map((group) => ({ group, name: newSegmentName() }));
    const entry: CompactionEntry = {
      into: plan.map((item) => item.name),
      retired: groups.flatMap((group) => group.retired.map((segment) => segment.name)),
      state: 'planned',
      at: new Date().toISOString(),
      groups: groups.map((group) => group.retired.length),
    };
    await onStep?.('journal');
    const journal = await readJournal(this.dataDir);
    await writeJournal(this.dataDir, [...journal, entry]);
    const into = new Map<string, { name: string; count: number; records: string[] }>();
    try {
      await this.writeCompacted(plan, into, onStep);
    } catch (error) {
      // Nothing was switched: the new files and the plan go, the library is as it was.
      for (const name of entry.into) await removeSegmentFiles(this.dataDir, name);
      await writeJournal(this.dataDir, journal);
      throw error;
    }
    await onStep?.('switch');
    const switched = await this.serial(async () => {
      this.assertWritable();
      const before = this.meta;
      const listed = new Set(before.segments.map((segment) => segment.name));
      // Every retired segment must still be listed as it was planned (segments are only ever appended).
      if (entry.retired.some((name) => !listed.has(name))) return false;
      const segments: SegmentRef[] = [];
      const placed = new Set<string>();
      for (const segment of before.segments) {
        const target = into.get(segment.name);
        if (!target) segments.push(segment);
        else if (!placed.has(target.name)) {
          placed.add(target.name);
          segments.push({ name: target.name, count: target.count });
        }
      }
      const next: MetaDoc = { ...before, segments };
      await this.persist(next);
      this.swapMeta(next);
      this.renameSegments(into);
      this.emit({ type: 'meta', before, after: next });
      // The new segments' heads are cached like an import's (the retired ones' cache files go with them).
      for (const name of placed) this.uncached.add(name);
      this.lastSegmentWrite = performance.now();
      this.keepHeadsCache(HEADS_CACHE_DELAY_MS);
      return true;
    });
    await onStep?.('switched');
    if (!switched) {
      for (const name of entry.into) await removeSegmentFiles(this.dataDir, name);
      await writeJournal(this.dataDir, journal);
      return { segmentsBefore, segmentsAfter: this.meta.segments.length, retired: 0, written: 0, retiredNow: false };
    }
    await writeJournal(this.dataDir, [...journal, { ...entry, state: 'switched' }]);
    if (retireNow) {
      await onStep?.('retire');
      for (const name of entry.retired) await removeSegmentFiles(this.dataDir, name);
    }
    return { segmentsBefore, segmentsAfter: this.meta.segments.length, retired: entry.retired.length, written: entry.into.length, retiredNow: retireNow };
  }

  /** Compaction step 2: the new segments, each the stories of its group's segments in order, checked as they are read. */
  private async writeCompacted(
    plan: { group: CompactionGroup; name: string }[],
    into: Map<string, { name: string; count: number; records: string[] }>,
    onStep?: (step: CompactionStep) => void | Promise<void>,
  ): Promise<void> {
    const reader = new SegmentReader();
    for (const { group, name } of plan) {
      await onStep?.('segment');
      const items: StoryContent[] = [];
      for (const segment of group.retired) {
        const { heads, invalid } = await readHeadsFile(path.join(this.dataDir, CONTENT_DIR, `${segment.name}.heads.json`));
        const entries = await reader.read(this.bodiesFile(segment.name));
        const at = new Map(entries.ids.map((id, index) => [id, index]));
        if (invalid > 0 || heads.length !== segment.count) throw new Error(`segment ${segment.name} is not as listed; compaction stopped`);
        for (const head of heads) {
          const index = at.get(head.id);
          const body = index === undefined ? undefined : entries.value(index);
          if (!isBody(body)) throw new Error(`segment ${segment.name} has a damaged story text; compaction stopped`);
          items.push({ head, body });
        }
      }
      await writeSegmentFiles(this.dataDir, name, items);
      for (const segment of group.retired) into.set(segment.name, { name, count: group.count, records: [] });
    }
  }

  /** After a compaction's switch: every in-memory reference to a retired segment names the segment that holds its stories now. */
  private renameSegments(into: Map<string, { name: string }>): void {
    const renamed = (segment: string) => into.get(segment)?.name ?? segment;
    for (const head of this.heads.values()) if (into.has(head.segment)) head.placeIn(renamed(head.segment));
    for (const [id, own] of this.pageOwn) if (into.has(own.segment)) this.pageOwn.set(id, { ...own, segment: renamed(own.segment) });
    this.versions.renameSegments(renamed);
    for (const [segment, target] of into) {
      const records = this.recordsOf.get(segment) ?? [];
      this.recordsOf.delete(segment);
      const merged = this.recordsOf.get(target.name);
      if (merged) merged.push(...records);
      else this.recordsOf.set(target.name, [...records]);
      this.mergedRecords.add(target.name);
      this.bodyCache.delete(segment);
      this.checkedBodies.delete(segment);
    }
  }

  /**
   * Applies a pure change to the metadata document and writes it durably.
   * With a label the change is undoable.
   */
  async update(label: HistoryLabel | null, change: (meta: MetaDoc) => MetaDoc): Promise<MetaDoc> {
    return (await this.updateWith(label, (meta) => ({ meta: change(meta) }))).meta;
  }

  /**
   * As update, for a change that works out more than the new document (what it
   * created, moved, skipped): `change` returns `{meta, ...}` and the whole outcome is
   * returned once the document is durably written.
   */
  async updateWith<T extends { meta: MetaDoc }>(label: HistoryLabel | null, change: (meta: MetaDoc) => T): Promise<T> {
    return this.serial(async () => {
      this.assertWritable();
      const before = this.meta;
      const outcome = change(before);
      const after = outcome.meta;
      if (after === before) return outcome;
      await this.persist(after);
      this.swapMeta(after);
      if (label) this.history.record(label, before, after, undefined, this.recent.add({ label, source: 'mine' }));
      this.emit({ type: 'meta', before, after });
      const changes = changesBetween(before, after);
      this.publish(label ? { ...changes, history: true } : changes);
      return outcome;
    });
  }

  /**
   * Makes an import undoable: the stories that appeared (new ones, and deleted ones it
   * brought back) go back to where they were. In history terms the state "before" is the
   * state after with those stories deleted, new ones also purged (they were never in the
   * library, so they do not land in the Trash), and brought-back ones as they were. The
   * segments stay as they are: content is immutable, and a purged story is never shown.
   */
  private recordAdd(undo: UndoableAdd, added: string[], before: MetaDoc, after: MetaDoc): void {
    const stillDeleted = new Set(after.deleted);
    const broughtBack = before.deleted.filter((id) => !stillDeleted.has(id));
    const appeared = [...added, ...broughtBack];
    if (appeared.length === 0) return;
    const wasPurged = new Set(before.purged ?? []);
    const purgedAfter = after.purged ?? [];
    const undone: MetaDoc = {
      ...after,
      deleted: [...after.deleted, ...appeared],
      purged: [...purgedAfter, ...added, ...broughtBack.filter((id) => wasPurged.has(id))],
    };
    const label = undo.label(appeared.length);
    this.history.record(label, undone, after, undo.guard(appeared), this.recent.add({ label, source: 'mine' }));
  }

  /** The library's recent changes, newest first (at most `limit`). */
  recentChanges(limit = RECENT_KEEP): RecentChange[] {
    return this.recent.list(limit, this.history.undoableIds());
  }

  /** Notes changes that arrived from colleagues (the team library), once their commit is on disk. */
  noteIncoming(changes: { label: HistoryLabel; author: string }[]): void {
    if (changes.length === 0) return;
    const at = new Date().toISOString();
    for (const change of changes) this.recent.add({ label: change.label, source: 'incoming', author: change.author, at });
    this.publish({ history: true });
  }

  historyState(): HistoryState {
    return this.history.state();
  }

  async undo(): Promise<HistoryState> {
    return this.travel('undo');
  }

  async redo(): Promise<HistoryState> {
    return this.travel('redo');
  }

  private async travel(direction: 'undo' | 'redo'): Promise<HistoryState> {
    await this.serial(async () => {
      this.assertWritable();
      const before = this.meta;
      const after = direction === 'undo' ? this.history.undo(before) : this.history.redo(before);
      if (!after) return;
      await this.persist(after).catch((error: unknown) => {
        // Put the step back so the editor can try again.
        this.history.revert(direction);
        throw error;
      });
      this.swapMeta(after);
      const moved = this.history.lastMoved(direction);
      if (moved) this.recent.add({ label: moved, source: direction });
      this.emit({ type: 'meta', before, after });
      this.publish({ ...changesBetween(before, after), history: true });
    });
    return this.history.state();
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Every commit, as the parts of the library it changed (see shared/contract/changes.ts),
   * numbered in commit order. Called synchronously inside the commit, after the new state
   * is in memory, in the async context of the call that committed.
   */
  onCommit(listener: (commit: Commit) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /**
   * Publishes a change that is not in the metadata document (a watch folder's import log):
   * numbered and sent on the change feed like a commit, in order with the store's commits.
   */
  announce(changes: ChangeSet): void {
    this.publish(changes);
  }

  /** The number of the last commit since the library was opened (0 before the first). */
  get revision(): number {
    return this.revisionCount;
  }

  /** Gives up the folder lock at once, writes or not: only for a process that is about to be stopped hard. */
  abandonLock(): void {
    this.lock?.releaseSync();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.compactionSettled();
    this.closed = true;
    this.wakeCacheKeeper();
    await this.cacheKeeping;
    await this.queue.catch(() => {});
    // The logged edits go into library.json, so the next opening reads one file.
    const log = this.editLog;
    if (log?.holdsEdits) {
      await this.writeWhole(this.meta).catch((error: unknown) => {
        console.error(`[kroniek] library.json could not be written at closing (${(error as Error).message}); the edit log keeps the edits`);
      });
    }
    await log?.drop();
    await this.lock?.release();
  }

  // ---- internals -------------------------------------------------------

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private assertWritable(): void {
    if (this.closed) throw new ServiceError('internal', 'The library is closed.');
    if (this.readOnly) throw new ServiceError('read-only', 'The library is open read-only; nothing can be changed.', { code: 'library.readOnly' });
  }

  /**
   * Writes `next` durably without making it the current state: the one place the store
   * drives lowdb's adapter itself instead of calling `db.write()` / `db.update()`.
   * lowdb 7's `write()` writes `db.data` and `update(fn)` mutates `db.data` and then
   * writes it, so with either the new state is in memory before it is on disk: every
   * reader of `meta` during the write sees a state that is not durable yet, and after a
   * failed write (disk full, EPERM, the folder gone) memory would hold a state that disk
   * does not, unless rolled back by hand after others may have read it. Writing first and
   * swapping in only after success (swapMeta, which sets `db.data`, lowdb's public field)
   * keeps the guarantee that a failed write leaves memory and disk as they were. The
   * adapter is ours (DurableJsonFile: temp file, fsync, rename, folder fsync).
   */
  private async persist(next: MetaDoc): Promise<void> {
    const log = this.editLog;
    if (!log || log.shouldFold(this.documentBytes)) return this.writeWhole(next);
    const ops = metaDelta(this.db.data, next);
    if (ops.length) await log.append(ops);
  }

  /**
   * Writes the whole document (with the next generation of the edit log), then starts that
   * generation's empty log. Once the document is written the change is durable: a log that
   * cannot be started is only reported, and the next edit writes the document whole again.
   */
  private async writeWhole(next: MetaDoc): Promise<void> {
    const log = this.editLog;
    const generation = log?.nextGeneration ?? 1;
    await this.db.adapter.write({ ...next, [EDIT_LOG_FIELD]: generation } as MetaDoc);
    if (this.db.adapter instanceof DurableJsonFile) this.documentBytes = this.db.adapter.lastLength;
    if (!log) return;
    await log.reset(generation).catch(async (error: unknown) => {
      console.error(`[kroniek] the edit log could not be started (${(error as Error).message}); edits write library.json whole meanwhile`);
      await log.drop();
    });
  }

  private swapMeta(next: MetaDoc): void {
    const before = this.db.data;
    this.db.data = next;
    if (next.deleted !== before.deleted || next.purged !== before.purged) this.setDeleted(next);
    if (next.links !== before.links) this.linkCounts = null;
    // Only accepting a proposal (and its undo or redo) changes pageVersions, and it always changes
    // the proposals too: a note or a date (every other story edit) need not walk every story edit.
    if (next.updateProposals !== before.updateProposals) this.applyPageVersions(next);
    this.afterWrite?.(next);
  }

  /** The head liveHeads() gives for `id` from now on, its text in `segment`. */
  private showHead(id: string, head: StoredHead, segment: string): void {
    head.placeIn(segment);
    this.heads.set(id, head);
    this.headsChanges++;
  }

  /** A purged story is gone whatever `deleted` says (purged is a subset of deleted, kept so even if an edit broke that). */
  private setDeleted(meta: MetaDoc): void {
    this.headsChanges++;
    this.purgedSet = new Set(meta.purged ?? []);
    this.deletedSet = this.purgedSet.size ? new Set([...meta.deleted, ...this.purgedSet]) : new Set(meta.deleted);
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private publish(changes: ChangeSet): void {
    if (isEmptyChange(changes)) return;
    const commit: Commit = { revision: ++this.revisionCount, changes };
    for (const listener of this.commitListeners) {
      try {
        listener(commit);
      } catch (error) {
        // A listener (a transport) must never undo a commit that is already on disk.
        console.error(`[kroniek] change listener failed: ${(error as Error).message}`);
      }
    }
  }

  /** Takes in a stored record; returns the id of the story it is (or is a version of). */
  private indexHead(record: StoryHead, segment: string): string {
    this.shared.head(record);
    return this.keepHead(StoredHead.of(record, this.coldParts), segment);
  }

  /** Takes in a record from a heads cache file, decoded with this store's shared parts (its other parts already in `coldParts`). */
  private indexCachedHead({ head, slot }: CachedHead, segment: string): string {
    return this.keepHead(new StoredHead(head, this.coldParts, slot), segment);
  }

  private keepHead(head: StoredHead, segment: string): string {
    const records = this.recordsOf.get(segment);
    if (records) records.push(head.id);
    else this.recordsOf.set(segment, [head.id]);
    if (head.wire) {
      this.versionHeads.set(head.id, head);
      if (this.versions.add(head, segment) === 'current') this.showHead(head.wire.storyId, asStored(storyHeadOf(head)), segment);
      return head.wire.storyId;
    }
    this.showHead(head.id, head, segment);
    if (this.hashes) this.noteHashes(this.hashes, head);
    return head.id;
  }

  private async loadHeads(): Promise<void> {
    this.setDeleted(this.meta);
    const problems: string[] = [];
    const segments = this.meta.segments;
    // What is read of the next few segments is asked for ahead (each read waits for the thread pool); they are taken in, in order.
    const ahead: Array<Promise<[Awaited<ReturnType<HeadsCache['fetch']>>, Stats | null]>> = [];
    const readAhead = (k: number) => {
      const segment = segments[k];
      if (segment && !ahead[k]) ahead[k] = Promise.all([this.headsCache.fetch(segment.name), fs.lstat(this.bodiesFile(segment.name)).catch(() => null)]);
    };
    for (let k = 0; k < segments.length; k++) {
      const segment = segments[k]!;
      for (let next = k; next < k + READ_AHEAD_SEGMENTS; next++) readAhead(next);
      const [fetched, bodies] = await ahead[k]!;
      delete ahead[k];
      const file = `${CONTENT_DIR}/${segment.name}.heads.json`;
      try {
        // From its cache file when the heads file is as it was cached (then all its entries were heads).
        const cached = fetched && decodeHeadsCache(fetched.bytes, fetched.stamp, this.coldParts, this.shared);
        const { heads, invalid } = cached ? { heads: cached.heads, invalid: 0 } : await readHeadsFile(path.join(this.dataDir, file));
        if (cached) {
          for (const head of cached.heads) this.indexCachedHead(head, segment.name);
          this.fromCache++;
          // Where the bodies are, for the snippets (SegmentPicker), when the bodies file is the one the cache was made with.
          const spans = cached.bodies;
          if (spans && bodies?.isFile() && sameStamp(bodies, spans.stamp)) {
            this.picker.note(this.bodiesFile(segment.name), bodies, cached.heads.map(({ head }) => head.id), spans.spans);
          }
        } else {
          for (const head of heads as StoryHead[]) this.indexHead(head, segment.name);
          this.uncached.add(segment.name);
        }
        // Entries that are not heads, or fewer than the metadata says the segment holds: stories lost with their heads.
        const lost = Math.max(invalid, segment.count - heads.length);
        if (lost > 0) {
          this.noteDamage(file, 'wrong-shape', [], lost);
          problems.push(`${segment.name} (${lost} damaged)`);
        }
      } catch (error) {
        if (!(error instanceof SegmentFileError)) throw error;
        // The ids went with the file; the metadata still says how many stories it held.
        this.noteDamage(file, error.problem, [], segment.count);
        problems.push(`${segment.name} (${error.problem})`);
      }
      // A bodies file that is plainly not there is known now; one that is damaged inside when it is read.
      const problem: SegmentProblem | null = !bodies ? 'missing' : !bodies.isFile() ? 'not-a-file' : bodies.size === 0 ? 'empty' : null;
      if (problem) {
        this.checkedBodies.add(segment.name);
        this.noteDamage(this.relativeBodiesFile(segment.name), problem, this.recordsOf.get(segment.name) ?? []);
      }
    }
    if (problems.length) {
      this.notices.push({ code: 'content-damaged', segments: problems });
    }
    this.applyPageVersions(this.meta);
    this.opened = true;
  }

  /**
   * A story that took in page text as later versions shows the last one: its head (under
   * the story's id, so tags, links, notes, dates and dossier places stay) and its body.
   * Worked out again whenever the proposals change (a merge, its undo or redo).
   */
  private applyPageVersions(meta: MetaDoc): void {
    const shown = new Map<string, string>();
    for (const [id, edit] of meta.storyEdits) {
      const last = edit.pageVersions?.at(-1);
      if (last !== undefined && this.heads.has(last) && (this.heads.has(id) || this.pageOwn.has(id))) shown.set(id, last);
    }
    for (const [id, own] of this.pageOwn) {
      if (shown.get(id) === this.pageShown.get(id)) continue;
      this.showHead(id, own.head, own.segment);
      this.pageOwn.delete(id);
    }
    for (const [id, last] of shown) {
      if (this.pageOwn.has(id)) continue;
      const own = this.heads.get(id)!;
      const version = this.heads.get(last)!;
      this.pageOwn.set(id, { head: own, segment: own.segment });
      this.showHead(id, version.with({ id, kind: own.kind, pageId: own.pageId }), version.segment);
    }
    this.pageShown = shown;
    this.pageShownBy = new Map([...shown].map(([id, last]) => [last, id]));
  }

  /** A story's own headline, also when it shows a merged version's or was merged into another (proposals show both sides). */
  ownHeadline(id: string): string | undefined {
    return (this.pageOwn.get(id)?.head ?? this.heads.get(id))?.headline;
  }

  /** True for a story that took in page text as later versions. */
  hasPageVersions(id: string): boolean {
    return this.pageShown.has(id);
  }

  /** The page-text story whose text became a version of another, and that other: for the importer (a re-import is a duplicate of it). */
  mergedInto(id: string): string | undefined {
    for (const [story, edit] of this.meta.storyEdits) if (edit.pageVersions?.includes(id)) return story;
    return undefined;
  }

  /** A page-text story's versions (its own text, then each merged one): content ids, heads and segments, oldest first. */
  private pageVersionRecords(id: string): { contentId: string; head: StoryHead; segment: string }[] {
    const first = this.pageOwn.get(id);
    if (!first) return [];
    const records = [{ contentId: id, head: first.head, segment: first.segment }];
    for (const contentId of own(this.meta.storyEdits, id)?.pageVersions ?? []) {
      const head = this.pageOwn.get(contentId)?.head ?? this.heads.get(contentId);
      const segment = this.pageOwn.get(contentId)?.segment ?? this.heads.get(contentId)?.segment;
      if (head && segment) records.push({ contentId, head, segment });
    }
    return records;
  }

  /** The versions of a story with merged page text, as the version rail lists them (words counted from the bodies). */
  async pageStoryVersions(id: string): Promise<StoryVersionSummary[]> {
    if (!this.head(id)) return [];
    const out: StoryVersionSummary[] = [];
    const records = this.pageVersionRecords(id);
    for (const [index, record] of records.entries()) {
      const body = (await this.loadBodies(record.segment)).get(record.contentId) ?? [];
      const words = countWords(record.head.headline) + body.reduce((sum, block) => sum + countWords(block.text), 0);
      out.push({ version: index + 1, versionCreated: record.head.capturedAt ?? record.head.importedAt, status: 'usable', signals: index > 0 ? ['update'] : [], words, headline: record.head.headline, importedAt: record.head.importedAt });
    }
    return out;
  }

  /** One version of a story with merged page text, as the reader shows it. */
  private async pageStoryAt(id: string, version: number): Promise<Story | undefined> {
    const head = this.head(id);
    const record = this.pageVersionRecords(id)[version - 1];
    if (!head || !record) return undefined;
    const body = (await this.loadBodies(record.segment)).get(record.contentId) ?? [];
    return {
      ...this.toSummary(head),
      headline: record.head.headline,
      dateline: record.head.dateline,
      body,
      source: { fileName: record.head.fileName, sha256: record.head.sha256, importedAt: record.head.importedAt },
      warnings: record.head.warnings,
      note: withinLimit(own(this.meta.storyEdits, id)?.note ?? ''),
    };
  }

  /**
   * After a restore from a backup: story files on disk that the restored document does not
   * list (imports made after the backup) are listed again, unless one of their stories is
   * known already (a segment an import wrote but never committed, imported again later).
   */
  private async adoptUnlistedSegments(): Promise<void> {
    const listed = new Set(this.meta.segments.map((segment) => segment.name));
    const adopted: SegmentRef[] = [];
    for (const { name } of await discoverSegments(this.dataDir)) {
      if (listed.has(name)) continue;
      let heads: StoryHead[];
      try {
        // Checked as every heads file is; a file with any entry that is not a head is not adopted.
        const read = await readHeadsFile(path.join(this.dataDir, CONTENT_DIR, `${name}.heads.json`));
        if (read.invalid > 0 || read.heads.length === 0) continue;
        heads = read.heads;
      } catch {
        continue; // unreadable: left on disk, as every damaged story file is
      }
      if (heads.some((head) => this.heads.has(head.id) || this.versionHeads.has(head.id) || (head.wire && this.versions.hasContent(head.id)))) continue;
      for (const head of heads) this.indexHead(head, name);
      adopted.push({ name, count: heads.length });
    }
    if (adopted.length) this.db.data = { ...this.meta, segments: [...this.meta.segments, ...adopted] };
  }

  private async writeSegment(name: string, items: StoryContent[]): Promise<void> {
    await writeSegmentFiles(this.dataDir, name, items);
  }

  /**
   * Makes the cache files of the segments read from their heads files or written since
   * the opening, and removes those of segments no longer listed (heads-cache.ts): in the
   * background, a segment at a time, a while after the opening (not in a read-only library).
   * Its pauses do not keep a process alive; closing ends them at once.
   */
  private keepHeadsCache(delayMs = HEADS_CACHE_PAUSE_MS): void {
    if (this.readOnly || this.closed || this.cacheKeeping) return;
    this.cacheKeeping = (async () => {
      await this.cachePause(delayMs);
      const listed = () => new Set(this.meta.segments.map((segment) => segment.name));
      if (this.closed) return;
      await this.headsCache.prune(listed());
      for (const name of this.uncached) {
        // Not while an import writes segment after segment: once it has paused.
        while (!this.closed && !this.cacheHurried && performance.now() - this.lastSegmentWrite < HEADS_CACHE_DELAY_MS) await this.cachePause(HEADS_CACHE_DELAY_MS);
        if (this.closed) return;
        this.uncached.delete(name);
        if (!listed().has(name)) continue;
        await this.headsCache.write(name);
        await this.cachePause(HEADS_CACHE_PAUSE_MS);
      }
    })()
      .catch((error: unknown) => {
        if (this.closed) return;
        // Not tried again until the next opening: the heads files are read as before.
        this.uncached.clear();
        console.error(`[kroniek] the heads cache could not be written (${(error as Error).message}); the heads files are read instead`);
      })
      .finally(() => {
        this.cacheKeeping = null;
        if (this.uncached.size && !this.closed) this.keepHeadsCache(HEADS_CACHE_DELAY_MS);
      });
  }

  /** Waits `ms` (unless hurried or closed: see wakeCacheKeeper). */
  private cachePause(ms: number): Promise<void> {
    if (this.cacheHurried || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      this.wakeCacheKeeper = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Makes the heads cache now and settles when it is written for every segment so far (tests, benchmarks). */
  async headsCacheSettled(): Promise<void> {
    this.cacheHurried = true;
    this.wakeCacheKeeper();
    // The keeper's pauses do not keep a process alive: this wait does.
    const alive = setInterval(() => {}, 1_000);
    try {
      while (this.cacheKeeping) await this.cacheKeeping;
    } finally {
      clearInterval(alive);
      this.cacheHurried = false;
    }
  }

  private bodiesFile(segment: string): string {
    return path.join(this.dataDir, CONTENT_DIR, `${segment}.bodies.json`);
  }

  private relativeBodiesFile(segment: string): string {
    return `${CONTENT_DIR}/${segment}.bodies.json`;
  }

  /** A segment's stories' text, checked: a story whose text cannot be read is not in the map and is reported as damaged. */
  private async readBodies(segment: string): Promise<Map<string, BodyBlock[]>> {
    const cached = this.bodyCache.get(segment);
    if (cached) return cached;
    try {
      return this.checkEntries(segment, await new SegmentReader().read(this.bodiesFile(segment)));
    } catch (error) {
      this.bodiesFailed(segment, error);
      return new Map();
    }
  }

  private async loadBodies(segment: string): Promise<Map<string, BodyBlock[]>> {
    const bodies = await this.readBodies(segment);
    this.cacheBodies(segment, bodies);
    return bodies;
  }

  private cacheBodies(segment: string, bodies: Map<string, BodyBlock[]>): void {
    this.bodyCache.delete(segment);
    this.bodyCache.set(segment, bodies);
    while (this.bodyCache.size > BODY_CACHE_SEGMENTS) {
      const oldest = this.bodyCache.keys().next().value;
      if (oldest === undefined) break;
      this.bodyCache.delete(oldest);
    }
  }
}

/** Bodies files read at once for a page's snippets (bodiesOf): libuv's thread pool has four threads. */
const BODY_PICKS_AT_ONCE = 4;

const countWords = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

/** Every head the store holds is a StoredHead (indexHead makes them). */
function asStored(head: StoryHead): StoredHead {
  if (!(head instanceof StoredHead)) throw new Error(`story ${head.id} is not a stored head`);
  return head;
}

/** A content segment's two files, each written durably: bodies first, then heads (a heads file names only stories whose text is on disk). */
async function writeSegmentFiles(dataDir: string, name: string, items: StoryContent[]): Promise<void> {
  const dir = path.join(dataDir, CONTENT_DIR);
  // Null prototype: an id is a key, whatever it is (ids are checked, this is the second line).
  const bodies = Object.create(null) as Record<string, BodyBlock[]>;
  for (const item of items) bodies[item.head.id] = item.body;
  await writeFileDurably(path.join(dir, `${name}.bodies.json`), JSON.stringify(bodies));
  // ASCII JSON: read back a byte a character at every opening (ascii-json.ts).
  await writeFileDurably(path.join(dir, `${name}.heads.json`), asciiJson(items.map((item) => item.head)));
}

function newSegmentName(): string {
  // Time-ordered and unique across processes and restarts.
  return `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

async function discoverSegments(dir: string): Promise<SegmentRef[]> {
  const names = await fs.readdir(path.join(dir, CONTENT_DIR)).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.heads.json'))
    .map((name) => ({ name: name.slice(0, -'.heads.json'.length), count: 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
