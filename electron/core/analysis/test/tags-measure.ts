import { fold } from '../../text/dutch';
import { extractEntities } from '../entities';
import { suggestTags } from '../suggest-tags';
import type { TagStory } from './tags-labelled';

// Tag-suggestion figures on labelled stories (docs/QUALITY.md, issue 16): precision of the
// suggestions shown (the default limit of 10), stories with a garbled tag (a wrong tag that
// shares a word with a right one: a fragment, a name glued to a role word, a name cut short),
// and recall of the people each story names.

export interface TagQuality {
  suggested: number;
  right: number;
  people: number;
  peopleFound: number;
  garbledStories: number;
  wrong: string[];
  missedPeople: string[];
}

export function measureTags(stories: TagStory[]): TagQuality {
  const quality: TagQuality = { suggested: 0, right: 0, people: 0, peopleFound: 0, garbledStories: 0, wrong: [], missedPeople: [] };
  for (const story of stories) {
    const entities = extractEntities({ headline: story.headline, dateline: { place: story.place, agencies: [] }, body: story.body.map((text) => ({ type: 'paragraph', text })) });
    const suggestions = suggestTags(entities, [], []).map((tag) => tag.name);
    const accepted = new Set([...story.people, ...story.tags].map((name) => fold(name)));
    const labelWords = new Set([...story.people, ...story.tags].flatMap((name) => fold(name).split(/[\s-]+/u)));
    let garbled = false;
    for (const name of suggestions) {
      quality.suggested++;
      if (accepted.has(fold(name))) {
        quality.right++;
        continue;
      }
      quality.wrong.push(`${story.id}: ${name}`);
      if (fold(name).split(/[\s-]+/u).some((word) => labelWords.has(word))) garbled = true;
    }
    if (garbled) quality.garbledStories++;
    const found = new Set(suggestions.map((name) => fold(name)));
    for (const person of story.people) {
      quality.people++;
      if (found.has(fold(person))) quality.peopleFound++;
      else quality.missedPeople.push(`${story.id}: ${person}`);
    }
  }
  return quality;
}

const percent = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '100.0'}% (${part}/${whole})`;

export function tagQualityTable(quality: TagQuality): string {
  return [
    '| figure | measured | target |',
    '|---|---|---|',
    `| tag precision (suggestions an editor accepts) | ${percent(quality.right, quality.suggested)} | ≥ 98% |`,
    `| stories with a garbled tag | ${quality.garbledStories} | 0 |`,
    `| recall of the people a story names | ${percent(quality.peopleFound, quality.people)} | ≥ 95% |`,
  ].join('\n');
}
