import { fold, stem } from '../text/dutch';

// Finds what a query matched in DISPLAY text (as imported, NFC, diacritics kept),
// as [start, end) UTF-16 offsets, so the caller can wrap the ranges in <mark>
// elements as text nodes: no HTML is ever built from the story text.
//
// Offsets must point into the display text, but folding can change a string's
// length (`İ` lower-cases to two code units), so words are found in the display
// text itself and folded one at a time. A word here is the same run of letters
// and digits as in dutch.ts (plus combining marks, for text that is not NFC).

const DISPLAY_WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const PART = /[\p{L}\p{M}\p{N}]+/gu;

interface Part {
  folded: string;
  start: number;
  end: number;
}

/** Finds the ranges of a text that a query's highlight marks (see highlightRanges). */
export type HighlightMatcher = (text: string) => Array<[number, number]>;

/** Distinct words a matcher remembers (folded, and whether they match) before it starts over. */
const MATCHER_MEMORY = 20_000;
/** Joins the parts of a word (`Noord-Korea`, `Jong-un`, `'s`): a word without one is one part. */
const JOINER = /['’-]/;

/**
 * Ranges of `text` matching `highlight` (from ParsedQuery.highlight): a folded word
 * marks every word with the same Dutch stem (`ontmoet` marks `ontmoetingen`),
 * `prefix*` marks words starting with it, and words separated by spaces mark that
 * exact phrase. Sorted, non-overlapping, `end` exclusive.
 */
export function highlightRanges(text: string, highlight: readonly string[]): Array<[number, number]> {
  return highlightMatcher(highlight)(text);
}

/**
 * highlightRanges for one highlight and many texts (the snippets of a page of rows): the
 * highlight is read once, and each distinct word of the texts is folded and matched once
 * (a story's words repeat; folding and stemming each of them anew took ~0.3 ms a row).
 */
export function highlightMatcher(highlight: readonly string[]): HighlightMatcher {
  const words = new Set<string>();
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const phrases: string[][] = [];
  for (const raw of highlight) {
    const entry = fold(raw).trim();
    if (!entry) continue;
    if (entry.includes(' ')) phrases.push(entry.split(/\s+/));
    else if (entry.endsWith('*')) {
      const prefix = entry.replace(/\*+$/, '');
      if (prefix) {
        prefixes.push(prefix);
        stems.add(stem(prefix));
      }
    } else {
      words.add(entry);
      stems.add(stem(entry));
    }
  }
  if (words.size === 0 && prefixes.length === 0 && phrases.length === 0) return () => [];

  const folds = new Map<string, string>();
  const foldOf = (written: string): string => {
    let folded = folds.get(written);
    if (folded === undefined) {
      if (folds.size >= MATCHER_MEMORY) folds.clear();
      folds.set(written, (folded = fold(written)));
    }
    return folded;
  };
  const matched = new Map<string, boolean>();
  const matchesWord = (folded: string): boolean => {
    let matches = matched.get(folded);
    if (matches === undefined) {
      if (matched.size >= MATCHER_MEMORY) matched.clear();
      matches = words.has(folded) || stems.has(stem(folded)) || prefixes.some((prefix) => folded.startsWith(prefix));
      matched.set(folded, matches);
    }
    return matches;
  };

  return (text) => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const ranges: Array<[number, number]> = [];
    // The words in order, for the phrases (only when there are any).
    const parts: Part[] | null = phrases.length > 0 ? [] : null;
    for (const token of text.matchAll(DISPLAY_WORD)) {
      const tokenStart = token.index;
      const written = token[0];
      if (!JOINER.test(written)) {
        const folded = foldOf(written);
        parts?.push({ folded, start: tokenStart, end: tokenStart + written.length });
        if (matchesWord(folded)) ranges.push([tokenStart, tokenStart + written.length]);
        continue;
      }
      const tokenParts: Part[] = [];
      for (const part of written.matchAll(PART)) {
        const start = tokenStart + part.index;
        tokenParts.push({ folded: foldOf(part[0]), start, end: start + part[0].length });
      }
      parts?.push(...tokenParts);
      // A compound can match as a whole (`noordkorea` marks `Noord-Korea`) or by its parts.
      if (tokenParts.length > 1 && matchesWord(tokenParts.map((part) => part.folded).join(''))) {
        ranges.push([tokenStart, tokenStart + written.length]);
        continue;
      }
      for (const part of tokenParts) if (matchesWord(part.folded)) ranges.push([part.start, part.end]);
    }
    if (parts) {
      for (const phrase of phrases) {
        for (let i = 0; i + phrase.length <= parts.length; i++) {
          let k = 0;
          while (k < phrase.length && parts[i + k]!.folded === phrase[k]) k++;
          if (k === phrase.length) ranges.push([parts[i]!.start, parts[i + phrase.length - 1]!.end]);
        }
      }
    }
    return merge(ranges);
  };
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}
