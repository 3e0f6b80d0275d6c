import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWirePage } from '../../import/parse';
import { draftChronology, type ChronologyStory, type DraftLine } from './draft';

const SEEDS = path.resolve(import.meta.dirname, '../../../../seeds');

const line = (lines: DraftLine[], words: string) => lines.find((l) => l.sources.some((s) => s.sentence.includes(words)));

describe('a draft chronology', () => {
  // Own wire-style copy (not from any outlet).
  const stories: ChronologyStory[] = [
    {
      id: 'a',
      date: '2024-03-14', // a Thursday
      paragraphs: [
        'DEN HAAG (ANP) - Het kabinet heeft donderdag ingestemd met een nieuw plan voor de opvang van asielzoekers.',
        'Minister De Groot presenteerde het plan woensdag al aan de fracties in de Tweede Kamer.',
        'Het vorige plan sneuvelde op 12 januari 2023 in de Eerste Kamer.',
        'Sinds 2015 is het aantal aanvragen sterk gestegen.',
        'Wanneer de Kamer stemt, is nog niet bekend?',
        'Dat meldde de NOS donderdag.',
        'De Kamer debatteert volgende week over het plan.',
      ],
    },
    {
      id: 'b',
      date: '2024-03-15',
      paragraphs: [
        'Het kabinet heeft gisteren ingestemd met het nieuwe opvangplan, tot ongenoegen van de gemeenten.',
        'De gemeenten protesteerden vrijdag tegen de plannen.',
      ],
    },
  ];
  const lines = draftChronology(stories);

  it('dates each event sentence, oldest first, with the sentence as written and where it came from', () => {
    expect(lines.map((l) => l.date.date)).toEqual([...lines.map((l) => l.date.date)].sort());
    const fell = line(lines, 'sneuvelde')!;
    expect(fell.date).toEqual({ granularity: 'day', date: '2023-01-12' });
    expect(fell.summary).toBe('Het vorige plan sneuvelde op 12 januari 2023 in de Eerste Kamer.');
    const source = fell.sources[0]!;
    expect(stories[0]!.paragraphs[source.paragraph]!.slice(source.start, source.end)).toBe(fell.summary);
    expect(source.dateText).toBe('op 12 januari 2023');
    expect(line(lines, 'presenteerde')!.date).toEqual({ granularity: 'day', date: '2024-03-13' });
    expect(line(lines, 'debatteert')!.date).toEqual({ granularity: 'week', date: '2024-03-18' });
  });

  it('merges one happening told by two stories, keeping both sources, and keeps other events apart', () => {
    const agreed = line(lines, 'ingestemd')!;
    expect(agreed.date).toEqual({ granularity: 'day', date: '2024-03-14' });
    expect(agreed.sources.map((s) => s.storyId)).toEqual(['a', 'b']);
    // The dateline is not part of the sentence.
    expect(agreed.summary.startsWith('Het kabinet heeft donderdag')).toBe(true);
    expect(line(lines, 'protesteerden')!.sources.map((s) => s.storyId)).toEqual(['b']);
  });

  it('leaves out spans, questions, report-only sentences and sentences without a date', () => {
    expect(line(lines, 'Sinds 2015')).toBeUndefined();
    expect(line(lines, 'Wanneer de Kamer')).toBeUndefined();
    expect(line(lines, 'Dat meldde de NOS')).toBeUndefined();
  });

  it('is sure of a full date in the past tense, less of a relative date and the future', () => {
    expect(line(lines, 'sneuvelde')!.confidence).toBeGreaterThan(line(lines, 'debatteert')!.confidence);
  });

  it('dates the lead of a story without a date of its own by the story date, only in the past tense', () => {
    const drafted = draftChronology([
      { id: 'x', date: '2024-05-02', paragraphs: ['BRUSSEL (ANP) - De Europese lidstaten hebben een akkoord bereikt over de nieuwe migratieregels.', 'De regels gaan in 2026 in.'] },
      { id: 'y', date: '2024-05-02', paragraphs: ['De Europese lidstaten bereiken een akkoord over migratie.'] },
      { id: 'z', date: null, paragraphs: ['De ministers hebben een akkoord gesloten over de begroting.'] },
    ]);
    expect(line(drafted, 'akkoord bereikt')!.date).toEqual({ granularity: 'day', date: '2024-05-02' });
    expect(line(drafted, 'bereiken een akkoord')).toBeUndefined();
    expect(line(drafted, 'begroting')).toBeUndefined();
  });

  it('drafts the seeds: the visit to Pyongyang, the treaty, Kim in Russia and Russia Day, each with its sentence', () => {
    // Dated as an editor dates them.
    const dates: Record<string, string> = { '000': '2024-06-19', '001': '2023-06-12', '002': '2024-06-18', '003': '2023-09-17', '004': '2024-06-19' };
    const seeds: ChronologyStory[] = readdirSync(SEEDS).map((file) => {
      const parsed = parseWirePage(readFileSync(path.join(SEEDS, file), 'utf8'));
      if (!parsed.ok || !parsed.page.article) throw new Error(file);
      return { id: file.slice(0, 3), date: dates[file.slice(0, 3)]!, paragraphs: parsed.page.article.body.map((block) => block.text) };
    });
    const drafted = draftChronology(seeds);
    const at = (date: string, words: string) => drafted.find((l) => l.date.date === date && l.sources.some((s) => s.sentence.includes(words)));
    expect(at('2024-06-19', 'arriveerde diep in de nacht')?.date.granularity).toBe('day');
    expect(at('2000-01-01', '24 jaar geleden')?.date.granularity).toBe('year');
    expect(at('2024-06-19', 'partnerschap" getekend')).toBeDefined();
    expect(at('2023-09-01', 'toen Kim op bezoek kwam in Rusland')?.date.granularity).toBe('month');
    expect(at('2023-09-12', 'arriveerde daar afgelopen dinsdag')).toBeDefined();
    expect(at('2023-06-12', 'Dag van Rusland')).toBeDefined();
  });

  it('dates a subordinate clause by its own date and the main clause by its own (or the story date)', () => {
    const drafted = draftChronology([
      {
        id: 'p',
        date: '2024-06-19',
        paragraphs: [
          'Het is een bijzonder bezoek voor beide landen, zeggen kenners van de regio.',
          'Poetin is in Pyongyang, waar hij 24 jaar geleden voor het laatst was.',
          'Het water bereikt dinsdag Wroclaw, dat in 1997 zwaar werd getroffen.',
          'Minister Jansen zegt dat de grens eind mei weer open moet zijn.',
        ],
      },
    ]);
    const dates = (words: string) => drafted.filter((l) => l.sources.some((s) => s.sentence.includes(words))).map((l) => `${l.date.granularity}:${l.date.date}`).sort();
    // The visit is today's news; the previous one is its own line, in 2000.
    expect(dates('Poetin is in Pyongyang')).toEqual(['day:2024-06-19', 'year:2000-01-01']);
    // The relative clause's past tense does not turn the main clause's Tuesday into last Tuesday.
    expect(dates('Het water bereikt')).toEqual(['day:2024-06-25', 'year:1997-01-01']);
    // Reporting and an obligation in the subordinate clause: no event.
    expect(dates('Minister Jansen')).toEqual([]);
    // Two lines from one sentence are two lines to approve, merge or reject: each its own key.
    expect(new Set(drafted.map((line) => line.key)).size).toBe(drafted.length);
  });

  it('never throws on any text, every source points at its sentence, and every line has a key of its own', () => {
    const pieces = ['Het kabinet', 'heeft', 'dinsdag', 'op 3 mei 2021', 'gisteren', '.', '?', ' ', '"', 'DEN HAAG (ANP) - ', 'sinds 2019', 'Dat meldde', 'ë', '\n', ', waar hij', '24 jaar geleden', 'was', 'is in Pyongyang', ', nadat', 'had getekend'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), { maxLength: 4 }), fc.constantFrom('2024-01-01', null), (paragraphs, date) => {
        const story = { id: 's', date, paragraphs: paragraphs.map((p) => p.join(' ')) };
        const lines = draftChronology([story]);
        for (const drafted of lines) {
          for (const source of drafted.sources) expect(story.paragraphs[source.paragraph]!.slice(source.start, source.end)).toBe(source.sentence);
        }
        expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
