import type { BodyBlock } from '../../../shared/types';

/**
 * Body blocks as real headings and paragraphs. Text goes in as React text
 * nodes only: imported text is never parsed as HTML.
 */
export function StoryBody({ blocks, emptyText, boldLead }: { blocks: BodyBlock[]; emptyText: string; boldLead: boolean }) {
  if (blocks.length === 0) return <p className="story-empty">{emptyText}</p>;
  return (
    <div className="story-body">
      {blocks.map((block, index) =>
        block.type === 'heading' ? (
          <h3 key={index} className="story-subheading">
            {block.text}
          </h3>
        ) : (
          <p key={index} className={index === 0 && boldLead ? 'story-lead' : undefined}>
            {block.text}
          </p>
        ),
      )}
    </div>
  );
}
