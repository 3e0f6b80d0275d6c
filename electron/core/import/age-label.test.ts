import { describe, expect, it } from 'vitest';
import { matchLeadingAgeLabel, matchTrailingAgeLabel } from './age-label';

describe('matchLeadingAgeLabel', () => {
  it.each(['1 uur geleden', '3 uur geleden', '8 minuten geleden', '1 minuut geleden', '45 min. geleden', '1 dag geleden', '2 dagen geleden', '3 weken geleden', 'zojuist', 'Gisteren', 'gisteren 18:05', '19 juni', '19 juni 2024, 08:12', '12:34'])(
    'reads "%s" standing alone and glued to a dateline',
    (label) => {
      expect(matchLeadingAgeLabel(label)).toEqual({ label, rest: '' });
      expect(matchLeadingAgeLabel(`${label}GENÈVE (ANP) - Tekst.`)).toEqual({ label, rest: 'GENÈVE (ANP) - Tekst.' });
      expect(matchLeadingAgeLabel(`${label} KHAN YOUNIS (ANP) - Tekst.`)).toEqual({ label, rest: 'KHAN YOUNIS (ANP) - Tekst.' });
    },
  );

  it('does not cut words off a line that is not a label plus dateline', () => {
    expect(matchLeadingAgeLabel('Gisteren zei de minister iets.')).toBeNull();
    expect(matchLeadingAgeLabel('3 uur geleden vertrok de trein.')).toBeNull();
    expect(matchLeadingAgeLabel('ZOJUISTDORP (ANP) - capitals are a place, not a label')).toBeNull();
    expect(matchLeadingAgeLabel('GENÈVE (ANP) - Tekst.')).toBeNull();
  });
});

describe('matchTrailingAgeLabel', () => {
  it('takes a label glued after the closing punctuation of a brief', () => {
    expect(matchTrailingAgeLabel('De gesprekken zijn afgelopen.4 uur geleden')).toEqual({ label: '4 uur geleden', text: 'De gesprekken zijn afgelopen.' });
    expect(matchTrailingAgeLabel('Hij noemde het "uitschot". 6 uur geleden')).toEqual({ label: '6 uur geleden', text: 'Hij noemde het "uitschot".' });
  });

  it('leaves text that merely ends in similar words', () => {
    expect(matchTrailingAgeLabel('De trein vertrok 3 uur geleden')).toBeNull();
    expect(matchTrailingAgeLabel('Het gebeurde gisteren.')).toBeNull();
  });
});
