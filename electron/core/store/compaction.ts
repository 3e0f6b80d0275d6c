import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SegmentRef } from './meta';
import { readFileIfExists, syncDirectory, writeFileDurably } from './durable-file';

// Segment compaction. A library built from thousands of small imports has thousands of
// content segments (two files each): every open reads every heads file, and the folder
// fills with tiny files. Compaction packs runs of consecutive small segments into new
// segments of up to SEGMENT_SIZE stories, without ever rewriting a story's files in place:
//
//   1. journal  the plan (new names `into`, old names `retired`) is written durably to
//               content/compactions.json before anything else;
//   2. segment  the new segments are written (temp file, fsync, rename), one by one;
//   3. switch   one durable metadata write lists the new segments instead of the old ones
//               (the commit point: before it the old set is the library, after it the new);
//   4. retire   the old files are deleted: at once when nothing else reads them, otherwise
//               (an open app: the indexing worker may be reading one) at the next open.
//
// A crash at any step leaves a library that opens with every story: before the switch the
// metadata lists only old segments, which are all still there; after it only new ones,
// which were durably written before it. recoverCompactions (at every open, before the heads
// are read) finishes or rolls back what a crash left: new files of a compaction that never
// switched are deleted, old files of one that did are deleted. The journal keeps switched
// compactions, so a metadata document restored from a backup older than a compaction (it
// lists the retired names) is mapped onto the segments that hold those stories now.

export const COMPACTION_JOURNAL = 'compactions.json';

export interface CompactionEntry {
  /** The segments written by this compaction, in list order. */
  into: string[];
  /** The segments they replace, in list order. */
  retired: string[];
  /** `planned` until the metadata lists `into`; then `switched`. */
  state: 'planned' | 'switched';
  at: string;
  /**
   * How many of `retired` (in order) each segment of `into` holds: the index snapshot follows
   * its segments through a compaction only group by group (followCompactions). Absent in
   * journals written before it was kept: the whole entry is then one group.
   */
  groups?: number[];
}

/** A group of consecutive small segments packed into one new segment. */
export interface CompactionGroup {
  retired: SegmentRef[];
  count: number;
}

export type CompactionStep = 'journal' | 'segment' | 'switch' | 'switched' | 'retire';

/**
 * Runs of consecutive segments smaller than `small` stories, packed whole (the order of
 * stories in the list is kept) into groups of at most `size` stories. A group of one
 * segment changes nothing and is left out.
 */
export function planCompaction(segments: readonly SegmentRef[], size: number, small = Math.floor(size / 2)): CompactionGroup[] {
  const groups: CompactionGroup[] = [];
  let current: CompactionGroup = { retired: [], count: 0 };
  const close = () => {
    if (current.retired.length > 1) groups.push(current);
    current = { retired: [], count: 0 };
  };
  for (const segment of segments) {
    if (segment.count >= small || segment.count <= 0) {
      close();
      continue;
    }
    if (current.count + segment.count > size) close();
    current.retired.push(segment);
    current.count += segment.count;
  }
  close();
  return groups;
}

/** The segments count at which a library is compacted in the background: this many small ones. */
export const COMPACT_THRESHOLD = 256;

/**
 * The segments whose stories a set of segments holds now, after the switched compactions
 * of the journal (in journal order, so a compacted segment compacted again is followed
 * too): a new segment takes the place of the old ones it replaced only when every one of
 * them is in the set, since it holds exactly their stories, in order (a compaction copies
 * records, never changes one). A new segment that holds only some of the set's stories is
 * left out, and so are those old names: what holds them now is not wholly covered. For the
 * index snapshot (its segments are the ones whose stories it indexed).
 */
export function followCompactions(segments: readonly string[], entries: readonly CompactionEntry[]): string[] {
  let names = [...segments];
  for (const entry of entries) {
    if (entry.state !== 'switched') continue;
    const held = new Set(names);
    if (!entry.retired.some((name) => held.has(name))) continue;
    const groups = groupsOf(entry);
    const replaced = new Map<string, string[]>();
    const dropped = new Set<string>();
    let at = 0;
    for (const [k, size] of groups.entries()) {
      const retired = entry.retired.slice(at, at + size);
      at += size;
      const covered = retired.filter((name) => held.has(name));
      if (covered.length === 0) continue;
      for (const name of covered) dropped.add(name);
      // The first old name's place in the list takes the new segment(s).
      if (covered.length === retired.length) replaced.set(retired[0]!, groups.length === entry.into.length ? [entry.into[k]!] : entry.into);
    }
    names = names.flatMap((name) => replaced.get(name) ?? (dropped.has(name) ? [] : [name]));
  }
  return names;
}

/** An entry's groups (retired per new segment); the whole entry as one group when not known or not consistent. */
function groupsOf(entry: CompactionEntry): number[] {
  const groups = entry.groups;
  const valid =
    Array.isArray(groups) &&
    groups.length === entry.into.length &&
    groups.every((size) => Number.isInteger(size) && size > 0) &&
    groups.reduce((sum, size) => sum + size, 0) === entry.retired.length;
  return valid ? groups : [entry.retired.length];
}

/** How many segments of a list are small (candidates for compaction). */
export function smallSegmentCount(segments: readonly SegmentRef[], size: number): number {
  const small = Math.floor(size / 2);
  let count = 0;
  for (const segment of segments) if (segment.count > 0 && segment.count < small) count++;
  return count;
}

const journalFile = (dataDir: string) => path.join(dataDir, 'content', COMPACTION_JOURNAL);

export async function readJournal(dataDir: string): Promise<CompactionEntry[]> {
  const bytes = await readFileIfExists(journalFile(dataDir));
  if (!bytes) return [];
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is CompactionEntry =>
        typeof entry === 'object' &&
        entry !== null &&
        Array.isArray((entry as CompactionEntry).into) &&
        Array.isArray((entry as CompactionEntry).retired) &&
        (entry as CompactionEntry).into.every((name) => typeof name === 'string' && SEGMENT_NAME.test(name)) &&
        (entry as CompactionEntry).retired.every((name) => typeof name === 'string' && SEGMENT_NAME.test(name)),
    );
  } catch {
    // A damaged journal: nothing is deleted on its word (stray files stay on disk, harmless).
    return [];
  }
}

export async function writeJournal(dataDir: string, entries: CompactionEntry[]): Promise<void> {
  await writeFileDurably(journalFile(dataDir), JSON.stringify(entries));
}

/** Segment names as the store makes them (newSegmentName): never a path. */
const SEGMENT_NAME = /^[0-9a-z]{1,16}-[0-9a-f]{8}$/;

/** Deletes a segment's two files (those that are there). */
export async function removeSegmentFiles(dataDir: string, name: string): Promise<void> {
  if (!SEGMENT_NAME.test(name)) return;
  for (const suffix of ['.heads.json', '.bodies.json']) await fs.rm(path.join(dataDir, 'content', `${name}${suffix}`), { force: true });
}

/**
 * At open, before the heads are read: finishes or rolls back what compactions left, and
 * maps retired names in the metadata (a document restored from an older backup) onto the
 * segments that replaced them. Returns the segment list to use, or null when it is unchanged.
 * With `readOnly` nothing on disk is touched (the list is still mapped).
 */
export async function recoverCompactions(dataDir: string, segments: readonly SegmentRef[], readOnly: boolean): Promise<SegmentRef[] | null> {
  const entries = await readJournal(dataDir);
  if (entries.length === 0) return null;
  const listed = new Set(segments.map((segment) => segment.name));
  const kept: CompactionEntry[] = [];
  const retiredInto = new Map<string, CompactionEntry>();
  let changedJournal = false;
  for (const entry of entries) {
    // Switched once the journal says so, or once the metadata lists a new segment (a crash right after the switch).
    const switched = entry.state === 'switched' || entry.into.some((name) => listed.has(name));
    if (!switched) {
      // Never switched (a crash before the metadata write): its new files are not the library.
      if (!readOnly) for (const name of entry.into) if (!listed.has(name)) await removeSegmentFiles(dataDir, name);
      changedJournal = true;
      continue;
    }
    if (entry.state !== 'switched') changedJournal = true;
    const done = { ...entry, state: 'switched' as const };
    kept.push(done);
    for (const name of entry.retired) retiredInto.set(name, done);
  }
  // Old names are mapped onto the new segments (and their files deleted) only when the segments
  // that hold their stories now (followed through later compactions) have their heads on disk:
  // a journal naming segments that are not there must never cost the stories of those that are.
  // Latest first, so an earlier entry is judged by what the later ones left.
  for (const entry of [...kept].reverse()) {
    if (await allHeadsPresent(dataDir, followInto(entry.into, retiredInto))) continue;
    for (const name of entry.retired) if (retiredInto.get(name) === entry) retiredInto.delete(name);
  }
  // A restored document may list retired names: the stories are in what replaced them.
  let mapped: SegmentRef[] | null = null;
  if (segments.some((segment) => retiredInto.has(segment.name))) {
    mapped = [];
    const seen = new Set<string>();
    const intoCounts = new Map<string, number>();
    for (const segment of segments) {
      let names = [segment.name];
      // Follow later compactions of the replacing segments too.
      for (let guard = 0; guard < 64 && names.some((name) => retiredInto.has(name)); guard++) {
        names = names.flatMap((name) => retiredInto.get(name)?.into ?? [name]);
      }
      for (const name of names) {
        if (seen.has(name)) continue;
        seen.add(name);
        mapped.push({ name, count: name === segment.name ? segment.count : (intoCounts.get(name) ?? 0) });
      }
    }
    // Counts of the replacing segments are read from their heads by the store (0: not known here).
    for (const segment of mapped) if (segment.count === 0) segment.count = await headsCount(dataDir, segment.name);
  }
  const listedNow = new Set((mapped ?? segments).map((segment) => segment.name));
  if (!readOnly) {
    for (const entry of kept) for (const name of entry.retired) if (!listedNow.has(name) && retiredInto.has(name)) await removeSegmentFiles(dataDir, name);
    if (changedJournal) await writeJournal(dataDir, kept);
    await syncDirectory(path.join(dataDir, 'content'));
  }
  return mapped;
}

/** The segments that hold the stories of `names` now, through the compactions in `retiredInto`. */
function followInto(names: readonly string[], retiredInto: ReadonlyMap<string, CompactionEntry>): string[] {
  let now = [...names];
  for (let guard = 0; guard < 64 && now.some((name) => retiredInto.has(name)); guard++) now = now.flatMap((name) => retiredInto.get(name)?.into ?? [name]);
  return now;
}

async function allHeadsPresent(dataDir: string, names: readonly string[]): Promise<boolean> {
  for (const name of names) {
    const stats = await fs.lstat(path.join(dataDir, 'content', `${name}.heads.json`)).catch(() => null);
    if (!stats?.isFile()) return false;
  }
  return true;
}

async function headsCount(dataDir: string, name: string): Promise<number> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(dataDir, 'content', `${name}.heads.json`), 'utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}
