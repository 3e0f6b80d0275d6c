import type { TFunction } from 'i18next';
import type { LibraryNotice } from '../../../../shared/types';

/**
 * A library notice in the translator's language, from its code and parameters.
 * The switch is exhaustive over the core's notice codes, so a new code fails the
 * typecheck until it is worded here and in both dictionaries.
 */
export function noticeText(t: TFunction<'notices'>, notice: LibraryNotice): string {
  switch (notice.code) {
    case 'seeded':
      // Libraries seeded before notices were data kept only an English sentence.
      return typeof notice.stories === 'number' ? t('seeded', { stories: notice.stories, briefs: notice.briefs }) : t('seededUncounted');
    case 'recovered':
      return t('recovered', { when: new Date(notice.backupCreatedAt), keptAs: notice.keptAs });
    case 'read-only':
      return t('read-only', { keptAs: notice.keptAs });
    case 'content-damaged':
      return t('content-damaged', { segments: (notice.segments ?? []).join(', ') });
    case 'migrated':
      return t('migrated', { fromVersion: notice.fromVersion, keptAs: notice.keptAs });
    case 'meta-missing':
      return notice.backupCreatedAt ? t('meta-missing', { when: new Date(notice.backupCreatedAt) }) : t('meta-missing.readOnly');
    case 'oversized':
      return t('oversized', { what: notice.fields.map(({ field, count }) => t(`oversized.${field}`, { count })).join(', ') });
    case 'edits-damaged':
      return t('edits-damaged', { count: notice.lost, keptAs: notice.keptAs });
  }
}

/** A heading for the notices about damage and recovery; null for friendly ones. */
export function noticeHeading(t: TFunction<'notices'>, notice: LibraryNotice): string | null {
  return notice.code === 'seeded' ? null : t(`heading.${notice.code}`);
}
