import { describe, expect, it } from 'vitest';
import { extractEntities, titleCasePlace, type Entity, type EntityStoryInput } from './entities';
import { isSentenceWord } from './name-cues';
import { loadSeedStories } from './test/seeds';

function story(headline: string, paragraphs: string[], place = '', agencies: string[] = []): EntityStoryInput {
  return { headline, dateline: { place, agencies }, body: paragraphs.map((text) => ({ type: 'paragraph', text })) };
}

function byName(entities: Entity[], name: string): Entity | undefined {
  return entities.find((entity) => entity.name === name);
}

function names(entities: Entity[]): string[] {
  return entities.map((entity) => entity.name);
}

describe('extractEntities: gazetteer and aliases', () => {
  it('folds every alias of a person onto one canonical entity', () => {
    const entities = extractEntities(
      story('Poetin ontvangt gasten', [
        'De Russische president Vladimir Poetin sprak dinsdag met zijn gasten.',
        'Volgens president Poetin is het bezoek een succes. Poetin reist daarna door.',
      ]),
    );
    const poetin = byName(entities, 'Vladimir Poetin');
    expect(poetin).toMatchObject({ key: 'vladimir poetin', kind: 'person', source: 'gazetteer', count: 4, headline: 1 });
    expect(entities.filter((entity) => /poetin/i.test(entity.name))).toHaveLength(1);
  });

  it('maps country abbreviations and alternative names onto the country', () => {
    const entities = extractEntities(
      story('Spanning tussen VS en Iran', ['De Verenigde Staten dreigen met sancties. Amerika wil dat de VN ingrijpen, net als de Verenigde Naties eerder deden.']),
    );
    expect(byName(entities, 'Verenigde Staten')).toMatchObject({ kind: 'place', count: 3 });
    expect(byName(entities, 'Verenigde Naties')).toMatchObject({ kind: 'organisation', count: 2 });
    expect(byName(entities, 'Iran')).toMatchObject({ count: 1, headline: 1 });
  });

  it('matches without diacritics but displays the canonical spelling', () => {
    const entities = extractEntities(story('Hulp voor Oekraine', ['Oekraïne en Oekraine zijn hetzelfde land, net als Geneve en Genève.']));
    expect(byName(entities, 'Oekraïne')).toMatchObject({ key: 'oekraine', count: 3 });
    expect(byName(entities, 'Genève')).toMatchObject({ key: 'geneve', count: 2 });
  });

  it('counts nationality adjectives and inhabitants as weaker mentions of the country', () => {
    const entities = extractEntities(
      story('Overleg', ['De Noord-Koreaanse leider sprak met Russische diplomaten. De Russen en Noord-Korea werken samen.']),
    );
    expect(byName(entities, 'Rusland')).toMatchObject({ count: 2, adjectives: 2 });
    expect(byName(entities, 'Noord-Korea')).toMatchObject({ count: 2, adjectives: 1 });
  });

  it('inflects adjectives the Dutch way (Indiase, Chinese, Amerikaanse)', () => {
    const entities = extractEntities(story('Handel', ['De Indiase premier, de Chinese regering en de Amerikaanse president praten.']));
    expect(names(entities)).toEqual(expect.arrayContaining(['India', 'China', 'Verenigde Staten']));
  });

  it('recognises genitives and compounds that start with a known name', () => {
    const entities = extractEntities(story('Sancties', ['Poetins bezoek viel samen met nieuwe VN-sancties en een NAVO-top.']));
    expect(byName(entities, 'Vladimir Poetin')?.count).toBe(1);
    expect(byName(entities, 'Verenigde Naties')?.count).toBe(1);
    expect(byName(entities, 'NAVO')?.count).toBe(1);
  });

  it('honours case: lower-case words and capitals-only aliases do not collide', () => {
    const entities = extractEntities(story('Wedstrijd', ['Het duel thuisploeg vs. bezoekers eindigde gelijk. De kamer was vol.']));
    expect(names(entities)).not.toContain('Verenigde Staten');
    expect(names(entities)).not.toContain('Tweede Kamer');
  });

  it('does not take a sentence-initial common noun for a gazetteer name when it also occurs in lower case', () => {
    const entities = extractEntities(story('Begroting', ['Defensie krijgt meer geld. Het kabinet wil fors investeren in defensie.']));
    expect(names(entities)).not.toContain('Defensie');
  });
});

describe('extractEntities: names found by pattern', () => {
  it('finds capitalised multi-word names, with Dutch particles inside them', () => {
    const entities = extractEntities(
      story('Nieuwe directeur', [
        'De raad van bestuur benoemde dinsdag Jan-Willem van den Broek tot directeur.',
        'Van den Broek volgt Marieke de Groot op, die naar Utrecht vertrekt.',
      ]),
    );
    expect(byName(entities, 'Jan-Willem van den Broek')).toMatchObject({ kind: 'person', source: 'pattern', count: 2 });
    expect(byName(entities, 'Marieke de Groot')).toMatchObject({ kind: 'person', count: 1 });
    expect(byName(entities, 'Utrecht')).toMatchObject({ kind: 'place', source: 'gazetteer' });
  });

  it('folds a bare first or last name onto the full name named in the same story', () => {
    const entities = extractEntities(
      story('Kim bezoekt fabriek', [
        'De Noord-Koreaanse leider Kim Jong-un bezocht een fabriek. Volgens Kim gaat het goed.',
        'Ook Melania Trump was op reis. Melania sprak met scholieren. Gezant Pieter Zwart zei dat Zwart tevreden is.',
      ]),
    );
    expect(byName(entities, 'Kim Jong-un')).toMatchObject({ count: 3, headline: 1 });
    expect(byName(entities, 'Melania Trump')).toMatchObject({ count: 2 });
    expect(byName(entities, 'Pieter Zwart')).toMatchObject({ kind: 'person', count: 2 });
    expect(names(entities)).not.toContain('Kim');
    expect(names(entities)).not.toContain('Melania');
  });

  it('does not read a bare first name as a famous person who is not named in the story', () => {
    const entities = extractEntities(story('Uitslag', ['De wedstrijd werd gewonnen door Kim, die twee doelpunten maakte.']));
    expect(names(entities)).not.toContain('Kim Jong-un');
  });

  it('drops capitalised words that only open a sentence', () => {
    const entities = extractEntities(
      story('Zware storm', [
        'Zware buien trokken over het land. Daarna viel de stroom uit in veel zware gebieden.',
        'Woensdag volgt meer regen. Bewoners werden gewaarschuwd.',
      ]),
    );
    expect(entities).toEqual([]);
  });

  it('keeps an unknown sentence-initial surname once the full name introduced it', () => {
    const entities = extractEntities(story('Grenzen', ['Dat zei Tom Homan donderdag.', 'Homan pleit voor meer contact.']));
    expect(byName(entities, 'Tom Homan')).toMatchObject({ count: 2, kind: 'person' });
  });

  it('guesses the kind of an unknown name from the words around and inside it', () => {
    const entities = extractEntities(
      story('Verslag', [
        'Het Japanse persbureau Kyodo meldt dat de brand woedde in het dorpje Kleinwelka.',
        'Ook Sanne Visser (44) zag de Groene Vallei afbranden. De Stichting Bosherstel helpt.',
        'De militie Rapid Support Forces (RSF) ontkent. De RSF zegt niets te weten.',
      ]),
    );
    expect(byName(entities, 'Kyodo News')?.kind).toBe('organisation'); // now in the gazetteer, under its full name
    expect(byName(entities, 'Kleinwelka')?.kind).toBe('place');
    expect(byName(entities, 'Sanne Visser')?.kind).toBe('person');
    expect(byName(entities, 'Groene Vallei')?.kind).toBe('place');
    expect(byName(entities, 'Stichting Bosherstel')?.kind).toBe('organisation');
    expect(byName(entities, 'Rapid Support Forces')).toMatchObject({ kind: 'organisation', count: 2 });
  });

  it('joins a particle to a first name only, and knows events are not people', () => {
    const entities = extractEntities(
      story('Verstappen wint Grand Prix van Monaco', [
        'Max Verstappen heeft de race gewonnen. Hij hield Charles Leclerc van Ferrari achter zich, net als Robin van Persie vroeger zijn tegenstanders.',
        'Leclerc baalde. Ook Lando Norris van McLaren Racing stond op het podium.',
      ]),
    );
    expect(byName(entities, 'Charles Leclerc')).toMatchObject({ kind: 'person', count: 2 });
    expect(byName(entities, 'Robin van Persie')).toMatchObject({ kind: 'person' });
    expect(byName(entities, 'Grand Prix')?.kind).toBe('topic');
    expect(byName(entities, 'McLaren Racing')?.kind).toBe('organisation');
    expect(names(entities)).not.toContain('Charles Leclerc van Ferrari');
  });

  it('reads a one-word place followed by an unknown surname as a person (spits Santiago Giménez)', () => {
    const entities = extractEntities(story('Doelpunt', ['Namens Feyenoord scoorde spits Santiago Giménez twee keer. Giménez was blij.']));
    expect(byName(entities, 'Santiago Giménez')).toMatchObject({ kind: 'person', count: 2 });
    expect(names(entities)).not.toContain('Santiago');
  });

  it('does not join a name and a known country through a particle into a person', () => {
    const entities = extractEntities(story('Feest', ['Men vierde de Dag van Rusland in de hoofdstad.']));
    expect(byName(entities, 'Dag van Rusland')?.kind).not.toBe('person');
    // The longest name wins (issue 16, class 2): an event named after a country is no mention of it.
    expect(byName(entities, 'Rusland')).toBeUndefined();
  });

  it('ignores a shouted all-capitals headline for patterns but still finds gazetteer names', () => {
    const entities = extractEntities(story('KIM EN POETIN TEKENEN VERDRAG', ['Het verdrag is getekend.']));
    expect(names(entities)).toEqual(['Vladimir Poetin']);
  });
});

describe('extractEntities: dateline', () => {
  it('uses the gazetteer spelling for a known dateline place', () => {
    expect(byName(extractEntities(story('Kop', ['Tekst.'], 'PYONGYANG', ['ANP'])), 'Pyongyang')).toMatchObject({ source: 'gazetteer', dateline: true, kind: 'place' });
    expect(byName(extractEntities(story('Kop', ['Tekst.'], 'GENÈVE', ['ANP'])), 'Genève')).toMatchObject({ dateline: true });
    expect(byName(extractEntities(story('Kop', ['Tekst.'], 'GAZA-STAD', ['ANP'])), 'Gaza-Stad')).toMatchObject({ dateline: true });
  });

  it('title-cases an unknown dateline place and marks it as a place', () => {
    const entities = extractEntities(story('Kop', ['In Bad Nieuweschans was het rustig.'], 'BAD NIEUWESCHANS', ['ANP']));
    expect(byName(entities, 'Bad Nieuweschans')).toMatchObject({ kind: 'place', source: 'dateline', count: 2, dateline: true });
  });

  it('title-cases places with hyphens, spaces and diacritics', () => {
    expect(titleCasePlace('PYONGYANG')).toBe('Pyongyang');
    expect(titleCasePlace('GAZA-STAD')).toBe('Gaza-Stad');
    expect(titleCasePlace('GENÈVE')).toBe('Genève');
    expect(titleCasePlace('KHAN YOUNIS')).toBe('Khan Younis');
    expect(titleCasePlace('IJMUIDEN')).toBe('IJmuiden');
  });

  it('strips a dateline left at the start of the lead paragraph', () => {
    const entities = extractEntities(story('Kop', ['PYONGYANG (ANP/RTR) - Het regende.'], 'PYONGYANG', ['ANP', 'RTR']));
    expect(byName(entities, 'Pyongyang')?.count).toBe(1);
  });
});

describe('extractEntities: headline handling and bad input', () => {
  it('counts a brief whose headline is its first sentence once', () => {
    const text = 'Melania Trump zit volgende week een vergadering voor. Melania zal spreken.';
    const entities = extractEntities(story('Melania Trump zit volgende week een vergadering voor.', [text], 'NEW YORK', ['ANP']));
    expect(byName(entities, 'Melania Trump')).toMatchObject({ count: 2, headline: 1 });
  });

  it('never throws on missing or malformed input', () => {
    expect(extractEntities(story('', []))).toEqual([]);
    expect(extractEntities({} as EntityStoryInput)).toEqual([]);
    expect(extractEntities({ headline: 42, dateline: null, body: [null, { text: 7 }] } as unknown as EntityStoryInput)).toEqual([]);
    expect(() => extractEntities(story('((( ))) ---', ['""', '- - -', '(ANP) -'], '---'))).not.toThrow();
  });
});

describe('extractEntities on the seed pages', () => {
  const seeds = loadSeedStories();
  const articles = seeds.filter((seed) => seed.kind === 'article');

  it('finds Poetin, Kim Jong-un and Noord-Korea in every article, folded onto one entity each', () => {
    expect(articles).toHaveLength(5);
    for (const article of articles) {
      const entities = extractEntities(article);
      expect(byName(entities, 'Vladimir Poetin')?.count, article.headline).toBeGreaterThanOrEqual(2);
      expect(byName(entities, 'Kim Jong-un')?.count, article.headline).toBeGreaterThanOrEqual(3);
      expect(byName(entities, 'Noord-Korea'), article.headline).toBeDefined();
      expect(byName(entities, 'Rusland'), article.headline).toBeDefined();
      expect(entities.filter((entity) => /^(kim|poetin)$/i.test(entity.name)), article.headline).toEqual([]);
    }
  });

  it('never reports a sentence-opening word as a name', () => {
    for (const seed of seeds) {
      for (const entity of extractEntities(seed)) {
        const first = entity.key.split(/[\s-]/)[0]!;
        const acronym = entity.name === entity.name.toUpperCase();
        expect(isSentenceWord(first) && entity.source === 'pattern' && !acronym, `${entity.name} in ${seed.id}`).toBe(false);
      }
    }
  });

  it('reads the people, places and organisations of the articles', () => {
    const [thanks, support, visit, leaves, signed] = articles.map((article) => extractEntities(article));
    expect(byName(thanks!, 'Pyongyang')).toMatchObject({ dateline: true, kind: 'place' });
    expect(byName(thanks!, 'Kim Jong-un')?.headline).toBe(1);
    expect(byName(support!, 'Dag van Rusland')).toBeDefined();
    expect(byName(visit!, 'Vladimir Poetin')?.headline).toBe(1);
    expect(byName(leaves!, 'Sergej Sjojgoe')).toMatchObject({ kind: 'person' });
    expect(byName(leaves!, 'Vladivostok')).toMatchObject({ dateline: true });
    expect(byName(leaves!, 'Kremlin')).toMatchObject({ kind: 'organisation' });
    expect(byName(signed!, 'Kim Jong-un')).toMatchObject({ headline: 1 });
    expect(byName(signed!, 'Vladimir Poetin')!.count).toBeGreaterThanOrEqual(10);
  });

  it('reads the briefs: unknown people, introduced acronyms, dateline places', () => {
    const entitiesOf = (pattern: RegExp) => extractEntities(seeds.find((seed) => seed.kind === 'brief' && pattern.test(seed.body[0]!.text))!);
    expect(byName(entitiesOf(/Melania Trump/), 'Melania Trump')).toMatchObject({ count: 2 });
    expect(byName(entitiesOf(/Rapid Support Forces/), 'Rapid Support Forces')).toMatchObject({ kind: 'organisation', count: 2 });
    expect(byName(entitiesOf(/Tom Homan/), 'Tom Homan')).toMatchObject({ kind: 'person', count: 3 });
    expect(byName(entitiesOf(/al-Busaidi/), 'Badr bin Hamad al-Busaidi')).toMatchObject({ kind: 'person', count: 2 });
    expect(byName(entitiesOf(/Mahmoud Wadi/), 'Khan Younis')).toMatchObject({ kind: 'place', dateline: true, count: 2 });
    expect(byName(entitiesOf(/Minnesota/), 'Minneapolis')).toMatchObject({ source: 'dateline', kind: 'place' });
    expect(byName(entitiesOf(/Kaja Kallas/), 'Kaja Kallas')).toMatchObject({ count: 2 });
  });
});
