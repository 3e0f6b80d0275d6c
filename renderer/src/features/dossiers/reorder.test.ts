import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropIndex, keyboardMoveTarget, moveItem } from './reorder';

const noMods = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };
const alt = { ...noMods, altKey: true };

describe('moveItem', () => {
  it('moves an item so that it ends up at the target index', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c', 'd'], 1, 1)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never loses or duplicates an item, and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (items, a, b) => {
        const from = a % items.length;
        const to = b % items.length;
        const copy = [...items];
        const moved = moveItem(items, from, to);
        expect(items).toEqual(copy);
        expect([...moved].sort()).toEqual([...items].sort());
        expect(moved[to]).toBe(items[from]);
      }),
    );
  });

  it('ignores a source index outside the list', () => {
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('dropIndex', () => {
  it('drops before or after the entry under the pointer', () => {
    // Dragging the third of five onto the first one's upper half: it becomes first.
    expect(dropIndex(2, 0, true, 5)).toBe(0);
    // ...onto the first one's lower half: it becomes second.
    expect(dropIndex(2, 0, false, 5)).toBe(1);
    // Dragging the first down onto the fourth's lower half: it ends up fourth.
    expect(dropIndex(0, 3, false, 5)).toBe(3);
    // ...onto the fourth's upper half: it ends up third.
    expect(dropIndex(0, 3, true, 5)).toBe(2);
  });

  it('is null when the drop leaves the order unchanged', () => {
    expect(dropIndex(2, 2, true, 5)).toBeNull();
    expect(dropIndex(2, 2, false, 5)).toBeNull();
    // Just below the entry above / just above the entry below: the same slot.
    expect(dropIndex(2, 1, false, 5)).toBeNull();
    expect(dropIndex(2, 3, true, 5)).toBeNull();
    expect(dropIndex(7, 0, true, 5)).toBeNull();
  });

  it('puts the dragged entry right next to the entry it was dropped on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.nat(), fc.nat(), fc.boolean(), (length, a, b, before) => {
        const from = a % length;
        const over = b % length;
        fc.pre(from !== over);
        const items = Array.from({ length }, (_, i) => i);
        const to = dropIndex(from, over, before, length);
        const result = to === null ? items : moveItem(items, from, to);
        const at = result.indexOf(from);
        const target = result.indexOf(over);
        expect(at).toBe(before ? target - 1 : target + 1);
      }),
    );
  });
});

describe('keyboardMoveTarget', () => {
  it('moves one place with Alt+ArrowUp/Down and to the ends with Alt+Home/End', () => {
    expect(keyboardMoveTarget('ArrowUp', alt, 2, 5)).toBe(1);
    expect(keyboardMoveTarget('ArrowDown', alt, 2, 5)).toBe(3);
    expect(keyboardMoveTarget('Home', alt, 2, 5)).toBe(0);
    expect(keyboardMoveTarget('End', alt, 2, 5)).toBe(4);
  });

  it('does nothing at the ends, without Alt, or with other modifiers', () => {
    expect(keyboardMoveTarget('ArrowUp', alt, 0, 5)).toBeNull();
    expect(keyboardMoveTarget('ArrowDown', alt, 4, 5)).toBeNull();
    expect(keyboardMoveTarget('End', alt, 4, 5)).toBeNull();
    expect(keyboardMoveTarget('ArrowDown', noMods, 2, 5)).toBeNull();
    expect(keyboardMoveTarget('ArrowDown', { ...alt, shiftKey: true }, 2, 5)).toBeNull();
    expect(keyboardMoveTarget('ArrowDown', { ...alt, ctrlKey: true }, 2, 5)).toBeNull();
    expect(keyboardMoveTarget('x', alt, 2, 5)).toBeNull();
  });
});
