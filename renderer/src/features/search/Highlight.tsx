import { Fragment, memo } from 'react';
import { highlightRanges, splitByRanges, type HighlightMatcher } from './highlight-ranges';

/**
 * Text with search matches wrapped in <mark>. Pieces are React text nodes, so
 * imported text is never parsed as HTML, whatever it contains.
 */
export const Highlight = memo(function Highlight({ text, matcher }: { text: string; matcher: HighlightMatcher | null }) {
  if (!matcher) return <>{text}</>;
  const ranges = highlightRanges(text, matcher);
  if (ranges.length === 0) return <>{text}</>;
  return (
    <>
      {splitByRanges(text, ranges).map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="search-mark">
            {piece.text}
          </mark>
        ) : (
          <Fragment key={index}>{piece.text}</Fragment>
        ),
      )}
    </>
  );
});
