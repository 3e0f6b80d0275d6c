import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { ImportReport } from '../../../../shared/types';
import { openRealCore, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';
import { brugKill, brugVersion, embargoItem, newsmlG2, ninjs3, type AnpItem } from './test/anp-items';

// Against the real core in-process: agency files imported as the browser sends them, the
// reader's version rail, an older version, the comparison, badges, banners and rights, the
// list's "new since you last opened it", and a dossier with a withdrawn and an embargoed story.

let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

const file = (name: string, text: string) => ({ name, base64: Buffer.from(text, 'utf8').toString('base64') });
const ninjsFile = (name: string, item: AnpItem) => file(`${name}.json`, ninjs3(item));
const g2File = (name: string, item: AnpItem) => file(`${name}.xml`, newsmlG2(item));

describe('a wire story in the reader and the list', () => {
  it('folds new versions into the open story and marks its row new since last opened until the editor opens it', async () => {
    real = await openRealCore();
    // A second agency story, also updated since last opened: opening the first must leave its mark alone.
    const other = { ...embargoItem('2020-01-01T00:00:00Z'), guid: 'urn:newsml:anp.nl:20261203:ander', headline: 'Gemeente Zwolle opent nieuw station' };
    await real.call('import.files', { files: [ninjsFile('v1', brugVersion(1)), ninjsFile('ander-1', other), ninjsFile('ander-2', { ...other, version: 2, versionCreated: '2026-12-03T09:45:00+01:00' })] });
    const { store } = renderApp(real);
    const user = userEvent.setup();
    const listbox = await screen.findByRole('listbox', { name: /^Stories/ });
    await user.click(await within(listbox).findByRole('option', { name: /Brug bij Zwolle dicht na aanvaring/ }));
    const reader = screen.getByRole('region', { name: 'Reader' });
    await waitFor(() => expect(within(reader).getByRole('heading', { level: 2 })).toHaveTextContent('Brug bij Zwolle dicht na aanvaring'));
    // One version: no rail.
    expect(within(reader).queryByRole('navigation', { name: 'Versions' })).toBeNull();

    // v2 (NewsML-G2) and v3 (ninjs) of the same story arrive while it is open.
    const report = await real.client.call('import.files', { files: [g2File('v2', brugVersion(2)), ninjsFile('v3', brugVersion(3))] });
    expect((report as ImportReport).files.map((entry) => entry.versions?.[0]?.outcome)).toEqual(['version', 'version']);
    await store.getState().settled();
    await waitFor(() => expect(within(reader).getByRole('heading', { level: 2 })).toHaveTextContent('Brug bij Zwolle zeker twee dagen dicht na aanvaring'));
    // Still one story in the list, marked updated (corrected) and new since last opened.
    const rows = within(listbox).getAllByRole('option', { name: /Brug bij Zwolle/ });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('new since you last opened it');
    expect(rows[0]).toHaveTextContent('corrected');
    const otherRow = within(listbox).getByRole('option', { name: /Gemeente Zwolle opent nieuw station/ });
    expect(otherRow).toHaveTextContent('new since you last opened it');
    expect(otherRow).toHaveTextContent('updated');

    // Opening it (clicking its row) is seeing it: that row's mark goes, the other story's stays.
    await user.click(within(listbox).getByRole('option', { name: /Brug bij Zwolle/ }));
    await waitFor(() => expect(within(listbox).getByRole('option', { name: /Brug bij Zwolle/ })).not.toHaveTextContent('new since you last opened it'));
    expect(real.callsOf('library.markOpened')).toHaveLength(1);
    expect(within(listbox).getByRole('option', { name: /Gemeente Zwolle opent nieuw station/ })).toHaveTextContent('new since you last opened it');
  });

  it('shows the version rail, an older version read-only, the changed words, badges and rights', async () => {
    real = await openRealCore();
    await real.call('import.files', { files: [ninjsFile('v1', brugVersion(1)), g2File('v2', brugVersion(2)), ninjsFile('v3', brugVersion(3))] });
    renderApp(real);
    const user = userEvent.setup();
    const listbox = await screen.findByRole('listbox', { name: /^Stories/ });
    await user.click(await within(listbox).findByRole('option', { name: /Brug bij Zwolle/ }));
    const reader = screen.getByRole('region', { name: 'Reader' });
    await within(reader).findByRole('navigation', { name: 'Versions' });

    // The rail: v1, v2 "update", v3 "correction", the newest shown.
    const rail = within(reader).getByRole('navigation', { name: 'Versions' });
    const chips = within(rail).getAllByRole('button', { name: /^v\d/ });
    expect(chips.map((chip) => chip.textContent)).toEqual([expect.stringMatching(/^v1\d\d:\d\d$/), expect.stringMatching(/^v2\d\d:\d\dupdate$/), expect.stringMatching(/^v3\d\d:\d\dcorrection$/)]);
    expect(chips[2]).toHaveAttribute('aria-current', 'true');
    // Badges and the agency's note; rights and sources in the inspector.
    expect(within(reader).getByLabelText('Agency status')).toHaveTextContent('corrected');
    expect(reader).toHaveTextContent('Note from the agency: Correctie: het verkeer wordt omgeleid via Hattem, niet via Kampen.');
    const rights = within(reader).getByRole('region', { name: 'Rights and sources' });
    expect(rights).toHaveTextContent('Copyright holderANP');
    expect(rights).toHaveTextContent('Alleen voor redactioneel gebruik door abonnees van de ANP-nieuwsdienst.');
    expect(rights).toHaveTextContent('ANP (originfo), Rijkswaterstaat (source)');

    // An older version, read-only, and the way back.
    await user.click(chips[0]!);
    const bar = await within(reader).findByText(/You are reading an older version: version 1 of 3/);
    expect(within(reader).getByRole('heading', { level: 2 })).toHaveTextContent('Brug bij Zwolle dicht na aanvaring');
    expect(within(rail).getAllByRole('button', { name: /^v\d/ })[0]).toHaveAttribute('aria-current', 'true');
    await user.click(within(bar.parentElement!).getByRole('button', { name: 'Back to the newest version' }));
    await waitFor(() => expect(within(reader).getByRole('heading', { level: 2 })).toHaveTextContent('zeker twee dagen'));
    expect(within(reader).queryByText(/older version/)).toBeNull();

    // The comparison: v2 → v3 by default, added words in <ins>, removed ones in <del>, named for screen readers.
    await user.click(within(rail).getByRole('button', { name: 'Compare versions' }));
    const diff = await within(reader).findByRole('region', { name: 'Changes between two versions' });
    await waitFor(() => expect(diff.querySelector('ins')).not.toBeNull());
    expect([...diff.querySelectorAll('ins')].map((ins) => ins.textContent)).toEqual([expect.stringContaining('Hattem')]);
    expect([...diff.querySelectorAll('del')].map((del) => del.textContent)).toEqual([expect.stringContaining('Kampen')]);
    expect(diff.querySelector('ins')!.textContent).toMatch(/^added: \+/);
    await user.selectOptions(within(diff).getByLabelText('From'), 'v1');
    await waitFor(() => expect([...diff.querySelectorAll('ins')].map((ins) => ins.textContent).join(' ')).toContain('zeker twee dagen'));
    await user.click(within(rail).getByRole('button', { name: 'Close comparison' }));
    expect(within(reader).queryByRole('region', { name: 'Changes between two versions' })).toBeNull();

  });
});

describe('withdrawn and embargoed stories in the reader', () => {
  it('show a banner with the agency note, and one with the embargo time; the list row says withdrawn', async () => {
    real = await openRealCore();
    await real.call('import.files', { files: [ninjsFile('v1', brugVersion(1)), g2File('kill', brugKill()), ninjsFile('embargo', embargoItem('2099-06-01T05:00:00Z'))] });
    renderApp(real);
    const user = userEvent.setup();
    // The withdrawn story's banner carries the agency's note; the embargoed one's its time.
    const listbox = await screen.findByRole('listbox', { name: /^Stories/ });
    await user.click(await within(listbox).findByRole('option', { name: /VERVALT: Brug bij Zwolle/ }));
    const reader = screen.getByRole('region', { name: 'Reader' });
    await waitFor(() => expect(reader).toHaveTextContent('Withdrawn by the agency. Do not use this story.'));
    expect(reader).toHaveTextContent('Note from the agency: Vervalt: dit bericht is ingetrokken. Niet gebruiken.');
    expect(within(listbox).getByRole('option', { name: /VERVALT: Brug bij Zwolle/ })).toHaveTextContent('withdrawn');
    await user.click(within(listbox).getByRole('option', { name: /Rapport: dijken/ }));
    await waitFor(() => expect(reader).toHaveTextContent(/Embargo until .*2099.*Do not publish before then\./));
  });
});

describe('a dossier with a withdrawn and an embargoed story', () => {
  it('warns, asks about the withdrawn story, blocks on the embargo until overridden, and keeps the override in its history', async () => {
    real = await openRealCore();
    const until = '2099-06-01T05:00:00Z';
    const report = await real.call<ImportReport>('import.files', {
      files: [ninjsFile('v1', brugVersion(1)), g2File('kill', brugKill()), ninjsFile('embargo', embargoItem(until))],
    });
    const [brug, , rapport] = report.files.map((entry) => entry.articleId!);
    const dossier = await real.call<DossierDetail>('dossiers.create', { title: 'Overijssel', storyIds: [brug, rapport] });
    URL.createObjectURL = vi.fn(() => 'blob:kroniek/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { store } = renderApp(real);
    const user = userEvent.setup();

    await store.getState().openDossier(dossier.dossier.id);
    const view = await screen.findByRole('region', { name: /Overijssel/ });
    await waitFor(() => expect(view).toHaveTextContent('This dossier holds a story the agency withdrew:VERVALT: Brug bij Zwolle zeker twee dagen dicht na aanvaring'));
    expect(view).toHaveTextContent(/This dossier holds a story under embargo:Rapport: dijken in Overijssel zwakker dan gedacht \(embargo until .*2099/);

    await user.click(within(view).getByRole('button', { name: 'Export…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Markdown' }));
    const exportButton = within(dialog).getByRole('button', { name: 'Export and download' });
    // No choice yet about the withdrawn story: nothing is sent.
    await user.click(exportButton);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose what to do with the withdrawn stories before exporting.');
    expect(real.callsOf('dossiers.export')).toHaveLength(0);
    await user.click(within(dialog).getByRole('radio', { name: /Include them, with the printed note/ }));
    // The embargo blocks the export until the editor overrides it.
    await user.click(exportButton);
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/A story in this dossier is under embargo until .*2099.*override the embargo\./), { timeout: 10_000 });
    expect(dialog).toHaveTextContent(/Export is blocked: a story is under embargo until .*2099/);
    await user.click(within(dialog).getByRole('checkbox', { name: /Export anyway, before the embargo of .*2099.* ends/ }));
    await user.click(exportButton);
    await waitFor(() => expect(dialog).toHaveTextContent('Overijssel.md'), { timeout: 10_000 });
    expect(real.callsOf('dossiers.export').at(-1)).toMatchObject({ withdrawn: 'include', overrideEmbargo: true });
    const markdown = await (vi.mocked(URL.createObjectURL).mock.calls.at(-1)![0] as Blob).text();
    expect(markdown).toMatch(/withdrawn by the agency/i);

    // The override is on record in the dossier's history.
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const history = await within(view).findByRole('region', { name: 'History' });
    expect(history).toHaveTextContent(/exported as Markdown before the embargo ended, with 1 embargoed story: Rapport: dijken in Overijssel zwakker dan gedacht/);
  });
});
