import type { TagSuggestionReason } from '../../../../shared/contract/tags';
import type { Language } from '../../i18n';
import { translator } from '../../i18n/translate';

// Why a tag is suggested, which the core gives as data, in the editor's language:
// `named 5 times and once as adjective, in the headline` /
// `5 keer genoemd en één keer bijvoeglijk, in de kop`. The words are the `tags` namespace's
// `reason.*` keys; `reason.times` has i18next's plural forms (Intl.PluralRules).

export function suggestionReasonsText(reasons: readonly TagSuggestionReason[], language: Language): string {
  const t = translator(language, 'tags');
  const times = (count: number) => t('reason.times', { count });
  return reasons
    .map((reason) => {
      switch (reason.kind) {
        case 'mentions': {
          const said = [
            reason.named > 0 ? t('reason.named', { times: times(reason.named) }) : null,
            reason.adjectives > 0 ? t('reason.asAdjective', { times: times(reason.adjectives) }) : null,
          ];
          return said.filter((part) => part !== null).join(` ${t('reason.and')} `);
        }
        case 'inHeadline':
          return t('reason.inHeadline');
        case 'datelinePlace':
          return t('reason.datelinePlace');
      }
    })
    .join(', ');
}
