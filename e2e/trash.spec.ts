import type { Browser, Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { escapeRegExp, expect, test, type Host } from './fixtures';

// Deleting stories into the Trash through the real UI on the seed library, in both
// languages at a large and a small window: the reader's Delete button, Trash → restore →
// undo, the Delete key in the list, the rows' context menu, and a bulk delete of a selection.

const THANKS = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';
const VISIT = 'Poetin op zeer zeldzaam bezoek in Noord-Korea';
const LEAVES = 'Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland';
const PACT = "Kim en Poetin tekenen 'alomvattend' samenwerkingsverband";
const SUPPORT = "Kim Jong-un biedt Rusland zijn 'volledige steun' aan";

const WORDS = {
  en: {
    reader: 'Reader',
    deleteStory: (headline: string) => `Delete “${headline}” (move to the Trash)`,
    trash: 'Trash',
    restoreFor: (headline: string) => `Restore “${headline}”`,
    undo: /^Undo/,
    deleteTwo: 'Delete 2 stories',
    menuDelete: 'Delete',
    close: 'Close',
    deleted: 'Moved 1 story to the Trash',
  },
  nl: {
    reader: 'Lezer',
    deleteStory: (headline: string) => `Verwijderen: “${headline}” (naar de prullenbak)`,
    trash: 'Prullenbak',
    restoreFor: (headline: string) => `Terugzetten: “${headline}”`,
    undo: /^Ongedaan maken/,
    deleteTwo: '2 berichten verwijderen',
    menuDelete: 'Verwijderen',
    close: 'Sluiten',
    deleted: '1 bericht naar de prullenbak verplaatst',
  },
} as const;

const SIZES = [
  { width: 1440, height: 900 },
  { width: 800, height: 600 },
] as const;

const storyList = (page: Page) => page.getByRole('listbox', { name: /stories|verhalen|berichten/i });
const row = (page: Page, headline: string) => storyList(page).getByRole('option', { name: new RegExp(escapeRegExp(headline)) });
const sidebarNav = (page: Page) => page.getByRole('navigation', { name: /^(Library|Bibliotheek)$/ });
/** The sidebar; a narrow window hides it until asked. */
function sidebar(page: Page) {
  return {
    getByRole: (...args: Parameters<ReturnType<typeof sidebarNav>['getByRole']>) => ({
      async click() {
        const show = page.getByRole('button', { name: /^(Show sidebar|Zijbalk tonen)$/ });
        if (await show.isVisible()) await show.click();
        await sidebarNav(page).getByRole(...args).click();
      },
    }),
  };
}
/** A row: from the list, after going back to it when the reader took over a narrow window. */
async function showList(page: Page) {
  const back = page.getByRole('button', { name: /^(Back to the list|Terug naar de lijst)$/ });
  if (await back.isVisible()) await back.click();
}

async function openPage(browser: Browser, host: Host, language: 'en' | 'nl', size: { width: number; height: number }): Promise<Page> {
  // bypassCSP only so that axe can be injected for the accessibility checks.
  const context = await browser.newContext({ bypassCSP: true, viewport: size });
  await context.addInitScript((lang) => window.localStorage.setItem('kroniek.language', lang), language);
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(storyList(page).getByRole('option')).toHaveCount(5);
  return page;
}

// One page session per language and size walks both flows, the second after a reload: the
// first undoes its own delete, so the second starts from the five stories and an empty Trash
// (which its count of four in the Trash also proves).
for (const language of ['en', 'nl'] as const) {
  for (const size of SIZES) {
    test(`delete from the reader → Trash → restore → undo; the Delete key, the context menu and a bulk delete in the list (${language}, ${size.width}×${size.height})`, async ({ browser, host }) => {
      const words = WORDS[language];
      const page = await openPage(browser, host, language, size);
      try {
        await row(page, THANKS).click();
        const reader = page.getByRole('region', { name: words.reader, exact: true });
        const deleteButton = reader.getByRole('button', { name: words.deleteStory(THANKS) });
        await expect(deleteButton).toBeVisible();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await deleteButton.click();
        await expect(row(page, THANKS)).toHaveCount(0);
        await expect(page.getByText(words.deleted)).toBeVisible();

        // The Trash lists it; restore brings it back; undo takes the restore back, and the delete.
        await sidebar(page).getByRole('button', { name: words.trash, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: words.trash });
        await expect(dialog.getByText(THANKS)).toBeVisible();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await dialog.getByRole('button', { name: words.restoreFor(THANKS) }).click();
        await expect(dialog.getByText(THANKS)).toHaveCount(0);
        await dialog.getByRole('button', { name: words.close, exact: true }).click();
        await showList(page);
        await expect(row(page, THANKS)).toHaveCount(1);
        await expect(dialog).toHaveCount(0);
        await sidebar(page).getByRole('button', { name: words.undo }).click();
        await expect(row(page, THANKS)).toHaveCount(0);
        await sidebar(page).getByRole('button', { name: words.undo }).click();
        await expect(row(page, THANKS)).toHaveCount(1);

        // A fresh page on the same library, for the list's own ways to delete.
        await page.goto(host.url);
        await expect(storyList(page).getByRole('option')).toHaveCount(5);

        // The Delete key on the row at the cursor.
        await row(page, VISIT).click();
        await showList(page);
        await row(page, VISIT).press('Delete');
        await expect(row(page, VISIT)).toHaveCount(0);
        await expect(storyList(page).getByRole('option')).toHaveCount(4);

        // The context menu of a row, from the keyboard.
        await row(page, SUPPORT).focus();
        await row(page, SUPPORT).press('Shift+F10');
        const menu = page.getByRole('menu');
        await expect(menu.getByRole('menuitem').first()).toBeFocused();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await menu.getByRole('menuitem', { name: words.menuDelete, exact: true }).click();
        await expect(row(page, SUPPORT)).toHaveCount(0);

        // A selection of two, deleted at once from the selection bar.
        await row(page, LEAVES).click();
        await showList(page);
        await row(page, PACT).click({ modifiers: ['ControlOrMeta'] });
        await page.getByRole('button', { name: words.deleteTwo }).click();
        await expect(storyList(page).getByRole('option')).toHaveCount(1);

        // All four are in the Trash, most recently deleted first.
        await sidebar(page).getByRole('button', { name: words.trash, exact: true }).click();
        await expect(dialog.getByRole('listitem')).toHaveCount(4);
        await expect(dialog.getByRole('listitem').last()).toContainText(VISIT);
      } finally {
        await page.context().close();
      }
    });
  }
}
