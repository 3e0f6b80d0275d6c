import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/envelope';
import { LANGUAGE_KEY } from '../i18n';
import { FakeService, makeStory } from '../test/fake-service';
import { openRealCore, story, type RealCore, type RealCoreOptions } from '../test/real-core';
import { renderApp } from '../test/render-app';

function library() {
  return [
    makeStory({
      id: 'a1',
      headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne',
      publishedAt: '2024-06-19',
      body: [
        { type: 'paragraph', text: 'De Russische president Vladimir Poetin heeft zijn dank uitgesproken.' },
        { type: 'heading', text: 'Wapens geleverd' },
        { type: 'paragraph', text: 'Volgens de Verenigde Staten levert Noord-Korea wapens.' },
      ],
      warnings: ['Line 7 looked like a subheading but was kept as a paragraph.'],
      source: { fileName: 'poetin-dankt-kim.txt', sha256: '48a0f6279903aa11'.padEnd(64, '0'), importedAt: '2024-06-19T10:00:00.000Z' },
    }),
    makeStory({ id: 'a2', headline: 'Kim Jong-un biedt Rusland zijn volledige steun aan', publishedAt: '2023-06-12', dateline: { place: 'PYONGYANG', agencies: ['ANP', 'AFP'] } }),
    makeStory({ id: 'a3', headline: 'Noord-Koreaanse leider vertrekt uit Rusland', publishedAt: '2023-09-17', dateline: { place: 'VLADIVOSTOK', agencies: ['ANP', 'RTR', 'AFP'] } }),
    makeStory({
      id: 'b1',
      kind: 'brief',
      headline: 'De onderhandelingen tussen de VS en Iran in Genève zijn afgelopen.',
      dateline: { place: 'GENÈVE', agencies: ['ANP'] },
      ageLabel: '3 uur geleden',
      pageId: 'a1',
    }),
  ];
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const EXISTING = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne\n\nPYONGYANG (ANP/RTR) - Tekst.';

/** What the browser's file picker does after the editor chose files: a change event on the hidden input. */
function pickFiles(files: File[]) {
  fireEvent.change(screen.getByTestId('import-files-input'), { target: { files } });
}

const storyList = () => screen.findByRole('listbox', { name: /All stories/ });
const rowNames = (list: HTMLElement) => within(list).getAllByRole('option').map((o) => o.querySelector('.row-headline')?.textContent);

describe('App: browsing', () => {
  it('lists the articles newest first with place, agencies and date, and counts in the sidebar', async () => {
    renderApp(new FakeService(library()));
    const list = await storyList();
    expect(rowNames(list)).toEqual([
      'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne',
      'Noord-Koreaanse leider vertrekt uit Rusland',
      'Kim Jong-un biedt Rusland zijn volledige steun aan',
    ]);
    const third = within(list).getByRole('option', { name: /volledige steun/ });
    expect(third).toHaveTextContent('PYONGYANG');
    expect(third).toHaveTextContent('ANP/AFP');
    expect(third).toHaveTextContent('12 Jun 2023');
    const nav = screen.getByRole('navigation', { name: 'Library' });
    expect(within(nav).getByRole('button', { name: /All stories\s*3/ })).toHaveAttribute('aria-current', 'true');
    expect(within(nav).getByRole('button', { name: /Briefs\s*1/ })).toBeInTheDocument();
    expect(screen.getByText('3 stories')).toBeInTheDocument();
  });

  it('switches to briefs, showing their age label, and opens a brief with a way back to its page', async () => {
    const user = userEvent.setup();
    renderApp(new FakeService(library()));
    await storyList();
    await user.click(screen.getByRole('button', { name: /Briefs/ }));
    const briefs = await screen.findByRole('listbox', { name: /Briefs/ });
    const row = within(briefs).getByRole('option', { name: /Iran in Genève/ });
    expect(row).toHaveTextContent('3 uur geleden');
    await user.click(row);
    const reader = screen.getByRole('region', { name: 'Reader' });
    await within(reader).findByRole('heading', { level: 2, name: /Iran in Genève/ });
    await user.click(await within(reader).findByRole('button', { name: /Open that story: Poetin dankt Kim/ }));
    expect(await within(reader).findByRole('heading', { level: 2, name: /Poetin dankt Kim/ })).toBeInTheDocument();
  });

  it('sorts through an accessible control and asks the service for that order', async () => {
    const user = userEvent.setup();
    const service = new FakeService(library());
    renderApp(service);
    await storyList();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Headline');
    await waitFor(async () => expect(rowNames(await storyList())[0]).toBe('Kim Jong-un biedt Rusland zijn volledige steun aan'));
    expect(service.callsOf('stories.list').at(-1)).toMatchObject({ kind: 'article', sort: 'headline', dir: 'asc' });
    await user.click(screen.getByRole('button', { name: /Ascending order/ }));
    await waitFor(async () => expect(rowNames(await storyList())[0]).toBe('Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne'));
    expect(service.callsOf('stories.list').at(-1)).toMatchObject({ sort: 'headline', dir: 'desc' });
  });

  it('renders only the rows in view of a long list and fetches further pages by offset', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 250 }, (_, i) => makeStory({ id: `s${i}`, headline: `Verhaal ${String(i).padStart(3, '0')}`, publishedAt: '2024-01-01' }));
    const service = new FakeService(many);
    renderApp(service);
    const list = await storyList();
    // The list is virtual: a screenful of rows plus overscan, each knowing its place in all 250.
    const rows = within(list).getAllByRole('option');
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveAttribute('aria-setsize', '250');
    expect(screen.getByText('250 stories')).toBeInTheDocument();
    expect(service.callsOf('stories.list').at(-1)).toMatchObject({ offset: 0, limit: 100 });
    // End goes to the last story, loading its page on the way.
    act(() => rows[0]!.focus());
    await user.keyboard('{End}');
    await waitFor(() => expect(within(list).getByRole('option', { name: /Verhaal 000/ })).toHaveFocus());
    expect(within(list).getByRole('option', { name: /Verhaal 000/ })).toHaveAttribute('aria-posinset', '250');
    expect(service.callsOf('stories.list').at(-1)).toMatchObject({ offset: 200, limit: 100 });
  });
});

describe('App: sidebar', () => {
  it('keeps the line of each section’s empty note while it loads, so nothing below moves when the loads end', async () => {
    const service = new FakeService(library());
    const release: Array<() => void> = [];
    const held = <T,>(value: T) => new Promise<T>((resolve) => release.push(() => resolve(value)));
    service.overrides['tags.list'] = () => held([]);
    service.overrides['searches.list'] = () => held([]);
    service.overrides['dossiers.list'] = () => held([]);
    renderApp(service);
    await screen.findByRole('listbox', { name: /stories/i });
    await waitFor(() => expect(release).toHaveLength(3));
    const notes = ['No tags yet. Add one to a story in the reader.', 'None yet. Search or filter, then choose Save search…', 'No dossiers yet.'];
    for (const note of notes) {
      // There, taking its line, but neither shown nor read out.
      expect(screen.getByText(note).classList.contains('sidebar-reserve'), note).toBe(true);
      expect(screen.getByText(note).getAttribute('aria-hidden'), note).toBe('true');
    }
    await act(async () => release.forEach((answer) => answer()));
    for (const note of notes) {
      expect(screen.getByText(note).classList.contains('sidebar-reserve'), note).toBe(false);
      expect(screen.getByText(note).getAttribute('aria-hidden'), note).toBeNull();
    }
  });
});

describe('App: keyboard', () => {
  it('moves a roving focus with arrows, j/k, Home/End and opens with Enter', async () => {
    const user = userEvent.setup();
    renderApp(new FakeService(library()));
    const list = await storyList();
    const options = within(list).getAllByRole('option');
    // One tab stop in the list: the current row.
    expect(options.map((o) => o.tabIndex)).toEqual([0, -1, -1]);
    act(() => options[0]!.focus());

    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveFocus();
    await user.keyboard('j');
    expect(options[2]).toHaveFocus();
    await user.keyboard('j');
    expect(options[2]).toHaveFocus();
    await user.keyboard('k');
    expect(options[1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(options[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(options[2]).toHaveFocus();
    expect(options.map((o) => o.tabIndex)).toEqual([-1, -1, 0]);

    await user.keyboard('{Enter}');
    const reader = screen.getByRole('region', { name: 'Reader' });
    expect(await within(reader).findByRole('heading', { level: 2, name: 'Kim Jong-un biedt Rusland zijn volledige steun aan' })).toBeInTheDocument();
    expect(options[2]).toHaveAttribute('aria-selected', 'true');
    expect(options[2]).toHaveFocus();
  });

  it('has a skip link to the list and named landmarks', async () => {
    const user = userEvent.setup();
    renderApp(new FakeService(library()));
    const list = await storyList();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Library' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Skip to story list' }));
    expect(within(list).getAllByRole('option')[0]).toHaveFocus();
  });
});

describe('App: reader', () => {
  it('shows headline, dateline, date, subheadings as real headings, warnings and the source', async () => {
    const user = userEvent.setup();
    renderApp(new FakeService(library()));
    const list = await storyList();
    await user.click(within(list).getByRole('option', { name: /Poetin dankt Kim/ }));
    const reader = screen.getByRole('region', { name: 'Reader' });
    const article = await within(reader).findByRole('article', { name: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne' });
    expect(within(article).getByText('PYONGYANG (ANP/RTR)')).toBeInTheDocument();
    expect(within(article).getByText('19 June 2024')).toBeInTheDocument();
    expect(within(article).getByText('Buitenland')).toBeInTheDocument();
    const sub = within(article).getByRole('heading', { level: 3, name: 'Wapens geleverd' });
    expect(sub.tagName).toBe('H3');
    expect(within(article).getByText('Volgens de Verenigde Staten levert Noord-Korea wapens.').tagName).toBe('P');
    expect(within(article).getByRole('heading', { name: 'Import warnings' })).toBeInTheDocument();
    expect(within(article).getByText(/looked like a subheading/)).toBeInTheDocument();
    // The source sits in the inspector beside the text (reader first).
    const inspector = within(reader).getByRole('complementary', { name: 'Story details' });
    expect(within(inspector).getByText('poetin-dankt-kim.txt')).toBeInTheDocument();
    expect(within(inspector).getByText('48a0f6279903')).toBeInTheDocument();
  });

  it('displays imported text as text, never as HTML', async () => {
    const user = userEvent.setup();
    const evil = makeStory({ id: 'x1', headline: '<img src=x onerror=alert(1)> Kop', body: [{ type: 'paragraph', text: '<b>niet vet</b> & "quotes"' }] });
    const { container } = renderApp(new FakeService([evil]));
    await user.click(within(await storyList()).getByRole('option'));
    expect(await screen.findByText('<b>niet vet</b> & "quotes"')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.story-body b')).toBeNull();
  });

  it('tells the editor what to do when nothing is open, and shows a failed story with a retry', async () => {
    const user = userEvent.setup();
    const service = new FakeService(library());
    renderApp(service);
    const list = await storyList();
    expect(screen.getByRole('heading', { name: 'No story open' })).toBeInTheDocument();
    service.failures.set('stories.get', new ServiceError('not-found', 'No story with id a1 in the library.'));
    await user.click(within(list).getByRole('option', { name: /Poetin dankt Kim/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This story could not be opened');
    expect(alert).toHaveTextContent('No story with id a1 in the library.');
    service.failures.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: /Poetin dankt Kim/ })).toBeInTheDocument();
  });
});

describe('App: states', () => {
  it('explains how to import when the library is empty', async () => {
    renderApp(new FakeService([]));
    expect(await screen.findByRole('heading', { name: 'Your library is empty' })).toBeInTheDocument();
    expect(screen.getByText(/Choose Import… to add wire stories/)).toBeInTheDocument();
  });

  it('shows a list failure with the reason and recovers on retry', async () => {
    const user = userEvent.setup();
    const service = new FakeService(library());
    service.failures.set('stories.list', new ServiceError('locked', 'The library is in use by another Kroniek.'));
    renderApp(service);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The story list could not be loaded');
    expect(alert).toHaveTextContent('The library is in use by another Kroniek.');
    service.failures.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(rowNames(await storyList())).toHaveLength(3);
  });

  it('shows a start-up failure with a retry', async () => {
    const user = userEvent.setup();
    const service = new FakeService(library());
    service.failures.set('library.status', new ServiceError('forbidden', 'Missing or wrong access token. Open the URL the host printed.'));
    renderApp(service);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The library could not be opened');
    expect(alert).toHaveTextContent('Open the URL the host printed.');
    service.failures.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await storyList()).toBeInTheDocument();
  });

  it('shows first-run notices in a banner that can be dismissed', async () => {
    const user = userEvent.setup();
    const service = new FakeService(library());
    service.notices = [{ code: 'seeded', stories: 5, briefs: 35 }];
    renderApp(service);
    const banner = await screen.findByRole('region', { name: 'Notices' });
    expect(banner).toHaveTextContent('imported the sample library: 5 articles and 35 briefs');
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull();
    expect(service.callsOf('library.dismissNotices')).toHaveLength(1);
  });
});

// Import and undo run on the real core in-process: the real importer decides what is imported,
// a duplicate or rejected, and undo/redo go through the store's real history.
describe('App: import', () => {
  let real: RealCore | undefined;
  afterEach(async () => {
    await real?.close();
    real = undefined;
  });
  /** A library holding one story, imported from `bestaand.txt`. */
  async function libraryWithOneStory(options: RealCoreOptions = {}) {
    real = await openRealCore(options);
    await real.call('import.files', { files: [{ name: 'bestaand.txt', base64: base64(EXISTING) }] });
    return real;
  }

  it('imports picked files and shows imported, duplicate and rejected per file with totals', async () => {
    const user = userEvent.setup();
    renderApp(await libraryWithOneStory());
    await storyList();
    const importButton = screen.getByRole('button', { name: 'Import…' });
    await user.click(importButton);
    pickFiles([file('nieuw.txt', 'Nieuwe kop over de Noordzee\n\nDEN HAAG (ANP) - Tekst.'), file('dubbel.txt', EXISTING), file('leeg.txt', '')]);
    const dialog = await screen.findByRole('dialog', { name: 'Import results' });
    expect(dialog).toHaveTextContent('3 files: 1 imported, 1 duplicate, 1 rejected');
    const rows = within(dialog).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent(/Imported\s*nieuw\.txt\s*Nieuwe kop over de Noordzee/);
    expect(rows[1]).toHaveTextContent(/Duplicate\s*dubbel\.txt/);
    expect(rows[1]).toHaveTextContent('Already in the library');
    expect(rows[2]).toHaveTextContent(/Rejected\s*leeg\.txt\s*The file is empty\./);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();

    // The list and counts are refreshed behind the dialog.
    await waitFor(() => expect(screen.getByRole('button', { name: /All stories\s*2/ })).toBeInTheDocument());

    // Open an imported story from the results.
    await user.click(within(dialog).getByRole('button', { name: 'Open: Nieuwe kop over de Noordzee' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Nieuwe kop over de Noordzee' })).toBeInTheDocument();
  });

  it('closes the results with Escape and gives focus back', async () => {
    const user = userEvent.setup();
    renderApp(await libraryWithOneStory());
    await storyList();
    const importButton = screen.getByRole('button', { name: 'Import…' });
    await user.click(importButton);
    pickFiles([file('leeg.txt', '')]);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(importButton).toHaveFocus();
  });

  it('imports files dropped on the window by sending their contents', async () => {
    const service = await libraryWithOneStory();
    renderApp(service);
    await storyList();
    const dropped = file('drop.txt', 'Gesleepte kop\n\nBRUSSEL (ANP) - Tekst.');
    const dataTransfer = { types: ['Files'], files: [dropped], items: [], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(document.querySelector('.drop-overlay')).not.toBeNull();
    fireEvent.drop(window, { dataTransfer });
    const dialog = await screen.findByRole('dialog', { name: 'Import results' });
    expect(dialog).toHaveTextContent(/Imported\s*drop\.txt\s*Gesleepte kop/);
    expect(document.querySelector('.drop-overlay')).toBeNull();
    expect(service.callsOf('import.files')).toHaveLength(1);
  });

  it('uses the native dialog in the desktop app', async () => {
    const user = userEvent.setup();
    const asked: { folders: boolean }[] = [];
    const cancelled = async () => null;
    const service = await libraryWithOneStory({
      kind: 'preload',
      ports: { dialogs: { pickImportPaths: async (options) => (asked.push(options), null), pickOpenFile: cancelled, pickSavePath: cancelled } },
    });
    renderApp(service);
    await storyList();
    expect(screen.queryByTestId('import-files-input')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import folder…' }));
    await waitFor(() => expect(asked).toEqual([{ folders: true }]));
    expect(service.callsOf('import.withDialog')).toEqual([{ folders: true }]);
    // Cancelled (null): no results panel.
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows why an import failed instead of crashing', async () => {
    const user = userEvent.setup();
    // A read-only library the real core can give, but not with the import dialog reachable: injected.
    const service = await libraryWithOneStory({ kind: 'preload', fault: (method) => (method === 'import.withDialog' ? new ServiceError('read-only', 'This library is read-only.') : undefined) });
    renderApp(service);
    await storyList();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'The import failed' });
    expect(dialog).toHaveTextContent('This library is read-only.');
  });
});

describe('App: language', () => {
  it('follows a Dutch system language and switches to English, remembering the choice', async () => {
    const user = userEvent.setup();
    renderApp(new FakeService(library()), { languages: ['nl-NL', 'en'] });
    expect(await screen.findByRole('listbox', { name: /Berichtenlijst: Berichten/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importeren…' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
    expect(screen.getByText('3 berichten')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Taal' }), 'English');
    expect(screen.getByRole('button', { name: 'Import…' })).toBeInTheDocument();
    expect(screen.getByRole('listbox', { name: /All stories/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('en');
  });

  it('starts in the remembered language whatever the system says', async () => {
    window.localStorage.setItem(LANGUAGE_KEY, 'nl');
    renderApp(new FakeService(library()), { languages: ['en-US'] });
    expect(await screen.findByRole('button', { name: /Korte berichten/ })).toBeInTheDocument();
  });

  it('words rejections and the first-run notice in Dutch', async () => {
    const user = userEvent.setup();
    const service = new FakeService(library());
    service.notices = [{ code: 'seeded', stories: 5, briefs: 35 }];
    renderApp(service, { languages: ['nl'] });
    expect(await screen.findByRole('region', { name: 'Meldingen' })).toHaveTextContent('5 artikelen en 35 korte berichten');
    await user.click(screen.getByRole('button', { name: 'Importeren…' }));
    pickFiles([file('leeg.txt', '')]);
    const dialog = await screen.findByRole('dialog', { name: 'Resultaat van de import' });
    expect(dialog).toHaveTextContent(/Geweigerd\s*leeg\.txt\s*Het bestand is leeg/);
  });
});

describe('App: undo and redo', () => {
  let real: RealCore | undefined;
  afterEach(async () => {
    await real?.close();
    real = undefined;
  });

  it('undoes with Ctrl+Z and redoes with Shift+Ctrl+Z, then refreshes the list', async () => {
    const user = userEvent.setup();
    real = await openRealCore();
    await real.addStories([story('s1', 'Een verhaal'), story('s2', 'Twee verhalen')]);
    // An import is not undone (it survives), an edit is: the last edit deleted one story.
    await real.call('stories.delete', { ids: ['s2'] });
    renderApp(real);
    const list = await storyList();
    await waitFor(() => expect(rowNames(list)).toEqual(['Een verhaal']));
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Undone: Delete story')).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(rowNames(list)).toEqual(['Een verhaal']));
    expect(real.callsOf('history.redo')).toHaveLength(1);
  });

  it('says so when there is nothing to undo, and leaves Ctrl+Z alone while typing', async () => {
    const user = userEvent.setup();
    real = await openRealCore();
    await real.addStories([story('s1', 'Een verhaal')]);
    const service = real;
    renderApp(service);
    await storyList();
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Nothing to undo')).toBeInTheDocument();
    expect(service.callsOf('history.undo')).toHaveLength(0);

    const field = document.createElement('input');
    document.body.appendChild(field);
    field.focus();
    const before = service.callsOf('history.state').length;
    await user.keyboard('{Control>}z{/Control}');
    expect(service.callsOf('history.state')).toHaveLength(before);
    field.remove();
  });
});
