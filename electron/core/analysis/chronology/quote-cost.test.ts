import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticStory } from '../../../bench/corpus';
import { parseWirePage } from '../../import/parse';
import { extractEntities } from '../entities';
import { extractQuotes, type QuoteStory } from './quotes';
import { CLAUSES, HELD_OUT, LABELLED, SPEAKERS } from './test/labelled';

const SEEDS = path.resolve(import.meta.dirname, '../../../../seeds');

// The shortcuts of extractQuotes (a story without quotation marks or verbs of saying is left
// at once; a sentence without a cue skips the indirect-speech patterns) change no result.
describe('quote extraction shortcuts', () => {
  it('give the same quotes as trying everything, on the labelled sets, the seeds and synthetic stories', () => {
    const stories: QuoteStory[] = [...LABELLED, ...HELD_OUT, ...CLAUSES, ...SPEAKERS].map((s) => ({ id: s.id, date: s.date, paragraphs: s.paragraphs, people: s.people }));
    const pages = [...readdirSync(SEEDS).map((file) => readFileSync(path.join(SEEDS, file), 'utf8')), ...Array.from({ length: 60 }, (_, i) => syntheticStory(i))];
    pages.forEach((page, i) => {
      const parsed = parseWirePage(page);
      const article = parsed.ok ? parsed.page.article : null;
      if (!article) return;
      const people = extractEntities(article).filter((e) => e.kind === 'person').map(({ key, name }) => ({ key, name }));
      stories.push({ id: `p${i}`, date: null, paragraphs: article.body.map((block) => block.text), people });
    });
    // And stories without any speech, which the first shortcut leaves at once.
    stories.push({ id: 'plain', date: null, paragraphs: ['De dijk bij Lelystad is over vijftig meter verzakt.', 'Het water staat hoog.'], people: [] });
    let found = 0;
    for (const story of stories) {
      const fast = extractQuotes(story);
      expect(fast).toEqual(extractQuotes(story, { exhaustive: true }));
      found += fast.length;
    }
    expect(found).toBeGreaterThan(100);
  });
});
