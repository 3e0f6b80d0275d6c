import type { StorySummary } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { formatWireInstant, wireBadges } from './wire-format';
import './versions.css';

/** "withdrawn", "embargo until …", "corrected" / "updated": words, not only colours. */
export function WireBadges({ story, language, compact = false }: { story: Pick<StorySummary, 'wire'>; language: Language; compact?: boolean }) {
  const t = useTranslator('versions');
  const badges = wireBadges(story);
  if (badges.length === 0) return null;
  const Tag = compact ? 'span' : 'p';
  return (
    <Tag className={compact ? 'wire-badges is-compact' : 'wire-badges'} aria-label={compact ? undefined : t('badgesLabel')}>
      {badges.map((badge) => (
        <span key={badge.kind} className={`wire-badge is-${badge.kind}`}>
          {badge.kind === 'embargo' ? t('badge.embargo', { until: formatWireInstant(badge.until, language) }) : t(`badge.${badge.kind}`)}
        </span>
      ))}
    </Tag>
  );
}

/** The list row's mark: a dot and, for screen readers and in its title, "new since you last opened it". */
export function NewSinceOpenedMark({ story }: { story: Pick<StorySummary, 'updatedSinceOpened'> }) {
  const t = useTranslator('versions');
  if (!story.updatedSinceOpened) return null;
  return (
    <span className="row-new-mark" title={t('newSinceOpened')}>
      <span aria-hidden="true">●</span>
      <span className="visually-hidden">{t('newSinceOpened')}</span>
    </span>
  );
}
