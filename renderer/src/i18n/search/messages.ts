/** Strings of search, filters, saved searches and the index progress. */
export interface SearchMessages {
  // Search box
  searchBoxLabel: string;
  searchBoxPlaceholder: string;
  clearSearch: string;
  searchShortcutHint: string;
  resultCount: (n: number) => string;
  searchBusy: string;
  indexing: (indexed: number, total: number) => string;
  indexingHint: string;
  sortRelevance: string;

  // Filters
  filtersButton: (active: number) => string;
  filtersPanelLabel: string;
  filterKind: string;
  kindArticles: string;
  kindBriefs: string;
  kindAll: string;
  filterTag: string;
  addTagFilter: string;
  noTagsToFilter: string;
  filterPlace: string;
  filterAgency: string;
  filterSection: string;
  anyValue: string;
  facetValue: (value: string, count: number) => string;
  filterFrom: string;
  filterTo: string;
  datesAvailable: (from: string, to: string) => string;
  noDatesYet: string;
  filterHasLinks: string;
  filterUntagged: string;
  facetsLoadFailed: string;
  activeFiltersLabel: string;
  chipKind: (kind: string) => string;
  chipTag: (name: string) => string;
  chipPlace: (place: string) => string;
  chipAgency: (agency: string) => string;
  chipSection: (section: string) => string;
  chipFrom: (date: string) => string;
  chipTo: (date: string) => string;
  chipHasLinks: string;
  chipUntagged: string;
  chipQuery: (query: string) => string;
  removeFilter: (label: string) => string;
  clearAllFilters: string;
  unknownTag: string;
  noResultsTitle: string;
  noResultsHelp: string;

  // Saved searches
  savedSearchesHeading: string;
  noSavedSearches: string;
  saveSearch: string;
  saveSearchTitle: string;
  saveSearchWhat: string;
  searchName: string;
  saveSearchConfirm: string;
  saveSearchCancel: string;
  nothingToSave: string;
  renameSavedSearch: (name: string) => string;
  renameSavedSearchTitle: string;
  deleteSavedSearch: (name: string) => string;
  savedSearchSaved: (name: string) => string;
  savedSearchDeleted: (name: string) => string;
  savedSearchFailed: string;
  savedSearchesLoadFailed: string;
  openSavedSearch: (name: string) => string;
}
