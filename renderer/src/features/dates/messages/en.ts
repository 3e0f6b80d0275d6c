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
} as const;
