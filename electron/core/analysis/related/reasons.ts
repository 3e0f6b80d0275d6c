import type { RelatedReason } from '../../../../shared/contract/links';
import { fold, stem, words } from '../../text/dutch';
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
  const nameWords = new Set<string>();
  for (const entity of sharedEntities) for (const word of words(state.entityNames.get(entity.id))) if (word.length >= 4) nameWords.add(word);
  const saysName = (term: number, surface: string) => {
    const folded = fold(surface);
    const key = state.terms.text(term);
    for (const word of nameWords) if (folded.startsWith(word) || stem(word) === key) return true;
    return false;
  };
  const terms = sharedTerms
    .map((term) => ({ ...term, surface: surfaceOf(state, term.id) }))
    .filter((term) => !saysName(term.id, term.surface) && isTellingWord(term.surface))
    .sort((x, y) => y.contribution - x.contribution || x.surface.localeCompare(y.surface))
    .slice(0, SHOWN)
    .map((term) => term.surface);
  if (terms.length) reasons.push({ kind: 'sharedTerms', terms });

  if (days !== null) reasons.push({ kind: 'daysApart', days });
  return reasons;
}
