import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApp, useAppStoreApi } from '../../store';
import { useTranslator } from '../../i18n/use-translator';
import { focusList, listTargets } from './TrashLayer';

interface MenuAt {
  storyId: string;
  x: number;
  y: number;
  row: HTMLElement;
}

/**
 * The context menu of a list row (right click, the context-menu key or Shift+F10): open
 * the story, or delete it (or the selection it belongs to). A WAI-ARIA menu: focus moves
 * in, arrows move between items, Escape and Tab close it and focus goes back to the row.
 */
export function StoryContextMenu() {
  const t = useTranslator('trash');
  const store = useAppStoreApi();
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const selection = useApp((s) => s.selection);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    function onContextMenu(event: MouseEvent) {
      if (!(event.target instanceof Element)) return;
      const row = event.target.closest<HTMLElement>('.story-list [data-story-id]');
      if (!row) return;
      event.preventDefault();
      const box = row.getBoundingClientRect();
      // From the keyboard there is no pointer position: open at the row.
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      setMenu({ storyId: row.dataset.storyId!, row, x: fromKeyboard ? box.left + 16 : event.clientX, y: fromKeyboard ? box.bottom : event.clientY });
    }
    document.addEventListener('contextmenu', onContextMenu);
    return () => document.removeEventListener('contextmenu', onContextMenu);
  }, []);

  useEffect(() => {
    if (!menu) return;
    const element = ref.current;
    if (!element) return;
    // Keep the menu inside the window.
    const box = element.getBoundingClientRect();
    element.style.left = `${Math.max(4, Math.min(menu.x, window.innerWidth - box.width - 4))}px`;
    element.style.top = `${Math.max(4, Math.min(menu.y, window.innerHeight - box.height - 4))}px`;
    element.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    function onPointerDown(event: PointerEvent) {
      if (!element?.contains(event.target as Node)) setMenu(null);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [menu]);

  if (!menu) return null;
  const inSelection = selection.ids.has(menu.storyId) && selection.ids.size > 1;
  const ids = inSelection ? listTargets(store.getState()) : [menu.storyId];

  function close(refocus = true) {
    const row = menu?.row;
    setMenu(null);
    if (refocus && row?.isConnected) row.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    switch (event.key) {
      case 'ArrowDown':
        items[(at + 1) % items.length]?.focus();
        break;
      case 'ArrowUp':
        items[(at - 1 + items.length) % items.length]?.focus();
        break;
      case 'Home':
        items[0]?.focus();
        break;
      case 'End':
        items.at(-1)?.focus();
        break;
      case 'Escape':
      case 'Tab':
        close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={t('menuLabel')} onKeyDown={onKeyDown} style={{ left: menu.x, top: menu.y }}>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        onClick={() => {
          close();
          void store.getState().openStory(menu.storyId);
        }}
      >
        {t('menuOpen')}
      </button>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        disabled={readOnly}
        onClick={() => {
          close();
          void store.getState().deleteStories(ids).then(() => focusList());
        }}
      >
        {inSelection ? t('menuDeleteSelection', { count: ids.length }) : t('menuDelete')}
      </button>
    </div>
  );
}
