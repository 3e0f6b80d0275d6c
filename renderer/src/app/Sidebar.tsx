import { localeOf } from '../i18n';
import type { View } from '../store';
import { useApp, useT } from '../store';
import { BackupsButton } from '../features/backups/BackupsDialog';
import { TrashButton } from '../features/trash/DeleteButtons';
import { WatchButton } from '../features/watch/WatchDialog';
import { DossierSidebarSection } from '../features/dossiers/DossierSidebarSection';
import { LanguageSwitch } from './LanguageSwitch';
import { ShortcutsButton } from './layout/ShortcutsDialog';
import { SavedSearches } from '../features/search/SavedSearches';
import { HistoryButtons } from '../features/history/HistoryButtons';
import { TagSidebarSection } from '../features/tags/TagSidebarSection';
import { QuotesSidebarEntry } from '../features/quotes/QuotesSidebarEntry';
import { TeamSidebarSection } from '../features/sync/SyncIndicator';

interface ViewEntry {
  view: View;
  label: string;
  count: number | null;
}

/** Library navigation. Tags, dossiers and saved searches get their own sections here later. */
export function Sidebar() {
  const t = useT();
  const language = useApp((s) => s.language);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const counts = useApp((s) => s.status?.counts ?? null);

  const entries: ViewEntry[] = [
    { view: { kind: 'articles' }, label: t.app('viewArticles'), count: counts?.articles ?? null },
    { view: { kind: 'briefs' }, label: t.app('viewBriefs'), count: counts?.briefs ?? null },
  ];

  return (
    <nav id="sidebar" className="sidebar" aria-label={t.app('sidebarLabel')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">K</span>
        <h1 className="brand-name">{t.app('appName')}</h1>
      </div>
      <HistoryButtons />
      <h2 className="sidebar-heading" id="sidebar-library">
        {t.app('libraryHeading')}
      </h2>
      <ul className="view-list" aria-labelledby="sidebar-library">
        {entries.map((entry) => {
          const current = entry.view.kind === view.kind;
          return (
            <li key={entry.view.kind}>
              <button
                type="button"
                className="view-button"
                aria-current={current ? 'true' : undefined}
                onClick={() => setView(entry.view)}
              >
                <span className="view-label">{entry.label}</span>
                {entry.count !== null && <span className="view-count">{entry.count.toLocaleString(localeOf(language))}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <QuotesSidebarEntry />
      <SavedSearches />
      <TagSidebarSection />
      <DossierSidebarSection />
      <div className="sidebar-footer">
        <TeamSidebarSection />
        <BackupsButton />
        <TrashButton />
        <WatchButton />
        <ShortcutsButton />
        <LanguageSwitch />
      </div>
    </nav>
  );
}
