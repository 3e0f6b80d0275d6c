import { z } from 'zod';
import { StoryMap } from './story-map';
import type { MetaDoc, StoryEdit } from './meta';

// The metadata document's shape check, apart from meta.ts so that the indexing worker threads,
// which read meta.ts's types and dates, never load zod (~60 ms of every thread's start).

// Shape check on open: valid JSON of the wrong shape must be treated as damage,
// never silently replaced by defaults. Loose on unknown extra keys (forward notes).
const stringArray = z.array(z.string());
const metaShape = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  segments: z.array(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]+$/), count: z.number().int().nonnegative() })),
  deleted: stringArray,
  purged: stringArray.optional(),
  // storyEdits and taggings: checked by recordMap below.
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
  // The per-story records that grow with the library are kept as StoryMaps (story-map.ts), made as they are checked.
  const storyEdits = recordMap<StoryEdit>('storyEdits', records.storyEdits, storyEditProblem);
  if (!storyEdits.ok) return { ok: false, reason: `unexpected shape at ${storyEdits.problem}` };
  const taggings = recordMap<string[]>('taggings', records.taggings, tagsProblem);
  if (!taggings.ok) return { ok: false, reason: `unexpected shape at ${taggings.problem}` };
  return { ok: true, meta: { ...(value as Record<string, unknown>), taggings: taggings.map, storyEdits: storyEdits.map } as unknown as MetaDoc };
}

const tagsProblem = (tags: unknown): string | null => (isStringArray(tags) ? null : ': expected an array of strings');

/** The record as a StoryMap, each entry checked by `entry`; else `name.key…: what is wrong` for the first entry it refuses. */
function recordMap<T>(name: string, record: unknown, entry: (value: unknown) => string | null): { ok: true; map: StoryMap<T> } | { ok: false; problem: string } {
  if (record instanceof StoryMap) {
    const problem = recordProblem(name, record, entry);
    return problem ? { ok: false, problem } : { ok: true, map: record as StoryMap<T> };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { ok: false, problem: `${name}: expected an object` };
  const made = StoryMap.fromChecked<T>(record as Record<string, unknown>, entry);
  return made.ok ? made : { ok: false, problem: `${name}.${made.key}${made.problem}` };
}

// The two records that grow with the library are checked by hand, by the rules a zod schema
// would apply (`z.record(z.string(), …)`): zod took ~2 µs per entry, 2 s of every opening of a
// million-story library. A document already held (continued by its edit log) has them as
// StoryMaps, checked the same way.

const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** `name.key…: what is wrong` for the first entry of a StoryMap that breaks `entry`'s rule, or null. */
function recordProblem(name: string, record: StoryMap<unknown>, entry: (value: unknown) => string | null): string | null {
  for (const [key, value] of record) {
    const problem = entry(value);
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
