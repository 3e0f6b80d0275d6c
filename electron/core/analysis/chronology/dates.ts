// Dutch date expressions in a sentence, resolved against the story's own date (the
// anchor): absolute ("op 13 september 2023", "in juni 2024", "in 2019") and relative
// ("dinsdag", "vorige week", "afgelopen september", "24 jaar geleden", "maandag
// (lokale tijd)"). Each keeps its granularity: a month stays a month. Pure: no I/O.
//
// Direction: news mostly reports what happened, so a bare weekday or a month without a
// year is the most recent one on or before the anchor, unless the sentence speaks of
// the future ("zal", "gaat", "volgende", …), when it is the next one on or after it.

import type { ChronologyDate } from '../../../../shared/types';

export type Granularity = ChronologyDate['granularity'];

/** A period: its granularity and its first day (`YYYY-MM-DD`; a week starts on Monday). */
export type DateValue = ChronologyDate;

/** Whether the expression names a moment, the start of a span ("sinds 2019") or its end ("tot juni"). */
export type DateRole = 'point' | 'since' | 'until';

export interface DateMention {
  /** Offsets into the sentence: `text.slice(start, end)` is the expression as written. */
  start: number;
  end: number;
  text: string;
  /** null when the expression needs an anchor and the story has no date. */
  value: DateValue | null;
  /** Resolved against the anchor (weekday, "vorige week", "in maart", …) rather than stated in full. */
  relative: boolean;
  role: DateRole;
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, febr: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const FULL_MONTH = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
// Abbreviations only with a day number before them ("3 okt."): "jan" and "dec" are names too.
const ANY_MONTH = `${FULL_MONTH}|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec|jan`;

const WEEKDAYS: Record<string, number> = { maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 0 };
const WEEKDAY = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
// "dinsdagavond", "woensdagochtend", "zondagnacht".
const DAY_PART = '(?:ochtend|morgen|middag|avond|nacht)?';

const UNITS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11,
  twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };
const NUMBER_WORD = '(?:\\d{1,3}|(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|negentien|achttien|zeventien|zestien|vijftien|veertien|dertien|twaalf|elf|tien|negen|acht|zeven|zes|vijf|vier|drie|twee|één|een|enkele)';

/** A number written in digits or Dutch words up to 100 ("vierentwintig", "tweeëntwintig"); null for "enkele". */
export function dutchNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'honderd') return 100;
  if (w in UNITS) return UNITS[w]!;
  if (w in TENS) return TENS[w]!;
  const compound = /^(een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n(\p{L}+)$/u.exec(w);
  if (compound && compound[2]! in TENS) return UNITS[compound[1]!]! + TENS[compound[2]!]!;
  return null;
}

// Which way a sentence's unqualified weekday or month points. News reports what happened
// in the past tense ("zei dinsdag", "trad zondag buiten haar oevers") and what is coming in
// the present or future tense ("reist woensdag door", "neemt op 1 oktober het stokje
// over", "zal in september"). Past is the default: a sentence looks ahead only when a
// future word or a present-tense verb near its start says so, and no past-tense verb.
const FUTURE_CUE = /(?<![\p{L}])(?:zal|zullen|zult|binnenkort|gepland|van plan|aanstaande|komende|volgende|voornemens|verwacht|verwachten)(?![\p{L}])/iu;
const PERFECT_AUX = /(?<![\p{L}])(?:heeft|hebben|had|hadden|hebt)(?![\p{L}])/iu;
const PASSIVE_AUX = /(?<![\p{L}])(?:is|zijn|werd|werden|was|waren)(?![\p{L}])/iu;
const PARTICIPLE = /(?<![\p{L}])(?:ge|be|ver|ont|her|onder|over|aange|opge|uitge|toege|afge|meege|voorge|door|ingege)\p{L}{2,}(?:d|t|en)(?![\p{L}])/iu;
// The past tense of the verbs news uses most (strong verbs and common weak ones).
const PAST_VERB = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'was', 'waren', 'werd', 'werden', 'zei', 'zeiden', 'kwam', 'kwamen', 'ging', 'gingen', 'gaf', 'gaven', 'nam', 'namen', 'sprak', 'spraken',
      'stond', 'stonden', 'bleef', 'bleven', 'vond', 'vonden', 'hield', 'hielden', 'liet', 'lieten', 'trok', 'trokken', 'stierf', 'stierven',
      'overleed', 'viel', 'vielen', 'brak', 'braken', 'vloog', 'vlogen', 'vertrok', 'sloot', 'sloten', 'koos', 'kozen', 'won', 'wonnen',
      'verloor', 'schreef', 'schreven', 'bracht', 'brachten', 'dacht', 'dachten', 'zag', 'zagen', 'kreeg', 'kregen', 'kocht', 'kochten',
      'zocht', 'zochten', 'besloot', 'ontving', 'ontvingen', 'bezocht', 'bezochten', 'wees', 'wezen', 'riep', 'riepen', 'liep', 'liepen',
      'sloeg', 'sloegen', 'schoot', 'schoten', 'lag', 'lagen', 'zat', 'zaten', 'kon', 'konden', 'moest', 'moesten', 'mocht', 'mochten',
      'deed', 'deden', 'trad', 'traden', 'trof', 'troffen', 'begon', 'begonnen', 'eiste', 'eisten', 'wist', 'wisten', 'greep', 'grepen',
      'verscheen', 'verschenen', 'dook', 'doken', 'bood', 'boden', 'verbood', 'verboden', 'vroeg', 'vroegen', 'steeg', 'stegen', 'daalde', 'daalden',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);
// Weak verbs in the past tense: a stem + -de(n)/-te(n) after a verb-like ending (`tekende`,
// `meldden`, `kostte`, `maakte`, `arriveerde`, `beschuldigde`, `waarschuwde`), written in
// lower case; adjectives in -de/-te (`grote`, `vorige`, `laatste`, `derde`) end otherwise.
const WEAK_PAST = /(?<![\p{L}])\p{Ll}\p{L}*(?:tte|tten|dde|dden|eerde|eerden|kende|kenden|igde|igden|oerde|oerden|aakte|aakten|ekte|ekten|eikte|eikten|ijkte|ijkten|uurde|uurden|oemde|oemden|emde|emden|oogde|oogden|aagde|aagden|eelde|eelden|ielde|ielden|ijsde|ijsden|eisde|eisden|eide|eiden|ierde|ierden|uwde|uwden|ulde|ulden|alde|alden|olgde|olgden|orgde|orgden)(?![\p{L}])/u;
// A present-tense verb: a lower-case word ending in -t, or a plural auxiliary, among the
// first words of the sentence (Dutch puts the finite verb second). Nouns and function words
// ending in -t are not verbs.
const PRESENT_PLURAL = new Set(['gaan', 'komen', 'staan', 'moeten', 'kunnen', 'willen', 'mogen', 'blijven', 'beginnen']);
const NOT_A_VERB_T = new Set([
  'niet', 'dat', 'wat', 'met', 'het', 'tot', 'toch', 'echt', 'vast', 'laat', 'pas', 'net', 'ooit', 'eerst', 'meest', 'best', 'liefst',
  'nacht', 'macht', 'markt', 'recht', 'punt', 'kant', 'feit', 'tijdsbestek', 'dienst', 'winst', 'kunst', 'angst', 'lijst', 'rust', 'kust',
  'oost', 'west', 'zuidoost', 'noordwest', 'zuidwest', 'noordoost', 'licht', 'gewicht', 'bericht', 'gerecht', 'dicht', 'slecht', 'plicht',
  'opzicht', 'inzicht', 'toezicht', 'verzet', 'besluit', 'uit', 'buit', 'fout', 'hout', 'zout', 'goud', 'kwart', 'start', 'sport', 'poort',
  'soort', 'woord', 'moord', 'achterstand', 'dreigt',
]);
const NOUN_ENDING_T = /(?:ent|ant|iteit|eit|isme|ist|aat|uut|iet|oot|ijt|cht|ort|nst|rst)$/u;
const VERB_ENDING_T_KEEP = new Set(['reist', 'beslist', 'eist', 'staat', 'gaat', 'slaat', 'praat', 'laat', 'vecht', 'brengt', 'zoekt', 'spreekt', 'verwacht', 'wacht', 'houdt', 'start']);

function presentVerbNearStart(sentence: string): boolean {
  const words = sentence.split(/[\s,;:()"“”„.!?]+/u).filter(Boolean).slice(0, 7);
  return words.some((word, k) => {
    if (k === 0 || !/^\p{Ll}/u.test(word)) return false;
    if (PRESENT_PLURAL.has(word)) return true;
    if (!/\p{L}{2,}(?:t|dt)$/u.test(word) || NOT_A_VERB_T.has(word)) return false;
    return VERB_ENDING_T_KEEP.has(word) || !NOUN_ENDING_T.test(word);
  });
}

export type Tense = 'past' | 'future' | 'present';

/** Does the sentence have a verb in the past or perfect tense (not merely no sign of another)? */
export function hasPastVerb(sentence: string): boolean {
  return PERFECT_AUX.test(sentence) || PAST_VERB.test(sentence) || WEAK_PAST.test(sentence) || (PASSIVE_AUX.test(sentence) && PARTICIPLE.test(sentence));
}

/** The tense a sentence speaks in, as far as its verbs tell (it decides a bare weekday or month's direction). */
export function tenseOf(sentence: string): Tense {
  const past = hasPastVerb(sentence);
  if (FUTURE_CUE.test(sentence) && !past) return 'future';
  if (past) return 'past';
  return presentVerbNearStart(sentence) ? 'present' : 'past';
}

// ---- calendar arithmetic on UTC days --------------------------------------------------

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDay(iso: string | null | undefined): Ymd | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return null;
  const value = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return validDay(value.y, value.m, value.d) ? value : null;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function addDays(day: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function weekdayOf(day: Ymd): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

const dayValue = (day: Ymd): DateValue => ({ granularity: 'day', date: isoOf(day.y, day.m, day.d) });
const monthValue = (y: number, m: number): DateValue => ({ granularity: 'month', date: isoOf(y, m, 1) });
const yearValue = (y: number): DateValue => ({ granularity: 'year', date: isoOf(y, 1, 1) });
function weekValue(day: Ymd): DateValue {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return { granularity: 'week', date: isoOf(monday.y, monday.m, monday.d) };
}
function monthsFrom(anchor: Ymd, months: number): DateValue {
  const index = anchor.y * 12 + (anchor.m - 1) + months;
  return monthValue(Math.floor(index / 12), (index % 12) + 1);
}

type Direction = 'past' | 'future' | 'strictPast' | 'strictFuture';

/** The weekday nearest the anchor in the given direction (on the anchor itself unless strict). */
function weekdayNear(anchor: Ymd, weekday: number, direction: Direction): Ymd {
  const today = weekdayOf(anchor);
  if (direction === 'past' || direction === 'strictPast') {
    let back = (today - weekday + 7) % 7;
    if (back === 0 && direction === 'strictPast') back = 7;
    return addDays(anchor, -back);
  }
  let ahead = (weekday - today + 7) % 7;
  if (ahead === 0 && direction === 'strictFuture') ahead = 7;
  return addDays(anchor, ahead);
}

/** The year of a month (and day) that has none, seen from the anchor in the given direction. */
function yearFor(anchor: Ymd, month: number, day: number, direction: Direction): number {
  const key = month * 100 + day;
  const anchorKey = anchor.m * 100 + (day === 0 ? 0 : anchor.d);
  switch (direction) {
    case 'past':
      return key <= anchorKey ? anchor.y : anchor.y - 1;
    case 'strictPast':
      return key < anchorKey ? anchor.y : anchor.y - 1;
    case 'future':
      return key >= anchorKey ? anchor.y : anchor.y + 1;
    case 'strictFuture':
      return key > anchorKey ? anchor.y : anchor.y + 1;
  }
}

function directionOf(qualifier: string | undefined, future: boolean): Direction {
  switch (qualifier?.toLowerCase()) {
    case 'afgelopen':
    case 'vorige':
    case 'vorig':
    case 'jongstleden':
      return 'strictPast';
    case 'komende':
    case 'volgende':
    case 'aanstaande':
      return 'strictFuture';
    default:
      return future ? 'future' : 'past';
  }
}

function roleOf(prefix: string | undefined): DateRole {
  const word = prefix?.toLowerCase().trim();
  if (word === 'sinds' || word === 'vanaf' || word === 'sedert') return 'since';
  if (word === 'tot' || word === 'tot en met' || word === 't/m' || word === 'uiterlijk' || word === 'voor') return 'until';
  return 'point';
}

// ---- the patterns ---------------------------------------------------------------------

interface Context {
  anchor: Ymd | null;
  /** Unqualified weekdays and months look ahead (the sentence is not in the past tense). */
  future: boolean;
}

interface Pattern {
  regex: RegExp;
  /** null: not a date after all (other patterns may match there); `invalid`: a date that cannot exist, which nothing inside it may stand for. */
  resolve: (m: RegExpExecArray, context: Context) => { value: DateValue | null; relative: boolean; role?: DateRole; invalid?: boolean } | null;
}

const B = '(?<![\\p{L}\\p{N}])'; // word start
const E = '(?![\\p{L}\\p{N}])'; // word end
const ROLE = '(?:(sinds|vanaf|sedert|tot en met|tot|t/m|uiterlijk)\\s+)?';
const SPAN_QUALIFIER = '(?:(?:begin|eind|eind|medio|half|halverwege|midden|eerder|later|vroeg|laat|in|op|van|rond|omstreeks|per)\\s+)?';
const LOCAL_TIME = '(?:\\s*\\((?:lokale|Nederlandse|Belgische) tijd\\))?';

function rx(source: string): RegExp {
  return new RegExp(B + source + E, 'giu');
}

const INVALID = { value: null, relative: false, invalid: true } as const;

const PATTERNS: Pattern[] = [
  // 13-09-2023, 13/9/2023, 13.9.2023
  {
    regex: rx(`${ROLE}(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})`),
    resolve: (m) => {
      const [d, mo, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
      return validDay(y, mo, d) ? { value: dayValue({ y, m: mo, d }), relative: false, role: roleOf(m[1]) } : INVALID;
    },
  },
  // (op) (dinsdag) 13 (en 14) september (2023)
  {
    regex: rx(`${ROLE}(?:op\\s+)?(?:(?:${WEEKDAY})${DAY_PART}\\s+)?(\\d{1,2})(?:e|ste|de)?(?:\\s*(?:en|tot|t/m|-|–)\\s*\\d{1,2}(?:e|ste|de)?)?\\s+(${ANY_MONTH})\\.?(?:\\s+(\\d{4}))?${LOCAL_TIME}`),
    resolve: (m, { anchor, future }) => {
      const d = Number(m[2]);
      const mo = MONTHS[m[3]!.toLowerCase()]!;
      if (m[4]) {
        const y = Number(m[4]);
        return validDay(y, mo, d) ? { value: dayValue({ y, m: mo, d }), relative: false, role: roleOf(m[1]) } : INVALID;
      }
      if (d < 1 || d > 31) return INVALID;
      if (!anchor) return { value: null, relative: true, role: roleOf(m[1]) };
      const y = yearFor(anchor, mo, d, future ? 'future' : 'past');
      return validDay(y, mo, d) ? { value: dayValue({ y, m: mo, d }), relative: true, role: roleOf(m[1]) } : null;
    },
  },
  // (begin) juni 2024, (in) september 2023
  {
    regex: rx(`${ROLE}${SPAN_QUALIFIER}(?:de maand\\s+)?(${FULL_MONTH})\\s+(?:van\\s+)?(\\d{4})`),
    resolve: (m) => ({ value: monthValue(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!), relative: false, role: roleOf(m[1]) }),
  },
  // in juni, afgelopen september, vorige maand maart … (a month named without a year needs a cue before it)
  {
    regex: rx(`(?:(sinds|vanaf|sedert|tot en met|tot|t/m|uiterlijk)\\s+(?:(?:begin|eind|medio|half|halverwege|midden)\\s+)?|(afgelopen|vorige|komende|volgende|aanstaande)\\s+|(?:in|begin|eind|medio|half|halverwege|midden|eerder in|later in|rond|omstreeks|per|de maand)\\s+)(${FULL_MONTH})`),
    resolve: (m, { anchor, future }) => {
      const month = MONTHS[m[3]!.toLowerCase()]!;
      if (!anchor) return { value: null, relative: true, role: roleOf(m[1]) };
      const role = roleOf(m[1]);
      // "sinds maart" looks back whatever the tense.
      return { value: monthValue(yearFor(anchor, month, 0, directionOf(m[2], future && role !== 'since')), month), relative: true, role };
    },
  },
  // in 2019, sinds 2014, eind 2023, het voorjaar van 2022, (in) 1950
  {
    regex: rx(`(?:(sinds|vanaf|sedert|tot en met|tot|t/m|uiterlijk|voor)\\s+(?:(?:begin|eind|medio|halverwege|midden|(?:het|de)\\s+(?:voorjaar|najaar|zomer|winter|lente|herfst)\\s+van)\\s+)?|(?:in|begin|eind|medio|halverwege|midden|rond|omstreeks|uit|na|het jaar|(?:het|de)\\s+(?:voorjaar|najaar|zomer|winter|lente|herfst)\\s+van|(?:voorjaar|najaar|zomer|winter|lente|herfst))\\s+)((?:1[89]|20)\\d{2})`),
    resolve: (m) => ({ value: yearValue(Number(m[2])), relative: false, role: roleOf(m[1]) }),
  },
  // X jaar/maanden/weken/dagen geleden; over X jaar
  {
    regex: rx(`(?:(ruim|bijna|zo'n|zo’n|ongeveer|circa|precies)\\s+)?(${NUMBER_WORD})\\s+(jaar|jaren|maand|maanden|week|weken|dag|dagen)\\s+(geleden|eerder|later)`),
    resolve: (m, { anchor }) => {
      const n = dutchNumber(m[2]!);
      if (n === null) return null;
      if (!anchor) return { value: null, relative: true };
      if (m[4]!.toLowerCase() !== 'geleden') return null; // "twee jaar later": relative to another event, not to the story's date
      const unit = m[3]!.toLowerCase();
      if (unit.startsWith('jaar') || unit === 'jaren') return { value: yearValue(anchor.y - n), relative: true };
      if (unit.startsWith('maand')) return { value: monthsFrom(anchor, -n), relative: true };
      if (unit.startsWith('we')) return { value: weekValue(addDays(anchor, -7 * n)), relative: true };
      return { value: dayValue(addDays(anchor, -n)), relative: true };
    },
  },
  // vorig jaar, eind vorig jaar, dit jaar, volgend jaar
  {
    regex: rx(`${ROLE}(?:(?:begin|eind|medio|halverwege|midden|eerder|later)\\s+)?(?:in\\s+)?(?:het\\s+)?(?:(?:voorjaar|najaar|zomer|winter|lente|herfst)\\s+van\\s+)?(vorig|afgelopen|dit|volgend|komend)\\s+jaar`),
    resolve: (m, { anchor }) => {
      if (!anchor) return { value: null, relative: true, role: roleOf(m[1]) };
      const offset = { vorig: -1, afgelopen: -1, dit: 0, volgend: 1, komend: 1 }[m[2]!.toLowerCase() as 'vorig'];
      return { value: yearValue(anchor.y + offset), relative: true, role: roleOf(m[1]) };
    },
  },
  // vorige maand, deze maand, volgende maand
  {
    regex: rx(`${ROLE}(?:(?:begin|eind|medio|halverwege|midden|eerder|later)\\s+)?(vorige|afgelopen|deze|volgende|komende)\\s+maand`),
    resolve: (m, { anchor }) => {
      if (!anchor) return { value: null, relative: true, role: roleOf(m[1]) };
      const offset = { vorige: -1, afgelopen: -1, deze: 0, volgende: 1, komende: 1 }[m[2]!.toLowerCase() as 'vorige'];
      return { value: monthsFrom(anchor, offset), relative: true, role: roleOf(m[1]) };
    },
  },
  // (vorige week) dinsdag(avond) (lokale tijd); afgelopen dinsdag; de nacht van dinsdag op woensdag
  {
    regex: rx(`(?:(vorige|afgelopen|komende|volgende|aanstaande|deze)\\s+(?:week\\s+)?)?(?:(?:in\\s+)?de nacht van\\s+(?:${WEEKDAY})\\s+op\\s+)?(${WEEKDAY})${DAY_PART}(?:\\s+(jongstleden|aanstaande))?${LOCAL_TIME}`),
    resolve: (m, { anchor, future }) => {
      if (!anchor) return { value: null, relative: true };
      const weekday = WEEKDAYS[m[2]!.toLowerCase()]!;
      const qualifier = (m[1] ?? m[3])?.toLowerCase();
      const weekBefore = /week/i.test(m[0]) && (qualifier === 'vorige' || qualifier === 'afgelopen');
      const weekAfter = /week/i.test(m[0]) && (qualifier === 'volgende' || qualifier === 'komende');
      if (weekBefore || weekAfter) {
        // "vorige week dinsdag": that weekday in the week before the anchor's week.
        const monday = addDays(anchor, -((weekdayOf(anchor) + 6) % 7) + (weekBefore ? -7 : 7));
        return { value: dayValue(addDays(monday, (weekday + 6) % 7)), relative: true };
      }
      if (qualifier === 'deze') return { value: dayValue(weekdayNear(anchor, weekday, future ? 'future' : 'past')), relative: true };
      return { value: dayValue(weekdayNear(anchor, weekday, directionOf(qualifier, future))), relative: true };
    },
  },
  // vorige week, deze week, volgende week
  {
    regex: rx(`${ROLE}(?:(?:begin|eind|eerder|later|halverwege|midden)\\s+)?(vorige|afgelopen|deze|volgende|komende)\\s+week`),
    resolve: (m, { anchor }) => {
      if (!anchor) return { value: null, relative: true, role: roleOf(m[1]) };
      const word = m[2]!.toLowerCase();
      // "vorige week" is the calendar week before; "afgelopen week" the seven days before the
      // story's date, which from a Friday to a Sunday are mostly the story's own week.
      const weekend = [0, 5, 6].includes(weekdayOf(anchor));
      const offset = word === 'afgelopen' ? (weekend ? 0 : -7) : { vorige: -7, deze: 0, volgende: 7, komende: 7 }[word as 'vorige'];
      return { value: weekValue(addDays(anchor, offset)), relative: true, role: roleOf(m[1]) };
    },
  },
  // vandaag, gisteren(avond), eergisteren, morgen, overmorgen, vannacht, vanochtend, …
  {
    regex: rx(`(eergisteren|gisteren|gister|vandaag|overmorgen|morgen|vannacht|vanochtend|vanmorgen|vanmiddag|vanavond)${DAY_PART}`),
    resolve: (m, { anchor }) => {
      const word = m[1]!.toLowerCase();
      // "morgen" after "'s" or as "de morgen" is the morning, not tomorrow.
      if (word === 'morgen' && /(?:'s|’s|de|die|deze|in de)\s*$/iu.test(m.input.slice(Math.max(0, m.index - 6), m.index))) return null;
      if (!anchor) return { value: null, relative: true };
      const offset = word === 'eergisteren' ? -2 : word.startsWith('gister') ? -1 : word === 'overmorgen' ? 2 : word === 'morgen' ? 1 : 0;
      return { value: dayValue(addDays(anchor, offset)), relative: true };
    },
  },
];

/**
 * The date expressions of a sentence, left to right, resolved against `anchor` (the
 * story's date, `YYYY-MM-DD`, or null). Where two expressions overlap the longer wins
 * ("dinsdag 13 juni 2023" is one day, not a weekday and a date).
 */
export function findDates(sentence: string, anchor: string | null, tenseFrom: string = sentence): DateMention[] {
  // `tenseFrom`: the clause whose verbs decide which way a bare weekday or month points
  // (by default the whole sentence).
  const context: Context = { anchor: parseDay(anchor), future: tenseOf(tenseFrom) !== 'past' };
  const found: (DateMention & { invalid?: true })[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(sentence); m; m = pattern.regex.exec(sentence)) {
      const resolved = pattern.resolve(m, context);
      if (!resolved) continue;
      const start = m.index;
      const end = start + m[0].length;
      found.push({ start, end, text: m[0], value: resolved.value, relative: resolved.relative, role: resolved.role ?? 'point', ...(resolved.invalid ? { invalid: true } : {}) });
    }
  }
  // Longest first, then leftmost; keep those that overlap nothing kept before.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: (DateMention & { invalid?: true })[] = [];
  for (const mention of found) if (!kept.some((k) => mention.start < k.end && k.start < mention.end)) kept.push(mention);
  return kept.filter((mention) => !mention.invalid).sort((a, b) => a.start - b.start);
}
