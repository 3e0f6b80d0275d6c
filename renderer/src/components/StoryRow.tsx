import { memo } from 'react';
import type { StorySummary } from '../../../shared/types';
import { formatDay } from '../format';
import type { Language } from '../i18n';

export interface StoryRowProps {
  story: StorySummary;
  position: number;
  setSize: number;
  tabStop: boolean;
  isCursor: boolean;
  isOpen: boolean;
  language: Language;
  onActivate(id: string): void;
}

/** One list row: headline, place, agencies and date (or a brief's age label). */
export const StoryRow = memo(function StoryRow({ story, position, setSize, tabStop, isCursor, isOpen, language, onActivate }: StoryRowProps) {
  const { place, agencies } = story.dateline;
  return (
    <li
      role="option"
      id={`story-${story.id}`}
      data-story-id={story.id}
      className={`story-row${isCursor ? ' is-cursor' : ''}${isOpen ? ' is-open' : ''}`}
      aria-selected={isOpen}
      aria-posinset={position}
      aria-setsize={setSize}
      tabIndex={tabStop ? 0 : -1}
      onClick={() => onActivate(story.id)}
    >
      <span className="row-headline">{story.headline}</span>
      <span className="row-meta">
        {place && <span className="row-place">{place}</span>}
        {agencies.length > 0 && <span className="row-agencies">{agencies.join('/')}</span>}
        {story.publishedAt && (
          <time className="row-date" dateTime={story.publishedAt}>
            {formatDay(story.publishedAt, language, 'short')}
          </time>
        )}
        {!story.publishedAt && story.ageLabel && <span className="row-age">{story.ageLabel}</span>}
      </span>
    </li>
  );
});
