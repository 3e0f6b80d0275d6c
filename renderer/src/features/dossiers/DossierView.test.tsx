import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import { installFakeDossiers, makeDossier } from './test/fake-service';
import { FakeService, makeStory } from '../../test/fake-service';
import { renderApp } from '../../test/render-app';

function library() {
  return [
    makeStory({ id: 'a1', headline: "Kim Jong-un biedt Rusland zijn 'volledige steun' aan", publishedAt: '2023-06-12' }),
    makeStory({ id: 'a2', headline: 'Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland', publishedAt: '2023-09-17', dateline: { place: 'VLADIVOSTOK', agencies: ['ANP', 'RTR', 'AFP'] } }),
    makeStory({ id: 'a3', headline: 'Poetin op zeer zeldzaam bezoek in Noord-Korea', publishedAt: '2024-06-18' }),
    makeStory({ id: 'a4', headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne', publishedAt: '2024-06-19' }),
  ];
}

function setup(options: { languages?: string[] } = {}) {
  const service = new FakeService(library());
  const fake = installFakeDossiers(service, {
    dossiers: [makeDossier({ id: 'd1', title: 'Kim en Poetin', subtitle: 'Een bondgenootschap', intro: 'Eerste alinea.\n\nTweede alinea.', storyIds: ['a1', 'a2', 'a3'] })],
  });
  const app = renderApp(service, options);
  return { service, fake, ...app };
}

async function openDossier(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /Kim en Poetin\s*3 stories/ }));
  return screen.findByRole('region', { name: 'Dossier: Kim en Poetin' });
}

const entryHeadlines = (view: HTMLElement) =>
  within(within(view).getByRole('list', { name: 'Stories in this dossier' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.entry-headline')?.textContent);

describe('Dossier view', { timeout: 20_000 }, () => {
  it('opens from the sidebar with its title, subtitle, intro paragraphs and stories in order', async () => {
    const user = userEvent.setup();
    setup();
    const view = await openDossier(user);
    expect(within(view).getByRole('heading', { level: 2, name: 'Kim en Poetin' })).toBeInTheDocument();
    expect(view).toHaveTextContent('Een bondgenootschap');
    expect(view.querySelectorAll('.dossier-intro p')).toHaveLength(2);
    expect(entryHeadlines(view)).toEqual([
      "Kim Jong-un biedt Rusland zijn 'volledige steun' aan",
      'Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland',
      'Poetin op zeer zeldzaam bezoek in Noord-Korea',
    ]);
    expect(view).toHaveTextContent('VLADIVOSTOK (ANP/RTR/AFP)');
    expect(view).toHaveTextContent('17 September 2023');
    expect(screen.getByRole('button', { name: /Kim en Poetin\s*3 stories/ })).toHaveAttribute('aria-current', 'true');
  });

  it('moves an entry with Alt+ArrowDown/Up, keeps focus on it and announces the new position', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    const view = await openDossier(user);
    const first = within(view).getByRole('listitem', { name: /volledige steun.*1 of 3/ });
    act(() => first.focus());

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(service.callsOf('dossiers.moveEntry')).toEqual([{ id: 'd1', from: 0, to: 1 }]));
    expect(entryHeadlines(view)[1]).toBe("Kim Jong-un biedt Rusland zijn 'volledige steun' aan");
    const moved = within(view).getByRole('listitem', { name: /volledige steun.*2 of 3/ });
    await waitFor(() => expect(moved).toHaveFocus());
    expect(within(view).getByRole('status')).toHaveTextContent("Moved “Kim Jong-un biedt Rusland zijn 'volledige steun' aan” to position 2 of 3.");

    await user.keyboard('{Alt>}{End}{/Alt}');
    await waitFor(() => expect(service.callsOf('dossiers.moveEntry').at(-1)).toEqual({ id: 'd1', from: 1, to: 2 }));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    // Already last: nothing is sent.
    expect(service.callsOf('dossiers.moveEntry')).toHaveLength(2);
    await user.keyboard('{Alt>}{Home}{/Alt}');
    await waitFor(() => expect(entryHeadlines(view)[0]).toBe("Kim Jong-un biedt Rusland zijn 'volledige steun' aan"));
  });

  it('walks between entries with plain arrows and moves with the Move up/down buttons', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    const view = await openDossier(user);
    const items = within(view).getAllByRole('listitem');
    act(() => items[0]!.focus());
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    expect(service.callsOf('dossiers.moveEntry')).toHaveLength(0);

    await user.click(within(view).getByRole('button', { name: 'Move “Poetin op zeer zeldzaam bezoek in Noord-Korea” up' }));
    await waitFor(() => expect(service.callsOf('dossiers.moveEntry')).toEqual([{ id: 'd1', from: 2, to: 1 }]));
    expect(within(view).getByRole('button', { name: 'Move “Poetin op zeer zeldzaam bezoek in Noord-Korea” up' })).toHaveFocus();
    expect(within(view).getByRole('button', { name: /Move “Kim Jong-un.*” up/ })).toHaveProperty('disabled', true);
  });

  it('reorders by dragging an entry onto the upper or lower half of another', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    const view = await openDossier(user);
    const rows = () => within(view).getAllByRole('listitem');
    const dataTransfer = { effectAllowed: '', dropEffect: '', setData() {}, setDragImage() {}, types: [] };
    // jsdom has no DragEvent: a MouseEvent carries the pointer position, with a stand-in dataTransfer.
    const drag = (type: string, target: Element, clientY = 0) => {
      const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientY });
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      act(() => void target.dispatchEvent(event));
    };
    // jsdom has no layout: every row is 0..40px tall, so clientY 5 is the upper half and 35 the lower.
    for (const row of rows()) row.getBoundingClientRect = () => ({ top: 0, bottom: 40, height: 40, left: 0, right: 500, width: 500, x: 0, y: 0, toJSON() {} });

    drag('dragstart', rows()[2]!.querySelector('.entry-grip')!);
    drag('dragover', rows()[0]!, 5);
    expect(rows()[0]!.className).toContain('drop-before');
    drag('drop', rows()[0]!, 5);
    await waitFor(() => expect(service.callsOf('dossiers.moveEntry')).toEqual([{ id: 'd1', from: 2, to: 0 }]));
    expect(entryHeadlines(view)[0]).toBe('Poetin op zeer zeldzaam bezoek in Noord-Korea');

    for (const row of rows()) row.getBoundingClientRect = () => ({ top: 0, bottom: 40, height: 40, left: 0, right: 500, width: 500, x: 0, y: 0, toJSON() {} });
    drag('dragstart', rows()[0]!.querySelector('.entry-grip')!);
    drag('dragover', rows()[2]!, 35);
    expect(rows()[2]!.className).toContain('drop-after');
    drag('drop', rows()[2]!, 35);
    await waitFor(() => expect(service.callsOf('dossiers.moveEntry').at(-1)).toEqual({ id: 'd1', from: 0, to: 2 }));
    expect(entryHeadlines(view)[2]).toBe('Poetin op zeer zeldzaam bezoek in Noord-Korea');
  });

  it('puts the order back and says why when saving a move fails', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    const view = await openDossier(user);
    service.failures.set('dossiers.moveEntry', new ServiceError('read-only', 'The library is open read-only; nothing can be changed.'));
    act(() => within(view).getAllByRole('listitem')[0]!.focus());
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(await within(view).findByRole('alert')).toHaveTextContent('The library is open read-only');
    expect(entryHeadlines(view)[0]).toBe("Kim Jong-un biedt Rusland zijn 'volledige steun' aan");
  });

  it('saves an entry note when the field loses focus, and not when nothing changed', async () => {
    const user = userEvent.setup();
    const { service, fake } = setup();
    const view = await openDossier(user);
    const note = within(view).getByRole('textbox', { name: /Editor’s note for “Poetin op zeer zeldzaam/ });
    await user.click(note);
    await user.tab();
    expect(service.callsOf('dossiers.setEntryNote')).toHaveLength(0);
    await user.click(note);
    await user.keyboard('Zie ook de verklaring van het Kremlin.');
    // Typing (and Ctrl+Z inside the field) never reaches the app's undo.
    expect(service.callsOf('dossiers.setEntryNote')).toHaveLength(0);
    await user.tab();
    await waitFor(() => expect(service.callsOf('dossiers.setEntryNote')).toEqual([{ id: 'd1', storyId: 'a3', note: 'Zie ook de verklaring van het Kremlin.' }]));
    expect(fake.dossiers[0]!.entries[2]!.note).toBe('Zie ook de verklaring van het Kremlin.');
  });

  it('removes an entry, and Ctrl+Z brings it back in the open view', async () => {
    const user = userEvent.setup();
    setup();
    const view = await openDossier(user);
    await user.click(within(view).getByRole('button', { name: /Remove “Noord-Koreaanse leider.*” from the dossier/ }));
    await waitFor(() => expect(entryHeadlines(view)).toHaveLength(2));
    expect(within(view).getByRole('status')).toHaveTextContent('Removed “Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland”');
    await waitFor(() => expect(within(view).getAllByRole('listitem')[1]).toHaveFocus());

    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(entryHeadlines(view)).toHaveLength(3));
    expect(entryHeadlines(view)[1]).toBe('Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland');
    expect(screen.getByRole('button', { name: /Kim en Poetin\s*3 stories/ })).toBeInTheDocument();
  });

  it('shows a story that was deleted from the library as missing, still removable', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    service.stories = service.stories.filter((story) => story.id !== 'a2');
    const view = await openDossier(user);
    expect(view).toHaveTextContent('1 no longer in the library');
    const missing = within(view).getByRole('listitem', { name: /Story no longer in the library, 2 of 3/ });
    expect(missing).toHaveTextContent('Export leaves it out');
    expect(within(missing).getByRole('button', { name: /Remove “Story no longer in the library”/ })).toBeInTheDocument();
  });

  it('renames through the edit dialog (title required) and deletes after confirming', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    const view = await openDossier(user);
    await user.click(within(view).getByRole('button', { name: 'Edit…' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit dossier' });
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the dossier a title.');
    expect(service.callsOf('dossiers.update')).toHaveLength(0);
    await user.type(title, 'Noord-Korea en Rusland');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.callsOf('dossiers.update')).toEqual([{ id: 'd1', title: 'Noord-Korea en Rusland' }]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Noord-Korea en Rusland' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete this dossier?' });
    expect(confirm).toHaveTextContent('The stories themselves stay in the library');
    // Cancel has focus: Enter by habit does not delete.
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Delete dossier' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Dossier:/ })).toBeNull());
    expect(service.callsOf('dossiers.delete')).toEqual([{ id: 'd1' }]);
    expect(await screen.findByText('No dossiers yet.')).toBeInTheDocument();
  });

  it('adds stories chosen in the picker', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    const view = await openDossier(user);
    await user.click(within(view).getByRole('button', { name: 'Add stories…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add stories to “Kim en Poetin”' });
    const picker = await within(dialog).findByRole('list', { name: 'Stories to add' });
    expect(within(picker).getByRole('checkbox', { name: /Poetin op zeer zeldzaam.*already in the dossier/ })).toHaveProperty('disabled', true);
    await user.click(within(picker).getByRole('checkbox', { name: /Poetin dankt Kim/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 story' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.callsOf('dossiers.addStories')).toEqual([{ id: 'd1', storyIds: ['a4'] }]);
    expect(entryHeadlines(view).at(-1)).toBe('Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne');
    expect(within(view).getByRole('status')).toHaveTextContent('Added 1 story.');
  });

  it('opens an entry’s story in the reader', async () => {
    const user = userEvent.setup();
    setup();
    const view = await openDossier(user);
    await user.click(within(view).getByRole('button', { name: 'Open “Poetin op zeer zeldzaam bezoek in Noord-Korea”' }));
    const reader = await screen.findByRole('region', { name: 'Reader' });
    expect(await within(reader).findByRole('heading', { level: 2, name: 'Poetin op zeer zeldzaam bezoek in Noord-Korea' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Dossier:/ })).toBeNull();
  });

  it('is in Dutch for a Dutch editor', async () => {
    const user = userEvent.setup();
    setup({ languages: ['nl-NL'] });
    await user.click(await screen.findByRole('button', { name: /Kim en Poetin\s*3 berichten/ }));
    const view = await screen.findByRole('region', { name: 'Dossier: Kim en Poetin' });
    expect(within(view).getByRole('button', { name: 'Exporteren…' })).toBeInTheDocument();
    expect(within(view).getByRole('listitem', { name: /volledige steun.*1 van 3/ })).toBeInTheDocument();
    expect(view).toHaveTextContent('17 september 2023');
  });
});

describe('Creating a dossier', { timeout: 20_000 }, () => {
  it('needs a title and creates from the open story by default, then opens it', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    await user.click(await within(await screen.findByRole('listbox', { name: /stories/i })).findByRole('option', { name: /Poetin dankt Kim/ }));
    await user.click(screen.getByRole('button', { name: 'New dossier…' }));
    const dialog = screen.getByRole('dialog', { name: 'New dossier' });
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveFocus();
    expect(within(dialog).getByRole('radio', { name: /The open story: “Poetin dankt Kim/ })).toHaveProperty('checked', true);
    await user.click(within(dialog).getByRole('button', { name: 'Create dossier' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the dossier a title.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Oorlog in Oekraïne');
    await user.type(within(dialog).getByRole('textbox', { name: 'Introduction' }), 'Een.{Enter}{Enter}Twee.');
    await user.click(within(dialog).getByRole('button', { name: 'Create dossier' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.callsOf('dossiers.create')).toEqual([{ title: 'Oorlog in Oekraïne', subtitle: '', intro: 'Een.\n\nTwee.', storyIds: ['a4'] }]);
    const view = await screen.findByRole('region', { name: 'Dossier: Oorlog in Oekraïne' });
    expect(entryHeadlines(view)).toEqual(['Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne']);
  });

  it('creates from the series of the open story, saying how many stories it has', async () => {
    const user = userEvent.setup();
    const { service, fake } = setup();
    fake.series.set('a3', ['a1', 'a2', 'a3', 'a4']);
    await user.click(await within(await screen.findByRole('listbox', { name: /stories/i })).findByRole('option', { name: /Poetin op zeer zeldzaam/ }));
    await user.click(screen.getByRole('button', { name: 'New dossier…' }));
    const dialog = screen.getByRole('dialog', { name: 'New dossier' });
    expect(await within(dialog).findByText('“Poetin op zeer zeldzaam bezoek in Noord-Korea” is in a series of 4 stories.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /series of the open story/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Kim en Poetin, de reeks');
    await user.click(within(dialog).getByRole('button', { name: 'Create dossier' }));
    await waitFor(() => expect(service.callsOf('dossiers.create')).toEqual([{ title: 'Kim en Poetin, de reeks', subtitle: '', intro: '', seriesOf: 'a3' }]));
    const view = await screen.findByRole('region', { name: 'Dossier: Kim en Poetin, de reeks' });
    expect(entryHeadlines(view)).toHaveLength(4);
  });

  it('creates from a tag picked in the dialog (also when opened preset from a tag)', async () => {
    const user = userEvent.setup();
    const { service, store } = setup();
    for (const story of service.stories.slice(1, 3)) story.tagIds = ['t1'];
    service.overrides['tags.list'] = () => [{ id: 't1', name: 'Noord-Korea', color: null, parentId: null, mediaTopic: null, count: 2, depth: 0, childCount: 0 }];
    await screen.findByRole('listbox', { name: /stories/i });
    store.getState().openDossierDialog({ kind: 'create', source: 'tag', tagId: 't1' });
    const dialog = await screen.findByRole('dialog', { name: 'New dossier' });
    expect(within(dialog).getByRole('radio', { name: /Every story with a tag/ })).toHaveProperty('checked', true);
    expect(await within(dialog).findByRole('combobox', { name: 'Tag' })).toHaveProperty('value', 't1');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Noord-Korea');
    await user.click(within(dialog).getByRole('button', { name: 'Create dossier' }));
    await waitFor(() => expect(service.callsOf('dossiers.create')).toEqual([{ title: 'Noord-Korea', subtitle: '', intro: '', tagId: 't1' }]));
    expect(entryHeadlines(await screen.findByRole('region', { name: 'Dossier: Noord-Korea' }))).toHaveLength(2);
  });

  it('offers no series for a story that is in none, and shows a service failure in the dialog', async () => {
    const user = userEvent.setup();
    const { service } = setup();
    await user.click(await within(await screen.findByRole('listbox', { name: /stories/i })).findByRole('option', { name: /Poetin dankt Kim/ }));
    await user.click(screen.getByRole('button', { name: 'New dossier…' }));
    const dialog = screen.getByRole('dialog', { name: 'New dossier' });
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /series of the open story/ })).toHaveProperty('disabled', true));
    expect(dialog).toHaveTextContent('Open a story that belongs to a series');
    service.failures.set('dossiers.create', new ServiceError('invalid-input', 'title: too long'));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'X');
    await user.click(within(dialog).getByRole('button', { name: 'Create dossier' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The dossier could not be createdtitle: too long');
  });
});
