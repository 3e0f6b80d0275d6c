import { describe, expect, it } from 'vitest';
import { relatedReasonText, suggestionReasonsText } from './reasons';

describe('the CLI words reasons in English', () => {
  it('related stories: shared names and words as written, distances in days, months or years', () => {
    expect(relatedReasonText({ kind: 'sharedEntities', names: ['Kim Jong-un', 'Oekraïne'] })).toBe('shares: Kim Jong-un, Oekraïne');
    expect(relatedReasonText({ kind: 'sharedTerms', terms: ['geïsoleerde', 'steun'] })).toBe('similar wording: geïsoleerde, steun');
    expect(relatedReasonText({ kind: 'daysApart', days: 0 })).toBe('same day');
    expect(relatedReasonText({ kind: 'daysApart', days: 1 })).toBe('1 day apart');
    expect(relatedReasonText({ kind: 'daysApart', days: 18 })).toBe('18 days apart');
    expect(relatedReasonText({ kind: 'daysApart', days: 365 })).toBe('12 months apart');
    expect(relatedReasonText({ kind: 'daysApart', days: 1100 })).toBe('3 years apart');
  });

  it('tag suggestions: mentions, headline and dateline in one line', () => {
    expect(suggestionReasonsText([{ kind: 'mentions', named: 5, adjectives: 0 }, { kind: 'inHeadline' }])).toBe('named 5 times, in the headline');
    expect(suggestionReasonsText([{ kind: 'mentions', named: 2, adjectives: 1 }])).toBe('named 2 times and once as adjective');
    expect(suggestionReasonsText([{ kind: 'mentions', named: 0, adjectives: 2 }, { kind: 'datelinePlace' }])).toBe('2 times as adjective, dateline place');
    expect(suggestionReasonsText([{ kind: 'mentions', named: 1, adjectives: 0 }])).toBe('named once');
  });
});
