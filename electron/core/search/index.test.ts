import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parseWirePage } from '../import/parse';
import { highlightRanges, parseQuery, PREFIX_EXPANSION_LIMIT, SearchIndex, type SearchDoc } from './index';

const doc = (id: string, fields: Partial<SearchDoc>): SearchDoc => ({ id, headline: '', body: '', place: '', tags: [], note: '', ...fields });
const ids = (index: SearchIndex, query: string) => index.search(query).map((hit) => hit.id);

function fixtureIndex(): SearchIndex {
  const index = new SearchIndex();
  index.add(doc('poetin', {
    headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne',
    body: 'Poetin arriveerde in Pyongyang en kreeg een warm welkom. De Russische president nodigde Kim uit voor een nieuwe ontmoeting in Moskou.',
    place: 'PYONGYANG',
    tags: ['Noord-Korea'],
  }));
  index.add(doc('geneve', {
    headline: 'Delegaties overleggen in Genève',
    body: 'De Amerikaanse en Oekraïense delegaties hebben na afloop gebeld met president Zelensky. De ontmoetingen gaan volgende week verder.',
    place: 'GENÈVE',
  }));
  index.add(doc('kansas', {
    headline: 'Kansas verklaart documenten ongeldig',
    body: 'De staat Kansas heeft rijbewijzen ongeldig verklaard. Het welkom was niet warm, zeggen betrokkenen.',
    place: 'TOPEKA',
    note: 'Navragen bij correspondent Washington',
  }));
  return index;
}

describe('SearchIndex: Dutch matching', () => {
  it('folds diacritics both ways', () => {
    const index = fixtureIndex();
    expect(ids(index, 'oekraine ')).toEqual(['poetin']);
    const folded = new SearchIndex();
    folded.add(doc('plain', { headline: 'Nieuws uit Oekraine en Geneve' }));
    expect(ids(folded, 'Oekraïne ')).toEqual(['plain']);
    expect(ids(folded, 'GENÈVE ')).toEqual(['plain']);
  });

  it('never splits a word at ï, ë, ü or ö', () => {
    const index = fixtureIndex();
    // Were `Oekraïense` split at the ï, `oekra` or `ense` would be words of their own.
    expect(ids(index, 'ense ')).toEqual([]);
    expect(ids(index, 'oekra ')).toEqual([]);
    expect(ids(index, 'oekraiense ')).toEqual(['geneve']);
    const umlauts = new SearchIndex();
    umlauts.add(doc('u', { body: 'De Münchense coördinator en de Curaçaose reünie' }));
    expect(ids(umlauts, 'coordinator ')).toEqual(['u']);
    expect(ids(umlauts, 'reunie ')).toEqual(['u']);
    expect(ids(umlauts, 'unie ')).toEqual([]);
    expect(ids(umlauts, 'ordinator ')).toEqual([]);
  });

  it('matches Dutch inflections through their stem', () => {
    const index = fixtureIndex();
    expect(ids(index, 'ontmoetingen ').sort()).toEqual(['geneve', 'poetin']);
    expect(ids(index, 'ontmoeting ').sort()).toEqual(['geneve', 'poetin']);
    expect(ids(index, 'document ')).toEqual(['kansas']);
    expect(ids(index, 'weken ')).toEqual(['geneve']);
  });

  it('ignores stopwords in a query instead of requiring them', () => {
    const index = fixtureIndex();
    expect(ids(index, 'de oorlog in het Oekraïne ')).toEqual(['poetin']);
    expect(index.search('de het een ')).toEqual([]);
    expect(parseQuery('de het een ').empty).toBe(true);
  });

  it('requires every word, in any field', () => {
    const index = fixtureIndex();
    // `oekraine` is in the headline, `moskou` in the body, `pyongyang` the place.
    expect(ids(index, 'oekraine moskou pyongyang ')).toEqual(['poetin']);
    expect(ids(index, 'oekraine kansas ')).toEqual([]);
    expect(ids(index, 'correspondent ')).toEqual(['kansas']);
    expect(ids(index, 'noord-korea ')).toEqual(['poetin']);
    expect(ids(index, 'noordkorea ')).toEqual(['poetin']);
  });

  it('matches the word being typed as a prefix', () => {
    const index = fixtureIndex();
    expect(ids(index, 'oekr').sort()).toEqual(['geneve', 'poetin']);
    expect(ids(index, 'poetin oekr')).toEqual(['poetin']);
    expect(ids(index, 'ontmoetinge').sort()).toEqual(['geneve', 'poetin']);
    // Finished typing a word that only occurs inflected: its stem still matches.
    expect(ids(index, 'ontmoetingen').sort()).toEqual(['geneve', 'poetin']);
    expect(ids(index, 'kans*')).toEqual(['kansas']);
    expect(ids(index, 'xyzq')).toEqual([]);
  });

  it('leaves out a word being typed that so far is a stopword starting no indexed word, as it does once finished', () => {
    const index = fixtureIndex();
    // `een` is a stopword, and no word of these stories starts with it.
    expect(ids(index, 'poetin een')).toEqual(ids(index, 'poetin een '));
    expect(ids(index, 'poetin een')).toEqual(['poetin']);
    expect(ids(index, 'delegaties een')).toEqual(['geneve']);
    expect(ids(index, '"warm welkom" een')).toEqual(['poetin']);
    // Alone it finds nothing (finished, the query is empty and the list unfiltered); a word that is no stopword still must match.
    expect(ids(index, 'een')).toEqual([]);
    expect(ids(index, 'poetin xyzq')).toEqual([]);
    // A stopword that starts indexed words is a prefix like any other: `in` → `india`.
    const more = fixtureIndex();
    more.add(doc('india', { headline: 'Poetin reist naar India' }));
    expect(ids(more, 'poetin in')).toEqual(['india']);
    // What is left out is not marked in the text either.
    const leftOut = (of: SearchIndex, query: string) => {
      const out: string[] = [];
      of.match(query, undefined, out);
      return out;
    };
    expect(leftOut(index, 'poetin een')).toEqual(['een']);
    expect(leftOut(index, 'een')).toEqual([]);
    expect(leftOut(more, 'poetin in')).toEqual([]);
  });

  it('finds exact phrases and rejects near misses', () => {
    const index = fixtureIndex();
    expect(ids(index, '"warm welkom"')).toEqual(['poetin']);
    // Kansas has both words, but not adjacent and not in this order.
    expect(ids(index, 'warm welkom ').sort()).toEqual(['kansas', 'poetin']);
    expect(ids(index, '"welkom warm"')).toEqual([]);
    expect(ids(index, '„een warm welkom”')).toEqual(['poetin']);
    expect(ids(index, '"Kim Jong-un"')).toEqual(['poetin']);
    expect(ids(index, '"kim jong un"')).toEqual(['poetin']);
    expect(ids(index, '"welkom nergens"')).toEqual([]);
  });

  it('never matches a phrase across two fields', () => {
    const index = new SearchIndex();
    index.add(doc('a', { headline: 'Gesprek in Genève', body: 'Delegaties praten verder.' }));
    expect(ids(index, '"geneve delegaties"')).toEqual([]);
    expect(ids(index, '"praten verder"')).toEqual(['a']);
  });

  it('finds a phrase of stopwords only by scanning the texts', () => {
    const index = fixtureIndex();
    expect(ids(index, '"na afloop"')).toEqual(['geneve']);
    expect(ids(index, '"het welkom was niet"')).toEqual(['kansas']);
  });

  it('leaves out excluded words and phrases', () => {
    const index = fixtureIndex();
    expect(ids(index, 'ontmoeting -zelensky ')).toEqual(['poetin']);
    expect(ids(index, 'welkom -"warm welkom" ')).toEqual(['kansas']);
    expect(ids(index, 'welkom -onbekendwoord ').sort()).toEqual(['kansas', 'poetin']);
    // Only exclusions: everything else.
    expect(ids(index, '-kansas ').sort()).toEqual(['geneve', 'poetin']);
  });

  it('ranks headline matches above body matches', () => {
    const index = new SearchIndex();
    index.add(doc('body-early', { headline: 'Overleg in Brussel', body: 'Steun voor Oekraïne staat centraal. '.repeat(3) }));
    index.add(doc('headline', { headline: 'Steun voor Oekraïne', body: 'Een lang verhaal over iets anders. '.repeat(20) }));
    index.add(doc('tag', { headline: 'Overleg', body: 'Nieuwe steun toegezegd.', tags: ['Oekraïne'] }));
    expect(ids(index, 'oekraine ')).toEqual(['headline', 'tag', 'body-early']);
    expect(ids(index, 'steun oekraine ')).toEqual(['headline', 'tag', 'body-early']);
  });

  it('ranks a story with the words in its lead above one with them far down', () => {
    const index = new SearchIndex();
    const filler = 'Er gebeurde vandaag verder weinig bijzonders. '.repeat(30);
    index.add(doc('late', { headline: 'Bericht', body: `${filler} Het kabinet besprak de begroting.` }));
    index.add(doc('lead', { headline: 'Bericht', body: `Het kabinet besprak de begroting. ${filler}` }));
    expect(ids(index, 'kabinet begroting ')).toEqual(['lead', 'late']);
  });

  it('applies the filter before the limit, and the limit', () => {
    const index = fixtureIndex();
    expect(ids(index, 'ontmoeting ').length).toBe(2);
    expect(index.search('ontmoeting ', { limit: 1 })).toHaveLength(1);
    expect(index.search('ontmoeting ', { filter: (id) => id !== 'poetin', limit: 1 }).map((hit) => hit.id)).toEqual(['geneve']);
    expect(index.search('ontmoeting ', { limit: 0 })).toEqual([]);
  });

  it('accepts a parsed query as well as a string', () => {
    const index = fixtureIndex();
    expect(index.search(parseQuery('oekraine '))).toEqual(index.search('oekraine '));
  });
});

describe('SearchIndex: keeping in step', () => {
  it('update replaces the old text and remove forgets the story', () => {
    const index = fixtureIndex();
    expect(index.size).toBe(3);
    index.update(doc('kansas', { headline: 'Kansas schrapt regel', body: 'Het parlement stemde over Oekraïne.' }));
    expect(ids(index, 'rijbewijzen ')).toEqual([]);
    expect(ids(index, 'correspondent ')).toEqual([]);
    expect(ids(index, 'parlement ')).toEqual(['kansas']);
    expect(ids(index, 'oekraine ').sort()).toEqual(['kansas', 'poetin']);
    expect(ids(index, '"warm welkom"')).toEqual(['poetin']);

    index.remove('poetin');
    expect(index.has('poetin')).toBe(false);
    expect(index.size).toBe(2);
    expect(ids(index, 'oekraine ')).toEqual(['kansas']);
    expect(ids(index, 'pyongyang ')).toEqual([]);
    expect(ids(index, '"warm welkom"')).toEqual([]);
    expect(ids(index, 'oekr')).toEqual(['geneve', 'kansas'].filter((id) => ids(index, 'oekr').includes(id)));
    expect(ids(index, '-kansas ')).toEqual(['geneve']);

    index.remove('poetin'); // unknown id: nothing happens
    index.add(doc('poetin', { headline: 'Terug in het archief: Pyongyang' }));
    expect(ids(index, 'pyongyang ')).toEqual(['poetin']);
    expect(ids(index, 'oekraine ')).toEqual(['kansas']);
  });

  it('a tag edit through update is found at once, and the old tag no longer matches', () => {
    const index = fixtureIndex();
    const before = doc('geneve', { headline: 'Delegaties overleggen in Genève', place: 'GENÈVE', tags: ['Diplomatie'] });
    index.update(before);
    expect(ids(index, 'diplomatie ')).toEqual(['geneve']);
    index.update({ ...before, tags: ['Vredesoverleg'] });
    expect(ids(index, 'diplomatie ')).toEqual([]);
    expect(ids(index, 'vredesoverleg ')).toEqual(['geneve']);
    index.update({ ...before, tags: ['Vredesoverleg'] }); // unchanged: no-op
    expect(ids(index, 'vredesoverleg ')).toEqual(['geneve']);
  });

  it('add of a known id updates it, update of an unknown id adds it', () => {
    const index = new SearchIndex();
    index.update(doc('x', { headline: 'Eerste versie' }));
    index.add(doc('x', { headline: 'Tweede versie' }));
    expect(index.size).toBe(1);
    expect(ids(index, 'eerste ')).toEqual([]);
    expect(ids(index, 'tweede ')).toEqual(['x']);
  });

  it('stays correct through many random edits (checked against a plain scan)', () => {
    const words = ['oorlog', 'vrede', 'kabinet', 'begroting', 'Oekraïne', 'Genève', 'steun', 'wapens', 'overleg', 'ontmoeting', 'verkiezingen'];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const text = (count: number) => Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ');
    const index = new SearchIndex();
    const live = new Map<string, SearchDoc>();
    for (let step = 0; step < 600; step++) {
      const id = `s${Math.floor(random() * 60)}`;
      if (random() < 0.25) {
        index.remove(id);
        live.delete(id);
      } else {
        const story = doc(id, { headline: text(3), body: text(20), tags: random() < 0.3 ? [text(1)] : [] });
        index.update(story);
        live.set(id, story);
      }
    }
    index.compact();
    expect(index.size).toBe(live.size);
    for (const word of ['oorlog', 'oekraine', 'geneve', 'ontmoetingen', 'verkiezing']) {
      const stemOf = parseQuery(`${word} `).terms[0]!;
      const expected = [...live.values()]
        .filter((story) => parseQuery(`${story.headline} ${story.body} ${story.tags.join(' ')} `).terms.includes(stemOf))
        .map((story) => story.id)
        .sort();
      expect(ids(index, `${word} `).sort(), word).toEqual(expected);
    }
  });

  it('finds a changed early story by a rare word with a common one (its postings stay in order)', () => {
    // A common word in every story and a rare one in few: the common lists are not walked but
    // looked up, which needs every list in ascending story order, also after an edit.
    const index = new SearchIndex();
    for (let i = 0; i < 4_000; i++) index.add(doc(`d${i}`, { headline: `Overleg ${i}`, body: 'Het kabinet overlegt over de begroting en de steun.' }));
    index.update(doc('d7', { headline: 'Overleg over Zeeuwse dijken', body: 'Het kabinet overlegt over de begroting en de dijkversterking.' }));
    index.update(doc('d3', { headline: 'Overleg over dijken', body: 'De steun voor de dijken komt er, zegt het kabinet.' }));
    expect(ids(index, 'dijken kabinet ').sort()).toEqual(['d3', 'd7']);
    expect(ids(index, 'dijken begroting ')).toEqual(['d7']);
    expect(ids(index, 'dijken steun ')).toEqual(['d3']);
  });

  it('an edit that moves a word between headline and body moves the story in the ranking', () => {
    const index = new SearchIndex();
    index.add(doc('a', { headline: 'Wapenstilstand in zicht', body: 'Het overleg over de wapenstilstand gaat door.' }));
    index.add(doc('b', { headline: 'Overleg in Genève', body: 'Over een wapenstilstand wordt nog gepraat.' }));
    index.compact();
    expect(ids(index, 'wapenstilstand ')).toEqual(['a', 'b']);
    index.update(doc('a', { headline: 'Overleg gaat door', body: 'Het overleg over de wapenstilstand gaat door.' }));
    index.update(doc('b', { headline: 'Wapenstilstand in Genève', body: 'Over een wapenstilstand wordt nog gepraat.' }));
    expect(ids(index, 'wapenstilstand ')).toEqual(['b', 'a']);
    index.update(doc('b', { headline: 'Overleg in Genève', body: 'Er wordt nog gepraat.' }));
    expect(ids(index, 'wapenstilstand ')).toEqual(['a']);
    expect(ids(index, 'genève overleg ')).toEqual(['b']);
  });

  it('addMany yields to the event loop while it works and reports progress', async () => {
    const index = new SearchIndex();
    const docs = Array.from({ length: 3_000 }, (_, i) => doc(`d${i}`, { headline: `Bericht ${i} over Oekraïne`, body: 'De ontmoeting in Genève ging over wapens en steun. '.repeat(10) }));
    // The build yields after each time slice: a clock that moves 1 ms per reading makes the
    // slices the same on any machine, so yielding is checked, not assumed.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => ++clock);
    const progress: number[] = [];
    let turnsWhileBuilding = 0;
    const counter = (async () => {
      while (progress.at(-1) !== 3_000) {
        await new Promise((resolve) => setImmediate(resolve));
        turnsWhileBuilding++;
      }
    })();
    await index.addMany(docs, (done) => progress.push(done));
    await counter;
    now.mockRestore();
    expect(index.size).toBe(3_000);
    expect(progress.at(-1)).toBe(3_000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    // It yielded many times along the way, and other work got turns meanwhile.
    expect(progress.length).toBeGreaterThan(10);
    expect(turnsWhileBuilding).toBeGreaterThan(10);
    expect(ids(index, 'oekraine ').length).toBe(3_000);
    expect(index.search('"bericht 17 over"').map((hit) => hit.id)).toEqual(['d17']);
  });

  it('does not throw on odd documents', () => {
    const index = new SearchIndex();
    index.add(doc('empty', {}));
    index.add({ id: 'odd', headline: '\uD800 ??? \u0000', body: 'x'.repeat(50_000), place: '', tags: ['', '  '], note: '🙂' });
    expect(index.size).toBe(2);
    expect(index.search('"x"')).toEqual([]);
    expect(ids(index, `${'x'.repeat(50_000)} `)).toEqual(['odd']);
    index.remove('empty');
    index.remove('odd');
    expect(index.size).toBe(0);
  });
});

describe('SearchIndex: prefix expansion', () => {
  it('prefers the most frequent completions when a prefix has very many', () => {
    const index = new SearchIndex();
    for (let i = 0; i < PREFIX_EXPANSION_LIMIT + 50; i++) index.add(doc(`rare${i}`, { body: `zeldzaam${i}woord` }));
    for (let i = 0; i < 5; i++) index.add(doc(`common${i}`, { body: 'zeldzaamheid komt vaak voor' }));
    const hits = ids(index, 'zeld');
    expect(hits).toHaveLength(PREFIX_EXPANSION_LIMIT - 1 + 5);
    for (let i = 0; i < 5; i++) expect(hits).toContain(`common${i}`);
  });
});

// The five real sample pages: the article and every brief as separate stories.
const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seeds');

function seedDocs(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const file of readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort()) {
    const parsed = parseWirePage(readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
    const { article, briefs } = parsed.page;
    if (article) {
      docs.push(doc(`${file}/article`, { headline: article.headline, body: article.body.map((block) => block.text).join('\n'), place: article.dateline.place }));
    }
    briefs.forEach((brief, i) => docs.push(doc(`${file}/brief-${i}`, { headline: brief.headline, body: brief.text, place: brief.dateline.place })));
  }
  return docs;
}

describe('SearchIndex on the seed stories', () => {
  const docs = seedDocs();
  const byId = new Map(docs.map((story) => [story.id, story]));
  const index = new SearchIndex();
  for (const story of docs) index.add(story);
  const text = (id: string) => {
    const story = byId.get(id)!;
    return `${story.headline}\n${story.place}\n${story.body}`;
  };

  it('finds every story that mentions Oekraïne by typing oekraine, and nothing else', () => {
    const hits = ids(index, 'oekraine ');
    const expected = docs.filter((story) => /Oekraïne/.test(text(story.id))).map((story) => story.id);
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits.sort()).toEqual(expected.sort());
  });

  it('ranks the article with Oekraïne in its headline first', () => {
    const hits = ids(index, 'oekraine ');
    expect(byId.get(hits[0]!)!.headline).toMatch(/Oekraïne/);
  });

  it('finds all forms of ontmoeten through the stem', () => {
    const hits = ids(index, 'ontmoeting ');
    const expected = docs.filter((story) => /ontmoet/i.test(text(story.id))).map((story) => story.id);
    expect(hits.sort()).toEqual(expected.sort());
  });

  it('matches the prefix oekr against Oekraïne and Oekraïense alike', () => {
    const hits = ids(index, 'oekr');
    const expected = docs.filter((story) => /Oekraï/.test(text(story.id))).map((story) => story.id);
    expect(hits.sort()).toEqual(expected.sort());
  });

  it('finds an exact phrase from a seed only where it occurs', () => {
    const hits = ids(index, '"Kim Jong-un"');
    const expected = docs.filter((story) => /Kim Jong-un/.test(text(story.id))).map((story) => story.id);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.sort()).toEqual(expected.sort());
  });

  it('highlights the matched words in the display text, diacritics kept', () => {
    const [first] = ids(index, 'oekraine ');
    const story = byId.get(first!)!;
    const ranges = highlightRanges(story.headline, parseQuery('oekraine ').highlight);
    expect(ranges.map(([start, end]) => story.headline.slice(start, end))).toEqual(['Oekraïne']);
  });
});

describe('SearchIndex: OR', () => {
  it('matches stories with either word, combined with the other words of the query', () => {
    const index = fixtureIndex();
    expect(ids(index, 'kansas OR pyongyang ').sort()).toEqual(['kansas', 'poetin']);
    expect(ids(index, 'welkom kansas OR pyongyang ').sort()).toEqual(['kansas', 'poetin']);
    expect(ids(index, 'ontmoeting kansas OR pyongyang ')).toEqual(['poetin']);
    expect(ids(index, 'kansas OR onbekendwoord ')).toEqual(['kansas']);
    expect(ids(index, 'onbekendwoord OR anderwoord ')).toEqual([]);
  });

  it('takes word starts and phrases as alternatives, a phrase only where it occurs as written', () => {
    const index = fixtureIndex();
    expect(ids(index, 'zelen* OR kansa').sort()).toEqual(['geneve', 'kansas']);
    // Both stories have `warm` and `welkom`, only one as the phrase.
    expect(ids(index, '"warm welkom" OR zelensky ').sort()).toEqual(['geneve', 'poetin']);
    expect(ids(index, '"welkom was" OR "warm welkom" ').sort()).toEqual(['kansas', 'poetin']);
    expect(ids(index, '"warm welkom" OR "welkom niet" ')).toEqual(['poetin']);
  });

  it('leaves out words next to an OR', () => {
    const index = fixtureIndex();
    expect(ids(index, 'kansas OR pyongyang -rijbewijzen ')).toEqual(['poetin']);
  });
});

