import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { LibraryStatus } from '../../../../shared/types';
import { installFakeDossiers, makeDossier } from '../../dossiers/fake-dossier-service';
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

  it('has no save button in the browser and no restore while the library is read-only', async () => {
    const user = userEvent.setup();
    setup({ status: { readOnly: true } });
    await user.click(await screen.findByRole('button', { name: 'Backups…' }));
    const dialog = screen.getByRole('dialog', { name: 'Backups' });
    expect(within(dialog).queryByRole('button', { name: 'Save whole library…' })).toBeNull();
    expect(dialog).toHaveTextContent('The library is open read-only, so nothing can be restored now.');
    for (const button of await within(dialog).findAllByRole('button', { name: /Restore the backup from/ })) expect(button).toHaveProperty('disabled', true);
  });
});

describe('Recovery notices and read-only', { timeout: 20_000 }, () => {
  const recovered = {
    code: 'recovered',
    message:
      'The library file was damaged; Kroniek restored the backup from 2024-06-20T14:00:00.000Z. Edits made after that backup are lost. The damaged file was kept as library.json.damaged-2024-06-21T08-00-00-000Z.',
  };

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
    setup({ status: { readOnly: true, notices: [{ code: 'read-only', message: 'The library file library.json is damaged (truncated) and no valid backup was found.' }] } });
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
