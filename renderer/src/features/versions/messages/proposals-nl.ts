import type { Translation } from '../../../i18n/resources';
import type { proposalsEn } from './proposals-en';

/** The `proposals` namespace in Dutch. */
export const proposalsNl: Translation<typeof proposalsEn> = {
  region: 'Mogelijke update',
  looksLikeUpdateOf: 'Lijkt een update van',
  isUpdatedBy: 'Een nieuwere tekst lijkt een update van dit bericht:',
  merge: 'Samenvoegen als nieuwe versie',
  keepSeparate: 'Apart houden',
  mergeLabel: 'Samenvoegen als nieuwe versie: “{{candidate}}” in “{{story}}”',
  keepSeparateLabel: 'Apart houden: “{{candidate}}” en “{{story}}”',
};
