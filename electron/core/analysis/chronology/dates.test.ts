import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutchNumber, findDates, tenseOf, type DateValue } from './dates';

// Reference dates: Tuesday 18 June 2024 and Sunday 17 September 2023.
const TUE = '2024-06-18';
const SUN = '2023-09-17';

/** The values found in a sentence, as `granularity:date`. */
function values(sentence: string, anchor: string | null = TUE): string[] {
  return findDates(sentence, anchor).map((m) => (m.value ? `${m.value.granularity}:${m.value.date}` : 'unresolved'));
}
const day = (date: string) => `day:${date}`;
const month = (date: string) => `month:${date}`;
const year = (y: number) => `year:${y}-01-01`;
const week = (monday: string) => `week:${monday}`;

describe('absolute dates', () => {
  it('resolves a full date in words, in figures and with a weekday before it', () => {
    expect(values('Het verdrag werd op 13 september 2023 ondertekend.')).toEqual([day('2023-09-13')]);
    expect(values('De stemming is uitgesteld tot 1 februari 2025.')).toEqual([day('2025-02-01')]);
    expect(values('Op dinsdag 12 maart 2024 viel het kabinet.')).toEqual([day('2024-03-12')]);
    expect(values('Het besluit van 13-09-2023 werd herroepen.')).toEqual([day('2023-09-13')]);
    expect(values('Afgesproken is de datum 3/10/2022.')).toEqual([day('2022-10-03')]);
    expect(values('De top begon op 3 okt. 2022 in Praag.')).toEqual([day('2022-10-03')]);
    expect(values('De ramp op 1e januari 2020 kostte vier levens.')).toEqual([day('2020-01-01')]);
  });

  it('resolves a month with its year, with or without a qualifier, as a month', () => {
    expect(values('In juni 2024 bezocht Poetin Pyongyang.')).toEqual([month('2024-06-01')]);
    expect(values('Begin juli 2023 kwamen de ministers bijeen.')).toEqual([month('2023-07-01')]);
    expect(values('De onderhandelingen liepen vast in de maand november van 2021.')).toEqual([month('2021-11-01')]);
  });

  it('resolves a year after a cue as a year, and leaves bare numbers alone', () => {
    expect(values('In 2019 trok de regering zich terug.')).toEqual([year(2019)]);
    expect(values('Eind 2023 tekenden de landen een verdrag.')).toEqual([year(2023)]);
    expect(values('Het voorjaar van 2022 was onrustig.')).toEqual([year(2022)]);
    expect(values('Er kwamen 2019 mensen op de bijeenkomst af.')).toEqual([]);
    expect(values('De bouw kostte 2.000 euro per woning.')).toEqual([]);
  });

  it('marks since and until', () => {
    expect(findDates('Sinds 2014 is de Krim bezet.', TUE).map((m) => m.role)).toEqual(['since']);
    expect(findDates('De sancties gelden tot 1 februari 2025.', TUE).map((m) => m.role)).toEqual(['until']);
    expect(findDates('Het land wil voor 2030 klimaatneutraal zijn.', TUE).map((m) => m.role)).toEqual(['until']);
    expect(findDates('In 2019 brak de oorlog uit.', TUE).map((m) => m.role)).toEqual(['point']);
  });

  it('rejects impossible dates', () => {
    expect(values('Op 31 februari 2024 gebeurde niets.')).toEqual([]);
    expect(values('Het document is gedateerd 45-13-2023.')).toEqual([]);
  });
});

describe('dates resolved against the story date', () => {
  it('resolves a day and month without a year in the direction of the tense', () => {
    expect(values('De treinramp van 18 januari kostte 45 mensen het leven.', SUN)).toEqual([day('2023-01-18')]);
    expect(values('Op 20 september stemt het parlement over de begroting.', SUN)).toEqual([day('2023-09-20')]);
    expect(values('Op 20 september stemde het parlement over de begroting.', SUN)).toEqual([day('2022-09-20')]);
    expect(values('De Kamer kwam op 17 september bijeen.', SUN)).toEqual([day('2023-09-17')]);
  });

  it('resolves a month named after a cue', () => {
    expect(values('In maart beweerde Washington bewijs te hebben.')).toEqual([month('2024-03-01')]);
    expect(values('De leiders ontmoetten elkaar voor het laatst in september, toen Kim Rusland bezocht.')).toEqual([month('2023-09-01')]);
    expect(values('Afgelopen september hadden Kim en Poetin warme woorden voor elkaar.')).toEqual([month('2023-09-01')]);
    expect(values('Afgelopen april voerde de groep een aanval uit.')).toEqual([month('2024-04-01')]);
    expect(values('De top vindt in oktober plaats.')).toEqual([month('2024-10-01')]);
    expect(values('Komende juni loopt het mandaat af.')).toEqual([month('2025-06-01')]);
    expect(values('Sinds maart is de grens dicht.')).toEqual([month('2024-03-01')]);
    expect(values('In juni beloofde de minister beterschap.')).toEqual([month('2024-06-01')]);
  });

  it('resolves weekdays: past tense looks back, present and future look ahead', () => {
    // Tuesday 18 June 2024.
    expect(values('De parlementariërs zeiden maandag (lokale tijd) dat ze resoluties indienen.')).toEqual([day('2024-06-17')]);
    expect(values('Poetin arriveerde in de nacht van dinsdag op woensdag in Pyongyang.', '2024-06-19')).toEqual([day('2024-06-19')]);
    expect(values('Hij ontving woensdagochtend de Noord-Koreaanse leider.', '2024-06-19')).toEqual([day('2024-06-19')]);
    expect(values('Woensdag reist Poetin door naar Vietnam.')).toEqual([day('2024-06-19')]);
    expect(values('De minister zal vrijdag een verklaring afleggen.')).toEqual([day('2024-06-21')]);
    expect(values('Hij arriveerde daar afgelopen dinsdag met zijn gepantserde trein.')).toEqual([day('2024-06-11')]);
    expect(values('De EU-ministers hebben donderdag besloten de groep op de lijst te zetten.')).toEqual([day('2024-06-13')]);
    expect(values('Dinsdag werd bekend dat de minister aftreedt.')).toEqual([day('2024-06-18')]);
    expect(values('Vorige week dinsdag tekende de minister het besluit.')).toEqual([day('2024-06-11')]);
    expect(values('Volgende week vrijdag beslist de rechter.')).toEqual([day('2024-06-28')]);
    expect(values('Het kabinet vergadert komende maandag opnieuw.')).toEqual([day('2024-06-24')]);
  });

  it('resolves relative days, weeks, months and years', () => {
    expect(values('Gisteren maakte de regering het besluit bekend.')).toEqual([day('2024-06-17')]);
    expect(values('Eergisteren viel de stroom uit.')).toEqual([day('2024-06-16')]);
    expect(values('Morgen beslist de rechter.')).toEqual([day('2024-06-19')]);
    expect(values("De vergadering begon 's morgen vroeg.")).toEqual([]);
    expect(values('Vanavond spreekt de premier het land toe.')).toEqual([day('2024-06-18')]);
    expect(values('Vorige week sloten de partijen een akkoord.')).toEqual([week('2024-06-10')]);
    expect(values('Volgende week komt de commissie met een advies.')).toEqual([week('2024-06-24')]);
    expect(values('Vorige maand steeg de inflatie.')).toEqual([month('2024-05-01')]);
    expect(values('Eind vorig jaar beschuldigden de Verenigde Staten het land van wapenleveranties.')).toEqual([year(2023)]);
    expect(values('Dit jaar wordt er opnieuw gestemd.')).toEqual([year(2024)]);
    expect(values('Hij was 24 jaar geleden voor het laatst in Pyongyang.')).toEqual([year(2000)]);
    expect(values('Vierentwintig jaar geleden was hij er voor het laatst.')).toEqual([year(2000)]);
    expect(values('Drie maanden geleden begon de staking.')).toEqual([month('2024-03-01')]);
    expect(values('Twee weken geleden tekende hij het contract.')).toEqual([week('2024-06-03')]);
    expect(values('Tien dagen geleden vielen de eerste bommen.')).toEqual([day('2024-06-08')]);
    expect(values('Twee jaar later trad hij af.')).toEqual([]);
  });

  it('resolves nothing relative without a story date, but keeps the mention', () => {
    expect(values('Dinsdag werd bekend dat de minister aftreedt.', null)).toEqual(['unresolved']);
    expect(values('In 2019 trok de regering zich terug.', null)).toEqual([year(2019)]);
    expect(values('Op 13 september 2023 tekenden ze.', null)).toEqual([day('2023-09-13')]);
  });

  it('keeps the longest expression where two overlap, and several in one sentence', () => {
    const found = findDates('Poetin bezocht in juni 2024 Pyongyang, 24 jaar na zijn bezoek in 2000.', TUE);
    expect(found.map((m) => m.text)).toEqual(['in juni 2024', 'in 2000']);
    expect(values('Op dinsdag 13 juni 2023 (lokale tijd) sprak hij.')).toEqual([day('2023-06-13')]);
  });
});

describe('tense and numbers', () => {
  it('tells the tense from the verbs', () => {
    expect(tenseOf('Poetin arriveerde in Pyongyang.')).toBe('past');
    expect(tenseOf('Het verdrag is woensdag ondertekend.')).toBe('past');
    expect(tenseOf('De ministers hebben besloten.')).toBe('past');
    expect(tenseOf('De minister zal vrijdag spreken.')).toBe('future');
    expect(tenseOf('Poetin reist woensdag door naar Vietnam.')).toBe('present');
    expect(tenseOf('De grote vorige vergadering duurt lang.')).toBe('present');
  });

  it('reads Dutch number words', () => {
    expect(dutchNumber('vierentwintig')).toBe(24);
    expect(dutchNumber('tweeëntwintig')).toBe(22);
    expect(dutchNumber('twaalf')).toBe(12);
    expect(dutchNumber('17')).toBe(17);
    expect(dutchNumber('enkele')).toBeNull();
  });
});

describe('any text', () => {
  it('never throws, and every mention lies inside the sentence with a valid date', () => {
    const pieces = ['op', '13', '31', 'september', 'sept.', '2023', 'dinsdag', 'avond', 'vorige', 'week', 'jaar', 'geleden', 'in', 'sinds',
      'tot', 'gisteren', 'morgen', "'s", '(lokale tijd)', '-', '/', '.', ' ', 'Kim', 'ë', 'vierentwintig', 'de nacht van', 'maart'];
    const valid = (value: DateValue | null) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value.date) && !Number.isNaN(Date.parse(value.date)));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), fc.constantFrom(TUE, SUN, null, 'garbage', '2024-02-30'), (parts, anchor) => {
        const sentence = parts.join(' ');
        for (const mention of findDates(sentence, anchor)) {
          expect(sentence.slice(mention.start, mention.end)).toBe(mention.text);
          expect(valid(mention.value)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
