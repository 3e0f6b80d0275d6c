import type { Snippet } from '../../../shared/contract/searches';
import { highlightMatcher, type HighlightMatcher } from './highlight';

// A few lines of a story's text around the first words a search matched, for the
// result list: why the story matched, when the headline does not say. The text is
// the story's own (as imported, diacritics kept); what to mark comes back as offsets
// into it (see highlight.ts), so no HTML is ever built from the story text: the
// renderer wraps those ranges in <mark> elements as text nodes.

export type { Snippet };

/** About two lines of a list row. */
export const SNIPPET_CHARS = 200;
/** How much comes before the first match: enough to read it in context. */
const LEAD_IN_CHARS = 50;
/** Paragraphs looked at for a match; a story matched deeper than this shows its start. */
const MAX_BLOCKS = 200;

/**
 * The snippet of a story's text blocks (paragraphs, in order) for a query's
 * `highlight` (ParsedQuery.highlight, or its highlightMatcher when many stories' snippets
 * are made for one query): around the first block with a match, else the start of the
 * text (the match was in the headline, place, tags or note). Null when the text is empty.
 */
export function snippetOf(blocks: readonly string[], highlight: readonly string[] | HighlightMatcher, maxChars = SNIPPET_CHARS): Snippet | null {
  const ranges = typeof highlight === 'function' ? highlight : highlightMatcher(highlight);
  let first: string | null = null;
  // Each paragraph made ready only when it is reached: most snippets are in the first few.
  for (let block = 0, seen = 0; block < Math.min(blocks.length, MAX_BLOCKS); block++) {
    const text = collapse(blocks[block]!);
    if (text.length === 0) continue;
    first ??= text;
    const found = ranges(text);
    if (found.length > 0) return cut(text, found, found[0]![0], maxChars, seen > 0);
    seen++;
  }
  return first === null ? null : cut(first, [], 0, maxChars, false);
}

/** Whitespace runs (line breaks in a paragraph, tabs) as single spaces. */
function collapse(text: string): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

function cut(text: string, ranges: Array<[number, number]>, focus: number, maxChars: number, afterEarlierText: boolean): Snippet {
  let start = 0;
  if (focus > LEAD_IN_CHARS && text.length > maxChars) {
    // Start at a word: the first space after the lead-in point, unless that skips the match.
    start = Math.max(0, focus - LEAD_IN_CHARS);
    const space = text.indexOf(' ', start);
    // Never further back than that, even near the end of the paragraph: a row shows
    // only the snippet's first line or two, and the match must be on them.
    start = space >= 0 && space < focus ? space + 1 : focus;
  }
  let end = text.length;
  if (end - start > maxChars) {
    end = start + maxChars;
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const highlights: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    highlights.push([Math.max(from, start) - start, Math.min(to, end) - start]);
  }
  return { text: text.slice(start, end), highlights, clippedStart: start > 0 || afterEarlierText, clippedEnd: end < text.length };
}
