import { useEffect } from 'react';
import { localeOf } from '../../i18n';
import { useApp, useT } from '../../store';
import './dossiers.css';
import { useErrorText } from '../../ui/errors/use-error-text';
import { EmptyNote } from '../../ui/EmptyNote';

/** The sidebar's dossier list: one button per dossier (opens it in the main area) and "New dossier…". */
export function DossierSidebarSection() {
  const t = useT();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const dossiers = useApp((s) => s.dossiers);
  const dossiersState = useApp((s) => s.dossiersState);
  const dossiersError = useApp((s) => s.dossiersError);
  const view = useApp((s) => s.view);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const loadDossiers = useApp((s) => s.loadDossiers);
  const openDossier = useApp((s) => s.openDossier);
  const openDossierDialog = useApp((s) => s.openDossierDialog);

  useEffect(() => {
    void loadDossiers();
  }, [loadDossiers]);

  const openId = view.kind === 'dossier' ? view.id : null;

  return (
    <section className="sidebar-section dossier-section" aria-labelledby="sidebar-dossiers">
      <div className="sidebar-section-head">
        <h2 className="sidebar-heading" id="sidebar-dossiers">
          {t.dossiers('heading')}
        </h2>
      </div>
      {dossiersState === 'error' ? (
        <div className="sidebar-error" role="alert">
          <p>{t.dossiers('listFailed')}</p>
          {dossiersError && <p className="sidebar-error-detail">{errorText(dossiersError)}</p>}
          <button type="button" className="link-button" onClick={() => void loadDossiers()}>
            {t.library('retry')}
          </button>
        </div>
      ) : dossiers.length > 0 ? (
        <ul className="view-list dossier-list" aria-labelledby="sidebar-dossiers">
          {dossiers.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="view-button"
                aria-current={item.id === openId ? 'true' : undefined}
                title={item.subtitle ? `${item.title} — ${item.subtitle}` : item.title}
                onClick={() => void openDossier(item.id)}
              >
                <span className="dossier-icon" aria-hidden="true" />
                <span className="view-label">{item.title}</span>
                {/* The bare number is for the eye; screen readers hear "3 stories" (and any missing ones). */}
                <span className="view-count" aria-hidden="true">
                  {item.entryCount.toLocaleString(localeOf(language))}
                </span>
                <span className="visually-hidden">{(item.missingCount ? t.dossiers('sidebarItemCountMissing', { count: item.entryCount, missing: item.missingCount }) : t.dossiers('sidebarItemCount', { count: item.entryCount }))}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyNote className="sidebar-empty" pending={dossiersState !== 'ready'}>
          {t.dossiers('none')}
        </EmptyNote>
      )}
      <button type="button" className="sidebar-add" onClick={() => openDossierDialog({ kind: 'create' })} disabled={readOnly} title={readOnly ? t.app('readOnly') : undefined}>
        <span aria-hidden="true">+</span> {t.dossiers('newDossier')}
      </button>
    </section>
  );
}
