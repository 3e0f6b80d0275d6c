import { ServiceError } from '../../../../shared/contract/envelope';
import type { Dossier, DossierEntry } from '../../../../shared/types';
import type { MetaDoc } from '../../store/meta';
import { toNfc } from '../../text/dutch';

// Pure operations on the dossiers of the metadata document. Each returns the
// next document (the same object when nothing changes, so the store records no
// empty undo step) and throws a ServiceError for a request that cannot apply.
// Entries are keyed by story id: a story appears in a dossier at most once.

export interface DossierText {
  title: string;
  subtitle?: string;
  intro?: string;
}

/** Editor text is stored as NFC with LF line ends (display exactly as typed, on any OS). */
export function cleanText(text: string): string {
  return toNfc(text.replace(/\r\n?/g, '\n'));
}

/** Intro and notes: plain text with paragraphs; surrounding blank lines carry nothing. */
function cleanBlock(text: string): string {
  return cleanText(text).replace(/^\s*\n/, '').trimEnd();
}

/** Unique ids in first-seen order. */
export function dedupe(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function findDossier(meta: MetaDoc, id: string): Dossier {
  const dossier = meta.dossiers.find((candidate) => candidate.id === id);
  if (!dossier) throw new ServiceError('not-found', `No dossier with id ${id}; it may have been deleted.`);
  return dossier;
}

function replaceDossier(meta: MetaDoc, next: Dossier): MetaDoc {
  return { ...meta, dossiers: meta.dossiers.map((dossier) => (dossier.id === next.id ? next : dossier)) };
}

/** Applies a change to one dossier's entries; stamps `updatedAt` only when something changed. */
function changeEntries(meta: MetaDoc, id: string, now: string, change: (entries: DossierEntry[]) => DossierEntry[]): MetaDoc {
  const dossier = findDossier(meta, id);
  const entries = change(dossier.entries);
  if (entries === dossier.entries) return meta;
  return replaceDossier(meta, { ...dossier, entries, updatedAt: now });
}

export function createDossier(meta: MetaDoc, input: { id: string; now: string; text: DossierText; storyIds: readonly string[] }): MetaDoc {
  if (meta.dossiers.some((dossier) => dossier.id === input.id)) throw new ServiceError('conflict', `A dossier with id ${input.id} already exists.`);
  const dossier: Dossier = {
    id: input.id,
    title: cleanText(input.text.title).trim(),
    subtitle: cleanText(input.text.subtitle ?? '').trim(),
    intro: cleanBlock(input.text.intro ?? ''),
    entries: dedupe(input.storyIds).map((storyId) => ({ storyId, note: '' })),
    createdAt: input.now,
    updatedAt: input.now,
  };
  return { ...meta, dossiers: [...meta.dossiers, dossier] };
}

export function updateDossierText(meta: MetaDoc, id: string, patch: Partial<DossierText>, now: string): MetaDoc {
  const dossier = findDossier(meta, id);
  const next: Dossier = { ...dossier };
  if (patch.title !== undefined) next.title = cleanText(patch.title).trim();
  if (patch.subtitle !== undefined) next.subtitle = cleanText(patch.subtitle).trim();
  if (patch.intro !== undefined) next.intro = cleanBlock(patch.intro);
  if (next.title === dossier.title && next.subtitle === dossier.subtitle && next.intro === dossier.intro) return meta;
  if (!next.title) throw new ServiceError('invalid-input', 'A dossier needs a title.', { code: 'dossier.noTitle' });
  return replaceDossier(meta, { ...next, updatedAt: now });
}

/**
 * Inserts stories at `index` (default: the end), in the given order. Stories
 * already in the dossier stay where they are; `added` says how many were new.
 */
export function addEntries(meta: MetaDoc, id: string, storyIds: readonly string[], index: number | undefined, now: string): { meta: MetaDoc; added: number } {
  const dossier = findDossier(meta, id);
  const present = new Set(dossier.entries.map((entry) => entry.storyId));
  const fresh = dedupe(storyIds).filter((storyId) => !present.has(storyId));
  if (fresh.length === 0) return { meta, added: 0 };
  const at = Math.min(index ?? dossier.entries.length, dossier.entries.length);
  const entries = [...dossier.entries.slice(0, at), ...fresh.map((storyId) => ({ storyId, note: '' })), ...dossier.entries.slice(at)];
  return { meta: replaceDossier(meta, { ...dossier, entries, updatedAt: now }), added: fresh.length };
}

export function removeEntry(meta: MetaDoc, id: string, storyId: string, now: string): MetaDoc {
  return changeEntries(meta, id, now, (entries) => {
    if (!entries.some((entry) => entry.storyId === storyId)) throw new ServiceError('not-found', 'That story is not in this dossier.');
    return entries.filter((entry) => entry.storyId !== storyId);
  });
}

/** Moves the entry at `from` so it ends up at position `to` (both 0-based, `to` clamped to the end). */
export function moveEntry(meta: MetaDoc, id: string, from: number, to: number, now: string): MetaDoc {
  return changeEntries(meta, id, now, (entries) => {
    if (from >= entries.length) throw new ServiceError('invalid-input', `There is no entry ${from + 1} in this dossier (it has ${entries.length}).`);
    const target = Math.min(to, entries.length - 1);
    if (target === from) return entries;
    const next = [...entries];
    const [moved] = next.splice(from, 1);
    next.splice(target, 0, moved!);
    return next;
  });
}

/** Sets the whole order; `storyIds` must name exactly the dossier's stories, each once (so a stale view cannot drop or add one). */
export function setOrder(meta: MetaDoc, id: string, storyIds: readonly string[], now: string): MetaDoc {
  return changeEntries(meta, id, now, (entries) => {
    const byStory = new Map(entries.map((entry) => [entry.storyId, entry]));
    const unique = new Set(storyIds);
    if (unique.size !== storyIds.length || storyIds.length !== entries.length || storyIds.some((storyId) => !byStory.has(storyId))) {
      throw new ServiceError('conflict', 'The new order does not list exactly the stories in this dossier; reload the dossier and try again.', { code: 'dossier.orderStale' });
    }
    if (storyIds.every((storyId, i) => entries[i]!.storyId === storyId)) return entries;
    return storyIds.map((storyId) => byStory.get(storyId)!);
  });
}

export function setEntryNote(meta: MetaDoc, id: string, storyId: string, note: string, now: string): MetaDoc {
  const text = cleanBlock(note);
  return changeEntries(meta, id, now, (entries) => {
    const at = entries.findIndex((entry) => entry.storyId === storyId);
    if (at < 0) throw new ServiceError('not-found', 'That story is not in this dossier.');
    if (entries[at]!.note === text) return entries;
    return entries.map((entry, i) => (i === at ? { ...entry, note: text } : entry));
  });
}

/** Keeps `version` of the entry's story in the dossier, or (null) the newest again. */
export function pinVersion(meta: MetaDoc, id: string, storyId: string, version: number | null, now: string): MetaDoc {
  return changeEntries(meta, id, now, (entries) => {
    const at = entries.findIndex((entry) => entry.storyId === storyId);
    if (at < 0) throw new ServiceError('not-found', 'That story is not in this dossier.');
    if ((entries[at]!.version ?? null) === version) return entries;
    return entries.map((entry, i) => {
      if (i !== at) return entry;
      const { version: _old, ...rest } = entry;
      return version === null ? rest : { ...rest, version };
    });
  });
}

export function deleteDossier(meta: MetaDoc, id: string): MetaDoc {
  findDossier(meta, id);
  return { ...meta, dossiers: meta.dossiers.filter((dossier) => dossier.id !== id) };
}
