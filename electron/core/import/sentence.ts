// First-sentence extraction for brief headlines. A sentence ends at `.`, `!`,
// `?` or `…` (with any closing quotes or brackets) followed by a space and a
// capital, digit or opening quote; a full stop after an initial (`J.`), an
// abbreviation with inner dots (`o.a.`, `d.w.z.`, `V.S.`) or a common Dutch
// abbreviation (`mr.`, `dr.`, `prof.`) does not end it. Numbers like `1.5` have
// no space after the dot, so they never match.

export const BRIEF_HEADLINE_MAX_CHARS = 200;

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

/** The first sentence of `text`, capped at `maxChars` at a word boundary with `…`. */
export function firstSentence(text: string, maxChars = BRIEF_HEADLINE_MAX_CHARS): string {
  // Only the start can matter after capping; looking no further keeps a hostile
  // megabyte of dots from making the search quadratic.
  const start = text.trim().slice(0, maxChars + 80);
  return capLength(start.slice(0, firstSentenceEnd(start)).trim(), maxChars);
}

function firstSentenceEnd(text: string): number {
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && !/^\.{2,}/.test(match[0]) && isAbbreviationBefore(text, match.index, nextWord(text, end))) continue;
    return end;
  }
  return text.length;
}

const nextWord = (text: string, from: number) => /^\s+["“‘'«(]?([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 60))?.[1] ?? '';

/** Is the word right before the full stop at `dotIndex` an initial or abbreviation? */
function isAbbreviationBefore(text: string, dotIndex: number, following: string): boolean {
  const word = /[^\s("“‘'«[]*$/u.exec(text.slice(Math.max(0, dotIndex - 40), dotIndex))?.[0] ?? '';
  // An initial (`J. Jansen`), unless a plain sentence opener follows (`meldt hij op X. Dat …`).
  if (/^\p{L}$/u.test(word)) return !SENTENCE_STARTERS.has(following.toLowerCase());
  if (/\p{L}\.\p{L}/u.test(word)) return true; // inner dots: `o.a`, `d.w.z`, `J.P`
  return ABBREVIATIONS.has(word.toLowerCase());
}

function capLength(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const room = sentence.slice(0, maxChars - 1);
  // A space right after the room also makes a clean cut.
  const lastSpace = sentence.slice(0, maxChars).lastIndexOf(' ');
  // Cut at a word boundary unless that would throw away most of the room (one enormous word).
  const cut = lastSpace > maxChars / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}
