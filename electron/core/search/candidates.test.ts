import { describe, expect, it } from 'vitest';
import { CandidateSet, type PostingList } from './candidates';
import { prng } from './test/synthetic-corpus';

const list = (...nums: number[]): PostingList[] => [{ slots: [nums], bonus: 0 }];
const WEIGHTS = [16, 8, 3, 2];

function answer(set: CandidateSet): Array<[number, number]> {
  const { nums, scores } = set.matches();
  return Array.from(nums, (num, at): [number, number] => [num, scores[at]!]).sort((a, b) => a[0] - b[0]);
}

describe('CandidateSet', () => {
  it('intersects and sums each story best slot weight', () => {
    const set = new CandidateSet();
    set.begin(10, 3);
    set.require([{ slots: [[1, 2], [3]], bonus: 0 }, { slots: [undefined, [2]], bonus: 1 }], WEIGHTS);
    set.require([{ slots: [undefined, undefined, [2, 3, 4]], bonus: 0 }], WEIGHTS);
    expect(answer(set)).toEqual([[2, 16 + 3], [3, 8 + 3]]);
  });

  it('never mistakes a mark left by an earlier query with more parts for one of its own', () => {
    // Queries of different lengths in a row: every stamp must be new to the set.
    const set = new CandidateSet();
    const random = prng(11);
    const all = list(...Array.from({ length: 16 }, (_, num) => num));
    for (let query = 0; query < 300; query++) {
      const before = 1 + Math.floor(random() * 6);
      set.begin(16, before + 1);
      for (let part = 0; part < before; part++) set.require(all, WEIGHTS);
      const parts = 1 + Math.floor(random() * 4);
      set.begin(16, parts + 1);
      // Every part holds 2 and 3, and one story of its own.
      for (let part = 0; part < parts; part++) set.require(list(2, 3, 10 + part), WEIGHTS);
      const expected: Array<[number, number]> = parts === 1 ? [[2, 16], [3, 16], [10, 16]] : [[2, 16 * parts], [3, 16 * parts]];
      expect(answer(set), `${parts} parts after ${before}`).toEqual(expected);
    }
  });

  it('gives the same answer whether it walks the lists or looks the remaining stories up in them', () => {
    // A rare word, then common ones: the later parts are looked up (a few stories, long lists).
    const random = prng(5);
    const capacity = 20_000;
    const ascending = (odds: number) => Array.from({ length: capacity }, (_, num) => num).filter(() => random() < odds);
    for (let round = 0; round < 20; round++) {
      const rare: PostingList[] = [{ slots: [ascending(0.0005), ascending(0.001)], bonus: 0 }];
      const common: PostingList[] = [
        { slots: [ascending(0.3), undefined, ascending(0.4), ascending(0.2)], bonus: 2 },
        { slots: [undefined, ascending(0.5)], bonus: 0 },
      ];
      const set = new CandidateSet();
      set.begin(capacity, 3);
      set.require(rare, WEIGHTS);
      set.require(common, WEIGHTS);
      // What the walk gives: every story of the rare lists that is in a common list, with its best weights.
      const best = (lists: PostingList[], num: number) => {
        let out = 0;
        for (const { slots, bonus } of lists) slots.forEach((ids, slot) => ids && Array.prototype.includes.call(ids, num) && (out = Math.max(out, WEIGHTS[slot]! + bonus)));
        return out;
      };
      const expected: Array<[number, number]> = [];
      for (let num = 0; num < capacity; num++) {
        const a = best(rare, num);
        const b = a && best(common, num);
        if (a && b) expected.push([num, a + b]);
      }
      expect(answer(set)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('drops excluded and unwanted stories', () => {
    const set = new CandidateSet();
    set.begin(10, 2);
    set.require(list(1, 2, 3, 4, 5), WEIGHTS);
    set.exclude(list(2, 9));
    set.retain((num) => num !== 5);
    expect(answer(set).map(([num]) => num)).toEqual([1, 3, 4]);
    expect(set.count).toBe(3);
  });
});
