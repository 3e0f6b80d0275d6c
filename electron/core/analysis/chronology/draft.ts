import { sentenceSpans } from '../../text/sentences';
import { isStopword, stem } from '../../text/dutch';
import { isRoleWord } from '../name-cues';
import { tokenize } from '../tokens';
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

/** Where a line comes from: a sentence of a story, by paragraph index and character offsets in it. */
export interface ChronologySource {
  storyId: string;
  paragraph: number;
  start: number;
  end: number;
  /** The sentence as written. */
  sentence: string;
  /** The date expression in it, as written ("afgelopen dinsdag"). */
  dateText: string;
}

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
        const candidate = candidateOf(story, index, text.slice(span.start, span.end), dateline + span.start, lead);
        if (candidate) candidates.push(candidate);
      });
    });
  }
  return merge(candidates)
    .map(lineOf)
    .sort((a, b) => a.date.date.localeCompare(b.date.date) || precision(b.date) - precision(a.date));
}

function candidateOf(story: ChronologyStory, paragraph: number, sentence: string, offset: number, lead: boolean): Candidate | null {
  if (sentence.length < MIN_SENTENCE_CHARS || /\?["”’»)]*$/u.test(sentence) || REPORT_ONLY.test(sentence) || FORECAST.test(sentence)) return null;
  const tense = tenseOf(sentence);
  let mention = eventDate(findDates(sentence, story.date));
  // A story's lead tells the news of its day: in the past tense and without a date of its
  // own ("Poetin en Kim hebben een verdrag getekend"), it happened on the story's date.
  const fromStoryDate = !mention && lead && hasPastVerb(sentence) && story.date !== null && /^\d{4}-\d{2}-\d{2}/.test(story.date);
  if (fromStoryDate) mention = { start: 0, end: 0, text: '', value: { granularity: 'day', date: story.date!.slice(0, 10) }, relative: true, role: 'point' };
  if (!mention?.value) return null;
  let confidence = 0.5;
  if (!mention.relative) confidence += 0.2;
  if (mention.value.granularity === 'day') confidence += 0.1;
  if (tense === 'past') confidence += 0.15;
  if (tense === 'future') confidence -= 0.15;
  if (fromStoryDate) confidence -= 0.1;
  // Inside a quotation the date is the speaker's, and the sentence is what was said.
  if (/^["“„'‘«]/u.test(sentence)) confidence -= 0.15;
  return {
    date: mention.value,
    relative: mention.relative,
    confidence: Math.max(0.05, Math.min(1, confidence)),
    ...contentTerms(sentence, mention),
    source: { storyId: story.id, paragraph, start: offset, end: offset + sentence.length, sentence, dateText: mention.text },
  };
}

/**
 * The date a sentence's event happened on: its first date that names a moment. A span
 * ("sinds 2014", "tot juni") describes a state, not an event; a sentence whose only
 * dates are spans yields no line.
 */
function eventDate(mentions: DateMention[]): DateMention | undefined {
  return mentions.find((mention) => mention.role === 'point' && mention.value !== null);
}

function contentTerms(sentence: string, mention: DateMention): { events: Set<string>; names: Set<string> } {
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
  const confidence = Math.min(1, Math.max(...group.map((member) => member.confidence)) + 0.05 * (group.length - 1));
  return {
    key: `${first.storyId}:${first.paragraph}:${first.start}`,
    date: lead.date,
    summary: lead.source.sentence,
    sources: group.map((member) => member.source),
    confidence: Math.round(confidence * 100) / 100,
  };
}
