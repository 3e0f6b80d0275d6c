import type { StorySnippet } from '../../../../shared/contract/searches';
import type { BodyBlock } from '../../../../shared/types';
import { highlightMatcher } from '../../search/highlight';
import { parseQuery } from '../../search/query';
import { snippetOf } from '../../search/snippet';
import type { MetaDoc } from '../../store/meta';
import type { ServiceContext } from '../../service/context';

// Snippets for the rows on screen (the list is virtual and asks for those only).
// Bodies come from the store a few at a time (LibraryStore.bodiesOf), and the texts of
// the last stories asked for are kept while the library is unchanged: typing a search
// asks again for mostly the same rows, one keystroke after another.

/** Stories whose text is kept between calls (~2 kB each). */
const KEPT_TEXTS = 1_000;

interface TextCache {
  meta: MetaDoc;
  texts: Map<string, string[]>;
}

const caches = new WeakMap<object, TextCache>();

export async function storySnippets(ctx: ServiceContext, input: { query: string; ids: string[] }): Promise<StorySnippet[]> {
  // The words the search itself marks (the list's answer: with the other names and compounds it
  // also searched, without a stopword being typed that it left out); the query's own words when
  // there is no answer to ask for.
  const marked = input.query.trim() ? await ctx.search.highlight(input.query).catch(() => null) : null;
  // Read once for the page's rows: their words are folded and matched once each.
  const highlight = highlightMatcher(marked ?? parseQuery(input.query).highlight);
  const texts = await textsOf(ctx, [...new Set(input.ids)]);
  return input.ids.map((id) => {
    const blocks = texts.get(id);
    return { id, snippet: blocks ? snippetOf(withoutHeadline(ctx, id, blocks), highlight) : null };
  });
}

/**
 * A brief's headline is its text's first sentence, which the row shows already: the
 * snippet comes from what follows it (the whole text when that is all there is).
 */
function withoutHeadline(ctx: ServiceContext, id: string, blocks: string[]): string[] {
  const head = ctx.store.head(id);
  const first = blocks[0];
  if (head?.kind !== 'brief' || first === undefined || !head.headline) return blocks;
  const text = first.trimStart();
  if (!text.startsWith(head.headline)) return blocks;
  const rest = text.slice(head.headline.length).trim();
  if (!rest && blocks.length === 1) return blocks;
  return rest ? [rest, ...blocks.slice(1)] : blocks.slice(1);
}

/** Paragraph texts by story id, from the cache or the store (live stories only). */
async function textsOf(ctx: ServiceContext, ids: string[]): Promise<Map<string, string[]>> {
  const store = ctx.store;
  let cache = caches.get(store);
  // Any commit (an edit, a new version, a deletion) starts afresh: meta is replaced, never changed.
  if (!cache || cache.meta !== store.meta) caches.set(store, (cache = { meta: store.meta, texts: new Map() }));
  const found = new Map<string, string[]>();
  const missing: string[] = [];
  for (const id of ids) {
    const kept = cache.texts.get(id);
    if (kept) {
      // Most recently used last.
      cache.texts.delete(id);
      cache.texts.set(id, kept);
      found.set(id, kept);
    } else missing.push(id);
  }
  if (missing.length > 0) {
    const bodies = await store.bodiesOf(missing);
    if (cache.meta === store.meta) {
      for (const [id, body] of bodies) {
        const text = paragraphs(body);
        found.set(id, text);
        cache.texts.set(id, text);
      }
      while (cache.texts.size > KEPT_TEXTS) cache.texts.delete(cache.texts.keys().next().value!);
    } else for (const [id, body] of bodies) found.set(id, paragraphs(body));
  }
  return found;
}

function paragraphs(body: BodyBlock[]): string[] {
  return Array.isArray(body) ? body.map((block) => (typeof block?.text === 'string' ? block.text : '')) : [];
}
