import { useApp } from '../../store';
import { useTranslator } from '../../i18n/use-translator';
import { useNarrow } from './use-narrow';

/** Shows or hides the sidebar (in a narrow window: over the panes, for now). */
export function SidebarToggle() {
  const td = useTranslator('desk');
  const narrow = useNarrow();
  const shown = useApp((s) => (narrow ? s.sidebarPeek : !s.sidebarCollapsed));
  const toggle = useApp((s) => s.toggleSidebar);
  const label = shown ? td('sidebarHide') : td('sidebarShow');
  return (
    <button type="button" className="icon-button sidebar-toggle" aria-label={label} title={`${label} ([)`} aria-expanded={shown} aria-controls="sidebar" aria-keyshortcuts="[" onClick={() => toggle(narrow)}>
      <span aria-hidden="true">☰</span>
    </button>
  );
}

/** Compact rows (one-line headline and details) or comfortable ones (two-line headline, tags): a pressed "Compact" button. */
export function DensityControl() {
  const td = useTranslator('desk');
  const density = useApp((s) => s.density);
  const setDensity = useApp((s) => s.setDensity);
  const compact = density === 'compact';
  return (
    <button type="button" className="button small density-toggle" aria-pressed={compact} title={td('density')} onClick={() => setDensity(compact ? 'comfortable' : 'compact')}>
      {td('densityCompact')}
    </button>
  );
}

/** Folds the list pane away so the reader takes the window's width, and brings it back (`]`). */
export function ListToggle({ controls }: { controls: string }) {
  const td = useTranslator('desk');
  const shown = useApp((s) => !s.listCollapsed);
  const toggle = useApp((s) => s.toggleList);
  const label = shown ? td('listHide') : td('listShow');
  return (
    <button type="button" className="button small list-toggle" aria-expanded={shown} aria-controls={controls} aria-keyshortcuts="]" title={`${label} (])`} onClick={toggle}>
      <span aria-hidden="true">{shown ? '⇤ ' : '⇥ '}</span>
      {label}
    </button>
  );
}
