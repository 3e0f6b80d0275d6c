// A brief's date, estimated from when its page was captured (the file's modification
// time, or the browser's `lastModified`) and the age the site printed under it
// (`3 uur geleden`, `gisteren`, `19 juni`): the capture instant minus that age, as a
// calendar day in the Netherlands. Shown as estimated until the editor sets a date.

const ZONE = 'Europe/Amsterdam';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [RegExp, number][] = [
  [/^(?:seconden|seconde|sec)$/, 1_000],
  [/^(?:minuten|minuut|min)$/, MINUTE],
  [/^(?:uren|uur|u)$/, HOUR],
  [/^(?:dagen|dag)$/, DAY],
  [/^(?:weken|week)$/, 7 * DAY],
  [/^(?:maanden|maand)$/, 30 * DAY],
  [/^(?:jaren|jaar)$/, 365 * DAY],
];

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6, juli: 7, jul: 7,
  augustus: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `YYYY-MM-DD` of an instant in the Netherlands. */
export function dutchDay(instant: Date): string {
  return dayFormat.format(instant);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const minutesOfDay = (hours: number, minutes: number) => hours * 60 + minutes;

/**
 * The day a brief with age label `label` was published, if its page was captured at
 * `capturedAt`; null when the label says nothing usable (or names an impossible date).
 */
export function estimatePublishedDay(label: string, capturedAt: Date): string | null {
  if (Number.isNaN(capturedAt.getTime())) return null;
  const text = label.trim().toLowerCase().replace(/\s+/g, ' ');
  const captureDay = dutchDay(capturedAt);

  const ago = /^(\d{1,3}|een|één) ?([a-z]+)\.? geleden$/u.exec(text);
  if (ago) {
    const count = /^\d/.test(ago[1]!) ? Number(ago[1]) : 1;
    const unit = UNITS.find(([pattern]) => pattern.test(ago[2]!));
    return unit ? dutchDay(new Date(capturedAt.getTime() - count * unit[1])) : null;
  }
  if (/^(?:zojuist|zo-even|zoeven)$/.test(text)) return captureDay;
  const relative = /^(vandaag|gisteren|eergisteren)\b/.exec(text);
  if (relative) return addDays(captureDay, relative[1] === 'vandaag' ? 0 : relative[1] === 'gisteren' ? -1 : -2);

  const dated = /^(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?/u.exec(text);
  if (dated) {
    const month = MONTHS[dated[2]!];
    if (!month) return null;
    const dayOfMonth = Number(dated[1]);
    const captureYear = Number(captureDay.slice(0, 4));
    const day = isoDay(dated[3] ? Number(dated[3]) : captureYear, month, dayOfMonth);
    // Without a year: the last such day on or before the capture.
    if (!dated[3] && day !== null && day > captureDay) return isoDay(captureYear - 1, month, dayOfMonth);
    return day;
  }

  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (clock) {
    const printed = minutesOfDay(Number(clock[1]), Number(clock[2]));
    if (Number(clock[1]) > 23 || Number(clock[2]) > 59) return null;
    const [hours, minutes] = timeFormat.format(capturedAt).split(':').map(Number) as [number, number];
    // A time later than the capture's was yesterday's.
    return printed <= minutesOfDay(hours, minutes) ? captureDay : addDays(captureDay, -1);
  }
  return null;
}

function isoDay(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
