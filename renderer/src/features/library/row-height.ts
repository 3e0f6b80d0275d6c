import type { ListDensity } from '../../app/layout/layout-slice';

// The list's rows have one fixed height each (the headline is clamped to two lines, a search
// result's matched passage to its lines), so a row's place is its index × that height. The
// height is kept here, not read back from the stylesheet: reading it (getComputedStyle) made
// the browser work out the styles of every row just rendered there and then, and when a search
// began the rows were then rendered a second time at the new height (~20 ms of the first
// keystroke at 1440×900). StoryList sets it as `--story-row-height`, which the stylesheet uses.

const ROW_HEIGHTS: Record<ListDensity, { browsing: number; searching: number }> = {
  comfortable: { browsing: 78, searching: 116 },
  compact: { browsing: 52, searching: 70 },
};

/** A story row's height in pixels: by density, and taller for search results (they show the matched passage). */
export function storyRowHeight(density: ListDensity, searching: boolean): number {
  const heights = ROW_HEIGHTS[density] ?? ROW_HEIGHTS.comfortable;
  return searching ? heights.searching : heights.browsing;
}
