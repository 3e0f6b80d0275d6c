import { describe, expect, it } from 'vitest';
import { pagesFor, rowsPerPage, scrollToReveal, visibleWindow } from './virtual-window';

const base = { rowHeight: 80, viewportHeight: 800, overscan: 5 };

describe('visibleWindow', () => {
  it('renders the visible rows plus overscan, clamped at the top', () => {
    expect(visibleWindow({ ...base, scrollTop: 0, total: 50_000 })).toEqual({ start: 0, end: 15 });
  });

  it('follows the scroll position in the middle of 50,000 rows', () => {
    // Row 1000 starts at 80,000 px; rows 1000–1009 fill the viewport.
    expect(visibleWindow({ ...base, scrollTop: 80_000, total: 50_000 })).toEqual({ start: 995, end: 1015 });
    // Half a row scrolled: the partly visible row 1010 is rendered too.
    expect(visibleWindow({ ...base, scrollTop: 80_040, total: 50_000 })).toEqual({ start: 995, end: 1016 });
  });

  it('clamps at the end, also when scrolled past it (rows deleted meanwhile)', () => {
    expect(visibleWindow({ ...base, scrollTop: 49_990 * 80, total: 50_000 })).toEqual({ start: 49_985, end: 50_000 });
    expect(visibleWindow({ ...base, scrollTop: 10_000_000, total: 20 })).toEqual({ start: 14, end: 20 });
  });

  it('is empty for an empty list and survives nonsense input', () => {
    expect(visibleWindow({ ...base, scrollTop: 0, total: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleWindow({ ...base, scrollTop: Number.NaN, viewportHeight: -5, total: 3 })).toEqual({ start: 0, end: 3 });
    expect(visibleWindow({ ...base, rowHeight: 0, scrollTop: 0, total: 3 })).toEqual({ start: 0, end: 0 });
  });
});

describe('pagesFor', () => {
  it('lists the pages a row range touches', () => {
    expect(pagesFor(0, 15, 100)).toEqual([0]);
    expect(pagesFor(95, 115, 100)).toEqual([0, 1]);
    expect(pagesFor(49_985, 50_000, 100)).toEqual([499]);
    expect(pagesFor(10, 10, 100)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('scrolls the least needed to show a row, or not at all', () => {
    expect(scrollToReveal(5, 80, 0, 800)).toBeNull();
    expect(scrollToReveal(10, 80, 0, 800)).toBe(80);
    expect(scrollToReveal(2, 80, 400, 800)).toBe(160);
    expect(scrollToReveal(49_999, 80, 0, 800)).toBe(49_999 * 80 + 80 - 800);
  });
});

describe('rowsPerPage', () => {
  it('moves a viewport less one row, at least one', () => {
    expect(rowsPerPage(800, 80)).toBe(9);
    expect(rowsPerPage(50, 80)).toBe(1);
  });
});
