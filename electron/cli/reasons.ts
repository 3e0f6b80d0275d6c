import { roundedDistance, type RelatedReason } from '../../shared/contract/links';
import type { TagSuggestionReason } from '../../shared/contract/tags';

// The CLI's words (English) for the reasons the core gives as data; `--json` prints the
// data itself. The app's Dutch and English are in renderer/src/features/*/…-reasons.ts.

const plural = new Intl.PluralRules('en');
const times = (n: number) => (plural.select(n) === 'one' ? 'once' : `${n} times`);
const units = { day: 'day', month: 'month', year: 'year' } as const;

/** `shares: Kim Jong-un, Pyongyang`, `similar wording: bezoek, steun`, `18 days apart`, `same day`. */
export function relatedReasonText(reason: RelatedReason): string {
  switch (reason.kind) {
    case 'sharedEntities':
      return `shares: ${reason.names.join(', ')}`;
    case 'sharedTerms':
      return `similar wording: ${reason.terms.join(', ')}`;
    case 'daysApart': {
      if (reason.days === 0) return 'same day';
      const { unit, count } = roundedDistance(reason.days);
      return `${new Intl.NumberFormat('en-GB', { style: 'unit', unit: units[unit], unitDisplay: 'long' }).format(count)} apart`;
    }
  }
}

/** `named 5 times and once as adjective, in the headline, dateline place`. */
export function suggestionReasonsText(reasons: readonly TagSuggestionReason[]): string {
  return reasons
    .map((reason) => {
      switch (reason.kind) {
        case 'mentions': {
          const named = reason.named > 0 ? `named ${times(reason.named)}` : '';
          const adjectives = reason.adjectives > 0 ? `${times(reason.adjectives)} as adjective` : '';
          return named && adjectives ? `${named} and ${adjectives}` : named || adjectives;
        }
        case 'inHeadline':
          return 'in the headline';
        case 'datelinePlace':
          return 'dateline place';
      }
    })
    .join(', ');
}
