import { stemmer as dutchStem } from '@orama/stemmers/dutch';

// Marks search matches in DISPLAY text (as imported, NFC, diacritics kept). The
// service answers a list query with `highlight`: folded terms in the search-box
// language — `word` (marks words of the same stem), `prefix*` (marks words starting
// with it) and `two words` (marks that exact phrase). Words are found in the display
// text and folded one at a time, so the ranges are offsets into the text as shown;
// callers wrap them in <mark> elements as React nodes, never as HTML.

/** Matching form: decomposed, combining marks dropped, lower case (`Oekraïne` → `oekraine`). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A run of letters/digits with inner apostrophes or hyphens (`Noord-Korea`, `Kim's`). */
const DISPLAY_WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const WORD_PART = /[\p{L}\p{M}\p{N}]+/gu;

/** A stem shorter than this marks too much as a word start (`de` → `december`). */
const MIN_STEM_PREFIX = 3;

export interface HighlightMatcher {
  /** Folded word starts: a word is marked when its folded form starts with one. */
  starts: string[];
  /** Exact phrases as folded word parts, marked only where they occur in sequence. */
  phrases: string[][];
}

export type Range = [start: number, end: number];

const compiled = new WeakMap<readonly string[], HighlightMatcher | null>();

/**
 * Turns the service's `highlight` into word starts and phrases. A plain word
 * marks every word starting with its Dutch stem, so `oekraine` (stem `oekrain`)
 * marks `Oekraïne` and `Oekraïense`, `ontmoetingen` marks `ontmoeting`. Cached per
 * array, since every row of a page shares the page's array.
 */
export function compileHighlight(highlight: readonly string[] | null | undefined): HighlightMatcher | null {
  if (!highlight || highlight.length === 0) return null;
  const cached = compiled.get(highlight);
  if (cached !== undefined) return cached;
  const starts = new Set<string>();
  const phrases: string[][] = [];
  for (const raw of highlight) {
    if (typeof raw !== 'string') continue;
    const entry = fold(raw).trim();
    if (!entry) continue;
    if (/\s/.test(entry)) {
      const phrase = wordParts(entry);
      if (phrase.length > 0) phrases.push(phrase);
      continue;
    }
    const words = wordParts(entry);
    if (words.length > 1) phrases.push(words);
    if (words.length !== 1) continue;
    const word = words[0]!;
    starts.add(word);
    if (!entry.endsWith('*')) {
      const stem = word.length > 3 && !/\d/.test(word) ? dutchStem(word) : word;
      if (stem.length >= MIN_STEM_PREFIX) starts.add(stem);
    }
  }
  const matcher = starts.size || phrases.length ? { starts: [...starts], phrases } : null;
  compiled.set(highlight, matcher);
  return matcher;
}

function wordParts(text: string): string[] {
  return Array.from(text.matchAll(WORD_PART), (m) => m[0]);
}

interface Part {
  folded: string;
  start: number;
  end: number;
}

/** Ranges of `text` to mark: sorted, non-overlapping, `end` exclusive (UTF-16 offsets). */
export function highlightRanges(text: string, matcher: HighlightMatcher | null): Range[] {
  if (!matcher || typeof text !== 'string' || text.length === 0) return [];
  const isMatch = (folded: string) => matcher.starts.some((start) => folded.startsWith(start));
  const ranges: Range[] = [];
  const parts: Part[] = [];
  for (const token of text.matchAll(DISPLAY_WORD)) {
    const tokenStart = token.index;
    const tokenParts: Part[] = [];
    for (const part of token[0].matchAll(WORD_PART)) {
      const start = tokenStart + part.index;
      tokenParts.push({ folded: fold(part[0]), start, end: start + part[0].length });
    }
    parts.push(...tokenParts);
    // A compound matches by its parts, or else as a whole (`noordkorea` marks `Noord-Korea`).
    const matchingParts = tokenParts.filter((part) => isMatch(part.folded));
    for (const part of matchingParts) ranges.push([part.start, part.end]);
    if (matchingParts.length === 0 && tokenParts.length > 1 && isMatch(tokenParts.map((part) => part.folded).join(''))) {
      ranges.push([tokenStart, tokenStart + token[0].length]);
    }
  }
  for (const phrase of matcher.phrases) {
    for (let i = 0; i + phrase.length <= parts.length; i++) {
      let k = 0;
      while (k < phrase.length && parts[i + k]!.folded === phrase[k]) k++;
      if (k === phrase.length) ranges.push([parts[i]!.start, parts[i + k - 1]!.end]);
    }
  }
  return mergeRanges(ranges);
}

/** Overlapping ranges (a word marked by two terms, a word inside a marked phrase) become one. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

export interface TextPiece {
  text: string;
  marked: boolean;
}

/** The text cut at the ranges, in order: what a component renders as text and <mark> nodes. */
export function splitByRanges(text: string, ranges: Range[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    if (end > start) pieces.push({ text: text.slice(start, end), marked: true });
    at = Math.max(at, end);
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
