import { useEffect, useId } from 'react';
import type { Story } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { formatWireInstant, railTimes } from './wire-format';

/** Loads the open wire story's versions, again whenever a new version of it arrives. */
export function useStoryVersions(story: Story): void {
  const loadVersions = useApp((s) => s.loadVersions);
  const latest = story.wire?.latestVersion;
  const count = story.wire?.versionCount;
  useEffect(() => {
    if (latest !== undefined) void loadVersions(story.id);
  }, [story.id, latest, count, loadVersions]);
}

/**
 * The version rail: v1 10:02, v2 10:40 "update", … (the editor's zone and language), the
 * version shown marked; choosing one opens it read-only, the newest goes back. Also the way
 * into the comparison.
 */
export function VersionRail({ story, language }: { story: Story; language: Language }) {
  const t = useTranslator('versions');
  const labelId = useId();
  const versions = useApp((s) => (s.versionsOf === story.id ? s.versions : null));
  const older = useApp((s) => (s.olderVersion?.id === story.id ? s.olderVersion : null));
  const diff = useApp((s) => (s.versionsOf === story.id ? s.versionDiff : null));
  const showVersion = useApp((s) => s.showVersion);
  const compareVersions = useApp((s) => s.compareVersions);
  const closeCompare = useApp((s) => s.closeCompare);
  if (!versions || versions.length < 2) return null;
  const times = railTimes(versions, language);
  const shown = older?.wire?.version ?? versions.at(-1)!.version;

  function openCompare() {
    const latest = versions!.at(-1)!.version;
    const index = versions!.findIndex((version) => version.version === shown);
    // From the version shown to the newest; from the one before the newest when the newest is shown.
    const from = shown === latest ? versions![Math.max(0, index - 1)]!.version : shown;
    void compareVersions(from, latest);
  }

  return (
    <nav className="version-rail" aria-labelledby={labelId}>
      <span id={labelId} className="version-rail-label">
        {t('railLabel')}
      </span>
      <ol>
        {versions.map((version, index) => {
          const current = version.version === shown;
          const when = version.versionCreated ? formatWireInstant(version.versionCreated, language) : '';
          return (
            <li key={version.version}>
              <button
                type="button"
                className={current ? 'version-chip is-current' : 'version-chip'}
                aria-current={current ? 'true' : undefined}
                title={t('railVersionName', { version: version.version, when })}
                onClick={() => void showVersion(version.version)}
              >
                <span className="version-chip-number">{t('railVersion', { version: version.version })}</span>
                {times[index] && <time dateTime={version.versionCreated ?? undefined}>{times[index]}</time>}
                {version.signals.map((signal) => (
                  <span key={signal} className={`version-chip-signal is-${signal}`}>
                    {t(`signal.${signal}`)}
                  </span>
                ))}
              </button>
            </li>
          );
        })}
      </ol>
      {diff ? (
        <button type="button" className="button small" onClick={closeCompare}>
          {t('closeCompare')}
        </button>
      ) : (
        <button type="button" className="button small" onClick={openCompare}>
          {t('compare')}
        </button>
      )}
    </nav>
  );
}

/** While an older version is open: which one, that it is read-only, and the way back. */
export function OlderVersionBar({ story, language }: { story: Story; language: Language }) {
  const t = useTranslator('versions');
  const showVersion = useApp((s) => s.showVersion);
  const error = useApp((s) => (s.versionsOf === story.id ? s.olderVersionError : null));
  const wire = story.wire;
  if (error) {
    return (
      <div className="older-version-bar is-error" role="alert">
        <p>{t('versionFailed')}</p>
        <button type="button" className="button small" onClick={() => void showVersion(null)}>
          {t('backToNewest')}
        </button>
      </div>
    );
  }
  if (!wire || wire.version === wire.latestVersion) return null;
  return (
    <div className="older-version-bar" role="status">
      <p>{t('olderVersionBar', { version: wire.version, count: wire.versionCount, when: wire.versionCreated ? formatWireInstant(wire.versionCreated, language) : '—' })}</p>
      <button type="button" className="button small primary" onClick={() => void showVersion(null)}>
        {t('backToNewest')}
      </button>
    </div>
  );
}
