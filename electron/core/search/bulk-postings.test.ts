import { describe, expect, it } from 'vitest';
import { exactArray } from './bulk-postings';
import { SearchIndex, type SearchDoc } from './index';
import { prng, syntheticDoc, syntheticPrefixQueries, syntheticQueries } from './test/synthetic-corpus';

/** The map as plain data: per term, per slot, the story numbers in order (holes as empty lists). */
function mapContents(index: SearchIndex): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const [term, slots] of index.postingLists()) {
    const lists: number[][] = [];
    for (let slot = 0; slot < slots.length; slot++) lists.push(Array.from(slots[slot] ?? []));
    while (lists.length && lists.at(-1)!.length === 0) lists.pop();
    out[term] = lists;
  }
  return out;
}

const answers = (index: SearchIndex, queries: string[]) => queries.map((query) => index.search(query, { limit: 50 }));

const docs = (count: number, from = 0): SearchDoc[] => Array.from({ length: count }, (_, i) => syntheticDoc(from + i));

describe('SearchIndex.addInBulk', () => {
  it('ends with the same postings and answers as adding one by one, wherever the merges fall', () => {
    const corpus = docs(400);
    const oneByOne = new SearchIndex();
    for (const doc of corpus) oneByOne.add(doc);
    const queries = [...syntheticQueries(40), ...syntheticPrefixQueries(20), '"noord korea"'];
    const expected = mapContents(oneByOne);
    const expectedAnswers = answers(oneByOne, queries);
    for (const seed of [1, 2, 3]) {
      const random = prng(seed);
      const bulk = new SearchIndex();
      for (const doc of corpus) {
        bulk.addInBulk(doc);
        if (random() < 0.02) for (const _ of bulk.mergeBulk());
      }
      for (const _ of bulk.mergeBulk());
      expect(mapContents(bulk)).toEqual(expected);
      expect(answers(bulk, queries)).toEqual(expectedAnswers);
      expect(bulk.size).toBe(corpus.length);
    }
  });

  it('finds bulk-added stories only once merged, and any other change merges first', () => {
    const index = new SearchIndex();
    index.addInBulk({ id: 'a', headline: 'Poetin bezoekt Pyongyang', body: '', place: '', tags: [], note: '' });
    expect(index.has('a')).toBe(true);
    expect(index.search('pyongyang ')).toEqual([]);
    // An update of another story settles the waiting postings before it changes anything.
    index.add({ id: 'b', headline: 'Kim ontvangt Poetin in Pyongyang', body: '', place: '', tags: [], note: '' });
    expect(index.search('pyongyang ').map((hit) => hit.id).sort()).toEqual(['a', 'b']);
    index.addInBulk({ id: 'c', headline: 'Opnieuw Pyongyang', body: '', place: '', tags: [], note: '' });
    index.remove('a');
    expect(index.search('pyongyang ').map((hit) => hit.id).sort()).toEqual(['b', 'c']);
    // A known id is updated at once, not buffered.
    index.addInBulk({ id: 'b', headline: 'Kim ontvangt Poetin in Wladiwostok', body: '', place: '', tags: [], note: '' });
    expect(index.search('wladiwostok ').map((hit) => hit.id)).toEqual(['b']);
  });

  it('matches a mixed history of bulk adds, updates and removals done one by one', () => {
    const random = prng(7);
    const bulk = new SearchIndex();
    const plain = new SearchIndex();
    let next = 0;
    for (let step = 0; step < 300; step++) {
      const roll = random();
      if (roll < 0.6 || next === 0) {
        const doc = syntheticDoc(next++);
        bulk.addInBulk(doc);
        plain.add(doc);
      } else if (roll < 0.8) {
        const doc = { ...syntheticDoc(Math.floor(random() * next)), headline: `Herzien ${step}` };
        bulk.update(doc);
        plain.update(doc);
      } else if (roll < 0.95) {
        const id = syntheticDoc(Math.floor(random() * next)).id;
        bulk.remove(id);
        plain.remove(id);
      } else {
        for (const _ of bulk.mergeBulk());
      }
    }
    for (const _ of bulk.mergeBulk());
    const queries = [...syntheticQueries(30), ...syntheticPrefixQueries(10), 'herzien '];
    expect(answers(bulk, queries)).toEqual(answers(plain, queries));
    expect(bulk.size).toBe(plain.size);
  });

  it('a merge interrupted by another change is finished by it, not repeated', () => {
    const index = new SearchIndex();
    for (const doc of docs(50)) index.addInBulk(doc);
    const merge = index.mergeBulk();
    merge.next();
    index.add(syntheticDoc(50));
    expect(merge.next().done).toBe(true);
    const plain = new SearchIndex();
    for (const doc of docs(51)) plain.add(doc);
    expect(mapContents(index)).toEqual(mapContents(plain));
  });
});

describe('exactArray', () => {
  it('gives arrays of the asked length, short and past the preallocation limit', () => {
    for (const length of [0, 1, 17, 65_536, 70_000]) {
      const list = exactArray(length);
      expect(list.length).toBe(length);
      if (length > 0) list[length - 1] = 1;
      expect(list.length).toBe(length);
    }
  });
});
