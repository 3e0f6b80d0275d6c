import { decodeBytes, type DecodeResult, type TextEncodingName } from '../decode';
import type { WireProblem } from './item';

// What a file is, from its content only (never its name): page text (today's
// format, read by the page-text parser), ninjs JSON, or XML (NewsML-G2 is told
// from the root element once the XML is parsed with its namespaces, see
// newsml-g2.ts). Bytes are decoded once here (BOM, strict UTF-8, UTF-16,
// Windows-1252 fallback: import/decode.ts); an XML declaration that names
// another encoding is honoured by newsml-g2.ts.

export type Sniffed =
  /** Not a wire file: leave it to the page-text importer (also empty and binary files, which it reports). */
  | { kind: 'page-text'; decoded: DecodeResult }
  | { kind: 'json'; value: unknown }
  | { kind: 'xml'; text: string; encoding: TextEncodingName }
  | { kind: 'problem'; problem: WireProblem };

export function sniff(bytes: Uint8Array): Sniffed {
  const decoded = decodeBytes(bytes);
  // The decoded text goes with the answer: the page-text importer would otherwise decode the bytes again.
  if (!decoded.ok) return { kind: 'page-text', decoded };
  const text = decoded.text;
  const start = firstNonSpaceFrom(text, 0);
  const first = text[start];
  if (first === '{' || (first === '[' && startsJsonArray(text, start + 1))) {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      return { kind: 'problem', problem: { code: 'wire.invalidJson', detail: error instanceof Error ? error.message.slice(0, 200) : 'not JSON' } };
    }
    // Schema validation recurses per level (with large frames): no real item nests this deep.
    if (deeperThan(value, MAX_JSON_DEPTH)) return { kind: 'problem', problem: { code: 'wire.invalidJson', detail: `nested deeper than ${MAX_JSON_DEPTH} levels` } };
    return { kind: 'json', value };
  }
  if (first === '<' && startsMarkup(text, start + 1)) return { kind: 'xml', text, encoding: decoded.encoding };
  return { kind: 'page-text', decoded };
}

/** `[` opens JSON only when an object or `]` follows: `[Advertentie] …` stays page text. */
function startsJsonArray(text: string, from: number): boolean {
  const next = text[firstNonSpaceFrom(text, from)];
  return next === '{' || next === ']';
}

/** Objects and arrays inside each other; a ninjs package with renditions and contact details is about 10. */
export const MAX_JSON_DEPTH = 40;

/** Whether `value` nests objects/arrays deeper than `limit`, without recursing. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function firstNonSpaceFrom(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** `<?xml`, `<!--`, `<!DOCTYPE` or `<` and a name open markup; `<< Terug` in copied page text does not. */
function startsMarkup(text: string, from: number): boolean {
  const next = text[from] ?? '';
  if (next === '?' || next === '!') return true;
  return /[\p{L}_]/u.test(next);
}

// ---- ninjs ---------------------------------------------------------------

export type NinjsMajor = 1 | 2 | 3;

const NINJS_3_KEYS = [
  'versionCreated', 'firstCreated', 'contentCreated', 'pubStatus', 'embargoedUntil', 'copyrightHolder', 'copyrightNotice',
  'usageTerms', 'edNote', 'infoSources', 'rightsInfo', 'altIds', 'representationType', 'trustIndicators', 'eventDetails',
  'plannedCoverage', 'digitalSourceType',
];
const NINJS_2_KEYS = ['headlines', 'bodies', 'descriptions', 'subjects', 'people', 'organisations', 'places', 'infosources', 'by', 'altids', 'genres', 'standard', 'trustindicators', 'events', 'objects'];
const NINJS_1_KEYS = ['headline', 'body_text', 'body_html', 'body_xml', 'subject', 'person', 'organisation', 'place', 'infosource', 'byline', '$standard', 'description_text', 'genre', 'event', 'object'];
const NINJS_ANY_KEYS = ['uri', 'versioncreated', 'firstcreated', 'pubstatus', 'embargoed', 'ednote', 'slugline', 'located', 'renditions', 'associations', 'title'];

const NINJS_KEYS = new Set([NINJS_3_KEYS, NINJS_2_KEYS, NINJS_1_KEYS, NINJS_ANY_KEYS].flat());

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a JSON object reads as a ninjs item at all (any major version). */
export function looksLikeNinjs(doc: Record<string, unknown>): boolean {
  if (!('uri' in doc || 'guid' in doc)) return false;
  for (const key in doc) if (key !== 'uri' && NINJS_KEYS.has(key)) return true;
  return false;
}

/**
 * The ninjs version a document is written in, from the document itself: its
 * declared standard (`$standard`/`standard`, or a `$schema` URI) when that names
 * ninjs, else the spelling of its keys (3.x camelCase `versionCreated`, 2.x arrays
 * `headlines`/`bodies`, 1.x singular `headline`/`body_text`). `minor` is set when
 * the document declares it. An unknown declared major is `{ unknown: value }`.
 */
export function ninjsVersion(doc: Record<string, unknown>): { major: NinjsMajor; minor: string | null } | { unknown: string } {
  const declared = declaredVersion(doc);
  if (declared) {
    const major = Number(declared.split('.')[0]);
    if (major === 1 || major === 2 || major === 3) return { major, minor: /^\d+\.\d+$/.test(declared) ? declared : null };
    return { unknown: declared };
  }
  const keys = Object.keys(doc);
  const has = (list: string[]) => keys.some((key) => list.includes(key));
  if (has(NINJS_3_KEYS)) return { major: 3, minor: null };
  if (has(NINJS_2_KEYS)) return { major: 2, minor: null };
  return { major: 1, minor: null };
}

function declaredVersion(doc: Record<string, unknown>): string | null {
  for (const key of ['$standard', 'standard']) {
    const standard = doc[key];
    if (isRecord(standard) && typeof standard.version === 'string' && /ninjs/i.test(String(standard.name ?? 'ninjs'))) return standard.version.trim();
  }
  const schema = doc.$schema;
  if (typeof schema === 'string') {
    const match = /ninjs-schema_(\d+(?:\.\d+)?)\.json/i.exec(schema);
    if (match) return match[1]!;
  }
  return null;
}
