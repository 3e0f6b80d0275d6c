import path from 'node:path';
import type { BodyBlock } from '../../../shared/types';
import { CONTENT_DIR } from '../store/layout';
import type { IndexedMeta, SegmentRecords, SegmentRef, StoryContent, StoryHead } from '../store/meta';
import { SegmentReader, type SegmentEntries } from '../store/segment-entries';
import { isBody, readHeadsFile } from '../store/segment-shape';
import { storyHeadOf, StoryVersions } from '../store/versions';
import type { IndexChange, IndexSource } from './engine';
import { applyMetaPatch } from './meta-patch';
import { TermTable } from '../search/term-table';
import type { ChangeMessage } from './protocol';
import { grownInt32 } from '../grown';

// The library as the indexing worker sees it: the content segments read from disk (they
// are immutable once written, so reading them beside the main process is safe) and the
// indexed parts of the metadata, kept in step by the change messages the main process
// sends. It is the IndexSource the worker's LibraryIndexes runs over; the main process's
// LibraryStore is the same for it.
//
// It keeps only which segment holds each story (the store's heads stay in the main
// process); heads and bodies are read again when a story is indexed anew (an edit, a
// restore), through a small cache of the last segments read.

const HEADS_CACHE_SEGMENTS = 2;

/**
 * Which segment holds each story's text: the ids in a table of numbers (term-table.ts, their
 * own strings, which the indexes read from a snapshot share: `storedId`), a segment number per
 * id. A Map from id to segment name held a 3.7 MB table at 67,000 stories and a second copy of
 * every id beside the indexes'.
 */
class StorySegments {
  private readonly ids = new TermTable();
  private segmentOf = new Int32Array(1024);
  private readonly names: string[] = [];
  private readonly numberOfName = new Map<string, number>();

  get(id: string): string | undefined {
    const number = this.ids.get(id);
    return number < 0 ? undefined : this.names[this.segmentOf[number]!];
  }

  has(id: string): boolean {
    return this.ids.get(id) >= 0;
  }

  /** The table's own string for `id`, if it holds it. */
  storedId(id: string): string | undefined {
    const number = this.ids.get(id);
    return number < 0 ? undefined : this.ids.text(number);
  }

  set(id: string, segment: string): void {
    let name = this.numberOfName.get(segment);
    if (name === undefined) {
      name = this.names.push(segment) - 1;
      this.numberOfName.set(segment, name);
    }
    let number = this.ids.get(id);
    if (number < 0) number = this.ids.add(id);
    if (number >= this.segmentOf.length) this.segmentOf = grownInt32(this.segmentOf, number + 1);
    this.segmentOf[number] = name;
  }

  /** Every story and its segment, in the order the stories were first set. */
  *entries(): Generator<[string, string]> {
    for (const [id, number] of this.ids.entries()) yield [id, this.names[this.segmentOf[number]!]!];
  }
}

export class SegmentLibrary implements IndexSource {
  private readonly segmentOf = new StorySegments();
  /** Agency versions: which record each wire story shows (the same rule as the store's, store/versions.ts). */
  private readonly versions = new StoryVersions();
  /** Segments whose heads were read (or found unreadable). */
  private readonly known = new Set<string>();
  /** Segments the metadata lists now. */
  private listed = new Set<string>();
  private counted: number | null = null;
  private deletedSet: Set<string>;
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private readonly headsCache = new Map<string, Map<string, StoryHead>>();
  private bodies: { segment: string; entries: SegmentEntries; at: Map<string, number> } | null = null;
  private readonly bodyReader = new SegmentReader();
  /** Changes are applied one after another (a new segment's heads are read first). */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    readonly readOnly: boolean,
    private current: IndexedMeta,
  ) {
    this.deletedSet = new Set(current.deleted);
  }

  /** `records`: segments' records as the main process read them (store.eachSegmentRecords); any other listed segment's heads are read here. */
  static async open(dataDir: string, meta: IndexedMeta, readOnly: boolean, records: readonly SegmentRecords[] = []): Promise<SegmentLibrary> {
    const library = new SegmentLibrary(dataDir, readOnly, meta);
    await library.learnSegments(meta.segments, new Map(records.map((segment) => [segment.name, segment])));
    return library;
  }

  get meta(): IndexedMeta {
    return this.current;
  }

  get storyCount(): number {
    if (this.counted === null) {
      let count = 0;
      for (const _ of this.liveIds()) count++;
      this.counted = count;
    }
    return this.counted;
  }

  /** The last page-text story merged into this one as a version (StoryEdit.pageVersions): its text is the story's (the same rule as the store's). */
  private pageShown(id: string): string | undefined {
    const last = this.current.storyEdits.get(id)?.pageVersions?.at(-1);
    return last !== undefined && this.segmentOf.has(last) ? last : undefined;
  }

  async head(id: string): Promise<StoryHead | undefined> {
    if (this.deletedSet.has(id) || !this.isListed(id)) return undefined;
    const page = this.pageShown(id);
    if (page !== undefined) {
      const own = (await this.readHeads(this.segmentOf.get(id)!))?.get(id);
      const record = (await this.readHeads(this.segmentOf.get(page)!))?.get(page);
      return own && record ? { ...record, id, kind: own.kind, pageId: own.pageId } : own;
    }
    const current = this.versions.current(id);
    if (current) {
      const record = (await this.readHeads(current.segment))?.get(current.contentId);
      return record && storyHeadOf(record);
    }
    return (await this.readHeads(this.segmentOf.get(id)!))?.get(id);
  }

  /** This library's own string for a story's id (the indexes read from a snapshot share it), if it knows the story. */
  storedId(id: string): string | undefined {
    return this.segmentOf.storedId(id);
  }

  /** As head(id) would find one: the segments' records were read (or given) when they were learned. */
  isLive(id: string): boolean {
    return !this.deletedSet.has(id) && this.isListed(id);
  }

  async body(id: string): Promise<BodyBlock[] | undefined> {
    const page = this.pageShown(id);
    if (page !== undefined) id = page;
    const segment = this.segmentOf.get(id);
    if (!segment) return undefined;
    id = this.versions.current(id)?.contentId ?? id;
    if (this.bodies?.segment !== segment) {
      let entries: SegmentEntries;
      try {
        entries = await this.bodyReader.read(this.bodiesFile(segment));
      } catch {
        // Damaged: the store reports the story (its text is not indexed; its head still is).
        return undefined;
      }
      this.bodies = { segment, entries, at: new Map(entries.ids.map((entry, index) => [entry, index])) };
    }
    const index = this.bodies.at.get(id);
    return index === undefined ? undefined : checkedBody(this.bodies.entries, index);
  }

  *liveIds(): IterableIterator<string> {
    for (const [id, segment] of this.segmentOf.entries()) if (this.listed.has(segment) && !this.deletedSet.has(id)) yield id;
  }

  async *storiesWithBodies(include?: (segment: string) => boolean): AsyncIterableIterator<StoryContent> {
    const reader = new SegmentReader();
    // Stories with merged page text are met where their last merged version is, under their own id.
    const pageShownBy = new Map<string, string>();
    for (const [id, edit] of this.current.storyEdits) {
      const last = edit.pageVersions?.at(-1);
      if (last !== undefined && this.segmentOf.has(last)) pageShownBy.set(last, id);
    }
    const merged = new Set(pageShownBy.values());
    for (const { name } of this.current.segments) {
      if (include && !include(name)) continue;
      const heads = await this.readHeads(name);
      if (!heads) continue;
      let entries: SegmentEntries | null;
      try {
        entries = await reader.read(this.bodiesFile(name));
      } catch {
        // A damaged bodies file: its stories are still found by headline, tags and note;
        // the store reports them as damaged (never a stack trace, never silently gone).
        entries = null;
      }
      const at = new Map<string, number>();
      if (entries) for (let index = 0; index < entries.ids.length; index++) at.set(entries.ids[index]!, index);
      for (const [id, record] of heads) {
        const index = at.get(id);
        // Parsed one story at a time (see segment-entries.ts).
        const body = () => (entries && index !== undefined ? checkedBody(entries, index) : undefined) ?? [];
        const mergedInto = pageShownBy.get(id);
        if (mergedInto !== undefined) {
          const own = await this.head(mergedInto);
          if (own) yield { head: own, body: body() };
          continue;
        }
        if (merged.has(id)) continue;
        // A wire story is met where its current version is, under the story's id.
        const head = record.wire ? (this.versions.isCurrent(id) ? storyHeadOf(record) : undefined) : record;
        if (!head || this.deletedSet.has(head.id)) continue;
        yield { head, body: body() };
      }
    }
  }

  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes in a change the main process heard from its store; settles once the indexes heard it. */
  receive(message: ChangeMessage): Promise<void> {
    const run = this.queue.then(() => this.take(message));
    this.queue = run.catch(() => {});
    return run;
  }

  private async take(message: ChangeMessage): Promise<void> {
    if (message.type === 'stories-added') {
      await this.learnSegments(message.segments);
      this.swap({ ...this.current, segments: message.segments });
      this.emit({ type: 'stories-added', ids: message.ids });
      return;
    }
    if (message.patch.segments) await this.learnSegments(message.patch.segments);
    const before = this.current;
    const after = applyMetaPatch(before, message.patch);
    this.swap(after);
    this.emit({ type: 'meta', before, after });
  }

  private swap(next: IndexedMeta): void {
    if (next.deleted !== this.current.deleted) {
      this.deletedSet = new Set(next.deleted);
      this.counted = null;
    }
    this.current = next;
  }

  private emit(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private isListed(id: string): boolean {
    const segment = this.segmentOf.get(id);
    return segment !== undefined && this.listed.has(segment);
  }

  /** Reads the heads of segments not seen yet: which stories each holds. A segment that cannot be read holds none (the store shows none either). */
  private async learnSegments(segments: SegmentRef[], given: ReadonlyMap<string, SegmentRecords> = new Map()): Promise<void> {
    for (const { name } of segments) {
      if (this.known.has(name)) continue;
      this.known.add(name);
      const records = given.get(name) ?? (await this.recordsIn(name));
      if (!records) continue;
      const wire = new Map<number, { storyId: string; version: number }>();
      for (let k = 0; k + 2 < records.wire.length; k += 3) wire.set(records.wire[k] as number, { storyId: records.wire[k + 1] as string, version: records.wire[k + 2] as number });
      const seen = new Set<string>();
      records.ids.forEach((id, index) => {
        // As a Map over the file would (an id twice in one file counts once).
        if (seen.has(id)) return;
        seen.add(id);
        const facts = wire.get(index);
        if (!facts) this.segmentOf.set(id, name);
        else if (this.versions.addRecord(id, facts.storyId, facts.version, name) === 'current') this.segmentOf.set(facts.storyId, name);
        // A record met again in a new segment (a compaction rewrote it, store/compaction.ts): it lives there now.
        else if (this.versions.moveContent(id, name) && this.versions.isCurrent(id)) this.segmentOf.set(facts.storyId, name);
      });
    }
    this.listed = new Set(segments.map((segment) => segment.name));
    this.counted = null;
  }

  /** A segment's records as its heads file lists them, or null when it cannot be read. */
  private async recordsIn(segment: string): Promise<SegmentRecords | null> {
    const heads = await this.readHeads(segment);
    if (!heads) return null;
    const ids: string[] = [];
    const wire: Array<number | string> = [];
    for (const [id, head] of heads) {
      if (head.wire) wire.push(ids.length, head.wire.storyId, head.wire.version);
      ids.push(id);
    }
    return { name: segment, ids, wire };
  }

  private async readHeads(segment: string): Promise<Map<string, StoryHead> | null> {
    const cached = this.headsCache.get(segment);
    if (cached) return cached;
    let heads: StoryHead[];
    try {
      // Checked as the store checks them: a damaged entry is left out here and reported there.
      heads = (await readHeadsFile(path.join(this.dataDir, CONTENT_DIR, `${segment}.heads.json`))).heads;
    } catch {
      return null;
    }
    const map = new Map(heads.map((head) => [head.id, head]));
    this.headsCache.set(segment, map);
    while (this.headsCache.size > HEADS_CACHE_SEGMENTS) this.headsCache.delete(this.headsCache.keys().next().value!);
    return map;
  }

  private bodiesFile(segment: string): string {
    return path.join(this.dataDir, CONTENT_DIR, `${segment}.bodies.json`);
  }
}

/** The body at `index` when it is one (see segment-shape.ts); undefined for a damaged entry. */
function checkedBody(entries: SegmentEntries, index: number): BodyBlock[] | undefined {
  try {
    const body = entries.value(index);
    return isBody(body) ? body : undefined;
  } catch {
    return undefined;
  }
}
