import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../entities';
import { parseWirePage } from '../../import/parse';
import { extractQuotes, type Quote, type QuotePerson } from './quotes';

const people: QuotePerson[] = [
  { key: 'mark rutte', name: 'Mark Rutte' },
  { key: 'kaja kallas', name: 'Kaja Kallas' },
  { key: 'ursula von der leyen', name: 'Ursula von der Leyen' },
  { key: 'annelies de groot', name: 'Annelies de Groot' },
];
const quotesOf = (...paragraphs: string[]) => extractQuotes({ id: 's', date: '2024-03-14', paragraphs, people });
const who = (quotes: Quote[]) => quotes.map((q) => [q.kind, q.text, q.speaker?.name ?? null, q.attribution]);

// Own wire-style copy for every pattern.
describe('direct quotes', () => {
  it('reads "…", zei X and "…", aldus X, with typographic and straight marks', () => {
    expect(who(quotesOf('"We gaan hier niet mee akkoord", zei Rutte dinsdag tegen verslaggevers.'))).toEqual([
      ['direct', 'We gaan hier niet mee akkoord', 'Mark Rutte', 'named'],
    ]);
    expect(who(quotesOf('“Europa moet sneller handelen”, aldus Kallas.'))).toEqual([['direct', 'Europa moet sneller handelen', 'Kaja Kallas', 'named']]);
    expect(who(quotesOf('„Dit is een zwarte dag”, zegt Ursula von der Leyen.'))).toEqual([
      ['direct', 'Dit is een zwarte dag', 'Ursula von der Leyen', 'named'],
    ]);
    expect(who(quotesOf("'Wij blijven gewoon doorwerken aan een oplossing', liet Rutte weten."))).toEqual([
      ['direct', 'Wij blijven gewoon doorwerken aan een oplossing', 'Mark Rutte', 'named'],
    ]);
  });

  it('reads X zei: "…" and X: "…"', () => {
    expect(who(quotesOf('Kallas zei woensdag: "De sancties blijven van kracht."'))).toEqual([['direct', 'De sancties blijven van kracht.', 'Kaja Kallas', 'named']]);
    expect(who(quotesOf('De Groot: "Ik heb hier geen spijt van."'))).toEqual([['direct', 'Ik heb hier geen spijt van.', 'Annelies de Groot', 'named']]);
  });

  it('resolves a role the story gave a person, and a name it does not know stays as written', () => {
    const quotes = quotesOf(
      'BRUSSEL (ANP) - De Europese buitenlandchef Kaja Kallas sprak dinsdag met de ministers.',
      '"We staan achter Oekraïne", aldus de Europese buitenlandchef.',
      '"Het is te laat", zei Pieter Jansen van de vakbond.',
    );
    expect(who(quotes)).toEqual([
      ['direct', 'We staan achter Oekraïne', 'Kaja Kallas', 'role'],
      ['direct', 'Het is te laat', 'Pieter Jansen', 'named'],
    ]);
  });

  it('follows a quote over two paragraphs, and the same speaker quoted on', () => {
    const quotes = quotesOf('"We hebben hard gewerkt aan dit akkoord.', '"Nu is het aan de Kamer", zei De Groot.', '"Ik ben tevreden", zei Rutte. "Het was een lange nacht."');
    expect(who(quotes)).toEqual([
      ['direct', 'We hebben hard gewerkt aan dit akkoord. Nu is het aan de Kamer', 'Annelies de Groot', 'named'],
      ['direct', 'Ik ben tevreden', 'Mark Rutte', 'named'],
      ['direct', 'Het was een lange nacht.', 'Mark Rutte', 'continued'],
    ]);
  });

  it('keeps scare quotes out, and attributes a phrase quoted by the sentence subject', () => {
    expect(quotesOf("Het kabinet noemt het plan 'historisch'.")).toEqual([]);
    expect(who(quotesOf('Kallas noemde het besluit "een gemiste kans voor Europa".'))).toEqual([['direct', 'een gemiste kans voor Europa', 'Kaja Kallas', 'named']]);
  });
});

describe('pronouns', () => {
  it('resolves hij to the one person in focus', () => {
    expect(who(quotesOf('Rutte sprak dinsdag in Den Haag.', '"Dit kabinet houdt woord", zei hij.'))).toEqual([['direct', 'Dit kabinet houdt woord', 'Mark Rutte', 'pronoun']]);
  });

  it('leaves hij unattributed when another person was named since, and marks it', () => {
    const quotes = quotesOf('Rutte sprak dinsdag met Kallas over de steun.', 'Volgens Kallas is er weinig tijd.', '"Dit kabinet houdt woord", zei hij.');
    const direct = quotes.find((q) => q.kind === 'direct')!;
    expect(direct.speaker).toBeNull();
    expect(direct.attribution).toBe('unresolved');
    expect(direct.speakerText).toBe('hij');
  });
});

describe('indirect speech', () => {
  it('marks X zegt dat … and volgens X … as indirect', () => {
    expect(who(quotesOf('Rutte zegt dat het kabinet de steun voortzet.'))).toEqual([['indirect', 'het kabinet de steun voortzet.', 'Mark Rutte', 'named']]);
    expect(who(quotesOf('Volgens Kallas is de situatie ernstig.'))).toEqual([['indirect', 'is de situatie ernstig.', 'Kaja Kallas', 'named']]);
    // A role the story gave nobody: reported, unattributed, and marked so.
    const unnamed = quotesOf('De minister liet weten dat de grens dichtgaat.');
    expect(who(unnamed)).toEqual([['indirect', 'de grens dichtgaat.', null, 'unresolved']]);
    expect(unnamed[0]!.speakerText).toBe('De minister');
    expect(quotesOf('De regering zei dat de grens dichtgaat.')).toEqual([]);
  });
});

describe('the seeds', () => {
  it('attributes the seeds\' quotes to Kim Jong-un and Vladimir Poetin where the text names them', () => {
    const file = path.resolve(import.meta.dirname, '../../../../seeds/004_b8263486dec9cd77.txt');
    const parsed = parseWirePage(readFileSync(file, 'utf8'));
    if (!parsed.ok || !parsed.page.article) throw new Error('seed');
    const article = parsed.page.article;
    const storyPeople = extractEntities(article).filter((e) => e.kind === 'person').map((e) => ({ key: e.key, name: e.name }));
    const quotes = extractQuotes({ id: '004', date: '2024-06-19', paragraphs: article.body.map((b) => b.text), people: storyPeople });
    const by = (words: string) => quotes.find((q) => q.text.includes(words))?.speaker?.name;
    expect(by('constructief, vooruitstrevend')).toBe('Kim Jong-un');
    expect(by('fundamentele belangen')).toBe('Kim Jong-un');
    expect(by('basisdocument')).toBe('Vladimir Poetin');
  });
});

describe('any text', () => {
  it('never throws, and every quote points into its paragraph', () => {
    const pieces = ['"', '“', '”', "'", '’', 'zei', 'hij', 'Rutte', 'de minister', ':', ',', '.', ' ', 'dat', 'Volgens', 'aldus', 'Kallas', 'woord'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), { maxLength: 4 }), (paragraphs) => {
        const texts = paragraphs.map((p) => p.join(' '));
        for (const quote of extractQuotes({ id: 's', date: null, paragraphs: texts, people })) {
          expect(quote.start).toBeGreaterThanOrEqual(0);
          expect(quote.end).toBeLessThanOrEqual(texts[quote.paragraph]!.length);
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('who may speak', () => {
  const speakers = (paragraphs: string[], people: string[] = []) =>
    extractQuotes({ id: 's', date: null, paragraphs, people: people.map((name) => ({ key: name.toLowerCase(), name })) }).map((q) => (q.speaker ? `${q.speaker.kind ?? 'person'}:${q.speaker.name}` : null));

  it('never an adjective or a bare place; an organisation or a country as such', () => {
    expect(speakers(['"De situatie is ernstig", aldus Amerikaanse functionarissen.'])).toEqual([null]);
    expect(speakers(['Volgens Moskou is de escalatie het gevolg van westerse inmenging.'])).toEqual([null]);
    expect(speakers(['Volgens Pakistan zijn er geen militaire doelen geraakt.'])).toEqual(['country:Pakistan']);
    expect(speakers(['Volgens het Pakistaanse ministerie van Buitenlandse Zaken zijn er 26 doden.'])).toEqual(['organisation:Pakistaanse ministerie van Buitenlandse Zaken']);
    expect(speakers(['"Wij reageerden terughoudend", aldus het Indiase leger.'])).toEqual(['organisation:Indiase leger']);
    expect(speakers(['"We zijn klaar", zei oprichter Sanne Bakker.'], ['Sanne Bakker'])).toEqual(['person:Sanne Bakker']);
    expect(speakers(['"De cijfers zijn slecht", zei tegen Keijzer een aandeelhouder.'], ['Judith Keijzer'])).toEqual([null]);
  });
});
