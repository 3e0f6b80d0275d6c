import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportedFile } from '../../../../shared/contract/dossiers';
import { ServiceError } from '../../../../shared/contract/envelope';
import { installFakeDossiers, makeDossier } from './test/fake-service';
import { FakeService, makeStory } from '../../test/fake-service';
import { renderApp } from '../../test/render-app';

function setup(transport: 'http' | 'preload' = 'http', languages = ['en-GB']) {
  const service = new FakeService([makeStory({ id: 'a1', headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne' })], transport);
  installFakeDossiers(service, { dossiers: [makeDossier({ id: 'd1', title: 'Kim en Poetin', storyIds: ['a1'] })] });
  renderApp(service, { languages });
  return service;
}

async function openExport(user: ReturnType<typeof userEvent.setup>, names = { dossier: /Kim en Poetin/, button: 'Export…', dialog: 'Export “Kim en Poetin”' }) {
  await user.click(await screen.findByRole('button', { name: names.dossier }));
  await user.click(await screen.findByRole('button', { name: names.button }));
  return screen.getByRole('dialog', { name: names.dialog });
}

/** A promise the test settles, to look at the dialog while the service is still working. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('Export dialog in the browser', { timeout: 20_000 }, () => {
  let clicked: { href: string; download: string }[];
  beforeEach(() => {
    clicked = [];
    // jsdom has neither object URLs nor downloads: record what the link would have done.
    URL.createObjectURL = vi.fn(() => 'blob:kroniek/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('offers the four formats and the two document languages as radio groups, PDF and the UI language first', async () => {
    const user = userEvent.setup();
    setup();
    const dialog = await openExport(user);
    const formats = within(dialog).getByRole('group', { name: 'Format' });
    expect(within(formats).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['pdf', 'html', 'md', 'ninjs']);
    expect(within(formats).getByRole('radio', { name: 'PDF' })).toHaveProperty('checked', true);
    expect(within(formats).getByRole('radio', { name: 'PDF' })).toHaveFocus();
    expect(within(formats).getByRole('radio', { name: 'IPTC ninjs (JSON)' })).toHaveAttribute('aria-describedby');
    const languages = within(dialog).getByRole('group', { name: 'Language of the document' });
    expect(within(languages).getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);
  });

  it('exports the chosen format and language, shows progress, then downloads under the service’s file name', async () => {
    const user = userEvent.setup();
    const service = setup();
    const answer = deferred<ExportedFile>();
    service.overrides['dossiers.export'] = () => answer.promise;
    const dialog = await openExport(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Markdown' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Dutch' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export and download' }));

    expect(await within(dialog).findByText('Writing Markdown…')).toBeInTheDocument();
    // The choices are locked (disabled fieldset) while the export runs.
    expect(within(dialog).getByRole('radio', { name: 'PDF' }).matches(':disabled')).toBe(true);
    // Busy, but still focusable (focus stays in the dialog) and a second click does nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Export and download' }));
    expect(service.callsOf('dossiers.export')).toEqual([{ id: 'd1', format: 'md', locale: 'nl' }]);

    answer.resolve({ fileName: 'Kim en Poetin.md', mimeType: 'text/markdown; charset=utf-8', base64: btoa('# Kim en Poetin\n'), skippedMissing: 2 });
    expect(await within(dialog).findByText('Downloaded “Kim en Poetin.md”.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('2 stories no longer in the library were left out.');
    expect(clicked).toEqual([{ href: 'blob:kroniek/1', download: 'Kim en Poetin.md' }]);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('text/markdown; charset=utf-8');
    expect(await blob.text()).toBe('# Kim en Poetin\n');
    // The temporary link is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('follows a PDF print (pass, pages, time against the limit) and cancels it', async () => {
    const user = userEvent.setup();
    const service = setup();
    const answer = deferred<ExportedFile>();
    service.overrides['dossiers.export'] = () => answer.promise;
    service.overrides['dossiers.exportProgress'] = () => ({ dossierId: 'd1', pass: 2, pages: 1234, elapsedMs: 83_000, limitMs: 300_000, limitPages: 1_000 });
    service.overrides['dossiers.cancelExport'] = () => {
      answer.reject(new ServiceError('conflict', 'The PDF export was cancelled.', { code: 'export.cancelled' }));
      return { cancelled: 1 };
    };
    const dialog = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export and download' }));
    expect(await within(dialog).findByText('Print pass 2 · 1,234 pages · 1:23 of at most 5 minutes')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel export' }));
    expect(service.callsOf('dossiers.cancelExport')).toEqual([{ id: 'd1' }]);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The export was cancelled.');
    expect(within(dialog).queryByRole('button', { name: 'Cancel export' })).toBeNull();
  });

  it('says clearly when PDF printing has no Chromium, and keeps the dialog usable for another format', async () => {
    const user = userEvent.setup();
    const service = setup();
    service.failures.set('dossiers.export', new ServiceError('unsupported', 'No Chromium was found to print the PDF.'));
    const dialog = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export and download' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The export failed');
    expect(alert).toHaveTextContent('No Chromium was found to print the PDF.');
    expect(alert).toHaveTextContent('KRONIEK_CHROMIUM');
    service.failures.delete('dossiers.export');
    await user.click(within(dialog).getByRole('radio', { name: 'HTML' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export and download' }));
    expect(await within(dialog).findByText('Downloaded “Kim en Poetin.html”.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('closes with Escape and gives focus back to Export…', async () => {
    const user = userEvent.setup();
    setup();
    await openExport(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export…' })).toHaveFocus();
  });

  it('is worded in Dutch for a Dutch editor, with a Dutch document by default', async () => {
    const user = userEvent.setup();
    const service = setup('http', ['nl-NL']);
    const dialog = await openExport(user, { dossier: /Kim en Poetin/, button: 'Exporteren…', dialog: '“Kim en Poetin” exporteren' });
    expect(within(dialog).getByRole('radio', { name: 'Nederlands' })).toHaveProperty('checked', true);
    await user.click(within(dialog).getByRole('button', { name: 'Exporteren en downloaden' }));
    expect(await within(dialog).findByText('“Kim en Poetin.pdf” is gedownload.')).toBeInTheDocument();
    expect(service.callsOf('dossiers.export')).toEqual([{ id: 'd1', format: 'pdf', locale: 'nl' }]);
  });
});

describe('Export dialog in the desktop app', { timeout: 20_000 }, () => {
  it('saves through the native dialog, then offers Open and Show in folder for that file', async () => {
    const user = userEvent.setup();
    const service = setup('preload');
    const dialog = await openExport(user);
    await user.click(within(dialog).getByRole('radio', { name: 'IPTC ninjs (JSON)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export and save…' }));
    expect(await within(dialog).findByText('Saved “Kim en Poetin.ninjs”.')).toBeInTheDocument();
    expect(service.callsOf('dossiers.exportToFile')).toEqual([{ id: 'd1', format: 'ninjs', locale: 'en' }]);
    expect(service.callsOf('dossiers.export')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    await user.click(within(dialog).getByRole('button', { name: 'Show in folder' }));
    expect(service.callsOf('dossiers.openExport')).toEqual([{ path: '/home/editor/Kim en Poetin.ninjs' }]);
    expect(service.callsOf('dossiers.revealExport')).toEqual([{ path: '/home/editor/Kim en Poetin.ninjs' }]);
  });

  it('goes back to the choices when the save dialog is cancelled, and shows why Open failed', async () => {
    const user = userEvent.setup();
    const service = setup('preload');
    service.overrides['dossiers.exportToFile'] = () => null;
    const dialog = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export and save…' }));
    await waitFor(() => expect(service.callsOf('dossiers.exportToFile')).toHaveLength(1));
    expect(within(dialog).queryByText(/Saved/)).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Export and save…' })).not.toHaveAttribute('aria-disabled');

    delete service.overrides['dossiers.exportToFile'];
    installFakeDossiers(service, { dossiers: [makeDossier({ id: 'd1', title: 'Kim en Poetin', storyIds: ['a1'] })] });
    service.failures.set('dossiers.openExport', new ServiceError('not-found', 'The exported file is no longer there.'));
    await user.click(within(dialog).getByRole('button', { name: 'Export and save…' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Open' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The exported file is no longer there.');
  });
});
