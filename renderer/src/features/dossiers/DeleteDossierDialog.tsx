import { useId, useState } from 'react';
import type { ServiceError } from '../../../../shared/contract/envelope';
import { toServiceError } from '../../client';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';

/** Asks before deleting the open dossier (the stories stay; Ctrl+Z brings the dossier back). */
export function DeleteDossierDialog() {
  const t = useT();
  const errorText = useErrorText();
  const titleId = useId();
  const detail = useApp((s) => s.dossier);
  const close = useApp((s) => s.closeDossierDialog);
  const deleteDossier = useApp((s) => s.deleteDossier);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ServiceError | null>(null);
  if (!detail) return null;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteDossier();
    } catch (caught) {
      setError(toServiceError(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog titleId={titleId} onClose={close} className="dossier-dialog confirm-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{t.dossiers('deleteTitle')}</h2>
      </header>
      <div className="dialog-body">
        <p>{t.dossiers('deleteBody', { title: detail.dossier.title, count: detail.entries.length })}</p>
        {error && (
          <div className="dialog-error" role="alert">
            <p className="error-title">{t.dossiers('editFailed')}</p>
            <p className="error-message">{errorText(error)}</p>
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close} data-autofocus>
          {t.dossiers('cancel')}
        </button>
        <button type="button" className="button dossier-danger-solid" onClick={() => void confirm()} disabled={busy}>
          {busy ? t.dossiers('deleting') : t.dossiers('deleteConfirm')}
        </button>
      </footer>
    </Dialog>
  );
}
