import { ServiceError } from '../../../../shared/contract/envelope';
import type { LinkLabel, LinkSkip } from '../../../../shared/contract/links';
import type { Link, LinkType } from '../../../../shared/types';
import type { MetaDoc } from '../../store/meta';
import { toNfc } from '../../text/dutch';

// Pure operations on the typed links of the metadata document (no I/O). Each
// returns the next document (the same object when nothing changes) and throws a
// ServiceError for a request that cannot apply.
//
// Rules:
// - No self-links.
// - ONE link per pair of stories, whatever the type or direction. Two types
//   between the same pair say nothing the stronger one does not (a follow-up is
//   also in the series, same-event stories are also related) and would show the
//   other story twice; the editor changes the type of the one link instead
//   (`updateLink`). So a second link between a linked pair is a conflict, and a
//   follow-up A→B next to B→A is refused as well.
// - Direction (stored once, `from` → `to`): `follow-up`: `from` is the earlier
//   story and `to` follows up on it; `background`: `from` is background to `to`.
//   The other types are symmetric; they keep the order they were made in.

export const DIRECTED_TYPES: ReadonlySet<LinkType> = new Set<LinkType>(['follow-up', 'background']);

/** The key of an unordered pair of stories. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function findLink(meta: MetaDoc, id: string): Link {
  const link = meta.links.find((candidate) => candidate.id === id);
  if (!link) throw new ServiceError('not-found', `No link with id ${id}; it may have been removed.`);
  return link;
}

/** The links between two stories (normally at most one). */
export function linksBetween(links: readonly Link[], a: string, b: string): Link[] {
  return links.filter((link) => (link.from === a && link.to === b) || (link.from === b && link.to === a));
}

/** Note text is stored as NFC with LF line ends and no surrounding blank space. */
export function cleanNote(note: string): string {
  return toNfc(note.replace(/\r\n?/g, '\n')).trim();
}

export interface NewLink {
  id: string;
  to: string;
}

export interface CreateLinksOutcome {
  meta: MetaDoc;
  created: Link[];
  skipped: LinkSkip[];
}

/**
 * Links `from` to each target (one link each). Self-links and pairs that are
 * already linked cannot be made: with one target that is an error; with several,
 * those targets are skipped (and reported) and the rest are linked.
 */
export function createLinks(meta: MetaDoc, input: { from: string; targets: readonly NewLink[]; type: LinkType; note?: string; now: string }): CreateLinksOutcome {
  const note = cleanNote(input.note ?? '');
  const linked = new Map<string, Link>();
  for (const link of meta.links) {
    if (link.from === input.from) linked.set(link.to, link);
    else if (link.to === input.from) linked.set(link.from, link);
  }
  const created: Link[] = [];
  const skipped: LinkSkip[] = [];
  const seen = new Set<string>();
  for (const target of input.targets) {
    if (seen.has(target.to)) continue;
    seen.add(target.to);
    if (target.to === input.from) {
      skipped.push({ storyId: target.to, reason: 'self' });
      continue;
    }
    const existing = linked.get(target.to);
    if (existing) {
      skipped.push({ storyId: target.to, reason: existing.type === input.type ? 'linked' : 'linkedOtherwise', linkedAs: existing.type });
      continue;
    }
    if (meta.links.some((link) => link.id === target.id)) throw new ServiceError('conflict', `A link with id ${target.id} already exists.`);
    created.push({ id: target.id, from: input.from, to: target.to, type: input.type, note, createdAt: input.now });
  }
  if (created.length === 0) {
    const only = skipped.length === 1 ? skipped[0]! : undefined;
    if (only?.reason === 'self') throw new ServiceError('invalid-input', 'A story cannot be linked to itself.', { code: 'link.nothing', why: 'self' });
    if (only?.reason === 'linked') throw new ServiceError('conflict', `These stories are already linked as "${only.linkedAs}".`, { code: 'link.nothing', why: 'linked' });
    if (only?.reason === 'linkedOtherwise') {
      throw new ServiceError('conflict', `These stories are already linked as "${only.linkedAs}"; change that link's type instead of adding a second link.`, { code: 'link.nothing', why: 'linkedOtherwise' });
    }
    throw new ServiceError('conflict', 'Nothing to link: every chosen story is this story itself or already linked to it.', { code: 'link.nothing', why: 'several' });
  }
  return { meta: { ...meta, links: [...meta.links, ...created] }, created, skipped };
}

/** Changes a link's type and/or note, or swaps its ends. */
export function updateLink(meta: MetaDoc, id: string, changes: { type?: LinkType; note?: string; reverse?: boolean }): MetaDoc {
  const link = findLink(meta, id);
  const next: Link = { ...link };
  if (changes.type !== undefined) next.type = changes.type;
  if (changes.note !== undefined) next.note = cleanNote(changes.note);
  if (changes.reverse) {
    next.from = link.to;
    next.to = link.from;
  }
  const unchanged = next.type === link.type && next.note === link.note && next.from === link.from;
  return unchanged ? meta : { ...meta, links: meta.links.map((candidate) => (candidate.id === id ? next : candidate)) };
}

export function removeLink(meta: MetaDoc, id: string): MetaDoc {
  findLink(meta, id);
  return { ...meta, links: meta.links.filter((link) => link.id !== id) };
}

/** Removes every link between two stories; answers how many there were. */
export function removeLinksBetween(meta: MetaDoc, a: string, b: string): { meta: MetaDoc; removed: number } {
  const between = new Set(linksBetween(meta.links, a, b).map((link) => link.id));
  if (between.size === 0) return { meta, removed: 0 };
  return { meta: { ...meta, links: meta.links.filter((link) => !between.has(link.id)) }, removed: between.size };
}

/**
 * How a link reads from one of its ends ("this story is <label> the other") and
 * which story is at the other end. `perspectiveOf` must be one of the link's ends.
 */
export function describeLink(link: Link, perspectiveOf: string): { label: LinkLabel; otherId: string } {
  const atFrom = link.from === perspectiveOf;
  const otherId = atFrom ? link.to : link.from;
  switch (link.type) {
    case 'follow-up':
      return { label: atFrom ? 'followed-by' : 'follow-up-of', otherId };
    case 'background':
      return { label: atFrom ? 'background-to' : 'has-background', otherId };
    case 'series':
      return { label: 'series', otherId };
    case 'same-event':
      return { label: 'same-event', otherId };
    default:
      return { label: 'related', otherId };
  }
}

/** Every link touching a story. */
export function linksOf(links: readonly Link[], storyId: string): Link[] {
  return links.filter((link) => link.from === storyId || link.to === storyId);
}

/** A series name as stored: NFC, one line, no surrounding space ('' for none). */
export function cleanSeriesName(name: string): string {
  return toNfc(name.replace(/\s+/g, ' ')).trim();
}

/**
 * Names the series whose members are `memberIds` (every story of it, as `orderSeries`
 * found them): the name is written on each member, so it stays when a story joins the
 * series or the series is split; an empty name clears it. Other names a member had
 * (from a series it was merged into) are replaced.
 */
export function nameSeries(meta: MetaDoc, memberIds: readonly string[], name: string): MetaDoc {
  const clean = cleanSeriesName(name);
  const names = meta.seriesNames ?? {};
  const unchanged = memberIds.every((id) => (names[id] ?? '') === clean);
  if (unchanged) return meta;
  const next: Record<string, string> = { ...names };
  for (const id of memberIds) {
    if (clean) next[id] = clean;
    else delete next[id];
  }
  return { ...meta, seriesNames: next };
}

/** The name of a series: that of its first member (in timeline order) with a name, or null. */
export function seriesNameOf(meta: Pick<MetaDoc, 'seriesNames'>, memberIds: readonly string[]): string | null {
  const names = meta.seriesNames;
  if (!names) return null;
  for (const id of memberIds) if (names[id]) return names[id];
  return null;
}

/**
 * Makes every link of `pairs` (`from` → `to`, one type) in one document change: the
 * link picker's several stories to several others. Pairs that are a story itself, a
 * pair already linked (in either direction), or a pair given twice are skipped and
 * reported by their `to`; when nothing is left to link, that is a conflict.
 */
export function createLinkPairs(
  meta: MetaDoc,
  input: { pairs: readonly { id: string; from: string; to: string }[]; type: LinkType; note?: string; now: string },
): CreateLinksOutcome {
  const note = cleanNote(input.note ?? '');
  // Each pair of stories linked, with its relation.
  const linked = new Map(meta.links.map((link) => [pairKey(link.from, link.to), link.type]));
  const ids = new Set(meta.links.map((link) => link.id));
  const created: Link[] = [];
  const skipped: LinkSkip[] = [];
  for (const pair of input.pairs) {
    if (pair.from === pair.to) {
      skipped.push({ storyId: pair.to, reason: 'self' });
      continue;
    }
    const key = pairKey(pair.from, pair.to);
    const existing = linked.get(key);
    if (existing !== undefined) {
      skipped.push({ storyId: pair.to, reason: existing === input.type ? 'linked' : 'linkedOtherwise', linkedAs: existing });
      continue;
    }
    if (ids.has(pair.id)) throw new ServiceError('conflict', `A link with id ${pair.id} already exists.`);
    linked.set(key, input.type);
    ids.add(pair.id);
    created.push({ id: pair.id, from: pair.from, to: pair.to, type: input.type, note, createdAt: input.now });
  }
  if (created.length === 0) throw new ServiceError('conflict', 'Nothing to link: every pair is one story twice or already linked.', { code: 'link.nothing', why: 'several' });
  return { meta: { ...meta, links: [...meta.links, ...created] }, created, skipped };
}
