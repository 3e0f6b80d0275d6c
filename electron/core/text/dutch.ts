import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stopwords as dutchStopwordList } from '@orama/stopwords/dutch';

// Dutch-first text analysis shared by search, entities and related-story scoring.
// Display text is never changed: folding is for matching only.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Canonical form for storage and display: NFC. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** Matching form: lower case, diacritics removed (`Oekraïne` → `oekraine`, `Genève` → `geneve`). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().normalize('NFC');
}

// A word is a run of letters/digits, with inner apostrophes and hyphens kept only as
// separators: `Noord-Koreaanse` yields `noord` and `koreaanse` plus the joined `noordkoreaanse`.
// \p{L} covers ï, ë, ü, ö, so a word is never split at a diacritic; the combining marks
// that fold() removes (U+0300–U+036F) belong to the word too, as they vanish when folded.
const WORD = /[\p{L}\p{N}\u0300-\u036f]+(?:['’-][\p{L}\p{N}\u0300-\u036f]+)*/gu;
const SEPARATOR = /['’-]/;
/** WORD, matched where a word starts; and whether a word starts at a (non-ASCII) character. */
const WORD_AT = new RegExp(WORD.source, 'uy');
const WORD_CHAR_AT = /[\p{L}\p{N}\u0300-\u036f]/uy;
const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const NON_ASCII = /[^ -~]/; // anything but printable ASCII (a control character simply takes the full fold)

/** fold() of one word; most words are plain ASCII, for which folding is lower-casing. */
function foldWord(word: string): string {
  return NON_ASCII.test(word) ? fold(word) : word.toLowerCase();
}

/**
 * Folded words of a text, in order, hyphenated compounds split into their parts.
 * Words are found in the text as written and folded one by one: the same words as
 * folding the whole text first (a property test holds the two equal), at half the
 * cost, since a story's text is then not copied four times by normalize/replace.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  // Most words are plain ASCII letters and digits ended by a space or punctuation: those are
  // cut out here without the regular expression (half of the index build's word splitting);
  // any other word (a non-ASCII character, an apostrophe or hyphen after it) is matched by
  // WORD from its first character, which is where a global match would find it too.
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!isAsciiAlnum(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      let upper = c >= 65 && c <= 90;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) continue;
        if (d >= 65 && d <= 90) upper = true;
        else break;
      }
      const next = j < n ? text.charCodeAt(j) : 0;
      if (next < 0x80 && next !== 0x27 /* ' */ && next !== 0x2d /* - */) {
        const word = text.slice(i, j);
        out.push(upper ? word.toLowerCase() : word);
        i = j;
        continue;
      }
    } else {
      WORD_CHAR_AT.lastIndex = i;
      if (!WORD_CHAR_AT.test(text)) {
        // A surrogate pair is one character (not a word's start in either half).
        const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
        continue;
      }
    }
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (!match) {
      i++;
      continue;
    }
    addWord(match[0], out);
    i = WORD_AT.lastIndex;
  }
  return out;
}

/** Start of wordHash (FNV-1a over UTF-16 code units). */
export const WORD_HASH_START = 0x811c9dc5 | 0;

/** One code unit into a wordHash. */
export function wordHashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** The hash scanWords hands over with a plain word: of its folded characters. */
export function wordHash(word: string): number {
  let hash = WORD_HASH_START;
  for (let k = 0; k < word.length; k++) hash = wordHashStep(hash, word.charCodeAt(k));
  return hash;
}

let otherWords: string[] = [];

/**
 * words(), for a caller that looks each word up rather than keeping it (the search
 * index's vocabulary): a plain ASCII word (most words) is handed over as where it is
 * in `text` and the wordHash of its folded (lower-cased) characters, without a string
 * cut out and lower-cased for it; any other word as its folded string. The same words
 * in the same order as words() (a test holds the two equal): scanWrittenWords, each other word folded.
 */
export function scanWords(text: string, plain: (start: number, end: number, hash: number) => void, other: (word: string) => void): void {
  scanWrittenWords(text, plain, (match) => {
    // Reentrant: `other` may scan another text.
    const out = otherWords;
    otherWords = [];
    addWord(match, out);
    for (let k = 0; k < out.length; k++) other(out[k]!);
    out.length = 0;
    otherWords = out;
  });
}

/**
 * scanWords(), but any word that is not plain ASCII is handed over as matched in the text
 * (`Noord-Koreaanse`, `Oekraïne`), its folded words being foldedWords() of it: for a caller
 * that keeps what it makes of such a word by the word as written (the related index's
 * features, which also read its spellings with diacritics) rather than fold it at every
 * occurrence. scanWords is this loop with each such match folded (a test holds both equal to words()).
 */
export function scanWrittenWords(text: string, plain: (start: number, end: number, hash: number) => void, other: (match: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!isAsciiAlnum(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      let hash = wordHashStep(WORD_HASH_START, c >= 65 && c <= 90 ? c + 32 : c);
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) hash = wordHashStep(hash, d);
        else if (d >= 65 && d <= 90) hash = wordHashStep(hash, d + 32);
        else break;
      }
      const next = j < n ? text.charCodeAt(j) : 0;
      if (next < 0x80 && next !== 0x27 /* ' */ && next !== 0x2d /* - */) {
        plain(i, j, hash);
        i = j;
        continue;
      }
    } else {
      WORD_CHAR_AT.lastIndex = i;
      if (!WORD_CHAR_AT.test(text)) {
        const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
        continue;
      }
    }
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (!match) {
      i++;
      continue;
    }
    i = WORD_AT.lastIndex;
    other(match[0]);
  }
}

/** The folded words words() gives for one word as scanWrittenWords() hands it to `other`. */
export function foldedWords(match: string): string[] {
  const out: string[] = [];
  addWord(match, out);
  return out;
}

/** Folded words of one match of WORD (see words()). */
function addWord(word: string, out: string[]): void {
  if (SEPARATOR.test(word)) {
    let parts = 0;
    let joined = '';
    for (const part of word.split(SEPARATOR)) {
      const folded = foldWord(part);
      if (folded) {
        out.push(folded);
        joined += folded;
        parts++;
        continue;
      }
      // A part of marks only folds away, leaving two separators side by side, which
      // end a word: the parts so far are one compound, what follows is the next.
      if (parts > 1) out.push(joined);
      parts = 0;
      joined = '';
    }
    // Also the joined form, so `noordkorea` and `noord-korea` meet.
    if (parts > 1) out.push(joined);
  } else {
    const folded = foldWord(word);
    if (folded) out.push(folded);
  }
}

const STOPWORDS = new Set<string>(
  [
    ...dutchStopwordList,
    // Wire-copy furniture and very common news verbs that carry no topic.
    'zegt', 'zei', 'aldus', 'volgens', 'heeft', 'hebben', 'werd', 'worden', 'wordt', 'zijn',
    'meer', 'uur', 'geleden', 'minuten', 'onder', 'andere', 'nog', 'al', 'ook', 'wel', 'zo',
    'anp', 'rtr', 'afp', 'ap', 'dpa', 'belga',
  ].map(fold),
);

export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}

/**
 * A copy of a string that owns its characters. V8 keeps a substring of 13+ characters
 * (a regex match, a slice) as a view on the whole text it came from, so a word kept in
 * a long-lived map would keep its story's text alive with it.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/**
 * Lets go of the stem cache (up to 200,000 words, ~20 MB): after a full index build,
 * whose words filled it, the thread only stems the few words of edits and queries.
 */
export function releaseStemCache(): void {
  stemCache.clear();
}

/** Dutch Snowball stem of a folded word (cached: the same words recur across an archive). */
export function stem(foldedWord: string): string {
  let stemmed = stemCache.get(foldedWord);
  if (stemmed === undefined) {
    stemmed = foldedWord.length <= 3 || /\d/.test(foldedWord) ? foldedWord : dutchStemmer(foldedWord);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    // Copy key and stem: a word cut out of a long text (and the stemmer's cuts of it) would otherwise keep that whole text alive in the cache.
    stemmed = detached(stemmed);
    stemCache.set(detached(foldedWord), stemmed);
  }
  return stemmed;
}

/** Index/query terms: folded, stopwords dropped, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || isStopword(word)) continue;
    out.push(stem(word));
  }
  return out;
}
