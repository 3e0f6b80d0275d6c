import { prng } from '../core/search/test/synthetic-corpus';

// Deterministic Dutch agency items in ANP's style for the wire import benchmark: a dateline
// (`DEN HAAG (ANP) - …`), a short news headline, four to eight paragraphs built from a small
// hand-written vocabulary of Dutch news phrases, a slugline, rights and a Media Topic subject.
// Item `index` always gives the same text; `version` > 1 adds an update paragraph and changes
// the headline, as an agency's update does. Written as ninjs 1.x, 2.x or 3.x (JSON) or as a
// NewsML-G2 newsItem with NITF, the way the importer reads them from a drop folder.

const PLACES = ['DEN HAAG', 'AMSTERDAM', 'ROTTERDAM', 'UTRECHT', 'EINDHOVEN', 'GRONINGEN', 'BRUSSEL', 'MAASTRICHT', 'ARNHEM', 'ZWOLLE', 'LEEUWARDEN', 'DEN BOSCH'];
const WHO = ['Het kabinet', 'De Tweede Kamer', 'De gemeenteraad', 'Het OM', 'De politie', 'Rijkswaterstaat', 'De minister van Financiën', 'Het RIVM', 'De vakbond FNV', 'De provincie', 'Het KNMI', 'De rechtbank', 'Staatsbosbeheer', 'De burgemeester', 'Een woordvoerder van ProRail'];
const DOES = ['wil meer geld uittrekken voor', 'maakt zich zorgen over', 'start een onderzoek naar', 'waarschuwt voor', 'stemt in met', 'schrapt de plannen voor', 'kondigt maatregelen aan rond', 'praat donderdag verder over', 'presenteert een rapport over', 'legt extra regels op voor'];
const WHAT = ['de woningbouw', 'de stikstofuitstoot', 'het openbaar vervoer', 'de jeugdzorg', 'de energierekening', 'de dijkversterking', 'de asielopvang', 'de zorgpremie', 'het onderwijs in het noorden', 'de vaarwegen', 'de boerenprotesten', 'de grensregio', 'de luchtkwaliteit', 'het tekort aan leraren'];
const WHEN = ['dinsdag', 'woensdagochtend', 'later deze week', 'volgend jaar', 'vanaf 1 januari', 'na de zomer', 'donderdagavond', 'voor het einde van het jaar'];
const DETAIL = [
  'Dat meldt een woordvoerder tegen persbureau ANP.',
  'Volgens ingewijden gaat het om een bedrag van enkele tientallen miljoenen euro.',
  'Oppositiepartijen reageerden kritisch op het voorstel.',
  'De maatregel geldt voorlopig voor een periode van twee jaar.',
  'Eerder deze maand was er al onrust over de uitvoering.',
  'Het is nog niet bekend wanneer er een besluit valt.',
  'Omwonenden worden per brief over de plannen geïnformeerd.',
  'Een meerderheid in de Kamer steunt de lijn van de minister.',
  'Experts verwachten dat de gevolgen pas over enkele jaren zichtbaar worden.',
  'De organisatie wil de komende weken met betrokkenen in gesprek.',
  'Het onderzoek wordt uitgevoerd door een onafhankelijke commissie.',
  'Verschillende gemeenten hebben al laten weten mee te willen doen.',
];
const SLUGS = ['politiek', 'economie', 'binnenland', 'zorg', 'onderwijs', 'verkeer', 'milieu', 'justitie'];
const TOPICS: [string, string][] = [
  ['11000000', 'politiek'],
  ['04000000', 'economie, bedrijfsleven en financiën'],
  ['07000000', 'gezondheid'],
  ['05000000', 'onderwijs'],
  ['06000000', 'milieu'],
  ['02000000', 'misdaad, recht en justitie'],
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const sentence = (random: () => number) => `${pick(random, WHO)} ${pick(random, DOES)} ${pick(random, WHAT)}, ${pick(random, WHEN)}.`;

export interface AnpItem {
  guid: string;
  version: number;
  place: string;
  headline: string;
  slugline: string;
  paragraphs: string[];
  topic: [string, string];
  firstCreated: string;
  versionCreated: string;
}

/** Agency item `index` at `version`. Each item's text carries a word of its own (`anpbericht<index>`), so a search can find exactly it. */
export function anpItem(index: number, version = 1): AnpItem {
  const random = prng(index * 7919 + 13);
  const place = pick(random, PLACES);
  const who = pick(random, WHO);
  const what = pick(random, WHAT);
  const headline = `${who.replace(/^(Het|De|Een) /, '')} ${pick(random, DOES).split(' ').slice(0, 2).join(' ')} ${what.replace(/^(het|de) /, '')}`;
  const paragraphs = [`${place} (ANP) - ${who} ${pick(random, DOES)} ${what}. Dat werd ${pick(random, WHEN)} bekend (anpbericht${index}).`];
  for (let p = 3 + Math.floor(random() * 5); p > 0; p--) paragraphs.push(`${sentence(random)} ${pick(random, DETAIL)}`);
  if (version > 1) paragraphs.push(`(Update ${version}) ${pick(random, DETAIL)} Het bericht is aangevuld met nieuwe informatie (anpversie${version}bericht${index}).`);
  const first = Date.UTC(2026, 11, 1, 6) + index * 17_000;
  return {
    guid: `urn:newsml:anp.nl:20261201:bench${index}`,
    version,
    place,
    headline: version > 1 ? `${headline} (update)` : headline,
    slugline: `${pick(random, SLUGS)}-${what.split(' ').at(-1)}`,
    paragraphs,
    topic: pick(random, TOPICS),
    firstCreated: new Date(first).toISOString().replace('.000Z', 'Z'),
    versionCreated: new Date(first + (version - 1) * 40 * 60_000).toISOString().replace('.000Z', 'Z'),
  };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const RIGHTS = { holder: 'ANP', notice: '© 2026 ANP. Alle rechten voorbehouden.', terms: 'Alleen voor redactioneel gebruik door abonnees.' };

/** The item as a ninjs document of major version 1, 2 or 3 (by `index`, so a folder holds all three). */
export function ninjsFile(item: AnpItem, major: 1 | 2 | 3): string {
  const html = item.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('');
  const version = String(item.version);
  const topicUri = `http://cv.iptc.org/newscodes/mediatopic/${item.topic[0]}`;
  if (major === 1) {
    return JSON.stringify({ uri: item.guid, type: 'text', version, firstcreated: item.firstCreated, versioncreated: item.versionCreated, pubstatus: 'usable', copyrightholder: RIGHTS.holder, copyrightnotice: RIGHTS.notice, usageterms: RIGHTS.terms, language: 'nl', headline: item.headline, slugline: item.slugline, located: item.place, subject: [{ name: item.topic[1], scheme: 'http://cv.iptc.org/newscodes/mediatopic/', code: item.topic[0] }], body_html: html });
  }
  if (major === 2) {
    return JSON.stringify({ uri: item.guid, type: 'text', version, firstcreated: item.firstCreated, versioncreated: item.versionCreated, pubstatus: 'usable', copyrightholder: RIGHTS.holder, copyrightnotice: RIGHTS.notice, usageterms: RIGHTS.terms, language: 'nl', headlines: [{ role: 'main', value: item.headline }], slugline: item.slugline, located: item.place, subjects: [{ name: item.topic[1], uri: topicUri }], bodies: [{ role: 'html', contenttype: 'text/html', value: html }] });
  }
  return JSON.stringify({ uri: item.guid, type: 'text', version, firstCreated: item.firstCreated, versionCreated: item.versionCreated, pubStatus: 'usable', copyrightHolder: RIGHTS.holder, copyrightNotice: RIGHTS.notice, usageTerms: RIGHTS.terms, language: 'nl', headlines: [{ role: 'main', value: item.headline }], slugline: item.slugline, located: item.place, subjects: [{ name: item.topic[1], uri: topicUri }], bodies: [{ role: 'html', contentType: 'text/html', value: html }] });
}

/** The item as a NewsML-G2 newsItem, its text in NITF. */
export function newsmlFile(item: AnpItem): string {
  const html = item.paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${item.guid}" version="${item.version}" standard="NewsML-G2" standardversion="2.33">
<rightsInfo><copyrightHolder literal="ANP"><name>${RIGHTS.holder}</name></copyrightHolder><copyrightNotice>${escapeXml(RIGHTS.notice)}</copyrightNotice><usageTerms>${escapeXml(RIGHTS.terms)}</usageTerms></rightsInfo>
<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:ANP"/><versionCreated>${item.versionCreated}</versionCreated><firstCreated>${item.firstCreated}</firstCreated><pubStatus qcode="stat:usable"/>${item.version > 1 ? '<signal qcode="sig:update"/>' : ''}</itemMeta>
<contentMeta><located><name>${escapeXml(item.place)}</name></located><language tag="nl"/><subject qcode="medtop:${item.topic[0]}"><name>${escapeXml(item.topic[1])}</name></subject><slugline>${escapeXml(item.slugline)}</slugline><headline>${escapeXml(item.headline)}</headline></contentMeta>
<contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>${html}</body.content></body></nitf></inlineXML></contentSet>
</newsItem>
`;
}
