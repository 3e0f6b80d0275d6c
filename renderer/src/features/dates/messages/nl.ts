import type { Translation } from '../../../i18n/resources';
import type { datesEn } from './en';

/** The `dates` namespace in Dutch. */
export const datesNl: Translation<typeof datesEn> = {
  estimated: 'geschat',
  estimatedTitle: 'Geschat uit „{{label}}” en het moment waarop de pagina werd bewaard; stel de datum in om hem te bevestigen.',
  estimatedDate: '≈ {{date}}',
  confirm: 'Datum bevestigen',
  selectionDateLabel_one: 'Datum van het gekozen verhaal',
  selectionDateLabel_other: 'Datum van de {{count, number}} gekozen verhalen',
  setSelectionDate: 'Datum instellen',
  clearSelectionDate: 'Datums wissen',
};
