import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlight } from './Highlight';
import { compileHighlight, fold, highlightRanges, mergeRanges, splitByRanges } from './highlight-ranges';

/** The marked words of `text`, as shown. */
function marked(text: string, highlight: string[]): string[] {
  return highlightRanges(text, compileHighlight(highlight)).map(([start, end]) => text.slice(start, end));
}

describe('fold', () => {
  it('drops diacritics and case, NFC or not', () => {
    expect(fold('Oekraïne')).toBe('oekraine');
    expect(fold('GENÈVE')).toBe('geneve');
    expect(fold('Oekrai\u0308ne')).toBe('oekraine');
  });
});

describe('highlightRanges', () => {
  it('marks words with diacritics from a folded term, keeping the display text', () => {
    expect(marked('Poetin dankt Kim voor steun in oorlog Oekraïne', ['oekraine'])).toEqual(['Oekraïne']);
    expect(marked('Overleg in GENÈVE en Genève', ['geneve'])).toEqual(['GENÈVE', 'Genève']);
  });

  it('is stem-aware: a term marks other forms of the word', () => {
    expect(marked('Oekraïners in Oekraïne', ['oekraine'])).toEqual(['Oekraïners', 'Oekraïne']);
    // Same word start, other stem: what the search itself would not find is not marked either.
    expect(marked('De Oekraïense president', ['oekraine'])).toEqual([]);
    expect(marked('Na de ontmoeting volgden meer ontmoetingen', ['ontmoetingen'])).toEqual(['ontmoeting', 'ontmoetingen']);
    expect(marked('Zij ontmoet hem; de ontmoetingen', ['ontmoet'])).toEqual(['ontmoet', 'ontmoetingen']);
  });

  it('marks word starts for a prefix term and nothing inside words', () => {
    expect(marked('Oekraïne en de Oekraïners, niet Zuid-Oekr', ['oekr*'])).toEqual(['Oekraïne', 'Oekraïners', 'Oekr']);
    expect(marked('Kim Jong-un', ['jong*'])).toEqual(['Jong']);
    expect(marked('vrede', ['red*'])).toEqual([]);
  });

  it('marks a quoted phrase only where its words follow each other', () => {
    expect(marked('Een warm welkom, maar warm en welkom apart', ['warm welkom'])).toEqual(['warm welkom']);
    expect(marked('Raad van Noord-Korea', ['noord korea'])).toEqual(['Noord-Korea']);
  });

  it('matches a hyphenated compound written as one word', () => {
    expect(marked('Kim van Noord-Korea', ['noordkorea'])).toEqual(['Noord-Korea']);
  });

  it('merges overlapping terms into one mark', () => {
    expect(marked('Oekraïne', ['oekr*', 'oekraine'])).toEqual(['Oekraïne']);
    expect(marked('een warm welkom', ['warm welkom', 'welkom'])).toEqual(['warm welkom']);
    expect(mergeRanges([[5, 9], [0, 3], [2, 6], [12, 14]])).toEqual([[0, 9], [12, 14]]);
  });

  it('does not mark short stems inside longer words', () => {
    // `vs` is a word of its own, not the start of every word beginning with v-s.
    expect(marked('De VS en de vsbank', ['vs'])).toEqual(['VS', 'vsbank']);
    expect(marked('de december', ['de'])).toEqual(['de', 'december']);
  });

  it('handles empty or odd input without throwing', () => {
    expect(highlightRanges('', compileHighlight(['kim']))).toEqual([]);
    expect(highlightRanges('Kim', null)).toEqual([]);
    expect(compileHighlight([])).toBeNull();
    expect(compileHighlight(['', '  ', '*', '""'])).toBeNull();
    expect(marked('İstanbul, Straße', ['istanbul', 'strasse'])).toEqual(['İstanbul']);
  });

  it('gives offsets into the display text even when folding changes its length', () => {
    const text = 'İİİ Oekraïne';
    expect(marked(text, ['oekraine'])).toEqual(['Oekraïne']);
  });
});

describe('splitByRanges', () => {
  it('cuts text into marked and plain pieces that join back to the text', () => {
    const text = 'Poetin en Kim';
    const pieces = splitByRanges(text, [[0, 6], [10, 13]]);
    expect(pieces).toEqual([
      { text: 'Poetin', marked: true },
      { text: ' en ', marked: false },
      { text: 'Kim', marked: true },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });
});

describe('<Highlight>', () => {
  it('renders matches as <mark> elements and the rest as text', () => {
    const { container } = render(<Highlight text="Steun voor Oekraïne" matcher={compileHighlight(['oekraine'])} />);
    expect(Array.from(container.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['Oekraïne']);
    expect(container.textContent).toBe('Steun voor Oekraïne');
  });

  it('never turns imported text into HTML', () => {
    const hostile = '<img src=x onerror=alert(1)> Oekraïne <b>vet</b>';
    const { container } = render(<Highlight text={hostile} matcher={compileHighlight(['oekraine', 'img'])} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(hostile);
    expect(Array.from(container.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['img', 'Oekraïne']);
  });
});
