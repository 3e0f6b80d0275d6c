import { draftChronology, type ChronologyStory } from '../core/analysis/chronology/draft';
import { extractQuotes } from '../core/analysis/chronology/quotes';
import { extractEntities } from '../core/analysis/entities';
import { parseWirePage } from '../core/import/parse';
import { syntheticStory } from './corpus';

// `npm run -s bench -- --chronology 200`: drafting the chronology of a dossier of N
// wire-length stories (the synthetic corpus's articles, dated a day apart) and extracting
// their quotes, as the dossier view asks for it. Median of five runs after a warm-up.

export interface ChronologyFigures {
  stories: number;
  draftMs: number;
  quotesMs: number;
  lines: number;
  quotes: number;
}

export function benchChronology(count: number): ChronologyFigures {
  const stories: (ChronologyStory & { entities: { key: string; name: string }[] })[] = [];
  for (let i = 0; stories.length < count; i++) {
    const parsed = parseWirePage(syntheticStory(i));
    const article = parsed.ok ? parsed.page.article : null;
    if (!article) continue;
    const date = new Date(Date.UTC(2024, 0, 1 + stories.length)).toISOString().slice(0, 10);
    const people = extractEntities(article).filter((e) => e.kind === 'person').map((e) => ({ key: e.key, name: e.name }));
    stories.push({ id: `s${i}`, date, paragraphs: article.body.map((block) => block.text), entities: people });
  }
  const median = (run: () => number) => {
    run();
    const times = Array.from({ length: 5 }, run).sort((a, b) => a - b);
    return Math.round(times[2]! * 10) / 10;
  };
  let lines = 0;
  let quotes = 0;
  const draftMs = median(() => {
    const started = performance.now();
    lines = draftChronology(stories).length;
    return performance.now() - started;
  });
  const quotesMs = median(() => {
    const started = performance.now();
    quotes = 0;
    for (const story of stories) quotes += extractQuotes({ id: story.id, date: story.date, paragraphs: story.paragraphs, people: story.entities }).length;
    return performance.now() - started;
  });
  return { stories: count, draftMs, quotesMs, lines, quotes };
}
