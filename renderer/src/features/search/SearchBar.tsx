import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { isTypingTarget } from '../../ui/format';
import { activeFilterCount } from './list-query';
import { useApp, useT } from '../../store';
import { IndexProgress } from './IndexProgress';
import { SearchHelp } from './SearchHelp';
import './search.css';

export const SEARCH_BOX_ID = 'story-search';
export const FILTER_PANEL_ID = 'story-filters';

/**
 * The search box above the list, with the Filters toggle. The list follows as
 * the editor types; `/` or Ctrl/Cmd+F jumps here from anywhere, Escape clears,
 * ArrowDown goes on to the results.
 */
export function SearchBar({ listId }: { listId: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const searchInput = useApp((s) => s.searchInput);
  const setSearchInput = useApp((s) => s.setSearchInput);
  const flushSearch = useApp((s) => s.flushSearch);
  const clearSearch = useApp((s) => s.clearSearch);
  const filtersOpen = useApp((s) => s.filtersOpen);
  const setFiltersOpen = useApp((s) => s.setFiltersOpen);
  const activeFilters = useApp((s) => activeFilterCount(s.filters));

  useSearchShortcuts(input);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      // A second Escape on an empty box leaves it for the list.
      if (searchInput === '') focusList(listId);
      else clearSearch();
      event.preventDefault();
      event.stopPropagation();
    } else if (event.key === 'Enter') {
      flushSearch();
      event.preventDefault();
    } else if (event.key === 'ArrowDown') {
      flushSearch();
      if (focusList(listId)) event.preventDefault();
    }
  }

  return (
    <div className="search-bar">
      <div className="search-field">
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          ref={input}
          id={SEARCH_BOX_ID}
          type="search"
          className="search-input"
          aria-label={t.search('searchBoxLabel')}
          aria-describedby={hintId}
          placeholder={t.search('searchBoxPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={1_000}
          value={searchInput}
          onChange={(event) => setSearchInput(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <kbd className="search-shortcut" aria-hidden="true">
          /
        </kbd>
        {searchInput !== '' && (
          <button type="button" className="search-clear" aria-label={t.search('clearSearch')} title={t.search('clearSearch')} onClick={() => (clearSearch(), input.current?.focus())}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <SearchHelp />
      <button
        type="button"
        className={`button filters-toggle${activeFilters > 0 ? ' has-filters' : ''}`}
        aria-expanded={filtersOpen}
        aria-controls={FILTER_PANEL_ID}
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        {t.search('filtersButton', { count: activeFilters })}
      </button>
      <p id={hintId} className="visually-hidden">
        {t.search('searchShortcutHint')}
      </p>
      <IndexProgress />
    </div>
  );
}

/** Focuses the list's current row (its roving tab stop); false when the list has none. */
function focusList(listId: string): boolean {
  const row = document.getElementById(listId)?.querySelector<HTMLElement>('[tabindex="0"]');
  row?.focus();
  return Boolean(row);
}

/** `/` (outside text fields) and Ctrl/Cmd+F focus the search box and select what is in it. */
function useSearchShortcuts(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
      if (!find && !slash) return;
      // Not while a dialog is open: its own fields come first.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const box = input.current;
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}
