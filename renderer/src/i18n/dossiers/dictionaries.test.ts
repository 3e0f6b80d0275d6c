import { describe, expect, it } from 'vitest';
import { dossiersEn } from './en';
import { dossiersNl } from './nl';

/** Every string (also inside per-format records) with its path, for a side-by-side check. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  return [[path, value]];
}

describe.each([
  ['dossiers', dossiersEn, dossiersNl],
])('%s dictionaries', (_name, en, nl) => {
  it('have the same keys in English and Dutch, and no empty strings', () => {
    const enLeaves = leaves(en);
    expect(leaves(nl).map(([path]) => path)).toEqual(enLeaves.map(([path]) => path));
    for (const [path, value] of [...enLeaves, ...leaves(nl)]) {
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
      else expect(typeof value, path).toBe('function');
    }
  });
});

describe('wording with numbers', () => {
  it('counts stories in both languages', () => {
    expect(dossiersEn.storyCount(1)).toBe('1 story');
    expect(dossiersNl.storyCount(2)).toBe('2 verhalen');
    expect(dossiersNl.skippedMissing(1)).toBe('1 verhaal dat niet meer in de bibliotheek staat, is weggelaten.');
    expect(dossiersNl.skippedMissing(3)).toBe('3 verhalen die niet meer in de bibliotheek staan, zijn weggelaten.');
  });

});
