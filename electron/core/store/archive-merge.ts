import type { IdPrefix } from '../ids';
import { isoDateSchema, isSafeId, LIMITS, nameSchema, optionalLineSchema, textSchema } from '../../../shared/contract/define';
import { listQuerySchema } from '../../../shared/contract/library';
import { LINK_TYPES } from '../../../shared/contract/links';
import { ARCHIVE_FIELDS, type ArchiveField, type ArchiveMergeCounts, type ArchiveNotTaken } from '../../../shared/contract/backups';
import { chronologyDateSchema, chronologyKeySchema } from '../../../shared/contract/chronology';
import { quoteKeySchema } from '../../../shared/contract/quotes';
import { EXPORT_FORMATS } from '../../../shared/contract/dossiers';
import { MEDIA_TOPIC, TAG_COLOR } from '../../../shared/contract/tags';
import { cleanLine } from '../../../shared/clean-text';
import type { ChronologyLine, Dossier, DossierHistoryEntry, DossierQuote, Link, LinkType, QuoteSpeakerKind, Tag, UpdateProposal } from '../../../shared/types';
import { pairKey } from '../features/links/ops';
import { cleanTagName, tagKey } from '../features/tags/ops';
import type { MetaDoc, SavedSearch, StoryEdit } from './meta';
import { entriesOf, own, recordWith } from './records';
import type { StoryMap } from './story-map';

// Merging a library archive's metadata into a library that already has some: a
// pure function over the two documents, so every rule is tested without a disk.
// Nothing in the current library is removed or changed; where both sides say
// something different about the same thing, the current library wins and the
// difference is counted, never silently dropped from the summary.
// The archive is untrusted input: what is added is rebuilt field by field from
// checked values (ids, colours, codes, link types, queries), never copied whole, and
// held to the API's own schemas and limits. Every value not taken in as it was is
// counted in the summary (`notTaken`: dropped or repaired, per kind), never silently.

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
  const counts: MergeCounts = { tagsAdded: 0, tagsMatched: 0, linksAdded: 0, dossiersAdded: 0, searchesAdded: 0, conflictsKept: 0, notTaken: [] };
  const notTaken = new NotTakenTally();

  // ---- tags: matched by folded name, otherwise created; parents through the same mapping.
  const tagIds = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const tag of current.tags) if (!byKey.has(tagKey(tag.name))) byKey.set(tagKey(tag.name), tag.id);
  const created: Tag[] = [];
  for (const tag of archive.tags) {
    if (tagIds.has(tag.id)) continue;
    // A name the API would refuse (too long, control characters, invisible only): the tag and its taggings stay out.
    const checked = typeof tag.name === 'string' ? nameSchema.safeParse(tag.name) : null;
    const name = checked?.success ? cleanTagName(checked.data) : '';
    if (!name || name.length > LIMITS.name) {
      notTaken.add('tag', 'dropped');
      continue;
    }
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
    const color = typeof tag.color === 'string' && TAG_COLOR.test(tag.color) ? tag.color.toLowerCase() : null;
    if (color === null && tag.color != null) notTaken.add('tag.color', 'repaired');
    const mediaTopic = typeof tag.mediaTopic === 'string' && MEDIA_TOPIC.test(tag.mediaTopic) ? tag.mediaTopic : null;
    if (mediaTopic === null && tag.mediaTopic != null) notTaken.add('tag.mediaTopic', 'repaired');
    created.push({ id, name, color, parentId: typeof tag.parentId === 'string' ? tag.parentId : null, mediaTopic });
  }
  counts.tagsAdded = created.length;
  const parentOf = new Map<string, string | null>(current.tags.map((tag) => [tag.id, tag.parentId]));
  for (const tag of created) {
    const parent = tag.parentId === null ? null : (tagIds.get(tag.parentId) ?? null);
    // A damaged archive could describe a cycle; a new tag never goes under itself.
    const kept = parent && !reaches(parentOf, parent, tag.id) ? parent : null;
    if (tag.parentId !== null && kept === null) notTaken.add('tag.parent', 'repaired');
    tag.parentId = kept;
    parentOf.set(tag.id, tag.parentId);
  }
  const tags = created.length ? [...current.tags, ...created] : current.tags;

  // ---- taggings: union per story, tag ids mapped.
  const taggings = unionRecord(
    current.taggings,
    archive.taggings,
    story,
    (ids) =>
      ids.flatMap((id) => {
        const mapped = tagIds.get(id);
        if (mapped === undefined) notTaken.add('tagging', 'dropped');
        return mapped ?? [];
      }),
    (ids) => notTaken.add('tagging', 'dropped', Array.isArray(ids) ? ids.length : 1),
  );

  // ---- links: one per pair of stories (the project's rule), never a self-link or to an unknown story.
  const linkByPair = new Map<string, Link>(current.links.map((link) => [pairKey(link.from, link.to), link]));
  const linkIds = new Set(current.links.map((link) => link.id));
  const addedLinks: Link[] = [];
  for (const link of archive.links) {
    const from = story(link.from);
    const to = story(link.to);
    if (!from || !to || from === to || !LINK_TYPE_SET.has(link.type)) {
      notTaken.add('link', 'dropped');
      continue;
    }
    const key = pairKey(from, to);
    const existing = linkByPair.get(key);
    if (existing) {
      if (existing.type !== link.type || (link.note && existing.note !== link.note)) counts.conflictsKept++;
      continue;
    }
    const id = linkIds.has(link.id) || !SAFE_ID.test(link.id) ? newId('l') : link.id;
    const note = checkedText(link.note, textSchema, () => notTaken.add('link.note', 'repaired'));
    const added: Link = { id, from, to, type: link.type, note, createdAt: text(link.createdAt) };
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

  // ---- dates, notes and merged page versions: a value fills a gap; two different values keep the current one.
  // One copy, written into as the archive's edits are met (a copy per edit would be quadratic in a 50,000-story library).
  const edits = new Map<string, StoryEdit>();
  for (const [archiveId, edit] of archive.storyEdits) {
    const id = story(archiveId);
    if (!id) {
      if (typeof edit.publishedAt === 'string') notTaken.add('date', 'dropped');
      if (typeof edit.note === 'string' && edit.note) notTaken.add('note', 'dropped');
      if (edit.pageVersions?.length) notTaken.add('pageVersions', 'dropped');
      continue;
    }
    const mine: StoryEdit | undefined = edits.get(id) ?? current.storyEdits.get(id);
    const next: StoryEdit = { ...mine };
    if (typeof edit.publishedAt === 'string' && isoDateSchema.safeParse(edit.publishedAt).success) {
      // An estimated date (a brief's age label) is a gap an editor's date may fill, and stays marked as estimated.
      const theirsEstimated = edit.publishedAtEstimated === true;
      if (!mine?.publishedAt || (mine.publishedAtEstimated && !theirsEstimated)) {
        next.publishedAt = edit.publishedAt;
        if (theirsEstimated) next.publishedAtEstimated = true;
        else delete next.publishedAtEstimated;
      } else if (mine.publishedAt !== edit.publishedAt && !theirsEstimated) counts.conflictsKept++;
    } else if (typeof edit.publishedAt === 'string') notTaken.add('date', 'dropped');
    // A note the API would refuse (longer than LIMITS.text, control characters) is not taken in.
    if (typeof edit.note === 'string' && edit.note) {
      if (!textSchema.safeParse(edit.note).success) notTaken.add('note', 'dropped');
      else if (!mine?.note) next.note = edit.note;
      else if (mine.note !== edit.note) counts.conflictsKept++;
    }
    // Page text merged into the story as its later versions (accepted "looks like an update" proposals).
    if (edit.pageVersions?.length && !mine?.pageVersions?.length) {
      const versions = edit.pageVersions.map((version) => (typeof version === 'string' ? story(version) : undefined));
      if (versions.every((version): version is string => version !== undefined && version !== id)) next.pageVersions = [...new Set(versions)];
      else notTaken.add('pageVersions', 'dropped');
    }
    if (next.publishedAt !== mine?.publishedAt || next.publishedAtEstimated !== mine?.publishedAtEstimated || next.note !== mine?.note || next.pageVersions !== mine?.pageVersions) {
      edits.set(id, next);
    }
  }
  const storyEdits = edits.size ? current.storyEdits.with(edits) : current.storyEdits;

  // ---- deletions: only stories new to the library bring theirs.
  const deletedSet = new Set(current.deleted);
  const deletedAdded = archive.deleted.filter((id) => newStories.has(id) && story(id) === id && !deletedSet.has(id));
  const deleted = deletedAdded.length ? [...current.deleted, ...new Set(deletedAdded)] : current.deleted;
  // Purged stories travel only as the merged page versions of another story (see library-archive.ts).
  const purgedSet = new Set(current.purged ?? []);
  const purgedAdded = (archive.purged ?? []).filter((id) => typeof id === 'string' && newStories.has(id) && story(id) === id && !purgedSet.has(id));
  const purged = purgedAdded.length ? [...(current.purged ?? []), ...new Set(purgedAdded)] : current.purged;

  // ---- dossiers: one with a known id is the same dossier and stays as it is here.
  const dossierIds = new Set(current.dossiers.map((dossier) => dossier.id));
  const addedDossiers: Dossier[] = [];
  for (const dossier of archive.dossiers) {
    if (dossierIds.has(dossier.id)) continue;
    if (!SAFE_ID.test(dossier.id)) {
      notTaken.add('dossier', 'dropped');
      continue;
    }
    dossierIds.add(dossier.id);
    const repaired = () => notTaken.add('dossier.text', 'repaired');
    const entries = dossier.entries.flatMap((entry) => {
      const id = story(entry.storyId);
      if (!id) notTaken.add('dossier.entry', 'dropped');
      return id ? [{ storyId: id, note: checkedText(entry.note, textSchema, repaired) }] : [];
    });
    // A title the API would refuse is cut and cleaned to one it takes (a dossier is never lost over its title).
    const titled = nameSchema.safeParse(dossier.title);
    const title = titled.success ? titled.data : cleanLine(text(dossier.title)).slice(0, LIMITS.name).trim() || dossier.id;
    if (!titled.success) repaired();
    const added: Dossier = {
      id: dossier.id,
      title,
      subtitle: checkedText(dossier.subtitle, optionalLineSchema, repaired),
      intro: checkedText(dossier.intro, textSchema, repaired),
      entries,
      createdAt: text(dossier.createdAt),
      updatedAt: text(dossier.updatedAt),
    };
    const history = (dossier.history ?? []).flatMap((entry) => {
      const checked = historyEntry(entry, story);
      if (!checked) notTaken.add('dossier.history', 'dropped');
      return checked ? [checked] : [];
    });
    if (history.length) added.history = history;
    const chronology = (dossier.chronology ?? []).flatMap((line) => {
      const checked = chronologyLine(line, story);
      if (!checked) notTaken.add('dossier.chronology', 'dropped');
      return checked ? [checked] : [];
    });
    if (chronology.length) added.chronology = chronology;
    const quotes = (dossier.quotes ?? []).flatMap((quote) => {
      const checked = dossierQuote(quote, story);
      if (!checked) notTaken.add('dossier.quote', 'dropped');
      return checked ? [checked] : [];
    });
    if (quotes.length) added.quotes = quotes;
    addedDossiers.push(added);
  }
  counts.dossiersAdded = addedDossiers.length;
  const dossiers = addedDossiers.length ? [...current.dossiers, ...addedDossiers] : current.dossiers;

  // ---- saved searches: added, their tag filters mapped to this library's tags.
  const searchIds = new Set(current.savedSearches.map((search) => search.id));
  const addedSearches: SavedSearch[] = [];
  for (const search of archive.savedSearches) {
    if (searchIds.has(search.id)) continue;
    const parsed = listQuerySchema.safeParse(search.query);
    const named = nameSchema.safeParse(search.name);
    if (!parsed.success || !named.success || !SAFE_ID.test(search.id)) {
      notTaken.add('search', 'dropped');
      continue;
    }
    searchIds.add(search.id);
    const query = { ...parsed.data };
    if (query.tagIds) query.tagIds = query.tagIds.flatMap((id) => tagIds.get(id) ?? []);
    addedSearches.push({ id: search.id, name: named.data, query });
  }
  counts.searchesAdded = addedSearches.length;
  const savedSearches = addedSearches.length ? [...current.savedSearches, ...addedSearches] : current.savedSearches;

  // ---- series names: a name fills a gap (a story already in a named series keeps its name).
  const names = new Map<string, string>(Object.entries(current.seriesNames ?? {}));
  let namesChanged = false;
  for (const [archiveId, name] of Object.entries(archive.seriesNames ?? {})) {
    const id = story(archiveId);
    const named = nameSchema.safeParse(name);
    if (!id || !named.success) {
      notTaken.add('seriesName', 'dropped');
      continue;
    }
    const mine = names.get(id);
    if (mine !== undefined) {
      if (mine !== named.data) counts.conflictsKept++;
      continue;
    }
    names.set(id, named.data);
    namesChanged = true;
  }
  const seriesNames = namesChanged ? (Object.fromEntries(names) as Record<string, string>) : current.seriesNames;

  // ---- "looks like an update" proposals: their decisions come along (an accepted one is a story's merged version above).
  const proposalPairs = new Set((current.updateProposals ?? []).map((proposal) => `${proposal.storyId}|${proposal.candidateId}`));
  const proposalIds = new Set((current.updateProposals ?? []).map((proposal) => proposal.id));
  const addedProposals: UpdateProposal[] = [];
  for (const proposal of archive.updateProposals ?? []) {
    const storyId = story(proposal.storyId);
    const candidateId = story(proposal.candidateId);
    if (!storyId || !candidateId || storyId === candidateId || !PROPOSAL_STATUS.has(proposal.status)) continue;
    const pair = `${storyId}|${candidateId}`;
    if (proposalPairs.has(pair)) continue;
    proposalPairs.add(pair);
    const id = proposalIds.has(proposal.id) || !SAFE_ID.test(proposal.id) ? newId('p') : proposal.id;
    proposalIds.add(id);
    addedProposals.push({
      id,
      storyId,
      candidateId,
      status: proposal.status,
      headlineSimilarity: unit(proposal.headlineSimilarity),
      leadSimilarity: unit(proposal.leadSimilarity),
      proposedAt: text(proposal.proposedAt),
      ...(typeof proposal.decidedAt === 'string' ? { decidedAt: proposal.decidedAt } : {}),
    });
  }
  const updateProposals = addedProposals.length ? [...(current.updateProposals ?? []), ...addedProposals] : current.updateProposals;

  const meta: MetaDoc = { ...current, deleted, storyEdits, tags, taggings, links, dossiers, dismissedTagSuggestions, dismissedRelated, savedSearches };
  if (purged !== current.purged) meta.purged = purged;
  if (seriesNames !== current.seriesNames) meta.seriesNames = seriesNames;
  if (updateProposals !== current.updateProposals) meta.updateProposals = updateProposals;
  counts.notTaken = notTaken.list();
  return { meta, counts };
}

const LINK_TYPE_SET: ReadonlySet<string> = new Set<LinkType>(LINK_TYPES);
/** Ids as Kroniek makes them; never `__proto__`, `constructor` and the like (the contract's one pattern). */
const SAFE_ID = { test: isSafeId };
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const PROPOSAL_STATUS: ReadonlySet<string> = new Set(['open', 'accepted', 'declined']);
const EXPORT_FORMAT_SET: ReadonlySet<string> = new Set(EXPORT_FORMATS);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const unit = (value: unknown): number => (typeof value === 'number' && value >= 0 && value <= 1 ? value : 0);

/** An instant as Kroniek writes them (`2024-06-19T08:00:00.000Z`), within years 1000–9999. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** A text field as the API takes it, or '' (repaired, and said so) when the API would refuse it. */
function checkedText(value: unknown, schema: typeof textSchema | typeof optionalLineSchema, repaired: () => void): string {
  if (value === undefined || value === null || value === '') return '';
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  repaired();
  return '';
}

/** What Kroniek counts, per kind of value and what was done with it. */
class NotTakenTally {
  private readonly counts = new Map<string, number>();

  add(field: ArchiveField, action: ArchiveNotTaken['action'], count = 1): void {
    const key = `${field}\u0000${action}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  list(): ArchiveNotTaken[] {
    const out: ArchiveNotTaken[] = [];
    for (const field of ARCHIVE_FIELDS) {
      for (const action of ['dropped', 'repaired'] as const) {
        const count = this.counts.get(`${field}\u0000${action}`);
        if (count) out.push({ field, action, count });
      }
    }
    return out;
  }
}

/** An embargo-override record with its stories mapped, or null when it is not one. */
function historyEntry(entry: unknown, story: (id: string) => string | undefined): DossierHistoryEntry | null {
  if (!entry || typeof entry !== 'object') return null;
  const { code, at, format, storyIds } = entry as Partial<DossierHistoryEntry>;
  if (code !== 'export.embargoOverride' || !isInstant(at) || typeof format !== 'string' || !EXPORT_FORMAT_SET.has(format) || !Array.isArray(storyIds)) return null;
  const mapped = storyIds.flatMap((id) => (typeof id === 'string' ? (story(id) ?? []) : []));
  return mapped.length ? { code, at, format: format as DossierHistoryEntry['format'], storyIds: mapped } : null;
}

/** A chronology line with its sources (and the story id in its key) mapped, or null when it is not one or names an unknown story. */
function chronologyLine(line: unknown, story: (id: string) => string | undefined): ChronologyLine | null {
  if (!line || typeof line !== 'object') return null;
  const { key, date, summary, sources, status, edited, confidence } = line as Partial<ChronologyLine>;
  if (!chronologyKeySchema.safeParse(key).success || !chronologyDateSchema.safeParse(date).success) return null;
  if (typeof summary !== 'string' || summary.length > 2_000 || status === undefined || !['approved', 'rejected', 'merged'].includes(status)) return null;
  if (!Array.isArray(sources) || sources.length === 0 || sources.length > 1_000) return null;
  const mapped: ChronologyLine['sources'] = [];
  for (const source of sources) {
    const id = source && typeof source === 'object' && typeof source.storyId === 'string' ? story(source.storyId) : undefined;
    const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (!id || !whole(source.paragraph) || !whole(source.start) || !whole(source.end) || typeof source.sentence !== 'string' || source.sentence.length > LIMITS.text) return null;
    mapped.push({ storyId: id, paragraph: source.paragraph, start: source.start, end: source.end, sentence: source.sentence });
  }
  const [keyStory, ...rest] = (key as string).split(':');
  const keyId = keyStory ? story(keyStory) : undefined;
  if (!keyId) return null;
  return {
    key: [keyId, ...rest].join(':'),
    date: date as ChronologyLine['date'],
    summary: cleanLine(summary),
    sources: mapped,
    status,
    ...(edited === true ? { edited: true } : {}),
    confidence: typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? confidence : 0,
  };
}

const SPEAKER_KINDS: readonly QuoteSpeakerKind[] = ['person', 'organisation', 'country'];

/** A dossier's quote with its story (and the story id in its key) mapped, or null when it is not one or names an unknown story. */
function dossierQuote(quote: unknown, story: (id: string) => string | undefined): DossierQuote | null {
  if (!quote || typeof quote !== 'object') return null;
  const q = quote as Partial<DossierQuote>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  const line = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
  const id = typeof q.storyId === 'string' ? story(q.storyId) : undefined;
  if (!id || !quoteKeySchema.safeParse(q.key).success || !line(q.text, LIMITS.text) || !line(q.headline, LIMITS.text)) return null;
  if ((q.kind !== 'direct' && q.kind !== 'indirect') || !whole(q.paragraph) || !whole(q.start) || !whole(q.end) || !isInstant(q.addedAt)) return null;
  if (!['named', 'role', 'pronoun', 'continued', 'unresolved'].includes(q.attribution as string)) return null;
  const speakerKind = q.speaker && typeof q.speaker === 'object' && SPEAKER_KINDS.includes(q.speaker.kind as QuoteSpeakerKind) ? q.speaker.kind : undefined;
  const speaker =
    q.speaker && typeof q.speaker === 'object' && line(q.speaker.key, LIMITS.name) && line(q.speaker.name, LIMITS.name)
      ? { key: q.speaker.key, name: cleanLine(q.speaker.name), ...(speakerKind ? { kind: speakerKind } : {}) }
      : null;
  const [, ...rest] = q.key!.split(':');
  return {
    key: [id, ...rest].join(':'),
    kind: q.kind,
    text: q.text,
    speaker,
    speakerText: line(q.speakerText, LIMITS.name) ? q.speakerText : null,
    attribution: q.attribution!,
    storyId: id,
    headline: cleanLine(q.headline),
    date: line(q.date, 40) ? q.date : null,
    paragraph: q.paragraph,
    start: q.start,
    end: q.end,
    addedAt: q.addedAt!,
  };
}

/** True when walking up from `start` reaches `target`. */
function reaches(parentOf: ReadonlyMap<string, string | null>, start: string, target: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = start; at && !seen.has(at); at = parentOf.get(at)) {
    if (at === target) return true;
    seen.add(at);
  }
  return false;
}

/** Per-story list union (no duplicates, current entries first); the same object when nothing is added. */
function unionRecord<R extends StoryMap<string[]> | Record<string, string[]>>(
  current: R,
  archive: StoryMap<string[]> | Record<string, string[]>,
  story: (id: string) => string | undefined,
  map: (values: string[]) => string[],
  onUnknownStory?: (values: string[]) => void,
): R {
  const merged = new Map<string, string[]>();
  for (const [archiveId, values] of entriesOf(archive)) {
    const id = story(archiveId);
    if (!id) {
      onUnknownStory?.(values);
      continue;
    }
    const mine = merged.get(id) ?? own(current, id) ?? [];
    const have = new Set(mine);
    const extra = [...new Set(map(values))].filter((value) => !have.has(value));
    if (extra.length === 0) continue;
    merged.set(id, [...mine, ...extra]);
  }
  if (merged.size === 0) return current;
  return recordWith(current, merged) as R;
}
