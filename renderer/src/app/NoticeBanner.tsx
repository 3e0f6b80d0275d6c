import type { LibraryNotice } from '../../../shared/types';
import { useApp, useT } from '../store';

// A stable empty list: a fresh [] per render would make the store selector never settle.
const NO_NOTICES: LibraryNotice[] = [];
/** Notices about damage and recovery: shown in warning colours, not as a friendly hint. */
const WARNING_CODES = new Set(['recovered', 'read-only', 'content-damaged']);

/** Things the library wants the editor to know once (sample library imported, recovered from backup…). */
export function NoticeBanner() {
  const t = useT();
  const notices = useApp((s) => s.status?.notices ?? NO_NOTICES);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const dismissNotices = useApp((s) => s.dismissNotices);
  const openBackups = useApp((s) => s.openBackups);
  if (notices.length === 0 && !readOnly) return null;
  return (
    <div className="notices" role="region" aria-label={t.noticesLabel}>
      {readOnly && <p className="notice notice-readonly">{t.readOnly}</p>}
      {notices.length > 0 && (
        <div className={notices.some((notice) => WARNING_CODES.has(notice.code)) ? 'notice notice-warning' : 'notice'}>
          <ul className="notice-list">
            {notices.map((notice, index) => (
              <li key={`${notice.code}-${index}`} data-code={notice.code}>
                {t.backups.noticeHeading(notice.code) && <strong className="notice-heading">{t.backups.noticeHeading(notice.code)}</strong>}
                {t.backups.noticeText(notice) ?? t.noticeText(notice)}
                {notice.code === 'recovered' && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={openBackups}>
                      {t.backups.open}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void dismissNotices()}>
            {t.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
