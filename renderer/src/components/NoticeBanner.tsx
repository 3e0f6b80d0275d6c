import type { LibraryNotice } from '../../../shared/types';
import { useApp, useT } from '../store';

// A stable empty list: a fresh [] per render would make the store selector never settle.
const NO_NOTICES: LibraryNotice[] = [];

/** Things the library wants the editor to know once (sample library imported, recovered from backup…). */
export function NoticeBanner() {
  const t = useT();
  const notices = useApp((s) => s.status?.notices ?? NO_NOTICES);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const dismissNotices = useApp((s) => s.dismissNotices);
  if (notices.length === 0 && !readOnly) return null;
  return (
    <div className="notices" role="region" aria-label={t.noticesLabel}>
      {readOnly && <p className="notice notice-readonly">{t.readOnly}</p>}
      {notices.length > 0 && (
        <div className="notice">
          <ul className="notice-list">
            {notices.map((notice, index) => (
              <li key={`${notice.code}-${index}`} data-code={notice.code}>
                {t.noticeText(notice)}
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
