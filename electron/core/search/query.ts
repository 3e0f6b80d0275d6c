import { isStopword, stem, toNfc } from '../text/dutch';
import { runningWords } from './words';

// The search-box language, shared by the list's search box and the CLI:
//
//   poetin kim          every word must match (folded, stemmed, stopwords dropped)
//   poetin oekr         the word being typed (last, no space after it) matches as a prefix
//   oekr*               any word ending in * matches as a prefix
//   "warm welkom"       exact phrase (also “…” and „…”): the words adjacent, in one field
//   -sport  -"de VS"    leave out stories with this word or phrase
//   poetin OR kim       either (also `OF` and `|`); binds tighter than the words
//                       around it: `oekraine poetin OR kim` needs oekraine and one of the two
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
  /**
   * `a OR b` groups: every hit must match at least one alternative of each group
   * (a word's index term, a word start, or a phrase with its index terms).
   */
  anyOf: QueryAlternative[][];
  /** Nothing to search for (blank, punctuation or stopwords only): callers show the unfiltered list. */
  empty: boolean;
  /**
   * The folded word typed for each required term that came from a plain word (not a
   * phrase): the index expands these through names and compounds (search/expand.ts).
   */
  termWords?: Record<string, string>;
}

/** One side of an `OR`. */
export type QueryAlternative = { term: string } | { prefix: string } | { phrase: string[]; terms: string[] };

/** Longer input is cut here: nobody types more, and it bounds the work per keystroke. */
export const MAX_QUERY_CHARS = 500;
/** At most this many required terms, prefixes and phrases together; the rest are ignored. */
export const MAX_QUERY_PARTS = 16;
/** Shorter word starts match too much to narrow the list, so they are not used as prefixes. */
export const MIN_PREFIX_CHARS = 2;

const QUOTE = /["“”„‟«»]/;
const MINUS = /[-–−]/;
const SPACE = /\s/;

/** The OR operator, as a word of its own between two others: `OR`, Dutch `OF`, or `|`. */
const OR_WORD = /^(?:OR|OF|\|)$/;

interface Unit {
  kind: 'word' | 'phrase' | 'or';
  text: string;
  negated: boolean;
  /** The word is still being typed, or ends in `*`: its last word matches as a prefix. */
  prefix: boolean;
}

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { terms: [], prefixes: [], phrases: [], excludeTerms: [], excludePhrases: [], highlight: [], anyOf: [], empty: true };
  const text = toNfc(typeof input === 'string' ? input : '').slice(0, MAX_QUERY_CHARS);
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && (seen.add(key), true);
  let parts = 0;
  const room = () => parts < MAX_QUERY_PARTS;

  for (const item of orGroups(scanUnits(text))) {
    if (Array.isArray(item)) {
      const group: QueryAlternative[] = [];
      const marks: string[] = [];
      const keys: string[] = [];
      for (const unit of item) {
        if (!room()) break;
        const alternative = alternativeOf(unit);
        if (!alternative) continue;
        const key = JSON.stringify(alternative.value);
        if (keys.includes(key)) continue;
        keys.push(key);
        group.push(alternative.value);
        marks.push(alternative.highlight);
        parts++;
      }
      if (group.length === 0) continue;
      if (group.length === 1) {
        // One side left (the other a stopword, say): a plain required part.
        const only = group[0]!;
        if ('term' in only) {
          if (once(only.term)) query.terms.push(only.term);
        } else if ('prefix' in only) {
          if (once(`${only.prefix}*`)) query.prefixes.push(only.prefix);
        } else if (once(`"${only.phrase.join(' ')}`)) {
          query.phrases.push(only.phrase);
          for (const term of only.terms) if (once(term)) query.terms.push(term);
        }
      } else query.anyOf.push(group);
      for (const mark of marks) if (!query.highlight.includes(mark)) query.highlight.push(mark);
      continue;
    }
    const unit = item;
    if (unit.kind === 'or') continue;
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
      // A compound typed with a hyphen (`noord-korea`) is its parts; only a single word is expanded.
      if (unitWords.length === 1) (query.termWords ??= {})[term] = word;
      parts++;
    });
  }

  query.empty =
    query.terms.length === 0 &&
    query.prefixes.length === 0 &&
    query.phrases.length === 0 &&
    query.excludeTerms.length === 0 &&
    query.excludePhrases.length === 0 &&
    query.anyOf.length === 0;
  return query;
}

/**
 * The units with each run joined by OR operators (`a OR b OR c`) as one group. An
 * operator with nothing on one side (`poetin OR` while typing) and a negated unit
 * (`-a OR b`: OR does not combine with leaving out) join nothing.
 */
function orGroups(units: Unit[]): Array<Unit | Unit[]> {
  const items: Array<Unit | Unit[]> = [];
  const joinable = (unit: Unit | Unit[] | undefined): boolean => unit !== undefined && (Array.isArray(unit) || (unit.kind !== 'or' && !unit.negated));
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind !== 'or') {
      items.push(unit);
      continue;
    }
    const before = items[items.length - 1];
    const after = units[i + 1];
    if (!joinable(before) || !joinable(after)) continue;
    items[items.length - 1] = [...(Array.isArray(before) ? before : [before as Unit]), after!];
    i++;
  }
  return items;
}

/** A unit as one side of an OR, with what to mark for it; null when it has nothing to search for. */
function alternativeOf(unit: Unit): { value: QueryAlternative; highlight: string } | null {
  const unitWords = runningWords(unit.text);
  if (unitWords.length === 0) return null;
  if (unit.kind === 'phrase') {
    const terms = unitWords.map(indexTerm).filter((term): term is string => term !== null);
    // A phrase of stopwords only has no index term to find candidates by.
    if (terms.length === 0) return null;
    return { value: { phrase: unitWords, terms: [...new Set(terms)] }, highlight: unitWords.join(' ') };
  }
  // A compound (`noord-korea`) stands for its joined form, which the index holds too.
  const word = unitWords.join('');
  if (unit.prefix && word.length >= MIN_PREFIX_CHARS) return { value: { prefix: word }, highlight: `${word}*` };
  const term = indexTerm(word);
  return term ? { value: { term }, highlight: word } : null;
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
    // Upper case only: `or` and `of` are words (`of` a Dutch stopword).
    if (!negated && OR_WORD.test(token)) {
      units.push({ kind: 'or', text: token, negated: false, prefix: false });
      i = end;
      continue;
    }
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
