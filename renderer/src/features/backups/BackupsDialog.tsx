import { useId, useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ServiceError } from '../../../../shared/contract/envelope';
import { ARCHIVE_UPLOAD_BYTES, type ArchiveImportSummary, type BackupInfo } from '../../../../shared/contract/backups';
import { toServiceError } from '../../client';
import { downloadFile } from '../dossiers/download';
import { formatInstant } from '../../ui/format';
import { fromFile } from '../import/picked-file';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import '../dossiers/dossiers.css';
import './backups.css';

type Step =
  | { kind: 'list' }
  | { kind: 'confirm'; backup: BackupInfo }
  | { kind: 'restoring'; backup: BackupInfo }
  | { kind: 'import-confirm' }
  | { kind: 'importing'; fileName: string | null }
  | { kind: 'imported'; summary: ArchiveImportSummary };

/**
 * Backups… : the verified backups (newest first) with Restore (after a confirmation
 * that says the current state is backed up first), the whole library as one file
 * ("Save whole library…" in the desktop app, a download in the browser) and
 * "Import library archive…": a confirmation that explains the merge, progress,
 * then what was added. The desktop app picks the file in its native dialog, the
 * browser with a file input.
 */
export function BackupsDialog() {
  const t = useT();
  const titleId = useId();
  const language = useApp((s) => s.language);
  const open = useApp((s) => s.backupsOpen);
  const backups = useApp((s) => s.backups);
  const backupsState = useApp((s) => s.backupsState);
  const backupsError = useApp((s) => s.backupsError);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const close = useApp((s) => s.closeBackups);
  const loadBackups = useApp((s) => s.loadBackups);
  const restoreBackup = useApp((s) => s.restoreBackup);
  const saveLibraryArchive = useApp((s) => s.saveLibraryArchive);
  const downloadLibraryArchive = useApp((s) => s.downloadLibraryArchive);
  const importLibraryArchive = useApp((s) => s.importLibraryArchive);
  const fileInput = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: ServiceError } | null>(null);
  const [saving, setSaving] = useState(false);

  // Each step replaces the buttons that had focus (its footer is new): move focus to the
  // step's first action in the same commit, so it is never left on the page body.
  useLayoutEffect(() => {
    if (!open) return;
    const dialog = document.getElementById(titleId)?.closest<HTMLElement>('[role="dialog"]');
    dialog?.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)')?.focus();
  }, [open, step.kind, titleId]);

  if (!open) return null;
  const importing = step.kind === 'importing';

  const when = (backup: BackupInfo) => formatInstant(backup.createdAt, language);
  const dismiss = () => {
    setStep({ kind: 'list' });
    setMessage(null);
    setError(null);
    close();
  };

  async function restore(backup: BackupInfo) {
    setStep({ kind: 'restoring', backup });
    setError(null);
    setMessage(null);
    try {
      await restoreBackup(backup.name);
      setMessage(t.backups.restored(when(backup)));
    } catch (caught) {
      setError({ title: t.backups.restoreFailed, error: toServiceError(caught) });
    }
    setStep({ kind: 'list' });
  }

  async function saveArchive() {
    setSaving(true);
    setError(null);
    setMessage(null);
    try {
      if (nativeDialogs) {
        const saved = await saveLibraryArchive();
        if (saved) setMessage(t.backups.librarySaved(saved.path, saved.stories));
      } else {
        const file = await downloadLibraryArchive();
        downloadFile(file);
        setMessage(t.backups.libraryDownloaded(file.fileName, file.stories));
      }
    } catch (caught) {
      setError({ title: t.backups.saveLibraryFailed, error: toServiceError(caught) });
    }
    setSaving(false);
  }

  function startImport() {
    setError(null);
    setMessage(null);
    setStep({ kind: 'import-confirm' });
  }

  async function runImport(source: Parameters<typeof importLibraryArchive>[0], fileName: string | null) {
    setStep({ kind: 'importing', fileName });
    try {
      const summary = await importLibraryArchive(source);
      // Null: the editor cancelled the open dialog.
      setStep(summary ? { kind: 'imported', summary } : { kind: 'import-confirm' });
    } catch (caught) {
      setError({ title: t.backups.importFailed, error: toServiceError(caught) });
      setStep({ kind: 'import-confirm' });
    }
  }

  function onPicked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Reset so picking the same file again (after fixing it) still fires a change.
    event.target.value = '';
    if (!file) return;
    setError(null);
    void runImport({ kind: 'file', file: fromFile(file, file.name), tooLarge: t.backups.importTooLarge(ARCHIVE_UPLOAD_BYTES / (1024 * 1024)) }, file.name);
  }

  const confirming = step.kind === 'confirm' || step.kind === 'restoring' ? step.backup : null;
  const inImport = step.kind === 'import-confirm' || step.kind === 'importing' || step.kind === 'imported';
  const back = () => {
    setError(null);
    setStep({ kind: 'list' });
  };
  // Escape steps back out of a confirmation; once an import is done it closes, like Close.
  const onEscape = step.kind === 'restoring' || importing ? () => undefined : step.kind === 'list' || step.kind === 'imported' ? dismiss : back;
  const title = confirming ? t.backups.confirmTitle : step.kind === 'imported' ? t.backups.importDoneTitle : inImport ? t.backups.importConfirmTitle : t.backups.title;

  return (
    <Dialog titleId={titleId} onClose={onEscape} className="backups-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="dialog-body" aria-busy={importing}>
        {confirming ? (
          <p className="backup-confirm">{t.backups.confirmBody(when(confirming))}</p>
        ) : step.kind === 'import-confirm' ? (
          <div className="backup-confirm archive-confirm">
            {t.backups.importConfirmBody.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        ) : step.kind === 'importing' ? (
          <p className="archive-progress" role="status">
            <progress aria-hidden="true" />
            {t.backups.importing(step.fileName)}
          </p>
        ) : step.kind === 'imported' ? (
          <ImportSummary summary={step.summary} />
        ) : (
          <>
            <p className="field-hint backups-intro">{t.backups.intro}</p>
            {readOnly && <p className="backups-readonly">{t.backups.readOnlyNoRestore}</p>}
            {backupsState === 'error' ? (
              <div className="dialog-error" role="alert">
                <p className="error-title">{t.backups.loadFailed}</p>
                {backupsError && <p className="error-message">{backupsError.message}</p>}
                <button type="button" className="button small" onClick={() => void loadBackups()}>
                  {t.retry}
                </button>
              </div>
            ) : backupsState === 'loading' || backupsState === 'idle' ? (
              <p className="field-hint" role="status">
                {t.backups.loading}
              </p>
            ) : backups.length === 0 ? (
              <p className="field-hint">{t.backups.none}</p>
            ) : (
              <table className="backups-table">
                <caption className="visually-hidden">{t.backups.listLabel}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.backups.made}</th>
                    <th scope="col" className="numeric">
                      {t.backups.size}
                    </th>
                    <td />
                  </tr>
                </thead>
                <tbody>
                  {backups.map((backup, index) => (
                    <tr key={backup.name}>
                      <th scope="row">
                        <time dateTime={backup.createdAt}>{when(backup)}</time>
                        {index === 0 && <span className="backup-badge">{t.backups.newest}</span>}
                      </th>
                      <td className="numeric">{t.backups.bytes(backup.bytes)}</td>
                      <td className="backup-action">
                        <button type="button" className="button small" onClick={() => setStep({ kind: 'confirm', backup })} disabled={readOnly} aria-label={t.backups.restoreFor(when(backup))}>
                          {t.backups.restore}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        <div role="status" aria-live="polite" className="backups-message">
          {message}
        </div>
        {error && (
          <div className="dialog-error" role="alert">
            <p className="error-title">{error.title}</p>
            <p className="error-message">{error.error.message}</p>
          </div>
        )}
      </div>
      {/* Keyed by step: reusing one step's button for the next (white to primary blue) would
          fade its background through the colour transition, under text already white. */}
      <footer key={confirming ? 'restore' : step.kind === 'importing' ? 'import-confirm' : step.kind} className="dialog-footer">
        {confirming ? (
          <>
            <button type="button" className="button" onClick={() => setStep({ kind: 'list' })} disabled={step.kind === 'restoring'} data-autofocus>
              {t.backups.back}
            </button>
            <button type="button" className="button primary" onClick={() => void restore(confirming)} disabled={step.kind === 'restoring'}>
              {step.kind === 'restoring' ? t.backups.restoring : t.backups.confirmRestore}
            </button>
          </>
        ) : step.kind === 'import-confirm' || step.kind === 'importing' ? (
          <>
            <button type="button" className="button" onClick={back} disabled={importing} data-autofocus>
              {t.backups.back}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={importing}
              onClick={() => (nativeDialogs ? void runImport({ kind: 'dialog' }, null) : fileInput.current?.click())}
            >
              {nativeDialogs ? t.backups.importChooseAndImport : t.backups.importChooseFile}
            </button>
          </>
        ) : step.kind === 'imported' ? (
          <>
            <button type="button" className="button footer-start" onClick={back}>
              {t.backups.backToBackups}
            </button>
            <button type="button" className="button primary" onClick={dismiss} data-autofocus>
              {t.backups.close}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button footer-start" onClick={() => void saveArchive()} disabled={saving} title={t.backups.saveLibraryHint}>
              {saving ? (nativeDialogs ? t.backups.savingLibrary : t.backups.downloadingLibrary) : nativeDialogs ? t.backups.saveLibrary : t.backups.downloadLibrary}
            </button>
            <button type="button" className="button" onClick={startImport} disabled={readOnly} title={t.backups.importArchiveHint}>
              {t.backups.importArchive}
            </button>
            <button type="button" className="button primary" onClick={dismiss} data-autofocus>
              {t.backups.close}
            </button>
          </>
        )}
        {!nativeDialogs && (
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            tabIndex={-1}
            aria-label={t.backups.importFileLabel}
            data-testid="library-archive-input"
            onChange={onPicked}
          />
        )}
      </footer>
    </Dialog>
  );
}

/** What an import added, as label–value pairs, with what it did not touch. */
function ImportSummary({ summary }: { summary: ArchiveImportSummary }) {
  const t = useT();
  const rows = [
    t.backups.summaryStories(summary.storiesAdded, summary.storiesAlreadyPresent),
    t.backups.summaryTags(summary.tagsAdded, summary.tagsMatched),
    t.backups.summaryLinks(summary.linksAdded),
    t.backups.summaryDossiers(summary.dossiersAdded),
    t.backups.summarySearches(summary.searchesAdded),
    ...(summary.mode === 'merged' ? [t.backups.summaryConflicts(summary.conflictsKept)] : []),
  ];
  return (
    <div className="archive-summary" role="status">
      {summary.mode === 'restored' && <p>{t.backups.importRestored}</p>}
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {summary.mode === 'merged' && <p className="field-hint">{t.backups.importBackedUp}</p>}
    </div>
  );
}

/** The sidebar footer's way in. */
export function BackupsButton() {
  const t = useT();
  const openBackups = useApp((s) => s.openBackups);
  return (
    <button type="button" className="sidebar-footer-button" onClick={openBackups}>
      {t.backups.open}
    </button>
  );
}
