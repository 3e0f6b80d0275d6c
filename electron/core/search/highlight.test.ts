import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightMatcher, highlightRanges } from './highlight';
import { parseQuery } from './query';

const marked = (text: string, highlight: string[]) => highlightRanges(text, highlight).map(([start, end]) => text.slice(start, end));

describe('highlightRanges', () => {
  it('marks words with diacritics in the display text from a folded query', () => {
    const text = 'Steun voor Oekraïne en de Oekraïense president';
    expect(marked(text, ['oekraine'])).toEqual(['Oekraïne']);
    expect(marked(text, ['oekr*'])).toEqual(['Oekraïne', 'Oekraïense']);
  });

  it('gives offsets into the display text even where folding changes the length', () => {
    // `İ` lower-cases to two code units; offsets after it must still be right.
    const text = 'İstanbul: overleg over Oekraïne';
    expect(marked(text, ['oekraine'])).toEqual(['Oekraïne']);
    expect(marked(text, ['overleg'])).toEqual(['overleg']);
  });

  it('handles text in decomposed form (NFD) as well', () => {
    const text = 'Oekrai\u0308ne';
    expect(marked(text, ['oekraine'])).toEqual([text]);
  });

  it('is stem-aware: ontmoet marks ontmoetingen, and the other way round', () => {
    const text = 'Na de ontmoetingen volgde nog een ontmoeting.';
    expect(marked(text, ['ontmoet'])).toEqual(['ontmoetingen', 'ontmoeting']);
    expect(marked(text, ['ontmoetingen'])).toEqual(['ontmoetingen', 'ontmoeting']);
  });

  it('marks a typed word start on the words it starts, and on its stem', () => {
    expect(marked('Een ontmoeting in Moskou', ['ontmoetingen*'])).toEqual(['ontmoeting']);
    expect(marked('Moskou en Mosul', ['mos*'])).toEqual(['Moskou', 'Mosul']);
  });

  it('marks a phrase as one range, and not its words elsewhere', () => {
    const text = 'Een warm welkom. Het welkom was niet warm.';
    expect(marked(text, ['warm welkom'])).toEqual(['warm welkom']);
  });

  it('marks compounds by their parts or as a whole', () => {
    const text = 'De Noord-Koreaanse leider in Noord-Korea';
    expect(marked(text, ['koreaanse'])).toEqual(['Koreaanse']);
    expect(marked(text, ['noordkorea'])).toEqual(['Noord-Korea']);
    expect(marked(text, ['noord', 'korea'])).toEqual(['Noord', 'Noord', 'Korea']);
    expect(marked(text, ['noord koreaanse leider'])).toEqual(['Noord-Koreaanse leider']);
  });

  it('works with the highlight list of a parsed query', () => {
    const text = 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne';
    expect(marked(text, parseQuery('"kim jong-un" poetin oekr').highlight)).toEqual(['Poetin', 'Kim Jong-un', 'Oekraïne']);
  });

  it('returns sorted, merged, non-overlapping ranges', () => {
    const text = 'warm welkom warm';
    // `warm welkom` and both `warm`s overlap or touch; the space before the last `warm` does not.
    expect(highlightRanges(text, ['warm', 'warm welkom', 'welk*'])).toEqual([[0, 11], [12, 16]]);
  });

  it('returns nothing for empty input and never throws on odd input', () => {
    expect(highlightRanges('', ['x'])).toEqual([]);
    expect(highlightRanges('tekst', [])).toEqual([]);
    expect(highlightRanges('tekst', ['', ' ', '*', '  *  '])).toEqual([]);
    expect(() => highlightRanges('\uD800 <b>oekraine</b> 🙂', ['oekraine', '\u0000'])).not.toThrow();
    expect(marked('<script>Oekraïne</script>', ['oekraine'])).toEqual(['Oekraïne']);
  });

  it('marks with one matcher for many texts what it marks for each text alone', () => {
    const texts = [
      'Kim Jong-un ontving Poetin in Pyongyang; de ontmoeting duurde twee uur.',
      'Noord-Korea en Rusland sloten een verdrag. Noord-Koreaanse media spraken van een „warm welkom”.',
      'Het Kremlin bevestigde de ontmoetingen, Pyongyang zweeg. Poetins woordvoerder: ‘geen commentaar’.',
      '',
    ];
    const highlights = [['poetin', 'ontmoet', 'noordkorea', 'warm welkom', 'pyong*'], parseQuery('"de ontmoeting" kremlin* rus').highlight, []];
    for (const highlight of highlights) {
      const matcher = highlightMatcher(highlight);
      // Twice over: what the matcher remembers of the first texts does not change the later answers.
      for (const text of [...texts, ...texts]) expect(matcher(text)).toEqual(highlightRanges(text, highlight));
    }
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }), fc.array(fc.constantFrom('kim', 'jong-un', 'oekraïne', 'noord-korea', 'İstanbul', 'ca', 'cafe', 'café', 'ü'), { maxLength: 20 }), (highlight, wordsOf) => {
        const matcher = highlightMatcher(highlight);
        const text = wordsOf.join(' ');
        expect(matcher(text)).toEqual(highlightRanges(text, highlight));
        expect(matcher(text)).toEqual(matcher(text));
      }),
      { numRuns: 200 },
    );
  });
});
