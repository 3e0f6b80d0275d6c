import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../shared/contract/envelope';
import type { ListPage } from '../../../../shared/contract/library';
import type { Facets, StorySnippet } from '../../../../shared/contract/searches';
import { openKroniek } from '../../app';
import { withTempDir } from '../../store/test/helpers';

const SEEDS = path.resolve(import.meta.dirname, '../../../../seeds');

/** The sample library, indexes ready, with `call` over the real dispatcher. */
async function withSeeds(run: (call: <T>(method: string, input: unknown) => Promise<T>) => Promise<void>) {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: dir, seedsDir: SEEDS });
    const call = async <T>(method: string, input: unknown) => unwrap(await core.dispatch(method, input)) as T;
    try {
      await call('library.ready', {});
      await run(call);
    } finally {
      await core.close();
    }
  });
}

describe('counts that follow the query', () => {
  it('counts the hits of each kind whatever the kind filter, as the list would show them', async () => {
    await withSeeds(async (call) => {
      const all = await call<ListPage>('stories.list', { query: 'oekraine ' });
      const articles = await call<ListPage>('stories.list', { query: 'oekraine ', kind: 'article' });
      const briefs = await call<ListPage>('stories.list', { query: 'oekraine ', kind: 'brief' });
      expect(articles.total).toBeGreaterThan(0);
      expect(briefs.total).toBeGreaterThan(0);
      expect(all.total).toBe(articles.total + briefs.total);
      for (const page of [all, articles, briefs]) expect(page.kinds).toEqual({ article: articles.total, brief: briefs.total });
      expect(new Set(all.items.map((item) => item.kind))).toEqual(new Set(['article', 'brief']));
      // Other filters narrow the counts too.
      const moscow = await call<ListPage>('stories.list', { query: 'oekraine ', kind: 'article', place: 'MOSKOU' });
      const moscowAll = await call<ListPage>('stories.list', { query: 'oekraine ', place: 'MOSKOU' });
      expect(moscow.kinds).toEqual(moscowAll.kinds);
      expect(moscowAll.total).toBe(moscow.kinds!.article + moscow.kinds!.brief);
      // Snippets of the rows on screen: the text around the first match, marked as written.
      const snippets = await call<StorySnippet[]>('stories.snippets', { query: 'oekraine ', ids: [...all.items.map((item) => item.id), 'x-none'] });
      expect(snippets.map((item) => item.id)).toEqual([...all.items.map((item) => item.id), 'x-none']);
      expect(snippets.at(-1)!.snippet).toBeNull();
      const marked = snippets.flatMap(({ snippet }) => (snippet ? snippet.highlights.map(([start, end]) => snippet.text.slice(start, end)) : []));
      expect(marked).toContain('Oekraïne');
      expect(new Set(marked.map((word) => word.slice(0, 6)))).toEqual(new Set(['Oekraï']));
      for (const [index, item] of all.items.entries()) {
        const story = await call<{ body: { text: string }[] }>('stories.get', { id: item.id });
        const text = story.body.map((block) => block.text.replace(/\s+/g, ' ')).join(' ');
        expect(text, item.id).toContain(snippets[index]!.snippet!.text);
      }
      // Asked again (the cache), and after an edit (afresh): the same answer.
      expect(await call<StorySnippet[]>('stories.snippets', { query: 'oekraine ', ids: [all.items[0]!.id] })).toEqual([snippets[0]]);
      await call('stories.setNote', { id: all.items[0]!.id, note: 'nagaan' });
      expect(await call<StorySnippet[]>('stories.snippets', { query: 'oekraine ', ids: [all.items[0]!.id] })).toEqual([snippets[0]]);
      // The snippets mark what the search marks: not a stopword being typed that it left out.
      const typing = await call<ListPage>('stories.list', { query: 'poetin een' });
      expect(typing.total).toBe((await call<ListPage>('stories.list', { query: 'poetin een ' })).total);
      expect(typing.highlight).toEqual(['poetin']);
      const typed = await call<StorySnippet[]>('stories.snippets', { query: 'poetin een', ids: typing.items.map((item) => item.id) });
      const typedMarks = typed.flatMap(({ snippet }) => (snippet ? snippet.highlights.map(([start, end]) => snippet.text.slice(start, end).toLowerCase()) : []));
      expect(typedMarks).toContain('poetin');
      expect(typedMarks).not.toContain('een');
      // Browsing counts the whole (filtered) library.
      const status = await call<{ counts: { articles: number; briefs: number } }>('library.status', {});
      const browse = await call<ListPage>('stories.list', { kind: 'article' });
      expect(browse.kinds).toEqual({ article: status.counts.articles, brief: status.counts.briefs });
    });
  });

  it('counts facet values and tags among the stories the search matches, each facet ignoring its own filter', async () => {
    await withSeeds(async (call) => {
      const library = await call<Facets>('stories.facets', {});
      const searched = await call<Facets>('stories.facets', { query: 'oekraine ' });
      const count = (facets: Facets, place: string) => facets.places.find((facet) => facet.value === place)?.count ?? 0;
      const hits = await call<ListPage>('stories.list', { query: 'oekraine ', limit: 1000 });
      // Every place count is the number of listed hits from there.
      for (const facet of searched.places) {
        const listed = await call<ListPage>('stories.list', { query: 'oekraine ', place: facet.value });
        expect(listed.total, facet.value).toBe(facet.count);
      }
      expect(searched.places.reduce((sum, facet) => sum + facet.count, 0)).toBe(hits.items.filter((item) => item.dateline.place).length);
      expect(count(library, 'PYONGYANG')).toBeGreaterThan(count(searched, 'PYONGYANG'));
      // The place filter leaves the other places on offer; the agency facet follows it.
      const inMoscow = await call<Facets>('stories.facets', { query: 'oekraine ', place: 'MOSKOU' });
      expect(inMoscow.places).toEqual(searched.places);
      const moscowHits = await call<ListPage>('stories.list', { query: 'oekraine ', place: 'MOSKOU' });
      expect(inMoscow.agencies.reduce((sum, facet) => sum + facet.count, 0)).toBe(moscowHits.items.reduce((sum, item) => sum + item.dateline.agencies.length, 0));
      // The kind filter counts only that kind.
      const briefFacets = await call<Facets>('stories.facets', { query: 'oekraine ', kind: 'brief' });
      const briefHits = await call<ListPage>('stories.list', { query: 'oekraine ', kind: 'brief' });
      expect(briefFacets.places.reduce((sum, facet) => sum + facet.count, 0)).toBe(briefHits.items.filter((item) => item.dateline.place).length);
      // Tags count the matching stories that carry them.
      const tag = await call<{ id: string }>('tags.create', { name: 'Oorlog' });
      const tagged = hits.items.slice(0, 2).map((item) => item.id);
      await call('tags.apply', { addTagIds: [tag.id], storyIds: tagged });
      const other = (await call<ListPage>('stories.list', { query: 'kansas ' })).items[0]!.id;
      await call('tags.apply', { addTagIds: [tag.id], storyIds: [other] });
      expect((await call<Facets>('stories.facets', {})).tags).toEqual([{ value: tag.id, count: 3 }]);
      expect((await call<Facets>('stories.facets', { query: 'oekraine ' })).tags).toEqual([{ value: tag.id, count: 2 }]);
      expect((await call<Facets>('stories.facets', { query: 'nergensvoorkomendwoord ' })).tags).toEqual([]);
    });
  });
});
