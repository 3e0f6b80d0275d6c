import type { ImportFileResult, ImportStatus } from '../../../../shared/types';
import { localeOf } from '../../i18n';
import type { Translators } from '../../i18n/translate';
import { rejectText } from './reject-text';
import { isWireReason } from '../../../../shared/messages';
import { outcomeText, wireReasonText } from '../versions/wire-reasons';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';

function statusLabel(t: Translators, status: ImportStatus): string {
  return status === 'imported' ? t.import('statusImported') : status === 'duplicate' ? t.import('statusDuplicate') : t.import('statusRejected');
}

/** Per-file results of the last import (or why it failed), with totals. */
export function ImportResults() {
  const t = useT();
  const errorText = useErrorText();
  const report = useApp((s) => s.importReport);
  const error = useApp((s) => s.importError);
  const close = useApp((s) => s.closeImportResults);
  const openStory = useApp((s) => s.openStory);
  const language = useApp((s) => s.language);
  if (!report && !error) return null;

  function open(id: string) {
    close();
    void openStory(id);
  }

  const counts = report
    ? (['imported', 'duplicate', 'rejected'] as const).map((status) => ({ status, count: report.files.filter((file) => file.status === status).length })).filter((entry) => entry.count > 0)
    : [];

  // The summary stays in view in the header; the per-file details scroll in the body (a 300-file import fits the window).
  return (
    <Dialog titleId="import-results-title" onClose={close} className="import-dialog">
      <header className="dialog-header">
        <h2 id="import-results-title">{report ? t.import('importResultsTitle') : t.import('importFailed')}</h2>
        {report && (
          <>
            <p className="import-totals">{t.import('importTotals', { files: t.import('fileCount', { count: report.totals.files }), imported: report.totals.imported, duplicates: t.import('duplicateCount', { count: report.totals.duplicate }), rejected: report.totals.rejected })}</p>
            {(report.totals.briefsImported > 0 || report.totals.briefsDuplicate > 0) && (
              <p className="import-totals">{t.import('importBriefTotals', { imported: report.totals.briefsImported, duplicate: report.totals.briefsDuplicate })}</p>
            )}
            {counts.length > 1 && (
              <p className="import-summary">
                {counts.map(({ status, count }) => (
                  <span key={status} className={`status-${status}`}>
                    <span className="status-badge">
                      {statusLabel(t, status)}: {count.toLocaleString(localeOf(language))}
                    </span>
                  </span>
                ))}
              </p>
            )}
          </>
        )}
      </header>
      <div className="dialog-body">
        {error && (
          <p className="error-message" role="alert">
            {errorText(error)}
          </p>
        )}
        {report && (
          <ul className="import-files" aria-label={t.import('importResultsTitle')}>
            {report.files.map((file, index) => (
              <ImportFileRow key={`${index}-${file.fileName}`} file={file} t={t} onOpen={open} />
            ))}
          </ul>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button primary" onClick={close} data-autofocus>
          {t.import('close')}
        </button>
      </footer>
    </Dialog>
  );
}

function ImportFileRow({ file, t, onOpen }: { file: ImportFileResult; t: Translators; onOpen(id: string): void }) {
  // A duplicate's reason names what it duplicates: the service's words are the useful ones there.
  const reason = file.status === 'rejected' ? (isWireReason(file.code) ? wireReasonText(t.versions, file.code, file.reason) : rejectText(t.import, file.code, file.reason)) : file.reason;
  // An agency file: say which items were new versions (or duplicates) of stories already stored.
  const versionLines = (file.versions ?? []).filter((entry) => entry.outcome !== 'story').map((entry) => outcomeText(t.versions, entry));
  const briefs = file.briefs.imported + file.briefs.duplicate > 0 ? (file.briefs.duplicate ? t.import('fileBriefsDuplicate', { count: file.briefs.imported, duplicate: file.briefs.duplicate }) : t.import('fileBriefs', { count: file.briefs.imported })) : null;
  return (
    <li className={`import-file status-${file.status}`}>
      <span className="status-badge">{statusLabel(t, file.status)}</span>
      <div className="import-file-main">
        <p className="import-file-name">{file.fileName}</p>
        {file.headline && <p className="import-file-headline">{file.headline}</p>}
        {reason && <p className={file.status === 'rejected' ? 'import-file-reason is-error' : 'import-file-reason'}>{reason}</p>}
        {briefs && <p className="import-file-briefs">{briefs}</p>}
        {versionLines.map((line, index) => (
          <p key={index} className="import-file-briefs">
            {line}
          </p>
        ))}
        {file.warnings.length > 0 && (
          <ul className="import-file-warnings">
            {file.warnings.map((warning, index) => (
              <li key={index}>{isWireReason(warning) ? wireReasonText(t.versions, warning, undefined) : warning}</li>
            ))}
          </ul>
        )}
      </div>
      {file.articleId && file.status !== 'rejected' && (
        <button type="button" className="button small" onClick={() => onOpen(file.articleId!)} aria-label={`${t.import('openStory')}: ${file.headline ?? file.fileName}`}>
          {t.import('openStory')}
        </button>
      )}
    </li>
  );
}
