import type { StoryContent } from '../../store/meta';
import { fakeStory } from '../../store/test/helpers';

// Three topics in rotation, each story with words of its own, over several content segments.
const TOPICS = ['storm bomen windstoten schade', 'kabinet coalitie verkiezingen kamer', 'feyenoord ajax klassieker doelpunt'];

/** Story `s<n>`: its topic's words plus one word only it has (`verslag<n>woord`). */
export function topicStory(n: number): StoryContent {
  const content = fakeStory(`s${n}`, `Bericht ${n}`);
  content.head.contentHash = `hash-${n}`;
  content.body = [{ type: 'paragraph', text: `${TOPICS[n % 3]} verslag${n}woord en meer over ${TOPICS[n % 3]}.` }];
  return content;
}
