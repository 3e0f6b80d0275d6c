import { describe, expect, it } from 'vitest';
import { firstSentence } from './sentence';

describe('firstSentence', () => {
  it('cuts at the end of the first sentence', () => {
    expect(firstSentence('Het Louvre blijft dicht. Dat meldt de directie.')).toBe('Het Louvre blijft dicht.');
    expect(firstSentence('Is dit het einde? Niemand weet het.')).toBe('Is dit het einde?');
    expect(firstSentence('Wat een dag! Morgen meer.')).toBe('Wat een dag!');
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    expect(firstSentence('Hij noemde het "een ramp." De minister zweeg.')).toBe('Hij noemde het "een ramp."');
    expect(firstSentence('Er vielen doden (volgens de VN.) Het leger ontkent.')).toBe('Er vielen doden (volgens de VN.)');
  });

  it('does not cut at Dutch abbreviations, titles or initials', () => {
    expect(firstSentence('Er kwamen o.a. ministers en d.w.z. ook Kim. Daarna niets.')).toBe('Er kwamen o.a. ministers en d.w.z. ook Kim.');
    expect(firstSentence('Advocaat mr. Jansen en dr. De Boer spraken. Verder niemand.')).toBe('Advocaat mr. Jansen en dr. De Boer spraken.');
    expect(firstSentence('Prof. Smit en J. Jansen waren er ook. Het duurde lang.')).toBe('Prof. Smit en J. Jansen waren er ook.');
    expect(firstSentence('Volgens J.P. Balkenende klopt het. Hij lachte.')).toBe('Volgens J.P. Balkenende klopt het.');
    expect(firstSentence('De troepen uit de V.S. Zijn er nog. Meer volgt.')).toBe('De troepen uit de V.S. Zijn er nog.');
  });

  it('does not cut inside numbers', () => {
    expect(firstSentence('De groei was 1.5 procent en 2,3 procent. Dat is weinig.')).toBe('De groei was 1.5 procent en 2,3 procent.');
    expect(firstSentence('Het kost 3.000 euro. Te veel.')).toBe('Het kost 3.000 euro.');
  });

  it('does cut after a single capital that ends a sentence (`op X.`)', () => {
    expect(firstSentence('Dat schreef de minister op X. Dat leidde tot ophef.')).toBe('Dat schreef de minister op X.');
  });

  it('does not cut before a lower-case word', () => {
    expect(firstSentence('"Kom op!" riep hij tegen de menigte. Die juichte.')).toBe('"Kom op!" riep hij tegen de menigte.');
  });

  it('returns the whole text when there is no sentence end', () => {
    expect(firstSentence('Een zin zonder punt')).toBe('Een zin zonder punt');
  });

  it('caps a long sentence at a word boundary with an ellipsis', () => {
    const long = `${'Het kabinet wil dat de gemeenten sneller bouwen, '.repeat(8)}zegt de minister. Tweede zin.`;
    const headline = firstSentence(long);
    expect(headline.length).toBeLessThanOrEqual(200);
    expect(headline.endsWith('…')).toBe(true);
    expect(long.startsWith(headline.slice(0, -1))).toBe(true);
    expect(headline).not.toMatch(/[\s,]…$/);
    expect(firstSentence('x'.repeat(500))).toHaveLength(200);
    expect(firstSentence('Een korte zin.', 10)).toBe('Een korte…');
    expect(firstSentence('Een korte zin.', 12)).toBe('Een korte…');
  });
});
