import { prng, syntheticDoc } from '../core/search/test/synthetic-corpus';
import { ninjsFile, type AnpItem } from './wire-corpus';

// A decade of wire, deterministic from the file's number and the corpus size: what a
// documentation desk's archive looks like after ten years, for `npm run bench`.
//
// - Time: file i of n falls on a day of 2017-01-01 … 2026-12-31 through the inverse of a
//   cumulative news density: a base rate, quieter weekends, and ~8 news-cycle bursts a year
//   (an election, a storm, a war: 2 to 9 times the usual flow for 3 to 25 days, each with a
//   protagonist, a place and words of its own that its stories share). Files come in date
//   order, as an archive is imported.
// - Shape: ~58% agency items as ninjs (dated, ANP), of which ~1 in 9 is a later version of
//   an earlier item (the same guid: a story's update, folded into one story); the rest are
//   pages in the seed format (agencies and datelines weighted as in the seeds), dated by the
//   file's modification time, whose `Meer uit` briefs come from a pool that moves with time,
//   so a brief recurs on pages of the same days and ~25% of the stories are briefs.
// - Text: the seeds' sentences with a Zipf long tail of Dutch compounds and inflections
//   (synthetic-corpus.ts), words with diacritics, and named people and places that recur
//   with a Zipf rank, as real coverage returns to the same names.

const DAY_MS = 86_400_000;
const START = Date.UTC(2017, 0, 1);
const DAYS = Math.round((Date.UTC(2027, 0, 1) - START) / DAY_MS);

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** Zipf-like rank in [0, size): rank 0 most common. */
const zipf = (random: () => number, size: number) => Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1))) - 1);

/** Agencies of a page's dateline, weighted as in the seeds (16 ANP, 11 ANP/AFP, 8 ANP/RTR, 5 all three). */
const AGENCY_WEIGHTS: [string, number][] = [['ANP', 16], ['ANP/AFP', 11], ['ANP/RTR', 8], ['ANP/AFP/RTR', 3], ['ANP/RTR/AFP', 2]];
const AGENCY_TOTAL = AGENCY_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
function agencies(random: () => number): string {
  let roll = random() * AGENCY_TOTAL;
  for (const [name, weight] of AGENCY_WEIGHTS) if ((roll -= weight) < 0) return name;
  return 'ANP';
}

/** Places by how often the wire names them (Zipf rank = position): the seeds' foreign datelines and Dutch towns. */
const PLACES = [
  'DEN HAAG', 'AMSTERDAM', 'BRUSSEL', 'WASHINGTON', 'ROTTERDAM', 'MOSKOU', 'KYIV', 'LONDEN', 'PARIJS', 'BERLIJN', 'GENÈVE', 'UTRECHT',
  'JERUZALEM', 'NEW YORK', 'PEKING', 'GAZA-STAD', 'EINDHOVEN', 'GRONINGEN', 'STRAATSBURG', 'MADRID', 'ROME', 'ISTANBOEL', 'TEHERAN',
  'PYONGYANG', 'MAASTRICHT', 'ARNHEM', 'ZWOLLE', 'LEEUWARDEN', 'DEN BOSCH', 'PRAAG', 'BOEDAPEST', 'WENEN', 'KABUL', 'KHARTOEM',
  'LUXEMBURG', 'DAVOS', 'KHAN YOUNIS', 'LA PAZ', 'MINNEAPOLIS', 'TAMPA', 'TOPEKA', 'VLADIVOSTOK', 'SÃO PAULO', 'BOGOTÁ', 'ZÜRICH',
  'KRAKÓW', 'ODESA', 'CHARKIV', 'BEIROET', 'CAÏRO', 'ANKARA', 'NIJMEGEN', 'TILBURG', 'DELFT', 'LEIDEN', 'HAARLEM', 'ALMERE', 'LELYSTAD',
];

const FIRST = ['Jan', 'Mark', 'Sigrid', 'Wopke', 'Hugo', 'Kajsa', 'Dilan', 'Pieter', 'Femke', 'Geert', 'Caroline', 'Frans', 'Ursula', 'Olaf', 'Emmanuel', 'Joe', 'Volodymyr', 'Recep', 'Zoë', 'Chloë', 'Gülşen', 'Noël', 'Anaïs', 'René', 'Hélène', 'Jürgen', 'Søren', 'Björn', 'Inés', 'Wolodymyr', 'Ahmed', 'Fatma', 'Lotte', 'Sanne', 'Bram', 'Daan', 'Ruud', 'Thierry', 'Agnès', 'José'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', "van 't Hof", 'Öztürk', 'Yılmaz', 'Müller', 'Schröder', 'Gonçalves', 'Núñez', 'Lefèvre', 'Dvořák', 'Kovačević', 'Ødegaard'];
const ROLES = ['minister', 'burgemeester', 'woordvoerder', 'Kamerlid', 'topman', 'hoogleraar', 'advocaat', 'president', 'premier', 'commissaris', 'fractievoorzitter', 'onderzoeker'];

/** Named people, by how often they return (Zipf rank = position). */
const PEOPLE = (() => {
  const random = prng(1917);
  const people = new Set<string>();
  while (people.size < 1_500) people.add(`${pick(random, FIRST)} ${pick(random, LAST)}`);
  return [...people];
})();

/** Words with diacritics and the compounds made with them, as the wire writes them. */
const DIACRITIC_WORDS = ['coöperatie', 'reünie', 'ruïne', 'café', 'financiële', 'geïnteresseerd', 'geëvalueerd', 'Oekraïense', 'België', 'patiënten', 'efficiënt', 'geïnformeerd', 'ideeën', 'zeeën', 'knieën', 'beëindigd', 'naïef', 'coördinatie', 'hyperinflatie', 'privé', 'cliënt', 'geëxporteerd', 'Israëlische', 'asielzoekerscentrum', 'stikstofuitstoot', 'woningbouwcorporatie', 'zorgverzekeraarsbijdrage', 'energiecrisis'];

interface Burst {
  center: number;
  width: number;
  height: number;
  person: string;
  place: string;
  words: string[];
}

interface Timeline {
  bursts: Burst[];
  /** Cumulative news density per day, normalised to end at 1. */
  cumulative: Float64Array;
}

let timeline: Timeline | null = null;

function newsTimeline(): Timeline {
  if (timeline) return timeline;
  const random = prng(2017_2026);
  const bursts: Burst[] = [];
  for (let b = 0; b < 80; b++) {
    const words: string[] = [];
    for (let w = 0; w < 3; w++) words.push(`${pick(random, DIACRITIC_WORDS).toLowerCase()}${pick(random, ['debat', 'crisis', 'akkoord', 'zaak', 'ramp', 'top', 'verkiezingen', 'staking'])}`);
    bursts.push({
      center: Math.floor(random() * DAYS),
      width: 3 + Math.floor(random() * 22),
      height: 1 + random() * 8,
      person: PEOPLE[zipf(random, 200)]!,
      place: PLACES[zipf(random, PLACES.length)]!,
      words,
    });
  }
  const density = new Float64Array(DAYS);
  for (let day = 0; day < DAYS; day++) {
    const weekday = new Date(START + day * DAY_MS).getUTCDay();
    density[day] = weekday === 0 || weekday === 6 ? 0.55 : 1;
    for (const burst of bursts) {
      const distance = Math.abs(day - burst.center);
      if (distance <= burst.width) density[day]! += burst.height * (1 - distance / (burst.width + 1));
    }
  }
  const cumulative = new Float64Array(DAYS);
  let sum = 0;
  for (let day = 0; day < DAYS; day++) cumulative[day] = sum += density[day]!;
  for (let day = 0; day < DAYS; day++) cumulative[day]! /= sum;
  timeline = { bursts, cumulative };
  return timeline;
}

/** The day (0 = 2017-01-01) at fraction `u` of the archive: the inverse of the cumulative density. */
function dayAt(u: number): number {
  const { cumulative } = newsTimeline();
  let low = 0;
  let high = DAYS - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The burst a day belongs to (the strongest one covering it), if any. */
function burstOf(day: number): Burst | null {
  let best: Burst | null = null;
  let strength = 0;
  for (const burst of newsTimeline().bursts) {
    const distance = Math.abs(day - burst.center);
    if (distance > burst.width) continue;
    const own = burst.height * (1 - distance / (burst.width + 1));
    if (own > strength) [best, strength] = [burst, own];
  }
  return best;
}

/** Share of the files that are agency items (ninjs); the rest are seed-format pages. */
const WIRE_SHARE = 0.58;
/** Of the agency files, the share that are a later version of an earlier item. */
const UPDATE_SHARE = 0.11;
/** Distinct briefs in the pool per file (the pool moves with the files, so briefs stay near their pages' days). */
const BRIEFS_PER_FILE = 0.55;
/** Brief ids live far from story ids so the two never share a synthetic document. */
const BRIEF_BASE = 10_000_000;
const BRIEF_AGES = ['8 minuten geleden', '25 minuten geleden', '1 uur geleden', '2 uur geleden', '3 uur geleden', '5 uur geleden'];
const SECTIONS = ['Buitenland', 'Binnenland', 'Economie', 'Politiek', 'Sport', 'Cultuur'];
const SUBHEADINGS = ['Wapens geleverd', 'Versterken banden', 'Grote zorgen', 'Nieuwe gesprekken', 'Kritiek uit Europa', 'Onderzoek loopt', 'Reactie van de oppositie', 'Financiële gevolgen'];
const TOPICS: [string, string][] = [['11000000', 'politiek'], ['04000000', 'economie, bedrijfsleven en financiën'], ['07000000', 'gezondheid'], ['05000000', 'onderwijs'], ['06000000', 'milieu'], ['02000000', 'misdaad, recht en justitie'], ['16000000', 'conflict, oorlog en vrede'], ['15000000', 'sport']];

const isWire = (index: number) => prng(index * 104_729 + 3)() < WIRE_SHARE;

/** The moment file `index` of `size` was sent (ms since the epoch): its day plus a time of day. */
function momentOf(index: number, size: number): number {
  const random = prng(index * 15_485_863 + 11);
  const day = dayAt((index + random()) / size);
  return START + day * DAY_MS + Math.floor((6 + random() * 16) * 3_600_000);
}

/** A person, a place and burst words woven into a story's paragraphs, as coverage names them. */
function named(random: () => number, burst: Burst | null): { person: string; place: string; extra: string[] } {
  const inBurst = burst !== null && random() < 0.6;
  const person = inBurst ? burst.person : PEOPLE[zipf(random, PEOPLE.length)]!;
  const place = inBurst && random() < 0.7 ? burst.place : PLACES[zipf(random, PLACES.length)]!;
  const extra = [`Dat zegt ${pick(random, ROLES)} ${person}.`];
  if (random() < 0.5) extra.push(`${PEOPLE[zipf(random, PEOPLE.length)]} reageerde ${random() < 0.5 ? 'teleurgesteld' : 'verheugd'} op het nieuws uit ${place.charAt(0)}${place.slice(1).toLowerCase()}.`);
  if (inBurst) extra.push(`De ${pick(random, burst.words)} houdt de gemoederen al dagen bezig.`);
  if (random() < 0.4) extra.push(`Volgens betrokkenen is de ${pick(random, DIACRITIC_WORDS).toLowerCase()} nog niet geregeld.`);
  return { person, place, extra };
}

function paragraphsOf(index: number, random: () => number, extra: string[]): { headline: string; paragraphs: string[] } {
  const doc = syntheticDoc(index);
  const paragraphs = doc.body.split('\n');
  for (const sentence of extra) {
    const at = Math.floor(random() * paragraphs.length);
    paragraphs[at] = `${paragraphs[at]} ${sentence}`;
  }
  return { headline: doc.headline.split(' ').slice(0, 4 + Math.floor(random() * 7)).join(' '), paragraphs };
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The agency item first sent as file `base` (version 1), at `version`, sent at `sentAt`. */
function wireItem(base: number, size: number, version: number, sentAt: number): AnpItem {
  const random = prng(base * 7_919 + 101);
  const first = momentOf(base, size);
  const burst = burstOf(Math.floor((first - START) / DAY_MS));
  const { place, extra } = named(random, burst);
  const { headline, paragraphs } = paragraphsOf(base, random, extra);
  paragraphs[0] = `${place} (ANP) - ${paragraphs[0]}`;
  if (version > 1) paragraphs.push(`(Update ${version}) Het bericht is aangevuld met nieuwe informatie (decadeversie${version}bericht${base}).`);
  const topic = pick(random, TOPICS);
  return {
    guid: `urn:newsml:anp.nl:decade:${base}`,
    version,
    place,
    headline: version > 1 ? `${headline} (update)` : headline,
    slugline: `${topic[1].split(',')[0]}-${base % 97}`,
    paragraphs,
    topic,
    firstCreated: isoSeconds(first),
    versionCreated: isoSeconds(sentAt),
  };
}

/** A seed-format page: an article with its dateline, and now and then `Meer uit` with briefs of the same days. */
function pageText(index: number, size: number, moment: number): string {
  const random = prng(index * 31 + 7);
  const burst = burstOf(Math.floor((moment - START) / DAY_MS));
  const { place, extra } = named(random, burst);
  const { headline, paragraphs } = paragraphsOf(index, random, extra);
  const lines = [`${headline} (${index})`, `${place} (${agencies(random)}) - ${paragraphs[0]}`];
  for (let p = 1; p < paragraphs.length; p++) {
    if (p === 2 && random() < 0.4) lines.push(pick(random, SUBHEADINGS));
    lines.push(paragraphs[p]!);
  }
  if (random() < 0.85) {
    lines.push(`Meer uit ${pick(random, SECTIONS)}`);
    if (random() < 0.8) {
      // Briefs of the pool near this file's place in time: the pool has BRIEFS_PER_FILE × size briefs in file order.
      const poolSize = Math.max(1, Math.floor(size * BRIEFS_PER_FILE));
      const around = Math.floor((index / size) * poolSize);
      let prefix = '';
      for (let b = 1 + Math.floor(random() * 4); b > 0; b--) {
        const briefIndex = Math.min(poolSize - 1, Math.max(0, around + Math.floor((random() - 0.5) * 300)));
        const brief = syntheticDoc(BRIEF_BASE + briefIndex);
        const briefRandom = prng(briefIndex);
        const briefPlace = PLACES[zipf(briefRandom, PLACES.length)]!;
        const sentence = brief.body.split('\n')[0]!.split(/(?<=[.!?])\s/).slice(0, 2).join(' ');
        lines.push(`${prefix}${briefPlace} (${agencies(briefRandom)}) - ${sentence} (bericht ${briefIndex})`);
        prefix = pick(random, BRIEF_AGES);
      }
      lines.push(prefix);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface DecadeFile {
  /** File name inside the corpus folder. */
  name: string;
  text: string;
  /** When the file was captured or sent: its modification time (a page's briefs are dated by it). */
  modifiedAt: Date;
}

/** File `index` of a decade corpus of `size` files. Deterministic for a given index and size. */
export function decadeFile(index: number, size: number): DecadeFile {
  const moment = momentOf(index, size);
  if (!isWire(index)) return { name: `story-${index}.txt`, text: pageText(index, size, moment), modifiedAt: new Date(moment) };
  const random = prng(index * 2_654_435 + 5);
  if (index >= 64 && random() < UPDATE_SHARE) {
    // A later version of an earlier agency item (the nearest earlier one among the last 60 files).
    for (let back = 1 + Math.floor(random() * 60); back < 64; back++) {
      const base = index - back;
      if (!isWire(base)) continue;
      const item = wireItem(base, size, 2 + (index % 3 === 0 ? 1 : 0), Math.max(moment, momentOf(base, size) + 3_600_000));
      return { name: `story-${index}.json`, text: ninjsFile(item, 3), modifiedAt: new Date(moment) };
    }
  }
  const item = wireItem(index, size, 1, moment);
  return { name: `story-${index}.json`, text: ninjsFile(item, index % 5 === 0 ? 2 : 3), modifiedAt: new Date(moment) };
}
