/**
 * The `dates` namespace in English: estimated dates (a brief's age label and when its
 * page was captured) and dating several stories at once.
 */
export const datesEn = {
  estimated: 'estimated',
  estimatedTitle: 'Estimated from “{{label}}” and when the page was captured; set the date to confirm it.',
  estimatedDate: '≈ {{date}}',
  confirm: 'Confirm date',
  selectionDateLabel_one: 'Date of the selected story',
  selectionDateLabel_other: 'Date of the {{count, number}} selected stories',
  setSelectionDate: 'Set date',
  clearSelectionDate: 'Clear dates',
  inputPattern: 'dd/mm/yyyy',
  inputHint: 'Day, month, year: {{pattern}}',
  invalidDay: 'Enter a day that exists as dd/mm/yyyy, e.g. 17/09/2023.',
  ageAtCapture: '“{{age}}” at capture',
  ageAtCaptureTitle: 'The page said “{{age}}” when it was captured; when that was is not known, so the story has no date. Set one in the details.',
  selectionDated_one: 'Dated {{count, number}} story {{date}}.',
  selectionDated_other: 'Dated {{count, number}} stories {{date}}.',
  selectionUndated_one: 'Cleared the date of {{count, number}} story.',
  selectionUndated_other: 'Cleared the dates of {{count, number}} stories.',
} as const;
