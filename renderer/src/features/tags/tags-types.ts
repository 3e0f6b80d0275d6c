// State of the editor's daily work: selection, tags, links, series, suggestions.
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { LinkLabel, LinkView, RelatedSuggestion, SeriesView } from '../../../../shared/contract/links';
import type { ApplyTagsInput, TagListItem, TagSuggestionItem } from '../../../../shared/contract/tags';
import type { StorySummary } from '../../../../shared/types';
import type { HistoryCode } from '../../../../shared/messages';
import type { Selection } from '../selection/selection-model';
import type { LoadState } from '../../store/load-state';


export interface SelectionSlice {
  /** Selected story ids + anchor; kept as data so re-sorting, filtering and virtualising leave it alone. */
  selection: Selection;
  /** A plain click or Enter: only this story. */
  selectOnly(id: string): void;
  /** Ctrl/Cmd+click or Space. */
  toggleSelected(id: string): void;
  /** Shift+click or Shift+Arrow; `additive` (Ctrl+Shift) keeps what was selected. */
  extendSelectionTo(id: string, additive?: boolean): void;
  /** Ctrl/Cmd+A: every loaded row. */
  selectAllLoaded(): void;
  clearSelection(): void;
  /** What an edit applies to: the selection in list order, or the open story when nothing is selected. */
  targetIds(): string[];
}

export type TagChange = Omit<ApplyTagsInput, 'storyIds'>;

/** The outcome of the last edit, for the polite status line (failures always get one). */
export type EditFeedback =
  | { kind: 'failed'; error: ServiceError }
  /** `undo`: the edit's history code; the line offers Undo while that edit is still the one Undo would take back. */
  | { kind: 'note'; text: string; undo?: HistoryCode };

export interface TagsSlice {
  /** `tags.list`: tree order, with counts and depth. */
  tags: TagListItem[];
  tagsState: LoadState;
  tagsError: ServiceError | null;
  /** Parents whose sub-tags are hidden in the sidebar. */
  collapsedTagIds: ReadonlySet<string>;
  tagManagerOpen: boolean;
  editFeedback: EditFeedback | null;
  loadTags(): Promise<void>;
  toggleTagCollapsed(id: string): void;
  openTagManager(): void;
  closeTagManager(): void;
  clearEditFeedback(): void;
  /** One undo step for all the stories. Resolves false (with feedback) when it failed. */
  applyTags(storyIds: string[], change: TagChange): Promise<boolean>;
  /** Keys 1–9: add the tag to every target story, or remove it when all of them have it. */
  toggleTagOnTargets(tagId: string): Promise<void>;
  createTag(input: { name: string; color?: string | null; parentId?: string | null; mediaTopic?: string | null }): Promise<TagListItem | null>;
  updateTag(input: { id: string; name?: string; color?: string | null; parentId?: string | null; mediaTopic?: string | null }): Promise<boolean>;
  mergeTag(fromId: string, intoId: string): Promise<boolean>;
  deleteTag(id: string): Promise<boolean>;
}

export interface StoryExtrasSlice {
  /** The story the links/suggestions below belong to. */
  extrasId: string | null;
  links: LinkView[];
  linksState: LoadState;
  linksError: ServiceError | null;
  tagSuggestions: TagSuggestionItem[];
  suggestionsState: LoadState;
  related: RelatedSuggestion[];
  relatedState: LoadState;
  relatedError: ServiceError | null;
  loadStoryExtras(id: string): Promise<void>;
  /** After an edit or undo: the open story's links, suggestions and related stories (and an open series). */
  reloadStoryExtras(): Promise<void>;
  acceptTagSuggestion(name: string): Promise<void>;
  dismissTagSuggestion(name: string): Promise<void>;
  /** Links each source story to each of `otherIds` (one undo step), `relation` read from the source's side; confirms with an Undo. */
  linkStories(sourceIds: string[], otherIds: string[], relation: LinkLabel, note: string): Promise<boolean>;
  /** Changes how an existing link reads from the open story (type and, for directed types, direction). */
  changeLinkRelation(view: LinkView, relation: LinkLabel): Promise<boolean>;
  setLinkNote(linkId: string, note: string): Promise<boolean>;
  removeLink(linkId: string): Promise<boolean>;
  dismissRelated(otherId: string): Promise<void>;
  setStoryDate(id: string, date: string | null): Promise<boolean>;
  /** One date (or none) for several stories: one undoable edit. */
  setStoriesDate(ids: string[], date: string | null): Promise<boolean>;
  setStoryNote(id: string, note: string): Promise<boolean>;

  /** The series dialog: `series.get` for one story. */
  seriesFor: string | null;
  series: SeriesView | null;
  seriesState: LoadState;
  seriesError: ServiceError | null;
  openSeries(storyId: string): Promise<void>;
  closeSeries(): void;
  /** Names (or, with '', unnames) the series of the story; the open series follows. */
  renameSeries(storyId: string, name: string): Promise<boolean>;

  /**
   * Stories to link to: `stories.list` with the search text; when search finds
   * nothing (or is not there yet) the loaded list filtered by headline.
   */
  findStories(query: string): Promise<StorySummary[]>;
  /**
   * How related each story is to the stories being linked (the best score over up to five
   * of them), for ranking the link picker; empty while the related index is not ready.
   */
  relatedScores(sourceIds: string[]): Promise<Map<string, { score: number; story: StorySummary }>>;

  /** The link picker dialog: the stories that will be linked. */
  linkPickerFor: string[] | null;
  openLinkPicker(sourceIds: string[]): void;
  closeLinkPicker(): void;
}
