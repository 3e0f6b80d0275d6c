/** The `proposals` namespace in English: "looks like an update of …" for page text. */
export const proposalsEn = {
  region: 'Possible update',
  looksLikeUpdateOf: 'Looks like an update of',
  isUpdatedBy: 'A newer text looks like an update of this story:',
  merge: 'Merge as new version',
  keepSeparate: 'Keep separate',
  // Accessible names start with the visible words (label in name).
  mergeLabel: 'Merge as new version: “{{candidate}}” into “{{story}}”',
  keepSeparateLabel: 'Keep separate: “{{candidate}}” and “{{story}}”',
} as const;
