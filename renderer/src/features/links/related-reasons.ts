import { roundedDistance, type RelatedReason } from '../../../../shared/contract/links';
import { localeOf, type Language } from '../../i18n';
import { translator } from '../../i18n/translate';

// Related-story reasons, which the core gives as data, in the editor's language (the `links`
// namespace's `reason.*` keys). Names and words are shown as written in the stories; a
// distance in days, months or years is worded by Intl.NumberFormat's units.

export function relatedReasonText(reason: RelatedReason, language: Language): string {
  const t = translator(language, 'links');
  switch (reason.kind) {
    case 'sharedEntities':
      return t('reason.shares', { names: reason.names.join(', ') });
    case 'sharedTerms':
      return t('reason.similarWording', { terms: reason.terms.join(', ') });
    case 'daysApart': {
      if (reason.days === 0) return t('reason.sameDay');
      const { unit, count } = roundedDistance(reason.days);
      return t('reason.apart', { distance: new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay: 'long' }).format(count) });
    }
  }
}

/** A key for a reason in a list (one reason of each kind per suggestion). */
export const reasonKey = (reason: RelatedReason) => reason.kind;
