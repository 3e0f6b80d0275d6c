import { useCallback, useEffect, useRef, type KeyboardEvent, type UIEvent } from 'react';
import type { StorySummary } from '../../../shared/types';
import { StoryRow } from './StoryRow';
import type { Language } from '../i18n';

export interface StoryListProps {
  id: string;
  label: string;
  items: StorySummary[];
  /** All matching stories, loaded or not. */
  total: number;
  cursorId: string | null;
  openId: string | null;
  language: Language;
  onCursor(id: string): void;
  onOpen(id: string): void;
  /** Asked when the cursor or scroll nears the end of what is loaded. */
  onNeedMore(): void;
}

/** Rows to keep loaded ahead of the cursor before asking for the next page. */
const AHEAD = 10;
const PAGE_STEP = 10;

/**
 * The story list as a single-select listbox with a roving tab stop: one row is
 * in the tab order, arrows and j/k move it, Enter (or a click) opens the row.
 * Presentational only (state comes in by props), so it can be virtualised later
 * without touching the store.
 */
export function StoryList({ id, label, items, total, cursorId, openId, language, onCursor, onOpen, onNeedMore }: StoryListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  // Focus follows the cursor only after a key press in the list, never on reloads.
  const focusPending = useRef(false);

  // Stable, so memoised rows only re-render when their own props change (long lists).
  const activate = useCallback(
    (storyId: string) => {
      onCursor(storyId);
      onOpen(storyId);
    },
    [onCursor, onOpen],
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

  const moveTo = useCallback(
    (index: number) => {
      if (items.length === 0) return;
      const clamped = Math.min(items.length - 1, Math.max(0, index));
      const target = items[clamped]!;
      focusPending.current = true;
      onCursor(target.id);
      if (clamped >= items.length - AHEAD && items.length < total) onNeedMore();
    },
    [items, total, onCursor, onNeedMore],
  );

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = items[cursorIndex];
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(cursorIndex + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(cursorIndex - 1);
        break;
      case 'PageDown':
        moveTo(cursorIndex + PAGE_STEP);
        break;
      case 'PageUp':
        moveTo(cursorIndex - PAGE_STEP);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (current) onOpen(current.id);
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
          language={language}
          onActivate={activate}
        />
      ))}
    </ul>
  );
}
