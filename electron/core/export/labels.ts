import type { ChronologyDate, Dateline, Story } from '../../../shared/types';
import type { ExportLanguage } from './model';

// The document's own words in each export language, and how dates and
// datelines are written. Story text is never translated.

export type Relation = 'follow-up-of' | 'followed-by' | 'background' | 'background-to' | 'series' | 'same-event' | 'related';

export interface Labels {
  dossier: string;
  contents: string;
  introduction: string;
  exported: string;
  storyCount: (count: number) => string;
  page: string;
  /** Around the page number and the page count: `pagina ` N ` van ` M. */
  pageOf: readonly [string, string];
  editorNote: string;
  seeAlso: string;
  outside: string;
  sources: string;
  sourceFile: string;
  sha256: string;
  imported: string;
  agencies: string;
  tags: string;
  story: string;
  noStories: string;
  dateUnknown: string;
  relation: Record<Relation, string>;
  months: readonly string[];
  /** Agency stories: the printed note on a withdrawn one, and the agency facts under each. */
  withdrawnOn: (day: string) => string;
  agencyNote: string;
  version: (version: number, day: string | null) => string;
  firstSent: string;
  embargoUntil: string;
  rights: string;
  infoSources: string;
  /** The dossier's chronology (its approved lines). */
  chronology: string;
  weekOf: (day: string) => string;
  /** Before the name of the series a story is in: `Reeks: Kim en Poetin`. */
  seriesName: string;
  /** The dossier's quotes section, and how a quote without a speaker or in indirect speech is marked. */
  quotes: string;
  unattributed: string;
  indirect: string;
}

const NL: Labels = {
  dossier: 'Dossier',
  contents: 'Inhoud',
  introduction: 'Inleiding',
  exported: 'Samengesteld op',
  storyCount: (count) => (count === 1 ? '1 bericht' : `${count} berichten`),
  page: 'p.',
  pageOf: ['pagina ', ' van '],
  editorNote: 'Notitie van de redactie',
  seeAlso: 'Zie ook in dit dossier',
  outside: 'Verwante berichten buiten dit dossier',
  sources: 'Bronnen',
  sourceFile: 'Bestand',
  sha256: 'SHA-256',
  imported: 'Geïmporteerd',
  agencies: 'Persbureaus',
  tags: 'Trefwoorden',
  story: 'Bericht',
  noStories: 'Dit dossier bevat geen berichten.',
  dateUnknown: 'datum onbekend',
  relation: {
    'follow-up-of': 'vervolg op',
    'followed-by': 'gevolgd door',
    background: 'achtergrond',
    'background-to': 'achtergrond bij',
    series: 'zelfde reeks',
    'same-event': 'zelfde gebeurtenis',
    related: 'verwant',
  },
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  withdrawnOn: (day) => `Ingetrokken door het persbureau op ${day}`,
  agencyNote: 'Notitie van het persbureau',
  version: (version, day) => `Versie ${version}${day ? ` van ${day}` : ''}`,
  firstSent: 'eerst verstuurd',
  embargoUntil: 'Embargo tot',
  rights: 'Rechten',
  infoSources: 'Bronnen',
  chronology: 'Tijdlijn',
  weekOf: (day) => `week van ${day}`,
  seriesName: 'Reeks',
  quotes: 'Citaten',
  unattributed: 'spreker onbekend',
  indirect: 'indirect',
};

const EN: Labels = {
  dossier: 'Dossier',
  contents: 'Contents',
  introduction: 'Introduction',
  exported: 'Compiled on',
  storyCount: (count) => (count === 1 ? '1 story' : `${count} stories`),
  page: 'p.',
  pageOf: ['page ', ' of '],
  editorNote: "Editor's note",
  seeAlso: 'See also in this dossier',
  outside: 'Related stories outside this dossier',
  sources: 'Sources',
  sourceFile: 'File',
  sha256: 'SHA-256',
  imported: 'Imported',
  agencies: 'Agencies',
  tags: 'Tags',
  story: 'Story',
  noStories: 'This dossier has no stories.',
  dateUnknown: 'date unknown',
  relation: {
    'follow-up-of': 'follow-up of',
    'followed-by': 'followed by',
    background: 'background',
    'background-to': 'background to',
    series: 'same series',
    'same-event': 'same event',
    related: 'related',
  },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  withdrawnOn: (day) => `Withdrawn by the agency on ${day}`,
  agencyNote: 'Note from the agency',
  version: (version, day) => `Version ${version}${day ? ` of ${day}` : ''}`,
  firstSent: 'first sent',
  embargoUntil: 'Embargo until',
  rights: 'Rights',
  infoSources: 'Sources',
  chronology: 'Chronology',
  weekOf: (day) => `week of ${day}`,
  seriesName: 'Series',
  quotes: 'Quotes',
  unattributed: 'speaker unknown',
  indirect: 'indirect',
};

export function labelsFor(locale: ExportLanguage): Labels {
  return locale === 'en' ? EN : NL;
}

/** `2024-06-19` → `19 juni 2024` (or `19 June 2024`); anything else is returned as given. */
export function formatDay(day: string | null, labels: Labels): string | null {
  if (!day) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  const month = match ? labels.months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return day;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** A chronology line's date as precise as it is known: `13 september 2023`, `week van 10 juni 2024`, `juni 2024`, `2019`. */
export function formatPeriod(date: ChronologyDate, labels: Labels): string {
  const [y, m] = date.date.split('-').map(Number) as [number, number];
  switch (date.granularity) {
    case 'year':
      return String(y);
    case 'month':
      return `${labels.months[m - 1] ?? m} ${y}`;
    case 'week':
      return labels.weekOf(formatDay(date.date, labels) ?? date.date);
    default:
      return formatDay(date.date, labels) ?? date.date;
  }
}

/** An ISO time as a calendar day in this machine's time zone (where the editor is). */
export function formatInstantDay(iso: string, labels: Labels): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDay(`${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`, labels)!;
}

/** `PYONGYANG (ANP/RTR)`, `(ANP)`, `PYONGYANG`, or '' as the wire prints it. */
export function formatDateline(dateline: Dateline): string {
  const agencies = dateline.agencies.filter((agency) => agency.trim() !== '');
  const credit = agencies.length ? `(${agencies.join('/')})` : '';
  return [dateline.place.trim(), credit].filter(Boolean).join(' ');
}

/**
 * The agency facts printed with a story from a feed, as plain lines (each renderer
 * escapes them its own way): the withdrawal note first when the agency withdrew it, then
 * version, embargo, rights and sources. Empty for other stories.
 */
export function wireLines(story: Pick<Story, 'wire'>, labels: Labels): { withdrawn: string | null; lines: string[] } {
  const wire = story.wire;
  if (!wire) return { withdrawn: null, lines: [] };
  const day = (iso: string | null) => (iso ? formatInstantDay(iso, labels) : null);
  const withdrawn = wire.status !== 'usable' ? `${labels.withdrawnOn(day(wire.versionCreated) ?? labels.dateUnknown)}${wire.edNote ? `. ${labels.agencyNote}: ${wire.edNote}` : ''}` : null;
  const lines = [`${labels.version(wire.version, day(wire.versionCreated))}${wire.firstCreated ? ` · ${labels.firstSent} ${day(wire.firstCreated)}` : ''}`];
  if (wire.embargoedUntil) lines.push(`${labels.embargoUntil} ${formatInstant(wire.embargoedUntil, labels)}`);
  const rights = [wire.rights.copyrightNotice ?? wire.rights.copyrightHolder, wire.rights.usageTerms].filter((part): part is string => Boolean(part && part.trim()));
  if (rights.length) lines.push(`${labels.rights}: ${rights.join(' — ')}`);
  if (wire.infoSources.length) lines.push(`${labels.infoSources}: ${wire.infoSources.map((source) => source.name).join(', ')}`);
  return { withdrawn, lines };
}

/** An instant as day and time in this machine's time zone. */
export function formatInstant(iso: string, labels: Labels): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatInstantDay(iso, labels)} ${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
