import { z } from 'zod';
import { cleanDateline, cleanLine } from '../../../../shared/clean-text';
import { idSchema, isoDateSchema, LIMITS, nameSchema, optionalLineSchema, textSchema } from '../../../../shared/contract/define';
import { listQuerySchema } from '../../../../shared/contract/library';
import { linkTypeSchema } from '../../../../shared/contract/links';
import { mediaTopicSchema, tagColorSchema } from '../../../../shared/contract/tags';
import { chronologyDateSchema, chronologyKeySchema } from '../../../../shared/contract/chronology';
import type { BodyBlock, ChronologyLine, Dossier, DossierQuote, Link, Tag, UpdateProposal } from '../../../../shared/types';
import type { MetaDoc, StoryContent, StoryHead, WireVersionFacts } from '../../store/meta';
import { plainHead } from '../../store/stored-heads';
import { StoryMap } from '../../store/story-map';
import { acceptProposal, declineProposal } from '../versions/proposals';
import { purge } from '../trash/ops';

// The team library's documents (docs/TEAM-LIBRARY.md): how the library's records map to
// CouchDB documents and back. One document per record, so that edits of different
// records never conflict, and the set-like ones (taggings, links) merge by union.
// Everything here is pure: the replica and the store are driven by sync-engine.ts.

/** Kinds of document, the prefix of their id (`tag:<tagId>`, `tagging:<storyId>:<tagId>`). */
export const KINDS = ['story', 'tag', 'tagging', 'link', 'dossier', 'note', 'date', 'search', 'version', 'chronology', 'trash', 'series', 'dismissed', 'proposal'] as const;
export type DocKind = (typeof KINDS)[number];

/** Kinds whose concurrent edits are true conflicts, kept until the editor picks a side. */
export const CONFLICT_KINDS: ReadonlySet<DocKind> = new Set(['note', 'date', 'dossier', 'chronology']);

/** What every edit document says about its edit: who, when, from which library. */
export interface EditStamp {
  author: string;
  /** ISO-8601. */
  at: string;
  /** The library (its replica's id) the edit was made in: tells "mine" from "theirs". */
  origin: string;
}

export interface TagContent { name: string; color: string | null; parentId: string | null; mediaTopic: string | null }
export interface TaggingContent { present: boolean }
export interface LinkContent { from: string; to: string; type: Link['type']; note: string; createdAt: string }
export interface DossierContent {
  title: string;
  subtitle: string;
  intro: string;
  entries: { storyId: string; note: string; version?: number }[];
  createdAt: string;
  /** The dossier's quotes, in order (absent in documents of older libraries: kept as they are). */
  quotes?: DossierQuote[];
}
export interface NoteContent { note: string }
export interface DateContent { publishedAt: string | null }
export interface SearchContent { name: string; query: Record<string, unknown> }
export interface StoryDocContent { head: StoryHead; body: BodyBlock[] }
/** One agency version (its content record: `head.id` is the content id, `head.wire.storyId` its story). */
export type VersionContent = StoryDocContent;
/** A chronology line of a dossier, without its key (the key is in the document id). */
export type ChronologyContent = Omit<ChronologyLine, 'key'>;
/** A story in the Trash (`trashed`) or purged for good; a tombstone: not in the Trash (restored). */
export interface TrashContent { state: 'trashed' | 'purged' }
export interface SeriesContent { name: string }
export interface DismissedContent { names: string[] }
export type ProposalContent = Omit<UpdateProposal, 'id'>;

export type Content =
  | TagContent
  | TaggingContent
  | LinkContent
  | DossierContent
  | NoteContent
  | DateContent
  | SearchContent
  | StoryDocContent
  | ChronologyContent
  | TrashContent
  | SeriesContent
  | DismissedContent
  | ProposalContent;

/** A record's state: its content, or null when it is not (or no longer) in the library. */
export type RecordState = Content | null;

/** A document as stored in the replica (without `_rev`/`_conflicts`). */
export interface SyncDoc extends EditStamp {
  _id: string;
  kind: DocKind;
  /** Shape version of the document. */
  v: 1;
  /** A tombstone: the record was removed (wins only over edits older than `at`). */
  deleted?: true;
  content?: Content;
}

// ---- ids -----------------------------------------------------------------

export function docId(kind: DocKind, ...parts: string[]): string {
  return [kind, ...parts].join(':');
}

export function parseDocId(id: string): { kind: DocKind; parts: string[] } | null {
  const [kind, ...parts] = id.split(':');
  if (!(KINDS as readonly string[]).includes(kind ?? '')) return null;
  if (kind === 'chronology') {
    // `chronology:<dossierId>:<line key>`; a line key has colons of its own (`storyId:paragraph:offset`).
    const [dossier, ...key] = parts;
    const line = key.join(':');
    if (!idSchema.safeParse(dossier).success || !chronologyKeySchema.safeParse(line).success) return null;
    return { kind, parts: [dossier!, line] };
  }
  const expected = kind === 'tagging' ? 2 : 1;
  if (parts.length !== expected || !parts.every((part) => idSchema.safeParse(part).success)) return null;
  return { kind: kind as DocKind, parts };
}

// ---- records of the metadata document -------------------------------------

function tagContent(tag: Tag): TagContent {
  return { name: tag.name, color: tag.color, parentId: tag.parentId, mediaTopic: tag.mediaTopic };
}

function linkContent(link: Link): LinkContent {
  return { from: link.from, to: link.to, type: link.type, note: link.note, createdAt: link.createdAt };
}

function dossierContent(dossier: Dossier): DossierContent {
  return {
    title: dossier.title,
    subtitle: dossier.subtitle,
    intro: dossier.intro,
    entries: dossier.entries.map((entry) => (entry.version === undefined ? { storyId: entry.storyId, note: entry.note } : { storyId: entry.storyId, note: entry.note, version: entry.version })),
    createdAt: dossier.createdAt,
    quotes: dossier.quotes ?? [],
  };
}

function chronologyContent(line: ChronologyLine): ChronologyContent {
  const { key: _key, ...rest } = line;
  return rest;
}

function proposalContent(proposal: UpdateProposal): ProposalContent {
  const { id: _id, ...rest } = proposal;
  return rest;
}

/** The state of one record (by document id) in the metadata document; stories are not here (content). */
export function recordOf(meta: MetaDoc, id: string): RecordState {
  const parsed = parseDocId(id);
  if (!parsed) return null;
  const [a, b] = parsed.parts as [string, string | undefined];
  switch (parsed.kind) {
    case 'tag': {
      const tag = meta.tags.find((t) => t.id === a);
      return tag ? tagContent(tag) : null;
    }
    case 'tagging':
      return meta.taggings.get(a)?.includes(b!) ? { present: true } : { present: false };
    case 'link': {
      const link = meta.links.find((l) => l.id === a);
      return link ? linkContent(link) : null;
    }
    case 'dossier': {
      const dossier = meta.dossiers.find((d) => d.id === a);
      return dossier ? dossierContent(dossier) : null;
    }
    case 'note':
      return { note: meta.storyEdits.get(a)?.note ?? '' };
    case 'date':
      return { publishedAt: meta.storyEdits.get(a)?.publishedAt ?? null };
    case 'search': {
      const search = meta.savedSearches.find((s) => s.id === a);
      return search ? { name: search.name, query: search.query as Record<string, unknown> } : null;
    }
    case 'chronology': {
      const line = meta.dossiers.find((d) => d.id === a)?.chronology?.find((l) => l.key === b);
      return line ? chronologyContent(line) : null;
    }
    case 'trash':
      return meta.purged?.includes(a) ? { state: 'purged' } : meta.deleted.includes(a) ? { state: 'trashed' } : null;
    case 'series': {
      const name = meta.seriesNames?.[a];
      return name ? { name } : null;
    }
    case 'dismissed': {
      const names = meta.dismissedTagSuggestions[a];
      return names?.length ? { names: [...names] } : null;
    }
    case 'proposal': {
      const proposal = meta.updateProposals?.find((p) => p.id === a);
      return proposal ? proposalContent(proposal) : null;
    }
    case 'story':
    case 'version':
      return null;
  }
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

/** The document ids whose record differs between two metadata documents (by reference: edits are immutable updates). */
export function changedRecordIds(before: MetaDoc, after: MetaDoc): string[] {
  const ids: string[] = [];
  const diffList = <T extends { id: string }>(kind: DocKind, a: readonly T[], b: readonly T[]) => {
    if (a === b) return;
    const old = byId(a);
    const now = byId(b);
    for (const [id, item] of now) if (old.get(id) !== item) ids.push(docId(kind, id));
    for (const id of old.keys()) if (!now.has(id)) ids.push(docId(kind, id));
  };
  diffList('tag', before.tags, after.tags);
  diffList('link', before.links, after.links);
  diffList('dossier', before.dossiers, after.dossiers);
  diffList('search', before.savedSearches, after.savedSearches);
  diffList('proposal', before.updateProposals ?? [], after.updateProposals ?? []);
  if (before.dossiers !== after.dossiers) {
    const old = byId(before.dossiers);
    const now = byId(after.dossiers);
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      const a = old.get(id)?.chronology ?? [];
      const b = now.get(id)?.chronology ?? [];
      if (a === b) continue;
      const was = new Map(a.map((line) => [line.key, line]));
      const is = new Map(b.map((line) => [line.key, line]));
      for (const [key, line] of is) if (was.get(key) !== line) ids.push(docId('chronology', id, key));
      for (const key of was.keys()) if (!is.has(key)) ids.push(docId('chronology', id, key));
    }
  }
  if (before.deleted !== after.deleted || before.purged !== after.purged) {
    const was = new Set(before.deleted);
    const is = new Set(after.deleted);
    const wasPurged = new Set(before.purged ?? []);
    for (const id of is) if (!was.has(id)) ids.push(docId('trash', id));
    for (const id of was) if (!is.has(id)) ids.push(docId('trash', id));
    for (const id of after.purged ?? []) if (!wasPurged.has(id)) ids.push(docId('trash', id));
  }
  const diffRecord = (kind: DocKind, a: Record<string, unknown>, b: Record<string, unknown>) => {
    if (a === b) return;
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) if (JSON.stringify(a[id]) !== JSON.stringify(b[id])) ids.push(docId(kind, id));
  };
  diffRecord('series', before.seriesNames ?? {}, after.seriesNames ?? {});
  diffRecord('dismissed', before.dismissedTagSuggestions, after.dismissedTagSuggestions);
  if (before.taggings !== after.taggings) {
    for (const story of StoryMap.changedKeys(before.taggings, after.taggings)) {
      const a = before.taggings.get(story) ?? [];
      const b = after.taggings.get(story) ?? [];
      if (a === b) continue;
      const was = new Set(a);
      const is = new Set(b);
      for (const tag of is) if (!was.has(tag)) ids.push(docId('tagging', story, tag));
      for (const tag of was) if (!is.has(tag)) ids.push(docId('tagging', story, tag));
    }
  }
  if (before.storyEdits !== after.storyEdits) {
    for (const story of StoryMap.changedKeys(before.storyEdits, after.storyEdits)) {
      const a = before.storyEdits.get(story);
      const b = after.storyEdits.get(story);
      if (a === b) continue;
      if ((a?.note ?? '') !== (b?.note ?? '')) ids.push(docId('note', story));
      if ((a?.publishedAt ?? null) !== (b?.publishedAt ?? null)) ids.push(docId('date', story));
    }
  }
  return ids.filter((id) => parseDocId(id) !== null);
}

/** Every record of a library, as document ids (for the first mirroring of a library into its replica). */
export function* allRecordIds(meta: MetaDoc): IterableIterator<string> {
  for (const tag of meta.tags) yield docId('tag', tag.id);
  for (const [story, tags] of meta.taggings) for (const tag of tags) yield docId('tagging', story, tag);
  for (const link of meta.links) yield docId('link', link.id);
  for (const dossier of meta.dossiers) yield docId('dossier', dossier.id);
  for (const search of meta.savedSearches) yield docId('search', search.id);
  for (const dossier of meta.dossiers) for (const line of dossier.chronology ?? []) yield docId('chronology', dossier.id, line.key);
  for (const proposal of meta.updateProposals ?? []) yield docId('proposal', proposal.id);
  for (const id of meta.deleted) yield docId('trash', id);
  for (const id of Object.keys(meta.seriesNames ?? {})) yield docId('series', id);
  for (const [id, names] of Object.entries(meta.dismissedTagSuggestions)) if (names.length) yield docId('dismissed', id);
  for (const [story, edit] of meta.storyEdits) {
    if (edit.note) yield docId('note', story);
    if (edit.publishedAt && !edit.publishedAtEstimated) yield docId('date', story);
  }
}

/** True when two record states are the same (content compared as JSON: records are small and plain). */
export function sameState(a: RecordState | undefined, b: RecordState | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The state a document says its record has. */
export function stateOfDoc(doc: SyncDoc): RecordState {
  if (doc.deleted) return doc.kind === 'tagging' ? { present: false } : doc.kind === 'note' ? { note: '' } : doc.kind === 'date' ? { publishedAt: null } : null;
  return doc.content ?? null;
}

// ---- applying records to the metadata document ------------------------------

/**
 * Puts one record's state into the metadata document (an immutable update). Returns the
 * document unchanged when the record cannot apply yet (a tagging of a tag or story this
 * library does not have): the caller keeps it for later.
 */
/**
 * The plain maps of the metadata document (series names, dismissed suggestions; taggings and
 * story edits are StoryMaps, changed per entry anyway) that one batch of incoming
 * records has already copied: later records of the batch change that copy in place instead of
 * copying the whole map again (a map holds an entry per edited or tagged story, so copying it per
 * record made a batch cost its size times the library's). Create one per batch, inside the store's
 * change function, and never reuse it: only copies made in that change are ever mutated.
 */
export type ApplyBatch = WeakSet<object>;

function own<T extends object>(value: T | undefined, batch: ApplyBatch | undefined): T {
  if (value && batch?.has(value)) return value;
  const copy = { ...value } as T;
  batch?.add(copy);
  return copy;
}

export function applyRecord(meta: MetaDoc, id: string, state: RecordState, hasStory: (id: string) => boolean, batch?: ApplyBatch): { meta: MetaDoc; waiting: boolean } {
  const parsed = parseDocId(id);
  if (!parsed) return { meta, waiting: false };
  const [a, b] = parsed.parts as [string, string | undefined];
  switch (parsed.kind) {
    case 'tag': {
      const rest = meta.tags.filter((t) => t.id !== a);
      if (!state) {
        if (rest.length === meta.tags.length) return { meta, waiting: false };
        const changes: Array<[string, string[] | undefined]> = [];
        for (const [story, tags] of meta.taggings) {
          if (!tags.includes(a)) continue;
          const kept = tags.filter((t) => t !== a);
          changes.push([story, kept.length ? kept : undefined]);
        }
        const taggings = meta.taggings.with(changes);
        return { meta: { ...meta, tags: rest.map((t) => (t.parentId === a ? { ...t, parentId: null } : t)), taggings }, waiting: false };
      }
      const c = state as TagContent;
      const tag: Tag = { id: a, name: c.name, color: c.color, parentId: c.parentId && c.parentId !== a ? c.parentId : null, mediaTopic: c.mediaTopic };
      const index = meta.tags.findIndex((t) => t.id === a);
      const tags = index < 0 ? [...meta.tags, tag] : meta.tags.map((t, i) => (i === index ? tag : t));
      return { meta: { ...meta, tags }, waiting: false };
    }
    case 'tagging': {
      const present = (state as TaggingContent | null)?.present === true;
      const current = meta.taggings.get(a) ?? [];
      if (current.includes(b!) === present) return { meta, waiting: false };
      if (present && (!hasStory(a) || !meta.tags.some((t) => t.id === b))) return { meta, waiting: true };
      const next = present ? [...current, b!] : current.filter((t) => t !== b);
      // A StoryMap: one entry changes without copying the others (no batch copy needed).
      const taggings = meta.taggings.with([[a, next.length ? next : undefined]]);
      return { meta: { ...meta, taggings }, waiting: false };
    }
    case 'link': {
      const rest = meta.links.filter((l) => l.id !== a);
      if (!state) return rest.length === meta.links.length ? { meta, waiting: false } : { meta: { ...meta, links: rest }, waiting: false };
      const c = state as LinkContent;
      if (!hasStory(c.from) || !hasStory(c.to)) return { meta, waiting: true };
      // One link per pair of stories and type: a second one made on another laptop is the same link.
      if (rest.some((l) => l.type === c.type && ((l.from === c.from && l.to === c.to) || (l.from === c.to && l.to === c.from)))) return { meta, waiting: false };
      const link: Link = { id: a, ...c };
      const index = meta.links.findIndex((l) => l.id === a);
      const links = index < 0 ? [...meta.links, link] : meta.links.map((l, i) => (i === index ? link : l));
      return { meta: { ...meta, links }, waiting: false };
    }
    case 'dossier': {
      const rest = meta.dossiers.filter((d) => d.id !== a);
      if (!state) return rest.length === meta.dossiers.length ? { meta, waiting: false } : { meta: { ...meta, dossiers: rest }, waiting: false };
      const c = state as DossierContent;
      const index = meta.dossiers.findIndex((d) => d.id === a);
      const old = index < 0 ? undefined : meta.dossiers[index];
      const dossier: Dossier = {
        ...(old ?? { id: a, createdAt: c.createdAt }),
        id: a,
        title: c.title,
        subtitle: c.subtitle,
        intro: c.intro,
        // Stories this library does not have (yet) are left out until they arrive.
        entries: c.entries.filter((entry) => hasStory(entry.storyId)),
        updatedAt: new Date().toISOString(),
      };
      if (c.quotes) {
        if (c.quotes.length) dossier.quotes = c.quotes;
        else delete dossier.quotes;
      }
      const dossiers = index < 0 ? [...meta.dossiers, dossier] : meta.dossiers.map((d, i) => (i === index ? dossier : d));
      return { meta: { ...meta, dossiers }, waiting: dossier.entries.length < c.entries.length };
    }
    case 'note':
    case 'date': {
      if (!hasStory(a)) return { meta, waiting: true };
      const edit = { ...meta.storyEdits.get(a) };
      if (parsed.kind === 'note') {
        const note = (state as NoteContent | null)?.note ?? '';
        if (note) edit.note = note;
        else delete edit.note;
      } else {
        const publishedAt = (state as DateContent | null)?.publishedAt ?? null;
        edit.publishedAt = publishedAt;
        delete edit.publishedAtEstimated;
      }
      const storyEdits = meta.storyEdits.with([[a, Object.keys(edit).length ? edit : undefined]]);
      return { meta: { ...meta, storyEdits }, waiting: false };
    }
    case 'search': {
      const rest = meta.savedSearches.filter((s) => s.id !== a);
      if (!state) return rest.length === meta.savedSearches.length ? { meta, waiting: false } : { meta: { ...meta, savedSearches: rest }, waiting: false };
      const c = state as SearchContent;
      const search = { id: a, name: c.name, query: c.query as MetaDoc['savedSearches'][number]['query'] };
      const index = meta.savedSearches.findIndex((s) => s.id === a);
      const savedSearches = index < 0 ? [...meta.savedSearches, search] : meta.savedSearches.map((s, i) => (i === index ? search : s));
      return { meta: { ...meta, savedSearches }, waiting: false };
    }
    case 'chronology': {
      const index = meta.dossiers.findIndex((d) => d.id === a);
      if (index < 0) return state ? { meta, waiting: true } : { meta, waiting: false };
      const dossier = meta.dossiers[index]!;
      const lines = dossier.chronology ?? [];
      const kept = lines.filter((line) => line.key !== b);
      if (!state && kept.length === lines.length) return { meta, waiting: false };
      const chronology = state ? lines.some((line) => line.key === b) ? lines.map((line) => (line.key === b ? { key: b!, ...(state as ChronologyContent) } : line)) : [...lines, { key: b!, ...(state as ChronologyContent) }] : kept;
      const next: Dossier = { ...dossier };
      if (chronology.length) next.chronology = chronology;
      else delete next.chronology;
      return { meta: { ...meta, dossiers: meta.dossiers.map((d, i) => (i === index ? next : d)) }, waiting: false };
    }
    case 'trash': {
      const want = (state as TrashContent | null)?.state ?? null;
      const purged = meta.purged?.includes(a) ?? false;
      const deleted = meta.deleted.includes(a);
      // Purging is for good: a purged story is never brought back (see features/trash/ops.ts).
      if (purged) return { meta, waiting: false };
      if (want === 'purged') return { meta: purge(deleted ? meta : { ...meta, deleted: [...meta.deleted, a] }, [a]), waiting: false };
      if (want === 'trashed') return deleted ? { meta, waiting: false } : { meta: { ...meta, deleted: [...meta.deleted, a] }, waiting: false };
      return deleted ? { meta: { ...meta, deleted: meta.deleted.filter((id) => id !== a) }, waiting: false } : { meta, waiting: false };
    }
    case 'series': {
      const name = (state as SeriesContent | null)?.name ?? '';
      const names = meta.seriesNames ?? {};
      if ((names[a] ?? '') === name) return { meta, waiting: false };
      const next = own(names, batch);
      if (name) next[a] = name;
      else delete next[a];
      return { meta: { ...meta, seriesNames: next }, waiting: false };
    }
    case 'dismissed': {
      const names = (state as DismissedContent | null)?.names ?? [];
      const next = own(meta.dismissedTagSuggestions, batch);
      if (names.length) next[a] = names;
      else delete next[a];
      return { meta: { ...meta, dismissedTagSuggestions: next }, waiting: false };
    }
    case 'proposal': {
      if (!state) return { meta, waiting: false };
      const c = state as ProposalContent;
      const local = meta.updateProposals?.find((p) => p.id === a);
      const incoming: UpdateProposal = { id: a, ...c };
      if (!local) {
        const opened: UpdateProposal = { ...incoming, status: 'open' };
        delete opened.decidedAt;
        const withIt = { ...meta, updateProposals: [...(meta.updateProposals ?? []), c.status === 'open' ? incoming : opened] };
        return { meta: decide(withIt, opened, c), waiting: false };
      }
      // A decision is never taken back by an older "open"; accepting (it merges the stories) wins over declining.
      if (c.status === 'open' || local.status === 'accepted' || local.status === c.status) return { meta, waiting: false };
      return { meta: decide(meta, local, c), waiting: false };
    }
    case 'story':
    case 'version':
      return { meta, waiting: false };
  }
}

function decide(meta: MetaDoc, proposal: UpdateProposal, c: ProposalContent): MetaDoc {
  const at = c.decidedAt ?? new Date().toISOString();
  if (c.status === 'accepted') return acceptProposal(meta, proposal, at);
  if (c.status === 'declined') return declineProposal(meta, proposal, at);
  return meta;
}

// ---- validation of incoming documents (untrusted) ----------------------------

const isoTime = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), 'not a time');
const line = z.string().max(LIMITS.name * 4).transform(cleanLine);
const shortLine = z.string().max(LIMITS.text).transform(cleanLine);
const hash = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/);
const offset = z.number().int().min(0).max(10_000_000);

const storyHeadShape = {
  id: idSchema,
  kind: z.enum(['article', 'brief']),
  headline: z.string().min(1).max(LIMITS.name * 10).transform(cleanLine),
  dateline: z.strictObject({ place: z.string().max(LIMITS.name), agencies: z.array(z.string().max(LIMITS.name)).max(20) }).transform(cleanDateline),
  section: line.nullable(),
  ageLabel: line.nullable(),
  pageId: idSchema.nullable(),
  fileName: line,
  sha256: hash,
  importedAt: isoTime,
  contentHash: hash,
  warnings: z.array(z.string().max(LIMITS.name)).max(50),
  capturedAt: isoTime.optional(),
};
const bodySchema = z
  .array(z.strictObject({ type: z.enum(['paragraph', 'heading']), text: z.string().max(LIMITS.text).transform((text) => cleanLine(text)) }))
  .max(10_000);

const wireFactsSchema = z.strictObject({
  storyId: idSchema,
  guid: z.string().min(1).max(1_000).transform(cleanLine),
  version: z.number().int().min(1).max(1_000_000),
  format: line,
  firstCreated: isoTime.nullable(),
  versionCreated: isoTime.nullable(),
  date: isoDateSchema.nullable(),
  status: z.enum(['usable', 'withheld', 'canceled']),
  signals: z.array(z.enum(['update', 'correction', 'kill'])).max(3),
  embargoedUntil: isoTime.nullable(),
  edNote: shortLine.nullable(),
  subheadline: shortLine.nullable(),
  slugline: line.nullable(),
  byline: line.nullable(),
  language: z.string().max(35).regex(/^[A-Za-z0-9-]*$/).nullable(),
  rights: z.strictObject({ copyrightHolder: line.nullable(), copyrightNotice: shortLine.nullable(), usageTerms: shortLine.nullable(), linkedRights: z.string().max(2_000).transform(cleanLine).nullable().optional() }),
  infoSources: z.array(z.strictObject({ name: line, role: line.nullable(), uri: z.string().max(2_000).transform(cleanLine).nullable() })).max(50),
  words: z.number().int().min(0).max(10_000_000),
});

const quoteSchema = z.strictObject({
  key: z.string().min(5).max(100).regex(/^[A-Za-z0-9_-]+:\d{1,6}:\d{1,7}$/),
  kind: z.enum(['direct', 'indirect']),
  text: textSchema,
  speaker: z.strictObject({ key: z.string().max(LIMITS.name).transform(cleanLine), name: line, kind: z.enum(['person', 'organisation', 'country']).optional() }).nullable(),
  speakerText: line.nullable(),
  attribution: z.enum(['named', 'role', 'pronoun', 'continued', 'unresolved']),
  storyId: idSchema,
  headline: z.string().max(LIMITS.name * 10).transform(cleanLine),
  date: z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}/).nullable(),
  paragraph: offset,
  start: offset,
  end: offset,
  addedAt: isoTime,
});

const contentSchemas = {
  tag: z.strictObject({ name: nameSchema, color: tagColorSchema.nullable(), parentId: idSchema.nullable(), mediaTopic: mediaTopicSchema.nullable() }),
  tagging: z.strictObject({ present: z.boolean() }),
  link: z.strictObject({ from: idSchema, to: idSchema, type: linkTypeSchema, note: textSchema, createdAt: isoTime }),
  dossier: z.strictObject({
    title: nameSchema,
    subtitle: optionalLineSchema,
    intro: textSchema,
    entries: z.array(z.strictObject({ storyId: idSchema, note: textSchema, version: z.number().int().min(1).max(1_000_000).optional() })).max(LIMITS.ids),
    createdAt: isoTime,
    quotes: z.array(quoteSchema).max(LIMITS.ids).optional(),
  }),
  note: z.strictObject({ note: textSchema }),
  date: z.strictObject({ publishedAt: isoDateSchema.nullable() }),
  search: z.strictObject({ name: nameSchema, query: listQuerySchema.omit({ offset: true, limit: true }) }),
  story: z.strictObject({ head: z.strictObject(storyHeadShape), body: bodySchema }),
  version: z.strictObject({ head: z.strictObject({ ...storyHeadShape, wire: wireFactsSchema }), body: bodySchema }),
  chronology: z.strictObject({
    date: chronologyDateSchema,
    summary: z.string().min(1).max(8_000).transform(cleanLine),
    sources: z
      .array(z.strictObject({ storyId: idSchema, paragraph: offset, start: offset, end: offset, sentence: z.string().max(8_000).transform(cleanLine) }))
      .max(1_000),
    status: z.enum(['approved', 'rejected', 'merged']),
    edited: z.boolean().optional(),
    confidence: z.number().min(0).max(1),
  }),
  trash: z.strictObject({ state: z.enum(['trashed', 'purged']) }),
  series: z.strictObject({ name: nameSchema }),
  dismissed: z.strictObject({ names: z.array(z.string().min(1).max(LIMITS.name).transform(cleanLine)).max(1_000) }),
  proposal: z.strictObject({
    storyId: idSchema,
    candidateId: idSchema,
    status: z.enum(['open', 'accepted', 'declined']),
    headlineSimilarity: z.number().min(0).max(1),
    leadSimilarity: z.number().min(0).max(1),
    proposedAt: isoTime,
    decidedAt: isoTime.optional(),
  }),
} satisfies Record<DocKind, z.ZodType>;

const docSchema = z.object({
  _id: z.string().max(200),
  _rev: z.string().max(200).optional(),
  kind: z.enum(KINDS),
  v: z.literal(1),
  author: z.string().max(LIMITS.name).transform(cleanLine),
  at: isoTime,
  origin: z.string().max(100).regex(/^[A-Za-z0-9_-]*$/),
  deleted: z.literal(true).optional(),
  content: z.unknown().optional(),
});

export type DocRefusal = 'shape' | 'id' | 'content' | 'size' | 'prototype';

/** Most one document may hold, as JSON (a story with a long text fits easily). */
const MAX_DOC_CHARS = 2 * LIMITS.storyChars;

function hasPrototypeKey(value: unknown, depth = 0): boolean {
  if (depth > 20) return true;
  if (Array.isArray(value)) return value.some((item) => hasPrototypeKey(item, depth + 1));
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return true;
      if (hasPrototypeKey((value as Record<string, unknown>)[key], depth + 1)) return true;
    }
  }
  return false;
}

/**
 * Checks a document from the replica (anyone with write access to the desk's database
 * may have written it): its shape, id, size and content, and cleans its text like
 * imported text. A refused document is reported and skipped, never applied.
 */
export function validateDoc(raw: unknown): { ok: true; doc: SyncDoc } | { ok: false; reason: DocRefusal } {
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    return { ok: false, reason: 'shape' };
  }
  if (size > MAX_DOC_CHARS) return { ok: false, reason: 'size' };
  if (hasPrototypeKey(raw)) return { ok: false, reason: 'prototype' };
  const parsed = docSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'shape' };
  const { _id, kind, author, at, origin, deleted, content } = parsed.data;
  const id = parseDocId(_id);
  if (!id || id.kind !== kind) return { ok: false, reason: 'id' };
  const base = { _id, kind, v: 1 as const, author, at, origin };
  if (deleted) return { ok: true, doc: { ...base, deleted } };
  const checked = contentSchemas[kind].safeParse(content);
  if (!checked.success) return { ok: false, reason: 'content' };
  if ((kind === 'story' || kind === 'version') && (checked.data as StoryDocContent).head.id !== id.parts[0]) return { ok: false, reason: 'id' };
  if (kind === 'proposal' && (checked.data as ProposalContent).storyId === (checked.data as ProposalContent).candidateId) return { ok: false, reason: 'content' };
  return { ok: true, doc: { ...base, content: checked.data as Content } };
}

/** The version document of one agency version's content record (the record as stored: its facts are immutable). */
export function versionContent(head: StoryHead, body: BodyBlock[]): VersionContent {
  const { head: plain } = storyContent({ head, body });
  const wire: WireVersionFacts = { ...head.wire! };
  return { head: { ...plain, wire }, body };
}

/** The story document of a stored story (page text; agency versions are `version` documents). */
export function storyContent(item: StoryContent): StoryDocContent {
  const { head, body } = item;
  // Every part of the head but the agency facts (a version document carries those).
  const { wire: _wire, ...plain } = plainHead(head);
  if (!plain.capturedAt) delete plain.capturedAt;
  return { head: plain, body };
}
