import type { DossierDetail } from '../../../../shared/contract/dossiers';
import { introParagraphs } from './intro';
import { formatInstant } from '../../ui/format';
import type { Language } from '../../i18n';
import type { Translators } from '../../i18n/translate';
import { useApp, useT } from '../../store';
import { ErrorState } from '../../app/ErrorState';
import { DossierEntries } from './DossierEntries';
import './dossiers.css';
import { DossierQuotes } from '../quotes/DossierQuotes';
import { DossierHistory, DossierWireWarnings } from '../versions/DossierWire';
import { DossierChronology } from '../chronology/DossierChronology';

export const DOSSIER_VIEW_ID = 'dossier-view';

/** The main area while a dossier is open: its cover text, actions and ordered stories. */
export function DossierView() {
  const t = useT();
  const language = useApp((s) => s.language);
  const dossier = useApp((s) => s.dossier);
  const dossierState = useApp((s) => s.dossierState);
  const dossierError = useApp((s) => s.dossierError);
  const reloadDossier = useApp((s) => s.reloadDossier);

  let content;
  if (dossierState === 'error') {
    content = <ErrorState title={t.dossiers('loadFailed')} error={dossierError} onRetry={() => void reloadDossier()} />;
  } else if (dossier) {
    content = <DossierDocument detail={dossier} t={t} language={language} />;
  } else {
    content = (
      <p className="pane-message" role="status">
        {t.dossiers('loading')}
      </p>
    );
  }

  return (
    <section id={DOSSIER_VIEW_ID} className="dossier-view" aria-label={dossier ? t.dossiers('viewLabel', { title: dossier.dossier.title }) : t.dossiers('heading')} aria-busy={dossierState === 'loading'}>
      {content}
    </section>
  );
}

function DossierDocument({ detail, t, language }: { detail: DossierDetail; t: Translators; language: Language }) {
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const editError = useApp((s) => s.dossierEditError);
  const announcement = useApp((s) => s.dossierAnnouncement);
  const openDossierDialog = useApp((s) => s.openDossierDialog);
  const { dossier } = detail;
  const paragraphs = introParagraphs(dossier.intro);
  const live = detail.entries.length - detail.missingCount;

  return (
    <div className="dossier-document">
      <header className="dossier-header">
        <p className="dossier-kicker">{t.dossiers('kicker')}</p>
        <h2 className="dossier-title">{dossier.title}</h2>
        {dossier.subtitle && <p className="dossier-subtitle">{dossier.subtitle}</p>}
        <p className="dossier-meta">
          <span>{t.dossiers('storyCount', { count: live })}</span>
          {detail.missingCount > 0 && <span className="dossier-missing-count">{t.dossiers('missingCount', { count: detail.missingCount })}</span>}
          <span>{t.dossiers('updatedAt', { when: formatInstant(dossier.updatedAt, language) })}</span>
        </p>
        <div className="dossier-actions">
          <button type="button" className="button primary" onClick={() => openDossierDialog({ kind: 'export' })}>
            {t.dossiers('exportButton')}
          </button>
          <button type="button" className="button" onClick={() => openDossierDialog({ kind: 'add' })} disabled={readOnly}>
            {t.dossiers('addStories')}
          </button>
          <button type="button" className="button" onClick={() => openDossierDialog({ kind: 'edit' })} disabled={readOnly}>
            {t.dossiers('edit')}
          </button>
          <button type="button" className="button dossier-danger" onClick={() => openDossierDialog({ kind: 'delete' })} disabled={readOnly}>
            {t.dossiers('deleteButton')}
          </button>
        </div>
        {readOnly && <p className="dossier-readonly">{t.dossiers('readOnlyHint')}</p>}
      </header>

      {paragraphs.length > 0 && (
        <div className="dossier-intro">
          {paragraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      )}

      <DossierWireWarnings detail={detail} language={language} />

      {editError && <ErrorState title={t.dossiers('editFailed')} error={editError} compact />}

      <p className="dossier-announcement" role="status" aria-live="polite">
        {announcement}
      </p>

      {detail.entries.length === 0 ? (
        <div className="empty-state dossier-empty">
          <h3>{t.dossiers('emptyTitle')}</h3>
          <p>{t.dossiers('emptyHelp')}</p>
        </div>
      ) : (
        <DossierEntries detail={detail} readOnly={readOnly} />
      )}

      <DossierChronology detail={detail} />
      <DossierQuotes dossierId={detail.dossier.id} readOnly={readOnly} />

      <DossierHistory detail={detail} language={language} />
    </div>
  );
}
