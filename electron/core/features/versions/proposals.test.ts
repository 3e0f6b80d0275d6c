import { describe, expect, it } from 'vitest';
import { CAPTURE_WINDOW_MS, looksLikeUpdate, SIMILARITY_THRESHOLD, similarity, type UpdateSide } from './proposals';

// The matching rules of "looks like an update of …", with the near misses that must not match.

const HOUR = 60 * 60 * 1000;
const stored: UpdateSide = {
  place: 'DEN HAAG',
  headline: 'Kabinet trekt extra geld uit voor dijkversterking in Zeeland',
  lead: 'Het kabinet trekt 200 miljoen euro extra uit voor de versterking van de dijken in Zeeland. Dat maakte minister Harbers dinsdag bekend.',
  capturedAt: Date.UTC(2026, 11, 1, 9),
};

describe('looks like an update of', () => {
  it('matches an update with one headline word changed, the same place and a capture hours later', () => {
    const update = { ...stored, headline: 'Kabinet trekt extra geld uit voor dijkversterking in Zeeland en Friesland', lead: `${stored.lead} Ook Friesland krijgt geld.`, capturedAt: stored.capturedAt + 5 * HOUR };
    const match = looksLikeUpdate(update, stored);
    expect(match).not.toBeNull();
    expect(match!.headline).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  it('matches on a near-identical lead when the headline was rewritten', () => {
    const update = { ...stored, headline: 'Zeeuwse dijken krijgen 200 miljoen', lead: stored.lead.replace('dinsdag', 'dinsdagmiddag'), capturedAt: stored.capturedAt + 30 * HOUR };
    const match = looksLikeUpdate(update, stored)!;
    expect(match.headline).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(match.lead).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  it('folds case, diacritics and punctuation, in headlines and places', () => {
    expect(similarity('Café in Genève dicht', 'CAFE IN GENEVE DICHT!')).toBe(1);
    expect(looksLikeUpdate({ ...stored, place: 'Den  Haag', headline: `${stored.headline} (update)`, capturedAt: stored.capturedAt + HOUR }, stored)).not.toBeNull();
  });

  it('does not match another place, even with the same text', () => {
    expect(looksLikeUpdate({ ...stored, place: 'MIDDELBURG', headline: `${stored.headline}, ook Friesland` }, stored)).toBeNull();
    expect(looksLikeUpdate({ ...stored, place: '' }, { ...stored, place: '' })).toBeNull();
  });

  it('does not match a capture more than 48 hours apart, either way', () => {
    const update = { ...stored, headline: `${stored.headline}, ook Friesland` };
    expect(looksLikeUpdate({ ...update, capturedAt: stored.capturedAt + CAPTURE_WINDOW_MS }, stored)).not.toBeNull();
    expect(looksLikeUpdate({ ...update, capturedAt: stored.capturedAt + CAPTURE_WINDOW_MS + 60_000 }, stored)).toBeNull();
    expect(looksLikeUpdate({ ...update, capturedAt: stored.capturedAt - CAPTURE_WINDOW_MS - 60_000 }, stored)).toBeNull();
  });

  it('does not match a different story from the same place and day (a different headline and lead)', () => {
    const other = {
      ...stored,
      headline: 'Kabinet wil minder geld uitgeven aan defensie',
      lead: 'Het kabinet wil de komende jaren minder uitgeven aan defensie. Dat bleek dinsdag uit de plannen van de minister.',
      capturedAt: stored.capturedAt + 2 * HOUR,
    };
    const headline = similarity(other.headline, stored.headline);
    const lead = similarity(other.lead, stored.lead);
    expect(headline).toBeLessThan(0.35);
    expect(lead).toBeLessThan(0.35);
    expect(looksLikeUpdate(other, stored)).toBeNull();
  });

  it('does not call the very same text an update (that is a duplicate)', () => {
    expect(looksLikeUpdate({ ...stored, capturedAt: stored.capturedAt + HOUR }, stored)).toBeNull();
  });
});
