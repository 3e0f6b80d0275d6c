import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING } from '../../../../shared/contract/changes';
import { openRealCore, story, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

// The real core behind a transport that can be cut, as the HTTP transport fails when the host stops.
let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

const TEXT = 'De Noord-Koreaanse leider Kim Jong-un is na een meerdaags bezoek uit Rusland vertrokken.';

async function setup(reconnectMs: number) {
  let up = true;
  real = await openRealCore({ reachable: () => up });
  await real.addStories([story('k1', 'Kim vertrekt uit Rusland', { text: TEXT }), story('k2', 'Poetin dankt Kim', { text: 'Poetin bedankt Kim.' })]);
  const user = userEvent.setup();
  const view = renderApp(real, { reconnectMs });
  await user.click(await screen.findByRole('option', { name: /Kim vertrekt uit Rusland/ }));
  const reader = screen.getByRole('region', { name: 'Reader' });
  await within(reader).findByText(TEXT);
  return { user, view, reader, setUp: (value: boolean) => (up = value) };
}

describe('losing the connection to the service', () => {
  it('shows one banner with a retry, keeps the open story and the list, and recovers with the retry', async () => {
    const { user, reader, setUp } = await setup(60_000);
    setUp(false);
    // Another story, a reload of the list (sort), an edit: each fails to reach the service.
    await user.click(screen.getByRole('option', { name: /Poetin dankt Kim/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Headline');
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('No connection to Kroniek’s service');
    // One banner, no error per pane; the list's rows stay.
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(within(screen.getByRole('listbox')).getAllByRole('option').length).toBe(2);
    // The story that did not load waits quietly; going back to the one that was read keeps its text.
    await user.click(screen.getByRole('option', { name: /Kim vertrekt uit Rusland/ }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));

    setUp(true);
    await user.click(within(banner).getByRole('button', { name: 'Try again now' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await within(reader).findByText(TEXT);
    // Everything on screen is asked for afresh: the list in the order chosen while offline.
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option').map((row) => row.querySelector('.row-headline')!.textContent)).toEqual(['Kim vertrekt uit Rusland', 'Poetin dankt Kim']));
  });

  it('a refresh of everything on screen while offline: only the banner, the sidebar and the filters keep what they showed', async () => {
    const { user, view, setUp } = await setup(30);
    await screen.findByText('No tags yet. Add one to a story in the reader.');
    await screen.findByText('No dossiers yet.');
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await waitFor(() => expect(view.store.getState().facetsState).toBe('ready'));
    setUp(false);
    // As a change set touching everything would (tags, saved searches, dossiers, the list, the story).
    view.store.getState().refreshFor(EVERYTHING);
    expect(await screen.findByRole('alert')).toHaveTextContent('No connection to Kroniek’s service');
    await view.store.getState().settled();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText('The tags could not be loaded')).toBeNull();
    expect(screen.queryByText('The saved searches could not be loaded')).toBeNull();
    expect(screen.queryByText('The dossiers could not be listed')).toBeNull();
    expect(screen.queryByText(/The filter choices could not be loaded/)).toBeNull();
    expect(screen.getByText('No tags yet. Add one to a story in the reader.')).toBeInTheDocument();
    expect(screen.getByText('None yet. Search or filter, then choose Save search…')).toBeInTheDocument();
    expect(screen.getByText('No dossiers yet.')).toBeInTheDocument();
    setUp(true);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByText('No dossiers yet.')).toBeInTheDocument();
  });

  it('keeps the open story’s text while offline and comes back by itself', async () => {
    const { view, reader, setUp } = await setup(30);
    setUp(false);
    // The open story is loaded again (as after an edit made elsewhere): it fails, the text stays.
    await view.store.getState().reloadStory();
    expect(await screen.findByRole('alert')).toHaveTextContent('No connection');
    expect(within(reader).getByText(TEXT)).toBeInTheDocument();
    setUp(true);
    // No click: the next try finds the service and the banner goes.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(within(reader).getByText(TEXT)).toBeInTheDocument();
  });
});
