import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openRealCore, story, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

// The quotes view with the real core behind it: the sidebar entry, the filters, attribution,
// Add to dossier (undoable) and the dossier's quotes section.

let real: RealCore | null = null;
afterEach(async () => {
  await real?.close();
  real = null;
});

const KIM = 'Kim Jong-un sprak in Pyongyang. "Wij staan schouder aan schouder met Rusland", zei Kim.';
const POETIN = 'Vladimir Poetin was in Moskou. "Dit verdrag is een basisdocument voor de toekomst", zei Poetin dinsdag.';
const NOBODY = '"Niemand weet wie dit heeft gezegd, maar het klinkt goed."';
const MINISTRY = 'Volgens het Pakistaanse ministerie van Buitenlandse Zaken zijn er zeker 26 doden gevallen.';

describe('the quotes view', () => {
  it('lists quotes attributed, filters by person, adds one to a dossier, and the dossier lists it until undone', async () => {
    real = await openRealCore();
    await real.addStories([
      story('k1', 'Kim steunt Rusland', { text: KIM }),
      story('p1', 'Poetin over het verdrag', { text: POETIN }),
      story('n1', 'Anoniem citaat', { text: NOBODY }),
    ]);
    await real.call('stories.setDate', { id: 'p1', date: '2024-06-19' });
    await real.call('dossiers.create', { title: 'Verdrag', storyIds: ['p1'] });
    await real.call('library.ready', {});
    renderApp(real);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Quotes' }));
    const view = await screen.findByRole('region', { name: 'Quotes' });
    const list = within(view).getByRole('list', { name: 'Quotes, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    // Newest first: the dated one leads; each quote attributed or marked unattributed.
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('“Dit verdrag is een basisdocument voor de toekomst”— Vladimir Poetin, 19 June 2024, Poetin over het verdrag');
    expect(within(view).getByText(/speaker unknown/)).toBeInTheDocument();

    const person = within(view).getByRole('combobox', { name: 'Person' });
    await user.type(person, 'kim{Enter}');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list).getByRole('listitem')).toHaveTextContent('— Kim Jong-un');
    await user.click(within(view).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));

    const first = within(list).getAllByRole('listitem')[0]!;
    await user.click(within(first).getByRole('button', { name: 'Add to dossier' }));
    await within(view).findByText('Added to Verdrag');
    const stored = await real.call<{ quotes: { text: string }[] }>('quotes.ofDossier', { dossierId: (await real.call<{ id: string }[]>('dossiers.list', {}))[0]!.id });
    expect(stored.quotes.map((quote) => quote.text)).toEqual(['Dit verdrag is een basisdocument voor de toekomst']);

    // The story opens beside the list.
    await user.click(within(first).getByRole('button', { name: 'Poetin over het verdrag' }));
    const reader = await screen.findByRole('region', { name: 'Reader' });
    await within(reader).findByRole('heading', { level: 2, name: 'Poetin over het verdrag' });
    await waitFor(() => expect(reader.querySelector('[data-quote-target]')).toHaveTextContent('basisdocument'));

    // The dossier's quotes section, and Undo takes the quote out again.
    await user.click(screen.getByRole('button', { name: /^Verdrag/ }));
    const section = await screen.findByRole('region', { name: 'Quotes' });
    await within(section).findByText('“Dit verdrag is een basisdocument voor de toekomst”');
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    await within(section).findByText('No quotes added yet. Add them from the Quotes view.');

  });

  it('lists people as people and organisations in their own group, moves by arrow keys, and goes from a person tag to their quotes', async () => {
    real = await openRealCore();
    await real.addStories([story('k1', 'Kim steunt Rusland', { text: KIM }), story('p1', 'Poetin over het verdrag', { text: POETIN }), story('m1', 'Pakistan telt doden', { text: MINISTRY })]);
    await real.call('tags.apply', { storyIds: ['k1'], addNames: ['Kim Jong-un'] });
    await real.call('library.ready', {});
    renderApp(real);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Quotes' }));
    const view = await screen.findByRole('region', { name: 'Quotes' });
    const list = within(view).getByRole('list', { name: 'Quotes, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    // Who speaks: people in the person list; the ministry in its own group, never among people.
    const options = (id: string | null) => [...(id ? document.getElementById(id)?.querySelectorAll('option') ?? [] : [])].map((o) => (o as HTMLOptionElement).value);
    await waitFor(() => expect(options(within(view).getByRole('combobox', { name: 'Person' }).getAttribute('list'))).toEqual(expect.arrayContaining(['Kim Jong-un', 'Vladimir Poetin'])));
    expect(options(within(view).getByRole('combobox', { name: 'Person' }).getAttribute('list'))).not.toContain('Pakistaanse ministerie van Buitenlandse Zaken');
    const group = within(view).getByRole('combobox', { name: 'Organisation or country' });
    expect(within(group).getByRole('group', { name: 'Organisations' })).toHaveTextContent('Pakistaanse ministerie van Buitenlandse Zaken (1)');
    // The list keeps one tab stop; arrow keys move between quotes.
    const rows = within(list).getAllByRole('listitem');
    expect(rows.filter((row) => row.tabIndex === 0)).toHaveLength(1);
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(within(list).getAllByRole('listitem')[1]));

    // From a person's tag to their quotes: the sidebar's tag has "What has Kim Jong-un said".
    await user.click(await screen.findByRole('button', { name: 'What has Kim Jong-un said' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Quotes, newest first' })).getAllByRole('listitem')).toHaveLength(1));
    expect((screen.getByRole('combobox', { name: 'Person' }) as HTMLInputElement).value).toBe('Kim Jong-un');

  });
});
