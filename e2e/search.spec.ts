import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { escapeRegExp, expect, test, type Host } from './fixtures';

// Search through the real UI over the real store and index: Dutch folding and
// stemming, phrases, index updates after import/edit/delete, a tag filter combined
// with a query, saved searches that survive a reload, and the keyboard path.

const THANKS = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';
const LEAVES = 'Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland';
const GENEVA = 'Zelensky spreekt in Genève over vrede';
const CABINET = 'Kabinet valt over asielcrisis';

// Two stories that are not seeds, imported after start, so the index must pick them up.
const GENEVA_TEXT = `${GENEVA}
GENÈVE (ANP/AFP) - De Oekraïense president Volodymyr Zelensky heeft in Genève gepleit voor vrede in Europa. Hij sprak er op een conferentie over de oorlog in Oekraïne.
Gesprekken
Na de ontmoeting met de Zwitserse president zei Zelensky dat nieuwe gesprekken nodig zijn.
Meer uit Buitenland
`;
const CABINET_TEXT = `${CABINET}
DEN HAAG (ANP) - Het kabinet is gevallen na een conflict over het asielbeleid. In Europa wordt met verbazing gereageerd, maar van vrede in de coalitie was al maanden geen sprake.
Meer uit Binnenland
`;

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories|verhalen|berichten/i });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search stories' });
const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });
const rowHeadlines = (page: Page) => storyList(page).getByRole('option').locator('.row-headline');

async function importStories(host: Host, files: Record<string, string>): Promise<Map<string, string>> {
  await host.call('import.files', { files: Object.entries(files).map(([name, text]) => ({ name, base64: Buffer.from(text).toString('base64') })) });
  return articleIds(host);
}

async function articleIds(host: Host): Promise<Map<string, string>> {
  const page = await host.call<{ items: { id: string; headline: string }[] }>('stories.list', { kind: 'article', limit: 100 });
  return new Map(page.items.map((item) => [item.headline, item.id]));
}

/** Replaces the search text and waits until the list shows the answer to it. */
async function search(page: Page, text: string) {
  await searchBox(page).fill(text);
  await expect(page.locator('[data-query-rendered]')).toHaveAttribute('data-query-rendered', text);
}

test('finds Oekraïne by typing oekraine, Genève by geneve, every form of a word, and exact phrases', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  await importStories(host, { 'geneve.txt': GENEVA_TEXT, 'kabinet.txt': CABINET_TEXT });

  await search(page, 'oekraine');
  // Four seed articles and the Geneva story mention Oekraïne (the fifth only in its briefs); the cabinet story does not.
  // A search from All stories lists the matching briefs too, in the same list.
  const briefs = (await host.call<{ total: number }>('stories.list', { query: 'oekraine', kind: 'brief' })).total;
  expect(briefs).toBeGreaterThan(0);
  await expect(page.getByText(`${5 + briefs} results`)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Show' }).getByRole('button')).toHaveText(['All ' + (5 + briefs), 'Articles 5', `Briefs ${briefs}`]);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /^Articles/ }).click();
  await expect(rowHeadlines(page)).toHaveCount(5);
  await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(GENEVA)) })).toBeVisible();
  await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(CABINET)) })).toHaveCount(0);
  // The match is marked as written, diacritics and all.
  await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(THANKS)) }).locator('.row-headline mark')).toHaveText(['Oekraïne']);

  await search(page, 'geneve');
  await expect(rowHeadlines(page)).toHaveText([GENEVA]);
  await rowHeadlines(page).first().click();
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(GENEVA);
  await expect(reader(page).locator('h2 mark')).toHaveText(['Genève']);

  // A plural finds the singular (Dutch stemming); stopwords alone never match everything.
  await search(page, 'ontmoetingen');
  await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(GENEVA)) })).toBeVisible();
  await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(CABINET)) })).toHaveCount(0);

  // Both stories have the words; only one has them as a phrase.
  await search(page, 'vrede europa');
  await expect(page.getByText('2 results')).toBeVisible();
  await search(page, '"vrede in Europa"');
  await expect(rowHeadlines(page)).toHaveText([GENEVA]);

  // Prefixes while typing.
  await search(page, 'asielcr');
  await expect(rowHeadlines(page)).toHaveText([CABINET]);

  // Another spelling of a name finds the story that writes it otherwise, and the list says what else it searched.
  await search(page, 'zelenski');
  await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(GENEVA)) })).toBeVisible();
  await expect(page.getByTestId('also-searched')).toContainText(/^Also searched: .*Zelensky/);
});

test('keeps the index in step with notes written in the reader, their undo, and deletions', async ({ page, host }) => {
  await page.goto(host.url);
  const ids = await importStories(host, { 'geneve.txt': GENEVA_TEXT, 'kabinet.txt': CABINET_TEXT });

  await search(page, 'bronnencheck');
  await expect(page.getByRole('heading', { name: 'No stories match' })).toBeVisible();
  await search(page, '');
  await storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(LEAVES)) }).click();
  await reader(page).getByRole('button', { name: 'Add note' }).click();
  await reader(page).getByRole('textbox', { name: 'Note on this story' }).fill('Bronnencheck bij de correspondent <b>niet</b> vergeten');
  await page.keyboard.press('Control+Enter');
  // Shown as typed: the editor's text is never markup.
  await expect(reader(page).getByText('Bronnencheck bij de correspondent <b>niet</b> vergeten')).toBeVisible();
  await expect(reader(page).getByRole('button', { name: 'Edit note' })).toBeFocused();
  await search(page, 'bronnencheck');
  await expect(rowHeadlines(page)).toHaveText([LEAVES]);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Undo Edit note' }).click();
  await expect(reader(page).getByRole('button', { name: 'Add note' })).toBeVisible();
  await search(page, '');
  await search(page, 'bronnencheck');
  await expect(page.getByRole('heading', { name: 'No stories match' })).toBeVisible();
  expect((await host.call<{ note: string }>('stories.get', { id: ids.get(LEAVES) })).note).toBe('');

  await search(page, 'asielbeleid');
  await expect(rowHeadlines(page)).toHaveText([CABINET]);
  await host.call('stories.delete', { ids: [ids.get(CABINET)] });
  await search(page, '');
  await search(page, 'asielbeleid');
  await expect(page.getByRole('heading', { name: 'No stories match' })).toBeVisible();
});

test('combines a tag filter with a query, saves it, and reopens it after a reload', async ({ page, host }) => {
  const ids = await articleIds(host);
  const tag = await host.call<{ id: string }>('tags.create', { name: 'Reizen' });
  await host.call('tags.apply', { storyIds: [ids.get(THANKS), ids.get(LEAVES)], addTagIds: [tag.id] });
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);

  await page.getByRole('button', { name: 'Filters' }).click();
  const panel = page.getByRole('group', { name: 'Filters' });
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Reizen (2)' });
  await expect(rowHeadlines(page)).toHaveCount(2);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips).toContainText('Tag: Reizen');
  // Both tagged stories mention Rusland; only one was datelined in Vladivostok.
  await search(page, 'vladivostok');
  await expect(rowHeadlines(page)).toHaveText([LEAVES]);
  await search(page, 'rusland');
  await expect(rowHeadlines(page)).toHaveCount(2);
  await search(page, 'vladivostok');

  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await sidebar.getByRole('button', { name: 'Save search…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save search' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Reizen naar Vladivostok');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(rowHeadlines(page)).toHaveCount(5);

  // Saved in the library, not in the page: a reload still has it.
  await page.reload();
  await expect(rowHeadlines(page)).toHaveCount(5);
  await sidebar.getByRole('button', { name: 'Reizen naar Vladivostok', exact: true }).click();
  await expect(searchBox(page)).toHaveValue('vladivostok');
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Tag: Reizen');
  await expect(rowHeadlines(page)).toHaveText([LEAVES]);
});

test('goes from the search box through the results and back by keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('poetin bezoek');
  await expect(page.locator('[data-query-rendered]')).toHaveAttribute('data-query-rendered', 'poetin bezoek');
  const headlines = await rowHeadlines(page).allTextContents();
  expect(headlines.length).toBeGreaterThan(1);

  await page.keyboard.press('ArrowDown');
  await expect(storyList(page).getByRole('option').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(storyList(page).getByRole('option').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(headlines[1]!);

  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(rowHeadlines(page)).toHaveCount(5);
});

/**
 * One page load per size: a query matching articles and briefs lists both with a
 * count per kind, rows show the matched passage marked, facets follow the query, the
 * search tips open and close by keyboard; axe clean in each state.
 */
for (const size of [
  { width: 1440, height: 900, language: 'en' },
  { width: 800, height: 600, language: 'nl' },
] as const) {
  test(`articles and briefs in one list with counts, snippets, facets under the query and the search tips, at ${size.width}×${size.height} (${size.language})`, async ({ browser, host }) => {
    const nl = size.language === 'nl';
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: size.width, height: size.height }, locale: nl ? 'nl-NL' : 'en-GB' });
    const page = await context.newPage();
    await page.addInitScript((language) => window.localStorage.setItem('kroniek.language', language), size.language);
    const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}-${size.width}x${size.height}-${size.language}.png`) });
    await page.goto(host.url);
    await expect(storyList(page).getByRole('option')).toHaveCount(5);
    const box = page.getByRole('searchbox', { name: nl ? 'Zoek berichten' : 'Search stories' });

    // The search tips, by keyboard: Tab from the box reaches the button, Escape closes and gives focus back.
    await box.focus();
    await page.keyboard.press('Tab');
    const tips = page.getByRole('button', { name: nl ? 'Zoektips' : 'Search tips' });
    await expect(tips).toBeFocused();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: nl ? 'Zoektips' : 'Search tips' });
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('poetin OR kim');
    await expect(popover).toContainText(nl ? 'het ene of het andere woord' : 'either word');
    expect(await popover.evaluate((element) => { const box = element.getBoundingClientRect(); return box.left >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight; })).toBe(true);
    await shot('search-tips');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(tips).toBeFocused();

    // Articles and briefs in one list, with a count per kind.
    const counts = async (kind: 'article' | 'brief') => (await host.call<{ total: number }>('stories.list', { query: 'oekraine', kind })).total;
    const [articles, briefs] = [await counts('article'), await counts('brief')];
    expect(briefs).toBeGreaterThan(0);
    await box.fill('oekraine');
    await expect(page.locator('[data-query-rendered]')).toHaveAttribute('data-query-rendered', 'oekraine');
    const kinds = page.getByRole('group', { name: nl ? 'Toon' : 'Show' });
    await expect(kinds.getByRole('button')).toHaveText(nl ? [`Alles ${articles + briefs}`, `Artikelen ${articles}`, `Korte berichten ${briefs}`] : [`All ${articles + briefs}`, `Articles ${articles}`, `Briefs ${briefs}`]);
    await expect(kinds.getByRole('button', { pressed: true })).toHaveText(nl ? /^Alles/ : /^All/);
    // Briefs are marked as briefs; rows show where they matched, the words marked as written.
    await expect(storyList(page).locator('.row-kind').first()).toHaveText(nl ? 'Kort' : 'Brief');
    const snippetMarks = storyList(page).locator('.row-snippet mark');
    await expect(snippetMarks.first()).toBeVisible();
    expect(new Set(await snippetMarks.allTextContents())).toEqual(new Set(['Oekraïne']));
    await shot('search-results');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Facets count the matching stories: fewer from Pyongyang than in the whole library.
    await page.getByRole('button', { name: nl ? /^Filters/ : /^Filters/ }).click();
    const place = page.getByRole('combobox', { name: nl ? 'Plaats' : 'Place' });
    const facets = await host.call<{ places: { value: string; count: number }[] }>('stories.facets', { query: 'oekraine' });
    const library = await host.call<{ places: { value: string; count: number }[] }>('stories.facets', { kind: 'article' });
    const pyongyang = facets.places.find((facet) => facet.value === 'PYONGYANG')!;
    expect(pyongyang.count).toBeLessThan(library.places.find((facet) => facet.value === 'PYONGYANG')!.count);
    await expect(place.locator('option', { hasText: 'PYONGYANG' })).toHaveText(`PYONGYANG (${pyongyang.count})`);
    await place.selectOption({ label: `PYONGYANG (${pyongyang.count})` });
    await expect(rowHeadlines(page)).toHaveCount(pyongyang.count);
    await shot('search-facets');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
}

test('the search results with filters open have no serious or critical accessibility violations', async ({ browser, host }) => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  await page.getByRole('button', { name: 'Filters' }).click();
  await search(page, 'oekraine');
  await rowHeadlines(page).first().click();
  const violations = await seriousAxeViolations(page);
  expect(violations).toEqual([]);
  await context.close();
});
