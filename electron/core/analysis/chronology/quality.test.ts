import { describe, expect, it } from 'vitest';
import { CLAUSES, HELD_OUT, LABELLED, SPEAKERS } from './test/labelled';
import { measureChronology, ratio } from './test/measure';

// The quality bar on the labelled Dutch test set (docs/QUALITY.md has the figures;
// `npm run -s quality` prints them with every miss).
describe('chronology and quote quality on the labelled set', () => {
  const q = measureChronology([...LABELLED, ...HELD_OUT, ...CLAUSES, ...SPEAKERS]);

  it('resolves ≥ 95% of date expressions with the exact granularity', () => {
    expect(ratio(q.dates.exact, q.dates.labelled)).toBeGreaterThanOrEqual(0.95);
  });

  it('drafts events with ≥ 90% precision and ≥ 80% recall', () => {
    expect(ratio(q.events.correct, q.events.drafted)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(q.events.found, q.events.labelled)).toBeGreaterThanOrEqual(0.8);
  });

  it('attributes quotes with ≥ 95% precision and ≥ 85% recall, and never to the wrong person', () => {
    expect(q.quotes.wrongPerson).toEqual([]);
    expect(ratio(q.quotes.attributedRight, q.quotes.attributedRight + q.quotes.wrongPerson.length)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(q.quotes.attributedRight, q.quotes.named)).toBeGreaterThanOrEqual(0.85);
  });
});
