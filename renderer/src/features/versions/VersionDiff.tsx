import { useId, type ReactNode } from 'react';
import type { DiffPart } from '../../../../shared/types';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';

/** The diff's runs split into paragraphs (the core separates blocks with a blank line). */
export function diffParagraphs(parts: readonly DiffPart[]): DiffPart[][] {
  const paragraphs: DiffPart[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split(/\n{2,}/);
    pieces.forEach((piece, index) => {
      if (index > 0) paragraphs.push([]);
      if (piece) paragraphs.at(-1)!.push({ op: part.op, text: piece });
    });
  }
  return paragraphs.filter((paragraph) => paragraph.some((part) => part.text.trim()));
}

/**
 * The word-level comparison of two versions: pick from and to; added words are <ins>
 * (underlined, "+"), removed ones <del> (struck through, "−"), each also named for screen
 * readers. The text is the agency's: rendered as text, never as markup.
 */
export function VersionDiff({ storyId }: { storyId: string }) {
  const t = useTranslator('versions');
  const headingId = useId();
  const versions = useApp((s) => (s.versionsOf === storyId ? s.versions : []));
  const diff = useApp((s) => (s.versionsOf === storyId ? s.versionDiff : null));
  const compareVersions = useApp((s) => s.compareVersions);
  if (!diff) return null;

  const picker = (label: string, value: number, onPick: (version: number) => void) => {
    const id = `${headingId}-${label}`;
    return (
      <span className="diff-pick">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value} onChange={(event) => onPick(Number(event.target.value))}>
          {versions.map((version) => (
            <option key={version.version} value={version.version}>
              {t('railVersion', { version: version.version })}
            </option>
          ))}
        </select>
      </span>
    );
  };

  const paragraphs = diffParagraphs(diff.parts);
  const changed = diff.parts.some((part) => part.op !== 'same');
  let body: ReactNode;
  if (diff.state === 'error') body = <p role="alert">{t('diffFailed')}</p>;
  else if (diff.state === 'ready' && !changed) body = <p className="muted">{t('diffSame')}</p>;
  else
    body = (
      <div className="diff-text" aria-busy={diff.state === 'loading'}>
        {paragraphs.map((paragraph, index) => {
          return (
            <p key={index} className={index === 0 ? 'diff-headline' : undefined}>
              {paragraph.map((part, k) =>
                part.op === 'same' ? (
                  <span key={k}>{part.text}</span>
                ) : part.op === 'added' ? (
                  <ins key={k}>
                    <span className="visually-hidden">{t('diffAdded')} </span>
                    <span className="diff-mark" aria-hidden="true">
                      +
                    </span>
                    {part.text}
                  </ins>
                ) : (
                  <del key={k}>
                    <span className="visually-hidden">{t('diffRemoved')} </span>
                    <span className="diff-mark" aria-hidden="true">
                      −
                    </span>
                    {part.text}
                  </del>
                ),
              )}
            </p>
          );
        })}
      </div>
    );

  return (
    <section className="version-diff" aria-labelledby={headingId}>
      <h3 id={headingId} className="version-diff-heading">
        {t('diffHeading')}
      </h3>
      <div className="diff-picks">
        {picker(t('diffFrom'), diff.from, (from) => void compareVersions(from, diff.to))}
        {picker(t('diffTo'), diff.to, (to) => void compareVersions(diff.from, to))}
      </div>
      <p className="field-hint">{t('diffLegend')}</p>
      {diff.state === 'loading' && (
        <p className="visually-hidden" role="status">
          {t('diffLoading')}
        </p>
      )}
      {body}
    </section>
  );
}
