import { describe, expect, it } from 'vitest';
import { prng } from './test/synthetic-corpus';
import { firstInOrder, highestKeys, sortedSlice, sortedSliceSliced, type Order } from './select';

/** Items with many equal keys, ordered by key then by item (a strict total order, as callers give). */
function sample(seed: number, length: number, distinctKeys: number) {
  const random = prng(seed);
  const keys = Array.from({ length: length + 10 }, () => Math.floor(random() * distinctKeys));
  const items = new Int32Array(length);
  for (let i = 0; i < length; i++) items[i] = (i * 7919) % (length + 10); // distinct, shuffled
  const order: Order = (a, b) => keys[a]! - keys[b]! || b - a;
  const sorted = Array.from(items).sort(order);
  return { items, order, sorted };
}

describe('sortedSlice: a page of a large set in order, without sorting it all', () => {
  it('equals sorting everything and slicing, for every kind of page', () => {
    for (const [seed, length, distinct] of [[1, 1000, 5], [2, 1000, 1000], [3, 37, 3], [4, 5000, 1], [5, 1, 1]] as const) {
      const { items, order, sorted } = sample(seed, length, distinct);
      const copy = items.slice();
      const pages: Array<[number, number]> = [[0, 100], [0, 10], [100, 100], [0, length], [length - 100, 100], [length - 30, 100], [length / 2, 7], [length + 5, 100], [3, 0]];
      for (const [from, count] of pages) {
        const start = Math.max(0, Math.floor(from));
        expect(Array.from(sortedSlice(items, length, order, start, count)), `${seed} ${start} ${count}`).toEqual(sorted.slice(start, start + count));
      }
      expect(items).toEqual(copy); // left unchanged
    }
  });

  it('gives the same pages when it hands the event loop back as it goes', async () => {
    for (const [seed, length, distinct] of [[11, 9000, 40], [12, 5000, 1], [13, 300, 300]] as const) {
      const { items, order, sorted } = sample(seed, length, distinct);
      let turns = 0;
      const breather = async () => {
        turns++;
      };
      for (const [from, count] of [[0, 100], [0, length], [length - 50, 100], [length / 3, 3000], [length + 1, 10]] as const) {
        const start = Math.floor(from);
        expect(Array.from(await sortedSliceSliced(items, length, order, start, count, breather)), `${seed} ${start} ${count}`).toEqual(sorted.slice(start, start + count));
      }
      if (length > 2_048) expect(turns).toBeGreaterThan(0);
    }
  });

  it('looks only at the first `length` items', () => {
    const items = Int32Array.from([5, 3, 9, 1, 7, 0, 0, 0]);
    expect(Array.from(sortedSlice(items, 5, (a, b) => a - b, 0, 3))).toEqual([1, 3, 5]);
    expect(Array.from(sortedSlice(items, 5, (a, b) => a - b, 3, 10))).toEqual([7, 9]);
  });

  it('firstInOrder keeps the first k, for k small and large', () => {
    const { items, order, sorted } = sample(9, 2000, 50);
    for (const k of [0, 1, 2, 99, 499, 500, 501, 1999, 2000, 5000]) {
      expect(Array.from(firstInOrder(items, items.length, order, k)), String(k)).toEqual(sorted.slice(0, k));
    }
  });
});

describe('highestKeys: what can be first when higher keys come first', () => {
  it('keeps every item at or above the k-th highest key, so a page taken from them is the same', () => {
    for (const [seed, length, distinct, offsetBase] of [[21, 3000, 40, 0], [22, 3000, 1, 0], [23, 500, 500, -250], [24, 37, 3, 7], [25, 5000, 65_000, -30_000]] as const) {
      const random = prng(seed);
      const keys = Int32Array.from({ length: length + 10 }, () => offsetBase + Math.floor(random() * distinct));
      const items = new Int32Array(length);
      for (let i = 0; i < length; i++) items[i] = (i * 7919) % (length + 10);
      const order: Order = (a, b) => keys[b]! - keys[a]! || b - a;
      const sorted = Array.from(items).sort(order);
      for (const k of [1, 2, 10, 100, 101, length - 1].filter((k) => k < length)) {
        const into = new Int32Array(length);
        const kept = highestKeys(items, length, keys, k, into);
        expect(kept, `${seed} ${k}`).toBeGreaterThanOrEqual(k);
        const threshold = keys[sorted[k - 1]!]!;
        // Exactly the items at or above the threshold, last to first.
        expect(Array.from(into.subarray(0, kept))).toEqual(Array.from(items).filter((item) => keys[item]! >= threshold).reverse());
        for (const [from, count] of [[0, k], [Math.max(0, k - 5), Math.min(k, 5)], [0, 1]] as const) {
          expect(Array.from(sortedSlice(into, kept, order, from, count)), `${seed} ${k} ${from}`).toEqual(sorted.slice(from, from + count));
        }
      }
    }
  });

  it('leaves the items alone when all are wanted or the keys span too wide a range', () => {
    const items = Int32Array.from([0, 1, 2, 3]);
    const into = new Int32Array(4);
    expect(highestKeys(items, 4, Int32Array.from([5, 1, 9, 3]), 4, into)).toBe(-1);
    expect(highestKeys(items, 4, Int32Array.from([0, 1, 70_000, 3]), 2, into)).toBe(-1);
    expect(highestKeys(items, 4, Int32Array.from([5, 1, 9, 3]), 0, into)).toBe(0);
    expect(highestKeys(items, 3, Int32Array.from([5, 1, 9, 30]), 1, into)).toBe(1);
    expect(into[0]).toBe(2); // only the first `length` items are looked at
  });
});
