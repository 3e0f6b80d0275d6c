import { useEffect, useId, useState } from 'react';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { BackupInfo } from '../../../../shared/contract/maintenance';
import { toServiceError } from '../../client';
import { formatInstant } from '../../format';
import { useApp, useT } from '../../store';
import { Dialog } from '../Dialog';
import '../../styles/dossiers.css';
import '../../styles/backups.css';

type Step =
  | { kind: 'list' }
  | { kind: 'confirm'; backup: BackupInfo }
  | { kind: 'restoring'; backup: BackupInfo };

/**
 * Backups… : the verified backups (newest first) with Restore (after a confirmation
 * that says the current state is backed up first) and, in the desktop app,
 * "Save whole library…".
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
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: ServiceError } | null>(null);
  const [saving, setSaving] = useState(false);

  // Each step replaces the buttons that had focus: move focus to the step's first action.
  useEffect(() => {
    if (!open) return;
    const dialog = document.getElementById(titleId)?.closest<HTMLElement>('[role="dialog"]');
    dialog?.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)')?.focus();
  }, [open, step.kind, titleId]);

  if (!open) return null;

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
      const saved = await saveLibraryArchive();
      if (saved) setMessage(t.backups.librarySaved(saved.path, saved.stories));
    } catch (caught) {
      setError({ title: t.backups.saveLibraryFailed, error: toServiceError(caught) });
    }
    setSaving(false);
  }

  const confirming = step.kind !== 'list' ? step.backup : null;

  return (
    <Dialog titleId={titleId} onClose={step.kind === 'restoring' ? () => undefined : step.kind === 'confirm' ? () => setStep({ kind: 'list' }) : dismiss} className="backups-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{confirming ? t.backups.confirmTitle : t.backups.title}</h2>
      </header>
      <div className="dialog-body">
        {confirming ? (
          <p className="backup-confirm">{t.backups.confirmBody(when(confirming))}</p>
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
      <footer className="dialog-footer">
        {confirming ? (
          <>
            <button type="button" className="button" onClick={() => setStep({ kind: 'list' })} disabled={step.kind === 'restoring'} data-autofocus>
              {t.backups.back}
            </button>
            <button type="button" className="button primary" onClick={() => void restore(confirming)} disabled={step.kind === 'restoring'}>
              {step.kind === 'restoring' ? t.backups.restoring : t.backups.confirmRestore}
            </button>
          </>
        ) : (
          <>
            {nativeDialogs && (
              <button type="button" className="button footer-start" onClick={() => void saveArchive()} disabled={saving} title={t.backups.saveLibraryHint}>
                {saving ? t.backups.savingLibrary : t.backups.saveLibrary}
              </button>
            )}
            <button type="button" className="button primary" onClick={dismiss} data-autofocus>
              {t.backups.close}
            </button>
          </>
        )}
      </footer>
    </Dialog>
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
