import type { IdPrefix } from '../ids';
import { isSafeId, LIMITS } from '../../../shared/contract/define';
import { listQuerySchema } from '../../../shared/contract/library';
import { LINK_TYPES } from '../../../shared/contract/links';
import type { ArchiveMergeCounts } from '../../../shared/contract/backups';
import { MEDIA_TOPIC, TAG_COLOR } from '../../../shared/contract/tags';
import type { Dossier, Link, LinkType, Tag } from '../../../shared/types';
import { pairKey } from '../features/links/ops';
import { cleanTagName, tagKey } from '../features/tags/ops';
import type { MetaDoc, SavedSearch, StoryEdit } from './meta';

// Merging a library archive's metadata into a library that already has some: a
// pure function over the two documents, so every rule is tested without a disk.
// Nothing in the current library is removed or changed; where both sides say
// something different about the same thing, the current library wins and the
// difference is counted, never silently dropped from the summary.
// The archive is untrusted input: what is added is rebuilt field by field from
// checked values (ids, colours, codes, link types, queries), never copied whole.

export interface MergeInput {
  current: MetaDoc;
  archive: MetaDoc;
  /**
   * An archive story id → its id in the library after the merge (itself for a
   * new story, the stored story's id for one already present), or undefined:
   * anything the archive says about an unknown story is ignored.
   */
  storyId: (archiveId: string) => string | undefined;
  /** Archive stories that are new to the library (their deletion state comes along). */
  newStories: ReadonlySet<string>;
  /** Fresh ids for tags and for links whose id is taken. */
  newId: (prefix: IdPrefix) => string;
}

/** What a merge added; the contract's summary reports these. */
export type MergeCounts = ArchiveMergeCounts;

export interface MergeResult {
  meta: MetaDoc;
  counts: MergeCounts;
}

export function mergeArchiveMeta({ current, archive, storyId: story, newStories, newId }: MergeInput): MergeResult {
  const counts: MergeCounts = { tagsAdded: 0, tagsMatched: 0, linksAdded: 0, dossiersAdded: 0, searchesAdded: 0, conflictsKept: 0 };

  // ---- tags: matched by folded name, otherwise created; parents through the same mapping.
  const tagIds = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const tag of current.tags) if (!byKey.has(tagKey(tag.name))) byKey.set(tagKey(tag.name), tag.id);
  const created: Tag[] = [];
  for (const tag of archive.tags) {
    const name = typeof tag.name === 'string' ? cleanTagName(tag.name) : '';
    if (tagIds.has(tag.id) || !name || name.length > LIMITS.name) continue;
    const key = tagKey(name);
    const known = byKey.get(key);
    if (known) {
      tagIds.set(tag.id, known);
      if (current.tags.some((candidate) => candidate.id === known)) counts.tagsMatched++;
      continue;
    }
    const id = newId('t');
    tagIds.set(tag.id, id);
    byKey.set(key, id);
    created.push({
      id,
      name,
      color: typeof tag.color === 'string' && TAG_COLOR.test(tag.color) ? tag.color.toLowerCase() : null,
      parentId: typeof tag.parentId === 'string' ? tag.parentId : null,
      mediaTopic: typeof tag.mediaTopic === 'string' && MEDIA_TOPIC.test(tag.mediaTopic) ? tag.mediaTopic : null,
    });
  }
  counts.tagsAdded = created.length;
  const parentOf = new Map<string, string | null>(current.tags.map((tag) => [tag.id, tag.parentId]));
  for (const tag of created) {
    const parent = tag.parentId === null ? null : (tagIds.get(tag.parentId) ?? null);
    // A damaged archive could describe a cycle; a new tag never goes under itself.
    tag.parentId = parent && !reaches(parentOf, parent, tag.id) ? parent : null;
    parentOf.set(tag.id, tag.parentId);
  }
  const tags = created.length ? [...current.tags, ...created] : current.tags;

  // ---- taggings: union per story, tag ids mapped.
  const taggings = unionRecord(current.taggings, archive.taggings, story, (ids) => ids.flatMap((id) => tagIds.get(id) ?? []));

  // ---- links: one per pair of stories (the project's rule), never a self-link or to an unknown story.
  const linkByPair = new Map<string, Link>(current.links.map((link) => [pairKey(link.from, link.to), link]));
  const linkIds = new Set(current.links.map((link) => link.id));
  const addedLinks: Link[] = [];
  for (const link of archive.links) {
    const from = story(link.from);
    const to = story(link.to);
    if (!from || !to || from === to || !LINK_TYPE_SET.has(link.type)) continue;
    const key = pairKey(from, to);
    const existing = linkByPair.get(key);
    if (existing) {
      if (existing.type !== link.type || (link.note && existing.note !== link.note)) counts.conflictsKept++;
      continue;
    }
    const id = linkIds.has(link.id) || !SAFE_ID.test(link.id) ? newId('l') : link.id;
    const added: Link = { id, from, to, type: link.type, note: text(link.note), createdAt: text(link.createdAt) };
    linkIds.add(id);
    linkByPair.set(key, added);
    addedLinks.push(added);
  }
  counts.linksAdded = addedLinks.length;
  const links = addedLinks.length ? [...current.links, ...addedLinks] : current.links;

  // ---- dismissed suggestions: union.
  const dismissedTagSuggestions = unionRecord(current.dismissedTagSuggestions, archive.dismissedTagSuggestions, story, (names) => names);
  const dismissedSet = new Set(current.dismissedRelated);
  const dismissedAdded: string[] = [];
  for (const pair of archive.dismissedRelated) {
    const [a, b] = pair.split('|');
    const from = a ? story(a) : undefined;
    const to = b ? story(b) : undefined;
    if (!from || !to || from === to) continue;
    const key = pairKey(from, to);
    if (!dismissedSet.has(key)) {
      dismissedSet.add(key);
      dismissedAdded.push(key);
    }
  }
  const dismissedRelated = dismissedAdded.length ? [...current.dismissedRelated, ...dismissedAdded] : current.dismissedRelated;

  // ---- dates and notes: a value fills a gap; two different values keep the current one.
  let storyEdits = current.storyEdits;
  for (const [archiveId, edit] of Object.entries(archive.storyEdits)) {
    const id = story(archiveId);
    if (!id) continue;
    const mine: StoryEdit | undefined = Object.hasOwn(storyEdits, id) ? storyEdits[id] : undefined;
    const next: StoryEdit = { ...mine };
    if (typeof edit.publishedAt === 'string' && ISO_DATE.test(edit.publishedAt)) {
      // An estimated date (a brief's age label) is a gap an editor's date may fill, and stays marked as estimated.
      const theirsEstimated = edit.publishedAtEstimated === true;
      if (!mine?.publishedAt || (mine.publishedAtEstimated && !theirsEstimated)) {
        next.publishedAt = edit.publishedAt;
        if (theirsEstimated) next.publishedAtEstimated = true;
        else delete next.publishedAtEstimated;
      } else if (mine.publishedAt !== edit.publishedAt && !theirsEstimated) counts.conflictsKept++;
    }
    // A note the API would refuse (longer than LIMITS.text) is not taken in.
    if (typeof edit.note === 'string' && edit.note && edit.note.length <= LIMITS.text) {
      if (!mine?.note) next.note = edit.note;
      else if (mine.note !== edit.note) counts.conflictsKept++;
    }
    if (next.publishedAt !== mine?.publishedAt || next.publishedAtEstimated !== mine?.publishedAtEstimated || next.note !== mine?.note) storyEdits = withEntry(storyEdits, id, next);
  }

  // ---- deletions: only stories new to the library bring theirs.
  const deletedSet = new Set(current.deleted);
  const deletedAdded = archive.deleted.filter((id) => newStories.has(id) && story(id) === id && !deletedSet.has(id));
  const deleted = deletedAdded.length ? [...current.deleted, ...new Set(deletedAdded)] : current.deleted;

  // ---- dossiers: one with a known id is the same dossier and stays as it is here.
  const dossierIds = new Set(current.dossiers.map((dossier) => dossier.id));
  const addedDossiers: Dossier[] = [];
  for (const dossier of archive.dossiers) {
    if (dossierIds.has(dossier.id) || !SAFE_ID.test(dossier.id)) continue;
    dossierIds.add(dossier.id);
    const entries = dossier.entries.flatMap((entry) => {
      const id = story(entry.storyId);
      return id ? [{ storyId: id, note: text(entry.note) }] : [];
    });
    addedDossiers.push({
      id: dossier.id,
      title: text(dossier.title),
      subtitle: text(dossier.subtitle),
      intro: text(dossier.intro),
      entries,
      createdAt: text(dossier.createdAt),
      updatedAt: text(dossier.updatedAt),
    });
  }
  counts.dossiersAdded = addedDossiers.length;
  const dossiers = addedDossiers.length ? [...current.dossiers, ...addedDossiers] : current.dossiers;

  // ---- saved searches: added, their tag filters mapped to this library's tags.
  const searchIds = new Set(current.savedSearches.map((search) => search.id));
  const addedSearches: SavedSearch[] = [];
  for (const search of archive.savedSearches) {
    const parsed = listQuerySchema.safeParse(search.query);
    if (searchIds.has(search.id) || !parsed.success || !SAFE_ID.test(search.id)) continue;
    searchIds.add(search.id);
    const query = { ...parsed.data };
    if (query.tagIds) query.tagIds = query.tagIds.flatMap((id) => tagIds.get(id) ?? []);
    addedSearches.push({ id: search.id, name: text(search.name).slice(0, 200), query });
  }
  counts.searchesAdded = addedSearches.length;
  const savedSearches = addedSearches.length ? [...current.savedSearches, ...addedSearches] : current.savedSearches;

  const meta: MetaDoc = { ...current, deleted, storyEdits, tags, taggings, links, dossiers, dismissedTagSuggestions, dismissedRelated, savedSearches };
  return { meta, counts };
}

const LINK_TYPE_SET: ReadonlySet<string> = new Set<LinkType>(LINK_TYPES);
/** Ids as Kroniek makes them; never `__proto__`, `constructor` and the like (the contract's one pattern). */
const SAFE_ID = { test: isSafeId };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** True when walking up from `start` reaches `target`. */
function reaches(parentOf: ReadonlyMap<string, string | null>, start: string, target: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = start; at && !seen.has(at); at = parentOf.get(at)) {
    if (at === target) return true;
    seen.add(at);
  }
  return false;
}

/** A copy with one entry set, defined as data (an untrusted key can never reach a prototype). */
function withEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  return Object.fromEntries([...Object.entries(record).filter(([k]) => k !== key), [key, value]]) as Record<string, T>;
}

/** Per-story list union (no duplicates, current entries first); the same object when nothing is added. */
function unionRecord(
  current: Record<string, string[]>,
  archive: Record<string, string[]>,
  story: (id: string) => string | undefined,
  map: (values: string[]) => string[],
): Record<string, string[]> {
  const merged = new Map<string, string[]>(Object.entries(current));
  let changed = false;
  for (const [archiveId, values] of Object.entries(archive)) {
    const id = story(archiveId);
    if (!id) continue;
    const mine = merged.get(id) ?? [];
    const have = new Set(mine);
    const extra = [...new Set(map(values))].filter((value) => !have.has(value));
    if (extra.length === 0) continue;
    merged.set(id, [...mine, ...extra]);
    changed = true;
  }
  return changed ? Object.fromEntries(merged) : current;
}
