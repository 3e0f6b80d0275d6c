/**
 * Multi-selection in the story list as plain data: a set of story ids plus the
 * anchor a Shift-extension starts from. Pure functions of (selection, visible
 * order), so the list can be re-sorted, filtered or virtualised without the
 * selection living in the DOM.
 */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** Where Shift+click / Shift+Arrow extend from; the last row chosen on its own or toggled. */
  readonly anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** A plain click (or opening a story): just this row. */
export function selectOnly(id: string): Selection {
  return { ids: new Set([id]), anchor: id };
}

/** Ctrl/Cmd+click: flip one row, keep the rest; the row becomes the anchor. */
export function toggleSelected(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift+click / Shift+Arrow: the rows from the anchor to `id` in the order
 * shown. Replaces the selection, or with `additive` (Ctrl+Shift) adds the range
 * to it. Without a usable anchor it starts one at `id`.
 */
export function extendSelection(selection: Selection, id: string, order: readonly string[], additive = false): Selection {
  const to = order.indexOf(id);
  if (to < 0) return selection;
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  if (from < 0) return additive ? toggleSelected({ ...selection, anchor: null }, id) : selectOnly(id);
  const ids = new Set(additive ? selection.ids : []);
  const [low, high] = from <= to ? [from, to] : [to, from];
  for (let index = low; index <= high; index++) ids.add(order[index]!);
  return { ids, anchor: selection.anchor };
}

/** Ctrl/Cmd+A: every loaded row. The anchor stays when it is among them. */
export function selectAll(selection: Selection, order: readonly string[]): Selection {
  if (order.length === 0) return EMPTY_SELECTION;
  const anchor = selection.anchor !== null && order.includes(selection.anchor) ? selection.anchor : order[0]!;
  return { ids: new Set(order), anchor };
}

/**
 * After the list changed (new filter, sort, undo): keep the selected stories
 * that are still in it. When only part of the list is loaded, a selected story
 * may simply be further down, so nothing is dropped then.
 */
export function keepListed(selection: Selection, order: readonly string[], complete: boolean): Selection {
  if (!complete || selection.ids.size === 0) return selection;
  const listed = new Set(order);
  let dropped = false;
  const ids = new Set<string>();
  for (const id of selection.ids) {
    if (listed.has(id)) ids.add(id);
    else dropped = true;
  }
  if (!dropped) return selection;
  const anchor = selection.anchor !== null && listed.has(selection.anchor) ? selection.anchor : null;
  return { ids, anchor };
}

/** The selected ids in list order (ids not loaded come last, in selection order). */
export function orderedSelection(selection: Selection, order: readonly string[]): string[] {
  const inOrder = order.filter((id) => selection.ids.has(id));
  if (inOrder.length === selection.ids.size) return inOrder;
  const seen = new Set(inOrder);
  return [...inOrder, ...[...selection.ids].filter((id) => !seen.has(id))];
}
