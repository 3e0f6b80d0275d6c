import type { BodyBlock, UpdateProposal, UpdateProposalView } from '../../../../shared/types';
import { newId } from '../../ids';
import type { LibraryStore } from '../../store/library-store';
import type { MetaDoc, StoryContent, StoryHead } from '../../store/meta';

// "Looks like an update of …" for page text, which has no guid to tie its versions
// together: a newly imported page-text article is proposed as an update of a stored one
// when both have the same dateline place, were captured within 48 hours of each other, and
// their headlines or their leads are near-identical as sets of words. The editor decides:
// merged, the new text becomes the stored story's next version (StoryEdit.pageVersions);
// declined, the pair is never proposed again.
//
// Near-identical is a token-set (Jaccard) similarity of at least 0.6 over the words folded
// to lower case without diacritics: an agency's update keeps most of its headline or lead
// (one word changed in an eight-word headline is 0.78; two words added to five, 0.71), while
// two different stories from the same place share at most a few words (the tests' near
// misses stay under 0.35).

export const SIMILARITY_THRESHOLD = 0.6;
export const CAPTURE_WINDOW_MS = 48 * 60 * 60 * 1000;

/** The words of a text as a set: lower case, diacritics folded away, letters and digits only. */
export function tokenSet(text: string): Set<string> {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Jaccard similarity of two texts' word sets (0 when either has no words). */
export function similarity(a: string, b: string): number {
  return setSimilarity(tokenSet(a), tokenSet(b));
}

const placeKey = (place: string) => place.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** What matching looks at of a page-text story. */
export interface UpdateSide {
  place: string;
  headline: string;
  lead: string;
  /** When it was captured (ms since the epoch). */
  capturedAt: number;
}

/** The similarities when `newer` looks like an update of `stored`; null when it does not. */
export function looksLikeUpdate(newer: UpdateSide, stored: UpdateSide): { headline: number; lead: number } | null {
  const place = placeKey(newer.place);
  if (!place || place !== placeKey(stored.place)) return null;
  if (Math.abs(newer.capturedAt - stored.capturedAt) > CAPTURE_WINDOW_MS) return null;
  const headline = similarity(newer.headline, stored.headline);
  const lead = similarity(newer.lead, stored.lead);
  if (headline < SIMILARITY_THRESHOLD && lead < SIMILARITY_THRESHOLD) return null;
  // The same text is a duplicate, never an update.
  if (headline === 1 && lead === 1) return null;
  return { headline: round(headline), lead: round(lead) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const leadOf = (body: readonly BodyBlock[]) => body.find((block) => block.type === 'paragraph')?.text ?? '';
const captureTime = (head: StoryHead) => Date.parse(head.capturedAt ?? head.importedAt);

/** A page-text article that can take part in a proposal (not from a feed). */
const isPageArticle = (head: StoryHead) => head.kind === 'article' && !head.wire;

/**
 * At most this many stored articles of the same place, the nearest in capture time, are
 * compared with a new one (a place's stories of about two days at a busy desk): an
 * agency's update comes within hours, and a place with more
 * page-text articles than this within two days is not a desk's archive but a bulk import
 * of files with one modification time (every comparison would read a stored lead).
 */
export const MAX_CANDIDATES = 100;

interface Stored {
  head: StoryHead;
  capturedAt: number;
}

/**
 * Jaccard similarity of two word sets (0 when either is empty). With `atLeast`, a pair
 * that cannot reach it is given up as soon as too few words are left to share (the answer
 * is then some value below `atLeast`, not the similarity).
 */
function setSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>, atLeast = 0): number {
  if (left.size === 0 || right.size === 0) return 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  // shared / (|A| + |B| - shared) >= t  <=>  shared >= t (|A| + |B|) / (1 + t)
  const needed = (atLeast * (left.size + right.size)) / (1 + atLeast);
  if (small.size < needed) return small.size / large.size;
  let shared = 0;
  let unseen = small.size;
  for (const word of small) {
    if (large.has(word)) shared++;
    if (shared + --unseen < needed) return 0;
  }
  return shared / (left.size + right.size - shared);
}

/** The stored entries (sorted by capture time) nearest to `at` within the window, at most MAX_CANDIDATES. */
function nearest(sorted: readonly Stored[], at: number): Stored[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.capturedAt < at) low = middle + 1;
    else high = middle;
  }
  const out: Stored[] = [];
  let before = low - 1;
  let after = low;
  while (out.length < MAX_CANDIDATES) {
    const left = before >= 0 && at - sorted[before]!.capturedAt <= CAPTURE_WINDOW_MS ? sorted[before]! : null;
    const right = after < sorted.length && sorted[after]!.capturedAt - at <= CAPTURE_WINDOW_MS ? sorted[after]! : null;
    if (!left && !right) break;
    if (left && (!right || at - left.capturedAt <= right.capturedAt - at)) {
      out.push(left);
      before--;
    } else {
      out.push(right!);
      after++;
    }
  }
  return out;
}

/**
 * The proposals a batch of new stories gives rise to: each new page-text article against
 * the stored page-text articles of its place captured within the window (the nearest
 * MAX_CANDIDATES; the best match, if any). A story that was ever a proposal's candidate
 * is not proposed again (a declined pair stays declined). Each stored headline and lead
 * is read and split into words once per batch, the leads in one read of their files.
 */
export async function proposeUpdates(store: LibraryStore, items: readonly StoryContent[], proposedAt: string): Promise<UpdateProposal[]> {
  const known = new Set((store.meta.updateProposals ?? []).map((proposal) => proposal.candidateId));
  const fresh = items.filter((item) => isPageArticle(item.head) && item.head.dateline.place.trim() && !known.has(item.head.id));
  if (fresh.length === 0) return [];
  const places = new Set(fresh.map((item) => placeKey(item.head.dateline.place)));
  const byPlace = new Map<string, Stored[]>();
  for (const head of store.liveHeads()) {
    if (!isPageArticle(head)) continue;
    const key = placeKey(head.dateline.place);
    if (!key || !places.has(key)) continue;
    let list = byPlace.get(key);
    if (!list) byPlace.set(key, (list = []));
    list.push({ head, capturedAt: captureTime(head) });
  }
  for (const list of byPlace.values()) list.sort((x, y) => x.capturedAt - y.capturedAt);

  const pairs: { item: StoryContent; candidates: Stored[] }[] = [];
  const wanted = new Set<string>();
  for (const item of fresh) {
    const candidates = nearest(byPlace.get(placeKey(item.head.dateline.place)) ?? [], captureTime(item.head)).filter((stored) => stored.head.id !== item.head.id);
    if (candidates.length === 0) continue;
    pairs.push({ item, candidates });
    for (const stored of candidates) wanted.add(stored.head.id);
  }
  if (pairs.length === 0) return [];
  const bodies = await store.bodiesOf([...wanted]);
  const headlines = new Map<string, Set<string>>();
  const leads = new Map<string, Set<string>>();
  const cached = (cache: Map<string, Set<string>>, id: string, text: () => string) => {
    let found = cache.get(id);
    if (!found) cache.set(id, (found = tokenSet(text())));
    return found;
  };

  const proposals: UpdateProposal[] = [];
  for (const { item, candidates } of pairs) {
    const headline = tokenSet(item.head.headline);
    const lead = tokenSet(leadOf(item.body));
    let best: { storyId: string; headline: number; lead: number } | null = null;
    for (const stored of candidates) {
      const storedLead = cached(leads, stored.head.id, () => leadOf(bodies.get(stored.head.id) ?? []));
      const headlineSimilarity = setSimilarity(headline, cached(headlines, stored.head.id, () => stored.head.headline));
      // Most pairs are no match: the lead is compared exactly only when it decides or is reported.
      let leadSimilarity = setSimilarity(lead, storedLead, headlineSimilarity >= SIMILARITY_THRESHOLD ? 0 : SIMILARITY_THRESHOLD);
      if (headlineSimilarity < SIMILARITY_THRESHOLD && leadSimilarity < SIMILARITY_THRESHOLD) continue;
      leadSimilarity = setSimilarity(lead, storedLead);
      // The same text is a duplicate, never an update.
      if (headlineSimilarity === 1 && leadSimilarity === 1) continue;
      const match = { headline: round(headlineSimilarity), lead: round(leadSimilarity) };
      if (!best || Math.max(match.headline, match.lead) > Math.max(best.headline, best.lead)) best = { storyId: stored.head.id, ...match };
    }
    if (best) {
      proposals.push({ id: newId('p'), storyId: best.storyId, candidateId: item.head.id, status: 'open', headlineSimilarity: best.headline, leadSimilarity: best.lead, proposedAt });
    }
  }
  return proposals;
}

/** The metadata document with new proposals added. */
export function withProposals(meta: MetaDoc, proposals: readonly UpdateProposal[]): MetaDoc {
  return proposals.length ? { ...meta, updateProposals: [...(meta.updateProposals ?? []), ...proposals] } : meta;
}

/** Accepting: the candidate's text becomes the story's next version, and the candidate leaves the list (deleted and purged: it lives on as the version). */
export function acceptProposal(meta: MetaDoc, proposal: UpdateProposal, at: string): MetaDoc {
  const edit = meta.storyEdits.get(proposal.storyId) ?? {};
  const purged = meta.purged ?? [];
  return {
    ...meta,
    storyEdits: meta.storyEdits.with([[proposal.storyId, { ...edit, pageVersions: [...(edit.pageVersions ?? []), proposal.candidateId] }]]),
    deleted: meta.deleted.includes(proposal.candidateId) ? meta.deleted : [...meta.deleted, proposal.candidateId],
    purged: purged.includes(proposal.candidateId) ? purged : [...purged, proposal.candidateId],
    updateProposals: decided(meta, proposal.id, 'accepted', at),
  };
}

export function declineProposal(meta: MetaDoc, proposal: UpdateProposal, at: string): MetaDoc {
  return { ...meta, updateProposals: decided(meta, proposal.id, 'declined', at) };
}

function decided(meta: MetaDoc, id: string, status: 'accepted' | 'declined', at: string): UpdateProposal[] {
  return (meta.updateProposals ?? []).map((proposal) => (proposal.id === id ? { ...proposal, status, decidedAt: at } : proposal));
}

/** A proposal with its two headlines (the candidate's own, also once merged). */
export function proposalView(store: LibraryStore, proposal: UpdateProposal): UpdateProposalView {
  const headlineOf = (id: string) => store.head(id)?.headline ?? store.ownHeadline(id) ?? '';
  return { ...proposal, storyHeadline: headlineOf(proposal.storyId), candidateHeadline: headlineOf(proposal.candidateId) };
}
