import { describe, expect, it } from 'vitest';
import { HELD_OUT, TUNING } from './test/tags-labelled';
import { measureTags } from './test/tags-measure';

// Issue 16's bar for tag suggestions on the labelled Dutch stories (docs/QUALITY.md has the
// figures; `npm run -s quality` prints them with every wrong tag and missed person).
describe('tag suggestion quality on the labelled set', () => {
  const q = measureTags([...TUNING, ...HELD_OUT]);

  it('suggests tags with ≥ 98% precision and never a garbled one', () => {
    expect(q.right / q.suggested).toBeGreaterThanOrEqual(0.98);
    expect(q.garbledStories).toBe(0);
  });

  it('suggests ≥ 95% of the people the stories name', () => {
    expect(q.peopleFound / q.people).toBeGreaterThanOrEqual(0.95);
  });

  it('covers politics, foreign news, sport, economy and culture with a held-out part', () => {
    expect(TUNING.length + HELD_OUT.length).toBeGreaterThanOrEqual(25);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(8);
  });
});
