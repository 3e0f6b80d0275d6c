import type { SliceCreator } from '../../store/types';

export type ListDensity = 'compact' | 'comfortable';

/** The window's layout: what the editor chose is remembered (per user: the browser profile's storage). */
export interface LayoutSlice {
  /** The story details (tags, date, note, suggestions, links, source) beside or below the text. */
  inspectorOpen: boolean;
  /** The list pane's width in px (the reader takes the rest). */
  listWidth: number;
  /** Sidebar hidden by the editor (wide windows); narrow windows hide it until asked. */
  sidebarCollapsed: boolean;
  /** Narrow windows: the sidebar is shown over the panes for now (not remembered). */
  sidebarPeek: boolean;
  density: ListDensity;
  /** The list pane folded away (wide windows, while a story is open): the reader takes its room. */
  listCollapsed: boolean;
  shortcutsOpen: boolean;
  /** Narrow windows show one pane: the reader once a story is opened, the list after "Back". */
  narrowPane: 'list' | 'reader';
  toggleInspector(): void;
  setListWidth(px: number): void;
  toggleSidebar(narrow: boolean): void;
  setDensity(density: ListDensity): void;
  setShortcutsOpen(open: boolean): void;
  setNarrowPane(pane: 'list' | 'reader'): void;
  toggleList(): void;
}

export const LAYOUT_KEY = 'kroniek.layout';
export const LIST_WIDTH = { min: 260, max: 640, initial: 400, step: 24 } as const;

interface Remembered {
  inspectorOpen: boolean;
  listWidth: number;
  sidebarCollapsed: boolean;
  density: ListDensity;
  listCollapsed: boolean;
}

const DEFAULTS: Remembered = { inspectorOpen: true, listWidth: LIST_WIDTH.initial, sidebarCollapsed: false, density: 'comfortable', listCollapsed: false };

export const clampListWidth = (px: number) => Math.round(Math.min(LIST_WIDTH.max, Math.max(LIST_WIDTH.min, px)));

/** What was stored, each field checked (an old or hand-edited value falls back to the default). */
export function readLayout(raw: string | null): Remembered {
  let parsed: Partial<Record<keyof Remembered, unknown>> = {};
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (value && typeof value === 'object') parsed = value as typeof parsed;
  } catch {
    // Unreadable: the defaults.
  }
  return {
    inspectorOpen: typeof parsed.inspectorOpen === 'boolean' ? parsed.inspectorOpen : DEFAULTS.inspectorOpen,
    listWidth: typeof parsed.listWidth === 'number' && Number.isFinite(parsed.listWidth) ? clampListWidth(parsed.listWidth) : DEFAULTS.listWidth,
    sidebarCollapsed: typeof parsed.sidebarCollapsed === 'boolean' ? parsed.sidebarCollapsed : DEFAULTS.sidebarCollapsed,
    density: parsed.density === 'compact' || parsed.density === 'comfortable' ? parsed.density : DEFAULTS.density,
    listCollapsed: typeof parsed.listCollapsed === 'boolean' ? parsed.listCollapsed : DEFAULTS.listCollapsed,
  };
}

export const createLayoutSlice: SliceCreator<LayoutSlice> = (set, get, deps) => {
  let stored: string | null;
  try {
    stored = deps.storage?.getItem(LAYOUT_KEY) ?? null;
  } catch {
    stored = null;
  }
  const initial = readLayout(stored);

  function remember(patch: Partial<Remembered>) {
    set(patch);
    const state = get();
    const next: Remembered = { inspectorOpen: state.inspectorOpen, listWidth: state.listWidth, sidebarCollapsed: state.sidebarCollapsed, density: state.density, listCollapsed: state.listCollapsed };
    try {
      deps.storage?.setItem(LAYOUT_KEY, JSON.stringify(next));
    } catch {
      // Not remembered across runs, but applied now.
    }
  }

  return {
    ...initial,
    sidebarPeek: false,
    shortcutsOpen: false,
    narrowPane: 'list',
    toggleInspector: () => remember({ inspectorOpen: !get().inspectorOpen }),
    setListWidth: (px) => remember({ listWidth: clampListWidth(px) }),
    toggleSidebar(narrow) {
      if (narrow) set({ sidebarPeek: !get().sidebarPeek });
      else remember({ sidebarCollapsed: !get().sidebarCollapsed });
    },
    setDensity: (density) => remember({ density }),
    setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
    setNarrowPane: (pane) => set({ narrowPane: pane }),
    toggleList: () => remember({ listCollapsed: !get().listCollapsed }),
  };
};
