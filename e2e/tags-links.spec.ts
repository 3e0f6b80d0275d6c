import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { escapeRegExp, expect, test, type Host } from './fixtures';

// The editor's daily work through the real UI on the seed library: tags (one story,
// bulk, rename, merge), suggested tags, links from the related suggestions, dates
// and the series timeline, each undone and redone.

const THANKS = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';
const SUPPORT = "Kim Jong-un biedt Rusland zijn 'volledige steun' aan";
const VISIT = 'Poetin op zeer zeldzaam bezoek in Noord-Korea';
const LEAVES = 'Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland';
const PACT = "Kim en Poetin tekenen 'alomvattend' samenwerkingsverband";

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories|verhalen|berichten/i });
const reader = (page: Page) => page.getByRole('region', { name: /^(Reader|Lezer)$/ });
const sidebar = (page: Page) => page.getByRole('navigation', { name: /^(Library|Bibliotheek)$/ });
const row = (page: Page, headline: string) => storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(headline)) });
/** A tag in the sidebar, named `Oekraïne, 3 stories, key 1` (the name, then what is said after it). */
const tagButton = (page: Page, name: string, rest = '') =>
  sidebar(page)
    .getByRole('region', { name: /^Tags$/ })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\s?${rest ? `, ${escapeRegExp(rest)}` : ','}`) });
const undoButton = (page: Page) => sidebar(page).getByRole('button', { name: /^Undo/ });
const redoButton = (page: Page) => sidebar(page).getByRole('button', { name: /^Redo/ });

async function open(page: Page, headline: string) {
  await row(page, headline).click();
  await expect(reader(page).getByRole('heading', { level: 2, name: headline })).toBeVisible();
}

async function start(page: Page, host: Host) {
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
}

/** The story's own tags in the reader (chips with a remove button each). */
const readerTags = (page: Page) => reader(page).getByRole('list', { name: 'Tags', exact: true });

async function articleIds(host: Host): Promise<Map<string, string>> {
  const page = await host.call<{ items: { id: string; headline: string }[] }>('stories.list', { kind: 'article' });
  return new Map(page.items.map((item) => [item.headline, item.id]));
}

test('tags one story by typing, with autocomplete, and undoes and redoes it', async ({ page, host }) => {
  await start(page, host);
  await open(page, THANKS);
  const input = reader(page).getByRole('combobox', { name: 'Add a tag' });
  await input.fill('Kim–Poetin');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(reader(page).getByRole('option', { name: /Create tag “Kim–Poetin”/ })).toBeVisible();
  await input.press('Enter');

  await expect(readerTags(page).getByText('Kim–Poetin')).toBeVisible();
  await expect(row(page, THANKS)).toContainText('Kim–Poetin');
  await expect(tagButton(page, 'Kim–Poetin', '1 story')).toBeVisible();

  // The existing tag is offered while typing a part of it, without case or diacritics.
  await open(page, VISIT);
  await input.fill('kim');
  await expect(reader(page).getByRole('option', { name: /Kim–Poetin/ })).toBeVisible();
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect(tagButton(page, 'Kim–Poetin', '2 stories')).toBeVisible();

  await expect(undoButton(page)).toHaveAccessibleName('Undo Tag story');
  await undoButton(page).click();
  await expect(tagButton(page, 'Kim–Poetin', '1 story')).toBeVisible();
  await expect(readerTags(page)).toHaveCount(0);
  await redoButton(page).click();
  await expect(readerTags(page).getByText('Kim–Poetin')).toBeVisible();
  await expect(tagButton(page, 'Kim–Poetin', '2 stories')).toBeVisible();

  // Removing is one click on the chip, and undoable too.
  await readerTags(page).getByRole('button', { name: 'Remove tag Kim–Poetin' }).click();
  await expect(readerTags(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(readerTags(page).getByText('Kim–Poetin')).toBeVisible();
});

test('bulk-tags three stories picked with Shift+click and the keyboard, filters by the tag, and undoes it', async ({ page, host }) => {
  await start(page, host);
  const list = storyList(page);
  await expect(list).toHaveAttribute('aria-multiselectable', 'true');
  await list.getByRole('option').nth(0).click();
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  await list.getByRole('option').nth(2).click({ modifiers: ['Shift'] });
  await expect(list.getByRole('option', { selected: true })).toHaveCount(3);
  await expect(page.getByText('3 selected', { exact: true })).toBeVisible();
  // Ctrl+click adds one and takes it away again; Escape clears.
  await list.getByRole('option').nth(4).click({ modifiers: ['Control'] });
  await expect(list.getByRole('option', { selected: true })).toHaveCount(4);
  await list.getByRole('option').nth(4).click({ modifiers: ['Control'] });
  await expect(list.getByRole('option', { selected: true })).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(0);

  // The same three from the keyboard: Shift+ArrowDown extends from the row chosen.
  await list.getByRole('option').nth(0).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(3);
  const selected = await list.getByRole('option', { selected: true }).locator('.row-headline').allInnerTexts();

  const bulk = page.getByRole('combobox', { name: 'Add a tag to 3 selected stories' });
  await bulk.fill('Noord-Korea');
  await bulk.press('Enter');
  await expect(tagButton(page, 'Noord-Korea', '3 stories')).toBeVisible();
  for (const headline of selected) await expect(row(page, headline)).toContainText('Noord-Korea');
  // The selection survives the edit's refresh.
  await expect(list.getByRole('option', { selected: true })).toHaveCount(3);

  // Clicking the tag in the sidebar lists exactly those stories.
  await tagButton(page, 'Noord-Korea', '3 stories').click();
  const filtered = page.getByRole('listbox', { name: /Tag: Noord-Korea/ });
  await expect(filtered.getByRole('option')).toHaveCount(3);

  await expect(undoButton(page)).toHaveAccessibleName('Undo Tag 3 stories');
  await undoButton(page).click();
  // The tag was created by that step, so undo takes it away and the list goes back to all stories.
  await expect(tagButton(page, 'Noord-Korea')).toHaveCount(0);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  await expect(storyList(page).getByText('Noord-Korea', { exact: true })).toHaveCount(0);
  await redoButton(page).click();
  await expect(tagButton(page, 'Noord-Korea', '3 stories')).toBeVisible();

  // Ctrl+A selects every loaded row; Escape clears.
  await storyList(page).getByRole('option').first().focus();
  await page.keyboard.press('Control+a');
  await expect(storyList(page).getByRole('option', { selected: true })).toHaveCount(5);
  await page.keyboard.press('Escape');
  await expect(storyList(page).getByRole('option', { selected: true })).toHaveCount(0);
});

test('renames and merges tags in the tag manager, with undo and redo of each', async ({ page, host }) => {
  const ids = await articleIds(host);
  await host.call('tags.apply', { storyIds: [ids.get(THANKS), ids.get(VISIT)], addNames: ['Rusland'] });
  await host.call('tags.apply', { storyIds: [ids.get(LEAVES), ids.get(VISIT)], addNames: ['Moskou'] });
  await start(page, host);

  await sidebar(page).getByRole('button', { name: 'Manage tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('list', { name: 'All tags' }).getByRole('button', { name: /Rusland/ }).click();
  // Onto another tag's name (without its capital): refused, saying how to combine the two.
  await dialog.getByRole('textbox', { name: 'Name' }).fill('moskou');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toContainText('There is a tag “Moskou” already. Merge “Rusland” into “Moskou” to combine them.');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Russische Federatie');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(tagButton(page, 'Russische Federatie', '2 stories')).toBeVisible();

  await dialog.getByRole('list', { name: 'All tags' }).getByRole('button', { name: /Moskou/ }).click();
  await dialog.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Russische Federatie (2 stories)' });
  await dialog.getByRole('button', { name: 'Merge' }).click();
  // Asked first, naming both tags and the stories that get the one left; confirmed after, with Undo.
  const ask = dialog.getByRole('group', { name: /Merge tags\?/ });
  await expect(ask).toContainText('“Moskou” will be merged into “Russische Federatie”: its 2 stories are tagged “Russische Federatie”');
  await ask.getByRole('button', { name: 'Merge' }).click();
  await expect(page.locator('.edit-feedback')).toContainText('Merged “Moskou” into “Russische Federatie”: 2 stories retagged.');
  // Every story that had either tag now has the one left (the visit had both: counted once).
  await expect(tagButton(page, 'Russische Federatie', '3 stories')).toBeVisible();
  await expect(tagButton(page, 'Moskou')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await expect(undoButton(page)).toHaveAccessibleName('Undo Merge tags');
  await undoButton(page).click();
  await expect(tagButton(page, 'Moskou', '2 stories')).toBeVisible();
  await expect(tagButton(page, 'Russische Federatie', '2 stories')).toBeVisible();
  await expect(undoButton(page)).toHaveAccessibleName('Undo Rename tag');
  await undoButton(page).click();
  await expect(tagButton(page, 'Rusland', '2 stories')).toBeVisible();
  await redoButton(page).click();
  await redoButton(page).click();
  await expect(tagButton(page, 'Russische Federatie', '3 stories')).toBeVisible();
  await expect(tagButton(page, 'Moskou')).toHaveCount(0);
});

test('creates a coloured tag, toggles it with key 1, and deletes it after confirming the count', async ({ page, host }) => {
  await start(page, host);
  await sidebar(page).getByRole('button', { name: 'Manage tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Dringend');
  await dialog.getByRole('radio', { name: 'Red' }).check();
  await dialog.getByRole('button', { name: 'Create tag' }).click();
  await expect(tagButton(page, 'Dringend', '0 stories, key 1')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await open(page, VISIT);
  await row(page, VISIT).focus();
  await page.keyboard.press('1');
  await expect(tagButton(page, 'Dringend', '1 story, key 1')).toBeVisible();
  await page.keyboard.press('1');
  await expect(tagButton(page, 'Dringend', '0 stories, key 1')).toBeVisible();
  await page.keyboard.press('1');
  await expect(readerTags(page).getByText('Dringend')).toBeVisible();

  await sidebar(page).getByRole('button', { name: 'Manage tags…' }).click();
  await dialog.getByRole('list', { name: 'All tags' }).getByRole('button', { name: /Dringend/ }).click();
  await dialog.getByRole('button', { name: 'Delete tag…' }).click();
  await expect(dialog).toContainText('It will be removed from 1 story');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(tagButton(page, 'Dringend')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await undoButton(page).click();
  await expect(tagButton(page, 'Dringend', '1 story')).toBeVisible();
  await expect(readerTags(page).getByText('Dringend')).toBeVisible();
});

test('accepts and dismisses suggested tags, and undoes both', async ({ page, host }) => {
  await start(page, host);
  await open(page, THANKS);
  const suggestions = reader(page).getByRole('list', { name: 'Suggested tags' });
  await expect(suggestions.getByRole('button', { name: 'Add tag Kim Jong-un' })).toBeVisible();
  await expect(suggestions).toContainText('person');

  await suggestions.getByRole('button', { name: 'Add tag Kim Jong-un' }).click();
  await expect(readerTags(page).getByText('Kim Jong-un')).toBeVisible();
  await expect(suggestions.getByRole('button', { name: 'Add tag Kim Jong-un' })).toHaveCount(0);

  await suggestions.getByRole('button', { name: 'Dismiss suggestion Vladimir Poetin' }).click();
  await expect(suggestions.getByRole('button', { name: 'Add tag Vladimir Poetin' })).toHaveCount(0);
  // Dismissed for this story for good: still gone after opening another story and coming back.
  await open(page, VISIT);
  await expect(reader(page).getByRole('list', { name: 'Suggested tags' }).getByRole('button', { name: 'Add tag Vladimir Poetin' })).toBeVisible();
  await open(page, THANKS);
  await expect(readerTags(page).getByText('Kim Jong-un')).toBeVisible();
  await expect(suggestions.getByRole('button', { name: 'Add tag Vladimir Poetin' })).toHaveCount(0);

  await expect(undoButton(page)).toHaveAccessibleName('Undo Dismiss tag suggestion');
  await undoButton(page).click();
  await expect(suggestions.getByRole('button', { name: 'Add tag Vladimir Poetin' })).toBeVisible();
  await undoButton(page).click();
  await expect(readerTags(page)).toHaveCount(0);
  await expect(suggestions.getByRole('button', { name: 'Add tag Kim Jong-un' })).toBeVisible();
  await redoButton(page).click();
  await expect(readerTags(page).getByText('Kim Jong-un')).toBeVisible();
});

test('links two stories from the related suggestions, read the right way from both ends, and undoes it', async ({ page, host }) => {
  await start(page, host);
  await open(page, PACT);
  const related = reader(page).getByRole('region', { name: 'Related stories' });
  // The other articles come first, each with its reasons.
  const first = related.getByRole('listitem').first();
  await expect(first).toContainText('shares:');
  await expect(reader(page).getByRole('list', { name: 'Suggested tags' })).toContainText(/named (once|\d+ times)/);
  await expect(related.getByRole('button', { name: `Link ${THANKS}` })).toBeVisible();

  await related.getByRole('button', { name: `Link ${THANKS}` }).click();
  await related.getByRole('combobox', { name: 'This story is' }).selectOption({ label: 'Follow-up of' });
  await related.getByRole('button', { name: 'Create link' }).click();

  const links = reader(page).getByRole('region', { name: 'Links' });
  await expect(links.getByRole('region', { name: 'Follow-up of' }).getByRole('button', { name: THANKS, exact: true })).toBeVisible();
  await expect(related.getByRole('button', { name: `Link ${THANKS}` })).toHaveCount(0);

  // From the other end it reads "followed by"; the linked story opens with a click.
  await links.getByRole('button', { name: THANKS, exact: true }).click();
  await expect(reader(page).getByRole('heading', { level: 2, name: THANKS })).toBeVisible();
  await expect(links.getByRole('region', { name: 'Followed by' }).getByRole('button', { name: PACT, exact: true })).toBeVisible();

  // Dismissing a suggestion hides it for that pair.
  await related.getByRole('button', { name: `Not related: ${LEAVES}` }).click();
  await expect(related.getByRole('button', { name: `Link ${LEAVES}` })).toHaveCount(0);

  await undoButton(page).click();
  await expect(related.getByRole('button', { name: `Link ${LEAVES}` })).toBeVisible();
  await expect(undoButton(page)).toHaveAccessibleName('Undo Link stories');
  await undoButton(page).click();
  await expect(links).toContainText('Not linked to other stories yet.');
  await redoButton(page).click();
  await expect(links.getByRole('region', { name: 'Followed by' }).getByRole('button', { name: PACT, exact: true })).toBeVisible();
});

test('links the five articles as a series, dates them, and shows the Kim–Poetin timeline in order', async ({ page, host }) => {
  await start(page, host);
  // Link four at once to the fifth: select all, leave one out, link the selection to it.
  await storyList(page).getByRole('option').first().click();
  await page.keyboard.press('Control+a');
  await row(page, SUPPORT).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Link selected…' }).click();
  const picker = page.getByRole('dialog', { name: 'Link 4 stories to…' });
  await picker.getByRole('searchbox', { name: 'Find a story' }).fill('volledige steun');
  // The list answers the search typed before a row is picked (rows change when the answer comes).
  await expect(picker.getByRole('group')).toHaveAttribute('aria-busy', 'false');
  await picker.getByRole('checkbox', { name: new RegExp(escapeRegExp(SUPPORT)) }).check();
  await picker.getByRole('combobox', { name: 'This story is' }).selectOption({ label: 'Same series as' });
  await picker.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(picker).toHaveCount(0);
  await expect(page.locator('.edit-feedback')).toContainText('4 links made.');

  const dates: [string, string][] = [
    [SUPPORT, '2023-06-12'],
    [LEAVES, '2023-09-17'],
    [VISIT, '2024-06-18'],
    [THANKS, '2024-06-19'],
    [PACT, '2024-06-19'],
  ];
  for (const [headline, date] of dates) {
    await open(page, headline);
    await reader(page).getByLabel('Event date').fill(date);
    await reader(page).getByRole('button', { name: 'Set date' }).click();
    await expect(reader(page).locator('.story-meta time')).toHaveAttribute('datetime', date);
  }

  await reader(page).getByRole('button', { name: 'Show series timeline' }).click();
  const dialog = page.getByRole('dialog', { name: `Series: ${PACT}` });
  const timeline = dialog.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(5);
  const order = await timeline.locator('.timeline-headline').allInnerTexts();
  expect(order).toEqual([SUPPORT, LEAVES, VISIT, THANKS, PACT]);
  await expect(timeline.getByRole('listitem').first()).toContainText('12 June 2023');
  await expect(timeline.getByRole('listitem').first()).toContainText('PYONGYANG');

  // Undo the last date: that story has none any more and is marked as placed without one.
  await page.keyboard.press('Escape');
  await expect(undoButton(page)).toHaveAccessibleName('Undo Set date');
  await undoButton(page).click();
  await expect(reader(page).locator('.story-meta')).toContainText('unknown');
  await reader(page).getByRole('button', { name: 'Show series timeline' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: PACT })).toContainText(/no date/);
  await page.keyboard.press('Escape');
  await redoButton(page).click();
  await expect(reader(page).locator('.story-meta time')).toHaveAttribute('datetime', '2024-06-19');

  // Clicking a story on the timeline opens it.
  await reader(page).getByRole('button', { name: 'Show series timeline' }).click();
  await timeline.getByRole('button', { name: SUPPORT, exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(reader(page).getByRole('heading', { level: 2, name: SUPPORT })).toBeVisible();
});

test('works in Dutch: link labels, suggestions, reasons and undo read in Dutch', async ({ page, host }) => {
  const ids = await articleIds(host);
  await host.call('links.create', { from: ids.get(THANKS), to: ids.get(PACT), type: 'follow-up' });
  await start(page, host);
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption('nl');
  await open(page, PACT);
  const links = reader(page).getByRole('region', { name: 'Koppelingen' });
  await expect(links.getByRole('region', { name: 'Vervolg op' })).toContainText(THANKS);
  // Reasons arrive as data and are worded here: `4 keer genoemd, in de kop`, `gemeenschappelijk: …`.
  await expect(reader(page).getByRole('list', { name: 'Voorgestelde tags' })).toContainText(/keer genoemd/);
  await expect(reader(page).getByRole('list', { name: 'Voorgestelde tags' })).not.toContainText(/named|times|headline/);
  const related = reader(page).getByRole('region', { name: 'Verwante berichten' });
  await expect(related.locator('.related-reasons').first()).toContainText('gemeenschappelijk:');
  await expect(related).not.toContainText(/shares:|similar wording|apart/);
  await reader(page).getByRole('list', { name: 'Voorgestelde tags' }).getByRole('button', { name: 'Tag Kim Jong-un toevoegen' }).click();
  await expect(sidebar(page).getByRole('button', { name: 'Ongedaan maken: 1 bericht taggen' })).toBeVisible();
});

test('the reader with tags, suggestions, links and related stories has no serious accessibility violations', async ({ browser, host }) => {
  const ids = await articleIds(host);
  await host.call('links.create', { from: ids.get(THANKS), to: ids.get(PACT), type: 'follow-up', note: 'Zelfde bezoek' });
  await host.call('tags.apply', { storyIds: [ids.get(PACT)], addNames: ['Noord-Korea'] });
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await start(page, host);
  await open(page, PACT);
  await expect(reader(page).getByRole('region', { name: 'Related stories' }).getByRole('listitem').first()).toBeVisible();
  await expect(reader(page).getByRole('list', { name: 'Suggested tags' })).toBeVisible();
  // An open tag autocomplete and an open "choose link type" form are part of what is checked.
  await reader(page).getByRole('combobox', { name: 'Add a tag' }).fill('Noord');
  await reader(page).getByRole('region', { name: 'Related stories' }).getByRole('button', { name: /^Link / }).first().click();
  expect(await seriousAxeViolations(page)).toEqual([]);

  await sidebar(page).getByRole('button', { name: 'Manage tags…' }).click();
  await page.getByRole('dialog', { name: 'Tags' }).getByRole('list', { name: 'All tags' }).getByRole('button', { name: /Noord-Korea/ }).click();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await reader(page).getByRole('button', { name: 'Show series timeline' }).click();
  await expect(page.getByRole('dialog', { name: /Series/ })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await context.close();
});


test.describe('the editor desk: linking, series names, partial tags, near-duplicates and merging', () => {
  test.use({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  const toast = (page: Page) => page.locator('.edit-feedback');
  /** Dutch, then 800×600, where the reader takes over: back to the list (and the selection bar). */
  const toSmallDutch = async (page: Page) => {
    await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption('nl');
    await page.setViewportSize({ width: 800, height: 600 });
    const back = page.getByRole('button', { name: /Terug naar de lijst/ });
    if (await back.isVisible()) await back.click();
    await expect(storyList(page)).toBeVisible();
  };

  test('a tag on some of the selected stories shows "on 1 of 2" and asks before it is removed', async ({ page, host }) => {
    const ids = await articleIds(host);
    await host.call('tags.apply', { storyIds: [ids.get(THANKS)], addNames: ['Rusland'] });
    await host.call('tags.apply', { storyIds: [ids.get(THANKS), ids.get(VISIT)], addNames: ['Noord-Korea'] });
    await start(page, host);
    await open(page, THANKS);
    await row(page, VISIT).click({ modifiers: ['ControlOrMeta'] });
    const bar = page.getByRole('region', { name: 'Selection' });
    const chips = bar.getByRole('list', { name: 'Tags on the selected stories' });
    await expect(chips.getByRole('listitem').filter({ hasText: 'Rusland' })).toContainText('on 1 of 2');
    await expect(chips.getByRole('listitem').filter({ hasText: 'Noord-Korea' })).not.toContainText(' of ');
    await chips.getByRole('button', { name: 'Remove tag Rusland (on 1 of 2)' }).click();
    const question = page.getByRole('dialog', { name: 'Remove “Rusland”?' });
    await expect(question).toContainText('“Rusland” is on 1 of the 2 selected stories.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Do nothing' }).click();
    await expect(question).toHaveCount(0);
    await expect(tagButton(page, 'Rusland', '1 story')).toBeVisible();

    await toSmallDutch(page);
    const balk = page.getByRole('region', { name: 'Selectie' });
    await expect(balk.getByRole('list', { name: 'Tags op de geselecteerde berichten' }).getByRole('listitem').filter({ hasText: 'Rusland' })).toContainText('op 1 van 2');
    await balk.getByRole('button', { name: 'Tag Rusland verwijderen (op 1 van 2)' }).click();
    const vraag = page.getByRole('dialog', { name: '„Rusland” verwijderen?' });
    await shot(page, 'partial-800-nl');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await vraag.getByRole('button', { name: 'Verwijderen van dat ene' }).click();
    await expect(balk.getByRole('list', { name: 'Tags op de geselecteerde berichten' })).not.toContainText('Rusland');
    await expect(balk.getByRole('list', { name: 'Tags op de geselecteerde berichten' })).toContainText('Noord-Korea');
  });

  test('links a selection to several stories from the ranked picker, confirms with Undo', async ({ page, host }) => {
    await start(page, host);
    await open(page, THANKS);
    await row(page, VISIT).click({ modifiers: ['ControlOrMeta'] });
    await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Link selected…' }).click();
    const picker = page.getByRole('dialog', { name: 'Link 2 stories to…' });
    await expect(picker.getByRole('checkbox').first()).toBeVisible();
    await expect(picker).toContainText('Most related first.');
    // The stories being linked are never offered; briefs are marked; the related ones come first, scored.
    await expect(picker.getByRole('checkbox', { name: new RegExp(escapeRegExp(THANKS)) })).toHaveCount(0);
    await expect(picker.getByRole('checkbox', { name: new RegExp(escapeRegExp(VISIT)) })).toHaveCount(0);
    await expect(picker.locator('.picker-score').first()).toContainText('% match');
    await expect(picker.locator('.kind-badge').first()).toHaveText('Brief');
    await picker.getByRole('checkbox', { name: new RegExp(escapeRegExp(PACT)) }).check();
    await picker.getByRole('checkbox', { name: new RegExp(escapeRegExp(LEAVES)) }).check();
    await expect(picker).toContainText('2 stories chosen');
    await picker.getByRole('combobox', { name: 'This story is' }).selectOption({ label: 'Same series as' });
    await shot(page, 'picker-1440');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await picker.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(toast(page)).toContainText('4 links made.');
    await expect(undoButton(page)).toHaveAccessibleName('Undo Link 4 stories');
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(toast(page)).not.toContainText('links made');
    await expect(redoButton(page)).toHaveAccessibleName('Redo Link 4 stories');

    await toSmallDutch(page);
    await page.getByRole('region', { name: 'Selectie' }).getByRole('button', { name: 'Selectie koppelen…' }).click();
    const kiezer = page.getByRole('dialog', { name: '2 berichten koppelen aan…' });
    await expect(kiezer.locator('.kind-badge').first()).toHaveText('Kort bericht');
    await shot(page, 'picker-800-nl');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('names a series and shows the name on its timeline', async ({ page, host }) => {
    const ids = await articleIds(host);
    await host.call('links.create', { from: ids.get(THANKS), to: [ids.get(PACT), ids.get(VISIT)], type: 'series' });
    await start(page, host);
    await open(page, THANKS);
    await reader(page).getByRole('button', { name: 'Show series timeline' }).click();
    const unnamed = page.getByRole('dialog', { name: `Series: ${THANKS}` });
    await expect(unnamed.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(3);
    await expect(unnamed).toContainText('This series has no name yet.');
    await unnamed.getByRole('button', { name: 'Name series' }).click();
    await unnamed.getByRole('textbox', { name: 'Series name' }).fill('Kim en Poetin');
    await unnamed.getByRole('button', { name: 'Save name' }).click();
    const series = page.getByRole('dialog', { name: 'Series: Kim en Poetin' });
    await expect(series.getByRole('button', { name: 'Rename' })).toBeVisible();
    await shot(page, 'series-1440');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(undoButton(page)).toHaveAccessibleName('Undo Name series');

    await toSmallDutch(page);
    await open(page, PACT);
    await reader(page).getByRole('button', { name: 'Tijdlijn van de reeks tonen' }).click();
    await expect(page.getByRole('dialog', { name: 'Reeks: Kim en Poetin' })).toBeVisible();
    await shot(page, 'series-800-nl');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('warns of a near-duplicate tag name and asks before merging, confirming with Undo', async ({ page, host }) => {
    const ids = await articleIds(host);
    await host.call('tags.apply', { storyIds: [ids.get(THANKS)], addNames: ['Rusland', 'Kim Jong-un'] });
    await host.call('tags.apply', { storyIds: [ids.get(VISIT)], addNames: ['Noord-Korea'] });
    await start(page, host);
    await open(page, PACT);
    const input = reader(page).getByRole('combobox', { name: 'Add a tag' });
    await input.fill('Kim Jong Un');
    await input.press('Enter');
    const warning = reader(page).getByRole('alert').filter({ hasText: 'There is already a tag “Kim Jong-un”.' });
    await expect(warning).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await warning.getByRole('button', { name: 'Use “Kim Jong-un”' }).click();
    await expect(readerTags(page).getByText('Kim Jong-un', { exact: true })).toBeVisible();
    await expect(tagButton(page, 'Kim Jong Un')).toHaveCount(0);

    await sidebar(page).getByRole('button', { name: 'Manage tags…' }).click();
    const manager = page.getByRole('dialog', { name: 'Tags' });
    await manager.getByRole('list', { name: 'All tags' }).getByRole('button', { name: /Rusland/ }).click();
    await manager.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Noord-Korea (1 story)' });
    await manager.getByRole('button', { name: 'Merge' }).click();
    const ask = manager.getByRole('group', { name: /Merge tags\?/ });
    await expect(ask).toContainText('“Rusland” will be merged into “Noord-Korea”: its 1 story is tagged “Noord-Korea” and “Rusland” is removed.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Merge' }).click();
    await expect(toast(page)).toContainText('Merged “Rusland” into “Noord-Korea”: 1 story retagged.');
    await page.keyboard.press('Escape');
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(tagButton(page, 'Rusland', '1 story')).toBeVisible();
  });

  test('in Dutch at 800×600: the near-duplicate warning and the merge question and its confirmation', async ({ page, host }) => {
    const ids = await articleIds(host);
    await host.call('tags.apply', { storyIds: [ids.get(THANKS)], addNames: ['Rusland', 'Kim Jong-un'] });
    await host.call('tags.apply', { storyIds: [ids.get(VISIT)], addNames: ['Noord-Korea'] });
    await start(page, host);
    await toSmallDutch(page);
    await row(page, PACT).click();
    const lezer = page.getByRole('region', { name: 'Lezer' });
    await expect(lezer.getByRole('heading', { level: 2, name: PACT })).toBeVisible();
    const input = lezer.getByRole('combobox', { name: 'Tag toevoegen' });
    await input.fill('Kim Jong Un');
    await input.press('Enter');
    const warning = lezer.getByRole('alert').filter({ hasText: 'Er is al een tag „Kim Jong-un”.' });
    await expect(warning).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await warning.getByRole('button', { name: '„Kim Jong-un” gebruiken' }).click();
    await expect(lezer.getByRole('list', { name: 'Tags', exact: true }).getByText('Kim Jong-un', { exact: true })).toBeVisible();
    await shot(page, 'near-duplicate-800-nl');

    const back = page.getByRole('button', { name: /Terug naar de lijst/ });
    if (await back.isVisible()) await back.click();
    const showSidebar = page.getByRole('button', { name: 'Zijbalk tonen' }).first();
    if (await showSidebar.isVisible()) await showSidebar.click();
    await sidebar(page).getByRole('button', { name: 'Tags beheren…' }).click();
    const manager = page.getByRole('dialog', { name: 'Tags' });
    await manager.getByRole('list', { name: 'Alle tags' }).getByRole('button', { name: /Rusland/ }).click();
    await manager.getByRole('combobox', { name: 'Samenvoegen met' }).selectOption({ label: 'Noord-Korea (1 bericht)' });
    await manager.getByRole('button', { name: 'Samenvoegen' }).click();
    const ask = manager.getByRole('group', { name: /Tags samenvoegen\?/ });
    await expect(ask).toContainText('„Rusland” wordt samengevoegd met „Noord-Korea”: het 1 bericht met „Rusland” krijgt „Noord-Korea” en „Rusland” verdwijnt.');
    await expect(ask.getByRole('button', { name: 'Samenvoegen' })).toBeInViewport();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'merge-ask-800-nl');
    await ask.getByRole('button', { name: 'Samenvoegen' }).click();
    await expect(toast(page)).toContainText('„Rusland” samengevoegd met „Noord-Korea”: 1 bericht omgezet.');
  });
});
