import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { StorySummary, Tag } from '../../../../shared/types';
import type { HighlightMatcher } from '../search/highlight-ranges';
import { rowsPerPage, scrollToReveal, visibleWindow } from '../search/virtual-window';
import { PAGE_SIZE, rowAt } from '../../store';
import { StoryRow, type SelectGesture } from './StoryRow';
import type { Language } from '../../i18n';
import type { Snippet } from '../../../../shared/contract/searches';
import '../search/search.css';

export interface StoryListProps {
  id: string;
  label: string;
  /** Loaded pages of the list (rows page × PAGE_SIZE onwards); the rest shows as placeholders. */
  pages: ReadonlyMap<number, StorySummary[]>;
  /** All matching stories, loaded or not. */
  total: number;
  /** Changes when the list answers another query: scroll back to the top. */
  listKey: string | null;
  /** Each row's height in pixels (storyRowHeight): a row's place is its index × this. */
  rowHeight: number;
  cursorId: string | null;
  /** A row the cursor moved to whose page is still loading. */
  pendingCursor: number | null;
  openId: string | null;
  /** The multi-selection (ids only: rows need not be rendered to stay selected). */
  selectedIds: ReadonlySet<string>;
  tagsById: ReadonlyMap<string, Tag>;
  /** Search matches to mark in headlines. */
  matcher: HighlightMatcher | null;
  language: Language;
  /** Matched passages of search results by story id (absent when not searching). */
  snippets?: ReadonlyMap<string, { snippet: Snippet | null }>;
  /** Accessible name of a row whose page is still loading. */
  loadingLabel: string;
  onCursor(id: string): void;
  /** Moves the cursor to a row by place, loaded or not. */
  onCursorAt(index: number): void;
  onOpen(id: string): void;
  onSelect(id: string, gesture: SelectGesture): void;
  onSelectAll(): void;
  onClearSelection(): void;
  /** Asked for the rows [start, end) the list is about to show. */
  onNeedRows(start: number, end: number): void;
}

/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Used until the list is laid out (and in test DOMs without layout). */
const FALLBACK_VIEWPORT = 800;

/**
 * The story list as a virtualised multi-select listbox with a roving tab stop.
 * Only the rows in view (plus overscan) are in the DOM, each placed at
 * index × row height, so 50,000 rows scroll like 50; pages are fetched by the
 * store as rows come into view, with placeholder rows meanwhile. The cursor row
 * is always rendered, so keyboard focus never falls out of the list.
 *
 * Keys: arrows and j/k move, PageUp/PageDown by a screen, Home/End to the ends
 * (loading that page), Enter (or a click) opens the row and selects it alone.
 * Ctrl/Cmd+click or Space toggles a row, Shift+click or Shift+Arrow extends from
 * the anchor, Ctrl/Cmd+A selects every loaded row, Escape clears.
 */
export function StoryList({
  id,
  label,
  pages,
  total,
  listKey,
  rowHeight,
  cursorId,
  pendingCursor,
  openId,
  selectedIds,
  tagsById,
  matcher,
  language,
  snippets,
  loadingLabel,
  onCursor,
  onCursorAt,
  onOpen,
  onSelect,
  onSelectAll,
  onClearSelection,
  onNeedRows,
}: StoryListProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Scroll state belongs to one query (`key`): another query starts at the top.
  const [scrollState, setScroll] = useState({ top: 0, height: FALLBACK_VIEWPORT, key: listKey });
  const scroll = scrollState.key === listKey ? scrollState : { ...scrollState, top: 0 };
  // Focus follows the cursor only after a key press in the list, never on reloads.
  const focusPending = useRef(false);
  // Focus is in the list: when new results replace the focused row, focus stays in the list.
  const hasFocus = useRef(false);
  // The list is scrolled to its top, as last seen (a scroll event, a reveal, a resize).
  const atTop = useRef(true);

  // Stable, so memoised rows only re-render when their own props change.
  const activate = useCallback(
    (storyId: string, gesture: SelectGesture) => {
      onCursor(storyId);
      onSelect(storyId, gesture);
      if (gesture === 'only') onOpen(storyId);
    },
    [onCursor, onOpen, onSelect],
  );

  const loadedCursorIndex = useMemo(() => indexOfId(pages, cursorId), [pages, cursorId]);
  const cursorIndex = pendingCursor !== null && pendingCursor < total ? pendingCursor : loadedCursorIndex;
  const rowWindow = visibleWindow({ scrollTop: scroll.top, viewportHeight: scroll.height, rowHeight, total, overscan: OVERSCAN });
  const tabStopIndex = cursorIndex !== null && cursorIndex < total ? cursorIndex : rowWindow.start;

  // Viewport size from layout.
  useLayoutEffect(() => {
    const list = listRef.current;
    const viewport = viewportRef.current;
    if (!list || !viewport) return;
    const measure = () => {
      atTop.current = viewport.scrollTop === 0;
      setScroll((current) => ({ ...current, top: viewport.scrollTop, height: viewport.clientHeight || FALLBACK_VIEWPORT }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  // The rows' height, the list's full height, and each rendered row at its place (CSP: no inline styles, so CSSOM).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    list.style.setProperty('--story-row-height', `${rowHeight}px`);
    list.style.setProperty('--list-height', `${total * rowHeight}px`);
    for (const row of Array.from(list.children) as HTMLElement[]) {
      const index = Number(row.dataset.index);
      row.style.setProperty('--row-top', `${index * rowHeight}px`);
    }
  });

  // The focused row left the DOM (new results, or scrolled away and not the cursor): the list's
  // tab stop takes focus, rather than the page body.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!hasFocus.current || !list || list.contains(document.activeElement)) return;
    list.querySelector<HTMLElement>('[tabindex="0"]')?.focus({ preventScroll: true });
  });

  // Another query: back to the top (the scroll state already reads 0 for it). Only when the
  // list is scrolled: setting scrollTop, even to what it is, lays the page out there and then.
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || atTop.current) return;
    viewport.scrollTop = 0;
    atTop.current = true;
  }, [listKey]);

  useEffect(() => {
    onNeedRows(rowWindow.start, rowWindow.end);
  }, [rowWindow.start, rowWindow.end, pages, onNeedRows]);

  useEffect(() => {
    if (!focusPending.current || cursorIndex === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${cursorIndex}"]`);
    row?.focus({ preventScroll: true });
    // A placeholder hands focus on to its row when the page arrives.
    if (!row?.classList.contains('is-placeholder')) focusPending.current = false;
  }, [cursorIndex, cursorId]);

  const reveal = useCallback(
    (index: number) => {
      const viewport = viewportRef.current;
      if (!viewport) return;
      const top = scrollToReveal(index, rowHeight, viewport.scrollTop, viewport.clientHeight || scroll.height);
      if (top !== null) {
        viewport.scrollTop = top;
        atTop.current = top === 0;
        setScroll((current) => ({ ...current, top, key: listKey }));
      }
    },
    [rowHeight, scroll.height, listKey],
  );

  /** Moves the cursor; with `extend` (Shift) the selection runs from the anchor to the new row. */
  function moveTo(index: number, extend = false) {
    if (total === 0) return;
    const clamped = Math.min(total - 1, Math.max(0, index));
    const target = rowAt(pages, clamped);
    reveal(clamped);
    focusPending.current = true;
    if (!target) {
      // Not loaded yet: the placeholder holds the cursor until its page arrives.
      onCursorAt(clamped);
      return;
    }
    if (extend) {
      // Nothing selected yet: the range starts at the row the cursor leaves.
      const from = cursorIndex === null ? undefined : rowAt(pages, cursorIndex);
      if (selectedIds.size === 0 && from) onSelect(from.id, 'toggle');
      onSelect(target.id, 'extend');
    }
    onCursor(target.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = cursorIndex ?? rowWindow.start;
    const current = cursorIndex === null ? undefined : rowAt(pages, cursorIndex);
    const extend = event.shiftKey;
    const screen = rowsPerPage(scroll.height, rowHeight);
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(at + 1, extend);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(at - 1, extend);
        break;
      case 'PageDown':
        moveTo(at + screen, extend);
        break;
      case 'PageUp':
        moveTo(at - screen, extend);
        break;
      case 'Home':
        moveTo(0, extend);
        break;
      case 'End':
        moveTo(total - 1, extend);
        break;
      case 'Enter':
        if (current) {
          onSelect(current.id, 'only');
          onOpen(current.id);
        }
        break;
      case ' ':
        if (current) onSelect(current.id, 'toggle');
        break;
      case 'Escape':
        if (selectedIds.size === 0) return;
        onClearSelection();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function onScroll() {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const top = viewport.scrollTop;
    atTop.current = top === 0;
    // Re-render only when the window of rows changes, not for every pixel.
    const next = visibleWindow({ scrollTop: top, viewportHeight: scroll.height, rowHeight, total, overscan: OVERSCAN });
    if (next.start !== rowWindow.start || next.end !== rowWindow.end || scrollState.key !== listKey) setScroll((current) => ({ ...current, top, key: listKey }));
  }

  const indexes: number[] = [];
  for (let index = rowWindow.start; index < rowWindow.end; index++) indexes.push(index);
  // The cursor row stays rendered (and focusable) when scrolled out of view.
  if (cursorIndex !== null && cursorIndex < total && (cursorIndex < rowWindow.start || cursorIndex >= rowWindow.end)) indexes.push(cursorIndex);

  return (
    <div ref={viewportRef} className="story-list-viewport" onScroll={onScroll}>
      <ul
        ref={listRef}
        id={id}
        className="story-list is-virtual"
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
        onFocus={() => (hasFocus.current = true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) hasFocus.current = false;
        }}
      >
        {indexes.map((index) => {
          const item = rowAt(pages, index);
          const tabStop = index === tabStopIndex;
          if (!item) {
            return <PlaceholderRow key={`placeholder-${index}`} index={index} setSize={total} tabStop={tabStop} label={loadingLabel} />;
          }
          return (
            <StoryRow
              key={item.id}
              story={item}
              index={index}
              position={index + 1}
              setSize={total}
              tabStop={tabStop}
              isCursor={item.id === cursorId}
              isOpen={item.id === openId}
              isSelected={selectedIds.has(item.id)}
              tagsById={tagsById}
              matcher={matcher}
              language={language}
              snippet={snippets?.get(item.id)?.snippet}
              onActivate={activate}
            />
          );
        })}
      </ul>
    </div>
  );
}

/** A row whose page is on its way: keeps its place, size and position in the set. */
function PlaceholderRow({ index, setSize, tabStop, label }: { index: number; setSize: number; tabStop: boolean; label: string }) {
  return (
    <li
      role="option"
      className="story-row is-placeholder"
      data-index={index}
      aria-selected={false}
      aria-disabled="true"
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-label={label}
      tabIndex={tabStop ? 0 : -1}
    >
      <span className="placeholder-line" aria-hidden="true" />
      <span className="placeholder-line is-short" aria-hidden="true" />
    </li>
  );
}

/** Where a story is in the loaded pages, or null when it is not loaded. */
function indexOfId(pages: ReadonlyMap<number, StorySummary[]>, id: string | null): number | null {
  if (id === null) return null;
  for (const [page, rows] of pages) {
    const at = rows.findIndex((row) => row.id === id);
    if (at >= 0) return page * PAGE_SIZE + at;
  }
  return null;
}
