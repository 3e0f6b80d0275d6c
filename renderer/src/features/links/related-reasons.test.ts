import { describe, expect, it } from 'vitest';
import type { RelatedReason } from '../../../../shared/contract/links';
import { relatedReasonText } from './related-reasons';

const say = (reason: RelatedReason) => [relatedReasonText(reason, 'en'), relatedReasonText(reason, 'nl')];

describe('related-story reasons in English and Dutch', () => {
  it('lists shared names and words as written', () => {
    expect(say({ kind: 'sharedEntities', names: ['Kim Jong-un', 'Oekraïne'] })).toEqual(['shares: Kim Jong-un, Oekraïne', 'gemeenschappelijk: Kim Jong-un, Oekraïne']);
    expect(say({ kind: 'sharedTerms', terms: ['geïsoleerde', 'steun'] })).toEqual(['similar wording: geïsoleerde, steun', 'vergelijkbare woorden: geïsoleerde, steun']);
  });

  it('says how far apart the dates are, with the plural each language needs', () => {
    expect(say({ kind: 'daysApart', days: 0 })).toEqual(['same day', 'zelfde dag']);
    expect(say({ kind: 'daysApart', days: 1 })).toEqual(['1 day apart', '1 dag uit elkaar']);
    expect(say({ kind: 'daysApart', days: 18 })).toEqual(['18 days apart', '18 dagen uit elkaar']);
    expect(say({ kind: 'daysApart', days: 30 + 1 + 30 })).toEqual(['2 months apart', '2 maanden uit elkaar']);
    expect(say({ kind: 'daysApart', days: 40 })).toEqual(['40 days apart', '40 dagen uit elkaar']);
    expect(say({ kind: 'daysApart', days: 70 })).toEqual(['2 months apart', '2 maanden uit elkaar']);
    expect(say({ kind: 'daysApart', days: 365 })).toEqual(['12 months apart', '12 maanden uit elkaar']);
    expect(say({ kind: 'daysApart', days: 1100 })).toEqual(['3 years apart', '3 jaar uit elkaar']);
  });
});
