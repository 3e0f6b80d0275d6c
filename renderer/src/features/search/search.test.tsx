import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListPage, ListQuery } from '../../../../shared/contract/library';
import type { SavedSearchItem } from '../../../../shared/contract/searches';
import type { Story } from '../../../../shared/types';
import { FakeService, makeStory } from '../../test/fake-service';
import { openRealCore, story, type RealCore, type StoryOptions } from '../../test/real-core';
import { renderApp } from '../../test/render-app';
import { SNIPPET_DELAY_MS } from './snippets-slice';

// These tests run against the real core in-process (real search index, Dutch folding,
// highlighting, facets, saved searches), except the one that must hold answers back and
// release them out of order, which only a fake can do.

const LIBRARY: { id: string; headline: string; date: string; options: StoryOptions }[] = [
  { id: 'a1', headline: 'Poetin dankt Kim voor steun in oorlog Oekraïne', date: '2024-06-19', options: { place: 'PYONGYANG', agencies: ['ANP', 'RTR'] } },
  { id: 'a2', headline: 'Kim biedt Rusland zijn volledige steun aan', date: '2023-06-12', options: { place: 'PYONGYANG', agencies: ['ANP', 'AFP'] } },
  { id: 'a3', headline: 'Noord-Koreaanse leider vertrekt uit Rusland', date: '2023-09-17', options: { place: 'VLADIVOSTOK', agencies: ['ANP'] } },
  { id: 'a4', headline: 'Poetin op bezoek in Noord-Korea', date: '2024-06-18', options: { place: 'MOSKOU', agencies: ['RTR'], section: 'Politiek' } },
];

let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

/** The real core with the four articles (and any `more` stories), dated. */
async function realLibrary(more: { id: string; headline: string; options: StoryOptions }[] = []) {
  real = await openRealCore();
  await real.addStories([...LIBRARY, ...more].map((entry) => story(entry.id, entry.headline, { text: 'Een bericht.', ...entry.options })));
  for (const entry of LIBRARY) await real.call('stories.setDate', { id: entry.id, date: entry.date });
  return real;
}

/** The same four articles for the fake service. */
function library(): Story[] {
  return LIBRARY.map((entry) => makeStory({ id: entry.id, headline: entry.headline, publishedAt: entry.date, dateline: { place: entry.options.place!, agencies: entry.options.agencies! } }));
}

const storyList = () => screen.findByRole('listbox', { name: /stories/i });
const headlines = (list: HTMLElement) => within(list).getAllByRole('option').map((o) => o.querySelector('.row-headline')?.textContent);
const searchBox = () => screen.getByRole('searchbox', { name: 'Search stories' });

/** A page as the fake service answers it, for overrides that control when answers arrive. */
function pageFor(stories: Story[], query: ListQuery): ListPage {
  const words = (query.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const items = stories.filter((s) => words.every((w) => s.headline.toLowerCase().includes(w)));
  return { total: items.length, offset: 0, items, highlight: words, ...(words.length ? { scores: items.map(() => 1) } : {}) };
}

describe('search box', () => {
  it('lists what is typed, marks the matches, counts results and sorts by relevance', async () => {
    const user = userEvent.setup();
    const service = await realLibrary();
    renderApp(service);
    await storyList();
    await user.type(searchBox(), 'poetin');
    // The debounce sends the last keystroke's query after a pause: wait for it, then read the list.
    await waitFor(() => expect(service.callsOf('stories.list').at(-1)).toMatchObject({ query: 'poetin', sort: 'relevance' }));
    const list = await storyList();
    // In the order the core ranks them.
    const ranked = await service.call<ListPage>('stories.list', { query: 'poetin', sort: 'relevance', kind: 'article' });
    expect(ranked.items.map((item) => item.headline).sort()).toEqual(['Poetin dankt Kim voor steun in oorlog Oekraïne', 'Poetin op bezoek in Noord-Korea']);
    await waitFor(() => expect(headlines(list)).toEqual(ranked.items.map((item) => item.headline)));
    expect(Array.from(list.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['Poetin', 'Poetin']);
    expect(screen.getByText('2 results')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveTextContent('Relevance');
  });

  it('never shows an older answer after a newer one, whatever order they arrive in', async () => {
    const stories = library();
    const service = new FakeService(stories);
    const answers: { query: string; answer(): void }[] = [];
    const { store } = renderApp(service);
    await storyList();
    service.overrides['stories.list'] = (input) =>
      new Promise<ListPage>((resolve) => answers.push({ query: input.query ?? '', answer: () => resolve(pageFor(stories, input)) }));

    act(() => store.getState().setSearchInput('kim'));
    await waitFor(() => expect(answers.map((a) => a.query)).toEqual(['kim']));
    act(() => store.getState().flushSearch());
    act(() => store.getState().replaceSearch('kim biedt'));
    await waitFor(() => expect(answers.map((a) => a.query)).toEqual(['kim', 'kim biedt']));
    // The newer answer first, then the stale one: the list keeps the newer.
    await act(async () => answers[1]!.answer());
    await act(async () => answers[0]!.answer());
    const list = await storyList();
    expect(headlines(list)).toEqual(['Kim biedt Rusland zijn volledige steun aan']);
    expect(store.getState().renderedQuery).toBe('kim biedt');
  });

  it('brings the full list back at once when the box is emptied, and sends the next key without waiting', async () => {
    // A fake: which keystrokes are sent depends on how fast answers come, and the fake answers at once.
    const service = new FakeService(library());
    const { store } = renderApp(service);
    await storyList();
    const queries = () => service.callsOf('stories.list').map((call) => (call as ListQuery).query ?? '');
    // The clock stands still while the keys are typed: on a loaded machine more than the
    // debounce could pass between two act() calls, and 'ki' would then rightly go at once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      act(() => store.getState().setSearchInput('k'));
      act(() => store.getState().setSearchInput('ki'));
      act(() => store.getState().setSearchInput(''));
      act(() => store.getState().setSearchInput('p'));
      await act(async () => {});
      // 'ki' was typed within the debounce and is never sent; '' and 'p' go at once, no timer in between.
      expect(queries().slice(-3)).toEqual(['k', '', 'p']);
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(store.getState().searchQuery).toBe('p'));
    expect(queries().slice(-3)).toEqual(['k', '', 'p']);
  });

  it('focuses with / and Ctrl+F, clears with Escape, and goes on to the results with ArrowDown', async () => {
    const user = userEvent.setup();
    renderApp(await realLibrary());
    const list = await storyList();
    act(() => within(list).getAllByRole('option')[0]!.focus());
    await user.keyboard('/');
    expect(searchBox()).toHaveFocus();
    await user.keyboard('rusland');
    // Articles and briefs in one list, with a count per kind.
    const kinds = await screen.findByRole('group', { name: 'Show' });
    await waitFor(() => expect(Array.from(within(kinds).getAllByRole('button'), (button) => button.textContent)).toEqual(['All 2', 'Articles 2', 'Briefs 0']));
    expect(within(kinds).getByRole('button', { pressed: true })).toHaveTextContent('All 2');
    await waitFor(() => expect(headlines(list)).toHaveLength(2));
    await user.keyboard('{Escape}');
    expect(searchBox()).toHaveProperty('value', '');
    await waitFor(() => expect(headlines(list)).toHaveLength(4));
    await user.keyboard('{Control>}f{/Control}');
    expect(searchBox()).toHaveFocus();
    await user.keyboard('noord{ArrowDown}');
    await waitFor(() => expect(within(list).getByRole('option', { name: /Poetin op bezoek in Noord-Korea/ })).toHaveFocus());
    await user.keyboard('{ArrowDown}{Enter}');
    const reader = screen.getByRole('region', { name: 'Reader' });
    expect(await within(reader).findByRole('heading', { level: 2, name: 'Noord-Koreaanse leider vertrekt uit Rusland' })).toBeInTheDocument();
    // The reader marks the same matches.
    expect(Array.from(reader.querySelectorAll('h2 mark'), (m) => m.textContent)).toEqual(['Noord']);
  });

  it('says so when nothing matches, with a way back', async () => {
    const user = userEvent.setup();
    renderApp(await realLibrary());
    await storyList();
    await user.type(searchBox(), 'zzzz');
    expect(await screen.findByRole('heading', { name: 'No stories match' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(headlines(await storyList())).toHaveLength(4);
  });
});

describe('filters', () => {
  it('combine with the search, show as chips that remove one filter, and clear all at once', async () => {
    const user = userEvent.setup();
    const service = await realLibrary();
    renderApp(service);
    await storyList();
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const panel = screen.getByRole('group', { name: 'Filters' });
    const place = within(panel).getByRole('combobox', { name: 'Place' });
    await waitFor(() => expect(within(place).getByRole('option', { name: 'PYONGYANG (2)' })).toBeInTheDocument());
    await user.selectOptions(place, 'PYONGYANG');
    await user.type(searchBox(), 'steun');
    await waitFor(() => expect(service.callsOf('stories.list').at(-1)).toMatchObject({ query: 'steun', place: 'PYONGYANG' }));
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(within(chips).getByText('Place: PYONGYANG')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');

    await user.click(within(panel).getByRole('checkbox', { name: 'Untagged' }));
    await user.click(within(chips).getByRole('button', { name: 'Remove filter Place: PYONGYANG' }));
    const last = service.callsOf('stories.list').at(-1) as ListQuery;
    expect(last).toMatchObject({ query: 'steun', untagged: true });
    expect(last.place).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
    expect(searchBox()).toHaveProperty('value', '');
    await waitFor(() => expect(service.callsOf('stories.list').at(-1)).toEqual({ kind: 'article', sort: 'date', dir: 'desc', offset: 0, limit: 100 }));
  });

  it('lets the kind widen the view to articles and briefs', async () => {
    const user = userEvent.setup();
    const service = await realLibrary([{ id: 'b1', headline: 'Kort bericht over Kim', options: { kind: 'brief' } }]);
    renderApp(service);
    await storyList();
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'all');
    await waitFor(() => expect(headlines(screen.getByRole('listbox', { name: /stories/i }))).toHaveLength(5));
    expect(service.callsOf('stories.list').at(-1)).not.toHaveProperty('kind');
    expect(screen.getByText('Kind: Articles and briefs')).toBeInTheDocument();
  });
});

describe('saved searches', () => {
  it('saves the search and filters under a name, reopens, renames and deletes it', async () => {
    const user = userEvent.setup();
    const service = await realLibrary();
    // Both Rusland stories are linked, so the saved search has results.
    await service.call('links.create', { from: 'a2', to: 'a3', type: 'related' });
    renderApp(service);
    await storyList();
    const nav = screen.getByRole('navigation', { name: 'Library' });
    expect(await within(nav).findByText(/None yet/)).toBeInTheDocument();

    await user.type(searchBox(), 'rusland');
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.click(screen.getByRole('checkbox', { name: 'Has links' }));
    await user.click(within(nav).getByRole('button', { name: 'Save search…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save search' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Rusland gelinkt{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await service.call<SavedSearchItem[]>('searches.list', {})).toEqual([{ id: expect.any(String), name: 'Rusland gelinkt', query: { query: 'rusland', hasLinks: true } }]);
    const saved = within(nav).getByRole('button', { name: 'Rusland gelinkt' });
    expect(saved).toHaveAttribute('aria-current', 'true');

    // Start over, then reopen it.
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(saved).not.toHaveAttribute('aria-current', 'true');
    await user.click(saved);
    expect(searchBox()).toHaveProperty('value', 'rusland');
    expect(screen.getByRole('checkbox', { name: 'Has links' })).toHaveProperty('checked', true);
    await waitFor(() => expect(service.callsOf('stories.list').at(-1)).toMatchObject({ query: 'rusland', hasLinks: true }));
    expect(service.callsOf('stories.list').at(-1)).not.toHaveProperty('kind');

    await user.click(within(nav).getByRole('button', { name: 'Rename saved search Rusland gelinkt' }));
    const rename = screen.getByRole('dialog', { name: 'Rename saved search' });
    await user.clear(within(rename).getByRole('textbox', { name: 'Name' }));
    await user.type(within(rename).getByRole('textbox', { name: 'Name' }), 'Rusland');
    await user.click(within(rename).getByRole('button', { name: 'Save' }));
    expect(await within(nav).findByRole('button', { name: 'Rusland' })).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Delete saved search Rusland' }));
    await waitFor(() => expect(within(nav).queryByRole('button', { name: 'Rusland' })).toBeNull());
    expect(within(nav).getByRole('status')).toHaveTextContent('Deleted saved search “Rusland”');
  });

  it('explains instead of saving when there is nothing to save', async () => {
    const user = userEvent.setup();
    renderApp(await realLibrary());
    await storyList();
    await user.click(screen.getByRole('button', { name: 'Save search…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save search' });
    expect(dialog).toHaveTextContent('Type a search or choose a filter first.');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('virtual list', () => {
  it('fetches the page for rows scrolled into view, with placeholders meanwhile', async () => {
    real = await openRealCore();
    const service = real;
    await service.addStories(Array.from({ length: 5_000 }, (_, i) => story(`s${i}`, `Verhaal ${String(i).padStart(4, '0')}`)));
    renderApp(service);
    const list = await storyList();
    expect(within(list).getAllByRole('option').length).toBeLessThan(40);
    const viewport = list.parentElement!;
    // No layout here: tell the list where it is scrolled to, as a browser would.
    let top = 0;
    Object.defineProperty(viewport, 'scrollTop', { get: () => top, set: (value: number) => (top = value), configurable: true });
    // The story the core lists at position 2,501.
    const [target] = (await service.call<ListPage>('stories.list', { kind: 'article', sort: 'date', dir: 'desc', offset: 2_500, limit: 1 })).items;
    // Rows of the height the list gives them.
    const rowHeight = parseFloat(list.style.getPropertyValue('--story-row-height'));
    expect(rowHeight).toBeGreaterThan(0);
    top = 2_500 * rowHeight;
    fireEvent.scroll(viewport);
    await waitFor(() => expect(within(list).getByRole('option', { name: new RegExp(target!.headline) })).toBeInTheDocument());
    const calls = service.callsOf('stories.list') as ListQuery[];
    expect(calls.some((call) => call.offset === 2_500 && call.limit === 100)).toBe(true);
    // Only pages near the scroll position were asked for, never the whole list.
    expect(calls.every((call) => (call.limit ?? 0) <= 100)).toBe(true);
    const row = within(list).getByRole('option', { name: new RegExp(target!.headline) });
    expect(row).toHaveAttribute('aria-posinset', '2501');
    expect(row).toHaveAttribute('aria-setsize', '5000');
  });
});

describe('virtual list, another query', () => {
  it('goes back to the top for another query, and leaves the scroll position alone when it is there', async () => {
    real = await openRealCore();
    const service = real;
    await service.addStories(Array.from({ length: 600 }, (_, i) => story(`s${i}`, `Stormschade ${String(i).padStart(3, '0')} in Zeeland`)));
    const user = userEvent.setup();
    renderApp(service);
    const list = await storyList();
    const viewport = list.parentElement!;
    // No layout here: tell the list where it is scrolled to, as a browser would; count the writes.
    let top = 0;
    let writes = 0;
    Object.defineProperty(viewport, 'scrollTop', {
      get: () => top,
      set: (value: number) => {
        top = value;
        writes++;
      },
      configurable: true,
    });
    top = 300 * parseFloat(list.style.getPropertyValue('--story-row-height'));
    fireEvent.scroll(viewport);
    await user.type(searchBox(), 'storm');
    const shown = () => document.querySelector('[data-query-rendered]');
    await waitFor(() => expect(shown()).toHaveAttribute('data-query-rendered', 'storm'));
    expect(top).toBe(0);
    // Back at the top once; the keystrokes after it found the list there.
    expect(writes).toBe(1);
    await user.type(searchBox(), 'schade');
    await waitFor(() => expect(shown()).toHaveAttribute('data-query-rendered', 'stormschade'));
    expect(writes).toBe(1);
  });
});

/** A brief and an article about Oekraïne besides the four articles. */
const ONE_LIST_MORE: { id: string; headline: string; options: StoryOptions }[] = [
  { id: 'b1', headline: 'Graanschip vertrekt', options: { kind: 'brief', place: 'ODESSA', text: 'Een graanschip is vanochtend uit de haven vertrokken. Het is het eerste schip sinds weken dat Oekraïne verlaat met <b>graan</b>.' } },
  { id: 'a5', headline: 'Overleg in Genève', options: { place: 'GENÈVE', agencies: ['AFP'], text: 'De delegaties spraken lang. Daarna ging het over de steun aan Oekraïne en over sancties.' } },
];

describe('one list of articles and briefs', () => {
  it('lists both kinds with counts and a kind bar, and shows the matched passage marked as written', async () => {
    const user = userEvent.setup();
    const service = await realLibrary(ONE_LIST_MORE);
    renderApp(service);
    const list = await storyList();
    await user.type(searchBox(), 'oekraine ');
    const kinds = await screen.findByRole('group', { name: 'Show' });
    await waitFor(() => expect(Array.from(within(kinds).getAllByRole('button'), (button) => button.textContent)).toEqual(['All 3', 'Articles 2', 'Briefs 1']));
    await waitFor(() => expect(headlines(list)).toHaveLength(3));
    // The brief is marked as one, and every row with text in its body shows where it matched.
    const brief = within(list).getByRole('option', { name: /Graanschip vertrekt/ });
    expect(brief.querySelector('.row-kind')).toHaveTextContent('Brief');
    await waitFor(() => expect(brief.querySelector('.row-snippet')).not.toBeNull());
    expect(brief.querySelector('.row-snippet')!.textContent).toContain('dat Oekraïne verlaat met <b>graan</b>.');
    // Snippets come after the list, for the last query typed: a row shows its previous one meanwhile.
    await waitFor(() => expect(Array.from(brief.querySelectorAll('.row-snippet mark'), (mark) => mark.textContent)).toEqual(['Oekraïne']));
    expect(brief.querySelector('.row-snippet b')).toBeNull();
    const geneva = within(list).getByRole('option', { name: /Overleg in Genève/ });
    await waitFor(() => expect(geneva.querySelector('.row-snippet mark')).toHaveTextContent('Oekraïne'));
    // The rows on screen were asked for once each per query. Waited for: the marks above may
    // still be those of an earlier query typed ('oekrain' marks Oekraïne too) when, under load,
    // the last query's snippets are not asked yet.
    const asked = () => service.callsOf('stories.snippets') as { query: string; ids: string[] }[];
    await waitFor(() => expect(asked().filter((call) => call.query === 'oekraine').flatMap((call) => call.ids).sort()).toEqual(['a1', 'a5', 'b1']));

    // The kind bar narrows the list.
    await user.click(within(kinds).getByRole('button', { name: /^Briefs/ }));
    await waitFor(() => expect(headlines(list)).toEqual(['Graanschip vertrekt']));
    expect(within(kinds).getByRole('button', { pressed: true })).toHaveTextContent('Briefs 1');
    await user.click(within(kinds).getByRole('button', { name: /^All/ }));
    await waitFor(() => expect(headlines(list)).toHaveLength(3));
  });

  it('shows a first letter typed, which searches nothing, as the list it is: every story, browse rows, no snippets', async () => {
    const service = await realLibrary(ONE_LIST_MORE);
    const { store } = renderApp(service);
    const list = await storyList();
    const pane = () => list.closest('.list-pane')!;
    act(() => store.getState().setSearchInput('o'));
    act(() => store.getState().flushSearch());
    await waitFor(() => expect(store.getState().renderedQuery).toBe('o'));
    // The core lists every story for one letter (no scores: not a search's results).
    expect(headlines(list)).toHaveLength(6);
    expect(pane().classList.contains('is-searching')).toBe(false);
    expect(screen.getByText('6 stories')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, SNIPPET_DELAY_MS * 2));
    expect(service.callsOf('stories.snippets')).toEqual([]);
    expect(list.querySelector('.row-snippet')).toBeNull();
    // The second letter searches: ranked rows with their matched passages.
    act(() => store.getState().setSearchInput('oe'));
    act(() => store.getState().flushSearch());
    await waitFor(() => expect(pane().classList.contains('is-searching')).toBe(true));
    await waitFor(() => expect(service.callsOf('stories.snippets').map((call) => (call as { query: string }).query)).toContain('oe'));
    expect(screen.getByText(/^\d+ results?$/)).toBeInTheDocument();
  });

  it('counts facets under the query, and leaves no kind filter over when the search ends', async () => {
    const user = userEvent.setup();
    renderApp(await realLibrary(ONE_LIST_MORE));
    const list = await storyList();
    await user.type(searchBox(), 'oekraine ');
    const kinds = await screen.findByRole('group', { name: 'Show' });
    await waitFor(() => expect(headlines(list)).toHaveLength(3));
    // Facets count the matching stories, not the library.
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const place = screen.getByRole('combobox', { name: 'Place' });
    await waitFor(() => expect(Array.from(place.querySelectorAll('option'), (option) => option.textContent).sort()).toEqual(['Any', 'GENÈVE (1)', 'ODESSA (1)', 'PYONGYANG (1)']));
    // Articles only, then the search ends: All stories lists articles by itself, so no kind filter is left over.
    await user.click(within(kinds).getByRole('button', { name: /^Articles/ }));
    await waitFor(() => expect(headlines(list)).toHaveLength(2));
    await user.clear(searchBox());
    await waitFor(() => expect(Array.from(place.querySelectorAll('option'), (option) => option.textContent)).toContain('PYONGYANG (2)'));
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Show' })).toBeNull();
  });

  it('explains the query language in a popover reached by keyboard, closed with Escape', async () => {
    const user = userEvent.setup();
    renderApp(await realLibrary());
    await storyList();
    const help = screen.getByRole('button', { name: 'Search tips' });
    help.focus();
    await user.keyboard('{Enter}');
    const popover = screen.getByRole('dialog', { name: 'Search tips' });
    expect(help).toHaveAttribute('aria-expanded', 'true');
    expect(popover).toHaveTextContent('poetin OR kim');
    expect(popover).toHaveTextContent('-sport');
    expect(popover).toHaveTextContent('"warm welkom"');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Search tips' })).toBeNull();
    expect(help).toHaveFocus();
    expect(help).toHaveAttribute('aria-expanded', 'false');
  });
});
