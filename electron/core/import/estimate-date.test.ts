import { describe, expect, it } from 'vitest';
import { estimatePublishedDay } from './estimate-date';

// Captured on Tuesday 3 February 2026 at 01:30 in the Netherlands (00:30 UTC).
const EARLY = new Date('2026-02-03T00:30:00Z');
// Captured on 3 February 2026 at 15:00 in the Netherlands.
const AFTERNOON = new Date('2026-02-03T14:00:00Z');

describe('estimatePublishedDay', () => {
  it.each([
    ['1 uur geleden', AFTERNOON, '2026-02-03'],
    ['3 uur geleden', EARLY, '2026-02-02'],
    ['45 min. geleden', EARLY, '2026-02-03'],
    ['8 minuten geleden', AFTERNOON, '2026-02-03'],
    ['2 dagen geleden', AFTERNOON, '2026-02-01'],
    ['een week geleden', AFTERNOON, '2026-01-27'],
    ['zojuist', AFTERNOON, '2026-02-03'],
    ['Gisteren', AFTERNOON, '2026-02-02'],
    ['gisteren 18:05', AFTERNOON, '2026-02-02'],
    ['eergisteren', AFTERNOON, '2026-02-01'],
    ['vandaag om 09:12', AFTERNOON, '2026-02-03'],
    ['19 juni', AFTERNOON, '2025-06-19'],
    ['2 feb', AFTERNOON, '2026-02-02'],
    ['19 juni 2024, 08:12', AFTERNOON, '2024-06-19'],
    ['12:34', AFTERNOON, '2026-02-03'],
    ['23:50', AFTERNOON, '2026-02-02'],
  ])('"%s" captured at %s → %s', (label, capturedAt, day) => {
    expect(estimatePublishedDay(label, capturedAt)).toBe(day);
  });

  it('gives up on labels and dates it cannot read', () => {
    expect(estimatePublishedDay('30 februari', AFTERNOON)).toBeNull();
    expect(estimatePublishedDay('25:10', AFTERNOON)).toBeNull();
    expect(estimatePublishedDay('ooit', AFTERNOON)).toBeNull();
    expect(estimatePublishedDay('1 uur geleden', new Date(Number.NaN))).toBeNull();
  });
});
