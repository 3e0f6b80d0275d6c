import type { Story } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { formatWireInstant } from './wire-format';

/** In the inspector: who holds the rights, on what terms, and the agency's sources. */
export function WireRights({ story, language }: { story: Story; language: Language }) {
  const t = useTranslator('versions');
  const wire = story.wire;
  if (!wire) return null;
  const { rights } = wire;
  const anyRights = rights.copyrightHolder || rights.copyrightNotice || rights.usageTerms || rights.linkedRights;
  return (
    <section className="wire-rights" aria-labelledby="wire-rights-heading">
      <h3 id="wire-rights-heading" className="panel-heading">
        {t('rightsHeading')}
      </h3>
      {!anyRights && <p className="muted">{t('noRights')}</p>}
      <dl>
        {rights.copyrightHolder && (
          <>
            <dt>{t('copyrightHolder')}</dt>
            <dd>{rights.copyrightHolder}</dd>
          </>
        )}
        {rights.copyrightNotice && (
          <>
            <dt>{t('copyrightNotice')}</dt>
            <dd>{rights.copyrightNotice}</dd>
          </>
        )}
        {rights.usageTerms && (
          <>
            <dt>{t('usageTerms')}</dt>
            <dd>{rights.usageTerms}</dd>
          </>
        )}
        {rights.linkedRights && (
          <>
            <dt>{t('linkedRights')}</dt>
            {/* Shown as text, never a live link: it is the agency's, untrusted. */}
            <dd className="wire-linked-rights">{rights.linkedRights}</dd>
          </>
        )}
        {wire.infoSources.length > 0 && (
          <>
            <dt>{t('infoSources')}</dt>
            <dd>{wire.infoSources.map((source) => (source.role ? `${source.name} (${source.role})` : source.name)).join(', ')}</dd>
          </>
        )}
        {wire.firstCreated && (
          <>
            <dt>{t('firstCreated')}</dt>
            <dd>
              <time dateTime={wire.firstCreated}>{formatWireInstant(wire.firstCreated, language)}</time>
            </dd>
          </>
        )}
        {wire.versionCreated && (
          <>
            <dt>{t('versionCreated')}</dt>
            <dd>
              <time dateTime={wire.versionCreated}>{formatWireInstant(wire.versionCreated, language)}</time>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
