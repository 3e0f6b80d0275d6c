import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
});
