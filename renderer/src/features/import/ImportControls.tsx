import { useRef, type ChangeEvent } from 'react';
import { fromFile } from './picked-file';
import { useApp, useT } from '../../store';

const isTxt = (name: string) => name.toLowerCase().endsWith('.txt');

/**
 * Import buttons. The desktop app opens its native dialog (`import.withDialog`);
 * in a browser a real button opens a hidden file input, and the contents are
 * sent with `import.files`.
 */
export function ImportControls() {
  const t = useT();
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const progress = useApp((s) => s.importProgress);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const importWithDialog = useApp((s) => s.importWithDialog);
  const importPicked = useApp((s) => s.importPicked);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const busy = progress.phase !== 'idle';

  function onPicked(event: ChangeEvent<HTMLInputElement>, folder: boolean) {
    const picked = Array.from(event.target.files ?? []);
    // Reset so picking the same file again still fires a change.
    event.target.value = '';
    // From a folder only the wire stories; single files are the editor's explicit choice.
    const files = (folder ? picked.filter((file) => isTxt(file.name)) : picked).map((file) => fromFile(file));
    if (picked.length > 0) void importPicked(files);
  }

  return (
    <div className="import-controls">
      <button
        type="button"
        className="button primary"
        disabled={busy || readOnly}
        onClick={() => (nativeDialogs ? void importWithDialog() : filesInput.current?.click())}
      >
        {t.import('importButton')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy || readOnly}
        onClick={() => (nativeDialogs ? void importWithDialog({ folders: true }) : folderInput.current?.click())}
      >
        {t.import('importFolderButton')}
      </button>
      {!nativeDialogs && (
        <>
          <input
            ref={filesInput}
            type="file"
            multiple
            accept=".txt,text/plain"
            hidden
            tabIndex={-1}
            aria-label={t.import('importButton')}
            data-testid="import-files-input"
            onChange={(event) => onPicked(event, false)}
          />
          <input
            ref={(element) => {
              folderInput.current = element;
              // Not a React prop: Chromium's folder picker switch.
              if (element) element.webkitdirectory = true;
            }}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            aria-label={t.import('importFolderButton')}
            data-testid="import-folder-input"
            onChange={(event) => onPicked(event, true)}
          />
        </>
      )}
      {progress.phase === 'sending' && (
        <p className="import-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-hidden="true" />
          {progress.done === 0 ? t.import('importReading') : t.import('importing', { done: progress.done, count: progress.total })}
        </p>
      )}
    </div>
  );
}
