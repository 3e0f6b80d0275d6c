import { useCallback, useEffect, useRef, type KeyboardEvent, type UIEvent } from 'react';
import type { StorySummary, Tag } from '../../../shared/types';
import { StoryRow, type SelectGesture } from './StoryRow';
import type { Language } from '../i18n';

export interface StoryListProps {
  id: string;
  label: string;
  items: StorySummary[];
  /** All matching stories, loaded or not. */
  total: number;
  cursorId: string | null;
  openId: string | null;
  /** The multi-selection (ids only: rows need not be rendered to stay selected). */
  selectedIds: ReadonlySet<string>;
  tagsById: ReadonlyMap<string, Tag>;
  language: Language;
  onCursor(id: string): void;
  onOpen(id: string): void;
  onSelect(id: string, gesture: SelectGesture): void;
  onSelectAll(): void;
  onClearSelection(): void;
  /** Asked when the cursor or scroll nears the end of what is loaded. */
  onNeedMore(): void;
}

/** Rows to keep loaded ahead of the cursor before asking for the next page. */
const AHEAD = 10;
const PAGE_STEP = 10;

/**
 * The story list as a multi-select listbox with a roving tab stop: one row is
 * in the tab order, arrows and j/k move it, Enter (or a click) opens the row and
 * selects it alone. Ctrl/Cmd+click or Space toggles a row, Shift+click or
 * Shift+Arrow extends from the anchor, Ctrl/Cmd+A selects every loaded row,
 * Escape clears. Presentational only (state comes in by props), so it can be
 * virtualised later without touching the store.
 */
export function StoryList({
  id,
  label,
  items,
  total,
  cursorId,
  openId,
  selectedIds,
  tagsById,
  language,
  onCursor,
  onOpen,
  onSelect,
  onSelectAll,
  onClearSelection,
  onNeedMore,
}: StoryListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  // Focus follows the cursor only after a key press in the list, never on reloads.
  const focusPending = useRef(false);

  // Stable, so memoised rows only re-render when their own props change (long lists).
  const activate = useCallback(
    (storyId: string, gesture: SelectGesture) => {
      onCursor(storyId);
      onSelect(storyId, gesture);
      if (gesture === 'only') onOpen(storyId);
    },
    [onCursor, onOpen, onSelect],
  );

  const cursorIndex = Math.max(0, cursorId === null ? 0 : items.findIndex((item) => item.id === cursorId));

  useEffect(() => {
    if (!focusPending.current || cursorId === null) return;
    focusPending.current = false;
    const rows = Array.from(listRef.current?.children ?? []) as HTMLElement[];
    const row = rows.find((element) => element.dataset.storyId === cursorId);
    row?.focus();
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [cursorId]);

  /** Moves the cursor; with `extend` (Shift) the selection runs from the anchor to the new row. */
  const moveTo = useCallback(
    (index: number, extend = false) => {
      if (items.length === 0) return;
      const clamped = Math.min(items.length - 1, Math.max(0, index));
      const target = items[clamped]!;
      focusPending.current = true;
      if (extend) {
        // Nothing selected yet: the range starts at the row the cursor leaves.
        const from = items[cursorIndex];
        if (selectedIds.size === 0 && from) onSelect(from.id, 'toggle');
        onSelect(target.id, 'extend');
      }
      onCursor(target.id);
      if (clamped >= items.length - AHEAD && items.length < total) onNeedMore();
    },
    [items, total, cursorIndex, selectedIds, onCursor, onSelect, onNeedMore],
  );

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = items[cursorIndex];
    const extend = event.shiftKey;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(cursorIndex + 1, extend);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(cursorIndex - 1, extend);
        break;
      case 'PageDown':
        moveTo(cursorIndex + PAGE_STEP, extend);
        break;
      case 'PageUp':
        moveTo(cursorIndex - PAGE_STEP, extend);
        break;
      case 'Home':
        moveTo(0, extend);
        break;
      case 'End':
        moveTo(items.length - 1, extend);
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

  function onScroll(event: UIEvent<HTMLUListElement>) {
    const el = event.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 400 && items.length < total) onNeedMore();
  }

  return (
    <ul
      ref={listRef}
      id={id}
      className="story-list"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      {items.map((item, index) => (
        <StoryRow
          key={item.id}
          story={item}
          position={index + 1}
          setSize={total}
          tabStop={index === cursorIndex}
          isCursor={item.id === cursorId}
          isOpen={item.id === openId}
          isSelected={selectedIds.has(item.id)}
          tagsById={tagsById}
          language={language}
          onActivate={activate}
        />
      ))}
    </ul>
  );
}
