import { sentenceSpans } from '../../../text/sentences';
import { draftChronology, resolveDates } from '../draft';
import { extractQuotes } from '../quotes';
import type { LabelledStory } from './labelled';

// Measures the chronology and quote extraction against a labelled set (test/labelled.ts):
// what docs/QUALITY.md reports and quality.test.ts holds to the thresholds.

export interface ChronologyQuality {
  dates: { labelled: number; exact: number; misses: string[] };
  events: { drafted: number; correct: number; labelled: number; found: number; misses: string[]; wrong: string[] };
  quotes: { labelled: number; named: number; found: number; attributed: number; attributedRight: number; wrongPerson: string[]; misses: string[] };
}

const asLabel = (value: { granularity: string; date: string } | null) => (value ? `${value.granularity}:${value.date}` : 'none');

export function measureChronology(stories: readonly LabelledStory[]): ChronologyQuality {
  const quality: ChronologyQuality = {
    dates: { labelled: 0, exact: 0, misses: [] },
    events: { drafted: 0, correct: 0, labelled: 0, found: 0, misses: [], wrong: [] },
    quotes: { labelled: 0, named: 0, found: 0, attributed: 0, attributedRight: 0, wrongPerson: [], misses: [] },
  };
  for (const story of stories) {
    // Date resolution: each labelled expression, in its sentence, with exact granularity.
    for (const label of story.dates) {
      quality.dates.labelled++;
      const paragraph = story.paragraphs.find((text) => text.includes(label.sentence)) ?? '';
      const sentence = paragraph.slice(paragraph.indexOf(label.sentence));
      const mention = resolveDates(sentenceOf(sentence), story.date).find((m) => m.text.includes(label.expression) || label.expression.includes(m.text));
      if (mention && asLabel(mention.value) === label.value) quality.dates.exact++;
      else quality.dates.misses.push(`${story.id}: "${label.expression}" → ${asLabel(mention?.value ?? null)}, expected ${label.value}`);
    }

    // Events: a drafted line is right when one of its sentences is a labelled event with the line's date.
    const lines = draftChronology([{ id: story.id, date: story.date, paragraphs: story.paragraphs }]);
    // One sentence may tell two events (a main clause and a subordinate one): any of its labels counts.
    const eventsOf = (sentence: string) => story.events.filter((event) => sentence.startsWith(event.sentence) || sentence.includes(event.sentence));
    for (const line of lines) {
      quality.events.drafted++;
      const right = line.sources.some((source) => eventsOf(source.sentence).some((event) => event.value === asLabel(line.date)));
      if (right) quality.events.correct++;
      else quality.events.wrong.push(`${story.id}: ${asLabel(line.date)} "${line.summary.slice(0, 60)}"`);
    }
    for (const event of story.events) {
      quality.events.labelled++;
      const found = lines.some((line) => asLabel(line.date) === event.value && line.sources.some((source) => source.sentence.includes(event.sentence)));
      if (found) quality.events.found++;
      else quality.events.misses.push(`${story.id}: ${event.value} "${event.sentence}"`);
    }

    // Quotes: found (by their words and kind); attributed right; never to the wrong person where the text names the speaker.
    const quotes = extractQuotes({ id: story.id, date: story.date, paragraphs: story.paragraphs, people: story.people, organisations: story.organisations ?? [] });
    for (const quote of quotes) if (quote.speaker) quality.quotes.attributed++;
    for (const label of story.quotes) {
      quality.quotes.labelled++;
      if (label.speaker) quality.quotes.named++;
      const quote = quotes.find((q) => q.kind === label.kind && q.text.includes(label.text));
      if (!quote) {
        quality.quotes.misses.push(`${story.id}: ${label.kind} "${label.text}"`);
        continue;
      }
      quality.quotes.found++;
      // Right: the labelled speaker, and of the labelled kind (a person unless the label says organisation or country).
      const kindRight = (quote.speaker?.kind ?? 'person') === (label.speakerKind ?? 'person');
      if (quote.speaker && quote.speaker.name === label.speaker && kindRight) quality.quotes.attributedRight++;
      else if (quote.speaker) quality.quotes.wrongPerson.push(`${story.id}: "${label.text}" → ${quote.speaker.name} (${quote.speaker.kind ?? 'person'}), expected ${label.speaker ?? 'nobody'}`);
      else if (label.speaker) quality.quotes.misses.push(`${story.id}: "${label.text}" unattributed, expected ${label.speaker}`);
    }
  }
  return quality;
}

/** The first sentence of `text` (a labelled sentence's opening up to the end of its paragraph). */
function sentenceOf(text: string): string {
  const span = sentenceSpans(text)[0];
  return span ? text.slice(span.start, span.end) : text;
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** The figures as docs/QUALITY.md shows them. */
export function qualityTable(q: ChronologyQuality): string {
  const pct = (part: number, whole: number) => `${(100 * ratio(part, whole)).toFixed(1)}% (${part}/${whole})`;
  const labelledSpeakers = q.quotes.named;
  return [
    '| figure | measured | target |',
    '|---|---|---|',
    `| date resolution, exact granularity | ${pct(q.dates.exact, q.dates.labelled)} | ≥ 95% |`,
    `| event precision (a drafted line is a real dated event) | ${pct(q.events.correct, q.events.drafted)} | ≥ 90% |`,
    `| event recall (of the events marked) | ${pct(q.events.found, q.events.labelled)} | ≥ 80% |`,
    `| speaker attribution precision | ${pct(q.quotes.attributedRight, q.quotes.attributedRight + q.quotes.wrongPerson.length)} | ≥ 95% |`,
    `| speaker attribution recall (quotes whose speaker the text names, found with that speaker) | ${pct(q.quotes.attributedRight, labelledSpeakers)} | ≥ 85% |`,
    `| quotes given to the wrong person | ${q.quotes.wrongPerson.length} | 0 |`,
  ].join('\n');
}
