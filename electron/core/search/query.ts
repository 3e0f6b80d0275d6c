import { isStopword, stem, toNfc } from '../text/dutch';
import { runningWords } from './words';

// The search-box language, shared by the list's search box and the CLI:
//
//   poetin kim          every word must match (folded, stemmed, stopwords dropped)
//   poetin oekr         the word being typed (last, no space after it) matches as a prefix
//   oekr*               any word ending in * matches as a prefix
//   "warm welkom"       exact phrase (also “…” and „…”): the words adjacent, in one field
//   -sport  -"de VS"    leave out stories with this word or phrase
//
// Parsing never fails: an unclosed quote reads as plain words (the phrase counts
// once it is closed), stray punctuation is ignored, and overlong input is cut.

export interface ParsedQuery {
  /** Index terms (stems) every hit must contain: the query words and the content words of phrases. */
  terms: string[];
  /** Folded word starts (2+ letters): every hit must contain a word beginning with each. */
  prefixes: string[];
  /** Exact phrases as folded running words (compounds as their parts); each must occur within one field. */
  phrases: string[][];
  /** Index terms (stems) no hit may contain. */
  excludeTerms: string[];
  /** Phrases no hit may contain. */
  excludePhrases: string[][];
  /**
   * What to mark in display text, for `highlightRanges`: a folded word (marks every
   * word with the same stem), `prefix*` (marks words starting with it), or the
   * words of a phrase separated by single spaces (marks the whole phrase).
   */
  highlight: string[];
  /** Nothing to search for (blank, punctuation or stopwords only): callers show the unfiltered list. */
  empty: boolean;
}

/** Longer input is cut here: nobody types more, and it bounds the work per keystroke. */
export const MAX_QUERY_CHARS = 500;
/** At most this many required terms, prefixes and phrases together; the rest are ignored. */
export const MAX_QUERY_PARTS = 16;
/** Shorter word starts match too much to narrow the list, so they are not used as prefixes. */
export const MIN_PREFIX_CHARS = 2;

const QUOTE = /["“”„‟«»]/;
const MINUS = /[-–−]/;
const SPACE = /\s/;

interface Unit {
  kind: 'word' | 'phrase';
  text: string;
  negated: boolean;
  /** The word is still being typed, or ends in `*`: its last word matches as a prefix. */
  prefix: boolean;
}

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { terms: [], prefixes: [], phrases: [], excludeTerms: [], excludePhrases: [], highlight: [], empty: true };
  const text = toNfc(typeof input === 'string' ? input : '').slice(0, MAX_QUERY_CHARS);
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && (seen.add(key), true);
  let parts = 0;
  const room = () => parts < MAX_QUERY_PARTS;

  for (const unit of scanUnits(text)) {
    if (unit.kind === 'phrase') {
      const phrase = runningWords(unit.text);
      if (phrase.length === 0) continue;
      if (unit.negated) {
        if (once(`-"${phrase.join(' ')}`)) query.excludePhrases.push(phrase);
        continue;
      }
      if (!room() || !once(`"${phrase.join(' ')}`)) continue;
      query.phrases.push(phrase);
      query.highlight.push(phrase.join(' '));
      parts++;
      for (const word of phrase) {
        const term = indexTerm(word);
        if (term && once(term)) query.terms.push(term);
      }
      continue;
    }

    const unitWords = runningWords(unit.text);
    if (unitWords.length === 0) continue;
    if (unit.negated) {
      // `-sport` leaves out a word; `-noord-korea` the compound as written.
      if (unitWords.length > 1) {
        if (once(`-"${unitWords.join(' ')}`)) query.excludePhrases.push(unitWords);
      } else {
        const term = indexTerm(unitWords[0]!);
        if (term && once(`-${term}`)) query.excludeTerms.push(term);
      }
      continue;
    }
    unitWords.forEach((word, index) => {
      if (!room()) return;
      const isPrefix = unit.prefix && index === unitWords.length - 1;
      if (isPrefix && word.length >= MIN_PREFIX_CHARS) {
        if (!once(`${word}*`)) return;
        query.prefixes.push(word);
        query.highlight.push(`${word}*`);
        parts++;
        return;
      }
      const term = indexTerm(word);
      if (!term || !once(term)) return;
      query.terms.push(term);
      query.highlight.push(word);
      parts++;
    });
  }

  query.empty =
    query.terms.length === 0 &&
    query.prefixes.length === 0 &&
    query.phrases.length === 0 &&
    query.excludeTerms.length === 0 &&
    query.excludePhrases.length === 0;
  return query;
}

/** The index term of a folded word, or null when it is not indexed (stopword, single character). */
export function indexTerm(foldedWord: string): string | null {
  if (foldedWord.length < 2 || isStopword(foldedWord)) return null;
  return stem(foldedWord);
}

/** Splits the raw input into words and quoted phrases, with their `-` and `*` markers. */
function scanUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (SPACE.test(char)) {
      i++;
      continue;
    }
    let negated = false;
    let start = i;
    if (MINUS.test(char) && i + 1 < text.length && !SPACE.test(text[i + 1]!)) {
      negated = true;
      start = i + 1;
    }
    if (QUOTE.test(text[start]!)) {
      const close = findQuote(text, start + 1);
      if (close >= 0) {
        units.push({ kind: 'phrase', text: text.slice(start + 1, close), negated, prefix: false });
        i = close + 1;
        continue;
      }
      // Unclosed: the words typed so far count as plain words until the quote is closed.
      units.push(...scanUnits(text.slice(start + 1)).map((unit) => ({ ...unit, negated: unit.negated || negated })));
      break;
    }
    let end = start;
    while (end < text.length && !SPACE.test(text[end]!) && !QUOTE.test(text[end]!)) end++;
    const token = text.slice(start, end);
    const starred = token.endsWith('*');
    // Still being typed: the input ends right after a letter or digit of this word.
    const typing = end === text.length && /[\p{L}\p{N}]$/u.test(token);
    units.push({ kind: 'word', text: starred ? token.replace(/\*+$/, '') : token, negated, prefix: !negated && (starred || typing) });
    i = end;
  }
  return units;
}

function findQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (QUOTE.test(text[i]!)) return i;
  return -1;
}
