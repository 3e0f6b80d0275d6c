import type { TagSuggestionReason } from '../../../../shared/contract/tags';
import { localeOf, type Language } from '../../i18n';

// Why a tag is suggested, which the core gives as data, in the editor's language:
// `named 5 times and once as adjective, in the headline` /
// `5 keer genoemd en één keer bijvoeglijk, in de kop`. Plural forms through Intl.PluralRules.

interface SuggestionReasonWords {
  /** How many times, per plural category (`once`, `5 times`; `één keer`, `5 keer`). */
  times: { one: string; other: (count: string) => string };
  named: (times: string) => string;
  asAdjective: (times: string) => string;
  and: string;
  inHeadline: string;
  datelinePlace: string;
}

const WORDS: Record<Language, SuggestionReasonWords> = {
  en: {
    times: { one: 'once', other: (count) => `${count} times` },
    named: (times) => `named ${times}`,
    asAdjective: (times) => `${times} as adjective`,
    and: 'and',
    inHeadline: 'in the headline',
    datelinePlace: 'dateline place',
  },
  nl: {
    times: { one: 'één keer', other: (count) => `${count} keer` },
    named: (times) => `${times} genoemd`,
    asAdjective: (times) => `${times} bijvoeglijk`,
    and: 'en',
    inHeadline: 'in de kop',
    datelinePlace: 'plaats in de dateline',
  },
};

export function suggestionReasonsText(reasons: readonly TagSuggestionReason[], language: Language): string {
  const words = WORDS[language];
  const locale = localeOf(language);
  const rules = new Intl.PluralRules(locale);
  const times = (n: number) => (rules.select(n) === 'one' ? words.times.one : words.times.other(n.toLocaleString(locale)));
  return reasons
    .map((reason) => {
      switch (reason.kind) {
        case 'mentions': {
          const said = [reason.named > 0 ? words.named(times(reason.named)) : null, reason.adjectives > 0 ? words.asAdjective(times(reason.adjectives)) : null];
          return said.filter((part) => part !== null).join(` ${words.and} `);
        }
        case 'inHeadline':
          return words.inHeadline;
        case 'datelinePlace':
          return words.datelinePlace;
      }
    })
    .join(', ');
}
