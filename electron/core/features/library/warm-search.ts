import type { StoryHead } from '../../store/meta';

// Searches the library runs on its own once its indexes are ready, before the editor's
// first: the search code (the query's parsing, the posting lists' intersection, the
// page's order, on both threads) ran cold in the first searches after opening. At 52,000
// stories the first 30 of 200 searches took up to 15 ms, the same ones ~1 ms run again.
// The words come from the library's own headlines, so the searches find something and take
// the paths a real search takes: whole words, a word being typed, two words.

/** How many searches warm the code: the slow first searches were about the first 30. */
export const WARM_SEARCHES = 48;

/** Up to `count` queries made of words (five letters or more) of the first headlines that have two. */
export function warmQueries(heads: Iterable<StoryHead>, count = WARM_SEARCHES): string[] {
  const queries: string[] = [];
  for (const head of heads) {
    if (queries.length >= count) break;
    const words = head.headline.match(/\p{L}{5,}/gu);
    if (!words || words.length < 2) continue;
    const [first, second] = [words[0]!.toLowerCase(), words[1]!.toLowerCase()];
    // A trailing space: the word is finished (no prefix expansion); none: the word is being typed.
    queries.push(`${first} ${second} `, first.slice(0, 3), `${second} `);
  }
  return queries.slice(0, count);
}
