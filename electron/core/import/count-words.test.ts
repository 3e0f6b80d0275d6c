import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './count-words';

const byRegex = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

describe('countWords', () => {
  it('counts as the word pattern does', () => {
    for (const text of ['', 'Noord-Korea', "auto's en fiets’en", 'a--b', '-a- b-', 'Oekraïne 2024: 3,5%', '𝐀𝐁 c', 'x\uD800y', '   ', "’t is 's-Hertogenbosch"]) {
      expect(countWords(text), text).toBe(byRegex(text));
    }
  });
  it('counts as the word pattern does on any text', () => {
    const piece = fc.constantFrom('a', 'Z', '9', 'ï', 'é', '-', "'", '’', ' ', '.', '\n', '𝐀', '\uD800', '日', '‐', '_');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), (text) => countWords(text) === byRegex(text)), { numRuns: 2_000 });
  });
});
