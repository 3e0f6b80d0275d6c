import type { BodyBlock } from '../../../../shared/types';
import { matchDateline } from '../dateline';
import { firstSentence } from '../sentence';
import type { WireName, WirePubStatus, WireSignal } from './item';
import { cleanText } from './sanitize';

// Field rules both formats share: dates, status, signals, datelines, codes.

/** A non-empty cleaned string, or null. */
export function str(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = cleanText(value);
  return cleaned === '' ? null : cleaned;
}

/** A version number as feeds write it ("3", 3); null unless it is a positive integer. */
export function versionNumber(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,9}$/.test(text)) return null;
  const version = Number(text);
  return version > 0 ? version : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const UTC_OFFSET = /(?:[+-]00:?00|z)$/i;

/**
 * An ISO-8601 date-time as the feed gives it, offset kept; UTC (`+00:00`,
 * `-0000`, `z`) is written `Z`. Null when absent or not a real date.
 */
export function isoDate(value: unknown): string | null {
  const text = str(value);
  if (!text || !ISO_DATE.test(text) || Number.isNaN(Date.parse(text))) return null;
  return text.includes('T') && UTC_OFFSET.test(text) ? text.replace(UTC_OFFSET, 'Z') : text;
}

/** IPTC pubStatus in any spelling or prefix (`usable`, `stat:canceled`, `cancelled`). */
export function pubStatus(value: unknown): WirePubStatus {
  const local = localCode(str(value) ?? '').toLowerCase();
  if (local === 'canceled' || local === 'cancelled') return 'canceled';
  if (local === 'withheld') return 'withheld';
  return 'usable';
}

/** The part of a qcode after its scheme prefix (`stat:usable` → `usable`), whatever the prefix. */
export function localCode(qcode: string): string {
  const at = qcode.lastIndexOf(':');
  return at === -1 ? qcode : qcode.slice(at + 1);
}

// Editorial-note conventions agencies use for what a version is (ANP, dpa, Reuters, AP style).
const CORRECTION_NOTE = /^\W*(correctie|corrigeert|gecorrigeerd|rectificatie|herstelt|herstel|correction|corrects|corrected|berichtigung|korrektur|rättelse|rettelse|corr)\b/iu;
const KILL_NOTE = /^\W*(kill|mandatory kill|withdrawn|withdrawal|vervalt|vervallen|ingetrokken|intrekking|trekt in|niet gebruiken|do not use|sperrfrist aufgehoben|zurückgezogen)\b/iu;
const UPDATE_NOTE = /^\W*(update|updated|bijgewerkt|aangevuld|aanvulling|nieuwe versie|new version|neufassung)\b/iu;

/** Signals from an agency's explicit codes, its status and the usual wording of its editorial note. */
export function signalsFrom(codes: string[], status: WirePubStatus, edNote: string | null): WireSignal[] {
  const signals = new Set<WireSignal>();
  for (const code of codes) {
    const local = localCode(code).toLowerCase();
    if (local === 'update') signals.add('update');
    else if (local === 'correction' || local === 'corrected') signals.add('correction');
    else if (local === 'kill' || local === 'withdraw' || local === 'withdrawn' || local === 'canceled' || local === 'cancel') signals.add('kill');
  }
  if (status === 'canceled') signals.add('kill');
  if (edNote) {
    if (CORRECTION_NOTE.test(edNote)) signals.add('correction');
    if (KILL_NOTE.test(edNote)) signals.add('kill');
    if (UPDATE_NOTE.test(edNote)) signals.add('update');
  }
  return (['update', 'correction', 'kill'] as const).filter((signal) => signals.has(signal));
}

const IPTC_CV: [prefix: string, scheme: string][] = [
  ['http://cv.iptc.org/newscodes/mediatopic/', 'medtop'],
  ['https://cv.iptc.org/newscodes/mediatopic/', 'medtop'],
  ['http://cv.iptc.org/newscodes/subjectcode/', 'subj'],
  ['https://cv.iptc.org/newscodes/subjectcode/', 'subj'],
];

/** A code as Kroniek keeps it: IPTC Media Topic URIs become `medtop:` qcodes so they meet tags with the same code. */
export function normaliseCode(code: string | null): string | null {
  if (!code) return null;
  for (const [prefix, scheme] of IPTC_CV) {
    if (code.startsWith(prefix) && code.length > prefix.length) return `${scheme}:${code.slice(prefix.length)}`;
  }
  return code;
}

export function wireName(name: string | null, code: string | null): WireName | null {
  const normalised = normaliseCode(code);
  const shown = name ?? normalised;
  return shown ? { name: shown, code: normalised } : null;
}

/** The place of a printed dateline (`AMSTERDAM (ANP) -`, `MOSCOW, Monday (Reuters)`), upper-cased. */
export function datelinePlace(dateline: string | null): string | null {
  if (!dateline) return null;
  const matched = matchDateline(dateline.endsWith('-') ? dateline : `${dateline} -`);
  if (matched) return matched.dateline.place;
  const place = cleanText(dateline.split(/[,(]/u)[0] ?? '');
  return place === '' ? null : place.toLocaleUpperCase('nl');
}

/** Place and agencies of a dateline that opens the body (`DEN HAAG (ANP) - …`), if any. */
export function bodyDateline(body: BodyBlock[]): { place: string; agencies: string[] } | null {
  const first = body.find((block) => block.type === 'paragraph');
  const matched = first ? matchDateline(first.text) : null;
  return matched ? { place: matched.dateline.place, agencies: matched.dateline.agencies } : null;
}

/** The body without the dateline its first paragraph opens with: Kroniek keeps the dateline apart (as for page text) and shows it once. */
export function withoutOpeningDateline(body: BodyBlock[]): BodyBlock[] {
  const at = body.findIndex((block) => block.type === 'paragraph');
  const matched = at >= 0 ? matchDateline(body[at]!.text) : null;
  if (!matched) return body;
  return matched.rest ? body.map((block, k) => (k === at ? { ...block, text: matched.rest } : block)) : body.filter((_, k) => k !== at);
}

export function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

/** Bodies often open with the headline again (`<h1>` of an HTML body): it is dropped, the metadata has it. */
export function withoutRepeatedHeadline(body: BodyBlock[], headline: string | null): BodyBlock[] {
  const first = body[0];
  const repeated = first && headline && body.length > 1 && first.text.length === headline.length && first.text.toLocaleLowerCase() === headline.toLocaleLowerCase();
  return repeated ? body.slice(1) : body;
}

/** A headline for an item that has none (a short without one): the first sentence of its body, after any dateline. */
export function headlineFromBody(body: BodyBlock[]): string {
  const first = body[0]?.text ?? '';
  return firstSentence(matchDateline(first)?.rest || first);
}
