import { setImmediate as nextTurn } from 'node:timers/promises';

// The worker's search code (the query's parsing, the posting lists' decoding and their
// intersection) runs in V8's interpreter until it has run often enough to be compiled: at
// 52,000 stories the first search after the indexes became ready took 15–45 ms and the
// second 8–30 ms, where the same searches take ~1 ms a moment later (the loops over tens of
// thousands of postings are ~50 times slower interpreted). So once its indexes are ready the
// worker runs a few searches of the library's own words (the main process picks them from
// its headlines, warm-search.ts) before it tells `whenReady` so; each in a turn of its own,
// so that a request that comes meanwhile waits for at most one.

/**
 * Runs `search` for each query, a turn of the event loop apart, until `budgetMs` have gone
 * by since the first (a search over a large library costs more, and a few of them warm the
 * code as well); returns how many ran. A failing one ends the warm-up: the editor's own
 * searches will do.
 */
export async function warmUp(queries: readonly string[], search: (query: string) => void, budgetMs = Infinity, now = () => performance.now()): Promise<number> {
  let ran = 0;
  const start = now();
  for (const query of queries) {
    await nextTurn();
    if (now() - start >= budgetMs) break;
    try {
      search(query);
    } catch {
      break;
    }
    ran++;
  }
  return ran;
}
