import type { StoryHead } from '../../store/meta';

// Searches the library runs on its own once its indexes are ready, before the editor's
// first: the search code (the query's parsing, the posting lists' intersection, the
// page's order, on both threads) ran cold in the first searches after opening. At 52,000
// stories the first 30 of 200 searches took up to 15 ms, the same ones ~1 ms run again.
// The words come from the library's own headlines, so the searches find something and take
// the paths a real search takes: two words with the second still being typed (a prefix, as
// every keystroke in the search box asks), two finished words, the two as a quoted phrase,
// and a word's first letters.
// The indexing worker runs the first of them itself before it says it is ready (its own
// part of each search, without the round trips: indexing/warm-up.ts); the library runs all
// of them through the list as well (both threads' code), each once the editor is quiet.
// Each waits until the editor's requests have paused for WARM_QUIET_MS: waiting only until
// none was in flight, a warm-up search slipped in between searches sent one after another
// (typing; the benchmark's 200 right after ready), and each of those waited for one. At
// 67,000 stories the 200 right after ready: p95 4.5–6.5 → 4.0–5.8 ms (BENCHMARKS.md, session 26).

/** How many searches warm the code: the slow first searches were about the first 30. */
export const WARM_SEARCHES = 48;
/** A warm-up search waits until no request of the editor began for this long. */
export const WARM_QUIET_MS = 30;

/** Up to `count` queries made of words (five letters or more) of the first headlines that have two. */
export function warmQueries(heads: Iterable<StoryHead>, count = WARM_SEARCHES): string[] {
  const queries: string[] = [];
  for (const head of heads) {
    if (queries.length >= count) break;
    const words = head.headline.match(/\p{L}{5,}/gu);
    if (!words || words.length < 2) continue;
    const [first, second] = [words[0]!.toLowerCase(), words[1]!.toLowerCase()];
    // No trailing space: the last word is being typed (a prefix); a trailing space: it is finished.
    queries.push(`${first} ${second}`, `${first} ${second} `, `"${first} ${second}"`, first.slice(0, 3));
  }
  return queries.slice(0, count);
}
