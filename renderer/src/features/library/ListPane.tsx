import { useCallback, useMemo } from 'react';
import { compileHighlight } from '../search/highlight-ranges';
import { AlsoSearched } from '../search/AlsoSearched';
import { activeFilterCount } from '../search/list-query';
import { useApp, useT } from '../../store';
import { ErrorState } from '../../app/ErrorState';
import { ImportControls } from '../import/ImportControls';
import { FilterChips } from '../search/FilterChips';
import { FilterPanel } from '../search/FilterPanel';
import { SearchBar } from '../search/SearchBar';
import { KindBar } from '../search/KindBar';
import { SortControl } from './SortControl';
import { storyRowHeight } from './row-height';
import { StoryList } from './StoryList';
import type { SelectGesture } from './StoryRow';
import { SelectionBar } from '../selection/SelectionBar';
import { DensityControl, SidebarToggle } from '../../app/layout/PaneControls';

export const STORY_LIST_ID = 'story-list';
export const LIST_PANE_ID = 'list-pane';

/** The middle pane: toolbar, and the list or the state it is in. */
export function ListPane() {
  const t = useT();
  const language = useApp((s) => s.language);
  const view = useApp((s) => s.view);
  const items = useApp((s) => s.items);
  const pages = useApp((s) => s.pages);
  const total = useApp((s) => s.total);
  const listKey = useApp((s) => s.listKey);
  const listState = useApp((s) => s.listState);
  const listError = useApp((s) => s.listError);
  const highlight = useApp((s) => s.highlight);
  const renderedQuery = useApp((s) => s.renderedQuery);
  const narrowed = useApp((s) => s.searchQuery.trim() !== '' || activeFilterCount(s.filters) > 0);
  const cursorId = useApp((s) => s.cursorId);
  const pendingCursor = useApp((s) => s.pendingCursor);
  const setCursorAt = useApp((s) => s.setCursorAt);
  const openId = useApp((s) => s.openId);
  const counts = useApp((s) => s.status?.counts ?? null);
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const setCursor = useApp((s) => s.setCursor);
  const openStory = useApp((s) => s.openStory);
  const ensureRows = useApp((s) => s.ensureRows);
  const retryRows = useApp((s) => s.retryRows);
  const reloadList = useApp((s) => s.reloadList);
  const clearAllFilters = useApp((s) => s.clearAllFilters);
  const selectedIds = useApp((s) => s.selection.ids);
  const tags = useApp((s) => s.tags);
  const selectOnly = useApp((s) => s.selectOnly);
  const toggleSelected = useApp((s) => s.toggleSelected);
  const extendSelectionTo = useApp((s) => s.extendSelectionTo);
  const selectAllLoaded = useApp((s) => s.selectAllLoaded);
  const clearSelection = useApp((s) => s.clearSelection);
  const density = useApp((s) => s.density);
  const snippets = useApp((s) => s.snippets);
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const onSelect = useCallback(
    (id: string, gesture: SelectGesture) => {
      if (gesture === 'only') selectOnly(id);
      else if (gesture === 'toggle') toggleSelected(id);
      else extendSelectionTo(id, gesture === 'extend-add');
    },
    [selectOnly, toggleSelected, extendSelectionTo],
  );

  const tagName = view.kind === 'tag' ? (tagsById.get(view.tagId)?.name ?? '') : null;
  const viewLabel = tagName !== null ? t.tags('tagViewLabel', { name: tagName }) : view.kind === 'briefs' ? t.app('viewBriefs') : t.app('viewArticles');
  const matcher = useMemo(() => compileHighlight(highlight), [highlight]);
  // Search rows (taller, with snippets) only for a search's results: a first letter typed lists every story, as browsing.
  const searching = useApp((s) => s.listSearched);
  const setNarrowPane = useApp((s) => s.setNarrowPane);
  // Opening from the list shows the reader in a narrow window, also the story it showed before Back to the list.
  const onOpen = useCallback(
    (id: string) => {
      setNarrowPane('reader');
      void openStory(id);
    },
    [openStory, setNarrowPane],
  );
  const libraryEmpty = counts !== null && counts.articles + counts.briefs === 0;

  let body;
  if (listState === 'error' && items.length === 0) {
    body = <ErrorState title={t.library('listErrorTitle')} error={listError} onRetry={() => void reloadList()} />;
  } else if (listState === 'loading' || listState === 'idle') {
    body = (
      <p className="pane-message" role="status">
        {t.library('loadingStories')}
      </p>
    );
  } else if (total === 0 && narrowed) {
    body = (
      <div className="empty-state">
        <h3>{t.search('noResultsTitle')}</h3>
        <p>{t.search('noResultsHelp')}</p>
        <button type="button" className="button" onClick={clearAllFilters}>
          {t.search('clearAllFilters')}
        </button>
      </div>
    );
  } else if (total === 0) {
    body = (
      <div className="empty-state">
        <h3>{libraryEmpty ? t.library('emptyLibraryTitle') : t.library('emptyViewTitle', { view: viewLabel })}</h3>
        <p>{libraryEmpty || view.kind !== 'briefs' ? t.library(nativeDialogs ? 'emptyLibraryHelpDialog' : 'emptyLibraryHelpDrop') : t.library('emptyBriefsHelp')}</p>
      </div>
    );
  } else {
    body = (
      <>
        <StoryList
          // Remounted on a density change: rows of another height, from the top.
          key={density}
          id={STORY_LIST_ID}
          label={t.library('listLabel', { view: viewLabel })}
          pages={pages}
          total={total}
          listKey={listKey}
          rowHeight={storyRowHeight(density, searching)}
          cursorId={cursorId}
          pendingCursor={pendingCursor}
          openId={openId}
          selectedIds={selectedIds}
          tagsById={tagsById}
          matcher={matcher}
          language={language}
          snippets={searching ? snippets : undefined}
          loadingLabel={t.library('loadingStories')}
          onCursor={setCursor}
          onCursorAt={setCursorAt}
          onOpen={onOpen}
          onSelect={onSelect}
          onSelectAll={selectAllLoaded}
          onClearSelection={clearSelection}
          onNeedRows={ensureRows}
        />
        {listState === 'ready' && listError && <ErrorState title={t.library('listErrorTitle')} error={listError} onRetry={retryRows} compact />}
      </>
    );
  }

  return (
    // data-query-rendered: the search text the rows on screen answer (the typing benchmark waits for it).
    <section id={LIST_PANE_ID} className={`list-pane density-${density}${searching ? ' is-searching' : ''}`} aria-labelledby="list-pane-heading" data-query-rendered={renderedQuery ?? undefined}>
      <div className="pane-toolbar">
        <SidebarToggle />
        <h2 id="list-pane-heading" className="pane-heading">
          {viewLabel}
        </h2>
        <ImportControls />
      </div>
      <SearchBar listId={STORY_LIST_ID} />
      <FilterPanel />
      <FilterChips />
      {narrowed && <KindBar />}
      {searching && <AlsoSearched />}
      <div className="pane-subbar">
        <SortControl />
        <DensityControl />
        {listState === 'ready' && (
          <p className="list-count" aria-live="polite">
            {searching ? t.search('resultCount', { count: total }) : t.library('storyCount', { count: total })}
          </p>
        )}
      </div>
      <SelectionBar />
      {body}
    </section>
  );
}
