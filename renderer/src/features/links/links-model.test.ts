import { describe, expect, it } from 'vitest';
import type { LinkView } from '../../../../shared/contract/links';
import type { Link } from '../../../../shared/types';
import { linkCalls, relationChange, relationOf } from './links-model';

function view(link: Pick<Link, 'from' | 'to' | 'type'>, reader: string, label: LinkView['label']): LinkView {
  const full: Link = { id: 'l1', note: '', createdAt: '2024-01-01T00:00:00Z', ...link };
  return { link: full, label, otherId: full.from === reader ? full.to : full.from, other: null };
}

describe('link relations', () => {
  it('maps what the editor reads to the stored direction', () => {
    expect(relationOf('follow-up-of')).toEqual({ type: 'follow-up', readerIsFrom: false });
    expect(relationOf('followed-by')).toEqual({ type: 'follow-up', readerIsFrom: true });
    expect(relationOf('has-background')).toEqual({ type: 'background', readerIsFrom: false });
    expect(relationOf('same-event')).toEqual({ type: 'same-event', readerIsFrom: true });
  });

  it('links several stories in one call when the other story can be the common start', () => {
    // A is a follow-up of X: stored X → A. Several sources: one call X → [A, B].
    expect(linkCalls(['A', 'B'], 'X', 'follow-up-of')).toEqual([{ from: 'X', to: ['A', 'B'] }]);
    expect(linkCalls(['A', 'B'], 'X', 'series')).toEqual([{ from: 'X', to: ['A', 'B'] }]);
    // A is followed by X: stored A → X, one call per source.
    expect(linkCalls(['A', 'B'], 'X', 'followed-by')).toEqual([
      { from: 'A', to: ['X'] },
      { from: 'B', to: ['X'] },
    ]);
  });

  it('never links a story to itself', () => {
    expect(linkCalls(['A', 'X'], 'X', 'series')).toEqual([{ from: 'X', to: ['A'] }]);
    expect(linkCalls(['X'], 'X', 'related')).toEqual([]);
  });

  it('changes type and direction so the link reads as chosen from the open story', () => {
    // Stored A → B (B follows up on A), read from B: "follow-up of".
    const fromB = view({ from: 'A', to: 'B', type: 'follow-up' }, 'B', 'follow-up-of');
    expect(relationChange(fromB, 'follow-up-of')).toBeNull();
    expect(relationChange(fromB, 'followed-by')).toEqual({ reverse: true });
    expect(relationChange(fromB, 'has-background')).toEqual({ type: 'background' });
    expect(relationChange(fromB, 'background-to')).toEqual({ type: 'background', reverse: true });
    expect(relationChange(fromB, 'related')).toEqual({ type: 'related' });
    // Stored B → A, read from B as "same event": becomes "follow-up of" A, so the ends swap.
    const sameEvent = view({ from: 'B', to: 'A', type: 'same-event' }, 'B', 'same-event');
    expect(relationChange(sameEvent, 'follow-up-of')).toEqual({ type: 'follow-up', reverse: true });
    expect(relationChange(sameEvent, 'followed-by')).toEqual({ type: 'follow-up' });
  });
});
