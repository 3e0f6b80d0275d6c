import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../../../shared/types';
import { orderSeries, type SeriesStoryInfo } from './series';

// Series order is pure: links + per-story facts in, timeline out.

let linkCounter = 0;
function l(from: string, to: string, type: Link['type'] = 'follow-up'): Link {
  return { id: `l${++linkCounter}`, from, to, type, note: '', createdAt: '2026-01-01T00:00:00.000Z' };
}

/** Stories imported in the order given (rank = position), with optional dates. */
function stories(spec: Record<string, string | null>): (id: string) => SeriesStoryInfo | undefined {
  const rank = new Map(Object.keys(spec).map((id, index) => [id, index]));
  return (id) => (rank.has(id) ? { date: spec[id]!, rank: rank.get(id)! } : undefined);
}

const order = (result: ReturnType<typeof orderSeries>) => result.nodes.map((node) => node.id);

describe('orderSeries', () => {
  it('orders the Kim–Poetin series by the dates the editor set, whatever the link order', () => {
    const info = stories({ partnership: '2024-06-19', thanks: '2024-06-18', visit: '2024-06-17', leaves: '2023-09-17', support: '2023-06-12' });
    const links = [l('partnership', 'thanks', 'series'), l('thanks', 'visit', 'series'), l('support', 'leaves'), l('leaves', 'partnership', 'series')];
    const result = orderSeries('thanks', links, info);
    expect(order(result)).toEqual(['support', 'leaves', 'visit', 'thanks', 'partnership']);
    expect(result.nodes.every((node) => node.placement === 'date')).toBe(true);
    expect(result.links).toHaveLength(4);
    expect(result.cycle).toBe(false);
  });

  it('places an undated follow-up right after the story it follows up on, and marks it', () => {
    const info = stories({ a: '2024-01-01', b: null, c: '2024-01-05', d: '2024-01-02' });
    const result = orderSeries('a', [l('a', 'b'), l('a', 'c'), l('c', 'd', 'series')], info);
    expect(order(result)).toEqual(['a', 'b', 'd', 'c']);
    expect(result.nodes[1]).toEqual({ id: 'b', date: null, placement: 'links' });
  });

  it('places an undated story before the dated story that follows up on it', () => {
    const info = stories({ late: '2024-03-01', early: '2024-01-01', base: null });
    const result = orderSeries('late', [l('base', 'late'), l('early', 'late', 'series')], info);
    expect(order(result)).toEqual(['early', 'base', 'late']);
    expect(result.nodes.find((node) => node.id === 'base')!.placement).toBe('links');
  });

  it('without any dates, follows the follow-up chain, ties in import order', () => {
    // Imported c, b, a; the chain says a → b → c; x and y hang on by series links only.
    const info = stories({ c: null, y: null, b: null, a: null, x: null });
    const result = orderSeries('b', [l('b', 'c'), l('a', 'b'), l('x', 'a', 'series'), l('y', 'c', 'series')], info);
    expect(order(result)).toEqual(['y', 'a', 'b', 'c', 'x']);
    expect(result.nodes.every((node) => node.placement === 'unplaced' && node.date === null)).toBe(true);
  });

  it('keeps stories without a dated neighbour after the dated ones, in link order', () => {
    const info = stories({ dated: '2024-05-01', loose: null });
    expect(order(orderSeries('loose', [l('loose', 'dated', 'series')], info))).toEqual(['dated', 'loose']);
  });

  it('breaks ties between equal dates by link order, then import order', () => {
    const info = stories({ third: '2024-06-19', second: '2024-06-19', first: '2024-06-19' });
    const result = orderSeries('first', [l('second', 'third'), l('first', 'third', 'series'), l('first', 'second', 'series')], info);
    // first was imported last but has no follow-up constraint before second; second must precede third.
    expect(order(result)).toEqual(['second', 'third', 'first']);
  });

  it('ends on a circle of follow-ups, taking the earliest imported story of the circle first', () => {
    const info = stories({ before: null, b: null, c: null, a: null, after: null });
    const links = [l('before', 'a'), l('a', 'b'), l('b', 'c'), l('c', 'a'), l('c', 'after')];
    const result = orderSeries('a', links, info);
    expect(result.cycle).toBe(true);
    expect(order(result)).toEqual(['before', 'b', 'c', 'a', 'after']);
  });

  it('reports follow-ups dated before the story they follow up on (dates win)', () => {
    const info = stories({ a: '2024-02-01', b: '2024-01-01' });
    const result = orderSeries('a', [l('a', 'b')], info);
    expect(order(result)).toEqual(['b', 'a']);
    expect(result.dateConflicts).toEqual([{ from: 'a', to: 'b' }]);
  });

  it('ignores other link types, deleted stories and self-links', () => {
    const info = stories({ a: null, b: null, c: null });
    const links = [l('a', 'b', 'related'), l('a', 'c', 'background'), l('a', 'gone'), l('a', 'a')];
    const result = orderSeries('a', links, info);
    expect(order(result)).toEqual(['a']);
    expect(result.links).toEqual([]);
    expect(orderSeries('gone', links, info).nodes).toEqual([]);
  });

  it('handles a long chain without deep recursion', () => {
    const spec: Record<string, string | null> = {};
    const links: Link[] = [];
    for (let i = 0; i < 20_000; i++) {
      spec[`s${i}`] = null;
      if (i > 0) links.push(l(`s${i - 1}`, `s${i}`));
    }
    const result = orderSeries('s5000', links.reverse(), stories(spec));
    expect(result.nodes).toHaveLength(20_000);
    expect(result.nodes[0]!.id).toBe('s0');
    expect(result.nodes[19_999]!.id).toBe('s19999');
  });

  it('always lists each connected story once, keeps undated follow-ups after their base, and dated ones in date order', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arbitraryLink = fc.record({
      from: fc.constantFrom(...ids),
      to: fc.constantFrom(...ids),
      type: fc.constantFrom<Link['type']>('series', 'follow-up', 'related'),
    });
    const arbitraryDate = fc.option(fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-01'), { nil: null });
    fc.assert(
      fc.property(fc.array(arbitraryLink, { maxLength: 12 }), fc.array(arbitraryDate, { minLength: 6, maxLength: 6 }), (raw, dates) => {
        const links = raw.map((link) => l(link.from, link.to, link.type));
        const info = stories(Object.fromEntries(ids.map((id, i) => [id, dates[i]!])));
        const result = orderSeries('a', links, info);
        const listed = order(result);
        expect(new Set(listed).size).toBe(listed.length);
        expect(listed).toContain('a');
        const dated = result.nodes.filter((node) => node.date !== null).map((node) => node.date!);
        expect(dated).toEqual([...dated].sort());
        if (!result.cycle) {
          for (const link of result.links) {
            if (link.type !== 'follow-up' || link.from === link.to) continue;
            const fromNode = result.nodes.find((node) => node.id === link.from)!;
            const toNode = result.nodes.find((node) => node.id === link.to)!;
            if (toNode.date === null && fromNode.date !== null) expect(listed.indexOf(link.to)).toBeGreaterThan(listed.indexOf(link.from));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
