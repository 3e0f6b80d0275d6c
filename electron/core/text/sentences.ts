// Sentence boundaries in Dutch news copy. A sentence ends at `.`, `!`, `?` or `…`
// (with any closing quotes or brackets) followed by a space and a capital, digit or
// opening quote; a full stop after an initial (`J.`), an abbreviation with inner dots
// (`o.a.`, `d.w.z.`, `V.S.`) or a common Dutch abbreviation (`mr.`, `dr.`, `prof.`)
// does not end it. Numbers like `1.5` have no space after the dot, so they never match.
// Used for brief headlines (import) and for the sentences a chronology or a quote cites.

/** Abbreviations that take a full stop in Dutch news copy and are usually followed by a capital. */
const ABBREVIATIONS = new Set([
  'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'mevr', 'mw', 'dhr', 'hr', 'st', 'sr', 'jr', 'ds', 'mgr', 'kard',
  'gen', 'lt', 'kol', 'maj', 'kapt', 'sgt', 'adm', 'cdt', 'gouv', 'burg', 'min', 'staatssecr', 'sen',
  'nr', 'no', 'blz', 'art', 'ca', 'bijv', 'bv', 'vgl', 'zgn', 'zg', 'resp', 'enz', 'etc', 'evt', 'incl', 'excl', 'ong', 'vs',
  'feb', 'mrt', 'apr', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec', 'mln', 'mld', 'mrd', 'pct', 'red',
]);

/**
 * Words that start a sentence and are never a surname, so `op X. Dat` ends a
 * sentence while `J. Jansen` does not. (Dutch writes `J. de Vries` in lower case.)
 */
const SENTENCE_STARTERS = new Set([
  'de', 'het', 'een', 'dat', 'die', 'dit', 'deze', 'hij', 'zij', 'ze', 'er', 'ook', 'maar', 'en', 'daarna', 'volgens',
  'in', 'op', 'bij', 'na', 'toen', 'wij', 'we', 'ik', 'zo', 'nu', 'dan', 'om', 'met', 'voor', 'als', 'hoe', 'wat', 'wie',
  'waar', 'omdat', 'wel', 'niet', 'geen', 'daar', 'hier', 'sinds', 'tijdens',
]);

const SENTENCE_END = /[.!?…]+["”’'»)\]]*(?=\s+["“‘'«(]?[\p{Lu}\p{N}])/gu;

/** Where the sentences of `text` end (offsets just past each end mark), in order; the last sentence ends at `text.length`. */
export function* sentenceEnds(text: string): Generator<number> {
  // An exec loop from a position of its own (matchAll would copy the regex for every text); the
  // position is set before each exec, so generators running side by side do not disturb each other.
  let at = 0;
  for (;;) {
    SENTENCE_END.lastIndex = at;
    const match = SENTENCE_END.exec(text);
    if (!match) return;
    const end = match.index + match[0].length;
    at = end;
    if (match[0].startsWith('.') && !/^\.{2,}/.test(match[0]) && isAbbreviationBefore(text, match.index, nextWord(text, end))) continue;
    yield end;
  }
}

/** The sentences of a text as offsets (`text.slice(start, end)`), without the spaces between them. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const end of sentenceEnds(text)) {
    pushSpan(spans, text, from, end);
    from = end;
  }
  pushSpan(spans, text, from, text.length);
  return spans;
}

/** Adds text.slice(from, end) without its spaces to `spans`, unless nothing is left. (No closure: sentenceSpans runs for every paragraph.) */
function pushSpan(spans: { start: number; end: number }[], text: string, from: number, end: number): void {
  let start = from;
  while (start < end && SPACE.test(text[start]!)) start++;
  let stop = end;
  while (stop > start && SPACE.test(text[stop - 1]!)) stop--;
  if (stop > start) spans.push({ start, end: stop });
}
const SPACE = /\s/u;

const nextWord = (text: string, from: number) => /^\s+["“‘'«(]?([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 60))?.[1] ?? '';

/** Is the word right before the full stop at `dotIndex` an initial or abbreviation? */
function isAbbreviationBefore(text: string, dotIndex: number, following: string): boolean {
  const word = wordEndingAt(text, dotIndex);
  // An initial (`J. Jansen`), unless a plain sentence opener follows (`meldt hij op X. Dat …`).
  if (/^\p{L}$/u.test(word)) return !SENTENCE_STARTERS.has(following.toLowerCase());
  if (/\p{L}\.\p{L}/u.test(word)) return true; // inner dots: `o.a`, `d.w.z`, `J.P`
  return ABBREVIATIONS.has(word.toLowerCase());
}


const WORD_STOP = /[\s("“‘'«[]/u;

/**
 * The run of characters right before `end`, within the 40 before it, that holds no space,
 * bracket or opening quote: what `/[^\s("“‘'«[]*$/u` finds in `text.slice(end - 40, end)`,
 * scanned backwards instead of tried at every offset of the slice.
 */
function wordEndingAt(text: string, end: number): string {
  const from = Math.max(0, end - 40);
  let start = end;
  while (start > from && !WORD_STOP.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}
