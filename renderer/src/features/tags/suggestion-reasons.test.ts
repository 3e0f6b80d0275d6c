import { describe, expect, it } from 'vitest';
import type { TagSuggestionReason } from '../../../../shared/contract/tags';
import { suggestionReasonsText } from './suggestion-reasons';

const say = (reasons: TagSuggestionReason[]) => [suggestionReasonsText(reasons, 'en'), suggestionReasonsText(reasons, 'nl')];

describe('tag suggestion reasons in English and Dutch', () => {
  it('counts mentions with the plural each language needs', () => {
    expect(say([{ kind: 'mentions', named: 1, adjectives: 0 }])).toEqual(['named once', 'één keer genoemd']);
    expect(say([{ kind: 'mentions', named: 5, adjectives: 0 }])).toEqual(['named 5 times', '5 keer genoemd']);
    expect(say([{ kind: 'mentions', named: 2, adjectives: 1 }])).toEqual(['named 2 times and once as adjective', '2 keer genoemd en één keer bijvoeglijk']);
    expect(say([{ kind: 'mentions', named: 0, adjectives: 3 }])).toEqual(['3 times as adjective', '3 keer bijvoeglijk']);
    expect(say([{ kind: 'mentions', named: 1200, adjectives: 0 }])).toEqual(['named 1,200 times', '1.200 keer genoemd']);
  });

  it('adds the headline and the dateline, in order', () => {
    expect(say([{ kind: 'mentions', named: 5, adjectives: 0 }, { kind: 'inHeadline' }])).toEqual(['named 5 times, in the headline', '5 keer genoemd, in de kop']);
    expect(say([{ kind: 'mentions', named: 0, adjectives: 2 }, { kind: 'datelinePlace' }])).toEqual(['2 times as adjective, dateline place', '2 keer bijvoeglijk, plaatsnaam in de aanhef']);
    expect(say([{ kind: 'inHeadline' }])).toEqual(['in the headline', 'in de kop']);
  });
});
