import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openRealCore, story, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';
import { LAYOUT_KEY, LIST_WIDTH, readLayout } from './layout-slice';
import { SHORTCUT_GROUPS } from './ShortcutsDialog';
import { deskEn } from './messages/en';
import { deskNl } from './messages/nl';

let real: RealCore | null = null;
afterEach(async () => {
  await real?.close();
  real = null;
});

async function openFirstStory() {
  real = await openRealCore();
  await real.addStories([story('s1', 'Kabinet valt over asielcrisis')]);
  const rendered = renderApp(real);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('option', { name: /Kabinet valt/ }));
  const reader = await screen.findByRole('region', { name: 'Reader' });
  await within(reader).findByRole('heading', { level: 2, name: 'Kabinet valt over asielcrisis' });
  return { ...rendered, user, reader };
}

describe('layout', () => {
  it('toggles the inspector with i and its button, and remembers the choice in storage', async () => {
    const { user, reader } = await openFirstStory();
    expect(within(reader).getByRole('complementary', { name: 'Story details' })).toBeInTheDocument();
    await user.keyboard('i');
    expect(within(reader).queryByRole('complementary', { name: 'Story details' })).toBeNull();
    expect(JSON.parse(window.localStorage.getItem(LAYOUT_KEY)!)).toMatchObject({ inspectorOpen: false });
    await user.click(within(reader).getByRole('button', { name: 'Show details' }));
    expect(within(reader).getByRole('complementary', { name: 'Story details' })).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(LAYOUT_KEY)!)).toMatchObject({ inspectorOpen: true });
  });

  it('folds the list pane away with ] and the reader’s button, focus to the reader, and remembers it', async () => {
    const { user, reader } = await openFirstStory();
    const panes = document.querySelector('.panes')!;
    expect(panes.getAttribute('data-list')).toBe('shown');
    screen.getByRole('option', { name: /Kabinet valt/ }).focus();
    await user.keyboard(']');
    expect(panes.getAttribute('data-list')).toBe('collapsed');
    await waitFor(() => expect(reader).toHaveFocus());
    expect(JSON.parse(window.localStorage.getItem(LAYOUT_KEY)!)).toMatchObject({ listCollapsed: true });
    const show = within(reader).getByRole('button', { name: 'Show the list' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(show).toHaveAttribute('aria-controls', 'list-pane');
    await user.click(show);
    expect(panes.getAttribute('data-list')).toBe('shown');
    expect(JSON.parse(window.localStorage.getItem(LAYOUT_KEY)!)).toMatchObject({ listCollapsed: false });
  });

  it('does not take i typed into a field', async () => {
    const { user, reader } = await openFirstStory();
    await user.click(within(reader).getByRole('combobox', { name: 'Add a tag' }));
    await user.keyboard('i');
    expect(within(reader).getByRole('complementary', { name: 'Story details' })).toBeInTheDocument();
  });

  it('resizes the list from the keyboard on its divider, within bounds', async () => {
    const { user } = await openFirstStory();
    const divider = screen.getByRole('separator', { name: 'List width' });
    expect(divider).toHaveAttribute('aria-valuenow', String(LIST_WIDTH.initial));
    divider.focus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(divider).toHaveAttribute('aria-valuenow', String(LIST_WIDTH.initial - 2 * LIST_WIDTH.step));
    await user.keyboard('{End}');
    expect(divider).toHaveAttribute('aria-valuenow', String(LIST_WIDTH.max));
    await user.keyboard('{ArrowRight}');
    expect(divider).toHaveAttribute('aria-valuenow', String(LIST_WIDTH.max));
    expect(JSON.parse(window.localStorage.getItem(LAYOUT_KEY)!)).toMatchObject({ listWidth: LIST_WIDTH.max });
  });

  it('opens the shortcut overview with ? and closes it with Escape, focus back where it was', async () => {
    const { user } = await openFirstStory();
    const row = screen.getByRole('option', { name: /Kabinet valt/ });
    row.focus();
    await user.keyboard('?');
    const overview = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const group of SHORTCUT_GROUPS) expect(within(overview).getByRole('heading', { name: deskEn[group.title] })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
    expect(row).toHaveFocus();
  });

  it('reads a stored layout field by field, falling back for what is missing or wrong', () => {
    expect(readLayout(null)).toEqual({ inspectorOpen: true, listWidth: LIST_WIDTH.initial, sidebarCollapsed: false, density: 'comfortable', listCollapsed: false });
    expect(readLayout('{"inspectorOpen":false,"listWidth":99999,"density":"tiny","listCollapsed":"yes"}')).toEqual({ inspectorOpen: false, listWidth: LIST_WIDTH.max, sidebarCollapsed: false, density: 'comfortable', listCollapsed: false });
    expect(readLayout('{"listCollapsed":true}').listCollapsed).toBe(true);
    expect(readLayout('not json')).toEqual(readLayout(null));
  });

  it('words every shortcut in both languages', () => {
    for (const group of SHORTCUT_GROUPS) {
      for (const key of [group.title, ...group.shortcuts.map((shortcut) => shortcut.what)]) {
        expect(deskEn[key]).toBeTruthy();
        expect(deskNl[key]).toBeTruthy();
      }
    }
  });
});
