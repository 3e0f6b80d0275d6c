import { prng, syntheticDoc } from '../core/search/test/synthetic-corpus';

// A deterministic synthetic archive in the seed format. The stories come from
// the search module's synthetic corpus (the seeds' real sentences with a
// Zipf-distributed long tail of Dutch word forms, so the vocabulary is as wide
// as a real archive's); here they get the wire page's structure: datelines and
// agencies, a subheading now and then, `Meer uit <Section>`, and briefs drawn
// from a shared pool (so, as on a real site, the same brief turns up on several
// pages and is deduplicated).

const AGENCIES = [['ANP'], ['ANP', 'RTR'], ['ANP', 'AFP'], ['ANP', 'RTR', 'AFP'], ['ANP', 'AP'], ['ANP', 'DPA']];
const SECTIONS = ['Buitenland', 'Binnenland', 'Economie', 'Politiek', 'Sport'];
const SUBHEADINGS = ['Wapens geleverd', 'Versterken banden', 'Reactie Kremlin', 'Grote zorgen', 'Nieuwe gesprekken', 'Kritiek uit Europa', 'Onderzoek loopt'];
const AGES = ['8 minuten geleden', '1 uur geleden', '2 uur geleden', '3 uur geleden', '5 uur geleden'];
/** Brief ids live far from story ids so the two never share a synthetic document. */
const BRIEF_BASE = 10_000_000;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function dateline(random: () => number, place: string): string {
  return `${place} (${pick(random, AGENCIES).join('/')}) - `;
}

/** Text of synthetic file number `index` (deterministic for a given index). */
export function syntheticStory(index: number, briefPool = 2_000): string {
  const random = prng(index * 31 + 7);
  const doc = syntheticDoc(index);
  const paragraphs = doc.body.split('\n');
  // Briefs of the synthetic corpus use their first sentence as headline: keep a headline short.
  const headline = doc.headline.split(' ').slice(0, 4 + Math.floor(random() * 7)).join(' ');
  const lines = [`${headline} (${index})`, `${dateline(random, doc.place)}${paragraphs[0]}`];
  for (let p = 1; p < paragraphs.length; p++) {
    if (p === 2 && random() < 0.5) lines.push(pick(random, SUBHEADINGS));
    lines.push(paragraphs[p]!);
  }
  if (random() < 0.8) {
    lines.push(`Meer uit ${pick(random, SECTIONS)}`);
    if (random() < 0.25) {
      let prefix = '';
      for (let b = 1 + Math.floor(random() * 3); b > 0; b--) {
        const briefIndex = Math.floor(random() * briefPool);
        const brief = syntheticDoc(BRIEF_BASE + briefIndex);
        lines.push(`${prefix}${dateline(prng(briefIndex), brief.place)}${brief.body.replace(/\n/g, ' ')} (bericht ${briefIndex})`);
        prefix = pick(random, AGES);
      }
      lines.push(prefix);
    }
  }
  return `${lines.join('\n')}\n`;
}
