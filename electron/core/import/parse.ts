import type { BodyBlock, Dateline } from '../../../shared/types';
import { matchLeadingAgeLabel, matchTrailingAgeLabel } from './age-label';
import { findGluedDateline, matchDateline, type DatelineMatch } from './dateline';
import { firstSentence } from './sentence';

// Parser for a news-site page copied as text (the format of the sample stories in seeds/):
//
//   Headline
//   PLACE (AGENCY/AGENCY) - Lead paragraph.
//   Paragraph.
//   Short subheading
//   Paragraph.
//   Meer uit Buitenland
//   PLACE (AGENCY) - Brief text.
//   1 uur geledenPLACE (AGENCY) - Next brief.
//   2 uur geleden
//
// Anything the rules cannot place is reported as a warning, never dropped
// silently and never moved into the article body.

export interface ParsedArticle {
  headline: string;
  dateline: Dateline;
  section: string | null;
  /** The lead paragraph (without its dateline prefix) first, then paragraphs and subheadings. */
  body: BodyBlock[];
}

export interface ParsedBrief {
  /** First sentence of the text. */
  headline: string;
  dateline: Dateline;
  /** Full text without the dateline prefix or age label. */
  text: string;
  /** `1 uur geleden` as printed on the page, or null when the page had none. */
  ageLabel: string | null;
}

export interface ParsedPage {
  article: ParsedArticle | null;
  briefs: ParsedBrief[];
  warnings: string[];
}

export type ParseResult = { ok: true; page: ParsedPage } | { ok: false; code: 'no-headline'; reason: string };

export const HEADLINE_MAX_CHARS = 300;
/** Longer lines are paragraphs even without closing punctuation. */
export const SUBHEADING_MAX_CHARS = 80;
/** Short lines (a date, a byline) tolerated between the headline and the dateline. */
const MAX_LINES_BEFORE_DATELINE = 2;
const SECTION_MAX_CHARS = 60;
const SECTION_MAX_WORDS = 6;

interface Line {
  text: string;
  /** 1-based line number in the file, for warnings. */
  number: number;
}

interface SectionMarker {
  section: string | null;
  /** A brief glued to the marker (`Meer uit BuitenlandNEW YORK (ANP) - …`), or ''. */
  after: string;
}

export function parseWirePage(text: string): ParseResult {
  if (!hasLetter(text)) return noHeadline('The text contains no letters, so there is no headline or story to import.');
  const warnings = new Warnings();
  const lines = toLines(text);

  let start = 0;
  while (!hasLetter(lines[start]!.text)) {
    warnings.repeatable('letterless', `Skipped line ${lines[start]!.number} before the headline because it has no letters: ${quote(lines[start]!.text)}.`, (more) =>
      `Skipped ${plural(more, 'more line', 'more lines')} without letters before the headline.`,
    );
    start++;
  }
  const first = lines[start]!;
  const marker = sectionMarker(first.text);
  if (marker || opensBrief(first.text)) return parseBriefsOnly(lines.slice(start), marker, warnings);

  let headline = first.text;
  let rest = lines.slice(start + 1);
  const glued = findGluedDateline(headline);
  if (glued && hasLetter(glued.before)) {
    headline = glued.before;
    rest = [{ text: glued.after, number: first.number }, ...rest];
    warnings.push(`The headline and the first paragraph were on one line (line ${first.number}); they were split at the dateline.`);
  }
  if (headline.length > HEADLINE_MAX_CHARS) {
    return noHeadline(
      `The first line is ${headline.length} characters long, too long for a headline (at most ${HEADLINE_MAX_CHARS}). A story should start with its headline on a line of its own.`,
    );
  }

  const boundary = rest.findIndex((line) => sectionMarker(line.text) !== null);
  if (boundary === -1) {
    warnAboutUnmarkedBriefs(rest, warnings);
    return { ok: true, page: { article: parseArticle(headline, rest, null, warnings), briefs: [], warnings: warnings.list() } };
  }
  const found = sectionMarker(rest[boundary]!.text)!;
  const article = parseArticle(headline, rest.slice(0, boundary), found.section, warnings);
  const briefLines = rest.slice(boundary + 1);
  if (found.after) briefLines.unshift({ text: found.after, number: rest[boundary]!.number });
  return { ok: true, page: { article, briefs: parseBriefs(briefLines, found.section, warnings), warnings: warnings.list() } };
}

/** No headline before the first dateline: a list of briefs (or an article without a headline). */
function parseBriefsOnly(lines: Line[], marker: SectionMarker | null, warnings: Warnings): ParseResult {
  const briefLines = marker ? lines.slice(1) : lines;
  if (marker?.after) briefLines.unshift({ text: marker.after, number: lines[0]!.number });
  const briefs = parseBriefs(briefLines, marker?.section ?? null, warnings);
  if (briefs.length === 0) {
    return noHeadline(
      marker
        ? `The text starts with ${quote(lines[0]!.text)} and no brief follows it, so there is no headline or story to import.`
        : 'The text has no headline line and no brief could be read from it.',
    );
  }
  warnings.unshift('The text has no headline line before its first dateline, so only its briefs were imported.');
  return { ok: true, page: { article: null, briefs, warnings: warnings.list() } };
}

// ---------------------------------------------------------------- article

function parseArticle(headline: string, rawLines: Line[], section: string | null, warnings: Warnings): ParsedArticle {
  const lines = joinContinuations(rawLines, warnings);
  const lead = findLead(lines);
  const body: BodyBlock[] = [];
  let rest = lines;

  if (lead) {
    if (lead.before.length) {
      for (const text of lead.before) body.push(paragraph(text));
      warnings.push(`Kept ${lead.before.map((text) => quote(text)).join(', ')} between the headline and the dateline as ${lead.before.length === 1 ? 'a paragraph' : 'paragraphs'}.`);
    }
    rest = lines.slice(lead.index + 1);
    let leadText = lead.match.rest;
    // The dateline may stand on its own line with the lead paragraph below it.
    if (leadText === '' && rest.length) {
      leadText = rest[0]!.text;
      rest = rest.slice(1);
    }
    if (leadText) body.push(paragraph(leadText));
  } else if (lines.length) {
    warnings.push(`The story has no dateline: its first paragraph does not start with "PLACE (AGENCY) - ". It was imported without place and agencies.`);
  }
  // No spread: a file of a million lines would overflow the call stack.
  for (const block of classifyBlocks(rest)) body.push(block);
  if (body.length === 0) warnings.push('The story has only a headline, no body text.');
  return { headline, dateline: lead?.match.dateline ?? { place: '', agencies: [] }, section, body };
}

interface Lead {
  /** Index of the line holding the dateline. */
  index: number;
  match: DatelineMatch;
  /** Short lines (or a glued prefix) before the dateline, such as a date or byline. */
  before: string[];
}

/** The dateline in the first paragraph, or in one of the next lines after a date or byline line. */
function findLead(lines: Line[]): Lead | null {
  const before: string[] = [];
  for (let index = 0; index < Math.min(lines.length, MAX_LINES_BEFORE_DATELINE + 1); index++) {
    const text = lines[index]!.text;
    const match = matchDateline(text);
    if (match) return { index, match, before };
    const glued = findGluedDateline(text);
    if (glued && glued.before.length <= SUBHEADING_MAX_CHARS) {
      return { index, match: matchDateline(glued.after)!, before: glued.before ? [...before, glued.before] : before };
    }
    if (text.length > SUBHEADING_MAX_CHARS || endsSentence(text)) return null;
    before.push(text);
  }
  return null;
}

/** A short line without closing punctuation followed by a paragraph is a subheading. */
function classifyBlocks(lines: Line[]): BodyBlock[] {
  return lines.map((line, index) => {
    const next = lines[index + 1];
    const heading = isSubheadingCandidate(line.text) && next !== undefined && !isSubheadingCandidate(next.text);
    return heading ? { type: 'heading', text: line.text } : paragraph(line.text);
  });
}

/** Lines a site puts between paragraphs that are short and unpunctuated but not subheadings. */
const NOT_A_SUBHEADING = [
  /^(?:foto|beeld|video|illustratie|bron|tekst|credits?)\s*[:©|]/iu, // photo credits and captions
  /©/u,
  /^(?:lees|bekijk|kijk|luister)\s+(?:ook|meer|hier|de|het)\b/iu, // links to other stories
  /^advertentie$/iu,
];

function isSubheadingCandidate(text: string): boolean {
  if (text.length > SUBHEADING_MAX_CHARS || endsSentence(text) || /[,;]$/u.test(text)) return false;
  // Lower case at the start is a broken-off sentence, not a heading.
  if (!/^[\p{Lu}\p{N}"“'‘]/u.test(text)) return false;
  if (matchDateline(text)) return false;
  return !NOT_A_SUBHEADING.some((pattern) => pattern.test(text));
}

/** Closing punctuation: a line ending like this is a sentence, never a subheading. */
function endsSentence(text: string): boolean {
  return /[.!?:"”’'»)\]…]$/u.test(text);
}

/**
 * A line that does not end a sentence followed by one that starts in lower case
 * is one paragraph broken across lines (hard-wrapped text): join them.
 */
function joinContinuations(lines: Line[], warnings: Warnings): Line[] {
  // Parts are collected and joined once: growing one string line by line and
  // testing its end each time would be quadratic on a hostile file.
  const out: { number: number; parts: string[] }[] = [];
  let joined = 0;
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous && !endsSentence(previous.parts.at(-1)!) && /^\p{Ll}/u.test(line.text) && !matchLeadingAgeLabel(line.text)) {
      previous.parts.push(line.text);
      joined++;
    } else {
      out.push({ number: line.number, parts: [line.text] });
    }
  }
  if (joined) warnings.push(`Joined ${plural(joined, 'line', 'lines')} to the line before because ${joined === 1 ? 'it continues' : 'they continue'} a sentence (the text looks hard-wrapped).`);
  return out.map((line) => ({ number: line.number, text: line.parts.join(' ') }));
}

/** Without a `Meer uit` line, brief-like lines stay in the body; say so, because the page is probably missing that line. */
function warnAboutUnmarkedBriefs(lines: Line[], warnings: Warnings): void {
  const briefLike = lines.filter((line) => matchLeadingAgeLabel(line.text)?.rest);
  if (briefLike.length === 0) return;
  warnings.push(
    `${plural(briefLike.length, 'line in the body looks', 'lines in the body look')} like a brief from the site (an age label followed by a dateline, first on line ${briefLike[0]!.number}), but the page has no "Meer uit …" line, so ${briefLike.length === 1 ? 'it was' : 'they were'} kept in the body.`,
  );
}

// ---------------------------------------------------------------- briefs

function parseBriefs(rawLines: Line[], section: string | null, warnings: Warnings): ParsedBrief[] {
  const where = section ? `after "Meer uit ${section}"` : 'among the briefs';
  const briefs: ParsedBrief[] = [];
  for (const line of joinContinuations(rawLines, warnings)) {
    let text = line.text;
    const marker = sectionMarker(text);
    if (marker) {
      // Another section's heading further down the page: furniture.
      if (!marker.after) continue;
      text = marker.after;
    }
    const age = matchLeadingAgeLabel(text);
    if (age) {
      attachAgeLabel(briefs, age.label, line.number, warnings);
      text = age.rest;
      if (!text) continue;
    }
    const dated = matchDateline(text);
    if (!dated) {
      warnings.repeatable('not-a-brief', `Line ${line.number} ${where} is not a brief (it does not start with a dateline such as "PLACE (ANP) - "), so it was not imported: ${quote(text, 300)}.`, (more) =>
        `${plural(more, 'more line', 'more lines')} ${where} ${more === 1 ? 'is' : 'are'} not a brief and ${more === 1 ? 'was' : 'were'} not imported.`,
      );
      continue;
    }
    let briefText = dated.rest;
    let ageLabel: string | null = null;
    const trailing = matchTrailingAgeLabel(briefText);
    if (trailing) ({ text: briefText, label: ageLabel } = trailing);
    if (!briefText) {
      warnings.repeatable('empty-brief', `Line ${line.number} has a dateline (${dated.dateline.place}) but no text, so it was skipped.`, (more) =>
        `${plural(more, 'more line has', 'more lines have')} a dateline but no text and ${more === 1 ? 'was' : 'were'} skipped.`,
      );
      continue;
    }
    briefs.push({ headline: firstSentence(briefText), dateline: dated.dateline, text: briefText, ageLabel });
  }
  return briefs;
}

/** An age label belongs to the brief before it. */
function attachAgeLabel(briefs: ParsedBrief[], label: string, lineNumber: number, warnings: Warnings): void {
  const last = briefs.at(-1);
  if (last && last.ageLabel === null) last.ageLabel = label;
  else {
    warnings.repeatable('orphan-age', `The age label "${label}" on line ${lineNumber} has no brief before it, so it was ignored.`, (more) =>
      `${plural(more, 'more age label', 'more age labels')} without a brief before ${more === 1 ? 'it was' : 'them were'} ignored.`,
    );
  }
}

// ---------------------------------------------------------------- lines

/** Warnings that can repeat once per line are capped, so a hostile file cannot produce a million of them. */
const MAX_WARNINGS_PER_KIND = 5;

class Warnings {
  private readonly messages: string[] = [];
  private readonly repeats = new Map<string, { count: number; summary: (more: number) => string }>();

  push(message: string): void {
    this.messages.push(message);
  }

  unshift(message: string): void {
    this.messages.unshift(message);
  }

  /** One warning of a kind that can occur on many lines; past the cap only a count is kept. */
  repeatable(kind: string, message: string, summary: (more: number) => string): void {
    const seen = this.repeats.get(kind) ?? { count: 0, summary };
    seen.count++;
    this.repeats.set(kind, seen);
    if (seen.count <= MAX_WARNINGS_PER_KIND) this.messages.push(message);
  }

  list(): string[] {
    const overflow = [...this.repeats.values()].filter((kind) => kind.count > MAX_WARNINGS_PER_KIND);
    return [...this.messages, ...overflow.map((kind) => kind.summary(kind.count - MAX_WARNINGS_PER_KIND))];
  }
}

const SECTION_LINE = /^meer\s+uit(?:\s+(.+))?$/iu;

/** `Meer uit Buitenland` → section `Buitenland`; null when the line is something else. */
function sectionMarker(line: string): SectionMarker | null {
  const match = SECTION_LINE.exec(line);
  if (!match) return null;
  let section = match[1]?.trim() ?? '';
  let after = '';
  const glued = findGluedDateline(section);
  if (glued) ({ before: section, after } = glued);
  if (section && !isPlausibleSection(section)) return null;
  return { section: section || null, after };
}

function isPlausibleSection(section: string): boolean {
  return section.length <= SECTION_MAX_CHARS && section.split(/\s+/).length <= SECTION_MAX_WORDS && hasLetter(section) && !/[.!?:;,"”]$/u.test(section);
}

function opensBrief(line: string): boolean {
  return matchDateline(line) !== null || Boolean(matchLeadingAgeLabel(line)?.rest);
}

/** Non-blank lines, trimmed, with their line numbers. */
function toLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed) lines.push({ text: trimmed, number: index + 1 });
  });
  return lines;
}

const hasLetter = (text: string) => /\p{L}/u.test(text);
const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', text });
const noHeadline = (reason: string): ParseResult => ({ ok: false, code: 'no-headline', reason });
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function quote(text: string, maxChars = 80): string {
  return `"${text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text}"`;
}
