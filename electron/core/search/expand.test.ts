import { describe, expect, it } from 'vitest';
import { SearchIndex, parseQuery } from './index';
import { transliterationKey } from './expand';
import { compoundHeads, splitCompound } from '../text/compounds';
import { bufferSource, SnapshotReader, SnapshotWriter } from '../snapshot/codec';

// Issue 16, class 11: what editors type. Stories written for these tests, in Dutch wire style.

const STORIES: { id: string; headline: string; body: string }[] = [
  { id: 'peking-1', headline: 'Peking dreigt met tegenmaatregelen', body: 'China reageert woedend op de nieuwe Amerikaanse importheffingen. Peking spreekt van economische chantage.' },
  { id: 'peking-2', headline: 'Handelsgesprekken in Peking vastgelopen', body: 'De onderhandelaars verlieten de Chinese hoofdstad zonder akkoord.' },
  { id: 'beijing-1', headline: 'Beijing opent nieuw vliegveld', body: 'In Beijing is een tweede internationale luchthaven geopend, meldt staatsmedia.' },
  { id: 'zel-1', headline: 'Zelensky in Washington', body: 'President Zelensky vraagt het Congres om meer steun voor Oekraïne.' },
  { id: 'zel-2', headline: 'Zelenski spreekt Europees Parlement toe', body: 'De Oekraïense president Zelenski bedankte de Europese landen voor hun hulp.' },
  { id: 'zel-3', headline: 'Zelenskyj ontslaat legerleiding', body: 'Volodymyr Zelenskyj heeft de top van het leger vervangen.' },
  { id: 'kyiv-1', headline: 'Luchtalarm in Kyiv', body: 'In Kyiv klonk de hele nacht luchtalarm na Russische droneaanvallen.' },
  { id: 'kiev-1', headline: 'Metro van Kiev dient als schuilkelder', body: 'Inwoners van Kiev brachten de nacht door in de metro.' },
  { id: 'raket-1', headline: 'Rusland vuurt kruisraketten af op Odesa', body: 'Het Russische leger heeft de havenstad bestookt met kruisraketten en drones.' },
  { id: 'raket-2', headline: 'Noord-Korea test ballistische raketten', body: 'Pyongyang lanceerde twee ballistische raketten richting de Japanse Zee.' },
  { id: 'raket-3', headline: 'Raket neergestort bij grens', body: 'Een raket is vlak bij de Poolse grens in een weiland neergekomen.' },
  { id: 'raket-4', headline: 'Nieuwe langeafstandsraketten voor Oekraïne', body: 'Duitsland levert langeafstandsraketten, bevestigt het ministerie.' },
  { id: 'wapen-1', headline: 'Wapenstilstand in Gaza houdt stand', body: 'De wapenstilstand tussen Israël en Hamas is na een week nog van kracht.' },
  { id: 'wapen-2', headline: 'Kamer wil meer wapens naar Oekraïne', body: 'Een meerderheid wil dat Nederland extra wapens en munitie levert. Ook kernwapens kwamen ter sprake.' },
  { id: 'wapen-3', headline: 'Europese landen bespreken wapenleveranties', body: 'De ministers van Defensie praten over de wapenleveranties aan Kyiv.' },
];

function index(): SearchIndex {
  const search = new SearchIndex();
  for (const story of STORIES) search.add({ id: story.id, headline: story.headline, body: story.body, place: '', tags: [], note: '' });
  return search;
}

const ids = (search: SearchIndex, query: string) => search.search(parseQuery(query)).map((hit) => hit.id);

describe('search expands what editors type (issue 16, class 11)', () => {
  const search = index();

  it('finds Peking for `beijing` and Beijing for `peking`, and says so', () => {
    for (const query of ['beijing ', 'beijing', 'peking ']) expect(ids(search, query).sort()).toEqual(['beijing-1', 'peking-1', 'peking-2']);
    const parsed = parseQuery('beijing ');
    expect(search.expansions(parsed).flatMap((e) => e.also)).toEqual(['Peking']);
    expect(search.expansions(parseQuery('peking ')).flatMap((e) => e.also)).toEqual(['Beijing']);
  });

  it('finds every spelling of Zelensky whichever is typed, the stories\' own spelling included', () => {
    for (const query of ['zelenski ', 'zelensky ', 'zelenskyj ', 'zelensky']) expect(ids(search, query).sort(), query).toEqual(['zel-1', 'zel-2', 'zel-3']);
    expect(search.expansions(parseQuery('zelensky ')).flatMap((e) => e.also)).toEqual(expect.arrayContaining(['Zelenski', 'Zelenskyj']));
  });

  it('finds Kyiv and Kiev together', () => {
    expect(ids(search, 'kiev ').sort()).toEqual(['kiev-1', 'kyiv-1', 'wapen-3']);
    expect(ids(search, 'kyiv ').sort()).toEqual(['kiev-1', 'kyiv-1', 'wapen-3']);
  });

  it('finds compounds with the searched word as head, exact matches first', () => {
    const hits = ids(search, 'raket ');
    expect(hits.sort()).toEqual(['raket-1', 'raket-2', 'raket-3', 'raket-4']);
    // `raket`/`raketten` as written rank above kruisraketten and langeafstandsraketten.
    const ranked = ids(search, 'raket ');
    expect(ranked.slice(0, 2).sort()).toEqual(['raket-2', 'raket-3']);
    expect(ids(search, 'raket').sort()).toEqual(['raket-1', 'raket-2', 'raket-3', 'raket-4']);
  });

  it('does not match `wapenstilstand` or `wapenleveranties` for `wapens`, but does match `kernwapens`', () => {
    expect(ids(search, 'wapens ')).toEqual(['wapen-2']);
    // While typing, `wapens` is already a word: its completions that merely start with it stay out.
    expect(ids(search, 'wapens')).toEqual(['wapen-2']);
    expect(ids(search, 'wapenst')).toContain('wapen-1');
  });

  it('keeps the compounds it found through a snapshot: the copy expands as the original', () => {
    const out = new SnapshotWriter();
    for (const _ of search.writeState(out)) void _;
    const data = Buffer.concat(out.take(true));
    const read = SearchIndex.readState(new SnapshotReader(bufferSource(data), 0));
    let step = read.next();
    while (!step.done) step = read.next();
    const copy = step.value;
    for (const query of ['raket ', 'wapens ', 'kiev ', 'zelensky ']) {
      expect(ids(copy, query).sort(), query).toEqual(ids(search, query).sort());
      expect(copy.expansions(parseQuery(query)), query).toEqual(search.expansions(parseQuery(query)));
    }
    expect(search.expansions(parseQuery('raket ')).flatMap((e) => e.compounds)).toEqual(expect.arrayContaining(['kruisraketten']));
  });

  it('leaves ordinary words alone', () => {
    expect(search.expansions(parseQuery('nacht '))).toEqual([]);
    expect(ids(search, 'nacht ').sort()).toEqual(['kiev-1', 'kyiv-1']);
  });
});

describe('Dutch compounds by the OpenTaal lexicon', () => {
  it('splits compounds into two words of the lexicon, linking letters allowed', () => {
    expect(splitCompound('kruisraketten')).toEqual({ modifier: 'kruis', head: 'raketten' });
    expect(splitCompound('oorlogsschip')).toEqual({ modifier: 'oorlog', head: 'schip' });
    expect(splitCompound('stikstofuitstoot')).toEqual({ modifier: 'stikstof', head: 'uitstoot' });
    expect(splitCompound('huizenprijzen')?.head).toBe('prijzen');
    expect(compoundHeads('wapenstilstand')).not.toContain('wapens');
  });

  it('does not split words that are no compounds of their parts', () => {
    for (const word of ['raketten', 'verkeer', 'aanval', 'overheid', 'onderzoek', 'verkiezingen', 'president', 'belangrijk']) expect(splitCompound(word), word).toBeNull();
  });

  it('folds transliterations of a name onto one key', () => {
    expect(new Set(['zelensky', 'zelenski', 'zelenskyj', 'zelenskyy'].map(transliterationKey)).size).toBe(1);
    expect(transliterationKey('vostotsjny')).toBe(transliterationKey('vostochny'));
  });
});
