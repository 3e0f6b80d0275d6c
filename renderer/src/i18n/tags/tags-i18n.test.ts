import { describe, expect, it } from 'vitest';
import { tagsNl } from './nl';

describe('Dutch wording of what the core says in English', () => {
  it('translates suggestion reasons part by part, or leaves them whole', () => {
    expect(tagsNl.suggestionReason('named 5 times, in the headline')).toBe('5 keer genoemd, in de kop');
    expect(tagsNl.suggestionReason('named 2 times and once as adjective')).toBe('2 keer genoemd en één keer bijvoeglijk');
    expect(tagsNl.suggestionReason('2 times as adjective, dateline place')).toBe('2 keer bijvoeglijk, plaats in de dateline');
    expect(tagsNl.suggestionReason('named once, something else')).toBe('named once, something else');
  });

  it('translates related-story reasons, keeping the names as they are', () => {
    expect(tagsNl.relatedReason('shares: Kim Jong-un, Oekraïne')).toBe('gemeenschappelijk: Kim Jong-un, Oekraïne');
    expect(tagsNl.relatedReason('similar wording: steun, bezoek')).toBe('vergelijkbare woorden: steun, bezoek');
    expect(tagsNl.relatedReason('1 day apart')).toBe('1 dag uit elkaar');
    expect(tagsNl.relatedReason('3 months apart')).toBe('3 maanden uit elkaar');
    expect(tagsNl.relatedReason('same day')).toBe('zelfde dag');
    expect(tagsNl.relatedReason('a new kind of reason')).toBe('a new kind of reason');
  });
});
