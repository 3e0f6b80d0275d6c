import type { RelatedBand, RelatedReason } from '../../../../shared/contract/links';
import { fold, words } from '../../text/dutch';
import { compoundParts, wordingTerm } from './features';
import type { Scored } from './scoring';
import type { RelatedState } from './state';
import { surfaceOf } from './stories';

// Why two stories are related, as data an editor can check (the renderer and the CLI
// put it into words): the names they share, the telling words they share that the
// names do not already say, and how far apart their dates are.

/** At most this many names and words per reason. */
const SHOWN = 4;

// Everyday news words that count towards similarity but explain nothing to an editor.
const DULL_WORDS = new Set([
  'verder', 'tussen', 'nieuwe', 'nieuw', 'meldt', 'melden', 'meldde', 'afgelopen', 'gaat', 'gaan', 'ging', 'zien',
  'jaar', 'jaren', 'twee', 'drie', 'vier', 'laatst', 'zeer', 'elkaar', 'steeds', 'tijdens', 'daarmee', 'eerder',
  'later', 'komen', 'komt', 'kwam', 'krijgen', 'kreeg', 'maken', 'maakt', 'grote', 'groot', 'eerste', 'week',
  'weken', 'dagen', 'echter', 'waarbij', 'daarbij', 'daarom', 'ongeveer', 'volgende', 'vorige', 'staat', 'staan',
  'laten', 'liet', 'willen', 'wilde', 'kunnen', 'moeten', 'blijft', 'blijven', 'gaf', 'geven', 'geeft', 'onze',
  'eigen', 'alle', 'veel', 'weer', 'want', 'omdat', 'terwijl', 'inmiddels', 'mogelijk', 'zouden', 'donderdag',
  'maandag', 'dinsdag', 'woensdag', 'vrijdag', 'zaterdag', 'zondag', 'gisteren', 'vandaag', 'procent',
]);

function isTellingWord(surface: string): boolean {
  return surface.length >= 4 && !/^\d+$/.test(surface) && !DULL_WORDS.has(fold(surface));
}

/** Shared words looked at for the reason: more than shown, as several may be forms of one written word. */
const WORDING_CANDIDATES = 10;

/** Thresholds of the confidence bands, calibrated on the labelled set (docs/QUALITY.md). */
export const STRONG_SCORE = 0.25;
export const POSSIBLE_SCORE = 0.1;

/** A shared term of a pair: its index term and its spelling as first seen in the library. */
export interface SharedWording {
  term: string;
  surface: string;
}

/**
 * The band of a suggestion: `strong` from STRONG_SCORE; `possible` from POSSIBLE_SCORE
 * when the stories share a name or at least two telling words (one shared word is
 * chance); `weak` otherwise.
 */
export function bandOf(score: number, reasons: readonly RelatedReason[]): RelatedBand {
  if (score >= STRONG_SCORE) return 'strong';
  if (score < POSSIBLE_SCORE) return 'weak';
  let evidence = 0;
  for (const reason of reasons) {
    if (reason.kind === 'sharedEntities') evidence += 2 * reason.names.length;
    else if (reason.kind === 'sharedTerms') evidence += reason.terms.length;
  }
  return evidence >= 2 ? 'possible' : 'weak';
}

/**
 * The telling words a scored pair shares, weightiest first (for reasons worded as written,
 * see writtenReasons). Sorted by weight first and looked at only until enough are found:
 * a pair can share hundreds of terms, and spelling and names are checked for the first few.
 */
export function sharedWording(state: RelatedState, { sharedTerms, sharedEntities }: Scored): SharedWording[] {
  const names = nameWordsOf(state, sharedEntities);
  const surfaces = new Map<number, string>();
  const surface = (id: number): string => {
    let found = surfaces.get(id);
    if (found === undefined) surfaces.set(id, (found = surfaceOf(state, id)));
    return found;
  };
  const sorted = [...sharedTerms].sort((x, y) => y.contribution - x.contribution || surface(x.id).localeCompare(surface(y.id)));
  const out: SharedWording[] = [];
  for (const { id } of sorted) {
    if (out.length >= WORDING_CANDIDATES) break;
    const term = state.terms.text(id);
    const written = surface(id);
    if (!saysName(names, term, written) && isTellingWord(written)) out.push({ term, surface: written });
  }
  return out;
}

/** The words (of four letters or more) of the shared names, folded, and their wording terms. */
function nameWordsOf(state: RelatedState, sharedEntities: Scored['sharedEntities']): { words: string[]; terms: Set<string> } {
  const found = new Set<string>();
  for (const entity of sharedEntities) for (const word of words(state.entityNames.get(entity.id))) if (word.length >= 4) found.add(word);
  const list = [...found];
  return { words: list, terms: new Set(list.map((word) => wordingTerm(word))) };
}

function saysName(names: { words: string[]; terms: Set<string> }, key: string, surface: string): boolean {
  if (names.terms.has(key)) return true;
  const folded = fold(surface);
  for (const word of names.words) if (folded.startsWith(word)) return true;
  return false;
}

/** The reasons for a scored pair (score() with `explain`), with its sharedWording(). */
export function reasonsFor(state: RelatedState, { sharedEntities, days }: Scored, wording: readonly SharedWording[]): RelatedReason[] {
  const reasons: RelatedReason[] = [];
  const names = sharedEntities
    .map((entity) => ({ ...entity, name: state.entityNames.get(entity.id) }))
    .sort((x, y) => y.idf - x.idf || x.name.localeCompare(y.name))
    .slice(0, SHOWN)
    .map((entity) => entity.name);
  if (names.length) reasons.push({ kind: 'sharedEntities', names });

  // Words already said by the shared names (`poetin`, `kim`, `noordkoreaanse`) add nothing to the reason.
  const terms = [...new Set(wording.map((term) => term.surface))].slice(0, SHOWN);
  if (terms.length) reasons.push({ kind: 'sharedTerms', terms });

  if (days !== null) reasons.push({ kind: 'daysApart', days });
  return reasons;
}

// A word as the tokenizer of text/dutch.ts sees it, hyphens and apostrophes inside.
const TOKEN = /[\p{L}\p{N}\u0300-\u036f]+(?:['’-][\p{L}\p{N}\u0300-\u036f]+)*/gu;
const SENTENCE_START = /(?:^|[.!?:;…]\s*["“„'‘]?\s*|\n\s*)$/u;

/**
 * The words of a story as written, by their index term: `geweldige` for the term
 * `geweldig`, never the stem; `Noord-Koreaanse` for each of `noord`, `koreaanse` and
 * `noordkoreaanse`, so one written compound stands for all its parts. A word capitalised
 * only because it starts a sentence gives way to a spelling from inside a sentence.
 */
export function writtenForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  const fromStart = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const written = match[0].normalize('NFC');
    const atStart = SENTENCE_START.test(text.slice(Math.max(0, match.index - 4), match.index));
    const all = words(written);
    for (const word of all) for (const part of compoundParts(word)) all.push(part);
    for (const word of all) {
      const term = wordingTerm(word);
      const known = forms.get(term);
      if (known === undefined || (fromStart.has(term) && !atStart)) {
        forms.set(term, written);
        if (atStart) fromStart.add(term);
        else fromStart.delete(term);
      }
    }
  }
  return forms;
}

/**
 * The shared words of a pair as the query story writes them, one per written word, at
 * most SHOWN; a term the story does not write (the other story's spelling) keeps the
 * library's spelling.
 */
export function writtenTerms(forms: Map<string, string>, wording: readonly SharedWording[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { term, surface } of wording) {
    const written = forms.get(term) ?? surface;
    const key = fold(written);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(written);
    if (out.length >= SHOWN) break;
  }
  return out;
}
