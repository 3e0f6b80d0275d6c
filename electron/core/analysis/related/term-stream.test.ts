import { describe, expect, it } from 'vitest';
import { TermStream } from './term-stream';

describe('a term stream', () => {
  it('resolves each number once per table, and afresh for another table', () => {
    const stream = new TermStream();
    stream.append(['oorlog', 'vrede'], ['oorlog', 'vredes']);
    stream.append(['verkiezing'], ['verkiezingen']);
    expect(stream.size).toBe(3);
    const asked: string[] = [];
    const table = new Map<string, number>([['vrede', 7]]);
    const resolve = (term: string, word: string) => {
      asked.push(`${term}/${word}`);
      let id = table.get(term);
      if (id === undefined) table.set(term, (id = table.size + 100));
      return id;
    };
    expect([1, 0, 1, 2, 0].map((n) => stream.idOf(n, table, resolve))).toEqual([7, 101, 7, 102, 101]);
    expect(asked).toEqual(['vrede/vredes', 'oorlog/oorlog', 'verkiezing/verkiezingen']);
    const other = new Map<string, number>();
    expect(stream.idOf(0, other, (term) => (other.set(term, 1), 1))).toBe(1);
    expect(stream.idOf(1, table, resolve)).toBe(7);
    expect(asked).toHaveLength(4);
    // Beyond its first room, and a number never sent.
    stream.append(Array.from({ length: 2_000 }, (_, k) => `t${k}`), Array.from({ length: 2_000 }, (_, k) => `w${k}`));
    expect(stream.idOf(2_002, table, resolve)).toBe(table.get('t1999'));
    expect(stream.word(2_002)).toBe('w1999');
    expect(() => stream.term(5_000)).toThrow(RangeError);
    expect(() => stream.append(['a'], [])).toThrow(RangeError);
  });
});
