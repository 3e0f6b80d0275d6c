import type { BodyBlock } from '../../../../shared/types';
import { isRecord, looksLikeNinjs, ninjsVersion, type NinjsMajor } from './detect';
import { bodyDateline, datelinePlace, isoDate, pubStatus, signalsFrom, str, unique, versionNumber, wireName, withoutRepeatedHeadline, headlineFromBody } from './fields';
import type { WireFormat, WireInfoSource, WireItem, WireName, WireParse, WireParseResult, WireProblem } from './item';
import { htmlToBlocks, plainTextToBlocks } from './sanitize';
import { ninjsValidators, type NinjsValidators } from './validators/load';

// IPTC ninjs 1.x, 2.x and 3.x → WireItem. The version is read from the
// document (detect.ts); the document is validated with ajv against the official
// schema of that version (vendored in schemas/, see its README) before any field
// is read, and an invalid one is refused with the JSON path and ajv's detail.
// Field spellings differ per major version (`versioncreated` / `versionCreated`,
// `headline` / `headlines`, `body_text` / `bodies`, `subject` / `subjects`):
// each field below lists its spellings.

// The schemas are compiled at build time (validators/build.mjs, ajv's standalone code), so the
// first ninjs file of a run is not held up compiling one (ajv's 2020-12 compile took up to two
// seconds in a fresh process); they are loaded when an import starts (validators/load.ts).
type SchemaVersion = keyof NinjsValidators;
/** The schema a document of a major version is checked against when it names no minor version we have. */
const LATEST: Record<NinjsMajor, SchemaVersion> = { 1: '1.6', 2: '2.2', 3: '3.1' };

/** The schema version a document is validated against: its own minor version when vendored, else the newest of its major. */
function schemaVersion(validators: NinjsValidators, major: NinjsMajor, minor: string | null): SchemaVersion {
  return minor && Object.hasOwn(validators, minor) ? (minor as SchemaVersion) : LATEST[major];
}

function validate(doc: Record<string, unknown>, major: NinjsMajor, minor: string | null): WireProblem | null {
  const validators = ninjsValidators();
  const check = validators[schemaVersion(validators, major, minor)];
  if (check(doc)) return null;
  const error = check.errors?.[0];
  const params = (error?.params ?? {}) as Record<string, unknown>;
  const extra = params.unevaluatedProperty ?? params.additionalProperty ?? params.allowedValues;
  const detail = `${error?.message ?? 'invalid'}${extra !== undefined ? `: ${JSON.stringify(extra)}` : ''}`;
  return { code: 'wire.schema', format: formatOf(major), path: error?.instancePath || '/', detail };
}

const formatOf = (major: NinjsMajor): WireFormat => (major === 1 ? 'ninjs-1' : major === 2 ? 'ninjs-2' : 'ninjs-3');

/** A parsed JSON value that is a ninjs document (or a list of them) → items, package, skipped problems. */
export function parseNinjs(value: unknown): WireParse {
  if (Array.isArray(value)) return parseCollection(value);
  if (!isRecord(value) || !looksLikeNinjs(value)) return { ok: false, problem: { code: 'wire.unknownFormat', kind: 'json', root: '' } };
  const version = ninjsVersion(value);
  if ('unknown' in version) return { ok: false, problem: { code: 'wire.unknownNinjsVersion', value: version.unknown } };
  const invalid = validate(value, version.major, version.minor);
  if (invalid) return { ok: false, problem: invalid };
  const result = readDocument(value, version.major);
  if (result.items.length === 0 && !result.package && result.skipped.length === 1) return { ok: false, problem: result.skipped[0]! };
  return { ok: true, result };
}

/** A JSON array of ninjs objects (an IPTC collection such as an event timeline): each one on its own. */
function parseCollection(values: unknown[]): WireParse {
  if (!values.some((value) => isRecord(value) && looksLikeNinjs(value))) return { ok: false, problem: { code: 'wire.unknownFormat', kind: 'json', root: '' } };
  const result: WireParseResult = { items: [], package: null, skipped: [] };
  for (const value of values) {
    if (!isRecord(value) || !looksLikeNinjs(value)) {
      result.skipped.push({ code: 'wire.unknownFormat', kind: 'json', root: '' });
      continue;
    }
    const version = ninjsVersion(value);
    if ('unknown' in version) {
      result.skipped.push({ code: 'wire.unknownNinjsVersion', value: version.unknown });
      continue;
    }
    const nonText = nonTextClass(value);
    if (nonText) {
      result.skipped.push({ code: 'wire.notTextItem', itemClass: nonText });
      continue;
    }
    const invalid = validate(value, version.major, version.minor);
    if (invalid) {
      result.skipped.push(invalid);
      continue;
    }
    const read = readDocument(value, version.major);
    result.items.push(...read.items);
    result.skipped.push(...read.skipped);
  }
  return { ok: true, result };
}

function readDocument(doc: Record<string, unknown>, major: NinjsMajor): WireParseResult {
  const result: WireParseResult = { items: [], package: null, skipped: [] };
  const associations = associationsOf(doc, major);
  const members = unique(associations.map((association) => str(association.uri) ?? str(association.guid)));
  const nonText = nonTextClass(doc);
  // A package without text of its own (a composite of its associations) is the package record only.
  const packageOnly = members.length > 0 && !hasBody(doc, major);
  const main = nonText || packageOnly ? null : readItem(doc, major, members);
  if (nonText) result.skipped.push({ code: 'wire.notTextItem', itemClass: nonText });
  else if (main && 'code' in main) result.skipped.push(main);
  else if (main) result.items.push(main);

  if (members.length > 0) {
    const guid = str(doc.uri) ?? str(doc.guid);
    if (guid) result.package = { guid, headline: headlineOf(doc, major).headline ?? '', members };
    // Embedded text items travel with the package: each becomes an item of its own.
    for (const association of associations) {
      if (nonTextClass(association) || !hasBody(association, major)) continue;
      const item = readItem(association, major, []);
      if ('code' in item) result.skipped.push(item);
      else result.items.push(inheritFromPackage(item, doc));
    }
  }
  return result;
}

/** What an embedded item leaves out, it has from its package: language and rights. */
function inheritFromPackage(item: WireItem, pkg: Record<string, unknown>): WireItem {
  const from = (...keys: string[]) => keys.map((key) => str(pkg[key])).find((value) => value !== null) ?? null;
  return {
    ...item,
    language: item.language ?? from('language')?.toLowerCase() ?? null,
    rights: {
      ...item.rights,
      copyrightHolder: item.rights.copyrightHolder ?? from('copyrightHolder', 'copyrightholder'),
      copyrightNotice: item.rights.copyrightNotice ?? from('copyrightNotice', 'copyrightnotice'),
      usageTerms: item.rights.usageTerms ?? from('usageTerms', 'usageterms'),
    },
  };
}

function associationsOf(doc: Record<string, unknown>, major: NinjsMajor): Record<string, unknown>[] {
  const associations = doc.associations;
  if (major === 1) return isRecord(associations) ? Object.values(associations).filter(isRecord) : [];
  return Array.isArray(associations) ? associations.filter(isRecord) : [];
}

const TEXT_TYPES = new Set(['text', 'composite']);

/** The item class when this document is not a text item (`picture`, `video`, `event`, …), else null. */
function nonTextClass(doc: Record<string, unknown>): string | null {
  const type = str(doc.type);
  if (type && !TEXT_TYPES.has(type.toLowerCase())) return type;
  const textual = ['headline', 'headlines', 'body_text', 'body_html', 'bodies'].some((key) => key in doc) || Object.keys(doc).some((key) => key.startsWith('body_'));
  if (!textual && ('events' in doc || 'eventDetails' in doc || 'event' in doc || 'plannedCoverage' in doc)) return 'event';
  return null;
}

function hasBody(doc: Record<string, unknown>, major: NinjsMajor): boolean {
  return bodyOf(doc, major).length > 0;
}

function readItem(doc: Record<string, unknown>, major: NinjsMajor, members: string[]): WireItem | WireProblem {
  const guid = str(doc.uri) ?? str(doc.guid);
  if (!guid) return { code: 'wire.noGuid' };
  const { headline, subheadline } = headlineOf(doc, major);
  const body = withoutRepeatedHeadline(bodyOf(doc, major), headline);
  if (!headline && body.length === 0) return { code: 'wire.noText' };

  const get = (...keys: string[]) => {
    for (const key of keys) if (doc[key] !== undefined) return doc[key];
    return undefined;
  };
  const status = pubStatus(get('pubStatus', 'pubstatus'));
  const edNote = str(get('edNote', 'ednote'));
  const version = versionNumber(doc.version);
  const signals = signalsFrom([], status, edNote);
  // ninjs has no signal field: a later version that says nothing else about itself is an update.
  if (version !== null && version > 1 && signals.length === 0) signals.push('update');

  const rightsInfo = get('rightsInfo', 'rightsinfo');
  const linkedRights = isRecord(rightsInfo) ? str(rightsInfo.linkedRights ?? rightsInfo.linkedrights) : null;
  const infoSources = infoSourcesOf(get('infoSources', 'infosources', 'infosource'), major);
  const opening = bodyDateline(body);
  const copyrightHolder = str(get('copyrightHolder', 'copyrightholder'));

  return {
    format: formatOf(major),
    guid,
    version,
    firstCreated: isoDate(get('firstCreated', 'firstcreated')),
    versionCreated: isoDate(get('versionCreated', 'versioncreated')),
    pubStatus: status,
    signals,
    embargoedUntil: isoDate(get('embargoedUntil', 'embargoed')),
    edNote,
    headline: headline ?? headlineFromBody(body),
    subheadline,
    slugline: str(doc.slugline),
    byline: str(get('by', 'byline')),
    datelinePlace: datelinePlace(str(doc.located)) ?? opening?.place ?? null,
    agencies: opening?.agencies.length ? opening.agencies : infoSources.length > 0 ? unique(infoSources.map((source) => source.name)) : unique([copyrightHolder]),
    language: str(doc.language)?.toLowerCase() ?? null,
    body,
    subjects: namesOf(get('subjects', 'subject'), major),
    persons: namesOf(get('people', 'person'), major),
    organisations: namesOf(get('organisations', 'organisation'), major),
    places: namesOf(get('places', 'place'), major),
    infoSources,
    rights: {
      copyrightHolder,
      copyrightNotice: str(get('copyrightNotice', 'copyrightnotice')),
      usageTerms: str(get('usageTerms', 'usageterms')),
      linkedRights,
    },
    packageMembers: members,
  };
}

function headlineOf(doc: Record<string, unknown>, major: NinjsMajor): { headline: string | null; subheadline: string | null } {
  if (major === 1) {
    const extra = Object.keys(doc).find((key) => key.startsWith('headline_'));
    return { headline: str(doc.headline) ?? str(doc.title), subheadline: extra ? str(doc[extra]) : null };
  }
  const headlines = Array.isArray(doc.headlines) ? doc.headlines.filter(isRecord) : [];
  const main = headlines.find((entry) => !entry.role || entry.role === 'main') ?? headlines[0];
  const sub = headlines.find((entry) => entry !== main && str(entry.value));
  return { headline: (main && str(main.value)) ?? str(doc.title), subheadline: sub ? str(sub.value) : null };
}

const isMarkup = (contentType: string | null, role: string | null) => /html|xml/i.test(contentType ?? '') || /html|xml/i.test(role ?? '');

/** The richest body the document has, sanitised: HTML/XHTML first (it keeps headings), plain text next. */
function bodyOf(doc: Record<string, unknown>, major: NinjsMajor): BodyBlock[] {
  const candidates: { value: string; markup: boolean }[] = [];
  if (major === 1) {
    for (const key of ['body_html', 'body_xhtml', 'body_xml', 'body_text']) if (typeof doc[key] === 'string') candidates.push({ value: doc[key], markup: key !== 'body_text' });
    for (const [key, value] of Object.entries(doc)) {
      if (key.startsWith('body_') && typeof value === 'string' && !candidates.some((candidate) => candidate.value === value)) candidates.push({ value, markup: isMarkup(null, key) });
    }
  } else if (Array.isArray(doc.bodies)) {
    for (const body of doc.bodies.filter(isRecord)) {
      if (typeof body.value !== 'string') continue;
      candidates.push({ value: body.value, markup: isMarkup(str(body.contentType ?? body.contenttype), str(body.role)) });
    }
  }
  candidates.sort((a, b) => Number(b.markup) - Number(a.markup));
  for (const candidate of candidates) {
    const blocks = candidate.markup ? htmlToBlocks(candidate.value) : plainTextToBlocks(candidate.value);
    if (blocks.length > 0) return blocks;
  }
  return descriptionOf(doc, major);
}

/** A text item without a body (a short or a flash) keeps its text description as its only paragraph(s). */
function descriptionOf(doc: Record<string, unknown>, major: NinjsMajor): BodyBlock[] {
  if (major === 1) return typeof doc.description_text === 'string' ? plainTextToBlocks(doc.description_text) : [];
  const descriptions = Array.isArray(doc.descriptions) ? doc.descriptions.filter(isRecord) : [];
  const text = descriptions.find((entry) => typeof entry.value === 'string' && (!entry.role || entry.role === 'text' || entry.role === 'summary'));
  if (!text) return [];
  const markup = isMarkup(str(text.contentType ?? text.contenttype), null);
  return markup ? htmlToBlocks(text.value as string) : plainTextToBlocks(text.value as string);
}

/** ninjs 1.x codes come as `scheme` + `code`; 2.x/3.x as `uri` or `literal`. */
function codeOf(entry: Record<string, unknown>, major: NinjsMajor): string | null {
  if (major === 1) {
    const code = str(entry.code);
    const scheme = str(entry.scheme);
    if (!code) return null;
    if (!scheme || code.includes(':')) return code;
    return /[/#]$/.test(scheme) ? `${scheme}${code}` : `${scheme}:${code}`;
  }
  return str(entry.uri) ?? str(entry.literal);
}

function namesOf(value: unknown, major: NinjsMajor): WireName[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((entry) => wireName(str(entry.name) ?? str(entry.literal), codeOf(entry, major)) ?? []);
}

function infoSourcesOf(value: unknown, major: NinjsMajor): WireInfoSource[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((entry) => {
    const uri = codeOf(entry, major);
    const name = str(entry.name) ?? str(entry.literal) ?? uri;
    return name ? [{ name, role: str(entry.role) ?? str(entry.rel), uri }] : [];
  });
}
