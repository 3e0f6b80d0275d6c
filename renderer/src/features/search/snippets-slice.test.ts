import { describe, expect, it } from 'vitest';
import { createAppStore, startApp } from '../../store/index';
import { FakeService, makeStory } from '../../test/fake-service';
import { SNIPPET_DELAY_MS } from './snippets-slice';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('snippets while typing', () => {
  it('asks for the snippets of the rows on screen once the list has stood, not between two keys', async () => {
    const service = new FakeService([
      makeStory({ id: 'a1', headline: 'Poetin ontvangt Kim Jong-un in Wladiwostok', publishedAt: '2023-09-13' }),
      makeStory({ id: 'a2', headline: 'Kim en Poetin spreken over wapens', publishedAt: '2023-09-14' }),
    ]);
    const store = createAppStore({ client: service.client, storage: null, languages: ['nl-NL'] });
    await startApp(store);
    await store.getState().settled();
    const snippetCalls = () => service.calls.filter((call) => call.method === 'stories.snippets').map((call) => (call.input as { query: string }).query);
    const shown = async (text: string) => {
      for (let waited = 0; store.getState().renderedQuery !== text; waited += 5) {
        if (waited > 2_000) throw new Error(`the list never answered ${text}`);
        await sleep(5);
      }
    };

    store.getState().setSearchInput('poetin');
    await shown('poetin');
    // The list shows its first rows (as StoryList asks when they are on screen).
    store.getState().ensureRows(0, 2);
    // The next key comes before the snippets' quiet time is over: they are not asked for.
    await sleep(SNIPPET_DELAY_MS / 3);
    store.getState().setSearchInput('poetin k');
    await sleep(SNIPPET_DELAY_MS * 1.5);
    expect(snippetCalls()).toEqual([]);
    // The list of the last key stands: its rows' snippets, once.
    store.getState().flushSearch();
    await shown('poetin k');
    store.getState().ensureRows(0, 2);
    await sleep(SNIPPET_DELAY_MS * 2);
    expect(snippetCalls()).toEqual(['poetin k']);
    // A key typed and taken back before the list followed: no new list, and the rows still get their snippets.
    store.getState().forgetSnippets();
    const lists = service.calls.filter((call) => call.method === 'stories.list').length;
    store.getState().setSearchInput('poetin k');
    await sleep(SNIPPET_DELAY_MS * 2);
    expect(service.calls.filter((call) => call.method === 'stories.list')).toHaveLength(lists);
    expect(snippetCalls()).toEqual(['poetin k', 'poetin k']);
  });
});
