import { Fragment, memo } from 'react';
import type { Snippet } from '../../../../shared/contract/searches';
import { splitByRanges } from './highlight-ranges';

/**
 * A result's matched passage: the story's text as React text nodes, the matched
 * words in <mark> (ranges from the core), an ellipsis where text was left out.
 * Never HTML: whatever the text holds is shown as text.
 */
export const SnippetText = memo(function SnippetText({ snippet }: { snippet: Snippet }) {
  const ranges = snippet.highlights.filter(([start, end]) => start >= 0 && end <= snippet.text.length && start < end);
  return (
    <span className="row-snippet">
      {snippet.clippedStart && '…'}
      {splitByRanges(snippet.text, ranges).map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="search-mark">
            {piece.text}
          </mark>
        ) : (
          <Fragment key={index}>{piece.text}</Fragment>
        ),
      )}
      {snippet.clippedEnd && '…'}
    </span>
  );
});
