import { matchDateline } from './dateline';

// The age a news site prints under each brief (`1 uur geleden`, `8 minuten
// geleden`, `gisteren`, `19 juni`). Copying the page often glues it to the
// start of the next brief's line (`1 uur geledenGENÈVE (ANP) - …`), so a label
// is only taken as one when it stands alone or a dateline follows it: a brief
// line that merely starts with `Gisteren` is never cut.

const UNIT = 'seconden|seconde|sec|minuten|minuut|min|uren|uur|u|dagen|dag|weken|week|maanden|maand|jaren|jaar';
const MONTH =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec';
const CLOCK = '\\d{1,2}[:.]\\d{2}';
const AGE = [
  `(?:\\d{1,3}|een|één)\\s*(?:${UNIT})\\.?\\s+geleden`,
  `(?:zojuist|zo-even|zoeven)`,
  `(?:vandaag|gisteren|eergisteren)(?:,?\\s+(?:om\\s+)?${CLOCK})?`,
  `\\d{1,2}\\s+(?:${MONTH})\\.?(?:\\s+\\d{4})?(?:,?\\s+(?:om\\s+)?${CLOCK})?`,
  CLOCK,
].join('|');

const LEADING_AGE = new RegExp(`^(?:${AGE})`, 'iu');
/** At the end of a brief, right after its closing punctuation (`…in Genève.4 uur geleden`). */
const TRAILING_AGE = new RegExp(`(?<=[.!?…"”’)])\\s*(${AGE})$`, 'iu');

/** A label at the start of `line` that stands alone or is followed by a dateline. */
export function matchLeadingAgeLabel(line: string): { label: string; rest: string } | null {
  const match = LEADING_AGE.exec(line);
  if (!match) return null;
  const label = match[0].trim();
  const rest = line.slice(match[0].length).trim();
  if (rest !== '') {
    // Labels are printed in lower or sentence case; `ZOEVEN…` in capitals is the start of a place name.
    if (/\p{L}/u.test(label) && !/\p{Ll}/u.test(label)) return null;
    if (!matchDateline(rest)) return null;
  }
  return { label, rest };
}

/** A label glued to the end of a brief's text; returns the text without it. */
export function matchTrailingAgeLabel(text: string): { label: string; text: string } | null {
  const match = TRAILING_AGE.exec(text);
  if (!match) return null;
  return { label: match[1]!.trim(), text: text.slice(0, match.index).trim() };
}
