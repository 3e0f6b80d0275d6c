import { describe, expect, it } from 'vitest';
import { labelsFor } from './labels';

// The Dutch export words the desk as the renderer and the CLI do (issue 15): "bericht(en)",
// a tag is a tag, no English desk words.
const NOT_DUTCH = /\b(verhaal|verhalen|labels?|taggings?|dateline|stories|story|briefs?)\b/i;

function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const out = (value as (...args: unknown[]) => unknown)(2, 'x1', 3);
    return typeof out === 'string' ? [[path, out]] : [];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, `${path}.${key}`));
  return [];
}

describe('the Dutch export words', () => {
  it('say bericht(en) and tag, never verhaal, label or English desk words', () => {
    const all = strings(labelsFor('nl'), 'nl');
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter(([, text]) => NOT_DUTCH.test(text)).map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });
});
