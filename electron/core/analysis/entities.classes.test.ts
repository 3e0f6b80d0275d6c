import { describe, expect, it } from 'vitest';
import { extractEntities, type Entity, type EntityStoryInput } from './entities';
import { relatedFeatures } from './related/features';
import { suggestTags } from './suggest-tags';

// Issue 16, error classes 1-8: Dutch wire-style sentences written for these tests (no
// outlet's text), several per class, each of a shape that went wrong before.

function story(headline: string, paragraphs: string[], place = ''): EntityStoryInput {
  return { headline, dateline: { place, agencies: [] }, body: paragraphs.map((text) => ({ type: 'paragraph', text })) };
}
const names = (entities: Entity[]) => entities.map((entity) => entity.name);
const tags = (input: EntityStoryInput, limit?: number) =>
  suggestTags(extractEntities(input), [], [], limit === undefined ? {} : { limit }).map((tag) => tag.name);
const byName = (entities: Entity[], name: string) => entities.find((entity) => entity.name === name);

describe('class 1: a sentence-initial surname is no person without other evidence', () => {
  it('does not read common words that spell a surname as that person', () => {
    expect(names(extractEntities(story('Boeren protesteren', ['De boer die zijn land verloor, stapt naar de rechter.'])))).not.toContain('Hugo de Jonge');
    expect(names(extractEntities(story('Oogst', ['De jonge boeren in Drenthe kregen subsidie.', 'De Jonge zei niets.'])))).not.toContain('Hugo de Jonge');
    expect(names(extractEntities(story('Textiel', ['De Wever is een oud beroep in het dorp, zegt de gids.'])))).not.toContain('Bart De Wever');
  });

  it('keeps a bare surname when a first name, a role cue or another mention names the person', () => {
    const named = extractEntities(story('Debat', ['Minister Hugo de Jonge opende het debat.', 'De Jonge zei dat hij tevreden was.']));
    expect(byName(named, 'Hugo de Jonge')?.count).toBe(2);
    const cue = extractEntities(story('Begroting', ['Volgens premier De Wever is er geen geld.', 'De Wever wil snoeien in de uitgaven.']));
    expect(byName(cue, 'Bart De Wever')?.count).toBe(2);
    const headline = extractEntities(story('Wilders stapt uit overleg', ['PVV-leider Geert Wilders verliet het Catshuis.']));
    expect(byName(headline, 'Geert Wilders')?.count).toBe(2);
  });
});

describe('class 2: the longest name wins', () => {
  it('does not count a place inside a treaty, institution or event name', () => {
    const cases: [string, string, string][] = [
      ['Het Verdrag van Maastricht werd in 1992 ondertekend.', 'Verdrag van Maastricht', 'Maastricht'],
      ['Het Akkoord van Parijs blijft overeind, zeggen de landen.', 'Akkoord van Parijs', 'Parijs'],
      ['Onderzoekers van de Universiteit Utrecht publiceerden het rapport.', 'Universiteit Utrecht', 'Utrecht'],
      ['Historici herdenken de Vrede van Münster met een tentoonstelling.', 'Vrede van Münster', 'Münster'],
      ['Bezoekers van Sail Amsterdam zagen honderden schepen.', 'Sail Amsterdam', 'Amsterdam'],
    ];
    for (const [text, long, place] of cases) {
      const entities = extractEntities(story('Nieuws', [text]));
      expect(names(entities), text).toContain(long);
      expect(names(entities), text).not.toContain(place);
    }
  });

  it('still counts the place where the text names it on its own', () => {
    const entities = extractEntities(story('Stad', ['De Universiteit Utrecht groeit.', 'In Utrecht is het druk.']));
    expect(byName(entities, 'Utrecht')?.count).toBe(1);
  });
});

describe('class 3: short forms after a role or country cue resolve through the gazetteer', () => {
  it('finds the person named only by role and surname', () => {
    expect(names(extractEntities(story('Top', ['De Pakistaanse premier Sharif reisde naar Peking.'])))).toContain('Shehbaz Sharif');
    expect(names(extractEntities(story('Energie', ['Minister Hermans wil meer windparken op zee.'])))).toContain('Sophie Hermans');
    expect(names(extractEntities(story('Bezoek', ['De Spaanse premier Sánchez sprak met boeren.'])))).toContain('Pedro Sánchez');
    expect(names(extractEntities(story('Handel', ['De Indiase premier Modi bezocht Japan, net als kanselier Merz.'])))).toEqual(
      expect.arrayContaining(['Narendra Modi', 'Friedrich Merz']),
    );
  });

  it('does not guess when the cue disagrees or leaves several people', () => {
    expect(names(extractEntities(story('Bezoek', ['De Duitse minister Sharif sprak in Berlijn.'])))).not.toContain('Shehbaz Sharif');
    expect(names(extractEntities(story('Politiek', ['Oud-premier Johnson reageerde.'])))).not.toContain('Mike Johnson');
  });
});

describe('class 4: ministries need their country and are never shared entities', () => {
  it('leaves out a ministry the text gives no country', () => {
    for (const text of [
      'Het ministerie van Binnenlandse Zaken onderzoekt het lek.',
      'Economische Zaken betaalt mee aan het plan, aldus een woordvoerder.',
      'Volgens het ministerie van Volksgezondheid stijgt het aantal besmettingen.',
    ]) {
      expect(tags(story('Nieuws', [text])).filter((tag) => /Zaken|Volksgezondheid|Ministerie/u.test(tag)), text).toEqual([]);
    }
  });

  it('qualifies a ministry with the country the text gives', () => {
    const result = tags(story('Aanvallen', ['Het Russische ministerie van Defensie meldt nieuwe aanvallen.', 'Ook het Oekraïense ministerie van Buitenlandse Zaken reageerde.']));
    expect(result).toEqual(expect.arrayContaining(['Ministerie van Defensie (Rusland)', 'Ministerie van Buitenlandse Zaken (Oekraïne)']));
  });

  it('keeps ministries out of the entities the related index shares', () => {
    const entities = extractEntities(story('Lek', ['Het Nederlandse ministerie van Defensie en Binnenlandse Zaken melden een lek.']));
    const features = relatedFeatures({ kind: 'article', headline: 'Lek', text: 'tekst', place: '', entities: [...entities, { key: 'binnenlandse zaken', name: 'Binnenlandse Zaken' }] });
    expect(features.entities.filter((value) => /zaken|defensie/iu.test(value))).toEqual([]);
  });
});

describe('class 5: kinds from cues', () => {
  it('keeps reporters and their beats out, and types media as organisations', () => {
    const entities = extractEntities(
      story('Aardbeving', [
        'Dat meldt Azië-correspondent Sjoerd Kleinhuis vanuit Tokio.',
        'Persbureau Kyodo News en Sky News meldden schade. Radio Noordkaap zond een noodbericht uit.',
        'Volgens verslaggever Anne Wit is het rustig.',
      ]),
    );
    expect(names(entities)).not.toEqual(expect.arrayContaining(['Sjoerd Kleinhuis']));
    expect(names(entities)).not.toContain('Anne Wit');
    expect(names(entities)).not.toContain('Azië');
    for (const name of ['Kyodo News', 'Sky News', 'Radio Noordkaap']) expect(byName(entities, name)?.kind, name).toBe('organisation');
  });

  it('types events and unknown names without a person cue as topics, and names after a cue as people', () => {
    const entities = extractEntities(
      story('Feest', ['Pride Amsterdam trok veel bezoekers.', 'Ook het Kralingen Zomerfeest was druk, aldus Marieke Zwaan.', 'Het was druk, zei Beukers.'])
    );
    expect(byName(entities, 'Pride Amsterdam')?.kind).toBe('topic');
    expect(byName(entities, 'Kralingen Zomerfeest')?.kind).not.toBe('person');
    expect(byName(entities, 'Marieke Zwaan')?.kind).toBe('person');
  });
});

describe('class 6: no fragments', () => {
  it('yields both people of a headline compound', () => {
    expect(names(extractEntities(story('Trump-Poetin: top in Alaska', ['Details volgen.'])))).toEqual(expect.arrayContaining(['Donald Trump', 'Vladimir Poetin']));
    expect(names(extractEntities(story('Overleg Macron-Merz mislukt', ['Details volgen.'])))).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Friedrich Merz']));
  });

  it('keeps particles inside names, folds genitives and takes adjective-led places whole', () => {
    const entities = extractEntities(
      story('Scheepvaart', [
        'Reder Jan van den Berg waarschuwt voor aanvallen in de Rode Zee en de Zuid-Chinese Zee.',
        "Van den Berg noemde Biden's beleid zwak. Ook het Arabische Schiereiland is onrustig.",
        'Zee en wind maakten de tocht zwaar.',
      ]),
    );
    expect(byName(entities, 'Jan van den Berg')).toMatchObject({ kind: 'person', count: 2 });
    expect(names(entities)).toEqual(expect.arrayContaining(['Rode Zee', 'Zuid-Chinese Zee', 'Joe Biden', 'Arabisch Schiereiland']));
    expect(names(entities)).not.toEqual(expect.arrayContaining(['Berg']));
    expect(names(entities)).not.toContain('Zee');
    expect(names(entities)).not.toContain('Saoedi-Arabië');
    expect(names(entities)).not.toContain('Arabische Schiereiland');
  });
});

describe('class 7: one entity under several names', () => {
  it('folds short and full mentions, genitives, transliterations and kabinet-X', () => {
    const entities = extractEntities(
      story('Oorlog', [
        'President Volodymyr Zelenskyj sprak in Kiëv met staatssecretaris David van Weel.',
        'Van Weel zei dat Zelenski op steun kan rekenen. Trumps plan noemde hij onduidelijk.',
        'Het kabinet-Rutte stuurde eerder wapens naar Kyiv.',
      ]),
    );
    expect(byName(entities, 'Volodymyr Zelensky')?.count).toBe(2);
    expect(byName(entities, 'Kyiv')?.count).toBe(2);
    expect(byName(entities, 'David van Weel')?.count).toBe(2);
    expect(names(entities)).toEqual(expect.arrayContaining(['Donald Trump', 'Mark Rutte']));
    expect(names(extractEntities(story('Lancering', ['Vanaf Vostochny vertrok een raket; de basis Vostotsjny ligt in het oosten.'])))).toContain('Kosmodroom Vostotsjny');
  });
});

describe('class 8: ranking keeps the story\'s people', () => {
  it('never drops the named ministers for generic countries at the limit', () => {
    const input = story(
      'EU-landen oneens over steun',
      [
        'De Franse, Duitse, Italiaanse, Spaanse en Poolse regeringen zijn het oneens met de Belgische en Nederlandse.',
        'Frankrijk, Duitsland, Italië, Spanje, Polen, België en Nederland willen elk iets anders. Ook Oostenrijk en Zweden twijfelen.',
        'De Belgische minister Maxime Prévot en de Nederlandse minister David van Weel zochten een uitweg.',
      ],
      'BRUSSEL',
    );
    expect(tags(input, 10)).toEqual(expect.arrayContaining(['Maxime Prévot', 'David van Weel']));
  });
});
