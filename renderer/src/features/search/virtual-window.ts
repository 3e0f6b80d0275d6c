// Window maths for the virtualised story list: which rows to render for a scroll
// position, and which pages of the list they fall in. Rows have one fixed height,
// so a row's place is simply index × height.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan: number;
}

/** Rows `start` (inclusive) to `end` (exclusive) to render. */
export interface RowWindow {
  start: number;
  end: number;
}

export function visibleWindow({ scrollTop, viewportHeight, rowHeight, total, overscan }: WindowInput): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const height = Math.max(0, Number.isFinite(viewportHeight) ? viewportHeight : 0);
  const firstVisible = Math.min(total - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(total - 1, Math.max(firstVisible, Math.ceil((top + height) / rowHeight) - 1));
  return { start: Math.max(0, firstVisible - overscan), end: Math.min(total, lastVisible + 1 + overscan) };
}

/** Page numbers (offset = page × pageSize) covering rows [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(start / pageSize); page * pageSize < end; page++) pages.push(page);
  return pages;
}

/** Scroll position that brings row `index` into view with the least movement (null: already in view). */
export function scrollToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return null;
}

/** Rows a PageUp/PageDown moves: a viewport's worth, at least one. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}
