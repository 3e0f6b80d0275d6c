import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ACCOUNTS, startDesk, type Desk } from '../electron/core/features/sync/test/desk';
import { seriousAxeViolations } from './axe';
import { escapeRegExp, expect, indexesReady, startHost, stopHost, test, type Host } from './fixtures';

// The team library in two browsers: one CouchDB-protocol server on loopback, two hosts on two
// library folders (A with the sample pages, B empty), two browser contexts. A connects through
// the Share dialog, B too; a tag added in A appears in B's open list; both edit the same note
// while disconnected and meet again in the Conflicts view; a reader-only account says so.

const THANKS = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories|verhalen|berichten/i });
const row = (page: Page, headline: string) => storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(headline)) });
const team = (page: Page) => page.getByRole('region', { name: 'Team library' });
const indicator = (page: Page) => team(page).getByRole('button', { name: /^Team library: / });
const shareDialog = (page: Page) => page.getByRole('dialog', { name: 'Share this library' });

interface Side {
  host: Host;
  child: ChildProcess;
  dir: string;
  context: BrowserContext;
  page: Page;
}

let desk: Desk;
let a: Side;
let b: Side;
let storyId = '';

async function openSide(browser: Browser, args: string[]): Promise<Side> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-e2e-team-'));
  const { host, child } = await startHost(dir, args);
  await indexesReady(host);
  // bypassCSP: axe is injected as a script (see ./axe.ts).
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(host.url);
  return { host, child, dir, context, page };
}

/** Fills the Share dialog and connects; the dialog stays open. */
async function connectInDialog(page: Page, url: string, user: string, password: string) {
  const dialog = shareDialog(page);
  await dialog.getByLabel('Desk database address').fill(url);
  await dialog.getByLabel('User name').fill(user);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: /^(Connect|Connect again)$/ }).click();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  desk = await startDesk(['team', 'reader']);
  [a, b] = await Promise.all([openSide(browser, []), openSide(browser, ['--no-seeds'])]);
});

test.afterAll(async () => {
  for (const side of [a, b]) {
    if (!side) continue;
    await side.context.close();
    await stopHost(side.child);
    await rm(side.dir, { recursive: true, force: true });
  }
  await desk?.stop();
});

test('A and B connect through the Share dialog; a tag added in A appears in B\'s open list', async () => {
  const { page } = a;
  await page.getByRole('button', { name: 'Share this library…' }).click();
  const dialog = shareDialog(page);
  await dialog.getByLabel('Desk database address').fill(desk.url('team'));
  await dialog.getByLabel('User name').fill('anna');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Enter the password.');
  await dialog.getByLabel('Password', { exact: true }).fill('wrong');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The server refused the user name or password.');
  await dialog.getByLabel('Password', { exact: true }).fill(ACCOUNTS.anna.password);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Connection works: this account may read and change the desk library.');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog).toContainText(`Shared with ${desk.url('team')} as anna.`);
  await expect(dialog.locator('.share-state')).toHaveText(/^(Synced|Syncing)/);
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(indicator(a.page)).toHaveAccessibleName('Team library: Synced');
  await expect(team(a.page)).toContainText('Last synced');

  await b.page.getByRole('button', { name: 'Share this library…' }).click();
  await connectInDialog(b.page, desk.url('team'), 'ben', ACCOUNTS.ben.password);
  await shareDialog(b.page).getByRole('button', { name: 'Close' }).click();
  // B's empty library fills from the desk, live.
  await expect(row(b.page, THANKS)).toBeVisible({ timeout: 15_000 });
  await expect(indicator(b.page)).toHaveAccessibleName('Team library: Synced');
  await expect(team(b.page)).toContainText('Last from anna');

  const items = (await a.host.call<{ items: { id: string; headline: string }[] }>('stories.list', { kind: 'article' })).items;
  storyId = items.find((item) => item.headline === THANKS)!.id;
  await a.host.call('tags.apply', { storyIds: [storyId], addNames: ['Deskbreed'] });
  await expect(row(b.page, THANKS)).toContainText('Deskbreed');
  // The reader says who changed it, and when.
  await row(b.page, THANKS).click();
  await expect(b.page.getByText(/^Changed by anna, .+ \(tags\)$/)).toBeVisible();
  // B's Recent changes list A's tag, from anna (keyboard: the sidebar button, Escape closes).
  await b.page.getByRole('button', { name: 'Recent changes' }).focus();
  await b.page.keyboard.press('Enter');
  const recent = b.page.getByRole('dialog', { name: 'Recent changes' });
  await expect(recent.getByRole('listitem').filter({ hasText: 'Edit tags of story' }).first()).toContainText('from anna');
  expect(await seriousAxeViolations(b.page)).toEqual([]);
  await recent.screenshot({ path: test.info().outputPath('recent-changes-en.png') });
  await b.page.keyboard.press('Escape');
  await expect(recent).toBeHidden();
});

test('both edit the same note while disconnected: the conflict shows in both with both texts, is resolved in A and leaves B', async () => {
  // A disconnects in the dialog: the library stays.
  await indicator(a.page).click();
  const dialog = shareDialog(a.page);
  await expect(dialog).toContainText('nothing is deleted');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Disconnected. Your library is unchanged on this computer.');
  await expect(row(a.page, THANKS)).toBeVisible();
  await b.host.call('sync.disconnect');

  await a.host.call('stories.setNote', { id: storyId, note: 'Anna: bron is het ministerie.' });
  await b.host.call('stories.setNote', { id: storyId, note: 'Ben: <b>bron</b> is de ambassade.' });

  await connectInDialog(a.page, desk.url('team'), 'anna', ACCOUNTS.anna.password);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await b.host.call('sync.connect', { url: desk.url('team'), user: 'ben', password: ACCOUNTS.ben.password });

  for (const side of [a, b]) {
    const entry = team(side.page).getByRole('button', { name: /^Conflicts/ });
    await expect(entry).toContainText('1', { timeout: 15_000 });
    await entry.click();
    const view = side.page.getByRole('region', { name: 'Conflicts' });
    const conflict = view.getByRole('listitem').filter({ has: side.page.getByRole('heading', { name: /Note of/ }) });
    await expect(conflict).toContainText('Anna: bron is het ministerie.');
    // Untrusted text is text: the markup shows as typed.
    await expect(conflict).toContainText('Ben: <b>bron</b> is de ambassade.');
    await expect(conflict).toContainText('by anna');
    await expect(conflict).toContainText('by ben');
  }
  expect(await seriousAxeViolations(a.page)).toEqual([]);

  await a.page.getByRole('region', { name: 'Conflicts' }).getByRole('button', { name: 'Keep mine' }).click();
  await expect(a.page.getByText('No conflicts.')).toBeVisible();
  await expect(b.page.getByText('No conflicts.')).toBeVisible({ timeout: 15_000 });
  await expect(team(b.page).getByRole('button', { name: /^Conflicts/ })).not.toContainText('1');
});

test('a reader-only account: Test connection and the indicator say edits stay on this computer', async () => {
  const { page } = b;
  await indicator(page).click();
  const dialog = shareDialog(page);
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await dialog.getByLabel('Desk database address').fill(desk.url('reader'));
  await dialog.getByLabel('User name').fill('rita');
  await dialog.getByLabel('Password', { exact: true }).fill(ACCOUNTS.rita.password);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Connection works, but this account may only read: your own edits will stay on this computer.');
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(team(page)).toContainText(/Read-only: your edits stay on this computer \(\d+ not sent\)/, { timeout: 15_000 });
});
