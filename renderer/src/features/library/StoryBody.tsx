import { useEffect, useRef } from 'react';
import type { BodyBlock } from '../../../../shared/types';
import type { HighlightMatcher } from '../search/highlight-ranges';
import { Highlight } from '../search/Highlight';

/** Characters [start, end) of block `paragraph` to mark and scroll to (a chronology source, a search hit). */
export interface BodyMark {
  paragraph: number;
  start: number;
  end: number;
}

/**
 * Body blocks as real headings and paragraphs. Text goes in as React text
 * nodes only: imported text is never parsed as HTML.
 */
export function StoryBody({ blocks, emptyText, boldLead, matcher = null, mark = null }: { blocks: BodyBlock[]; emptyText: string; boldLead: boolean; matcher?: HighlightMatcher | null; mark?: BodyMark | null }) {
  const markRef = useRef<HTMLElement>(null);
  // A new mark is brought into view once it is on screen (centred, so the sentences around it show too).
  useEffect(() => {
    markRef.current?.scrollIntoView?.({ block: 'center' });
  }, [mark?.paragraph, mark?.start, mark?.end, blocks]);
  if (blocks.length === 0) return <p className="story-empty">{emptyText}</p>;
  return (
    <div className="story-body">
      {blocks.map((block, index) => {
        const text = mark && mark.paragraph === index ? <MarkedText text={block.text} mark={mark} matcher={matcher} markRef={markRef} /> : <Highlight text={block.text} matcher={matcher} />;
        return block.type === 'heading' ? (
          <h3 key={index} className="story-subheading">
            {text}
          </h3>
        ) : (
          <p key={index} className={index === 0 && boldLead ? 'story-lead' : undefined}>
            {text}
          </p>
        );
      })}
    </div>
  );
}

/** A block's text with [start, end) in one <mark> (search matches still marked inside and around it). */
function MarkedText({ text, mark, matcher, markRef }: { text: string; mark: BodyMark; matcher: HighlightMatcher | null; markRef: React.RefObject<HTMLElement | null> }) {
  const start = Math.max(0, Math.min(mark.start, text.length));
  const end = Math.max(start, Math.min(mark.end, text.length));
  if (end === start) return <Highlight text={text} matcher={matcher} />;
  return (
    <>
      <Highlight text={text.slice(0, start)} matcher={matcher} />
      <mark ref={markRef} className="reader-mark" data-reader-mark="">
        <Highlight text={text.slice(start, end)} matcher={matcher} />
      </mark>
      <Highlight text={text.slice(end)} matcher={matcher} />
    </>
  );
}
