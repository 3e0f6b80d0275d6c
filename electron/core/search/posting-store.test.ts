import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferSource, SnapshotFormatError, SnapshotReader, SnapshotWriter } from '../snapshot/codec';
import { PostingStore, type PostingSlots } from './posting-store';
import { writeInt32Postings } from './test/int32-postings';

const SLOTS = 4;

function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** The store as plain data, terms sorted: per term, per slot, the numbers (trailing empty slots left out). */
function contents(store: PostingStore): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const [term, slots] of store.entries()) out[term] = plain(slots);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function plain(slots: PostingSlots | undefined): number[][] {
  const lists = Array.from({ length: slots?.length ?? 0 }, (_, slot) => Array.from(slots![slot] ?? []));
  while (lists.length && lists.at(-1)!.length === 0) lists.pop();
  return lists;
}

function roundTrip(store: PostingStore, storyLimit = 1_000): PostingStore {
  const out = new SnapshotWriter();
  drain(store.write(out));
  const data = Buffer.concat(out.take(true));
  return drain(PostingStore.read(new SnapshotReader(bufferSource(data), 0, data.length, 64), SLOTS, storyLimit));
}

function sample(): PostingStore {
  const store = new PostingStore(SLOTS);
  store.set('oorlog', [[1, 4, 9], undefined, [2, 3]]);
  store.set('vrede', [undefined, undefined, undefined, [7]]);
  store.set('kabinet', [[5]]);
  return store;
}

describe('PostingStore', () => {
  it('answers the same before and after a freeze, and after a snapshot round trip', () => {
    const store = sample();
    const before = contents(store);
    store.freeze();
    expect(contents(store)).toEqual(before);
    expect(plain(store.get('oorlog'))).toEqual([[1, 4, 9], [], [2, 3]]);
    expect(store.get('vrede')![0]).toBeUndefined();
    expect(store.get('onbekend')).toBeUndefined();
    expect(['oorlog', 'vrede', 'onbekend'].map((term) => store.hasPostings(term))).toEqual([true, true, false]);
    expect(store.size).toBe(3);
    expect(store.postingTotal).toBe(7);
    expect(contents(roundTrip(store))).toEqual(before);
  });

  it('thaws a frozen term for an edit without touching the others, and freezes it back', () => {
    const store = sample();
    store.freeze();
    const lists = store.mutable('oorlog')!;
    lists[0]!.push(12);
    lists[3] = [8];
    store.delete('kabinet');
    store.set('steun', [[3]]);
    expect(store.thawedCount).toBe(2);
    expect(plain(store.get('oorlog'))).toEqual([[1, 4, 9, 12], [], [2, 3], [8]]);
    expect(plain(store.get('vrede'))).toEqual([[], [], [], [7]]);
    expect(store.has('kabinet')).toBe(false);
    expect(['oorlog', 'steun', 'kabinet'].map((term) => store.hasPostings(term))).toEqual([true, true, false]);
    store.set('leeg', [undefined, []]);
    expect(store.hasPostings('leeg')).toBe(false);
    store.delete('leeg');
    const expected = { oorlog: [[1, 4, 9, 12], [], [2, 3], [8]], steun: [[3]], vrede: [[], [], [], [7]] };
    expect(contents(store)).toEqual(expected);
    store.freeze();
    expect(store.thawedCount).toBe(0);
    expect(store.postingTotal).toBe(9);
    expect(contents(store)).toEqual(expected);
    expect(contents(roundTrip(store))).toEqual(expected);
  });

  it('freezes a frozen store without copying it again, unless a term was taken out', () => {
    const store = sample();
    store.freeze();
    const expected = contents(store);
    const lists = drain(store.freezeInSlices());
    expect(drain(store.freezeInSlices()).data).toBe(lists.data);
    expect(contents(store)).toEqual(expected);
    expect(contents(roundTrip(store))).toEqual(expected);
    // A frozen term deleted leaves its numbers in the data until the next freeze copies the rest.
    store.delete('oorlog');
    expect(drain(store.freezeInSlices()).data).not.toBe(lists.data);
    expect(store.postingTotal).toBe(2);
    expect(contents(roundTrip(store))).toEqual({ kabinet: [[5]], vrede: [[], [], [], [7]] });
  });

  it('keeps an edit made while a freeze was under way (the frozen copy is then not used)', () => {
    const store = sample();
    const freezing = store.freezeInSlices();
    freezing.next(); // the freeze has listed the terms and yields
    store.mutable('oorlog')![0]!.push(20);
    store.set('steun', [[3]]);
    drain(freezing);
    expect(plain(store.get('oorlog'))).toEqual([[1, 4, 9, 20], [], [2, 3]]);
    expect(plain(store.get('steun'))).toEqual([[3]]);
    store.freeze();
    expect(store.thawedCount).toBe(0);
    expect(plain(store.get('oorlog'))).toEqual([[1, 4, 9, 20], [], [2, 3]]);
    expect(plain(store.get('steun'))).toEqual([[3]]);
  });

  it('refuses a snapshot whose lists are out of order, out of range or whose offsets do not add up (the 32-bit layout of format 9)', () => {
    const write = (terms: string[], starts: number[], data: number[]) => {
      const out = new SnapshotWriter();
      drain(out.strings(terms));
      drain(out.array(Int32Array.from(starts)));
      drain(out.array(Int32Array.from(data)));
      return Buffer.concat(out.take(true));
    };
    const read = (bytes: Buffer) => () => drain(PostingStore.read(new SnapshotReader(bufferSource(bytes), 0, bytes.length, 64), SLOTS, 100, undefined, 'int32'));
    expect(plain(read(write(['a'], [0, 2, 2, 2, 2], [3, 5]))().get('a'))).toEqual([[3, 5]]);
    expect(read(write(['a'], [0, 2, 2, 2, 2], [5, 3]))).toThrow(SnapshotFormatError); // not ascending
    expect(read(write(['a'], [0, 2, 2, 2, 2], [3, 500]))).toThrow(SnapshotFormatError); // no such story
    expect(read(write(['a'], [0, 2, 1, 2, 2], [3, 5]))).toThrow(SnapshotFormatError); // offsets go back
    expect(read(write(['a'], [0, 2, 2, 2, 3], [3, 5]))).toThrow(SnapshotFormatError); // past the data
    expect(read(write(['a', 'a'], [0, 1, 1, 1, 1, 2, 2, 2, 2], [3, 5]))).toThrow(SnapshotFormatError); // a term twice
    expect(read(write(['a', 'b'], [0, 2, 2, 2, 2], [3, 5]))).toThrow(SnapshotFormatError); // too few offsets
  });

  it('reads the 32-bit layout into the same lists as the encoded one, and writes them encoded', () => {
    const store = sample();
    store.freeze();
    const expected = contents(store);
    const out = new SnapshotWriter();
    drain(writeInt32Postings(out, store, SLOTS));
    const bytes = Buffer.concat(out.take(true));
    const read = drain(PostingStore.read(new SnapshotReader(bufferSource(bytes), 0, bytes.length, 64), SLOTS, 1_000, undefined, 'int32'));
    expect(contents(read)).toEqual(expected);
    expect(read.postingTotal).toBe(7);
    expect(read.frozenBytes).toBe(store.frozenBytes);
    expect(contents(roundTrip(read))).toEqual(expected);
  });

  it('keeps any ascending lists exactly, small gaps and large, through a freeze, an edit and a snapshot', () => {
    const limit = 2 ** 31 - 1;
    const ascending = fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: limit - 1 })), { maxLength: 40 }).map((ids) => ids.sort((a, b) => a - b));
    const slots = fc.array(fc.option(ascending, { nil: undefined }), { minLength: 1, maxLength: SLOTS });
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), slots, { maxKeys: 12 }), fc.nat(), (lists, pick) => {
        const store = new PostingStore(SLOTS);
        const expected: Record<string, number[][]> = {};
        for (const [term, slotLists] of Object.entries(lists)) {
          const copy = slotLists.map((ids) => (ids?.length ? [...ids] : undefined));
          if (copy.every((ids) => !ids)) continue;
          store.set(term, copy);
          expected[term] = plain(copy);
        }
        store.freeze();
        const sorted = (record: Record<string, number[][]>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
        expect(contents(store)).toEqual(sorted(expected));
        expect(store.postingTotal).toBe(Object.values(expected).flat(2).length);
        // One term edited: thawed, changed, frozen again with the others copied as they were.
        const terms = Object.keys(expected);
        if (terms.length > 0) {
          const term = terms[pick % terms.length]!;
          const edited = store.mutable(term)!;
          edited[0] = [...(edited[0] ?? []), limit - 1].filter((id, k, all) => k === 0 || id > all[k - 1]!);
          expected[term] = plain(edited);
          store.freeze();
        }
        expect(contents(store)).toEqual(sorted(expected));
        expect(contents(roundTrip(store, limit))).toEqual(sorted(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses encoded lists that run past their end, hold a number of over 31 bits or a story beyond the library', () => {
    const write = (starts: number[], bytes: number[]) => {
      const out = new SnapshotWriter();
      drain(out.strings(['a']));
      drain(out.array(Int32Array.from(starts)));
      drain(out.array(Uint8Array.from(bytes)));
      return Buffer.concat(out.take(true));
    };
    const read = (bytes: Buffer) => () => drain(PostingStore.read(new SnapshotReader(bufferSource(bytes), 0, bytes.length, 64), SLOTS, 1_000));
    // 3, then 5 (a gap of 1 after 3, less one); 3 then 200 (gap 196: two bytes); 999 alone.
    expect(plain(read(write([0, 2, 2, 2, 2], [3, 1]))().get('a'))).toEqual([[3, 5]]);
    expect(plain(read(write([0, 3, 3, 3, 3], [3, 0xc4, 0x01]))().get('a'))).toEqual([[3, 200]]);
    expect(plain(read(write([0, 2, 2, 2, 2], [0xe7, 0x07]))().get('a'))).toEqual([[999]]);
    expect(read(write([0, 2, 2, 2, 2], [3, 0xc4]))).toThrow(SnapshotFormatError); // a number cut off at the list's end
    expect(read(write([0, 2, 3, 3, 3], [3, 0xc4, 0x01]))).toThrow(SnapshotFormatError); // a number across two lists
    expect(read(write([0, 3, 3, 3, 3], [0xe7, 0x07, 0x00]))).toThrow(SnapshotFormatError); // 999, then 1,000: no such story
    expect(read(write([0, 5, 5, 5, 5], [0xff, 0xff, 0xff, 0xff, 0x08]))).toThrow(SnapshotFormatError); // over 31 bits
    expect(read(write([0, 6, 6, 6, 6], [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]))).toThrow(SnapshotFormatError); // six bytes
    expect(read(write([0, 2, 2, 2, 3], [3, 1]))).toThrow(SnapshotFormatError); // offsets past the data
    expect(read(write([0, 2, 1, 2, 2], [3, 1]))).toThrow(SnapshotFormatError); // offsets go back
  });
});
