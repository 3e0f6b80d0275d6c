import type { Translation } from '../../../i18n/resources';
import type { selectionEn } from './en';

/** The `selection` namespace in Dutch (same keys as English: a missing or extra key is a type error). */
export const selectionNl: Translation<typeof selectionEn> = {
  selectedCount: '{{count, number}} geselecteerd',
  clearSelection: 'Selectie opheffen',
  selectionBarLabel: 'Selectie',
  tagSelection: 'Selectie taggen',
  linkSelection: 'Selectie koppelen…',
};
