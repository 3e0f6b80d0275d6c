import type { Translation } from '../../../i18n/resources';
import type { datesEn } from './en';

/** The `dates` namespace in Dutch. */
export const datesNl: Translation<typeof datesEn> = {
  estimated: 'geschat',
  estimatedTitle: 'Geschat uit „{{label}}” en het moment waarop de pagina werd bewaard; stel de datum in om hem te bevestigen.',
  estimatedDate: '≈ {{date}}',
  confirm: 'Datum bevestigen',
  selectionDateLabel_one: 'Datum van het gekozen bericht',
  selectionDateLabel_other: 'Datum van de {{count, number}} gekozen berichten',
  setSelectionDate: 'Datum instellen',
  clearSelectionDate: 'Datums wissen',
  inputPattern: 'dd-mm-jjjj',
  inputHint: 'Dag, maand, jaar: {{pattern}}',
  invalidDay: 'Vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 17-09-2023.',
  ageAtCapture: '„{{age}}” bij vastleggen',
  ageAtCaptureTitle: 'De pagina zei „{{age}}” toen ze werd bewaard; wanneer dat was is niet bekend, dus het bericht heeft geen datum. Stel er een in bij de details.',
  selectionDated_one: '{{count, number}} bericht gedateerd op {{date}}.',
  selectionDated_other: '{{count, number}} berichten gedateerd op {{date}}.',
  selectionUndated_one: 'Datum van {{count, number}} bericht gewist.',
  selectionUndated_other: 'Datums van {{count, number}} berichten gewist.',
};
