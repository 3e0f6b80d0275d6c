import type { ExportFormat } from '../../../../shared/types';

/** Strings of the dossier views, dialogs and export (merged into the main dictionary as `t.dossiers`). */
export interface DossierMessages {
  // Sidebar
  heading: string;
  newDossier: string;
  none: string;
  listFailed: string;
  /** Read after the title in the sidebar (the visible count is a bare number). */
  sidebarItemCount: (stories: number, missing: number) => string;
  skipToDossier: string;

  // Create / edit dialog
  createTitle: string;
  editTitle: string;
  fieldTitle: string;
  fieldSubtitle: string;
  fieldIntro: string;
  introHint: string;
  titleRequired: string;
  sourceLegend: string;
  sourceSelection: (count: number) => string;
  sourceOpenStory: string;
  sourceTag: string;
  tagLabel: string;
  tagOption: (name: string, count: number) => string;
  noTags: string;
  sourceSeries: string;
  seriesOf: (headline: string, count: number) => string;
  seriesLoading: string;
  seriesNone: string;
  sourceEmpty: string;
  create: string;
  creating: string;
  save: string;
  saving: string;
  cancel: string;
  createFailed: string;

  // Dossier view
  kicker: string;
  viewLabel: (title: string) => string;
  storyCount: (count: number) => string;
  missingCount: (count: number) => string;
  updatedAt: (when: string) => string;
  edit: string;
  addStories: string;
  exportButton: string;
  deleteButton: string;
  back: string;
  entriesLabel: string;
  emptyTitle: string;
  emptyHelp: string;
  reorderHint: string;
  noteLabel: string;
  noteLabelFor: (headline: string) => string;
  notePlaceholder: string;
  noteSaved: string;
  moveUp: string;
  moveDown: string;
  moveUpFor: (headline: string) => string;
  moveDownFor: (headline: string) => string;
  dragHandleFor: (headline: string) => string;
  remove: string;
  removeFor: (headline: string) => string;
  openStory: string;
  openStoryFor: (headline: string) => string;
  missingStory: string;
  missingHelp: string;
  position: (position: number, total: number) => string;
  moved: (headline: string, position: number, total: number) => string;
  removed: (headline: string) => string;
  added: (added: number, alreadyIn: number) => string;
  editFailed: string;
  loading: string;
  loadFailed: string;
  readOnlyHint: string;

  // Delete
  deleteTitle: string;
  deleteBody: (title: string, stories: number) => string;
  deleteConfirm: string;
  deleting: string;

  // Add stories
  addTitle: (title: string) => string;
  addFromList: (count: number) => string;
  addOpenStory: (headline: string) => string;
  searchLabel: string;
  searchPlaceholder: string;
  includeBriefs: string;
  pickerLabel: string;
  alreadyIn: string;
  noMatches: string;
  searching: string;
  addChosen: (count: number) => string;
  moreMatches: (shown: number, total: number) => string;

  // Export
  exportTitle: (title: string) => string;
  formatLegend: string;
  formatName: Record<ExportFormat, string>;
  formatHint: Record<ExportFormat, string>;
  languageLegend: string;
  languageName: Record<'nl' | 'en', string>;
  exportDownload: string;
  exportSave: string;
  progress: Record<ExportFormat, string>;
  progressHint: string;
  downloaded: (fileName: string) => string;
  downloadedHint: string;
  saved: (fileName: string) => string;
  openFile: string;
  showInFolder: string;
  skippedMissing: (count: number) => string;
  exportFailed: string;
  noChromium: string;
  exportAgain: string;
  emptyExport: string;
}

/** The dossier feature's part of the main dictionary: `t.dossiers.*` (the backups dialog has its i18next namespace). */
export interface DossierFeatureMessages {
  dossiers: DossierMessages;
}
