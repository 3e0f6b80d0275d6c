// Hand-written Dutch agency items in ANP style (our own text), as files an editor would
// drop: ninjs 3 JSON and NewsML-G2 XML. Used by the renderer tests and e2e/wire.spec.ts.
// Pure string building: no Node, no DOM.

export interface AnpItem {
  guid: string;
  version: number;
  versionCreated: string;
  firstCreated?: string;
  headline: string;
  /** Body paragraphs; the first opens with the dateline as agencies send it. */
  paragraphs: string[];
  pubStatus?: 'usable' | 'canceled' | 'withheld';
  edNote?: string;
  embargoedUntil?: string;
  /** G2 only: the item's signal (`sig:update`, `sig:correction`). */
  signal?: 'update' | 'correction';
}

const RIGHTS = {
  copyrightHolder: 'ANP',
  copyrightNotice: '© 2026 ANP. Alle rechten voorbehouden.',
  usageTerms: 'Alleen voor redactioneel gebruik door abonnees van de ANP-nieuwsdienst.',
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An item as ninjs 3.x JSON. */
export function ninjs3(item: AnpItem): string {
  const doc: Record<string, unknown> = {
    uri: item.guid,
    type: 'text',
    version: String(item.version),
    firstCreated: item.firstCreated ?? item.versionCreated,
    versionCreated: item.versionCreated,
    pubStatus: item.pubStatus ?? 'usable',
    ...RIGHTS,
    language: 'nl',
    headlines: [{ role: 'main', value: item.headline }],
    by: 'Redactie ANP',
    located: 'Zwolle',
    infoSources: [{ name: 'ANP', role: 'originfo' }, { name: 'Rijkswaterstaat', role: 'source' }],
  };
  if (item.paragraphs.length) doc.bodies = [{ role: 'html', contentType: 'text/html', value: item.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('') }];
  if (item.edNote) doc.edNote = item.edNote;
  if (item.embargoedUntil) doc.embargoedUntil = item.embargoedUntil;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** An item as a NewsML-G2 newsItem with NITF text. */
export function newsmlG2(item: AnpItem): string {
  const status = item.pubStatus ?? 'usable';
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${escapeXml(item.guid)}" version="${item.version}" standard="NewsML-G2" standardversion="2.33" xml:lang="nl">
  <rightsInfo>
    <copyrightHolder literal="ANP"><name>${RIGHTS.copyrightHolder}</name></copyrightHolder>
    <copyrightNotice>${escapeXml(RIGHTS.copyrightNotice)}</copyrightNotice>
    <usageTerms>${escapeXml(RIGHTS.usageTerms)}</usageTerms>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:ANP"/>
    <versionCreated>${item.versionCreated}</versionCreated>
    <firstCreated>${item.firstCreated ?? item.versionCreated}</firstCreated>
    ${item.embargoedUntil ? `<embargoed>${item.embargoedUntil}</embargoed>` : ''}
    <pubStatus qcode="stat:${status}"/>
    ${item.edNote ? `<edNote>${escapeXml(item.edNote)}</edNote>` : ''}
    ${item.signal ? `<signal qcode="sig:${item.signal}"/>` : ''}
  </itemMeta>
  <contentMeta>
    <creator><name>Redactie ANP</name></creator>
    <infoSource role="isrol:originfo" qcode="nprov:ANP"><name>ANP</name></infoSource>
    <language tag="nl"/>
    <headline>${escapeXml(item.headline)}</headline>
    <dateline>ZWOLLE (ANP)</dateline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
        <body>
          <body.head><hedline><hl1>${escapeXml(item.headline)}</hl1></hedline></body.head>
          <body.content>
            ${item.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('\n            ')}
          </body.content>
        </body>
      </nitf>
    </inlineXML>
  </contentSet>
</newsItem>
`;
}

/** The bridge story: three versions (an update, then a correction) and a withdrawal. */
export const BRUG_GUID = 'urn:newsml:anp.nl:20261203:brug-zwolle';

export function brugVersion(version: 1 | 2 | 3): AnpItem {
  const base = { guid: BRUG_GUID, firstCreated: '2026-12-03T10:02:00+01:00' };
  if (version === 1)
    return {
      ...base,
      version: 1,
      versionCreated: '2026-12-03T10:02:00+01:00',
      headline: 'Brug bij Zwolle dicht na aanvaring',
      paragraphs: [
        'ZWOLLE (ANP) - De IJsselbrug bij Zwolle is dinsdagochtend afgesloten nadat een vrachtschip tegen een pijler voer.',
        'Rijkswaterstaat onderzoekt de schade. Hoe lang de brug dicht blijft, is nog onduidelijk.',
      ],
    };
  if (version === 2)
    return {
      ...base,
      version: 2,
      versionCreated: '2026-12-03T10:40:00+01:00',
      signal: 'update',
      headline: 'Brug bij Zwolle zeker twee dagen dicht na aanvaring',
      paragraphs: [
        'ZWOLLE (ANP) - De IJsselbrug bij Zwolle is dinsdagochtend afgesloten nadat een vrachtschip tegen een pijler voer.',
        'Rijkswaterstaat verwacht dat de brug zeker twee dagen dicht blijft. Verkeer wordt omgeleid via Kampen.',
      ],
    };
  return {
    ...base,
    version: 3,
    versionCreated: '2026-12-03T11:15:00+01:00',
    signal: 'correction',
    edNote: 'Correctie: het verkeer wordt omgeleid via Hattem, niet via Kampen.',
    headline: 'Brug bij Zwolle zeker twee dagen dicht na aanvaring',
    paragraphs: [
      'ZWOLLE (ANP) - De IJsselbrug bij Zwolle is dinsdagochtend afgesloten nadat een vrachtschip tegen een pijler voer.',
      'Rijkswaterstaat verwacht dat de brug zeker twee dagen dicht blijft. Verkeer wordt omgeleid via Hattem.',
    ],
  };
}

export function brugKill(): AnpItem {
  return {
    guid: BRUG_GUID,
    version: 4,
    firstCreated: '2026-12-03T10:02:00+01:00',
    versionCreated: '2026-12-03T12:00:00+01:00',
    pubStatus: 'canceled',
    edNote: 'Vervalt: dit bericht is ingetrokken. Niet gebruiken.',
    headline: 'VERVALT: Brug bij Zwolle zeker twee dagen dicht na aanvaring',
    paragraphs: [],
  };
}

/** A story under embargo until `until` (ISO-8601). */
export function embargoItem(until: string): AnpItem {
  return {
    guid: 'urn:newsml:anp.nl:20261203:rapport-dijken',
    version: 1,
    versionCreated: '2026-12-03T09:30:00+01:00',
    embargoedUntil: until,
    edNote: 'Embargo: niet publiceren voor het verstrijken van het embargo.',
    headline: 'Rapport: dijken in Overijssel zwakker dan gedacht',
    paragraphs: [
      'ZWOLLE (ANP) - Een kwart van de dijken in Overijssel voldoet niet aan de nieuwe veiligheidsnorm. Dat staat in een rapport van het waterschap dat donderdag verschijnt.',
      'Het waterschap wil de komende tien jaar 400 miljoen euro in versterking steken.',
    ],
  };
}
