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

/** The telling words a scored pair shares, weightiest first (for reasons worded as written, see writtenReasons). */
export function sharedWording(state: RelatedState, { sharedTerms, sharedEntities }: Scored): SharedWording[] {
  const nameWords = new Set<string>();
  for (const entity of sharedEntities) for (const word of words(state.entityNames.get(entity.id))) if (word.length >= 4) nameWords.add(word);
  return sharedTerms
    .map((term) => ({ ...term, term: state.terms.text(term.id), surface: surfaceOf(state, term.id) }))
    .filter((term) => !saysName(nameWords, term.term, term.surface) && isTellingWord(term.surface))
    .sort((x, y) => y.contribution - x.contribution || x.surface.localeCompare(y.surface))
    .slice(0, WORDING_CANDIDATES)
    .map(({ term, surface }) => ({ term, surface }));
}

function saysName(nameWords: Set<string>, key: string, surface: string): boolean {
  const folded = fold(surface);
  for (const word of nameWords) if (folded.startsWith(word) || wordingTerm(word) === key) return true;
  return false;
}

/** The reasons for a scored pair (score() with `explain`). */
export function reasonsFor(state: RelatedState, { sharedTerms, sharedEntities, days }: Scored): RelatedReason[] {
  const reasons: RelatedReason[] = [];
  const names = sharedEntities
    .map((entity) => ({ ...entity, name: state.entityNames.get(entity.id) }))
    .sort((x, y) => y.idf - x.idf || x.name.localeCompare(y.name))
    .slice(0, SHOWN)
    .map((entity) => entity.name);
  if (names.length) reasons.push({ kind: 'sharedEntities', names });

  // Words already said by the shared names (`poetin`, `kim`, `noordkoreaanse`) add nothing to the reason.
  const terms = [...new Set(sharedWording(state, { sharedTerms, sharedEntities, days, score: 0 }).map((term) => term.surface))].slice(0, SHOWN);
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
