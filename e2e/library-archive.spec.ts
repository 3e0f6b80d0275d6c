import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { escapeRegExp, expect, startHost, stopHost, test, type Host } from './fixtures';

// Moving a library: library A is downloaded as one archive from the Backups dialog
// and imported into library B (a fresh one, with the sample stories and a tag of
// its own) in the browser host. B ends up with A's work and keeps its own.

const THANKS = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';
const PACT = "Kim en Poetin tekenen 'alomvattend' samenwerkingsverband";
const VISIT = 'Poetin op zeer zeldzaam bezoek in Noord-Korea';

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories/i });
const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const tagButton = (page: Page, name: string) => sidebar(page).getByRole('region', { name: 'Tags' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\s?,`) });
const row = (page: Page, headline: string) => storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(headline)) });

async function articleIds(host: Host): Promise<Map<string, string>> {
  const page = await host.call<{ items: { id: string; headline: string }[] }>('stories.list', { kind: 'article' });
  return new Map(page.items.map((item) => [item.headline, item.id]));
}

/** What the Backups dialog shows once its list has loaded: the table of backups, or that there are none. */
const backupsLoaded = (dialog: Locator) => dialog.getByRole('table', { name: 'Backups, newest first' }).or(dialog.getByText(/^No backups yet\./));

test('moves a library: download from A, import into a fresh B that keeps its own tag, no duplicate stories', async ({ page, host: a }) => {
  test.setTimeout(120_000);
  // Library A: a tag on a story, a link with a note, a dossier and an editor's note (arranged over HTTP).
  const idsA = await articleIds(a);
  await a.call('tags.apply', { storyIds: [idsA.get(THANKS)], addNames: ['Kim–Poetin'] });
  await a.call('links.create', { from: idsA.get(THANKS), to: idsA.get(PACT), type: 'follow-up', note: 'Zelfde bezoek' });
  await a.call('dossiers.create', { title: 'Kim en Poetin', storyIds: [idsA.get(THANKS), idsA.get(PACT)] });
  await a.call('stories.setNote', { id: idsA.get(THANKS), note: 'Nagebeld met de correspondent in Moskou.' });

  await page.goto(a.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  await page.getByRole('button', { name: 'Backups…' }).click();
  const backupsA = page.getByRole('dialog', { name: 'Backups' });
  // The list of backups loads after the dialog opens and moves the footer's buttons down: a click
  // before it has loaded can land where a button was (CI, 2026-12-06).
  await expect(backupsLoaded(backupsA)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await backupsA.getByRole('button', { name: 'Download whole library' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kroniek-library-\d{4}-\d{2}-\d{2}\.json$/);
  const archive = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(archive);
  await expect(backupsA.getByText(`Downloaded “${download.suggestedFilename()}” with 40 stories.`)).toBeVisible();
  expect(JSON.parse(await readFile(archive, 'utf8'))).toMatchObject({ format: 'kroniek-library', stories: expect.any(Array) });

  // Library B: a fresh folder (the sample stories imported automatically) with a tag of its own.
  const dirB = await mkdtemp(path.join(os.tmpdir(), 'kroniek-e2e-b-'));
  const { host: b, child } = await startHost(dirB);
  try {
    const idsB = await articleIds(b);
    expect([...idsB.values()].sort()).toEqual([...idsA.values()].sort());
    await b.call('tags.apply', { storyIds: [idsB.get(VISIT)], addNames: ['Eigen label B'] });

    await page.goto(b.url);
    await expect(storyList(page).getByRole('option')).toHaveCount(5);
    await expect(tagButton(page, 'Eigen label B')).toBeVisible();
    await expect(tagButton(page, 'Kim–Poetin')).toHaveCount(0);

    await page.getByRole('button', { name: 'Backups…' }).click();
    const backupsB = page.getByRole('dialog', { name: 'Backups' });
    await expect(backupsLoaded(backupsB)).toBeVisible();
    await backupsB.getByRole('button', { name: 'Import library archive…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Import a library archive?' });
    await expect(confirm).toContainText('Stories and tags are added; nothing in this library is removed or changed.');
    await expect(confirm.getByRole('button', { name: 'Back' })).toBeFocused();

    // Keyboard all the way: Tab to the choose button, Enter opens the browser's file chooser.
    const choosing = page.waitForEvent('filechooser');
    await page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Choose archive file…' })).toBeFocused();
    await page.keyboard.press('Enter');
    await (await choosing).setFiles(archive);

    const done = page.getByRole('dialog', { name: 'Library archive imported' });
    await expect(done).toBeVisible();
    const summary = done.locator('.archive-summary');
    await expect(summary).toContainText('Stories0 added, 40 already in this library');
    await expect(summary).toContainText('Tags1 added, 0 matched to a tag of the same name');
    await expect(summary).toContainText('Links1 added');
    await expect(summary).toContainText('Dossiers1 added');
    await expect(summary).toContainText('Differencesnone');
    await expect(done.getByRole('button', { name: 'Close' })).toBeFocused();
    await done.screenshot({ path: test.info().outputPath('merge-summary.png') });
    await page.keyboard.press('Escape');
    await expect(done).toBeHidden();

    // B now has A's tag, link (with its note) and dossier, its own tag still, and each story once.
    await expect(storyList(page).getByRole('option')).toHaveCount(5);
    await expect(tagButton(page, 'Kim–Poetin')).toBeVisible();
    await expect(tagButton(page, 'Eigen label B')).toBeVisible();
    await expect(sidebar(page).getByRole('button', { name: /^Kim en Poetin/ })).toBeVisible();
    await row(page, THANKS).click();
    await expect(reader(page).getByRole('heading', { level: 2, name: THANKS })).toBeVisible();
    await expect(reader(page).getByRole('list', { name: 'Tags', exact: true })).toContainText('Kim–Poetin');
    const links = reader(page).getByRole('region', { name: 'Links' });
    await expect(links.getByRole('region', { name: 'Followed by' }).getByRole('button', { name: PACT, exact: true })).toBeVisible();
    await expect(links).toContainText('Zelfde bezoek');
    expect(await b.call('stories.get', { id: idsB.get(THANKS) })).toMatchObject({ note: 'Nagebeld met de correspondent in Moskou.' });
    expect(await b.call('library.status')).toMatchObject({ counts: { articles: 5, briefs: 35, tags: 2, links: 1, dossiers: 1 } });
  } finally {
    await stopHost(child);
    await rm(dirB, { recursive: true, force: true });
  }
});

test('the import confirmation and summary have no serious accessibility violations', async ({ browser, host }) => {
  // axe is injected as a script, which the app's CSP blocks: this context bypasses it, for this check only.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    const download = await host.call<{ base64: string; fileName: string }>('library.exportArchive');
    const archive = test.info().outputPath(download.fileName);
    await writeFile(archive, Buffer.from(download.base64, 'base64'));
    await page.goto(host.url);
    await expect(storyList(page).getByRole('option')).toHaveCount(5);
    await page.getByRole('button', { name: 'Backups…' }).click();
    const backups = page.getByRole('dialog', { name: 'Backups' });
    await expect(backups.getByRole('button', { name: 'Import library archive…' })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await backups.screenshot({ path: test.info().outputPath('backups.png') });

    await backups.getByRole('button', { name: 'Import library archive…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Import a library archive?' });
    await expect(confirm.getByRole('button', { name: 'Choose archive file…' })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await confirm.screenshot({ path: test.info().outputPath('import-confirm.png') });

    await page.getByLabel('Library archive file (JSON)').setInputFiles(archive);
    const done = page.getByRole('dialog', { name: 'Library archive imported' });
    await expect(done).toContainText('Stories0 added, 40 already in this library');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await done.screenshot({ path: test.info().outputPath('import-summary.png') });
  } finally {
    await context.close();
  }
});
