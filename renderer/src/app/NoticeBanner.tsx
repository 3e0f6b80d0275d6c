import type { LibraryNotice } from '../../../shared/types';
import { useTranslator } from '../i18n/use-translator';
import { useApp, useT } from '../store';
import { noticeHeading, noticeText } from './notices/notice-text';

// A stable empty list: a fresh [] per render would make the store selector never settle.
const NO_NOTICES: LibraryNotice[] = [];
/** Notices about damage and recovery: shown in warning colours, not as a friendly hint. */
const WARNING_CODES = new Set(['recovered', 'read-only', 'content-damaged', 'meta-missing', 'oversized']);

/** Things the library wants the editor to know once (sample library imported, recovered from backup…). */
export function NoticeBanner() {
  const t = useT();
  const tn = useTranslator('notices');
  const tb = useTranslator('backups');
  const notices = useApp((s) => s.status?.notices ?? NO_NOTICES);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const dismissNotices = useApp((s) => s.dismissNotices);
  const openBackups = useApp((s) => s.openBackups);
  const damaged = useApp((s) => s.status?.damaged);
  if (notices.length === 0 && !readOnly && !damaged) return null;
  return (
    <div className="notices" role="region" aria-label={tn('label')}>
      {readOnly && <p className="notice notice-readonly">{t.app('readOnly')}</p>}
      {damaged && (
        // Not dismissable: it stays while the damage is there.
        <div className="notice notice-warning" data-code="damaged">
          <strong className="notice-heading">{tn('damagedHeading')}</strong>
          {tn('damaged', { count: damaged.stories })}
          <ul className="notice-list">
            {damaged.files.map((file) => (
              <li key={file.file}>{tn('damagedFile', { file: file.file, problem: tn(`problem.${file.problem}`) })}</li>
            ))}
          </ul>
        </div>
      )}
      {notices.length > 0 && (
        <div className={notices.some((notice) => WARNING_CODES.has(notice.code)) ? 'notice notice-warning' : 'notice'}>
          <ul className="notice-list">
            {notices.map((notice, index) => (
              <li key={`${notice.code}-${index}`} data-code={notice.code}>
                {noticeHeading(tn, notice) && <strong className="notice-heading">{noticeHeading(tn, notice)}</strong>}
                {noticeText(tn, notice)}
                {(notice.code === 'recovered' || (notice.code === 'meta-missing' && notice.backupCreatedAt)) && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={openBackups}>
                      {tb('open')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void dismissNotices()}>
            {tn('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
