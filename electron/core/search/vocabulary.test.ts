import { describe, expect, it } from 'vitest';
import { bufferSource, SnapshotFormatError, SnapshotReader, SnapshotWriter } from '../snapshot/codec';
import { Vocabulary } from './vocabulary';

function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

function bytesOf(write: (out: SnapshotWriter) => Generator<void>): Buffer {
  const out = new SnapshotWriter();
  drain(write(out));
  return Buffer.concat(out.take(true));
}

const reader = (bytes: Buffer) => new SnapshotReader(bufferSource(bytes), 0, bytes.length, 64);

// Words of a wire story: plurals and verb forms whose term is another word (`oorlog`), and
// forms whose term is no word of the text.
const WORDS = ['oorlog', 'oorlogen', 'kabinet', 'kabinetten', 'onderhandelingen', 'onderhandelde', 'de', 'raketten', 'gemeenteraad'];

function sample(): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const word of WORDS) vocabulary.intern(word);
  return vocabulary;
}

describe('Vocabulary snapshot state', () => {
  it('reads back every word with its term, terms that are words and terms that are not', () => {
    const vocabulary = sample();
    const read = drain(Vocabulary.readState(reader(bytesOf((out) => vocabulary.writeState(out)))));
    for (const word of WORDS) {
      const id = vocabulary.lookup(word)!;
      expect(read.lookup(word), word).toBe(id);
      expect(read.term(id), word).toBe(vocabulary.term(id));
    }
    // The terms of the posting lists, written as word numbers: the same strings back.
    const terms = [...new Set(WORDS.map((word) => vocabulary.term(vocabulary.lookup(word)!)).filter(Boolean))];
    expect(terms.some((term) => WORDS.includes(term))).toBe(true);
    expect(terms.some((term) => !WORDS.includes(term))).toBe(true);
    const written = bytesOf((out) => vocabulary.writeTerms(out, [...terms, 'geenwoord']));
    expect(drain(read.readTerms(reader(written)))).toEqual([...terms, 'geenwoord']);
  });

  it('refuses term references out of range', () => {
    const vocabulary = sample();
    const refs = (values: number[], others: string[] = []) =>
      bytesOf(function* (out) {
        yield* out.array(Int32Array.from(values));
        yield* out.strings(others);
      });
    // A word's own string, the term of a word, a string of its own.
    expect(drain(vocabulary.readTerms(reader(refs([1, -2, 0], ['x']))))).toEqual([vocabulary.word(1), vocabulary.term(2), 'x']);
    expect(() => drain(vocabulary.readTerms(reader(refs([0]))))).toThrow(SnapshotFormatError); // no string for it
    expect(() => drain(vocabulary.readTerms(reader(refs([1], ['x']))))).toThrow(SnapshotFormatError); // a string too many
    expect(() => drain(vocabulary.readTerms(reader(refs([WORDS.length + 1]))))).toThrow(SnapshotFormatError);
    expect(() => drain(vocabulary.readTerms(reader(refs([-(WORDS.length + 1)]))))).toThrow(SnapshotFormatError);
    const stopword = vocabulary.lookup('de')!;
    expect(vocabulary.term(stopword)).toBe('');
    expect(() => drain(vocabulary.readTerms(reader(refs([-stopword]))))).toThrow(SnapshotFormatError); // a word without a term
  });

  it('refuses a vocabulary whose terms name words or strings it does not have', () => {
    // Two words ('' and `oorlogen`), the second's term as given.
    const state = (refs: number[], others: string[]) =>
      bytesOf(function* (out) {
        yield* out.strings(['', 'oorlogen']);
        yield* out.array(Int32Array.from(refs));
        yield* out.strings(others);
        yield* out.array(Int32Array.from([0, 1]));
        yield* out.array(new Uint32Array(0));
        yield* out.strings([]);
        yield* out.array(new Uint32Array(0));
        yield* out.array(new Int32Array(2));
      });
    const read = (bytes: Buffer) => drain(Vocabulary.readState(reader(bytes)));
    expect(read(state([0, -1], ['oorlog'])).term(1)).toBe('oorlog');
    expect(read(state([0, 1], [])).term(1)).toBe('oorlogen');
    expect(() => read(state([0, 2], []))).toThrow(SnapshotFormatError); // no word 2
    expect(() => read(state([0, -2], ['oorlog']))).toThrow(SnapshotFormatError); // no second string
    expect(() => read(state([0, -1], ['']))).toThrow(SnapshotFormatError); // an empty term named
    expect(() => read(state([0], []))).toThrow(SnapshotFormatError); // a term too few
  });
});

describe('Vocabulary.termsStartingWith', () => {
  /** A vocabulary of `count` words starting with `noord`, word k in k + 1 stories. */
  function prefixed(count: number) {
    const vocabulary = new Vocabulary();
    const letters = (k: number) => String.fromCharCode(97 + (k % 26)) + String.fromCharCode(97 + Math.floor(k / 26));
    const words = Array.from({ length: count }, (_, k) => `noordwind${letters(k)}`);
    const ids = words.map((word) => vocabulary.intern(word));
    words.forEach((_, k) => {
      for (let story = 0; story <= k; story++) vocabulary.countWords(1, Int32Array.of(ids[k]!), 1);
    });
    return { vocabulary, words, ids };
  }

  it('takes the terms of the most frequent words, and asks `skip` only of the words it reaches', () => {
    const { vocabulary, words, ids } = prefixed(600);
    const left = (word: string) => words.indexOf(word) % 3 === 0;
    let asked = 0;
    const got = vocabulary.termsStartingWith('noord', 100, (word) => {
      asked++;
      return left(word);
    });
    // What filtering every word first and then ranking them gives.
    const expected = new Set<string>();
    for (let k = words.length - 1; k >= 0 && expected.size < 100; k--) if (!left(words[k]!)) expected.add(vocabulary.term(ids[k]!));
    expect(new Set(got)).toEqual(expected);
    expect(got).toHaveLength(100);
    expect(asked).toBeLessThan(200);
  });

  it('takes every term when no more than the limit are left', () => {
    const { vocabulary, words, ids } = prefixed(150);
    const got = vocabulary.termsStartingWith('noord', 100, (word) => words.indexOf(word) >= 60);
    expect(new Set(got)).toEqual(new Set(ids.slice(0, 60).map((id) => vocabulary.term(id))));
    expect(vocabulary.termsStartingWith('noord', 100, () => true)).toEqual([]);
    expect(vocabulary.termsStartingWith('zuid', 100)).toEqual([]);
  });
});
