import type { Dateline } from '../../../shared/types';

// The dateline that opens a wire story: `PLACE (AGENCY/AGENCY) - text`.
// Places are printed in capitals and may hold spaces, hyphens, dots,
// apostrophes, slashes (`BRUSSEL/DEN HAAG`) and any diacritic (`GENÈVE`);
// a leading `'s-` or `'t ` stays lower case (`'s-HERTOGENBOSCH`). Requiring
// capitals and the dash after the parenthesis keeps ordinary sentences such as
// `De minister (VVD) zei` from being read as a dateline.

const DASH = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
// Bounded repetition keeps the match linear on hostile input (a megabyte of capitals and spaces).
const PLACE = `(?:['’][sStT][\\s-])?\\p{Lu}[\\p{Lu}\\p{M}\\s.'’/-]{0,60}?`;
const AGENCIES = `[^()\\n]{1,80}`;
const DATELINE = new RegExp(`^(${PLACE})\\s{0,5}\\((${AGENCIES})\\)\\s*[${DASH}]\\s*`, 'u');

/** Where a dateline could start right after other text with no space (`…OekraïnePYONGYANG (ANP) - `). */
const GLUED_DATELINE_START = new RegExp(`(?<=[^\\s\\p{Lu}'’])(?=${PLACE}\\s{0,5}\\(${AGENCIES}\\)\\s*[${DASH}])`, 'gu');

const MAX_PLACE_CHARS = 60;
const MAX_AGENCIES = 8;
const MAX_AGENCY_CHARS = 30;

export interface DatelineMatch {
  dateline: Dateline;
  /** The text after the dateline (may be empty when the dateline stands on its own line). */
  rest: string;
}

/** The dateline at the very start of `line`, or null. */
export function matchDateline(line: string): DatelineMatch | null {
  const match = DATELINE.exec(line);
  if (!match) return null;
  const place = collapseSpaces(match[1]!);
  if (!isPlausiblePlace(place)) return null;
  const agencies = splitAgencies(match[2]!);
  if (!agencies) return null;
  return { dateline: { place, agencies }, rest: line.slice(match[0].length).trim() };
}

/**
 * A dateline glued to the end of other text, as happens when copying a web page
 * drops a line break (`Meer uit BuitenlandNEW YORK (ANP) - …`). Returns the text
 * before the dateline and the text from the dateline on, or null.
 */
export function findGluedDateline(line: string): { before: string; after: string } | null {
  for (const found of line.matchAll(GLUED_DATELINE_START)) {
    const after = line.slice(found.index);
    if (matchDateline(after)) return { before: line.slice(0, found.index).trim(), after };
  }
  return null;
}

function isPlausiblePlace(place: string): boolean {
  if (place.length > MAX_PLACE_CHARS) return false;
  // Lower case only in the `'s-`/`'t ` prefix: `Rutte (VVD) - ` is not a dateline.
  const body = place.replace(/^['’][st][\s-]/u, '');
  if (/\p{Ll}/u.test(body)) return false;
  return (body.match(/\p{L}/gu)?.length ?? 0) >= 2;
}

/** `ANP/RTR`, `ANP, AFP`, `ANP AFP`, `ANP/Associated Press` → agency names; null when it does not look like credits. */
function splitAgencies(inner: string): string[] | null {
  const agencies: string[] = [];
  for (const part of inner.split(/[/,;|+&]/)) {
    const token = collapseSpaces(part);
    if (!token) continue;
    const words = token.split(' ');
    // `ANP AFP` is two agencies; `Associated Press` is one.
    if (words.length > 1 && words.every((word) => !/\p{Ll}/u.test(word))) agencies.push(...words);
    else agencies.push(token);
  }
  if (agencies.length === 0 || agencies.length > MAX_AGENCIES) return null;
  return agencies.every(isPlausibleAgency) ? agencies : null;
}

function isPlausibleAgency(agency: string): boolean {
  if (agency.length > MAX_AGENCY_CHARS || !/\p{L}/u.test(agency)) return false;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}.'’ -]*$/u.test(agency)) return false;
  const words = agency.split(' ');
  // Several words must each be capitalised (`Associated Press`), so `(de alliantie)` is not a credit.
  return words.length === 1 || (words.length <= 3 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word)));
}

const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();
