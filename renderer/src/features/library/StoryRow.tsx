import { memo, type MouseEvent } from 'react';
import type { Tag, StorySummary } from '../../../../shared/types';
import { formatDay } from '../../ui/format';
import { translator } from '../../i18n/translate';
import type { Language } from '../../i18n';
import type { HighlightMatcher } from '../search/highlight-ranges';
import { Highlight } from '../search/Highlight';
import { TagChip } from '../tags/TagChip';
import { NewSinceOpenedMark, WireBadges } from '../versions/WireBadges';
import type { Snippet } from '../../../../shared/contract/searches';
import { SnippetText } from '../search/SnippetText';

/** How a click or key chose a row: alone, toggled (Ctrl/Cmd), or as a range from the anchor (Shift, Ctrl+Shift adds). */
export type SelectGesture = 'only' | 'toggle' | 'extend' | 'extend-add';

export function gestureOf(event: Pick<MouseEvent, 'ctrlKey' | 'metaKey' | 'shiftKey'>): SelectGesture {
  const toggle = event.ctrlKey || event.metaKey;
  if (event.shiftKey) return toggle ? 'extend-add' : 'extend';
  return toggle ? 'toggle' : 'only';
}

export interface StoryRowProps {
  story: StorySummary;
  /** Place in the whole list, from 0 (the virtual list positions the row by it). */
  index: number;
  position: number;
  setSize: number;
  tabStop: boolean;
  isCursor: boolean;
  isOpen: boolean;
  /** In the multi-selection (what edits apply to). */
  isSelected: boolean;
  /** Tags by id, to show the row's tags as chips. */
  tagsById: ReadonlyMap<string, Tag>;
  /** Search matches to mark in the headline. */
  matcher: HighlightMatcher | null;
  language: Language;
  /** The matched passage of a search result (undefined: none asked for, or not there yet). */
  snippet?: Snippet | null;
  onActivate(id: string, gesture: SelectGesture): void;
}

/** One list row: headline, place, agencies and date (or a brief's age label). */
export const StoryRow = memo(function StoryRow({ story, index, position, setSize, tabStop, isCursor, isOpen, isSelected, tagsById, matcher, language, snippet, onActivate }: StoryRowProps) {
  const { place, agencies } = story.dateline;
  const tags = story.tagIds.map((id) => tagsById.get(id)).filter((tag) => tag !== undefined);
  return (
    <li
      role="option"
      id={`story-${story.id}`}
      data-story-id={story.id}
      data-index={index}
      className={`story-row${isCursor ? ' is-cursor' : ''}${isOpen ? ' is-open' : ''}${isSelected ? ' is-selected' : ''}`}
      aria-selected={isSelected}
      aria-posinset={position}
      aria-setsize={setSize}
      tabIndex={tabStop ? 0 : -1}
      onClick={(event) => onActivate(story.id, gestureOf(event))}
      // Shift+click would otherwise select the text between the two rows.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
    >
      <span className={story.updatedSinceOpened ? 'row-headline is-new' : 'row-headline'}>
        <NewSinceOpenedMark story={story} />
        <Highlight text={story.headline} matcher={matcher} />
      </span>
      <span className="row-meta">
        {story.kind === 'brief' && <span className="row-kind">{translator(language, 'search')('briefBadge')}</span>}
        {place && <span className="row-place">{place}</span>}
        {agencies.length > 0 && <span className="row-agencies">{agencies.join('/')}</span>}
        {story.publishedAt && (
          <time
            className={story.publishedAtEstimated ? 'row-date is-estimated' : 'row-date'}
            dateTime={story.publishedAt}
            title={story.publishedAtEstimated ? translator(language, 'dates')('estimatedTitle', { label: story.ageLabel ?? '' }) : undefined}
          >
            {story.publishedAtEstimated
              ? translator(language, 'dates')('estimatedDate', { date: formatDay(story.publishedAt, language, 'short') })
              : formatDay(story.publishedAt, language, 'short')}
          </time>
        )}
        {/* Quoted as the page said it when captured: not a time relative to now. */}
        {!story.publishedAt && story.ageLabel && (
          <span className="row-age" title={translator(language, 'dates')('ageAtCaptureTitle', { age: story.ageLabel })}>
            {translator(language, 'dates')('ageAtCapture', { age: story.ageLabel })}
          </span>
        )}
        {story.wire && <WireBadges story={story} language={language} compact />}
      </span>
      {snippet && <SnippetText snippet={snippet} />}
      {tags.length > 0 && (
        <span className="row-tags">
          {tags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </span>
      )}
    </li>
  );
});
