import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TagListItem } from '../../../../shared/contract/tags';
import { ServiceError } from '../../../../shared/contract/envelope';
import { openRealCore, story, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

// Against the real core in-process: a library of four stories, newest first in the list
// (s1, s2, s3, s4), and one coloured tag, Rusland, on Drie.
let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

async function setup(options: Parameters<typeof openRealCore>[0] = {}) {
  real = await openRealCore(options);
  await real.addStories([story('s1', 'Een'), story('s2', 'Twee'), story('s3', 'Drie'), story('s4', 'Vier')]);
  const dates = { s1: '2024-06-19', s2: '2024-06-18', s3: '2023-09-17', s4: '2023-06-12' };
  for (const [id, date] of Object.entries(dates)) await real.call('stories.setDate', { id, date });
  const rusland = await real.call<TagListItem>('tags.create', { name: 'Rusland', color: '#c0392b' });
  await real.call('tags.apply', { storyIds: ['s3'], addTagIds: [rusland.id] });
  const view = renderApp(real);
  return { service: real, rusland, ...view, user: userEvent.setup() };
}

const list = () => screen.findByRole('listbox', { name: /All stories/ });
const selectedNames = (listbox: HTMLElement) =>
  within(listbox)
    .getAllByRole('option')
    .filter((o) => o.getAttribute('aria-selected') === 'true')
    .map((o) => o.querySelector('.row-headline')?.textContent);

describe('story list multi-selection', () => {
  it('selects with click, Shift+click and Ctrl/Cmd+click, and says how many', async () => {
    const { user } = await setup();
    const listbox = await list();
    expect(listbox).toHaveAttribute('aria-multiselectable', 'true');
    const rows = within(listbox).getAllByRole('option');
    await user.click(rows[0]!);
    expect(selectedNames(listbox)).toEqual(['Een']);
    await user.keyboard('{Shift>}');
    await user.click(rows[2]!);
    await user.keyboard('{/Shift}');
    expect(selectedNames(listbox)).toEqual(['Een', 'Twee', 'Drie']);
    expect(screen.getByText('3 selected')).toBeInTheDocument();
    fireEvent.click(rows[1]!, { ctrlKey: true });
    expect(selectedNames(listbox)).toEqual(['Een', 'Drie']);
    fireEvent.click(rows[3]!, { metaKey: true });
    expect(selectedNames(listbox)).toEqual(['Een', 'Drie', 'Vier']);
    // Only a plain click opens a story.
    expect(screen.getByRole('region', { name: 'Reader' })).toHaveTextContent('Een');
  });

  it('extends with Shift+arrows, selects all loaded with Ctrl+A, toggles with Space and clears with Escape', async () => {
    const { user } = await setup();
    const listbox = await list();
    const rows = within(listbox).getAllByRole('option');
    await user.click(rows[1]!);
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedNames(listbox)).toEqual(['Twee', 'Drie', 'Vier']);
    await user.keyboard('{Shift>}{ArrowUp}{ArrowUp}{ArrowUp}{/Shift}');
    expect(selectedNames(listbox)).toEqual(['Een', 'Twee']);
    await user.keyboard('{Control>}a{/Control}');
    expect(selectedNames(listbox)).toEqual(['Een', 'Twee', 'Drie', 'Vier']);
    await user.keyboard(' ');
    expect(selectedNames(listbox)).toEqual(['Twee', 'Drie', 'Vier']);
    await user.keyboard('{Escape}');
    expect(selectedNames(listbox)).toEqual([]);
  });

  it('keeps the selection when the list is re-sorted', async () => {
    const { user } = await setup();
    const listbox = await list();
    const rows = within(listbox).getAllByRole('option');
    await user.click(rows[0]!);
    fireEvent.click(rows[2]!, { ctrlKey: true });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'headline');
    await waitFor(() => expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent('Drie'));
    expect(selectedNames(listbox)).toEqual(['Drie', 'Een']);
  });

  it('tags the whole selection in one call, in list order, from the selection bar', async () => {
    const { service, user } = await setup();
    const listbox = await list();
    const rows = within(listbox).getAllByRole('option');
    await user.click(rows[3]!);
    fireEvent.click(rows[0]!, { ctrlKey: true });
    const input = screen.getByRole('combobox', { name: 'Add a tag to 2 selected stories' });
    await user.type(input, 'Kim–Poetin{Enter}');
    await waitFor(() => expect(service.callsOf('tags.apply')).toEqual([{ storyIds: ['s1', 's4'], addNames: ['Kim–Poetin'] }]));
    // The core created the tag and put it on both stories.
    await waitFor(async () => expect((await service.call<TagListItem[]>('tags.list', {})).find((tag) => tag.name === 'Kim–Poetin')?.count).toBe(2));
  });

  it('toggles the first coloured tag with key 1 on the selection, but not while typing', async () => {
    const { service, rusland, user } = await setup();
    const listbox = await list();
    const rows = within(listbox).getAllByRole('option');
    await user.click(rows[0]!);
    await user.keyboard('1');
    await waitFor(() => expect(service.callsOf('tags.apply').at(-1)).toEqual({ storyIds: ['s1'], addTagIds: [rusland.id] }));
    // Drie already has the tag: with it alone selected, 1 takes it off.
    await user.click(rows[2]!);
    await user.keyboard('1');
    await waitFor(() => expect(service.callsOf('tags.apply').at(-1)).toEqual({ storyIds: ['s3'], removeTagIds: [rusland.id] }));
    const calls = service.callsOf('tags.apply').length;
    await user.type(screen.getByRole('combobox', { name: 'Add a tag' }), '1');
    expect(service.callsOf('tags.apply')).toHaveLength(calls);
  });

  it('takes a tag off again with a second 1 before the list and reader have reloaded', async () => {
    // The reloads the first edit starts fail (a fault the real core cannot give on cue), so
    // the second key press can only know the story has the tag from the edit's own answer.
    let editsMade = false;
    const { service, rusland, user } = await setup({
      fault: (method) => {
        if (method === 'tags.apply') editsMade = true;
        else if (editsMade && (method === 'stories.list' || method === 'stories.get')) return new ServiceError('internal', 'held back');
        return undefined;
      },
    });
    const listbox = await list();
    await user.click(within(listbox).getAllByRole('option')[0]!);
    await user.keyboard('1');
    await waitFor(() => expect(service.callsOf('tags.apply').at(-1)).toEqual({ storyIds: ['s1'], addTagIds: [rusland.id] }));
    await waitFor(() => expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent('Rusland'));
    await user.keyboard('1');
    await waitFor(() => expect(service.callsOf('tags.apply').at(-1)).toEqual({ storyIds: ['s1'], removeTagIds: [rusland.id] }));
  });
});
