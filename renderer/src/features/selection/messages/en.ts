/** The `selection` namespace in English: the bar over a multi-selection. */
export const selectionEn = {
  selectedCount: '{{count, number}} selected',
  clearSelection: 'Clear selection',
  selectionBarLabel: 'Selection',
  tagSelection: 'Tag selected',
  linkSelection: 'Link selected…',
} as const;
