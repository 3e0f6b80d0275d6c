import type { Snippet } from '../../../../shared/contract/searches';
import { MAX_SNIPPET_IDS } from '../../../../shared/contract/searches';
import { rowAt } from '../library/list-slice';
import type { SnippetsSlice } from './search-types';
import type { SliceCreator } from '../../store/types';

// Snippets (the matched passage of each result) for the rows on screen only: the list
// is virtual, and a common word matches tens of thousands of stories. Asked for once
// scrolling or typing pauses; a row keeps the snippet it has (of the last query) until
// the new one arrives, so rows do not flicker while the editor types.
//
// Not while the editor types: snippets asked for between two keystrokes (60 ms after a list,
// at a brisk 120 ms a key) were worked out by the service while the next key's list waited
// behind them, for a list that was already being replaced. A key typed holds them (see
// holdSnippets), and they are asked for once the list has stood for SNIPPET_DELAY_MS.

/** Quiet time after the visible rows change before their snippets are asked for. */
export const SNIPPET_DELAY_MS = 150;

export interface RowSnippet {
  /** The search text this snippet answers. */
  query: string;
  snippet: Snippet | null;
}

export const createSnippetsSlice: SliceCreator<SnippetsSlice> = (set, get, { client }) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let range = { start: 0, end: 0 };
  const asked = new Set<string>();

  async function fetchVisible() {
    timer = null;
    const { renderedQuery, listSearched, pages, snippets } = get();
    const query = listQueryText(renderedQuery);
    if (!query || !listSearched) return;
    const ids: string[] = [];
    for (let index = range.start; index < range.end && ids.length < MAX_SNIPPET_IDS; index++) {
      const row = rowAt(pages, index);
      if (!row) continue;
      const key = `${query}\u0000${row.id}`;
      if (snippets.get(row.id)?.query === query || asked.has(key)) continue;
      asked.add(key);
      ids.push(row.id);
    }
    if (ids.length === 0) return;
    try {
      const answer = await client.call('stories.snippets', { query, ids });
      if (listQueryText(get().renderedQuery) !== query) return;
      set((state) => {
        // Only this query's snippets stay (older ones were kept until now to avoid flicker).
        const next = new Map<string, RowSnippet>();
        for (const [id, entry] of state.snippets) if (entry.query === query) next.set(id, entry);
        for (const { id, snippet } of answer) next.set(id, { query, snippet });
        return { snippets: next };
      });
    } catch {
      // Snippets are an aid: the rows stay as they are, and a later scroll asks again.
    } finally {
      for (const id of ids) asked.delete(`${query}\u0000${id}`);
    }
  }

  return {
    snippets: new Map(),
    wantSnippets(start, end) {
      range = { start, end };
      // Only a search's results have snippets (listSearched implies a search text).
      if (!get().listSearched) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void fetchVisible(), SNIPPET_DELAY_MS);
    },
    forgetSnippets() {
      set({ snippets: new Map() });
    },
    holdSnippets() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    resumeSnippets() {
      get().wantSnippets(range.start, range.end);
    },
  };
};

/** The search text as the list sends it (see composeListQuery), '' when not searching. */
export function listQueryText(renderedQuery: string | null): string {
  return (renderedQuery ?? '').trim().slice(0, 1_000);
}
