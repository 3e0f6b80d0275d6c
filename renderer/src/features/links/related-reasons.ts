import { roundedDistance, type RelatedReason } from '../../../../shared/contract/links';
import { localeOf, type Language } from '../../i18n';

// Related-story reasons, which the core gives as data, in the editor's language.
// Names and words are shown as written in the stories; plurals come from Intl.

interface RelatedReasonWords {
  shares: (names: string) => string;
  similarWording: (terms: string) => string;
  sameDay: string;
  /** `distance`: `18 days`, `3 months`, already in the language. */
  apart: (distance: string) => string;
}

const WORDS: Record<Language, RelatedReasonWords> = {
  en: {
    shares: (names) => `shares: ${names}`,
    similarWording: (terms) => `similar wording: ${terms}`,
    sameDay: 'same day',
    apart: (distance) => `${distance} apart`,
  },
  nl: {
    shares: (names) => `gemeenschappelijk: ${names}`,
    similarWording: (terms) => `vergelijkbare woorden: ${terms}`,
    sameDay: 'zelfde dag',
    apart: (distance) => `${distance} uit elkaar`,
  },
};

export function relatedReasonText(reason: RelatedReason, language: Language): string {
  const words = WORDS[language];
  switch (reason.kind) {
    case 'sharedEntities':
      return words.shares(reason.names.join(', '));
    case 'sharedTerms':
      return words.similarWording(reason.terms.join(', '));
    case 'daysApart': {
      if (reason.days === 0) return words.sameDay;
      const { unit, count } = roundedDistance(reason.days);
      return words.apart(new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay: 'long' }).format(count));
    }
  }
}

/** A key for a reason in a list (one reason of each kind per suggestion). */
export const reasonKey = (reason: RelatedReason) => reason.kind;
