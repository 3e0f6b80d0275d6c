import iconv from 'iconv-lite';
import type { BodyBlock } from '../../../../shared/types';
import type { TextEncodingName } from '../decode';
import { bodyDateline, datelinePlace, isoDate, localCode, pubStatus, signalsFrom, str, unique, versionNumber, wireName, withoutRepeatedHeadline, headlineFromBody } from './fields';
import type { WireInfoSource, WireItem, WireName, WireParse, WireParseResult, WireProblem, WireRights } from './item';
import { BlockBuilder, cleanText, plainTextToBlocks } from './sanitize';
import { attr, childNamed, childrenNamed, elements, parseXml, textOf, walk, XML_NS, type XmlElement } from './xml';

// IPTC NewsML-G2 → WireItem: a `newsItem`, a `newsMessage` (its itemSet's
// items, one by one) or a `packageItem` (a package record). Elements are matched
// by namespace URI and local name, so any prefix a provider picks works; qcodes
// are read by their local part (`stat:usable`, `xstat:usable`). Text comes from
// NITF or XHTML in `inlineXML`, or from plain-text `inlineData`.

export const G2_NS = 'http://iptc.org/std/nar/2006-10-01/';
const G2_ROOTS = new Set(['newsItem', 'newsMessage', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);

/**
 * Decoded XML text (bytes kept so a document that declares another encoding can
 * be read again in it). Null for an HTML page (root `html` or `<!DOCTYPE html>`):
 * not a wire file, left to the page-text importer as before.
 */
export function parseNewsMl(text: string, bytes: Uint8Array, detected: TextEncodingName): WireParse | null {
  let parsed = parseXml(text, (declared) => redecodeLabel(declared, detected));
  if (!parsed.ok && 'redecode' in parsed) {
    if (!iconv.encodingExists(parsed.redecode)) return { ok: false, problem: { code: 'wire.encoding', detail: parsed.redecode } };
    const redecoded = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), parsed.redecode).replace(/^\uFEFF/, '');
    parsed = parseXml(redecoded.normalize('NFC'));
  }
  if (!parsed.ok) {
    if (!('problem' in parsed)) return { ok: false, problem: { code: 'wire.encoding', detail: parsed.redecode } };
    if (isHtml(parsed.doctypeName) || isHtml(parsed.rootName)) return null;
    return { ok: false, problem: parsed.problem };
  }
  if (isHtml(parsed.root.local)) return null;
  return readRoot(parsed.root);
}

const isHtml = (name: string | null) => name !== null && name.toLowerCase() === 'html';

/**
 * The encoding to read the bytes in again when the XML declaration names a
 * single-byte encoding other than Windows-1252/Latin-1 (`ISO-8859-15`, `ISO-8859-2`)
 * and the bytes are not UTF-8; null when the first decoding stands. Bytes that
 * are valid UTF-8 stay UTF-8 whatever the declaration says: a converted file whose
 * declaration still says `ISO-8859-1` is far more common than Latin text that
 * happens to be valid UTF-8; and a file without NUL bytes is not UTF-16.
 */
function redecodeLabel(declared: string, detected: TextEncodingName): string | null {
  if (detected !== 'windows-1252') return null;
  const label = declared.trim().toLowerCase();
  return ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'utf-8', 'utf8'].includes(label) ? null : label;
}

function readRoot(root: XmlElement): WireParse {
  if (root.ns !== G2_NS || !G2_ROOTS.has(root.local)) return { ok: false, problem: { code: 'wire.unknownFormat', kind: 'xml', root: root.local } };
  if (root.local === 'newsItem') {
    const item = readNewsItem(root);
    return 'code' in item ? { ok: false, problem: item } : { ok: true, result: { items: [item], package: null, skipped: [] } };
  }
  if (root.local === 'packageItem') return { ok: true, result: { items: [], package: readPackage(root), skipped: [] } };
  if (root.local === 'newsMessage') return { ok: true, result: readMessage(root) };
  return { ok: false, problem: { code: 'wire.notTextItem', itemClass: root.local } };
}

function readMessage(message: XmlElement): WireParseResult {
  const result: WireParseResult = { items: [], package: null, skipped: [] };
  for (const itemSet of childrenNamed(message, G2_NS, 'itemSet')) {
    for (const child of elements(itemSet)) {
      if (child.ns !== G2_NS) continue;
      if (child.local === 'newsItem') {
        const item = readNewsItem(child);
        if ('code' in item) result.skipped.push(item);
        else result.items.push(item);
      } else if (child.local === 'packageItem') {
        result.package ??= readPackage(child);
      } else {
        result.skipped.push({ code: 'wire.notTextItem', itemClass: child.local });
      }
    }
  }
  return result;
}

function readPackage(item: XmlElement): NonNullable<WireParseResult['package']> {
  const members: string[] = [];
  const collect = (element: XmlElement) => {
    for (const child of elements(element)) {
      if (child.ns !== G2_NS) continue;
      if (child.local === 'itemRef') {
        const ref = attr(child, 'residref') ?? attr(child, 'href');
        if (ref) members.push(ref);
      } else if (child.local === 'groupSet' || child.local === 'group') {
        collect(child);
      }
    }
  };
  collect(item);
  const contentMeta = childNamed(item, G2_NS, 'contentMeta');
  const headline = childNamed(contentMeta, G2_NS, 'headline');
  return { guid: attr(item, 'guid') ?? '', headline: headline ? cleanText(textOf(headline)) : '', members: unique(members) };
}

function readNewsItem(item: XmlElement): WireItem | WireProblem {
  const itemMeta = childNamed(item, G2_NS, 'itemMeta');
  const contentMeta = childNamed(item, G2_NS, 'contentMeta');
  // `ninat:picture` → `picture`, the same class names ninjs uses in `type`.
  const itemClass = localName(attr(childNamed(itemMeta, G2_NS, 'itemClass'), 'qcode'));
  if (itemClass && itemClass.toLowerCase() !== 'text' && itemClass.toLowerCase() !== 'composite') return { code: 'wire.notTextItem', itemClass };
  const guid = str(attr(item, 'guid'));
  if (!guid) return { code: 'wire.noGuid' };

  const text = (parent: XmlElement | null, local: string) => {
    const element = childNamed(parent, G2_NS, local);
    return element ? str(textOf(element)) : null;
  };
  const headlines = headlinesOf(contentMeta);
  const content = readContent(item);
  // A text item without content (a short or a flash) keeps its description as its text.
  if (content.body.length === 0 && contentMeta) content.body = childrenNamed(contentMeta, G2_NS, 'description').flatMap((description) => plainTextToBlocks(textOf(description)));
  content.body = withoutRepeatedHeadline(content.body, headlines[0] ?? null);
  if (headlines.length === 0 && content.body.length === 0) return { code: 'wire.noText' };

  const status = pubStatus(attr(childNamed(itemMeta, G2_NS, 'pubStatus'), 'qcode'));
  const edNote = text(itemMeta, 'edNote');
  const signalCodes = itemMeta ? childrenNamed(itemMeta, G2_NS, 'signal').flatMap((signal) => attr(signal, 'qcode') ?? attr(signal, 'literal') ?? []) : [];
  const subjects = contentMeta ? childrenNamed(contentMeta, G2_NS, 'subject') : [];
  const byType = (types: string[]) =>
    subjects.filter((subject) => types.includes(localCode(attr(subject, 'type') ?? '').toLowerCase())).flatMap((subject) => conceptName(subject) ?? []);
  const infoSources = contentMeta ? childrenNamed(contentMeta, G2_NS, 'infoSource').flatMap((source) => infoSource(source) ?? []) : [];
  const located = childNamed(contentMeta, G2_NS, 'located');
  const opening = bodyDateline(content.body);
  const providers = itemMeta ? childrenNamed(itemMeta, G2_NS, 'provider').map((provider) => nameOf(provider) ?? localName(attr(provider, 'qcode'))) : [];
  const creators = contentMeta ? childrenNamed(contentMeta, G2_NS, 'creator').flatMap((creator) => nameOf(creator) ?? []) : [];
  const language = attr(childNamed(contentMeta, G2_NS, 'language'), 'tag') ?? item.attrs.get(`{${XML_NS}}lang`) ?? null;

  return {
    format: 'newsml-g2',
    guid,
    version: versionNumber(attr(item, 'version')),
    firstCreated: isoDate(text(itemMeta, 'firstCreated')),
    versionCreated: isoDate(text(itemMeta, 'versionCreated')),
    pubStatus: status,
    signals: signalsFrom(signalCodes, status, edNote),
    embargoedUntil: isoDate(text(itemMeta, 'embargoed')),
    edNote,
    headline: headlines[0] ?? headlineFromBody(content.body),
    subheadline: headlines[1] ?? null,
    slugline: text(contentMeta, 'slugline'),
    byline: creators.length > 0 ? creators.join(', ') : content.byline,
    datelinePlace: (located ? datelinePlace(nameOf(located) ?? localName(attr(located, 'qcode'))) : null) ?? datelinePlace(text(contentMeta, 'dateline')) ?? opening?.place ?? null,
    agencies: opening?.agencies.length ? opening.agencies : unique(providers),
    language: str(language)?.toLowerCase() ?? null,
    body: content.body,
    subjects: subjects.filter((subject) => !isEntityType(attr(subject, 'type'))).flatMap((subject) => conceptName(subject) ?? []),
    persons: byType(['person']),
    organisations: byType(['organisation', 'organization', 'company']),
    places: byType(['geoarea', 'poi']),
    infoSources,
    rights: rightsOf(item),
    packageMembers: [],
  };
}

/** Headlines, the main one first: one without a role or with role `…:main`, else the first given. */
function headlinesOf(contentMeta: XmlElement | null): string[] {
  if (!contentMeta) return [];
  const all = childrenNamed(contentMeta, G2_NS, 'headline').flatMap((element) => {
    const text = str(textOf(element));
    return text ? [{ text, role: localName(attr(element, 'role'))?.toLowerCase() ?? null }] : [];
  });
  const main = all.findIndex((headline) => headline.role === null || headline.role === 'main');
  if (main > 0) all.unshift(...all.splice(main, 1));
  return all.map((headline) => headline.text);
}

const ENTITY_TYPES = new Set(['person', 'organisation', 'organization', 'company', 'geoarea', 'poi']);
const isEntityType = (type: string | null) => type !== null && ENTITY_TYPES.has(localCode(type).toLowerCase());

/** The first `name` child's text, else the `literal` attribute. */
function nameOf(element: XmlElement): string | null {
  const name = childNamed(element, G2_NS, 'name');
  return (name ? str(textOf(name)) : null) ?? str(attr(element, 'literal'));
}

const localName = (qcode: string | null) => (qcode ? localCode(qcode) : null);

function conceptName(concept: XmlElement): WireName | null {
  const code = attr(concept, 'qcode') ?? attr(concept, 'uri');
  return wireName(nameOf(concept), code);
}

function infoSource(source: XmlElement): WireInfoSource | null {
  const uri = attr(source, 'uri') ?? attr(source, 'qcode');
  const name = nameOf(source) ?? localName(attr(source, 'qcode')) ?? uri;
  return name ? { name, role: attr(source, 'role'), uri } : null;
}

function rightsOf(item: XmlElement): WireRights {
  const rights: WireRights = { copyrightHolder: null, copyrightNotice: null, usageTerms: null };
  for (const info of childrenNamed(item, G2_NS, 'rightsInfo')) {
    const holder = childNamed(info, G2_NS, 'copyrightHolder');
    rights.copyrightHolder ??= holder ? (nameOf(holder) ?? str(attr(holder, 'uri')) ?? localName(attr(holder, 'qcode'))) : null;
    const notice = childNamed(info, G2_NS, 'copyrightNotice');
    rights.copyrightNotice ??= notice ? str(textOf(notice)) : null;
    const terms = childNamed(info, G2_NS, 'usageTerms');
    rights.usageTerms ??= terms ? str(textOf(terms)) : null;
  }
  return rights;
}

const NITF_LOCALS = new Set(['nitf']);
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** The body from the first content rendition that has text: NITF or XHTML `inlineXML`, or plain `inlineData`. */
function readContent(item: XmlElement): { body: BodyBlock[]; byline: string | null } {
  const contentSet = childNamed(item, G2_NS, 'contentSet');
  if (!contentSet) return { body: [], byline: null };
  for (const rendition of elements(contentSet)) {
    if (rendition.ns !== G2_NS) continue;
    if (rendition.local === 'inlineXML') {
      for (const root of elements(rendition)) {
        const read = NITF_LOCALS.has(root.local) ? readNitf(root) : root.local === 'html' || root.ns === XHTML_NS ? { body: readXhtml(root), byline: null } : null;
        if (read && read.body.length > 0) return read;
      }
    } else if (rendition.local === 'inlineData') {
      const body = plainTextToBlocks(textOf(rendition));
      if (body.length > 0) return { body, byline: null };
    }
  }
  return { body: [], byline: null };
}

function blocksOf(element: XmlElement): BodyBlock[] {
  const builder = new BlockBuilder();
  walk(element, builder);
  return builder.finish();
}

/** NITF: `body/body.content` (the head repeats the headline; its byline is kept for items without a creator). */
function readNitf(nitf: XmlElement): { body: BodyBlock[]; byline: string | null } {
  const body = elements(nitf).find((child) => child.local === 'body');
  if (!body) return { body: [], byline: null };
  const head = elements(body).find((child) => child.local === 'body.head');
  const bylineElement = head ? elements(head).find((child) => child.local === 'byline') : undefined;
  const content = elements(body).find((child) => child.local === 'body.content');
  return { body: blocksOf(content ?? body), byline: bylineElement ? str(textOf(bylineElement)) : null };
}

function readXhtml(html: XmlElement): BodyBlock[] {
  const body = elements(html).find((child) => child.local === 'body');
  return blocksOf(body ?? html);
}
