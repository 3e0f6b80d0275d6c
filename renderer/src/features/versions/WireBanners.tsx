import type { Story } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { embargoedNow, formatWireInstant, isWithdrawn } from './wire-format';

/** Above the text: withdrawn (with the agency's note) and embargo until … (in the editor's zone). */
export function WireBanners({ story, language }: { story: Story; language: Language }) {
  const t = useTranslator('versions');
  const wire = story.wire;
  if (!wire) return null;
  const withdrawn = isWithdrawn(story);
  const embargo = embargoedNow(story);
  return (
    <>
      {withdrawn && (
        <div className="wire-banner is-withdrawn" role="note">
          <p className="wire-banner-title">
            <span aria-hidden="true">⚠ </span>
            {t('withdrawnBanner')}
          </p>
          {wire.edNote && <p>{t('withdrawnNote', { note: wire.edNote })}</p>}
        </div>
      )}
      {embargo && (
        <div className="wire-banner is-embargo" role="note">
          <p className="wire-banner-title">
            <span aria-hidden="true">⏱ </span>
            {t('embargoBanner', { until: formatWireInstant(wire.embargoedUntil!, language) })}
          </p>
          {!withdrawn && wire.edNote && <p>{t('agencyNote', { note: wire.edNote })}</p>}
        </div>
      )}
      {!withdrawn && !embargo && wire.edNote && <p className="wire-ednote">{t('agencyNote', { note: wire.edNote })}</p>}
    </>
  );
}
