// Pure reorder logic for the dossier's entries: shared by drag and drop, the
// keyboard and the move buttons, so all three agree on where an entry ends up.

/** A copy of `items` with the item at `from` moved so that it ends up at index `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(Math.min(Math.max(to, 0), copy.length), 0, item!);
  return copy;
}

/**
 * Where a dragged entry ends up (its final index) when it is dropped on the
 * entry at `over`, in that entry's upper half (`before`) or lower half.
 * Null when the drop leaves the order as it is.
 */
export function dropIndex(from: number, over: number, before: boolean, length: number): number | null {
  if (from < 0 || from >= length || over < 0 || over >= length) return null;
  // The slot between entries, counted in the list as it is before the move...
  const slot = before ? over : over + 1;
  // ...minus one when the dragged entry itself is above that slot (it leaves a gap).
  const to = slot > from ? slot - 1 : slot;
  return to === from ? null : to;
}

/**
 * The keyboard's move for an entry: Alt+ArrowUp/Down one place, Alt+Home/End
 * to the top or bottom. Null when the key is not a move (or cannot move further).
 */
export function keyboardMoveTarget(key: string, modifiers: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, index: number, length: number): number | null {
  if (!modifiers.altKey || modifiers.ctrlKey || modifiers.metaKey || modifiers.shiftKey) return null;
  let to: number;
  switch (key) {
    case 'ArrowUp':
      to = index - 1;
      break;
    case 'ArrowDown':
      to = index + 1;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = length - 1;
      break;
    default:
      return null;
  }
  return to >= 0 && to < length && to !== index ? to : null;
}
