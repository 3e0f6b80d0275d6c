import { fold } from '../text/dutch';

// Word tokens with the facts entity recognition needs: capitalisation, where a
// sentence starts, and whether punctuation separates a word from the previous one.
// (Search terms come from `terms()` in text/dutch.ts; this keeps the original
// spelling and case, which terms() folds away.)

export interface Token {
  /** As written (NFC). Hyphens and inner apostrophes stay inside: `Kim Jong-un` → `Kim`, `Jong-un`. */
  text: string;
  /** `fold(text)`: lower case, no diacritics. */
  folded: string;
  /** Starts with a capital letter, or is an Arabic/Dutch name with a lower-case prefix (`al-Busaidi`, `'s-Hertogenbosch`). */
  cap: boolean;
  /** Has at least one letter and no lower-case letter (`NAVO`, `D66`). */
  allCaps: boolean;
  /** Capitalised compound whose last part is lower case (`Kremlin-functionaris`, `VN-sancties`): a common noun. */
  capCompound: boolean;
  /** Starts with a lower-case letter. */
  lowerStart: boolean;
  /** First word of a sentence, a quotation or a block: capitals here say little. */
  sentenceStart: boolean;
  /** Punctuation (comma, bracket, quote, full stop…) between this and the previous token. */
  breakBefore: boolean;
  /** The raw text between the previous token and this one. */
  gapBefore: string;
}

// A word: letters/digits with inner hyphens or apostrophes kept inside (`Jong-un`, `zo'n`).
const INNER_SEPARATOR = /['’\-‐]/u;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;
// Lower-case name prefixes: `al-Busaidi`, `el-Fasher`, `'s-Hertogenbosch`, `'t Zand`.
const PREFIXED_NAME = /^(?:al|el|ul|ad|an|as|ash|at|az|ibn|abu|bin|ben|s|t)[-‐]\p{Lu}/u;
const SENTENCE_END = /[.!?;:…]/;
const QUOTE = /["“”„'‘’«»]/;
// A spaced dash separates a dateline or a clause: `PYONGYANG (ANP) - De…`.
const SPACED_DASH = /\s[-–—]\s/;

// The scanner below works on character codes, without a regular expression per word:
// it runs for every word the importer sees.
function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_WORD_CHAR.test(text.charAt(at));
}
function upperChar(code: number, char: string): boolean {
  if (code < 0x80) return code >= 65 && code <= 90;
  return char !== char.toLowerCase();
}
function lowerChar(code: number, char: string): boolean {
  if (code < 0x80) return code >= 97 && code <= 122;
  return char !== char.toUpperCase();
}
const isSeparator = (code: number) => code === 0x2d /* - */ || code === 0x27 /* ' */ || code === 0x2019 /* ’ */ || code === 0x2010; /* ‐ */

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let previousEnd = 0;
  let previous: Token | undefined;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i), text, i)) i++;
    if (i >= n) break;

    // One pass over the word: its end, ASCII?, inner separators?, ASCII case.
    const start = i;
    let ascii = true;
    let compound = false;
    let hasLower = false;
    let hasUpper = false;
    for (;;) {
      while (i < n) {
        const code = text.charCodeAt(i);
        if (code >= 97 && code <= 122) hasLower = true;
        else if (code >= 65 && code <= 90) hasUpper = true;
        else if (code >= 0x80) {
          if (!isWordChar(code, text, i)) break;
          ascii = false;
        } else if (code < 48 || code > 57) break;
        i++;
      }
      if (i + 1 < n && isSeparator(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1), text, i + 1)) {
        if (text.charCodeAt(i) >= 0x80) ascii = false;
        compound = true;
        i++;
        continue;
      }
      break;
    }
    const word = text.slice(start, i);
    const singleSpace = start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32;
    const gap = singleSpace ? ' ' : text.slice(previousEnd, start);
    previousEnd = i;

    let punctuation = false;
    let sentenceStart = previous === undefined;
    if (previous !== undefined && !singleSpace) {
      // `Robert F. Kennedy`: a dot after a single capital that follows a name is an initial,
      // not a sentence end (unlike `op X. Volgens…`).
      const beforePrevious = tokens[tokens.length - 2];
      const afterInitial =
        previous.text.length === 1 &&
        previous.cap &&
        /^\.\s*$/.test(gap) &&
        beforePrevious !== undefined &&
        beforePrevious.cap &&
        !previous.breakBefore;
      punctuation = !afterInitial && /\S/.test(gap);
      sentenceStart = !afterInitial && (SENTENCE_END.test(gap) || QUOTE.test(gap) || SPACED_DASH.test(gap) || gap.includes('\n'));
    }

    const firstCode = word.charCodeAt(0);
    const first = word.charAt(0);
    let capStart = upperChar(firstCode, first);
    const lowerStart = !capStart && lowerChar(firstCode, first);
    let lastPartLower = false;
    if (compound) {
      const parts = word.split(INNER_SEPARATOR);
      const apostropheS = /['’]s$/u.test(word); // `Houthi's`, `Trump's`: not a compound
      const last = parts[parts.length - 1] ?? '';
      lastPartLower = !apostropheS && lowerChar(last.charCodeAt(0), last.charAt(0));
      if (lowerStart) capStart = PREFIXED_NAME.test(word);
    }
    const allCaps = ascii ? hasUpper && !hasLower : capStart && word === word.toUpperCase() && word !== word.toLowerCase();
    const token: Token = {
      text: word,
      folded: ascii ? (hasUpper ? word.toLowerCase() : word) : fold(word),
      cap: capStart && !lastPartLower,
      allCaps,
      capCompound: capStart && lastPartLower,
      lowerStart,
      sentenceStart,
      breakBefore: previous === undefined || punctuation,
      gapBefore: gap,
    };
    tokens.push(token);
    previous = token;
  }
  return tokens;
}

/** True when the text is mostly capitals (a shouted headline): capitals then say nothing about names. */
export function isShouting(tokens: Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const token of tokens) {
    if (!token.allCaps && !token.lowerStart && !token.cap) continue; // digits
    words++;
    if (token.allCaps && token.text.length > 1) caps++;
  }
  return words >= 4 && caps / words > 0.6;
}
