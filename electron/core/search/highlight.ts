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

/**
 * Ranges of `text` matching `highlight` (from ParsedQuery.highlight): a folded word
 * marks every word with the same Dutch stem (`ontmoet` marks `ontmoetingen`),
 * `prefix*` marks words starting with it, and words separated by spaces mark that
 * exact phrase. Sorted, non-overlapping, `end` exclusive.
 */
export function highlightRanges(text: string, highlight: readonly string[]): Array<[number, number]> {
  if (typeof text !== 'string' || text.length === 0 || highlight.length === 0) return [];
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

  const matchesWord = (folded: string) =>
    words.has(folded) || stems.has(stem(folded)) || prefixes.some((prefix) => folded.startsWith(prefix));

  const ranges: Array<[number, number]> = [];
  const parts: Part[] = [];
  for (const token of text.matchAll(DISPLAY_WORD)) {
    const tokenStart = token.index;
    const tokenParts: Part[] = [];
    for (const part of token[0].matchAll(PART)) {
      const start = tokenStart + part.index;
      tokenParts.push({ folded: fold(part[0]), start, end: start + part[0].length });
    }
    parts.push(...tokenParts);
    // A compound can match as a whole (`noordkorea` marks `Noord-Korea`) or by its parts.
    if (tokenParts.length > 1 && matchesWord(tokenParts.map((part) => part.folded).join(''))) {
      ranges.push([tokenStart, tokenStart + token[0].length]);
      continue;
    }
    for (const part of tokenParts) if (matchesWord(part.folded)) ranges.push([part.start, part.end]);
  }

  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= parts.length; i++) {
      let k = 0;
      while (k < phrase.length && parts[i + k]!.folded === phrase[k]) k++;
      if (k === phrase.length) ranges.push([parts[i]!.start, parts[i + phrase.length - 1]!.end]);
    }
  }
  return merge(ranges);
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
