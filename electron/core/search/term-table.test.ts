import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordHash } from '../text/dutch';
import { TermTable } from './term-table';

describe('TermTable', () => {
  it('numbers strings in the order added and finds them as a Map would, through deletions and growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 4 })), { maxLength: 3_000 }), (steps) => {
        const table = new TermTable();
        const model = new Map<string, number>();
        let next = 0;
        for (const [add, text] of steps) {
          if (add && !model.has(text)) {
            expect(table.add(text)).toBe(next);
            model.set(text, next++);
          } else {
            expect(table.delete(text)).toBe(model.delete(text));
          }
          expect(table.size).toBe(model.size);
        }
        expect(table.length).toBe(next);
        expect([...table.entries()]).toEqual([...model.entries()]);
        for (const [, text] of steps) {
          expect(table.get(text)).toBe(model.get(text) ?? -1);
          expect(table.has(text)).toBe(model.has(text));
        }
        for (const [text, number] of model) expect(table.text(number)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a string by where it stands in a text, A–Z read as a–z, without cutting it out', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-zé]{1,8}$/), { maxLength: 200 }), fc.string({ unit: fc.constantFrom('a', 'B', 'c', 'É', 'é', 'z', ' '), maxLength: 12 }), fc.nat(), fc.nat(), (words, text, a, b) => {
        const table = new TermTable();
        for (const word of words) table.add(word);
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const cut = text.slice(start, end);
        const folded = cut.replace(/[A-Z]/g, (c) => c.toLowerCase());
        expect(table.findRange(text, start, end, wordHash(folded))).toBe(table.get(folded));
      }),
      { numRuns: 2_000 },
    );
    const table = new TermTable();
    table.add('oorlog');
    expect(table.findRange('De OORLOG duurt', 3, 9, wordHash('oorlog'))).toBe(0);
    expect(table.findRange('De Oorlogen', 3, 9, wordHash('oorlog'))).toBe(0);
    expect(table.findRange('De ÖORLOG', 3, 9, wordHash('öorlog'))).toBe(-1);
  });

  it('takes strings at numbers of its own, with gaps, deletions and growth, as a Map of them would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('put', 'put', 'delete'), fc.stringMatching(/^[a-f0-9]{1,6}$/), fc.nat({ max: 3_000 })), { maxLength: 300 }),
        (steps) => {
          const table = new TermTable();
          const model = new Map<string, number>();
          let next = 0;
          for (const [step, text, gap] of steps) {
            if (step === 'delete') {
              expect(table.delete(text)).toBe(model.delete(text));
            } else if (!model.has(text)) {
              next += gap % 7 === 0 ? gap : 0;
              expect(table.put(text, next)).toBe(next);
              model.set(text, next++);
            }
            expect(table.size).toBe(model.size);
          }
          for (const [text, number] of model) {
            expect(table.get(text)).toBe(number);
            expect(table.text(number)).toBe(text);
          }
          expect([...table.entries()]).toEqual([...model].sort((a, b) => a[1] - b[1]));
          expect(() => table.put('nieuw-verhaal', next - 1)).toThrow(RangeError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reserved for a count up front, holds and finds the same as grown, then grows past it', () => {
    const words = Array.from({ length: 5_000 }, (_, k) => `woord${k.toString(36)}`);
    const grown = new TermTable();
    const reserved = new TermTable();
    reserved.add('vooraf');
    reserved.reserve(3_001);
    grown.add('vooraf');
    for (const word of words) {
      grown.add(word);
      reserved.add(word);
    }
    expect(reserved.delete('woord1')).toBe(true);
    expect(grown.delete('woord1')).toBe(true);
    for (const word of ['vooraf', ...words, 'ontbreekt']) expect(reserved.get(word), word).toBe(grown.get(word));
    expect(reserved.findRange('Zij zei WOORD2s', 8, 14, wordHash('woord2'))).toBe(grown.get('woord2'));
    expect([...reserved.entries()]).toEqual([...grown.entries()]);
    // Exactly the room asked for, until more came.
    const exact = new TermTable();
    exact.reserve(3_000);
    for (const word of words.slice(0, 3_000)) exact.add(word);
    expect((exact as unknown as { hashes: Int32Array }).hashes.length).toBe(3_000);
  });

  it('keeps a given array of strings as its numbering, and refuses one with a string twice', () => {
    const texts = ['', 'oorlog', 'vrede', 'poetin'];
    const table = TermTable.of(texts)!;
    expect(table.all()).toBe(texts);
    expect(texts.map((text) => table.get(text))).toEqual([0, 1, 2, 3]);
    expect(table.add('kim')).toBe(4);
    expect(table.get('kim')).toBe(4);
    expect(TermTable.of(['oorlog', 'vrede', 'oorlog'])).toBeNull();
  });
});
