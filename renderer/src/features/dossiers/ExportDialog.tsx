import { useEffect, useId, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportLocale, type ExportProgress } from '../../../../shared/contract/dossiers';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { ExportFormat } from '../../../../shared/types';
import { toServiceError } from '../../client';
import { downloadFile } from './download';
import { useApp, useT } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';
import { dossierWireStories, ExportWireChoices, type WithdrawnChoice } from '../versions/DossierWire';
import type { ExportChoices } from './dossiers-types';

const LOCALES: readonly ExportLocale[] = ['nl', 'en'];

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'downloaded'; fileName: string; skippedMissing: number }
  | { kind: 'saved'; fileName: string; path: string; skippedMissing: number }
  | { kind: 'failed'; format: ExportFormat; error: ServiceError };

/**
 * Export… : format and document language, then a download (browser host) or the
 * native save dialog (desktop app, with Open / Show in folder after). PDF printing
 * takes seconds for a big dossier, so the dialog shows that it is working.
 */
export function ExportDialog() {
  const t = useT();
  const errorText = useErrorText();
  const titleId = useId();
  const language = useApp((s) => s.language);
  const detail = useApp((s) => s.dossier);
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const close = useApp((s) => s.closeDossierDialog);
  const exportDossier = useApp((s) => s.exportDossier);
  const exportDossierToFile = useApp((s) => s.exportDossierToFile);
  const revealExport = useApp((s) => s.revealExport);
  const openExport = useApp((s) => s.openExport);
  const pdfExportProgress = useApp((s) => s.pdfExportProgress);
  const cancelPdfExport = useApp((s) => s.cancelPdfExport);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [locale, setLocale] = useState<ExportLocale>(language);
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const [shellError, setShellError] = useState<ServiceError | null>(null);
  const [withdrawnChoice, setWithdrawnChoice] = useState<WithdrawnChoice>(null);
  const [overrideEmbargo, setOverrideEmbargo] = useState(false);
  const [missingChoice, setMissingChoice] = useState(false);
  // An export still running when the dialog closes must not set state on an unmounted dialog.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // While a PDF prints: its pass, pages and time, asked for once a second.
  const [pdfProgress, setPdfProgress] = useState<ExportProgress | null>(null);
  const printing = phase.kind === 'busy' && phase.format === 'pdf';
  useEffect(() => {
    if (!printing) return;
    let stopped = false;
    const ask = async () => {
      const progress = await pdfExportProgress().catch(() => null);
      if (!stopped) setPdfProgress(progress);
    };
    const first = setTimeout(() => void ask(), 0);
    const timer = setInterval(() => void ask(), 1_000);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [printing, pdfExportProgress]);

  if (!detail) return null;
  const busy = phase.kind === 'busy';

  async function run(extra: ExportChoices = {}) {
    if (busy || !detail) return;
    // A dossier with withdrawn stories is exported only once the editor said what to do with them.
    const hasWithdrawn = dossierWireStories(detail).withdrawn.length > 0;
    if (hasWithdrawn && !withdrawnChoice) {
      setMissingChoice(true);
      return;
    }
    const choices: ExportChoices = {
      ...(hasWithdrawn && withdrawnChoice ? { withdrawn: withdrawnChoice } : {}),
      ...(overrideEmbargo ? { overrideEmbargo: true } : {}),
      ...extra,
    };
    setPhase({ kind: 'busy', format });
    setShellError(null);
    setPdfProgress(null);
    try {
      if (nativeDialogs) {
        const saved = await exportDossierToFile(format, locale, choices);
        if (!mounted.current) return;
        // Null: the editor cancelled the save dialog.
        setPhase(saved ? { kind: 'saved', fileName: saved.fileName, path: saved.path, skippedMissing: saved.skippedMissing } : { kind: 'idle' });
      } else {
        const file = await exportDossier(format, locale, choices);
        downloadFile(file);
        if (!mounted.current) return;
        setPhase({ kind: 'downloaded', fileName: file.fileName, skippedMissing: file.skippedMissing });
      }
    } catch (error) {
      if (mounted.current) setPhase({ kind: 'failed', format, error: toServiceError(error) });
    }
  }

  async function shell(action: (path: string) => Promise<void>, path: string) {
    setShellError(null);
    try {
      await action(path);
    } catch (error) {
      setShellError(toServiceError(error));
    }
  }

  return (
    <Dialog titleId={titleId} onClose={close} className="dossier-dialog export-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{t.dossiers('exportTitle', { title: detail.dossier.title })}</h2>
      </header>
      <div className="dialog-body">
        <fieldset className="form-fieldset" disabled={busy}>
          <legend>{t.dossiers('formatLegend')}</legend>
          {EXPORT_FORMATS.map((value) => (
            <label key={value} className="radio-option with-hint">
              <input
                type="radio"
                name={`${titleId}-format`}
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
                // Named by the format alone; the hint is its description (the label wraps both for a big click target).
                aria-labelledby={`${titleId}-name-${value}`}
                aria-describedby={`${titleId}-hint-${value}`}
                data-autofocus={format === value ? true : undefined}
              />
              <span className="radio-text">
                <span id={`${titleId}-name-${value}`} className="radio-name">
                  {t.dossiers(`formatName.${value}`)}
                </span>
                <span id={`${titleId}-hint-${value}`} className="field-hint">
                  {t.dossiers(`formatHint.${value}`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="form-fieldset inline" disabled={busy}>
          <legend>{t.dossiers('languageLegend')}</legend>
          {LOCALES.map((value) => (
            <label key={value} className="radio-option">
              <input type="radio" name={`${titleId}-locale`} value={value} checked={locale === value} onChange={() => setLocale(value)} />
              <span>{t.dossiers(`languageName.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <ExportWireChoices
          detail={detail}
          language={language}
          withdrawnChoice={withdrawnChoice}
          onWithdrawnChoice={(choice) => {
            setWithdrawnChoice(choice);
            setMissingChoice(false);
          }}
          overrideEmbargo={overrideEmbargo}
          onOverrideEmbargo={setOverrideEmbargo}
          missingChoice={missingChoice}
          disabled={busy}
        />
        {detail.entries.length === 0 && <p className="field-hint">{t.dossiers('emptyExport')}</p>}
        <ExportOutcome phase={phase} nativeDialogs={nativeDialogs} onOpen={(path) => void shell(openExport, path)} onReveal={(path) => void shell(revealExport, path)} />
        {printing && <PdfProgressLine progress={pdfProgress} onCancel={() => void cancelPdfExport().catch(() => undefined)} />}
        {phase.kind === 'failed' && phase.error.reason?.code === 'export.incomplete' && (
          // An incomplete export only as the editor's explicit choice, never by default.
          <p className="export-done-actions">
            <button type="button" className="button" onClick={() => void run({ allowIncomplete: true })}>
              {t.dossiers('exportWithoutDamaged', { count: phase.error.reason.count })}
            </button>
          </p>
        )}
        {shellError && (
          <p className="field-error" role="alert">
            {errorText(shellError)}
          </p>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close}>
          {t.import('close')}
        </button>
        {/* aria-disabled, not disabled, while busy: a disabled button would drop focus out of the dialog (and Escape with it). */}
        <button type="button" className="button primary" onClick={() => void run()} aria-disabled={busy || undefined}>
          {phase.kind === 'downloaded' || phase.kind === 'saved' ? t.dossiers('exportAgain') : nativeDialogs ? t.dossiers('exportSave') : t.dossiers('exportDownload')}
        </button>
      </footer>
    </Dialog>
  );
}

/** A PDF print under way: pass, pages, time against the limit, and Cancel. */
function PdfProgressLine({ progress, onCancel }: { progress: ExportProgress | null; onCancel(): void }) {
  const t = useT();
  const minutes = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1_000)).padStart(2, '0')}`;
  return (
    <div className="export-pdf-progress">
      {progress && progress.pass > 0 && (
        <p className="field-hint">
          {progress.pages === null
            ? t.dossiers('pdfPass', { pass: progress.pass, elapsed: minutes(progress.elapsedMs), limit: Math.round(progress.limitMs / 60_000) })
            : t.dossiers('pdfPassPages', { pass: progress.pass, pages: progress.pages, elapsed: minutes(progress.elapsedMs), limit: Math.round(progress.limitMs / 60_000) })}
        </p>
      )}
      <button type="button" className="button" onClick={onCancel}>
        {t.dossiers('cancelExport')}
      </button>
    </div>
  );
}

/** What the last export did: working on it, where the file went, or why it failed. */
function ExportOutcome({ phase, nativeDialogs, onOpen, onReveal }: { phase: ExportPhase; nativeDialogs: boolean; onOpen(path: string): void; onReveal(path: string): void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <>
      {/* Always in the DOM, so screen readers hear each change of the live region. */}
      <div className={`export-outcome is-${phase.kind}`} role="status" aria-live="polite">
        {phase.kind === 'busy' && (
          <div className="export-busy">
            <span className="spinner" aria-hidden="true" />
            <div>
              <p className="export-busy-title">{t.dossiers(`progress.${phase.format}`)}</p>
              <p className="field-hint">{t.dossiers('progressHint')}</p>
            </div>
          </div>
        )}
        {phase.kind === 'downloaded' && (
          <div className="export-done">
            <p className="export-done-title">{t.dossiers('downloaded', { fileName: phase.fileName })}</p>
            <p className="field-hint">{t.dossiers('downloadedHint')}</p>
            {phase.skippedMissing > 0 && <p className="field-hint">{t.dossiers('skippedMissing', { count: phase.skippedMissing })}</p>}
          </div>
        )}
        {phase.kind === 'saved' && (
          <div className="export-done">
            <p className="export-done-title">{t.dossiers('saved', { fileName: phase.fileName })}</p>
            <p className="export-path">{phase.path}</p>
            {phase.skippedMissing > 0 && <p className="field-hint">{t.dossiers('skippedMissing', { count: phase.skippedMissing })}</p>}
          </div>
        )}
      </div>
      {phase.kind === 'saved' && nativeDialogs && (
        <p className="export-done-actions">
          <button type="button" className="button" onClick={() => onOpen(phase.path)}>
            {t.dossiers('openFile')}
          </button>
          <button type="button" className="button" onClick={() => onReveal(phase.path)}>
            {t.dossiers('showInFolder')}
          </button>
        </p>
      )}
      {phase.kind === 'failed' && (
        <div className="dialog-error" role="alert">
          <p className="error-title">{t.dossiers('exportFailed')}</p>
          <p className="error-message">{errorText(phase.error)}</p>
          {phase.format === 'pdf' && phase.error.code === 'unsupported' && <p className="error-message">{t.dossiers('noChromium')}</p>}
        </div>
      )}
    </>
  );
}
