import { useEffect, useRef, useState } from 'react';
import { isTypingTarget } from '../ui/format';
import { filesFromDataTransfer } from '../features/import/picked-file';
import { useApp, useAppStoreApi, useT } from '../store';
import { startApp } from '../store';
import { BackupsDialog } from '../features/backups/BackupsDialog';
import { WatchDialog } from '../features/watch/WatchDialog';
import { DossierDialogs } from '../features/dossiers/DossierDialogs';
import { DOSSIER_VIEW_ID, DossierView } from '../features/dossiers/DossierView';
import { QuotesView } from '../features/quotes/QuotesView';
import { ConflictsView } from '../features/sync/ConflictsView';
import { ShareDialog } from '../features/sync/ShareDialog';
import { RecentChangesDialog } from '../features/history/RecentChanges';
import { DropOverlay } from '../features/import/DropOverlay';
import { ErrorState } from './ErrorState';
import { ImportResults } from '../features/import/ImportResults';
import { ListPane, STORY_LIST_ID } from '../features/library/ListPane';
import { NoticeBanner } from './NoticeBanner';
import { ConnectionBanner } from './connection/ConnectionBanner';
import { Reader, READER_ID } from '../features/library/Reader';
import { Sidebar } from './Sidebar';
import { StatusToast } from './StatusToast';
import { TagsLayer } from '../features/tags/TagsLayer';
import { TrashLayer } from '../features/trash/TrashLayer';
import { PaneSplitter } from './layout/PaneSplitter';
import { ShortcutsDialog } from './layout/ShortcutsDialog';
import { useLayoutKeys } from './layout/use-layout-keys';
import { useNarrow } from './layout/use-narrow';
import { LIST_PANE_ID } from '../features/library/ListPane';

/** Focus the list's current row (its roving tab stop), or the reader. */
function focusPane(id: string) {
  const pane = document.getElementById(id);
  const target = pane?.querySelector<HTMLElement>('[tabindex="0"]') ?? pane;
  target?.focus();
}

export function App() {
  const t = useT();
  const store = useAppStoreApi();
  const language = useApp((s) => s.language);
  const status = useApp((s) => s.status);
  const statusState = useApp((s) => s.statusState);
  const statusError = useApp((s) => s.statusError);
  const dossierOpen = useApp((s) => s.view.kind === 'dossier');
  const quotesOpen = useApp((s) => s.view.kind === 'quotes');
  const conflictsOpen = useApp((s) => s.view.kind === 'conflicts');
  const dragging = useFileDrop();
  useUndoShortcuts();
  useLayoutKeys();
  const narrow = useNarrow();
  const sidebarCollapsed = useApp((s) => s.sidebarCollapsed);
  const sidebarPeek = useApp((s) => s.sidebarPeek);
  const toggleSidebar = useApp((s) => s.toggleSidebar);
  const listWidth = useApp((s) => s.listWidth);
  const listCollapsed = useApp((s) => s.listCollapsed);
  const narrowPane = useApp((s) => s.narrowPane);
  const setNarrowPane = useApp((s) => s.setNarrowPane);
  const openId = useApp((s) => s.openId);
  const panesRef = useRef<HTMLDivElement>(null);
  const view = useApp((s) => s.view);

  // A narrow window's sidebar closes once the editor picked a view from it.
  useEffect(() => {
    if (store.getState().sidebarPeek) store.setState({ sidebarPeek: false });
  }, [view, store]);

  // The list's width as a CSS variable (CSP: no inline styles, so CSSOM).
  useEffect(() => {
    panesRef.current?.style.setProperty('--list-width', `${listWidth}px`);
  });

  // Opening a story in a narrow window slides the list away: the reader takes over, with focus.
  useEffect(() => {
    if (openId === null) {
      setNarrowPane('list');
      return;
    }
    setNarrowPane('reader');
  }, [openId, setNarrowPane]);
  const showReader = narrowPane === 'reader' && openId !== null;
  const wasReader = useRef(showReader);
  useEffect(() => {
    if (!narrow || wasReader.current === showReader) {
      wasReader.current = showReader;
      return;
    }
    wasReader.current = showReader;
    requestAnimationFrame(() => focusPane(showReader ? READER_ID : STORY_LIST_ID));
  }, [narrow, showReader]);

  // Folding the list away while a row has focus: focus goes to the reader, not to nowhere.
  useEffect(() => {
    if (listCollapsed && document.activeElement?.closest(`#${LIST_PANE_ID}`)) focusPane(READER_ID);
  }, [listCollapsed]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  if (!status) {
    return (
      <main className="startup">
        <ConnectionBanner />
        {statusState === 'error' ? (
          <ErrorState title={t.app('startErrorTitle')} error={statusError} onRetry={() => void startApp(store)} />
        ) : (
          <p className="pane-message" role="status">
            {t.app('startingUp')}
          </p>
        )}
      </main>
    );
  }

  return (
    <div className="app" data-sidebar={narrow ? (sidebarPeek ? 'peek' : 'hidden') : sidebarCollapsed ? 'collapsed' : 'shown'}>
      <div className="skip-links">
        {dossierOpen ? (
          <a href={`#${DOSSIER_VIEW_ID}`} className="skip-link" onClick={(e) => (e.preventDefault(), focusPane(DOSSIER_VIEW_ID))}>
            {t.dossiers('skipToDossier')}
          </a>
        ) : (
          <>
            <a href={`#${STORY_LIST_ID}`} className="skip-link" onClick={(e) => (e.preventDefault(), focusPane(STORY_LIST_ID))}>
              {t.app('skipToList')}
            </a>
            <a href={`#${READER_ID}`} className="skip-link" onClick={(e) => (e.preventDefault(), focusPane(READER_ID))}>
              {t.app('skipToReader')}
            </a>
          </>
        )}
      </div>
      <Sidebar />
      {/* The workspace closes a narrow window's sidebar when the editor goes back to work. */}
      <main className="workspace" onMouseDown={narrow && sidebarPeek ? () => toggleSidebar(true) : undefined}>
        <ConnectionBanner />
        <NoticeBanner />
        {statusError && <ErrorState title={t.app('startErrorTitle')} error={statusError} onRetry={() => void startApp(store)} compact />}
        {dossierOpen ? (
          <DossierView />
        ) : quotesOpen ? (
          <QuotesView />
        ) : conflictsOpen ? (
          <ConflictsView />
        ) : (
          <div ref={panesRef} className="panes" data-narrow-pane={showReader ? 'reader' : 'list'} data-list={listCollapsed && openId !== null ? 'collapsed' : 'shown'}>
            <ListPane />
            <PaneSplitter controls={LIST_PANE_ID} />
            <Reader />
          </div>
        )}
      </main>
      <ImportResults />
      <DossierDialogs />
      <BackupsDialog />
      <WatchDialog />
      <ShareDialog />
      <RecentChangesDialog />
      <TagsLayer />
      <TrashLayer />
      <ShortcutsDialog />
      <StatusToast />
      {dragging && <DropOverlay />}
    </div>
  );
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes: never while typing in a field. */
function useUndoShortcuts() {
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        void (event.shiftKey ? redo() : undo());
      } else if (key === 'y' && !event.shiftKey) {
        event.preventDefault();
        void redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Files dropped anywhere on the window are imported (their contents are sent, in every runtime). */
function useFileDrop(): boolean {
  const importPicked = useApp((s) => s.importPicked);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element; count them to know when the drag really left.
  const depth = useRef(0);

  useEffect(() => {
    function onDragEnter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    }
    function onDragOver(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    }
    function onDragLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    }
    function onDrop(event: DragEvent) {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      // Without this the browser would navigate to the dropped file.
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      void filesFromDataTransfer(event.dataTransfer).then(
        (files) => importPicked(files),
        () => importPicked([]),
      );
    }
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importPicked]);

  return dragging;
}
