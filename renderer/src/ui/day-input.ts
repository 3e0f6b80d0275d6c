import type { Language } from '../i18n';

// A calendar day typed and shown in the UI language's order, never the browser's: Dutch
// `17-09-2023` (dd-mm-jjjj), English `17/09/2023` (dd/mm/yyyy, as en-GB writes it). A
// native <input type=date> follows the browser's locale instead (mm/dd/yyyy under en-US
// even in the Dutch UI), so the desk uses a text field with these rules.

/** The separator each language writes between day, month and year. */
const SEPARATOR: Record<Language, string> = { nl: '-', en: '/' };

/** What the field answers for the text in it. */
export type DayInput = { kind: 'empty' } | { kind: 'day'; iso: string } | { kind: 'invalid' };

/** `2023-09-17` as the language writes it in the field: `17-09-2023` / `17/09/2023`. */
export function formatDayInput(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const sep = SEPARATOR[language];
  return `${match[3]}${sep}${match[2]}${sep}${match[1]}`;
}

/** True for a day that exists (no 31 September, 29 February only in leap years). */
function realDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Reads what the editor typed: day, month, four-digit year in the language's order,
 * separated by `-`, `/`, `.` or spaces (one-digit day and month allowed: `7-9-2023`),
 * eight digits in a row (`17092023`), or an ISO day (`2023-09-17`, as pasted from
 * elsewhere). Anything else, or a day that does not exist, is invalid.
 */
export function parseDayInput(text: string): DayInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  let year: number;
  let month: number;
  let day: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})$/.exec(trimmed))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return { kind: 'invalid' };
  }
  if (!realDay(year, month, day)) return { kind: 'invalid' };
  return { kind: 'day', iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * The mask as the editor types: after the day's and the month's two digits the
 * separator is added (`17` → `17-`, `17-09` → `17-09-`), so only digits need typing.
 * Only when the text grew by a digit at its end; deleting is never fought.
 */
export function maskDayInput(before: string, after: string, language: Language): string {
  if (after.length !== before.length + 1 || !after.startsWith(before)) return after;
  // A separator typed just after the one the mask added: already there.
  if (/[-/.\s]$/.test(after) && /[-/.]$/.test(before)) return before;
  if (!/\d$/.test(after)) return after;
  const sep = SEPARATOR[language];
  if (/^\d{2}$/.test(after) || /^\d{1,2}[-/.]\d{2}$/.test(after)) return after + sep;
  return after;
}
