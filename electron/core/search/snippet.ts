import type { Snippet } from '../../../shared/contract/searches';
import { highlightRanges } from './highlight';

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
 * `highlight` (ParsedQuery.highlight): around the first block with a match, else the
 * start of the text (the match was in the headline, place, tags or note). Null when
 * the text is empty.
 */
export function snippetOf(blocks: readonly string[], highlight: readonly string[], maxChars = SNIPPET_CHARS): Snippet | null {
  const texts = blocks.slice(0, MAX_BLOCKS).map(collapse).filter((text) => text.length > 0);
  if (texts.length === 0) return null;
  if (highlight.length > 0) {
    for (let block = 0; block < texts.length; block++) {
      const text = texts[block]!;
      const ranges = highlightRanges(text, highlight);
      if (ranges.length > 0) return cut(text, ranges, ranges[0]![0], maxChars, block > 0);
    }
  }
  return cut(texts[0]!, [], 0, maxChars, false);
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
