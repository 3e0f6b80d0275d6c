import { HELD_OUT, LABELLED, type LabelledStory } from '../core/analysis/chronology/test/labelled';
import { measureChronology, qualityTable } from '../core/analysis/chronology/test/measure';

// `npm run -s quality`: the chronology and quote figures of docs/QUALITY.md, measured on
// the labelled Dutch test set, with every miss listed.
function report(title: string, stories: LabelledStory[]): void {
  const quality = measureChronology(stories);
  console.log(`### ${title}: ${stories.length} labelled stories\n`);
  console.log(qualityTable(quality));
  const misses = [
    ...quality.dates.misses.map((m) => `date: ${m}`),
    ...quality.events.wrong.map((m) => `event drafted wrongly: ${m}`),
    ...quality.events.misses.map((m) => `event missed: ${m}`),
    ...quality.quotes.wrongPerson.map((m) => `quote, wrong person: ${m}`),
    ...quality.quotes.misses.map((m) => `quote missed: ${m}`),
  ];
  if (misses.length) console.log(`\nWhat was missed:\n${misses.map((m) => `- ${m}`).join('\n')}`);
  console.log('');
}

report('Tuning set', LABELLED);
report('Held-out set', HELD_OUT);
report('Both', [...LABELLED, ...HELD_OUT]);
