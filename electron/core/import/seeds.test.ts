import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Dateline } from '../../../shared/types';
import { prepareImportFile } from './intake';
import type { ParsedPage } from './parse';

// The five real sample pages, pinned exactly. Expected values were read off the
// files by hand, not produced by the parser.

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

interface SeedExpectation {
  file: string;
  headline: string;
  dateline: Dateline;
  leadStartsWith: string;
  paragraphs: number;
  headings: string[];
  section: string;
  briefs: number;
  firstBrief: { place: string; agencies: string[]; ageLabel: string; headline: string };
  lastBrief: { place: string; agencies: string[]; ageLabel: string; headline: string };
}

const SEEDS: SeedExpectation[] = [
  {
    file: '000_15ce3d44fc469362.txt',
    headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne',
    dateline: { place: 'PYONGYANG', agencies: ['ANP', 'RTR'] },
    leadStartsWith: 'De Russische president Vladimir Poetin heeft tijdens zijn bezoek',
    paragraphs: 4,
    headings: [],
    section: 'Buitenland',
    briefs: 7,
    firstBrief: { place: 'NEW YORK', agencies: ['ANP', 'AFP'], ageLabel: '1 uur geleden', headline: 'Melania Trump zit volgende week een vergadering van de VN-Veiligheidsraad voor.' },
    lastBrief: {
      place: 'PRAAG',
      agencies: ['ANP', 'RTR'],
      ageLabel: '4 uur geleden',
      headline: 'De nieuwe Tsjechische regering neemt afstand van de verhoging van de defensie-uitgaven die de NAVO-landen hebben afgesproken.',
    },
  },
  {
    file: '001_cb00b5b6f62ade06.txt',
    headline: "Kim Jong-un biedt Rusland zijn 'volledige steun' aan",
    dateline: { place: 'PYONGYANG', agencies: ['ANP', 'AFP'] },
    leadStartsWith: 'De Noord-Koreaanse leider Kim Jong-un biedt zijn "volledige steun',
    paragraphs: 6,
    headings: ['Wapens geleverd'],
    section: 'Buitenland',
    briefs: 7,
    firstBrief: {
      place: 'BRUSSEL',
      agencies: ['ANP'],
      ageLabel: '8 minuten geleden',
      headline: 'De Europese Raad heeft woensdag een akkoord bereikt met het Europees Parlement over de geleidelijke afschaffing van de Russische gasimport tegen 2027.',
    },
    lastBrief: {
      place: 'WASHINGTON',
      agencies: ['ANP', 'AFP'],
      ageLabel: '6 uur geleden',
      headline: 'De Amerikaanse president Donald Trump heeft tijdens een kabinetsoverleg uitgehaald naar Somalië en de mensen die daar vandaan komen.',
    },
  },
  {
    file: '002_4dffa5a2f7660ea1.txt',
    headline: 'Poetin op zeer zeldzaam bezoek in Noord-Korea',
    dateline: { place: 'PYONGYANG', agencies: ['ANP'] },
    leadStartsWith: 'De Russische president Vladimir Poetin brengt een zeer zeldzaam bezoek',
    paragraphs: 6,
    headings: [],
    section: 'Buitenland',
    briefs: 7,
    firstBrief: {
      place: 'LONDEN',
      agencies: ['ANP', 'RTR'],
      ageLabel: '7 minuten geleden',
      headline: "De Britse autoriteiten hebben toestemming gegeven voor de komst van een Chinese 'mega-ambassade' in Londen.",
    },
    lastBrief: {
      place: 'STRAATSBURG',
      agencies: ['ANP'],
      ageLabel: '2 uur geleden',
      headline: 'De EVP, de grootste partij in het Europees Parlement, ziet de handelsdeal van de EU en de VS als grootste troef tegen intimidatie van de Verenigde Staten om Groenland.',
    },
  },
  {
    file: '003_a38223e90e707fe3.txt',
    headline: 'Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland',
    dateline: { place: 'VLADIVOSTOK', agencies: ['ANP', 'RTR', 'AFP'] },
    leadStartsWith: 'De Noord-Koreaanse leider Kim Jong-un lijkt na een meerdaags bezoek',
    paragraphs: 5,
    headings: ['Versterken banden'],
    section: 'Buitenland',
    briefs: 7,
    firstBrief: {
      place: 'NEW YORK',
      agencies: ['ANP'],
      ageLabel: '1 uur geleden',
      headline: 'De secretaris-generaal van de Verenigde Naties roept de Verenigde Staten en Iran op een diplomatieke oplossing te zoeken.',
    },
    lastBrief: {
      place: 'MINNEAPOLIS',
      agencies: ['ANP'],
      ageLabel: '5 uur geleden',
      headline: 'Meer samenwerking met lokale autoriteiten kan leiden tot minder ICE-agenten op straat.',
    },
  },
  {
    file: '004_b8263486dec9cd77.txt',
    headline: "Kim en Poetin tekenen 'alomvattend' samenwerkingsverband",
    dateline: { place: 'PYONGYANG', agencies: ['ANP', 'RTR', 'AFP'] },
    leadStartsWith: 'De Russische president Vladimir Poetin en de Noord-Koreaanse dictator',
    paragraphs: 8,
    headings: ['Zeldzaam bezoek', 'Banden aangehaald'],
    section: 'Buitenland',
    briefs: 7,
    firstBrief: {
      place: 'PARIJS',
      agencies: ['ANP'],
      ageLabel: '1 uur geleden',
      headline: 'Het Louvre in Parijs blijft ook maandag gesloten voor bezoekers, nadat zondag een reeks juwelen werd gestolen uit het beroemde kunstmuseum.',
    },
    lastBrief: {
      place: 'LONDEN',
      agencies: ['ANP', 'RTR'],
      ageLabel: '3 uur geleden',
      headline: 'Het Britse leger krijgt meer bevoegdheden om met vijandelijke drones om te gaan, meldt The Telegraph.',
    },
  },
];

function prepared(fileName: string, bytes: Uint8Array): ParsedPage {
  const result = prepareImportFile(fileName, bytes);
  if (!result.ok) throw new Error(`${fileName}: ${result.code}: ${result.reason}`);
  expect(result.warnings).toEqual([]);
  return result.page;
}

function expectMatchesSeed(page: ParsedPage, seed: SeedExpectation): void {
  const article = page.article!;
  expect(article.headline).toBe(seed.headline);
  expect(article.dateline).toEqual(seed.dateline);
  expect(article.section).toBe(seed.section);
  expect(article.body[0]).toMatchObject({ type: 'paragraph' });
  expect(article.body[0]!.text.startsWith(seed.leadStartsWith)).toBe(true);
  expect(article.body.filter((block) => block.type === 'paragraph')).toHaveLength(seed.paragraphs);
  expect(article.body.filter((block) => block.type === 'heading').map((block) => block.text)).toEqual(seed.headings);
  // Page furniture and briefs never reach the article body.
  for (const block of article.body) expect(block.text).not.toMatch(/Meer uit|geleden[A-Z]|\(ANP/);

  expect(page.briefs).toHaveLength(seed.briefs);
  const first = page.briefs[0]!;
  const last = page.briefs.at(-1)!;
  expect({ place: first.dateline.place, agencies: first.dateline.agencies, ageLabel: first.ageLabel, headline: first.headline }).toEqual(seed.firstBrief);
  expect({ place: last.dateline.place, agencies: last.dateline.agencies, ageLabel: last.ageLabel, headline: last.headline }).toEqual(seed.lastBrief);
  for (const brief of page.briefs) {
    expect(brief.ageLabel).toMatch(/^\d+ (uur|minuten) geleden$/);
    expect(brief.text).not.toMatch(/^[A-Z]+ \(|geleden$/);
    expect(brief.text.startsWith(brief.headline.replace(/…$/, ''))).toBe(true);
    expect(brief.headline.length).toBeLessThanOrEqual(200);
  }
}

describe('the five sample pages', () => {
  for (const seed of SEEDS) {
    it(`parses ${seed.file} exactly`, () => {
      expectMatchesSeed(prepared(seed.file, readFileSync(SEEDS_DIR + seed.file)), seed);
    });
  }

  it('assigns every age label to the brief before it (seed 001 in full)', () => {
    const page = prepared('001.txt', readFileSync(SEEDS_DIR + SEEDS[1]!.file));
    expect(page.briefs.map((brief) => [brief.dateline.place, brief.ageLabel])).toEqual([
      ['BRUSSEL', '8 minuten geleden'],
      ['WASHINGTON', '10 minuten geleden'],
      ['KHAN YOUNIS', '3 uur geleden'],
      ['KHARTOEM', '3 uur geleden'],
      ['MOSKOU', '4 uur geleden'],
      ['MOSKOU', '4 uur geleden'],
      ['WASHINGTON', '6 uur geleden'],
    ]);
  });

  it('parses the same pages saved as CRLF, with a BOM, as Windows-1252 and as UTF-16', () => {
    for (const seed of SEEDS) {
      const text = readFileSync(SEEDS_DIR + seed.file, 'utf8');
      expectMatchesSeed(prepared(seed.file, Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')), seed);
      expectMatchesSeed(prepared(seed.file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), seed);
      expectMatchesSeed(prepared(seed.file, iconv.encode(text, 'windows-1252')), seed);
      expectMatchesSeed(prepared(seed.file, iconv.encode(text, 'utf-16le', { addBOM: true })), seed);
      expectMatchesSeed(prepared(seed.file, iconv.encode(text, 'utf-16be', { addBOM: true })), seed);
    }
  });
});
