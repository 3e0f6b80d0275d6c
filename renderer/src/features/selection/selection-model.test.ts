import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, extendSelection, keepListed, orderedSelection, selectAll, selectOnly, toggleSelected, type Selection } from './selection-model';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: Selection) => [...selection.ids].sort();

describe('selection model', () => {
  it('selects one row alone and makes it the anchor', () => {
    const selection = selectOnly('c');
    expect(ids(selection)).toEqual(['c']);
    expect(selection.anchor).toBe('c');
  });

  it('toggles rows in and out without touching the others', () => {
    let selection = toggleSelected(selectOnly('a'), 'c');
    expect(ids(selection)).toEqual(['a', 'c']);
    expect(selection.anchor).toBe('c');
    selection = toggleSelected(selection, 'a');
    expect(ids(selection)).toEqual(['c']);
  });

  it('extends from the anchor to the row in the order shown, either direction, replacing the selection', () => {
    expect(ids(extendSelection(selectOnly('b'), 'd', order))).toEqual(['b', 'c', 'd']);
    expect(ids(extendSelection(selectOnly('d'), 'a', order))).toEqual(['a', 'b', 'c', 'd']);
    // A second Shift+click from the same anchor re-draws the range instead of growing it.
    const first = extendSelection(selectOnly('b'), 'e', order);
    expect(ids(extendSelection(first, 'c', order))).toEqual(['b', 'c']);
    expect(extendSelection(first, 'c', order).anchor).toBe('b');
  });

  it('adds the range to what was selected with Ctrl+Shift', () => {
    const selection = toggleSelected(selectOnly('a'), 'd');
    expect(ids(extendSelection(selection, 'e', order, true))).toEqual(['a', 'd', 'e']);
  });

  it('starts at the row itself when there is no usable anchor', () => {
    expect(ids(extendSelection(EMPTY_SELECTION, 'c', order))).toEqual(['c']);
    expect(ids(extendSelection(selectOnly('gone'), 'c', order))).toEqual(['c']);
    // A row that is not shown changes nothing.
    const selection = selectOnly('a');
    expect(extendSelection(selection, 'zz', order)).toBe(selection);
  });

  it('selects every loaded row, keeping an anchor that is among them', () => {
    expect(ids(selectAll(selectOnly('c'), order))).toEqual(order);
    expect(selectAll(selectOnly('c'), order).anchor).toBe('c');
    expect(selectAll(selectOnly('gone'), order).anchor).toBe('a');
    expect(selectAll(selectOnly('c'), [])).toEqual(EMPTY_SELECTION);
  });

  it('keeps the stories still listed after a filter, and everything while the list is only partly loaded', () => {
    const selection = toggleSelected(toggleSelected(selectOnly('a'), 'c'), 'e');
    const filtered = keepListed(selection, ['c', 'd', 'e'], true);
    expect(ids(filtered)).toEqual(['c', 'e']);
    expect(filtered.anchor).toBe('e');
    expect(keepListed(selection, ['e', 'c', 'a'], true)).toBe(selection);
    expect(keepListed(selection, ['c'], false)).toBe(selection);
    expect(keepListed(selectOnly('a'), ['b'], true)).toEqual({ ids: new Set(), anchor: null });
  });

  it('gives the selection in list order, unloaded ids last', () => {
    const selection = toggleSelected(toggleSelected(selectOnly('d'), 'b'), 'x');
    expect(orderedSelection(selection, order)).toEqual(['b', 'd', 'x']);
  });
});
