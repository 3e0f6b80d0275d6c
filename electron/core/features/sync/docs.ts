import { z } from 'zod';
import { cleanDateline, cleanLine } from '../../../../shared/clean-text';
import { idSchema, isoDateSchema, LIMITS, nameSchema, optionalLineSchema, textSchema } from '../../../../shared/contract/define';
import { listQuerySchema } from '../../../../shared/contract/library';
import { linkTypeSchema } from '../../../../shared/contract/links';
import { mediaTopicSchema, tagColorSchema } from '../../../../shared/contract/tags';
import type { BodyBlock, Dossier, Link, Tag } from '../../../../shared/types';
import type { MetaDoc, StoryContent, StoryHead } from '../../store/meta';

// The team library's documents (docs/TEAM-LIBRARY.md): how the library's records map to
// CouchDB documents and back. One document per record, so that edits of different
// records never conflict, and the set-like ones (taggings, links) merge by union.
// Everything here is pure: the replica and the store are driven by sync-engine.ts.

/** Kinds of document, the prefix of their id (`tag:<tagId>`, `tagging:<storyId>:<tagId>`). */
export const KINDS = ['story', 'tag', 'tagging', 'link', 'dossier', 'note', 'date', 'search'] as const;
export type DocKind = (typeof KINDS)[number];

/** Kinds whose concurrent edits are true conflicts, kept until the editor picks a side. */
export const CONFLICT_KINDS: ReadonlySet<DocKind> = new Set(['note', 'date', 'dossier']);

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
export interface DossierContent { title: string; subtitle: string; intro: string; entries: { storyId: string; note: string }[]; createdAt: string }
export interface NoteContent { note: string }
export interface DateContent { publishedAt: string | null }
export interface SearchContent { name: string; query: Record<string, unknown> }
export interface StoryDocContent { head: StoryHead; body: BodyBlock[] }

export type Content = TagContent | TaggingContent | LinkContent | DossierContent | NoteContent | DateContent | SearchContent | StoryDocContent;

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
    entries: dossier.entries.map((entry) => ({ storyId: entry.storyId, note: entry.note })),
    createdAt: dossier.createdAt,
  };
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
      return meta.taggings[a]?.includes(b!) ? { present: true } : { present: false };
    case 'link': {
      const link = meta.links.find((l) => l.id === a);
      return link ? linkContent(link) : null;
    }
    case 'dossier': {
      const dossier = meta.dossiers.find((d) => d.id === a);
      return dossier ? dossierContent(dossier) : null;
    }
    case 'note':
      return { note: meta.storyEdits[a]?.note ?? '' };
    case 'date':
      return { publishedAt: meta.storyEdits[a]?.publishedAt ?? null };
    case 'search': {
      const search = meta.savedSearches.find((s) => s.id === a);
      return search ? { name: search.name, query: search.query as Record<string, unknown> } : null;
    }
    case 'story':
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
  if (before.taggings !== after.taggings) {
    for (const story of new Set([...Object.keys(before.taggings), ...Object.keys(after.taggings)])) {
      const a = before.taggings[story] ?? [];
      const b = after.taggings[story] ?? [];
      if (a === b) continue;
      const was = new Set(a);
      const is = new Set(b);
      for (const tag of is) if (!was.has(tag)) ids.push(docId('tagging', story, tag));
      for (const tag of was) if (!is.has(tag)) ids.push(docId('tagging', story, tag));
    }
  }
  if (before.storyEdits !== after.storyEdits) {
    for (const story of new Set([...Object.keys(before.storyEdits), ...Object.keys(after.storyEdits)])) {
      const a = before.storyEdits[story];
      const b = after.storyEdits[story];
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
  for (const [story, tags] of Object.entries(meta.taggings)) for (const tag of tags) yield docId('tagging', story, tag);
  for (const link of meta.links) yield docId('link', link.id);
  for (const dossier of meta.dossiers) yield docId('dossier', dossier.id);
  for (const search of meta.savedSearches) yield docId('search', search.id);
  for (const [story, edit] of Object.entries(meta.storyEdits)) {
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
export function applyRecord(meta: MetaDoc, id: string, state: RecordState, hasStory: (id: string) => boolean): { meta: MetaDoc; waiting: boolean } {
  const parsed = parseDocId(id);
  if (!parsed) return { meta, waiting: false };
  const [a, b] = parsed.parts as [string, string | undefined];
  switch (parsed.kind) {
    case 'tag': {
      const rest = meta.tags.filter((t) => t.id !== a);
      if (!state) {
        if (rest.length === meta.tags.length) return { meta, waiting: false };
        const taggings: MetaDoc['taggings'] = {};
        for (const [story, tags] of Object.entries(meta.taggings)) {
          const kept = tags.filter((t) => t !== a);
          if (kept.length) taggings[story] = kept.length === tags.length ? tags : kept;
        }
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
      const current = meta.taggings[a] ?? [];
      if (current.includes(b!) === present) return { meta, waiting: false };
      if (present && (!hasStory(a) || !meta.tags.some((t) => t.id === b))) return { meta, waiting: true };
      const next = present ? [...current, b!] : current.filter((t) => t !== b);
      const taggings = { ...meta.taggings };
      if (next.length) taggings[a] = next;
      else delete taggings[a];
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
      const dossiers = index < 0 ? [...meta.dossiers, dossier] : meta.dossiers.map((d, i) => (i === index ? dossier : d));
      return { meta: { ...meta, dossiers }, waiting: dossier.entries.length < c.entries.length };
    }
    case 'note':
    case 'date': {
      if (!hasStory(a)) return { meta, waiting: true };
      const edit = { ...meta.storyEdits[a] };
      if (parsed.kind === 'note') {
        const note = (state as NoteContent | null)?.note ?? '';
        if (note) edit.note = note;
        else delete edit.note;
      } else {
        const publishedAt = (state as DateContent | null)?.publishedAt ?? null;
        edit.publishedAt = publishedAt;
        delete edit.publishedAtEstimated;
      }
      const storyEdits = { ...meta.storyEdits };
      if (Object.keys(edit).length) storyEdits[a] = edit;
      else delete storyEdits[a];
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
    case 'story':
      return { meta, waiting: false };
  }
}

// ---- validation of incoming documents (untrusted) ----------------------------

const isoTime = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), 'not a time');
const line = z.string().max(LIMITS.name * 4).transform(cleanLine);

const contentSchemas = {
  tag: z.strictObject({ name: nameSchema, color: tagColorSchema.nullable(), parentId: idSchema.nullable(), mediaTopic: mediaTopicSchema.nullable() }),
  tagging: z.strictObject({ present: z.boolean() }),
  link: z.strictObject({ from: idSchema, to: idSchema, type: linkTypeSchema, note: textSchema, createdAt: isoTime }),
  dossier: z.strictObject({
    title: nameSchema,
    subtitle: optionalLineSchema,
    intro: textSchema,
    entries: z.array(z.strictObject({ storyId: idSchema, note: textSchema })).max(LIMITS.ids),
    createdAt: isoTime,
  }),
  note: z.strictObject({ note: textSchema }),
  date: z.strictObject({ publishedAt: isoDateSchema.nullable() }),
  search: z.strictObject({ name: nameSchema, query: listQuerySchema.omit({ offset: true, limit: true }) }),
  story: z.strictObject({
    head: z.strictObject({
      id: idSchema,
      kind: z.enum(['article', 'brief']),
      headline: z.string().min(1).max(LIMITS.name * 10).transform(cleanLine),
      dateline: z.strictObject({ place: z.string().max(LIMITS.name), agencies: z.array(z.string().max(LIMITS.name)).max(20) }).transform(cleanDateline),
      section: line.nullable(),
      ageLabel: line.nullable(),
      pageId: idSchema.nullable(),
      fileName: line,
      sha256: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/),
      importedAt: isoTime,
      contentHash: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/),
      warnings: z.array(z.string().max(LIMITS.name)).max(50),
      capturedAt: isoTime.optional(),
    }),
    body: z
      .array(z.strictObject({ type: z.enum(['paragraph', 'heading']), text: z.string().max(LIMITS.text).transform((text) => cleanLine(text)) }))
      .max(10_000),
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
  if (kind === 'story' && (checked.data as StoryDocContent).head.id !== id.parts[0]) return { ok: false, reason: 'id' };
  return { ok: true, doc: { ...base, content: checked.data as Content } };
}

/** The story document of a stored story (page text; agency versions stay local for now). */
export function storyContent(item: StoryContent): StoryDocContent {
  const { head, body } = item;
  const plain: StoryHead = {
    id: head.id,
    kind: head.kind,
    headline: head.headline,
    dateline: head.dateline,
    section: head.section,
    ageLabel: head.ageLabel,
    pageId: head.pageId,
    fileName: head.fileName,
    sha256: head.sha256,
    importedAt: head.importedAt,
    contentHash: head.contentHash,
    warnings: head.warnings,
  };
  if (head.capturedAt) plain.capturedAt = head.capturedAt;
  return { head: plain, body };
}
