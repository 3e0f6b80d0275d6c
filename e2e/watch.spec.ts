import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { escapeRegExp, expect, indexesReady, startHost, stopHost, test } from './fixtures';

// A drop folder named when the host starts (`npm run host -- --watch DIR`): a file that
// a wire system writes into it appears in the open page's list and in the Watch folders
// log, through the host's change stream, without a reload.

const HEADLINE = 'Waterschap sluit dijk af na hevige regenval in Limburg';
const STORY = `${HEADLINE}\nMAASTRICHT (ANP) - Het waterschap heeft een dijk bij Maastricht afgesloten na dagen van hevige regen. Bewoners worden gevraagd uit de buurt te blijven.\nDe Maas staat hoger dan in jaren. Het waterschap verwacht dat het water morgen zakt.\n`;

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories|berichten/i });
const sidebar = (page: Page) => page.getByRole('navigation', { name: /^(Library|Bibliotheek)$/ });

test('a file dropped into the watched folder appears in the list and the log without a reload', async ({ page }) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kroniek-e2e-watch-'));
  const drop = path.join(root, 'drop');
  await mkdir(drop);
  const { host, child } = await startHost(path.join(root, 'lib'), ['--watch', drop]);
  try {
    await indexesReady(host);
    await page.goto(host.url);
    await expect(storyList(page).getByRole('option')).toHaveCount(5);
    await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

    await sidebar(page).getByRole('button', { name: /^(Watch folders…|Bewaakte mappen…)$/ }).click();
    const dialog = page.getByRole('dialog', { name: /^(Watch folders|Bewaakte mappen)$/ });
    const folders = dialog.getByRole('list', { name: /^(Watched folders|Bewaakte mappen)$/ });
    await expect(folders.getByRole('listitem')).toHaveCount(1);
    await expect(folders).toContainText(drop);
    await expect(folders).toContainText(/watching|bewaakt/);
    // The browser cannot pick a folder: it says how to name one instead.
    await expect(dialog).toContainText('--watch');
    const log = dialog.getByRole('table', { name: /^(Import log|Logboek)/ });
    await expect(dialog).toContainText(/No files have arrived yet|nog geen bestanden/);

    await writeFile(path.join(drop, 'dijk.txt'), STORY);
    await writeFile(path.join(drop, 'leeg.txt'), '');

    const imported = log.getByRole('row', { name: /dijk\.txt/ });
    await expect(imported).toContainText(/Imported|Ingelezen/);
    await expect(imported.getByRole('button', { name: new RegExp(escapeRegExp(HEADLINE)) })).toBeVisible();
    const rejected = log.getByRole('row', { name: /leeg\.txt/ });
    await expect(rejected).toContainText(/Not imported|Niet ingelezen/);
    await expect(rejected).toContainText(/The file is empty\. The file stays in the folder\.|Het bestand is leeg\. Het bestand blijft in de map staan\./);

    // Open the new story from the log; the list behind the dialog has it too.
    await imported.getByRole('button', { name: new RegExp(escapeRegExp(HEADLINE)) }).click();
    await expect(dialog).toHaveCount(0);
    await expect(storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(HEADLINE)) })).toBeVisible();
    await expect(page.getByRole('region', { name: /^(Reader|Lezer)$/ }).getByRole('heading', { level: 2, name: HEADLINE })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    // Nothing was removed from the drop folder.
    expect((await readdir(drop)).sort()).toEqual(['dijk.txt', 'leeg.txt']);
  } finally {
    await stopHost(child);
    await rm(root, { recursive: true, force: true });
  }
});
