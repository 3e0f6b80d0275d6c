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
  /** First word of a sentence, a quotation or a block: capitals here say little. */
  sentenceStart: boolean;
  /** Punctuation (comma, bracket, quote, full stop…) between this and the previous token. */
  breakBefore: boolean;
  /** The raw text between the previous token and this one. */
  gapBefore: string;
}

// A word: letters/digits with inner hyphens, apostrophes or a dot between letters kept inside.
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
// Lower-case name prefixes: `al-Busaidi`, `el-Fasher`, `'s-Hertogenbosch`, `'t Zand`.
const PREFIXED_NAME = /^(?:al|el|ul|ad|an|as|ash|at|az|ad|ibn|abu|bin|ben|s|t)[-‐]\p{Lu}/u;
const SENTENCE_END = /[.!?;:…]/;
const QUOTE = /["“”„'‘’«»]/;
// A spaced dash separates a dateline or a clause: `PYONGYANG (ANP) - De…`.
const SPACED_DASH = /\s[-–—]\s/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: Token | undefined;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    previousEnd = start + word.length;
    // `Robert F. Kennedy`: a dot after a single capital that follows a name is an initial,
    // not a sentence end (unlike `op X. Volgens…`).
    const beforePrevious = tokens[tokens.length - 2];
    const afterInitial =
      previous !== undefined &&
      /^\p{Lu}$/u.test(previous.text) &&
      /^\.\s*$/.test(gap) &&
      beforePrevious !== undefined &&
      beforePrevious.cap &&
      !previous.breakBefore;
    const punctuation = !afterInitial && /[^\s]/.test(gap);
    const parts = word.split(/['’\-‐]/);
    const lastPart = parts[parts.length - 1] ?? '';
    const capStart = UPPER_START.test(word) || PREFIXED_NAME.test(word);
    const token: Token = {
      text: word,
      folded: fold(word),
      cap: capStart && (parts.length === 1 || !/^\p{Ll}/u.test(lastPart) || isApostropheSuffix(word)),
      allCaps: HAS_LETTER.test(word) && !HAS_LOWER.test(word),
      capCompound: capStart && parts.length > 1 && /^\p{Ll}/u.test(lastPart) && !isApostropheSuffix(word),
      sentenceStart:
        previous === undefined ||
        (!afterInitial && (SENTENCE_END.test(gap) || QUOTE.test(gap) || SPACED_DASH.test(gap) || /\n/.test(gap))),
      breakBefore: previous === undefined || punctuation,
      gapBefore: gap,
    };
    tokens.push(token);
    previous = token;
  }
  return tokens;
}

/** `Houthi's`, `Trump's`: an apostrophe-s ending, not a compound. */
function isApostropheSuffix(word: string): boolean {
  return /['’]s$/u.test(word);
}

/** True when the text is mostly capitals (a shouted headline): capitals then say nothing about names. */
export function isShouting(tokens: Token[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const token of tokens) {
    if (!HAS_LETTER.test(token.text)) continue;
    letters++;
    if (token.allCaps && token.text.length > 1) caps++;
  }
  return letters >= 4 && caps / letters > 0.6;
}
