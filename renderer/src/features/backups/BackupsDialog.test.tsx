import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { LibraryNotice, LibraryStatus } from '../../../../shared/types';
import { installFakeDossiers, makeDossier } from '../dossiers/test/fake-service';
import { FakeService, makeStory } from '../../test/fake-service';
import { renderApp } from '../../test/render-app';

const BACKUPS = [
  { name: 'library-2024-06-20T14-00-00-000Z.json', createdAt: '2024-06-20T14:00:00.000Z', bytes: 18_432 },
  { name: 'library-2024-06-19T09-30-00-000Z.json', createdAt: '2024-06-19T09:30:00.000Z', bytes: 900 },
];

function setup(options: { transport?: 'http' | 'preload'; languages?: string[]; status?: Partial<LibraryStatus> } = {}) {
  const service = new FakeService([makeStory({ id: 'a1', headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne' })], options.transport ?? 'http');
  const fake = installFakeDossiers(service, { dossiers: [makeDossier({ id: 'd1', title: 'Kim en Poetin', storyIds: ['a1'] })], backups: BACKUPS });
  if (options.status) {
    const extra = options.status;
    let notices = extra.notices ?? [];
    const status = () => ({
      dataDir: '/tmp/fake',
      schemaVersion: 1,
      counts: { articles: 1, briefs: 0, tags: 0, links: 0, dossiers: 1 },
      readOnly: false,
      index: { ready: true, indexed: 1, total: 1 },
      ...extra,
      notices,
    });
    service.overrides['library.status'] = status;
    service.overrides['library.dismissNotices'] = () => ((notices = []), status());
  }
  renderApp(service, { languages: options.languages });
  return { service, fake };
}

describe('Backups dialog', { timeout: 20_000 }, () => {
  it('lists the backups newest first with time and size, and restores one after confirming', async () => {
    const user = userEvent.setup();
    const { service, fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    const dialog = screen.getByRole('dialog', { name: 'Backups' });
    const table = await within(dialog).findByRole('table', { name: 'Backups, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('newest');
    expect(rows[0]).toHaveTextContent('18.0 KB');
    expect(rows[1]).toHaveTextContent('900 B');
    // The words say the policy: within 10 minutes of a change, and at quit; what is kept.
    expect(dialog).toHaveTextContent('within 10 minutes of a change and when you quit');
    expect(dialog).toHaveTextContent('one an hour for 2 days');

    await user.click(within(rows[1]!).getByRole('button', { name: /Restore the backup from/ }));
    const confirm = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(confirm).toHaveTextContent('Kroniek first backs up the current state');
    // Back is the safe choice and has focus.
    expect(within(confirm).getByRole('button', { name: 'Back' })).toHaveFocus();
    expect(service.callsOf('backups.restore')).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Restore backup' }));

    await waitFor(() => expect(service.callsOf('backups.restore')).toEqual([{ name: 'library-2024-06-19T09-30-00-000Z.json' }]));
    expect(fake.restored).toEqual(['library-2024-06-19T09-30-00-000Z.json']);
    const done = screen.getByRole('dialog', { name: 'Backups' });
    expect(await within(done).findByText(/Restored the backup from .*The state before it was backed up first\./)).toBeInTheDocument();
    // Everything the restore touched is reloaded: the dossier it removed is gone from the sidebar.
    await waitFor(() => expect(screen.getByText('No dossiers yet.')).toBeInTheDocument());
    expect(within(done).getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('goes back to the list with Escape from the confirmation, and shows a failed restore', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    service.failures.set('backups.restore', new ServiceError('not-found', 'The backup is missing or damaged; pick another one.'));
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    const dialog = screen.getByRole('dialog', { name: 'Backups' });
    await user.click((await within(dialog).findAllByRole('button', { name: /Restore the backup from/ }))[0]!);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Backups' })).toBeInTheDocument();
    await user.click(within(dialog).getAllByRole('button', { name: /Restore the backup from/ })[0]!);
    await user.click(screen.getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The backup could not be restoredThe backup is missing or damaged');
  });

  it('offers “Save whole library…” in the desktop app only', async () => {
    const user = userEvent.setup();
    const { service } = setup({ transport: 'preload' });
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    await user.click(screen.getByRole('button', { name: 'Save whole library…' }));
    expect(await screen.findByText('Saved 1 story to /home/editor/kroniek-library.json.')).toBeInTheDocument();
    expect(service.callsOf('library.exportArchiveToFile')).toHaveLength(1);
  });

  it('has no save dialog in the browser, and no restore or import while the library is read-only', async () => {
    const user = userEvent.setup();
    setup({ status: { readOnly: true } });
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    const dialog = screen.getByRole('dialog', { name: 'Backups' });
    expect(within(dialog).queryByRole('button', { name: 'Save whole library…' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Download whole library' })).toHaveProperty('disabled', false);
    expect(within(dialog).getByRole('button', { name: 'Import library archive…' })).toHaveProperty('disabled', true);
    expect(dialog).toHaveTextContent('The library is open read-only, so nothing can be restored now.');
    for (const button of await within(dialog).findAllByRole('button', { name: /Restore the backup from/ })) expect(button).toHaveProperty('disabled', true);
  });
});

describe('Library archive', { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  const archiveInput = () => screen.getByTestId('library-archive-input') as HTMLInputElement;
  const pick = (file: File) => fireEvent.change(archiveInput(), { target: { files: [file] } });

  async function openImport(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Backups' })).getByRole('button', { name: 'Import library archive…' }));
    return screen.getByRole('dialog', { name: 'Import a library archive?' });
  }

  it('in the browser: explains the merge, uploads the picked file, shows the summary and refreshes list, tags and dossiers', async () => {
    const user = userEvent.setup();
    const { service, fake } = setup();
    const confirm = await openImport(user);
    expect(confirm).toHaveTextContent('Stories and tags are added; nothing in this library is removed or changed.');
    expect(confirm).toHaveTextContent('Kroniek backs up the current state first');
    // Back is the safe choice and has focus; nothing is sent before a file is chosen.
    expect(within(confirm).getByRole('button', { name: 'Back' })).toHaveFocus();
    expect(archiveInput()).toHaveAttribute('aria-label', 'Library archive file (JSON)');
    expect(archiveInput()).toHaveAttribute('accept', '.json,application/json');
    const opened = vi.spyOn(archiveInput(), 'click');
    await user.click(within(confirm).getByRole('button', { name: 'Choose archive file…' }));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(service.callsOf('library.importArchive')).toEqual([]);

    pick(new File(['{"format":"kroniek-library"}'], 'kroniek-library-2024-06-20.json', { type: 'application/json' }));
    const done = await screen.findByRole('dialog', { name: 'Library archive imported' });
    expect(service.callsOf('library.importArchive')).toEqual([{ name: 'kroniek-library-2024-06-20.json', base64: btoa('{"format":"kroniek-library"}') }]);
    expect(fake.archiveImports).toEqual(['kroniek-library-2024-06-20.json']);
    const rows = Array.from(done.querySelectorAll('.archive-summary dt')).map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(rows).toEqual([
      'Stories: 1 added, 40 already in this library',
      'Tags: 1 added, 2 matched to a tag of the same name',
      'Links: 3 added',
      'Dossiers: 1 added',
      'Saved searches: 0 added',
      'Differences: 1 note, date or link differs from this library’s; this library’s version was kept',
    ]);
    expect(done).toHaveTextContent('Nothing in this library was removed or changed.');
    expect(within(done).getByRole('button', { name: 'Close' })).toHaveFocus();

    // The story, its tag and the dossier the import added are on screen without a reload.
    await waitFor(() => expect(screen.getByRole('option', { name: /Kim en Poetin tekenen verdrag/ })).toBeInTheDocument());
    expect(screen.getByRole('list', { name: 'Tags' })).toHaveTextContent('Rusland');
    expect(screen.getByRole('button', { name: /Uit het archief/ })).toBeInTheDocument();

    await user.click(within(done).getByRole('button', { name: 'Back to backups' }));
    expect(screen.getByRole('dialog', { name: 'Backups' })).toBeInTheDocument();
    // Escape from the summary closes, like Close.
    await user.click(within(screen.getByRole('dialog', { name: 'Backups' })).getByRole('button', { name: 'Import library archive…' }));
    pick(new File(['{}'], 'again.json'));
    await screen.findByRole('dialog', { name: 'Library archive imported' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('in the desktop app: the native open dialog after the confirmation; cancelling it changes nothing', async () => {
    const user = userEvent.setup();
    const { service, fake } = setup({ transport: 'preload' });
    const confirm = await openImport(user);
    expect(screen.queryByTestId('library-archive-input')).toBeNull();
    const original = service.overrides['library.importArchiveWithDialog'];
    service.overrides['library.importArchiveWithDialog'] = () => null;
    await user.click(within(confirm).getByRole('button', { name: 'Choose archive and import…' }));
    await waitFor(() => expect(service.callsOf('library.importArchiveWithDialog')).toHaveLength(1));
    expect(screen.getByRole('dialog', { name: 'Import a library archive?' })).toBeInTheDocument();
    // While the dialog is up and the import runs, the dialog says so and nothing can be clicked twice.
    let finish: () => void = () => undefined;
    const waited = new Promise<void>((resolve) => (finish = resolve));
    service.overrides['library.importArchiveWithDialog'] = async (input) => (await waited, original!(input));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Choose archive and import…' }));
    expect(await screen.findByText('Choose the archive in the dialog that opened; Kroniek imports it right after.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose archive and import…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Back' })).toHaveProperty('disabled', true);
    finish();
    expect(await screen.findByRole('dialog', { name: 'Library archive imported' })).toHaveTextContent('1 added, 40 already in this library');
    expect(fake.archiveImports).toEqual(['dialog']);
    expect(service.callsOf('library.importArchiveWithDialog')).toEqual([{}, {}]);
  });

  it('refuses a file above the browser’s limit before reading it, and shows the service’s reason for a bad archive', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    await openImport(user);
    const big = new File(['{}'], 'groot.json');
    Object.defineProperty(big, 'size', { value: 40 * 1024 * 1024 });
    pick(big);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The archive could not be imported');
    expect(alert).toHaveTextContent('larger than 32 MB');
    expect(alert).toHaveTextContent('desktop app or the command line (kroniek import-library FILE)');
    expect(service.callsOf('library.importArchive')).toEqual([]);

    service.failures.set('library.importArchive', new ServiceError('invalid-input', 'kapot.json is not a readable Kroniek library archive: it is not complete JSON.', { code: 'archive.unreadable', name: 'kapot.json', problem: 'json' }));
    pick(new File(['{"format":'], 'kapot.json'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('kapot.json is not a readable library archive: it is not complete JSON (cut short, or another kind of file).'));
    // Still on the confirmation, ready for another file.
    expect(screen.getByRole('dialog', { name: 'Import a library archive?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose archive file…' })).toHaveProperty('disabled', false);
  });

  it('downloads the whole library in the browser', async () => {
    const user = userEvent.setup();
    const clicked: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:kroniek/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { service } = setup();
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    await user.click(screen.getByRole('button', { name: 'Download whole library' }));
    expect(await screen.findByText('Downloaded “kroniek-library-2024-06-20.json” with 1 story.')).toBeInTheDocument();
    expect(clicked).toEqual(['kroniek-library-2024-06-20.json']);
    expect(service.callsOf('library.exportArchive')).toEqual([{}]);
  });

  it('speaks Dutch', async () => {
    const user = userEvent.setup();
    setup({ languages: ['nl-NL'] });
    await user.click(await screen.findByRole('button', { name: 'Reservekopieën…' }));
    const backups = screen.getByRole('dialog', { name: 'Reservekopieën' });
    expect(backups).toHaveTextContent('uiterlijk 10 minuten na een wijziging en bij het afsluiten');
    expect(backups).toHaveTextContent('één per uur voor 2 dagen');
    await user.click(screen.getByRole('button', { name: 'Bibliotheekarchief importeren…' }));
    const confirm = screen.getByRole('dialog', { name: 'Bibliotheekarchief importeren?' });
    expect(confirm).toHaveTextContent('Berichten en tags worden toegevoegd; er wordt niets uit deze bibliotheek verwijderd of gewijzigd.');
    expect(archiveInput()).toHaveAttribute('aria-label', 'Bibliotheekarchief (JSON-bestand)');
    pick(new File(['{}'], 'archief.json'));
    const done = await screen.findByRole('dialog', { name: 'Bibliotheekarchief geïmporteerd' });
    expect(done).toHaveTextContent('Berichten1 toegevoegd, 40 stonden er al in');
    expect(done).toHaveTextContent('Tags1 toegevoegd, 2 samengevoegd met een tag met dezelfde naam');
  });
});

describe('Recovery notices and read-only', { timeout: 20_000 }, () => {
  const recovered: LibraryNotice = { code: 'recovered', backupCreatedAt: '2024-06-20T14:00:00.000Z', keptAs: 'library.json.damaged-2024-06-21T08-00-00-000Z' };

  it('shows a recovery prominently, with the way to the backups', async () => {
    const user = userEvent.setup();
    setup({ status: { notices: [recovered] } });
    const notices = await screen.findByRole('region', { name: 'Notices' });
    expect(notices).toHaveTextContent('Library recovered from a backup');
    expect(notices).toHaveTextContent('Edits made after that backup are lost.');
    expect(notices.querySelector('.notice-warning')).not.toBeNull();
    await user.click(within(notices).getByRole('button', { name: 'Backups…' }));
    expect(screen.getByRole('dialog', { name: 'Backups' })).toBeInTheDocument();
  });

  it('words the recovery in Dutch, keeping the backup time and the damaged file’s name', async () => {
    setup({ languages: ['nl-NL'], status: { notices: [recovered] } });
    const notices = await screen.findByRole('region', { name: 'Meldingen' });
    expect(notices).toHaveTextContent('Bibliotheek hersteld uit een reservekopie');
    expect(notices).toHaveTextContent('reservekopie van 20 juni 2024');
    expect(notices).toHaveTextContent('bewaard als library.json.damaged-2024-06-21T08-00-00-000Z.');
  });

  it('keeps a read-only banner and disables dossier editing, while export stays available', async () => {
    const user = userEvent.setup();
    setup({ status: { readOnly: true, notices: [{ code: 'read-only', keptAs: 'library.json.damaged-2024-06-21T08-00-00-000Z', damage: 'the file is truncated' }] } });
    const notices = await screen.findByRole('region', { name: 'Notices' });
    expect(notices).toHaveTextContent('Library opened read-only');
    await user.click(within(notices).getByRole('button', { name: 'Dismiss' }));
    // The notice can be dismissed; the read-only state cannot.
    expect(screen.getByRole('region', { name: 'Notices' })).toHaveTextContent('This library is open read-only');
    expect(screen.getByRole('button', { name: 'New dossier…' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: /Kim en Poetin/ }));
    const view = await screen.findByRole('region', { name: 'Dossier: Kim en Poetin' });
    expect(view).toHaveTextContent('you can read and export this dossier, but not change it');
    for (const name of ['Add stories…', 'Edit…', 'Delete…']) expect(within(view).getByRole('button', { name })).toHaveProperty('disabled', true);
    expect(within(view).getByRole('button', { name: 'Export…' })).toHaveProperty('disabled', false);
    expect(within(view).queryByRole('button', { name: /Remove “/ })).toBeNull();
    expect(within(view).getByRole('textbox', { name: /Editor’s note/ })).toHaveProperty('readOnly', true);
  });
});
