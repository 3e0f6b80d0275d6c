import { describe, expect, it } from 'vitest';
import { MAX_QUERY_PARTS, parseQuery } from './query';

describe('parseQuery', () => {
  it('folds, drops stopwords and stems complete words', () => {
    const query = parseQuery('De Ontmoetingen in Oekraïne ');
    expect(query.terms).toEqual(['ontmoet', 'oekrain']);
    expect(query.prefixes).toEqual([]);
    expect(query.highlight).toEqual(['ontmoetingen', 'oekraine']);
    expect(query.empty).toBe(false);
  });

  it('treats the word still being typed as a prefix, but not after a space or punctuation', () => {
    expect(parseQuery('poetin oekr').prefixes).toEqual(['oekr']);
    expect(parseQuery('poetin oekr').terms).toEqual(['poetin']);
    expect(parseQuery('poetin oekr ').prefixes).toEqual([]);
    expect(parseQuery('poetin oekraine,').prefixes).toEqual([]);
    expect(parseQuery('poetin oekr').highlight).toEqual(['poetin', 'oekr*']);
  });

  it('treats any word ending in * as a prefix', () => {
    const query = parseQuery('oekr* kim ');
    expect(query.prefixes).toEqual(['oekr']);
    expect(query.terms).toEqual(['kim']);
  });

  it('ignores one-letter prefixes: they would match nearly everything', () => {
    const query = parseQuery('poetin k');
    expect(query.prefixes).toEqual([]);
    expect(query.terms).toEqual(['poetin']);
  });

  it('reads exact phrases in straight, typographic and Dutch low quotes', () => {
    for (const input of ['"warm welkom"', '“warm welkom”', '„warm welkom”']) {
      const query = parseQuery(input);
      expect(query.phrases).toEqual([['warm', 'welkom']]);
      expect(query.terms).toEqual(['warm', 'welkom']);
      expect(query.highlight).toEqual(['warm welkom']);
    }
  });

  it('keeps stopwords inside phrases and splits compounds into their parts', () => {
    const query = parseQuery('"de Noord-Koreaanse leider"');
    expect(query.phrases).toEqual([['de', 'noord', 'koreaanse', 'leider']]);
    expect(query.terms).toEqual(['noord', 'koreaan', 'leider']);
  });

  it('reads an unclosed quote as plain words until it is closed', () => {
    const query = parseQuery('"warm welk');
    expect(query.phrases).toEqual([]);
    expect(query.terms).toEqual(['warm']);
    expect(query.prefixes).toEqual(['welk']);
  });

  it('excludes words and phrases marked with a minus', () => {
    const query = parseQuery('oekraine -zelensky -"de VS" -noord-korea ');
    expect(query.terms).toEqual(['oekrain']);
    expect(query.excludeTerms).toEqual(['zelensky']);
    expect(query.excludePhrases).toEqual([['de', 'vs'], ['noord', 'korea']]);
    expect(query.highlight).toEqual(['oekraine']);
  });

  it('does not read a hyphen inside a word or a lone dash as exclusion', () => {
    expect(parseQuery('Kim Jong-un ').excludeTerms).toEqual([]);
    expect(parseQuery('poetin - kim ').terms).toEqual(['poetin', 'kim']);
  });

  it('is empty for blank, punctuation-only and stopword-only input', () => {
    for (const input of ['', '   ', '!!! ... ???', '"" ""', 'de het een ', '"', '-', '*', '- " *']) {
      const query = parseQuery(input);
      expect(query.empty, JSON.stringify(input)).toBe(true);
    }
  });

  it('keeps a quoted stopword as a phrase: the user asked for it explicitly', () => {
    const query = parseQuery('"in de"');
    expect(query.phrases).toEqual([['in', 'de']]);
    expect(query.terms).toEqual([]);
    expect(query.empty).toBe(false);
  });

  it('cuts very long input and caps the number of parts', () => {
    const long = Array.from({ length: 5_000 }, (_, i) => `woord${i}`).join(' ');
    const query = parseQuery(long);
    expect(query.terms.length + query.prefixes.length).toBeLessThanOrEqual(MAX_QUERY_PARTS);
    expect(parseQuery('x'.repeat(100_000)).prefixes.length).toBe(1);
  });

  it('never throws on odd input', () => {
    for (const input of ['\u0000\uFFFF', '\uD800', '"""', '-"', '*"*', 'a\u0308b', '🙂 oekraine', 'oe\u0301kr']) {
      expect(() => parseQuery(input)).not.toThrow();
    }
    expect(() => parseQuery(undefined as unknown as string)).not.toThrow();
  });

  it('deduplicates repeated words', () => {
    expect(parseQuery('poetin Poetin POETIN ').terms).toEqual(['poetin']);
  });

  it('reads OR (also OF and |) as either of the words around it, binding tighter than the words beside it', () => {
    const query = parseQuery('oekraine poetin OR kim ');
    expect(query.terms).toEqual(['oekrain']);
    expect(query.anyOf).toEqual([[{ term: 'poetin' }, { term: 'kim' }]]);
    expect(query.highlight).toEqual(['oekraine', 'poetin', 'kim']);
    expect(parseQuery('poetin OF kim | xi ').anyOf).toEqual([[{ term: 'poetin' }, { term: 'kim' }, { term: 'xi' }]]);
  });

  it('takes phrases and the word being typed as OR alternatives', () => {
    const query = parseQuery('"warm welkom" OR ontmoet');
    expect(query.anyOf).toEqual([[{ phrase: ['warm', 'welkom'], terms: ['warm', 'welkom'] }, { prefix: 'ontmoet' }]]);
    expect(query.highlight).toEqual(['warm welkom', 'ontmoet*']);
  });

  it('reads lower-case or/of as words, and ignores an OR with nothing on one side', () => {
    expect(parseQuery('poetin or kim ').anyOf).toEqual([]);
    expect(parseQuery('poetin OR').terms).toEqual(['poetin']);
    expect(parseQuery('poetin OR').anyOf).toEqual([]);
    expect(parseQuery('OR poetin ').terms).toEqual(['poetin']);
    // Leaving out does not combine with OR: both parts keep their own meaning.
    const negated = parseQuery('poetin OR -kim ');
    expect(negated.terms).toEqual(['poetin']);
    expect(negated.excludeTerms).toEqual(['kim']);
    expect(negated.anyOf).toEqual([]);
  });

  it('makes an OR with one side left (a stopword) a plain word', () => {
    const query = parseQuery('poetin OR de ');
    expect(query.anyOf).toEqual([]);
    expect(query.terms).toEqual(['poetin']);
    expect(parseQuery('OR OR |').empty).toBe(true);
  });
});
