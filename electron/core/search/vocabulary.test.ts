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
