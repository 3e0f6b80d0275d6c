import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TagListItem } from '../../../../shared/contract/tags';
import { createAppStore, StoreProvider } from '../../store';
import { openRealCore, type RealCore } from '../../test/real-core';
import { TagInput, type TagPick } from './TagInput';

const tag = (id: string, name: string, count = 1): TagListItem => ({ id, name, color: null, parentId: null, mediaTopic: null, count, depth: 0, childCount: 0 });
const TAGS = [tag('t1', 'Oekraïne', 4), tag('t2', 'Noord-Korea', 2), tag('t3', 'Zuid-Korea'), tag('t4', 'Kim Jong-un')];

// The app store over the real core in-process (one library for the file: TagInput gets its tags as props).
let real: RealCore;
beforeAll(async () => {
  real = await openRealCore();
});
afterAll(async () => {
  await real.close();
});

function setup(exclude: ReadonlySet<string> = new Set()) {
  const store = createAppStore({ client: real.client, storage: null, languages: ['en'] });
  const picks: TagPick[] = [];
  const onPick = vi.fn((pick: TagPick) => picks.push(pick));
  render(
    <StoreProvider store={store}>
      <TagInput label="Add a tag" tags={TAGS} exclude={exclude} onPick={onPick} />
    </StoreProvider>,
  );
  return { input: screen.getByRole('combobox', { name: 'Add a tag' }), picks, onPick, user: userEvent.setup() };
}

describe('TagInput (combobox)', () => {
  it('is a list-autocomplete combobox that lists matching tags while typing', async () => {
    const { input, user } = setup();
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await user.type(input, 'korea');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Matching tags' });
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Noord-Korea2', 'Zuid-Korea1', 'Create tag “korea”']);
  });

  it('moves through the options with the arrows and adds the highlighted tag with Enter', async () => {
    const { input, picks, user } = setup();
    await user.type(input, 'korea');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = screen.getByRole('option', { name: /Zuid-Korea/ });
    expect(input).toHaveAttribute('aria-activedescendant', active.id);
    expect(active).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(picks).toEqual([{ tagId: 't3', name: 'Zuid-Korea' }]);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('adds the existing tag when its name is typed in other case or without accents', async () => {
    const { input, picks, user } = setup();
    await user.type(input, 'oekraine{Enter}');
    expect(picks).toEqual([{ tagId: 't1', name: 'Oekraïne' }]);
  });

  it('creates a new tag from the typed name on Enter, trimmed', async () => {
    const { input, picks, user } = setup();
    await user.type(input, '  Pyongyang  {Enter}');
    expect(picks).toEqual([{ newName: 'Pyongyang' }]);
  });

  it('does not add a tag the story already has, and does not offer it', async () => {
    const { input, onPick, user } = setup(new Set(['t2']));
    await user.type(input, 'noord');
    expect(screen.queryByRole('option', { name: /^Noord-Korea/ })).toBeNull();
    await user.clear(input);
    await user.type(input, 'Noord-Korea{Enter}');
    expect(onPick).not.toHaveBeenCalled();
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('closes the list with Escape first and clears the field with the next Escape', async () => {
    const { input, user } = setup();
    await user.type(input, 'kim');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect((input as HTMLInputElement).value).toBe('kim');
    await user.keyboard('{Escape}');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('adds a tag picked with the mouse and keeps focus in the field', async () => {
    const { input, picks, user } = setup();
    await user.type(input, 'kim');
    await user.click(screen.getByRole('option', { name: /Kim Jong-un/ }));
    expect(picks).toEqual([{ tagId: 't4', name: 'Kim Jong-un' }]);
    expect(input).toHaveFocus();
  });
});
