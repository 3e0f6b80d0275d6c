import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, words } from '../text/dutch';
import { relatedFeatures, wordingTerm } from './related/features';

// relatedFeatures reads the spellings with diacritics and the dateline place off the words
// it scans; these are what it found before, by a regular expression over the whole text
// and by looking for the place among the text's words joined by spaces.
function surfacesByRegex(text: string): string[] {
  const out: string[] = [];
  if (!/[À-ÖØ-öø-ɏ]/u.test(text)) return out;
  for (const match of text.toLowerCase().matchAll(/(?<![a-zß-öø-ɏ])[a-zß-öø-ɏ]*[ß-öø-ɏ][a-zß-öø-ɏ]*/gu)) {
    const written = match[0].normalize('NFC');
    const folded = fold(written);
    out.push(wordingTerm(folded), folded, written);
  }
  return out;
}

function namesPlaceByJoin(headline: string, text: string, place: string): boolean {
  const key = words(place).join(' ');
  const headlineWords = words(headline);
  const textWords = words(text);
  return key !== '' && ` ${headlineWords.join(' ')}${headlineWords.length && textWords.length ? ' ' : ''}${textWords.join(' ')} `.includes(` ${key} `);
}

describe('relatedFeatures, read off the scanned words', () => {
  const alphabet = ['a', 'Z', 'é', 'É', 'e\u0301', '\u0301', 'ß', 'ẞ', 'Å', 'İ', 'Σ', 'Ж', 'ø', 'ÿ', 'ɏ', '-', "'", '’', ' ', '.', '\n', '7', 'ij', 'Den', 'Haag'];
  const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((chars) => chars.join(''));

  it('gives the spellings with diacritics the whole-text expression gave, for any text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(relatedFeatures({ kind: 'article', headline: '', text, place: '', entities: [] }).surfaces).toEqual(surfacesByRegex(text));
      }),
      { numRuns: 3000, seed: 21 },
    );
  });

  it('counts the dateline place when the headline or text names it, as before', () => {
    fc.assert(
      fc.property(texts, texts, fc.constantFrom('DEN HAAG', 'Haag', 'É', 'a-Z', 'ZÉ'), (headline, text, place) => {
        const features = relatedFeatures({ kind: 'article', headline, text, place, entities: [] });
        expect(features.entities.length > 0).toBe(namesPlaceByJoin(headline, text, place));
      }),
      { numRuns: 2000, seed: 22 },
    );
  });
});
