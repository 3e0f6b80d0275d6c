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
  const left = tokenSet(a);
  const right = tokenSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
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
 * The proposals a batch of new stories gives rise to: each new page-text article against
 * the stored page-text articles of its place (the best match, if any). A story that was
 * ever a proposal's candidate is not proposed again (a declined pair stays declined).
 */
export async function proposeUpdates(store: LibraryStore, items: readonly StoryContent[], proposedAt: string): Promise<UpdateProposal[]> {
  const fresh = items.filter((item) => isPageArticle(item.head) && item.head.dateline.place.trim());
  if (fresh.length === 0) return [];
  const known = new Set((store.meta.updateProposals ?? []).map((proposal) => proposal.candidateId));
  const byPlace = new Map<string, StoryHead[]>();
  for (const head of store.liveHeads()) {
    if (!isPageArticle(head)) continue;
    const key = placeKey(head.dateline.place);
    if (!key) continue;
    let list = byPlace.get(key);
    if (!list) byPlace.set(key, (list = []));
    list.push(head);
  }
  const proposals: UpdateProposal[] = [];
  for (const item of fresh) {
    if (known.has(item.head.id)) continue;
    const newer: UpdateSide = { place: item.head.dateline.place, headline: item.head.headline, lead: leadOf(item.body), capturedAt: captureTime(item.head) };
    let best: { storyId: string; headline: number; lead: number } | null = null;
    for (const stored of byPlace.get(placeKey(newer.place)) ?? []) {
      if (stored.id === item.head.id || Math.abs(captureTime(stored) - newer.capturedAt) > CAPTURE_WINDOW_MS) continue;
      const lead = leadOf((await store.body(stored.id)) ?? []);
      const match = looksLikeUpdate(newer, { place: stored.dateline.place, headline: stored.headline, lead, capturedAt: captureTime(stored) });
      if (match && (!best || Math.max(match.headline, match.lead) > Math.max(best.headline, best.lead))) best = { storyId: stored.id, ...match };
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
  const edit = meta.storyEdits[proposal.storyId] ?? {};
  const purged = meta.purged ?? [];
  return {
    ...meta,
    storyEdits: { ...meta.storyEdits, [proposal.storyId]: { ...edit, pageVersions: [...(edit.pageVersions ?? []), proposal.candidateId] } },
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
