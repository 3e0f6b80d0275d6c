import type { BodyBlock } from '../../../../shared/types';
import type { HighlightMatcher } from '../search/highlight-ranges';
import { Highlight } from '../search/Highlight';

/**
 * Body blocks as real headings and paragraphs. Text goes in as React text
 * nodes only: imported text is never parsed as HTML.
 */
export function StoryBody({ blocks, emptyText, boldLead, matcher = null }: { blocks: BodyBlock[]; emptyText: string; boldLead: boolean; matcher?: HighlightMatcher | null }) {
  if (blocks.length === 0) return <p className="story-empty">{emptyText}</p>;
  return (
    <div className="story-body">
      {blocks.map((block, index) =>
        block.type === 'heading' ? (
          <h3 key={index} className="story-subheading">
            <Highlight text={block.text} matcher={matcher} />
          </h3>
        ) : (
          <p key={index} className={index === 0 && boldLead ? 'story-lead' : undefined}>
            <Highlight text={block.text} matcher={matcher} />
          </p>
        ),
      )}
    </div>
  );
}
