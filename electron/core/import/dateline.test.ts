import { describe, expect, it } from 'vitest';
import { findGluedDateline, matchDateline } from './dateline';

describe('matchDateline', () => {
  it.each([
    ['PYONGYANG (ANP/RTR) - De president', 'PYONGYANG', ['ANP', 'RTR']],
    ['GENÈVE (ANP) - De delegaties', 'GENÈVE', ['ANP']],
    ['GAZA-STAD (ANP/AFP) - De lichamen', 'GAZA-STAD', ['ANP', 'AFP']],
    ['LA PAZ (ANP/AFP/RTR) - De centrumrechtse', 'LA PAZ', ['ANP', 'AFP', 'RTR']],
    ['KHAN YOUNIS (ANP) - De Palestijnse', 'KHAN YOUNIS', ['ANP']],
    ['SINT-PETERSBURG (ANP) - Het paleis', 'SINT-PETERSBURG', ['ANP']],
    ["'S-HERTOGENBOSCH (ANP) - De gemeente", "'S-HERTOGENBOSCH", ['ANP']],
    ["'s-HERTOGENBOSCH (ANP) - De gemeente", "'s-HERTOGENBOSCH", ['ANP']],
    ['ST. LOUIS (AP) - Een rechter', 'ST. LOUIS', ['AP']],
    ['BRUSSEL/DEN HAAG (ANP) - De ministers', 'BRUSSEL/DEN HAAG', ['ANP']],
    ['SÃO PAULO (ANP/Reuters) - De stad', 'SÃO PAULO', ['ANP', 'Reuters']],
  ])('reads %s', (line, place, agencies) => {
    expect(matchDateline(line)).toEqual({ dateline: { place, agencies }, rest: line.replace(/^.*?\) - /, '') });
  });

  it('accepts en and em dashes, missing spaces and other agency separators', () => {
    expect(matchDateline('GENÈVE (ANP) – Tekst.')?.dateline).toEqual({ place: 'GENÈVE', agencies: ['ANP'] });
    expect(matchDateline('LA PAZ (ANP, AFP) — Tekst.')?.dateline).toEqual({ place: 'LA PAZ', agencies: ['ANP', 'AFP'] });
    expect(matchDateline('KABUL (ANP AFP RTR)-Tekst.')).toEqual({ dateline: { place: 'KABUL', agencies: ['ANP', 'AFP', 'RTR'] }, rest: 'Tekst.' });
    expect(matchDateline('NEW YORK (ANP/Associated Press) - Tekst.')?.dateline.agencies).toEqual(['ANP', 'Associated Press']);
    expect(matchDateline('NEW\u00A0YORK (ANP) - Tekst.')?.dateline.place).toBe('NEW YORK');
  });

  it('returns an empty rest for a dateline on its own line', () => {
    expect(matchDateline('DEN HAAG (ANP) -')).toEqual({ dateline: { place: 'DEN HAAG', agencies: ['ANP'] }, rest: '' });
  });

  it.each([
    'De minister (VVD) - die eerder aftrad - zei niets.',
    'Rutte (VVD) - zei het al.',
    'NAVO (de alliantie) - een verbond.',
    'PYONGYANG (ANP/RTR) De president zonder streepje.',
    'Gewoon een zin zonder dateline.',
    'X (ANP) - één letter is geen plaats.',
    '(ANP) - zonder plaats.',
  ])('does not take %s for a dateline', (line) => {
    expect(matchDateline(line)).toBeNull();
  });
});

describe('findGluedDateline', () => {
  it('finds a dateline glued to text before it', () => {
    expect(findGluedDateline('Meer uit BuitenlandNEW YORK (ANP) - Tekst.')).toEqual({ before: 'Meer uit Buitenland', after: 'NEW YORK (ANP) - Tekst.' });
    expect(findGluedDateline("Poetin in Oekraïne'S-HERTOGENBOSCH (ANP) - Tekst.")).toEqual({ before: 'Poetin in Oekraïne', after: "'S-HERTOGENBOSCH (ANP) - Tekst." });
    expect(findGluedDateline('Poetin in OekraïneKYIV (ANP) - Tekst.')?.before).toBe('Poetin in Oekraïne');
  });

  it('finds nothing in ordinary text', () => {
    expect(findGluedDateline('Hij zei dat de VS (en de EU) - met moeite - akkoord gingen.')).toBeNull();
    expect(findGluedDateline('PYONGYANG (ANP) - Tekst.')).toBeNull();
  });
});
