import { useCallback, useMemo } from 'react';
import { useApp, useT } from '../store';
import { ErrorState } from './ErrorState';
import { ImportControls } from './ImportControls';
import { SortControl } from './SortControl';
import { StoryList } from './StoryList';
import type { SelectGesture } from './StoryRow';
import { SelectionBar } from './tags/SelectionBar';

export const STORY_LIST_ID = 'story-list';

/** The middle pane: toolbar, and the list or the state it is in. */
export function ListPane() {
  const t = useT();
  const language = useApp((s) => s.language);
  const view = useApp((s) => s.view);
  const items = useApp((s) => s.items);
  const total = useApp((s) => s.total);
  const listState = useApp((s) => s.listState);
  const listError = useApp((s) => s.listError);
  const loadingMore = useApp((s) => s.loadingMore);
  const cursorId = useApp((s) => s.cursorId);
  const openId = useApp((s) => s.openId);
  const counts = useApp((s) => s.status?.counts ?? null);
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const setCursor = useApp((s) => s.setCursor);
  const openStory = useApp((s) => s.openStory);
  const loadMore = useApp((s) => s.loadMore);
  const reloadList = useApp((s) => s.reloadList);
  const selectedIds = useApp((s) => s.selection.ids);
  const tags = useApp((s) => s.tags);
  const selectOnly = useApp((s) => s.selectOnly);
  const toggleSelected = useApp((s) => s.toggleSelected);
  const extendSelectionTo = useApp((s) => s.extendSelectionTo);
  const selectAllLoaded = useApp((s) => s.selectAllLoaded);
  const clearSelection = useApp((s) => s.clearSelection);
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
  const viewLabel = tagName !== null ? t.tagViewLabel(tagName) : view.kind === 'briefs' ? t.viewBriefs : t.viewArticles;
  const onNeedMore = useCallback(() => void loadMore(), [loadMore]);
  const onOpen = useCallback((id: string) => void openStory(id), [openStory]);
  const libraryEmpty = counts !== null && counts.articles + counts.briefs === 0;

  let body;
  if (listState === 'error' && items.length === 0) {
    body = <ErrorState title={t.listErrorTitle} error={listError} onRetry={() => void reloadList()} />;
  } else if (listState === 'loading' || listState === 'idle') {
    body = (
      <p className="pane-message" role="status">
        {t.loadingStories}
      </p>
    );
  } else if (items.length === 0) {
    body = (
      <div className="empty-state">
        <h3>{libraryEmpty ? t.emptyLibraryTitle : t.emptyViewTitle(viewLabel)}</h3>
        <p>{libraryEmpty || view.kind !== 'briefs' ? t.emptyLibraryHelp(nativeDialogs) : t.emptyBriefsHelp}</p>
      </div>
    );
  } else {
    body = (
      <>
        <StoryList
          id={STORY_LIST_ID}
          label={t.listLabel(viewLabel)}
          items={items}
          total={total}
          cursorId={cursorId}
          openId={openId}
          selectedIds={selectedIds}
          tagsById={tagsById}
          language={language}
          onCursor={setCursor}
          onOpen={onOpen}
          onSelect={onSelect}
          onSelectAll={selectAllLoaded}
          onClearSelection={clearSelection}
          onNeedMore={onNeedMore}
        />
        {items.length < total && (
          <div className="list-more">
            {listState === 'ready' && listError && !loadingMore ? (
              <ErrorState title={t.listErrorTitle} error={listError} onRetry={onNeedMore} compact />
            ) : (
              <button type="button" className="button" onClick={onNeedMore} disabled={loadingMore}>
                {loadingMore ? t.loadingMore : t.loadMore}
              </button>
            )}
          </div>
        )}
      </>
    );
  }

  return (
    <section className="list-pane" aria-labelledby="list-pane-heading">
      <div className="pane-toolbar">
        <h2 id="list-pane-heading" className="pane-heading">
          {viewLabel}
        </h2>
        <ImportControls />
      </div>
      <div className="pane-subbar">
        <SortControl />
        {listState === 'ready' && (
          <p className="list-count" aria-live="polite">
            {t.storyCount(items.length, total)}
          </p>
        )}
      </div>
      <SelectionBar />
      {body}
    </section>
  );
}
