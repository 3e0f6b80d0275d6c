import { useId, useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ServiceError } from '../../../../shared/contract/envelope';
import { ARCHIVE_UPLOAD_BYTES, BACKUP_INTERVAL_MINUTES, type ArchiveImportSummary, type BackupInfo } from '../../../../shared/contract/backups';
import { toServiceError } from '../../client';
import { downloadFile } from '../dossiers/download';
import { formatInstant } from '../../ui/format';
import { fromFile } from '../import/picked-file';
import { useTranslator } from '../../i18n/use-translator';
import { useApp, useT } from '../../store';
import { sizeText } from './size-text';
import { Dialog } from '../../ui/Dialog';
import '../dossiers/dossiers.css';
import './backups.css';
import { useErrorText } from '../../ui/errors/use-error-text';

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
/** The import confirmation, one paragraph each: what is added, how tags and the rest merge, the backup first. */
const IMPORT_CONFIRM = ['importConfirmAdded', 'importConfirmMerged', 'importConfirmBackup'] as const;

export function BackupsDialog() {
  const t = useT();
  const tb = useTranslator('backups');
  const errorText = useErrorText();
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
      setMessage(tb('restored', { when: when(backup) }));
    } catch (caught) {
      setError({ title: tb('restoreFailed'), error: toServiceError(caught) });
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
        if (saved) setMessage(tb('librarySaved', { path: saved.path, count: saved.stories }));
      } else {
        const file = await downloadLibraryArchive();
        downloadFile(file);
        setMessage(tb('libraryDownloaded', { fileName: file.fileName, count: file.stories }));
      }
    } catch (caught) {
      setError({ title: tb('saveLibraryFailed'), error: toServiceError(caught) });
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
      setError({ title: tb('importFailed'), error: toServiceError(caught) });
      setStep({ kind: 'import-confirm' });
    }
  }

  function onPicked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Reset so picking the same file again (after fixing it) still fires a change.
    event.target.value = '';
    if (!file) return;
    setError(null);
    void runImport({ kind: 'file', file: fromFile(file, file.name), tooLarge: tb('importTooLarge', { limitMb: ARCHIVE_UPLOAD_BYTES / (1024 * 1024) }) }, file.name);
  }

  const confirming = step.kind === 'confirm' || step.kind === 'restoring' ? step.backup : null;
  const inImport = step.kind === 'import-confirm' || step.kind === 'importing' || step.kind === 'imported';
  const back = () => {
    setError(null);
    setStep({ kind: 'list' });
  };
  // Escape steps back out of a confirmation; once an import is done it closes, like Close.
  const onEscape = step.kind === 'restoring' || importing ? () => undefined : step.kind === 'list' || step.kind === 'imported' ? dismiss : back;
  const title = confirming ? tb('confirmTitle') : step.kind === 'imported' ? tb('importDoneTitle') : inImport ? tb('importConfirmTitle') : tb('title');

  return (
    <Dialog titleId={titleId} onClose={onEscape} className="backups-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="dialog-body" aria-busy={importing}>
        {confirming ? (
          <p className="backup-confirm">{tb('confirmBody', { when: when(confirming) })}</p>
        ) : step.kind === 'import-confirm' ? (
          <div className="backup-confirm archive-confirm">
            {IMPORT_CONFIRM.map((key) => tb(key)).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        ) : step.kind === 'importing' ? (
          <p className="archive-progress" role="status">
            <progress aria-hidden="true" />
            {step.fileName ? tb('importingFile', { fileName: step.fileName }) : tb('importingFromDialog')}
          </p>
        ) : step.kind === 'imported' ? (
          <ImportSummary summary={step.summary} />
        ) : (
          <>
            <p className="field-hint backups-intro">{tb('intro', { minutes: BACKUP_INTERVAL_MINUTES })}</p>
            <p className="field-hint backups-retention">{tb('retention')}</p>
            {readOnly && <p className="backups-readonly">{tb('readOnlyNoRestore')}</p>}
            {backupsState === 'error' ? (
              <div className="dialog-error" role="alert">
                <p className="error-title">{tb('loadFailed')}</p>
                {backupsError && <p className="error-message">{errorText(backupsError)}</p>}
                <button type="button" className="button small" onClick={() => void loadBackups()}>
                  {t.library('retry')}
                </button>
              </div>
            ) : backupsState === 'loading' || backupsState === 'idle' ? (
              <p className="field-hint" role="status">
                {tb('loading')}
              </p>
            ) : backups.length === 0 ? (
              <p className="field-hint">{tb('none', { minutes: BACKUP_INTERVAL_MINUTES })}</p>
            ) : (
              <table className="backups-table">
                <caption className="visually-hidden">{tb('listLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tb('made')}</th>
                    <th scope="col" className="numeric">
                      {tb('size')}
                    </th>
                    <td />
                  </tr>
                </thead>
                <tbody>
                  {backups.map((backup, index) => (
                    <tr key={backup.name}>
                      <th scope="row">
                        <time dateTime={backup.createdAt}>{when(backup)}</time>
                        {index === 0 && <span className="backup-badge">{tb('newest')}</span>}
                      </th>
                      <td className="numeric">{sizeText(tb, backup.bytes)}</td>
                      <td className="backup-action">
                        <button type="button" className="button small" onClick={() => setStep({ kind: 'confirm', backup })} disabled={readOnly} aria-label={tb('restoreFor', { when: when(backup) })}>
                          {tb('restore')}
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
            <p className="error-message">{errorText(error.error)}</p>
          </div>
        )}
      </div>
      {/* Keyed by step: reusing one step's button for the next (white to primary blue) would
          fade its background through the colour transition, under text already white. */}
      <footer key={confirming ? 'restore' : step.kind === 'importing' ? 'import-confirm' : step.kind} className="dialog-footer">
        {confirming ? (
          <>
            <button type="button" className="button" onClick={() => setStep({ kind: 'list' })} disabled={step.kind === 'restoring'} data-autofocus>
              {tb('back')}
            </button>
            <button type="button" className="button primary" onClick={() => void restore(confirming)} disabled={step.kind === 'restoring'}>
              {step.kind === 'restoring' ? tb('restoring') : tb('confirmRestore')}
            </button>
          </>
        ) : step.kind === 'import-confirm' || step.kind === 'importing' ? (
          <>
            <button type="button" className="button" onClick={back} disabled={importing} data-autofocus>
              {tb('back')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={importing}
              onClick={() => (nativeDialogs ? void runImport({ kind: 'dialog' }, null) : fileInput.current?.click())}
            >
              {nativeDialogs ? tb('importChooseAndImport') : tb('importChooseFile')}
            </button>
          </>
        ) : step.kind === 'imported' ? (
          <>
            <button type="button" className="button footer-start" onClick={back}>
              {tb('backToBackups')}
            </button>
            <button type="button" className="button primary" onClick={dismiss} data-autofocus>
              {tb('close')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button footer-start" onClick={() => void saveArchive()} disabled={saving} title={tb('saveLibraryHint')}>
              {saving ? (nativeDialogs ? tb('savingLibrary') : tb('downloadingLibrary')) : nativeDialogs ? tb('saveLibrary') : tb('downloadLibrary')}
            </button>
            <button type="button" className="button" onClick={startImport} disabled={readOnly} title={tb('importArchiveHint')}>
              {tb('importArchive')}
            </button>
            <button type="button" className="button primary" onClick={dismiss} data-autofocus>
              {tb('close')}
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
            aria-label={tb('importFileLabel')}
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
  const tb = useTranslator('backups');
  const rows: [string, string][] = [
    [
      tb('summaryStories'),
      summary.versionsAdded
        ? tb('summaryStoriesVersionsValue', { added: summary.storiesAdded, present: summary.storiesAlreadyPresent, versions: summary.versionsAdded, count: summary.versionsAdded })
        : tb('summaryStoriesValue', { added: summary.storiesAdded, present: summary.storiesAlreadyPresent }),
    ],
    [tb('summaryTags'), tb('summaryTagsValue', { added: summary.tagsAdded, matched: summary.tagsMatched })],
    [tb('summaryLinks'), tb('summaryAdded', { added: summary.linksAdded })],
    [tb('summaryDossiers'), tb('summaryAdded', { added: summary.dossiersAdded })],
    [tb('summarySearches'), tb('summaryAdded', { added: summary.searchesAdded })],
    ...(summary.mode === 'merged'
      ? [[tb('summaryConflicts'), summary.conflictsKept === 0 ? tb('summaryConflictsNone') : tb('summaryConflictsKept', { count: summary.conflictsKept })] as [string, string]]
      : []),
  ];
  return (
    <div className="archive-summary" role="status">
      {summary.mode === 'restored' && <p>{tb('importRestored')}</p>}
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {summary.notTaken.length > 0 && (
        <section className="archive-not-taken" aria-labelledby="archive-not-taken-heading">
          <h3 id="archive-not-taken-heading">{tb('summaryNotTaken')}</h3>
          <ul>
            {summary.notTaken.map((item) => (
              <li key={`${item.field}-${item.action}`}>
                {tb(item.action === 'dropped' ? 'notTakenDropped' : 'notTakenRepaired', { what: tb(`notTaken.${item.field}`, { count: item.count }) })}
              </li>
            ))}
          </ul>
          <p className="field-hint">{tb('summaryNotTakenHint')}</p>
        </section>
      )}
      {summary.mode === 'merged' && <p className="field-hint">{tb('importBackedUp')}</p>}
    </div>
  );
}

/** The sidebar footer's way in. */
export function BackupsButton() {
  const tb = useTranslator('backups');
  const openBackups = useApp((s) => s.openBackups);
  return (
    <button type="button" className="sidebar-footer-button" onClick={openBackups}>
      {tb('open')}
    </button>
  );
}
