import type { LinkLabel } from '../../../../shared/contract/links';
import type { TagSuggestionKind } from '../../../../shared/contract/tags';

/**
 * Strings of the tags / links / series / suggestions / selection / undo views,
 * merged into the main dictionary (`Messages extends TagsMessages`).
 */
export interface TagsMessages {
  // Selection
  selectedCount: (n: number) => string;
  clearSelection: string;
  selectionBarLabel: string;
  tagSelection: string;
  linkSelection: string;

  // Sidebar tags
  tagsHeading: string;
  noTagsYet: string;
  manageTags: string;
  tagsLoadFailed: string;
  expandTag: (name: string) => string;
  collapseTag: (name: string) => string;
  /** Spoken after a sidebar tag's name (`Oekraïne`): `, 3 stories, key 1`. */
  tagCountHint: (count: number, hotkey: number | null) => string;
  tagViewLabel: (name: string) => string;
  hotkeyHint: (n: number) => string;

  // Chips and tag input
  storyTagsLabel: string;
  noTags: string;
  removeTag: (name: string) => string;
  addTagLabel: string;
  addTagPlaceholder: string;
  addTagToSelectionLabel: (n: number) => string;
  tagOptionsLabel: string;
  createTagOption: (name: string) => string;
  tagSuggestHelp: string;

  // Suggested tags
  suggestedTagsHeading: string;
  noSuggestedTags: string;
  moreSuggestions: (n: number) => string;
  acceptSuggestion: (name: string) => string;
  dismissSuggestion: (name: string) => string;
  suggestionKind: Record<TagSuggestionKind, string>;

  // Tag manager
  tagManagerTitle: string;
  newTagHeading: string;
  tagName: string;
  tagColor: string;
  noColor: string;
  colorNames: Record<string, string>;
  tagParent: string;
  noParent: string;
  mediaTopic: string;
  mediaTopicHelp: string;
  createTag: string;
  saveTag: string;
  editTagHeading: (name: string) => string;
  pickTagToEdit: string;
  mergeInto: string;
  mergeButton: string;
  chooseTag: string;
  deleteTag: string;
  confirmDeleteTag: (name: string, count: number) => string;
  confirmDelete: string;
  cancel: string;
  storiesCount: (n: number) => string;
  tagListLabel: string;

  // Links
  linksHeading: string;
  noLinks: string;
  linkLabel: Record<LinkLabel, string>;
  /** `This story is …` before a relation choice. */
  relationLabel: string;
  linkNote: string;
  editLinkNote: (headline: string) => string;
  saveNote: string;
  removeLink: (headline: string) => string;
  changeRelation: (headline: string) => string;
  openLinked: (headline: string) => string;
  linkTo: string;
  linkPickerTitle: (n: number) => string;
  linkSearch: string;
  linkSearchPlaceholder: string;
  linkResultsLabel: string;
  noLinkResults: string;
  linkButton: string;
  linkChosen: (headline: string) => string;
  chooseStoryFirst: string;
  linkSkipped: (n: number) => string;
  deletedStory: string;

  // Related stories
  relatedHeading: string;
  noRelated: string;
  relatedUnavailable: string;
  relatedScore: (percent: number) => string;
  acceptRelated: (headline: string) => string;
  dismissRelated: (headline: string) => string;
  notRelated: string;
  confirmLink: string;

  // Dates and series
  storyDate: string;
  saveDate: string;
  clearDate: string;
  invalidDate: string;

  // The editor's own note on a story (searchable)
  storyNoteHeading: string;
  noStoryNote: string;
  addStoryNote: string;
  editStoryNote: string;
  storyNoteLabel: string;
  saveStoryNote: string;
  cancelStoryNote: string;
  storyNoteHint: string;
  showSeries: string;
  seriesTitle: (headline: string) => string;
  seriesLoading: string;
  seriesEmpty: string;
  seriesTimelineLabel: string;
  placementLinks: string;
  placementUnplaced: string;
  seriesCycle: string;
  seriesDateConflicts: (n: number) => string;
  thisStory: string;

  // Undo / redo
  editFailed: string;
  loadingExtras: string;
  kindBriefShort: string;
}
