import { CLAUSES, HELD_OUT, LABELLED, SPEAKERS, type LabelledStory } from '../core/analysis/chronology/test/labelled';
import { measureChronology, qualityTable } from '../core/analysis/chronology/test/measure';
import { HELD_OUT as TAG_HELD_OUT, TUNING as TAG_TUNING, type TagStory } from '../core/analysis/test/tags-labelled';
import { measureTags, tagQualityTable } from '../core/analysis/test/tags-measure';

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
report('Clause set', CLAUSES);
report('Speaker set', SPEAKERS);
report('All', [...LABELLED, ...HELD_OUT, ...CLAUSES, ...SPEAKERS]);

// Tag suggestions (issue 16): the labelled stories of electron/core/analysis/test/tags-labelled.ts.
function reportTags(title: string, stories: TagStory[]): void {
  const quality = measureTags(stories);
  console.log(`### Tag suggestions, ${title}: ${stories.length} labelled stories\n`);
  console.log(tagQualityTable(quality));
  const misses = [...quality.wrong.map((m) => `wrong tag: ${m}`), ...quality.missedPeople.map((m) => `person missed: ${m}`)];
  if (misses.length) console.log(`\nWhat was missed:\n${misses.map((m) => `- ${m}`).join('\n')}`);
  console.log('');
}

reportTags('tuning set', TAG_TUNING);
reportTags('held-out set', TAG_HELD_OUT);
reportTags('both', [...TAG_TUNING, ...TAG_HELD_OUT]);
// Related stories (issue 16, classes 9–10): the labelled set of related-labelled.ts.
{
  const { RELATED_LABELLED } = await import('../core/analysis/test/related-labelled');
  const { measureRelated } = await import('../core/analysis/test/related-measure');
  const related = measureRelated(RELATED_LABELLED);
  const worlds = new Set(RELATED_LABELLED.map((story) => story.world)).size;
  const events = new Set(RELATED_LABELLED.map((story) => story.event)).size;
  console.log(`### Related stories: ${related.stories} labelled stories, ${events} events in ${worlds} worlds\n`);
  console.log('| measure | result | goal |\n| --- | --- | --- |');
  console.log(`| share of the top five from the same event | ${related.sameEventShare.toFixed(3)} | ≥ 0.9 |`);
  console.log(`| suggestions across worlds above the weak band | ${related.crossWorldAboveWeak.length} | 0 |`);
  console.log(`| same-event suggestions by band (strong / possible / weak) | ${related.sameEventBands.strong} / ${related.sameEventBands.possible} / ${related.sameEventBands.weak} | |`);
  const misses = [...related.misses.map((m) => `top k held another event: ${m}`), ...related.crossWorldAboveWeak.map((m) => `across worlds: ${m}`)];
  if (misses.length) console.log(`\nWhat was missed:\n${misses.map((m) => `- ${m}`).join('\n')}`);
  console.log('');
}
