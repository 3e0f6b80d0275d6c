import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWirePage } from '../../import/parse';
import type { EntityStoryInput } from '../entities';

// Test support: the five sample pages in `seeds/`, parsed with the importer's parser
// into their articles and briefs.

export interface SeedStory extends EntityStoryInput {
  id: string;
  kind: 'article' | 'brief';
}

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../seeds');

export function loadSeedStories(): SeedStory[] {
  const stories: SeedStory[] = [];
  const files = readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const parsed = parseWirePage(readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
    if (!parsed.ok || !parsed.page.article) throw new Error(`seed ${file} did not parse as an article page`);
    const stem = file.replace(/\.txt$/, '');
    const { article, briefs } = parsed.page;
    stories.push({ id: `${stem}/article`, kind: 'article', headline: article.headline, dateline: article.dateline, body: article.body });
    briefs.forEach((brief, index) => {
      stories.push({
        id: `${stem}/brief-${index}`,
        kind: 'brief',
        headline: brief.headline,
        dateline: brief.dateline,
        body: [{ type: 'paragraph', text: brief.text }],
      });
    });
  }
  return stories;
}
