import { draftChronology, type ChronologyStory } from '../core/analysis/chronology/draft';
import { storyQuotes } from '../core/analysis/chronology/quote-index';
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

export interface QuoteCostFigures {
  stories: number;
  /** CPU per story (median of five passes), microseconds. */
  entitiesUs: number;
  quotesUs: number;
  quotes: number;
}

/**
 * `npm run -s bench -- --quotes N`: what extracting quotes costs per story in the background
 * build (storyQuotes over the story's body and its already extracted entities), beside the
 * entity extraction the same step does. Median of five passes after a warm-up.
 */
export function benchQuoteCost(count: number): QuoteCostFigures {
  const stories: { id: string; paragraphs: string[]; article: Parameters<typeof extractEntities>[0] }[] = [];
  for (let i = 0; stories.length < count; i++) {
    const parsed = parseWirePage(syntheticStory(i));
    const article = parsed.ok ? parsed.page.article : null;
    if (!article) continue;
    stories.push({ id: `s${i}`, paragraphs: article.body.map((block) => block.text), article });
  }
  const entities = stories.map((story) => extractEntities(story.article));
  const median = (run: () => number) => {
    run();
    const times = Array.from({ length: 5 }, run).sort((a, b) => a - b);
    return Math.round((times[2]! * 1000 * 10) / count) / 10;
  };
  let quotes = 0;
  const entitiesUs = median(() => {
    const started = performance.now();
    for (const story of stories) extractEntities(story.article);
    return performance.now() - started;
  });
  const quotesUs = median(() => {
    const started = performance.now();
    quotes = 0;
    stories.forEach((story, k) => (quotes += storyQuotes(story.id, story.paragraphs, entities[k]!).length));
    return performance.now() - started;
  });
  return { stories: count, entitiesUs, quotesUs, quotes };
}
