import type { Page } from '@playwright/test';
import { escapeRegExp, expect, test } from './fixtures';

// Edits made by another client of the same host (another browser tab, a script over
// the API) reach the open page through the host's change stream: the page updates what
// changed, without a reload and without reloading what did not change.

const THANKS = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories|verhalen|berichten/i });
const reader = (page: Page) => page.getByRole('region', { name: /^(Reader|Lezer)$/ });
const sidebar = (page: Page) => page.getByRole('navigation', { name: /^(Library|Bibliotheek)$/ });
const row = (page: Page, headline: string) => storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(headline)) });
const sidebarTag = (page: Page, name: string) => sidebar(page).getByRole('region', { name: /^Tags$/ }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\s?,`) });
const readerTags = (page: Page) => reader(page).getByRole('list', { name: 'Tags', exact: true });

test('a tag added by another client appears in the open page without a reload, and its undo too', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  await row(page, THANKS).click();
  await expect(reader(page).getByRole('heading', { level: 2, name: THANKS })).toBeVisible();
  // A reload would lose this.
  await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path.slice('/api/'.length));
  });

  const items = (await host.call<{ items: { id: string; headline: string }[] }>('stories.list', { kind: 'article' })).items;
  const id = items.find((item) => item.headline === THANKS)!.id;
  await host.call('tags.apply', { storyIds: [id], addNames: ['Van elders'] });

  await expect(sidebarTag(page, 'Van elders')).toBeVisible();
  await expect(readerTags(page).getByText('Van elders')).toBeVisible();
  await expect(row(page, THANKS)).toContainText('Van elders');
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  // Exactly what the change touched: the list page, the tag tree, the open story and its extras, status and undo state.
  await expect.poll(() => calls.filter((call) => call === 'stories.list').length).toBe(1);
  expect(calls).not.toContain('dossiers.list');
  expect(calls).not.toContain('searches.list');

  // The other client undoes it: the tag leaves the page again.
  await host.call('history.undo', {});
  await expect(sidebarTag(page, 'Van elders')).toHaveCount(0);
  await expect(readerTags(page).getByText('Van elders')).toHaveCount(0);
  await expect(row(page, THANKS)).not.toContainText('Van elders');
});

test('the change stream refuses a request without the token', async ({ host, request }) => {
  const without = await request.get(`${host.origin}/changes`);
  expect(without.status()).toBe(403);
  const wrong = await request.get(`${host.origin}/changes`, { headers: { 'X-Kroniek-Token': 'not-the-token' } });
  expect(wrong.status()).toBe(403);
});
