import { describe, expect, it } from 'vitest';
import { ok, parseFixture, problem } from './test/read';

// IPTC's own examples (vendored in test/samples, see its README): every text item
// parses with its headline, dates, status and rights; pictures, event timelines,
// packages and metadata fragments give a clear result, never a crash.

describe('IPTC ninjs examples', () => {
  it('dpa 2.1: HTML body, rights, version', () => {
    const [item, ...rest] = ok(parseFixture('samples/ninjs/2.1_dpa_text.json')).items;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      format: 'ninjs-2',
      guid: 'urn:newsml:dpa.com:20090101:190510-99-167362',
      version: 2,
      versionCreated: '2019-05-10T16:02:28+02:00',
      pubStatus: 'usable',
      headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
      byline: 'Von Christian Hollmann, dpa',
      language: 'de',
      rights: { copyrightHolder: 'dpa', copyrightNotice: 'Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten', usageTerms: null },
    });
    expect(item!.body).toHaveLength(9);
    expect(item!.body[0]!.text).toMatch(/^Für Lucien Favre war es «der größte Skandal/);
    expect(item!.body.every((block) => block.type === 'paragraph' && !block.text.includes('<'))).toBe(true);
  });

  it('NTB 2.1: lower-case 2.x keys, UTC dates as Z, subjects, ednote, description as the only text', () => {
    const [item] = ok(parseFixture('samples/ninjs/2.1_ntb_text.json')).items;
    expect(item).toMatchObject({
      version: 6,
      firstCreated: '2019-08-09T09:30:04Z',
      versionCreated: '2019-08-09T09:46:53Z',
      headline: 'Google har kjøpt giganttomt i Skien',
      slugline: 'skien-google',
      edNote: 'Noe utvidet.',
      language: 'nb-no',
      rights: { copyrightHolder: 'NTB', copyrightNotice: null, usageTerms: null },
      places: [{ name: 'Telemark', code: 'Telemark' }],
    });
    expect(item!.subjects).toContainEqual({ name: 'Teknologi', code: '13010000' });
    expect(item!.body[0]!.text).toMatch(/^IT-giganten Google/);
  });

  it.each(['samples/ninjs/2.1_tt_text_image_2.json', 'samples/ninjs/3.0_tt_text_image_3.json'])('TT %s: text item with a picture association, package record, headline not repeated in the body', (file) => {
    const result = ok(parseFixture(file));
    expect(result.items).toHaveLength(1);
    const item = result.items[0]!;
    expect(item).toMatchObject({ format: file.includes('3.0') ? 'ninjs-3' : 'ninjs-2', headline: 'Militärövning i jätteformat hålls 2023', version: 1, versionCreated: '2021-05-26T13:40:18+02:00', rights: { copyrightHolder: 'TT' } });
    expect(item.body[0]!.text).not.toBe(item.headline);
    expect(item.body.some((block) => block.text.startsWith('Pandemin satte stopp'))).toBe(true);
    expect(item.packageMembers).toEqual(['http://tt.se/media/image/sdlk2sirkPaauM']);
    expect(result.package).toEqual({ guid: 'http://tt.se/media/text/210526-militarovning-a0f2d045', headline: item.headline, members: item.packageMembers });
    expect(item.persons).toEqual([{ name: 'Jonas Svensson', code: null }]);
  });

  it('IPTC simple text 3.0: the XHTML body wins over the plain one and keeps its paragraphs', () => {
    const [item] = ok(parseFixture('samples/ninjs/3.0_ninjsExSimpleText_3.json')).items;
    expect(item).toMatchObject({ format: 'ninjs-3', version: null, versionCreated: '2013-07-09T10:37:00Z', pubStatus: 'usable', headline: 'Captain of wrecked cruise ship on trial in Italy' });
    expect(item!.body).toHaveLength(4);
  });

  it('Business Wire 3.0 composite: text with its media as package members', () => {
    const result = ok(parseFixture('samples/ninjs/3.0_businesswire-newsml-20130731006140.json'));
    expect(result.items[0]!.headline).toMatch(/^Lunch Taking a Toll\?/);
    expect(result.items[0]!.body[0]!.text).toContain('Applebee’s® Lunch Combos');
    expect(result.package?.members).toHaveLength(2);
  });

  it('AP picture: not a text item', () => {
    expect(problem(parseFixture('samples/ninjs/3.0_ap_image.json'))).toEqual({ code: 'wire.notTextItem', itemClass: 'picture' });
  });

  it('event timeline collection: every entry skipped as a non-text item', () => {
    const result = ok(parseFixture('samples/ninjs/3.0_collection_20231016-event-timeline-sample.json'));
    expect(result.items).toEqual([]);
    expect(result.skipped.length).toBeGreaterThan(3);
    expect(new Set(result.skipped.map((skip) => JSON.stringify(skip)))).toEqual(new Set([JSON.stringify({ code: 'wire.notTextItem', itemClass: 'event' })]));
  });
});

describe('IPTC NewsML-G2 listings', () => {
  it('listing 1: news item metadata, embargo, update signal, rights, medtop subjects', () => {
    const [item] = ok(parseFixture('samples/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml')).items;
    expect(item).toMatchObject({
      format: 'newsml-g2',
      guid: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      version: 11,
      firstCreated: '2016-10-18T13:12:21-05:00',
      versionCreated: '2018-10-21T16:25:32-05:00',
      embargoedUntil: '2018-10-23T12:00:00Z',
      pubStatus: 'usable',
      signals: ['update'],
      headline: 'Fed to halt QE to avert "bubble"',
      slugline: 'US-Finance-Fed',
      byline: 'Meredith Jameson',
      datelinePlace: 'BERLIN',
      agencies: ['REUTERS'],
      language: 'en-gb',
      rights: { copyrightHolder: 'Example Enews LLP', copyrightNotice: 'Copyright 2017-18 Example Enews LLP, all rights reserved', usageTerms: 'Not for use outside the United States' },
    });
    expect(item!.edNote).toMatch(/^Note to editors: STRICTLY EMBARGOED\. Not for public release/);
    expect(item!.subjects).toEqual([
      { name: 'economy, business and finance', code: 'medtop:04000000' },
      { name: 'labour market', code: 'medtop:20000523' },
    ]);
  });

  it('listing 2: NITF body, info source, language', () => {
    const [item] = ok(parseFixture('samples/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml')).items;
    expect(item).toMatchObject({ version: 11, versionCreated: '2018-11-21T16:25:32-05:00', firstCreated: null, headline: 'Fed to halt QE to avert "bubble"', datelinePlace: 'NEW YORK', language: 'en-us', infoSources: [{ name: 'Associated Press', role: null, uri: 'is:AP' }] });
    expect(item!.rights).toEqual({ copyrightHolder: 'Acme News and Media LLC', copyrightNotice: 'Copyright 2017-18 Acme News and Media LLC', usageTerms: null });
    expect(item!.body.map((block) => block.text.slice(0, 20))).toEqual(['(New York, NY - Octo', 'Ugiating ea feugait ']);
  });

  it('listing 6: a package item gives a package record with its member guids', () => {
    const result = ok(parseFixture('samples/newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml'));
    expect(result.items).toEqual([]);
    expect(result.package).toEqual({ guid: 'tag:example.com,2008:UK-NEWS-TOPTEN:UK20081220098658', headline: 'UK', members: ['urn:newsml:iptc.org:20081007:tutorial-item-A', 'urn:newsml:iptc.org:20081007:tutorial—item-B'] });
  });

  it('listing 24: a news message with a package and placeholder items', () => {
    const result = ok(parseFixture('samples/newsml-g2/LISTING_24_News_Message_conveying_a_complete_News_Package.xml'));
    expect(result.package?.members).toEqual(['N1', 'N2', 'N3', 'N4']);
    expect(result.items).toEqual([]);
    expect(result.skipped).toEqual(Array(4).fill({ code: 'wire.noText' }));
  });

  it('listing 28 (a bare contentMeta fragment) is XML but not a G2 item; listing 29 has no text', () => {
    expect(problem(parseFixture('samples/newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml'))).toEqual({ code: 'wire.unknownFormat', kind: 'xml', root: 'contentMeta' });
    expect(problem(parseFixture('samples/newsml-g2/LISTING_29_Hop_History.xml'))).toEqual({ code: 'wire.noText' });
  });
});
