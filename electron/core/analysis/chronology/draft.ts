import { sentenceSpans } from '../../text/sentences';
import { isStopword, stem } from '../../text/dutch';
import { isRoleWord } from '../name-cues';
import { tokenize } from '../tokens';
import type { ChronologySource as SharedChronologySource } from '../../../../shared/types';
import { findDates, hasPastVerb, tenseOf, type DateMention, type DateValue } from './dates';

// A draft chronology from a set of stories: every sentence that says when something
// happened becomes a line (its date as precise as the text allows, the sentence itself
// as the summary: an extract, never invented text, and where it came from); lines from
// several stories about the same happening on the same date are merged with all their
// sources kept. Pure: the caller reads the stories, the editor decides what stays.

export interface ChronologyStory {
  id: string;
  /** The story's date (`YYYY-MM-DD…`), the anchor for relative dates; null when unknown. */
  date: string | null;
  /** The story's body blocks in reading order (headings included: their index is the paragraph's), without the headline. */
  paragraphs: readonly string[];
  /** Index of the lead paragraph (the first that is not a heading); 0 when not given. */
  lead?: number;
}

/** Where a line comes from: a sentence of a story, and the date expression in it as written ("afgelopen dinsdag"). */
export type ChronologySource = SharedChronologySource & { dateText: string };

export interface DraftLine {
  /** Stable across drafts of the same sources: the first source's story, paragraph and sentence start. */
  key: string;
  date: DateValue;
  /** One sentence in the text's own words: the most precise source's sentence. */
  summary: string;
  sources: ChronologySource[];
  /** 0–1: how sure the draft is that this is a real dated event (a full date in a past-tense sentence is surest). */
  confidence: number;
}

interface Candidate {
  date: DateValue;
  source: ChronologySource;
  confidence: number;
  /** What the sentence says happened: its content words written in lower case (stems). */
  events: Set<string>;
  /** Who and where: its capitalised words (stems); one shared name is not one event. */
  names: Set<string>;
  relative: boolean;
  /**
   * For a subordinate clause's own line: the offset in its paragraph that names the line
   * (inside its sentence, so no other sentence's line has it); the main event's line is
   * named by the sentence's start.
   */
  keyAt?: number;
}

/** Sentences shorter than this are furniture ("Dinsdag.", a time stamp), not events. */
const MIN_SENTENCE_CHARS = 25;
/** Share of the shorter sentence's content two sentences must have in common to describe one happening (names count half). */
const SAME_EVENT_SIMILARITY = 0.5;
/** The same within one story, where two sentences are two events unless one repeats the other. */
const SAME_STORY_SIMILARITY = 0.8;

// An agency dateline opening a paragraph (`PYONGYANG (ANP/RTR) - `) is not part of its first sentence.
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M}\s.'’/-]{1,60}\s\([^)]{1,40}\)\s*[-–—]\s*/u;
// A sentence that expects or fears something is a forecast, not an event ("Meteorologen verwachten dat de regen woensdag afneemt").
const FORECAST = /(?<![\p{L}])(?:verwacht|verwachten|voorspelt|voorspellen|hoopt|hopen|vreest|vrezen|denkt|denken|rekent|rekenen)\s+(?:[\p{L}-]+\s+){0,4}?(?:dat|op)(?![\p{L}])/u;
// A sentence that only says who reported the news and when ("Dat meldden de staatsmedia maandag.").
const REPORT_ONLY = /^(?:dat|dit|zo|dat is|dat heeft)\s+(?:\p{L}+\s+){0,2}?(?:meld|zeg|zei|schre|schrijf|bericht|verklaar|bevestig|liet|laat|maakt|maakte|zegt|meldt)/iu;

/** The draft chronology of `stories`, oldest first; lines of equal date keep the stories' order. */
export function draftChronology(stories: readonly ChronologyStory[]): DraftLine[] {
  const candidates: Candidate[] = [];
  for (const story of stories) {
    story.paragraphs.forEach((paragraph, index) => {
      const dateline = DATELINE.exec(paragraph)?.[0].length ?? 0;
      const text = paragraph.slice(dateline);
      sentenceSpans(text).forEach((span, k) => {
        const lead = index === (story.lead ?? 0) && k === 0;
        candidates.push(...candidateOf(story, index, text.slice(span.start, span.end), dateline + span.start, lead));
      });
    });
  }
  return merge(candidates)
    .map(lineOf)
    .sort((a, b) => a.date.date.localeCompare(b.date.date) || precision(b.date) - precision(a.date));
}

function candidateOf(story: ChronologyStory, paragraph: number, sentence: string, offset: number, lead: boolean): Candidate[] {
  if (sentence.length < MIN_SENTENCE_CHARS || /\?["”’»)]*$/u.test(sentence) || REPORT_ONLY.test(sentence)) return [];
  const clauses = subordinateClauses(sentence);
  const main = mainClauseText(sentence, clauses);
  const tense = tenseOf(clauses.length ? main : sentence);
  const mentions = resolveDates(sentence, story.date, clauses);
  const inClause = (mention: DateMention) => clauses.find((clause) => mention.start >= clause.start && mention.end <= clause.end);
  // A main clause that expects or fears something is a forecast, not an event; its subordinate clauses may still tell one.
  const forecast = FORECAST.test(clauses.length ? main : sentence) || /(?<![\p{L}])naar verwachting(?![\p{L}])/iu.test(clauses.length ? main : sentence);
  const candidates: Candidate[] = [];
  const source = (dateText: string): ChronologySource => ({ storyId: story.id, paragraph, start: offset, end: offset + sentence.length, sentence, dateText });
  const storyDay: DateValue | null = story.date !== null && /^\d{4}-\d{2}-\d{2}/.test(story.date) ? { granularity: 'day', date: story.date.slice(0, 10) } : null;

  // The main event: a date of the main clause; a date inside a subordinate clause
  // ("…, waar hij 24 jaar geleden voor het laatst was") dates that clause only.
  let mention = forecast ? undefined : eventDate(mentions.filter((m) => !inClause(m)));
  let fromStoryDate = false;
  const subordinateDated = mentions.some((m) => m.role === 'point' && m.value && inClause(m));
  if (!mention && storyDay && !forecast) {
    // A story's lead tells the news of its day: in the past tense and without a date of its
    // own ("Poetin en Kim hebben een verdrag getekend"), it happened on the story's date; so
    // does a main clause in the present or perfect tense whose only date belongs to a
    // subordinate clause ("Poetin is in Pyongyang, waar hij …").
    const leadOfDay = lead && hasPastVerb(main);
    const nowBeside = subordinateDated && speaksOfNow(main) && !REPORTING_MAIN.test(main.trim());
    if (leadOfDay || nowBeside) {
      mention = { start: 0, end: 0, text: '', value: storyDay, relative: true, role: 'point' };
      fromStoryDate = true;
    }
  }
  if (mention?.value) {
    let confidence = 0.5;
    if (!mention.relative) confidence += 0.2;
    if (mention.value.granularity === 'day') confidence += 0.1;
    if (tense === 'past') confidence += 0.15;
    if (tense === 'future') confidence -= 0.15;
    if (fromStoryDate) confidence -= 0.1;
    // Inside a quotation the date is the speaker's, and the sentence is what was said.
    if (/^["“„'‘«]/u.test(sentence)) confidence -= 0.15;
    const before = removedBefore(clauses, mention.start);
    const at = { start: mention.start - before, end: mention.end - before };
    candidates.push({
      date: mention.value,
      relative: mention.relative,
      confidence: clamp(confidence),
      ...contentTerms(main, fromStoryDate ? { start: 0, end: 0 } : at),
      source: source(mention.text),
    });
  }

  // A subordinate clause that is a full event of its own ("…, nadat het parlement het
  // verdrag vorig jaar had goedgekeurd") becomes its own line with its own date.
  for (const clause of clauses) {
    const dated = eventDate(mentions.filter((m) => inClause(m) === clause));
    if (!dated?.value || !fullEvent(sentence.slice(clause.start, clause.end))) continue;
    if (candidates.some((c) => c.date.granularity === dated.value!.granularity && c.date.date === dated.value!.date)) continue;
    let confidence = 0.45;
    if (!dated.relative) confidence += 0.2;
    if (dated.value.granularity === 'day') confidence += 0.1;
    if (/^["“„'‘«]/u.test(sentence)) confidence -= 0.15;
    const text = sentence.slice(clause.start, clause.end);
    candidates.push({
      date: dated.value,
      relative: dated.relative,
      confidence: clamp(confidence),
      ...contentTerms(text, { start: dated.start - clause.start, end: dated.end - clause.start }),
      source: source(dated.text),
      keyAt: offset + clause.start + 1,
    });
  }
  return candidates;
}

const clamp = (confidence: number) => Math.max(0.05, Math.min(1, confidence));

export interface Clause {
  start: number;
  end: number;
}

// Words that open a subordinate or relative clause. "sinds" and "tot" open one only
// before a pronoun ("sinds hij aantrad"); before a date they are prepositions ("sinds 2019").
const SUBORDINATOR = /^(?:waar|waarna|waarbij|waarin|waarop|waarmee|waardoor|waarvoor|toen|nadat|voordat|terwijl|omdat|doordat|zodat|hoewel|ofschoon|nu|als|wanneer|zoals|die|dat|wat|wie|(?:sinds|totdat|tot)(?=\s+(?:hij|zij|ze|het|men|wij|we|ik|u|jullie|er)(?![\p{L}])))(?![\p{L}])/iu;
// Inside a clause without a comma before it: a relative pronoun or conjunction after a
// noun or a verb of saying ("het verdrag dat vorig jaar werd getekend", "zei dat …").
const INNER_SUBORDINATOR = /(?<=[\p{L}"”’]\s+)(?:waar|waarna|waarbij|waarin|waarop|toen|nadat|voordat|terwijl|omdat|doordat|zodat|hoewel|die(?!\s+(?:dag|week|maand|jaar|tijd|periode|keer|avond|nacht|ochtend|middag)(?![\p{L}]))|dat(?!\s+(?:jaar|moment|land|verdrag|akkoord|plan|bezoek|bericht|is|was|werd|heeft|had)(?![\p{L}])))(?![\p{L}])/giu;
// Quoted text keeps its own clauses: only the narration around it is split.
const QUOTED = /["“„«][^"”»]*["”»]/gu;

/**
 * The sentence's subordinate and relative clauses: a part between commas (or before the
 * first, or after the last) that opens with a subordinator, and a clause opened inside a
 * part by a relative pronoun or conjunction, up to the part's end.
 */
export function subordinateClauses(sentence: string): Clause[] {
  const masked = sentence.replace(QUOTED, (quote) => ' '.repeat(quote.length));
  const clauses: Clause[] = [];
  let start = 0;
  // Commas inside numbers ("3,3 procent") separate nothing.
  for (const part of masked.split(/(,(?!\d)|[;:](?!\d)|\s[-–—]\s)/u)) {
    const end = start + part.length;
    if (!/^(?:[,;:]|\s[-–—]\s)$/u.test(part)) {
      const lead = part.length - part.trimStart().length;
      if (SUBORDINATOR.test(part.trimStart())) {
        // The first part of a sentence is subordinate only when a main clause follows it.
        if (start > 0 || end < masked.length) clauses.push({ start: start + lead, end });
      } else {
        INNER_SUBORDINATOR.lastIndex = 0;
        const inner = INNER_SUBORDINATOR.exec(part);
        if (inner && inner.index > lead) clauses.push({ start: start + inner.index, end });
      }
    }
    start = end;
  }
  return clauses;
}

function mainClauseText(sentence: string, clauses: Clause[]): string {
  let text = '';
  let at = 0;
  for (const clause of clauses) {
    text += sentence.slice(at, clause.start);
    at = clause.end;
  }
  return text + sentence.slice(at);
}

/**
 * The date expressions of a sentence, each resolved with the tense of its own clause: in
 * "Het water bereikt dinsdag Wroclaw, dat in 1997 zwaar werd getroffen" the past tense of
 * the relative clause does not turn the main clause's Tuesday into last Tuesday.
 */
export function resolveDates(sentence: string, anchor: string | null, clauses: Clause[] = subordinateClauses(sentence)): DateMention[] {
  if (clauses.length === 0) return findDates(sentence, anchor);
  // A clause whose verbs say nothing of its tense takes the sentence's.
  const tenseText = (text: string) => (hasPastVerb(text) || tenseOf(text) !== 'past' ? text : sentence);
  const main = findDates(sentence, anchor, tenseText(mainClauseText(sentence, clauses)));
  return main.map((mention) => {
    const clause = clauses.find((c) => mention.start >= c.start && mention.end <= c.end);
    if (!clause) return mention;
    const own = findDates(sentence, anchor, tenseText(sentence.slice(clause.start, clause.end))).find((m) => m.start === mention.start && m.end === mention.end);
    return own ?? mention;
  });
}

/** How many characters of subordinate clauses lie before `position`, to map a sentence offset into the main clause's text. */
function removedBefore(clauses: Clause[], position: number): number {
  let removed = 0;
  for (const clause of clauses) if (clause.end <= position) removed += clause.end - clause.start;
  return removed;
}

// A main clause that only says who reported something ("Hij zei", "Rusland meldt") is no event.
const REPORTING_MAIN = /^(?:[\p{L}-]+\s+){0,7}?(?:zei|zeiden|zegt|zeggen|meldt|melden|meldde|meldden|schrijft|schreef|verklaart|verklaarde|laat weten|liet weten|bevestigt|bevestigde|stelt|stelde|benadrukt|benadrukte|denkt|hoopt|vreest|wijst erop)(?:\s+\p{L}+){0,4}[\s,.]*$/iu;

/** Does the main clause speak of now, in the present or perfect tense ("is in Pyongyang", "heeft getekend")? */
function speaksOfNow(main: string): boolean {
  if (tenseOf(main) === 'future' || PAST_SIMPLE.test(main)) return false;
  return PRESENT_FINITE.test(main) || tenseOf(main) === 'present';
}
const PRESENT_FINITE = /(?<![\p{L}])(?:is|zijn|heeft|hebben|wordt|worden|blijft|blijven|staat|staan|ligt|liggen|zit|zitten)(?![\p{L}])/iu;
const PAST_SIMPLE = /(?<![\p{L}])(?:was|waren|werd|werden|had|hadden)(?![\p{L}])/iu;

/** Is a subordinate clause an event of its own: a finite verb in the past or perfect tense and some content? */
function fullEvent(clause: string): boolean {
  const words = clause.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  // "terwijl" sets a background beside the main event ("…, terwijl die in november nog boven de 4 procent lag").
  if (words.length < 4 || /^terwijl$/iu.test(words[0]!)) return false;
  // A Dutch subordinate clause ends on its verb: "…, toen de zaak in juli voor het eerst diende".
  const last = words.at(-1)!.replace(/[^\p{L}]+$/u, '');
  if (hasPastVerb(clause) || /^\p{Ll}{3,}(?:de|te|den|ten)$/u.test(last)) return true;
  // In the present tense a clause tells an event of its day ("…, die maandag gevierd wordt"),
  // not what must or will happen ("…, dat de vaargeul eind mei weer open moet zijn").
  return PRESENT_FINITE.test(clause) && !MODAL.test(clause);
}
const MODAL = /(?<![\p{L}])(?:moet|moeten|zal|zullen|gaat|gaan|kan|kunnen|wil|willen|mag|mogen|hoeft|hoeven)(?![\p{L}])/iu;

/**
 * The date a sentence's event happened on: its first date that names a moment. A span
 * ("sinds 2014", "tot juni") describes a state, not an event; a sentence whose only
 * dates are spans yields no line.
 */
function eventDate(mentions: DateMention[]): DateMention | undefined {
  return mentions.find((mention) => mention.role === 'point' && mention.value !== null);
}

function contentTerms(sentence: string, mention: { start: number; end: number }): { events: Set<string>; names: Set<string> } {
  // The date expression itself says nothing about what happened.
  const text = sentence.slice(0, mention.start) + ' ' + sentence.slice(mention.end);
  const events = new Set<string>();
  const names = new Set<string>();
  for (const token of tokenize(text)) {
    const word = token.folded;
    if (word.length <= 2 || /\d/.test(word) || isStopword(word) || isRoleWord(word)) continue;
    (token.cap || token.allCaps ? names : events).add(stem(word));
  }
  return { events, names };
}

/**
 * How much of the shorter sentence's content the two share (0–1), names weighing half;
 * 0 unless they share at least one word of what happened, since sentences about the same
 * people on the same day are often different events.
 */
function sameEventScore(a: Candidate, b: Candidate): number {
  const sharedEvents = count(a.events, b.events);
  if (sharedEvents === 0) return 0;
  const shared = sharedEvents + 0.5 * count(a.names, b.names);
  const size = (c: Candidate) => c.events.size + 0.5 * c.names.size;
  return shared < 2 ? 0 : shared / Math.min(size(a), size(b));
}

function count(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared;
}

const precision = (date: DateValue) => ({ year: 0, month: 1, week: 2, day: 3 })[date.granularity];

/** Does one period lie within the other (a day in its month, a month in its year)? */
function within(a: DateValue, b: DateValue): boolean {
  const [outer, inner] = precision(a) <= precision(b) ? [a, b] : [b, a];
  if (outer.granularity === 'year') return inner.date.slice(0, 4) === outer.date.slice(0, 4);
  if (outer.granularity === 'month') return inner.date.slice(0, 7) === outer.date.slice(0, 7);
  if (outer.granularity === 'week') {
    const start = Date.parse(outer.date);
    const at = Date.parse(inner.date);
    return at >= start && at < start + 7 * 86_400_000;
  }
  return inner.date === outer.date;
}

/** Groups candidates that describe one happening: periods that agree and sentences that share most content. */
function merge(candidates: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const candidate of candidates) {
    let best: Candidate[] | undefined;
    let bestScore = 0;
    for (const group of groups) {
      if (!group.every((member) => within(member.date, candidate.date))) continue;
      // Two sentences of one story are two events unless they repeat each other closely.
      const sameStory = group.some((member) => member.source.storyId === candidate.source.storyId);
      let score = 0;
      for (const member of group) score = Math.max(score, sameEventScore(member, candidate));
      if (score < (sameStory ? SAME_STORY_SIMILARITY : SAME_EVENT_SIMILARITY) || score <= bestScore) continue;
      best = group;
      bestScore = score;
    }
    if (best) best.push(candidate);
    else groups.push([candidate]);
  }
  return groups;
}

function lineOf(group: Candidate[]): DraftLine {
  // The most precise date; among equals an absolute one, then the surest sentence.
  const lead = [...group].sort(
    (a, b) => precision(b.date) - precision(a.date) || Number(a.relative) - Number(b.relative) || b.confidence - a.confidence,
  )[0]!;
  const first = group[0]!.source;
  const keyAt = group[0]!.keyAt ?? first.start;
  const confidence = Math.min(1, Math.max(...group.map((member) => member.confidence)) + 0.05 * (group.length - 1));
  return {
    key: `${first.storyId}:${first.paragraph}:${keyAt}`,
    date: lead.date,
    summary: lead.source.sentence,
    sources: group.map((member) => member.source),
    confidence: Math.round(confidence * 100) / 100,
  };
}
