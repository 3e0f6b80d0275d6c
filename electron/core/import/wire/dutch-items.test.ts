import { describe, expect, it } from 'vitest';
import type { WireFormat } from './item';
import { fixture, ok, parseFixture, parseText } from './test/read';

// Kroniek's own Dutch items (test/dutch, see its README): one story in ninjs 1, 2, 3
// and NewsML-G2, three versions, a kill and a package each. The same expectations hold
// for every format: that is what the normalised WireItem is for.

const GUID = 'urn:newsml:anp.nl:20261203:kabinet-woningbouw';
const REACTION = 'urn:newsml:anp.nl:20261203:reacties-woningbouw';
const PICTURE = 'urn:newsml:anp.nl:20261203:foto-bouwplaats';
const RIGHTS = { copyrightHolder: 'ANP', copyrightNotice: '© 2026 ANP. Alle rechten voorbehouden.', usageTerms: 'Alleen voor redactioneel gebruik door abonnees van de ANP-nieuwsdienst.' };

const FORMATS: [dir: string, format: WireFormat, ext: string][] = [
  ['ninjs1', 'ninjs-1', 'json'],
  ['ninjs2', 'ninjs-2', 'json'],
  ['ninjs3', 'ninjs-3', 'json'],
  ['g2', 'newsml-g2', 'xml'],
];

describe.each(FORMATS)('%s', (dir, format, ext) => {
  const only = (name: string) => {
    const result = ok(parseFixture(`dutch/${dir}/woningbouw-${name}.${ext}`));
    expect(result.items).toHaveLength(1);
    return result.items[0]!;
  };

  it('v1: embargo, rights, dateline, Media Topic codes, body', () => {
    const item = only('v1');
    expect(item).toMatchObject({
      format,
      guid: GUID,
      version: 1,
      firstCreated: '2026-12-03T09:02:00+01:00',
      versionCreated: '2026-12-03T09:02:00+01:00',
      pubStatus: 'usable',
      signals: [],
      embargoedUntil: '2026-12-04T06:00:00Z',
      edNote: 'Embargo tot vrijdag 07.00 uur.',
      headline: 'Kabinet presenteert plan voor woningbouw',
      slugline: 'kabinet-woningbouw',
      byline: 'Redactie ANP',
      datelinePlace: 'DEN HAAG',
      agencies: ['ANP'],
      language: 'nl',
      packageMembers: [],
    });
    expect(item.rights).toMatchObject(RIGHTS);
    expect(item.subjects).toContainEqual({ name: 'woningmarkt', code: 'medtop:20000386' });
    expect(item.persons.map((person) => person.name)).toEqual(['Hendriks']);
    expect(item.organisations.map((organisation) => organisation.name)).toEqual(['Aedes']);
    expect(item.places.map((place) => place.name)).toEqual(['Den Haag']);
    expect(item.infoSources.map((source) => source.name)).toEqual(['ANP']);
    expect(item.body[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^DEN HAAG \(ANP\) - Het kabinet wil de komende tien jaar 900\.000 nieuwe woningen/) });
    expect(item.body.map((block) => block.text).join(' ')).toContain('donderdag presenteert');
  });

  it('v2: an update with a new headline and one paragraph more', () => {
    const item = only('v2');
    expect(item).toMatchObject({ guid: GUID, version: 2, versionCreated: '2026-12-03T10:40:00+01:00', signals: ['update'], embargoedUntil: null, headline: 'Kabinet wil 900.000 woningen bouwen in tien jaar' });
    expect(item.body.at(-1)!.text).toMatch(/^Woningcorporaties noemen het plan "een stap in de goede richting"/);
  });

  it('v3: a correction that changes one word', () => {
    const item = only('v3');
    expect(item).toMatchObject({ guid: GUID, version: 3, versionCreated: '2026-12-03T11:15:00+01:00', signals: ['correction'], pubStatus: 'usable' });
    expect(item.edNote).toMatch(/^Correctie:/);
    const text = item.body.map((block) => block.text).join(' ');
    expect(text).toContain('vrijdag presenteert');
    expect(text).not.toContain('donderdag presenteert');
  });

  it('kill: canceled, kill signal, the agency note, no body', () => {
    const item = only('kill');
    expect(item).toMatchObject({ guid: GUID, version: 4, pubStatus: 'canceled', signals: ['kill'], edNote: 'Vervalt: dit bericht is ingetrokken. Niet gebruiken.', body: [] });
    expect(item.headline).toMatch(/^VERVALT:/);
    expect(item.rights.copyrightHolder).toBe('ANP');
  });

  it('package: a package record with its members; an embedded text item comes as an item', () => {
    const result = ok(parseFixture(`dutch/${dir}/woningbouw-package.${ext}`));
    expect(result.package).toMatchObject({ guid: 'urn:newsml:anp.nl:20261203:pakket-woningbouw', headline: 'Pakket: woningbouwplan kabinet' });
    expect(result.package!.members).toContain(REACTION);
    expect(result.package!.members).toContain(PICTURE);
    if (format !== 'newsml-g2') {
      // ninjs embeds the associated items; G2's packageItem only refers to them.
      const reaction = result.items.find((item) => item.guid === REACTION);
      expect(reaction).toMatchObject({ headline: 'Bouwers blij, huurders kritisch over woningbouwplan', datelinePlace: 'UTRECHT', agencies: ['ANP'] });
      expect(reaction!.body).toHaveLength(2);
      // The package has no text of its own: it is the package record, not a story; the picture is no text item.
      expect(result.items.map((item) => item.guid)).toEqual([REACTION]);
    }
  });
});

describe('NewsML-G2 specifics', () => {
  it('a newsMessage gives each item of its itemSet', () => {
    const result = ok(parseFixture('dutch/g2/woningbouw-message.xml'));
    expect(result.items.map((item) => [item.guid, item.version])).toEqual([
      [GUID, 1],
      [REACTION, 1],
    ]);
    expect(result.items[1]!.body.map((block) => block.text.slice(0, 16))).toEqual(['UTRECHT (ANP) - ', 'Huurdersorganisa']);
  });

  it('NITF: hl2 becomes a heading, paragraphs inside block stay paragraphs, the NITF head is not repeated', () => {
    const item = ok(parseFixture('dutch/g2/woningbouw-v3.xml')).items[0]!;
    expect(item.body.map((block) => block.type)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph']);
    expect(item.body[1]!.text).toBe('Sneller bouwen');
  });

  it('prefixes do not matter (v1 default namespace, v2 `nar:`, v3 `g2:`), namespaces do: a headline in another namespace is not the headline', () => {
    const text = new TextDecoder().decode(fixture('dutch/g2/woningbouw-v1.xml')).replace('<headline>', '<headline xmlns="urn:example:other">');
    const item = ok(parseText(text)).items[0]!;
    // Without a G2 headline the item is headed by the first sentence of its body, after the dateline.
    expect(item.headline).toBe('Het kabinet wil de komende tien jaar 900.000 nieuwe woningen laten bouwen.');
  });
});
