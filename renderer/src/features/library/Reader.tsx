import type { Story } from '../../../../shared/types';
import { DeleteStoryButton } from '../trash/DeleteButtons';
import { useMemo } from 'react';
import { formatDateline, formatDay, formatInstant, shortSha } from '../../ui/format';
import type { Language } from '../../i18n';
import type { Translators } from '../../i18n/translate';
import { compileHighlight, type HighlightMatcher } from '../search/highlight-ranges';
import { useApp, useT } from '../../store';
import { ErrorState } from '../../app/ErrorState';
import { Highlight } from '../search/Highlight';
import { StoryBody } from './StoryBody';
import { StoryConnections } from '../links/StoryConnections';
import { StoryMetaPanel } from './StoryMetaPanel';
import { TagChip } from '../tags/TagChip';
import { useTranslator } from '../../i18n/use-translator';
import { UpdateProposalBar } from '../versions/UpdateProposal';
import { ListToggle } from '../../app/layout/PaneControls';
import { LIST_PANE_ID } from './ListPane';
import { WireBadges } from '../versions/WireBadges';
import { WireBanners } from '../versions/WireBanners';
import { WireRights } from '../versions/WireRights';
import { OlderVersionBar, useStoryVersions, VersionRail } from '../versions/VersionRail';
import { VersionDiff } from '../versions/VersionDiff';

export const INSPECTOR_ID = 'story-inspector';

export const READER_ID = 'reader';

/** The right pane: the open story, or what to do to open one. */
export function Reader() {
  const t = useT();
  const language = useApp((s) => s.language);
  const story = useApp((s) => s.story);
  const storyState = useApp((s) => s.storyState);
  const storyError = useApp((s) => s.storyError);
  const briefPage = useApp((s) => s.briefPage);
  const reloadStory = useApp((s) => s.reloadStory);
  const openStory = useApp((s) => s.openStory);
  // The list's search matches are marked in the story too.
  const highlight = useApp((s) => s.highlight);
  const matcher = useMemo(() => compileHighlight(highlight), [highlight]);
  const td = useTranslator('desk');
  const setNarrowPane = useApp((s) => s.setNarrowPane);

  let content;
  if (storyState === 'error') {
    content = <ErrorState title={t.library('storyErrorTitle')} error={storyError} onRetry={() => void reloadStory()} />;
  } else if (story) {
    content = <StoryView story={story} t={t} language={language} matcher={matcher} briefPage={briefPage} onOpenPage={(id) => void openStory(id)} />;
  } else if (storyState === 'loading') {
    content = (
      <p className="pane-message" role="status">
        {t.library('loadingStory')}
      </p>
    );
  } else {
    content = (
      <div className="empty-state reader-empty">
        <h2>{t.library('noSelectionTitle')}</h2>
        <p>{t.library('noSelectionHelp')}</p>
      </div>
    );
  }

  // Focusable so keyboard users can scroll a long story (and the skip link can land here).
  return (
    <section id={READER_ID} className="reader" aria-label={t.library('readerLabel')} tabIndex={0} aria-busy={storyState === 'loading'}>
      {/* Narrow windows only (the stylesheet hides it elsewhere): the list slid away behind the reader. */}
      <div className="reader-back">
        <button type="button" className="button small" onClick={() => setNarrowPane('list')}>
          <span aria-hidden="true">← </span>
          {td('backToList')}
        </button>
      </div>
      {content}
    </section>
  );
}

interface StoryViewProps {
  story: Story;
  t: Translators;
  language: Language;
  matcher: HighlightMatcher | null;
  briefPage: { id: string; headline: string } | null;
  onOpenPage(id: string): void;
}

function StoryView({ story: newest, t, language, matcher, briefPage, onOpenPage }: StoryViewProps) {
  const td = useTranslator('desk');
  // A wire story: the version rail, and an older version the editor opened (read-only) in place of the newest.
  useStoryVersions(newest);
  const older = useApp((s) => (s.olderVersion?.id === newest.id ? s.olderVersion : null));
  const comparing = useApp((s) => s.versionsOf === newest.id && s.versionDiff !== null);
  const story = older ?? newest;
  const inspectorOpen = useApp((s) => s.inspectorOpen);
  const toggleInspector = useApp((s) => s.toggleInspector);
  const tags = useApp((s) => s.tags);
  const storyTags = useMemo(() => {
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    return story.tagIds.map((id) => byId.get(id)).filter((tag) => tag !== undefined);
  }, [tags, story.tagIds]);
  const tdates = useTranslator('dates');
  const dateline = formatDateline(story.dateline);
  return (
    <div className={inspectorOpen ? 'story-layout has-inspector' : 'story-layout'}>
      <article className="story" aria-labelledby="story-headline">
        <header className="story-header">
          <div className="story-header-top">
            {(story.section || story.kind === 'brief') && (
              <p className="story-kicker">{[story.kind === 'brief' ? t.library('kindBrief') : null, story.section].filter(Boolean).join(' · ')}</p>
            )}
            <ListToggle controls={LIST_PANE_ID} />
            <button
              type="button"
              className="button small inspector-toggle"
              aria-expanded={inspectorOpen}
              aria-controls={INSPECTOR_ID}
              aria-keyshortcuts="i"
              title={`${inspectorOpen ? td('inspectorHide') : td('inspectorShow')} (i)`}
              onClick={toggleInspector}
            >
              {inspectorOpen ? td('inspectorHide') : td('inspectorShow')}
            </button>
          </div>
          <h2 id="story-headline" className={story.kind === 'brief' ? 'story-headline is-brief' : 'story-headline'}>
            <Highlight text={story.headline} matcher={matcher} />
          </h2>
          <p className="story-meta">
            {dateline && <span className="story-dateline">{dateline}</span>}
            <span className="story-date">
              {t.library('date')}:{' '}
              {story.publishedAt ? <time dateTime={story.publishedAt}>{formatDay(story.publishedAt, language)}</time> : t.library('dateUnknown')}
              {story.publishedAt && story.publishedAtEstimated && (
                <span className="story-date-estimated" title={tdates('estimatedTitle', { label: story.ageLabel ?? '' })}>
                  {' '}({tdates('estimated')})
                </span>
              )}
            </span>
            {/* What the page said when it was captured, quoted: never as if it were relative to now. Dated briefs show the (estimated) day instead. */}
            {story.ageLabel && !story.publishedAt && (
              <span className="story-age" title={tdates('ageAtCaptureTitle', { age: story.ageLabel })}>
                {tdates('ageAtCapture', { age: story.ageLabel })}
              </span>
            )}
          </p>
          <UpdateProposalBar story={story} />
          <WireBadges story={story} language={language} />
          <VersionRail story={story} language={language} />
          <DeleteStoryButton story={newest} />
          {storyTags.length > 0 && (
            <ul className="story-tag-chips" aria-label={td('storyTagChips')}>
              {storyTags.map((tag) => (
                <li key={tag.id}>
                  <TagChip tag={tag} />
                </li>
              ))}
            </ul>
          )}
        </header>

        {story.warnings.length > 0 && (
          <section className="story-warnings" aria-labelledby="story-warnings-heading">
            <h3 id="story-warnings-heading">{t.library('warningsHeading')}</h3>
            <ul>
              {story.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </section>
        )}

        <OlderVersionBar story={story} language={language} />
        <WireBanners story={story} language={language} />

        {story.textDamaged ? (
          // Lost, not empty: never the "no text" line for a story whose file is damaged.
          <p className="notice notice-warning story-text-damaged" role="alert">
            {t.library('textDamaged', { file: story.textDamaged.file })}
          </p>
        ) : comparing ? (
          <VersionDiff storyId={newest.id} />
        ) : (
          <StoryBody blocks={story.body} emptyText={t.library('emptyBody')} boldLead={story.kind === 'article'} matcher={matcher} />
        )}

        {briefPage && (
          <p className="brief-origin">
            {t.library('briefFromPage')}{' '}
            <button type="button" className="link-button" onClick={() => onOpenPage(briefPage.id)} aria-label={`${t.library('openPage')}: ${briefPage.headline}`}>
              {briefPage.headline}
            </button>
          </p>
        )}
      </article>

      {/* The inspector: beside the text in a wide reader, below it in a narrow one (app.css, container query). */}
      {inspectorOpen && (
        <aside id={INSPECTOR_ID} className="inspector" aria-label={td('inspectorLabel')}>
          <StoryMetaPanel story={newest} />
          <StoryConnections story={newest} />
          <WireRights story={story} language={language} />
          <footer className="story-source" aria-labelledby="story-source-heading">
            <h3 id="story-source-heading">{t.library('sourceHeading')}</h3>
            <dl>
              <dt>{t.library('sourceFile')}</dt>
              <dd className="source-file">{story.source.fileName}</dd>
              <dt>{t.library('sourceSha')}</dt>
              <dd>
                <code title={story.source.sha256}>{shortSha(story.source.sha256)}</code>
              </dd>
              <dt>{t.library('sourceImportedAt')}</dt>
              <dd>
                <time dateTime={story.source.importedAt}>{formatInstant(story.source.importedAt, language)}</time>
              </dd>
            </dl>
          </footer>
        </aside>
      )}
    </div>
  );
}
