import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities';
import { RelatedIndex, toRelatedDoc, writtenForms, writtenTerms, type RelatedHit } from './related';
import { wordingTerm } from './related/features';
import { relatedDateOf } from '../indexing/engine';
import { measureRelated } from './test/related-measure';
import { RELATED_LABELLED } from './test/related-labelled';
import type { SeedStory } from './test/seeds';
import type { IndexedMeta, StoryHead } from '../store/meta';
import { StoryMap } from '../store/story-map';

// Issue 16, classes 9 and 10: confidence bands, near-stopwords and name fragments kept
// out of the wording score, reasons in the story's own words, neutral unknown dates.
// Stories written for these tests in Dutch wire style.

function story(id: string, headline: string, place: string, paragraphs: string[], kind: 'article' | 'brief' = 'article'): SeedStory {
  return { id, kind, headline, dateline: { place, agencies: ['ANP'] }, body: paragraphs.map((text) => ({ type: 'paragraph', text })) };
}

function indexOf(stories: SeedStory[], dates: Record<string, string | null> = {}): RelatedIndex {
  const index = new RelatedIndex();
  for (const item of stories) index.upsert(toRelatedDoc({ ...item, publishedAt: dates[item.id] ?? null, entities: extractEntities(item) }));
  return index;
}

const hitFor = (hits: RelatedHit[], id: string) => hits.find((hit) => hit.id === id);

const VOETBAL = story('voetbal', 'De Jong leidt Barcelona naar zege', 'BARCELONA', [
  'Frenkie de Jong heeft FC Barcelona zaterdag naar een 2-0 zege op Sevilla geleid. De Jong scoorde de openingstreffer en gaf de assist bij de tweede goal van Lewandowski.',
  'Trainer Hansi Flick prees de jonge ploeg. De president van de club was sinds lange tijd niet zo tevreden, zei hij. Barcelona staat nu los bovenaan in La Liga.',
]);
const NOORD_KOREA = story('noordkorea', 'Kim Jong-un bezoekt raketbasis', 'PYONGYANG', [
  'De Noord-Koreaanse leider Kim Jong-un heeft een raketbasis aan de oostkust bezocht. Kim inspecteerde volgens staatspersbureau KCNA nieuwe lanceerinstallaties.',
  'Het is al heel lang geleden dat de leider sinds de jaarwisseling zo vaak militaire bases bezocht. De president van Zuid-Korea noemde het bezoek een provocatie.',
]);
const CENTRALE_BANK = story('centralebank', 'Centrale bank van Zuid-Korea houdt rente gelijk', 'SEOUL', [
  'De centrale bank van Zuid-Korea houdt de rente op 2,75 procent. De inflatie daalt, maar de zwakke won en de hoge schulden van huishoudens baren de bank zorgen, zei president Rhee Chang-yong.',
]);
const TENNIS = story('tennis', 'Griekspoor wint toernooi in Rosmalen', 'ROSMALEN', [
  'Tallon Griekspoor heeft het grastoernooi van Rosmalen gewonnen. Het was een heel jonge finale: zijn tegenstander was twintig. Griekspoor won sinds lange tijd weer eens een titel in eigen land.',
]);

describe('related suggestions: confidence and wording (issue 16, class 9)', () => {
  it('keeps a footballer named De Jong and Kim Jong-un apart: no shared `jong`, weak at most', () => {
    const index = indexOf([VOETBAL, NOORD_KOREA, CENTRALE_BANK, TENNIS]);
    for (const [a, b] of [['voetbal', 'noordkorea'], ['noordkorea', 'voetbal']] as const) {
      const hit = hitFor(index.related(a), b);
      if (hit) {
        expect(hit.band).toBe('weak');
        expect(JSON.stringify(hit.reasons)).not.toMatch(/jong/i);
      }
    }
  });

  it('does not link stories on near-stopwords alone (president, sinds, tijd, heel, jong)', () => {
    const index = indexOf([VOETBAL, NOORD_KOREA, CENTRALE_BANK, TENNIS]);
    for (const id of ['voetbal', 'noordkorea', 'centralebank', 'tennis']) {
      for (const hit of index.related(id)) {
        expect(hit.band, `${id} → ${hit.id}`).toBe('weak');
        const words = hit.reasons.flatMap((reason) => (reason.kind === 'sharedTerms' ? reason.terms : []));
        for (const word of ['president', 'sinds', 'tijd', 'heel', 'jonge', 'jong']) expect(words).not.toContain(word);
      }
    }
  });

  it('gives a central-bank story and a North Korea story that share a country a weak band', () => {
    const index = indexOf([VOETBAL, NOORD_KOREA, CENTRALE_BANK, TENNIS]);
    const hit = hitFor(index.related('centralebank'), 'noordkorea');
    expect(hit === undefined || hit.band === 'weak').toBe(true);
  });

  it('bands the same event strong and keeps its wording', () => {
    const first = story('storm-a', 'Storm legt treinverkeer in Zeeland plat', 'MIDDELBURG', [
      'Een zware storm heeft het treinverkeer in Zeeland vrijdag platgelegd. ProRail meldt omgewaaide bomen op het spoor tussen Goes en Vlissingen. Het KNMI gaf code oranje af.',
    ]);
    const second = story('storm-b', 'Code oranje in Zeeland: bomen op het spoor', 'VLISSINGEN', [
      'Door de storm liggen in Zeeland bomen op het spoor. Het KNMI heeft code oranje afgegeven voor zware windstoten. Tussen Goes en Vlissingen rijden geen treinen, meldt ProRail.',
    ]);
    const index = indexOf([first, second, VOETBAL, TENNIS]);
    const hit = hitFor(index.related('storm-a'), 'storm-b')!;
    expect(hit.band).toBe('strong');
  });

  it('keeps `geweldig` and `geweld` apart in the wording score', () => {
    expect(wordingTerm('geweldige')).not.toBe(wordingTerm('geweld'));
    expect(wordingTerm('geweldige')).toBe(wordingTerm('geweldig'));
    expect(wordingTerm('verkiezingen')).toBe(wordingTerm('verkiezing'));
    expect(wordingTerm('raketten')).toBe(wordingTerm('raket'));
  });

  it('shows shared words as the story writes them: never a stem, one form per compound', () => {
    const text = 'Noord-Koreaanse raketten. De Noord-Koreaanse leider sprak van een geweldige dag. Verkiezingen volgen later; de verkiezingen zijn in mei.';
    const forms = writtenForms(text);
    const terms = writtenTerms(forms, [
      { term: wordingTerm('noordkoreaanse'), surface: 'noordkoreaanse' },
      { term: wordingTerm('koreaanse'), surface: 'koreaanse' },
      { term: wordingTerm('geweldig'), surface: 'geweld' },
      { term: wordingTerm('verkiezingen'), surface: 'verkiez' },
      { term: wordingTerm('raketten'), surface: 'raket' },
    ]);
    expect(terms).toEqual(['Noord-Koreaanse', 'geweldige', 'verkiezingen', 'raketten']);
  });

  it('shows one word for a compound and its parts (`zorgpremie`, not also `zorg`)', () => {
    const forms = writtenForms('De zorgpremie stijgt. Verzekeraars maken de premies bekend.');
    expect(writtenTerms(forms, [
      { term: wordingTerm('zorgpremie'), surface: 'zorgpremie' },
      { term: wordingTerm('zorg'), surface: 'zorg' },
      { term: wordingTerm('premies'), surface: 'premies' },
    ])).toEqual(['zorgpremie', 'premies']);
  });

  it('measures up on the labelled set: top five from the same event ≥ 0.9, nothing across worlds above weak', () => {
    const result = measureRelated(RELATED_LABELLED);
    expect(result.stories).toBeGreaterThanOrEqual(30);
    expect(result.sameEventShare).toBeGreaterThanOrEqual(0.9);
    expect(result.crossWorldAboveWeak).toEqual([]);
  });
});

describe('related suggestions: dates (issue 16, class 10)', () => {
  const sisterA = story('asiel-a', 'Kamer debatteert over strengere asielwet', 'DEN HAAG', [
    'De Tweede Kamer debatteert over de strengere asielwet van minister Faber. De wet schaft de permanente verblijfsvergunning af en beperkt gezinshereniging.',
  ]);
  const sisterB = story('asiel-b', 'Eerste Kamer neemt strengere asielwet aan', 'DEN HAAG', [
    'De Eerste Kamer heeft de strengere asielwet van minister Faber aangenomen. De permanente verblijfsvergunning verdwijnt, gezinshereniging wordt beperkt.',
  ]);
  const undatedBrief = story('asiel-brief', 'Asielwet: permanente verblijfsvergunning verdwijnt.', 'DEN HAAG', [
    'Asielwet: permanente verblijfsvergunning verdwijnt. De strengere asielwet beperkt ook gezinshereniging, zegt minister Faber.',
  ], 'brief');

  it('does not rank an undated brief above a dated sister story 18 months apart', () => {
    const index = indexOf([sisterA, sisterB, undatedBrief], { 'asiel-a': '2025-01-10', 'asiel-b': '2026-07-10', 'asiel-brief': null });
    const withDates = index.related('asiel-a');
    const without = indexOf([sisterA, sisterB, undatedBrief]).related('asiel-a');
    // The dated sister's score is not lowered by its distance: as without any dates, up to a tiny bonus.
    expect(hitFor(withDates, 'asiel-b')!.score).toBeGreaterThanOrEqual(hitFor(without, 'asiel-b')!.score);
    expect(hitFor(withDates, 'asiel-brief')!.score).toBe(hitFor(without, 'asiel-brief')!.score);
  });

  it('gives an undated brief the date of its page, and keeps its own date when it has one', () => {
    const head = (id: string, kind: 'article' | 'brief', pageId: string | null) => ({ id, kind, pageId, wire: undefined }) as unknown as StoryHead;
    const meta = { storyEdits: StoryMap.from({ page: { publishedAt: '2026-05-04' }, dated: { publishedAt: '2026-05-01' } }) } as unknown as IndexedMeta;
    expect(relatedDateOf(head('brief', 'brief', 'page'), meta)).toBe('2026-05-04');
    expect(relatedDateOf(head('dated', 'brief', 'page'), meta)).toBe('2026-05-01');
    expect(relatedDateOf(head('orphan', 'brief', null), meta)).toBeNull();
    expect(relatedDateOf(head('other', 'article', 'page'), meta)).toBeNull();
  });
});
