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
// \p{L} covers ï, ë, ü, ö, so a word is never split at a diacritic.
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Folded words of a text, in order, hyphenated compounds split into their parts. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of fold(text).matchAll(WORD)) {
    const word = match[0];
    if (/['’-]/.test(word)) {
      const parts = word.split(/['’-]/).filter(Boolean);
      out.push(...parts);
      // Also the joined form, so `noordkorea` and `noord-korea` meet.
      if (parts.length > 1) out.push(parts.join(''));
    } else {
      out.push(word);
    }
  }
  return out;
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
