import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// A deterministic synthetic archive in the seed format: the seeds' real
// sentences, subheadings and brief texts recombined, with varied datelines,
// agencies, sections, and briefs drawn from a shared pool (so, as on a real
// site, the same brief turns up on several pages and is deduplicated).

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['PYONGYANG', 'MOSKOU', 'DEN HAAG', 'AMSTERDAM', 'BRUSSEL', 'GENÈVE', 'GAZA-STAD', 'LA PAZ', 'KHAN YOUNIS', 'WASHINGTON', 'KYIV', 'BERLIJN', 'PARIJS', 'LONDEN', 'ROTTERDAM', 'SINT-PETERSBURG', 'TEHERAN', 'PEKING', 'TOKIO', 'NEW YORK', 'VLADIVOSTOK', 'UTRECHT', 'MAASTRICHT', 'KABUL', 'PRAAG'];
const AGENCIES = [['ANP'], ['ANP', 'RTR'], ['ANP', 'AFP'], ['ANP', 'RTR', 'AFP'], ['ANP', 'AP'], ['ANP', 'DPA']];
const SECTIONS = ['Buitenland', 'Binnenland', 'Economie', 'Politiek', 'Sport'];
const SUBHEADINGS = ['Wapens geleverd', 'Versterken banden', 'Reactie Kremlin', 'Grote zorgen', 'Nieuwe gesprekken', 'Kritiek uit Europa', 'Onderzoek loopt'];
const AGES = ['8 minuten geleden', '1 uur geleden', '2 uur geleden', '3 uur geleden', '5 uur geleden'];

interface Vocabulary {
  headlines: string[];
  sentences: string[];
  briefs: string[];
}

let vocabulary: Vocabulary | null = null;

function loadVocabulary(seedsDir: string): Vocabulary {
  if (vocabulary) return vocabulary;
  const headlines: string[] = [];
  const sentences: string[] = [];
  const briefs: string[] = [];
  for (const name of readdirSync(seedsDir).filter((file) => file.endsWith('.txt')).sort()) {
    const lines = readFileSync(path.join(seedsDir, name), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    const end = lines.findIndex((line) => line.startsWith('Meer uit '));
    headlines.push(lines[0]!);
    for (const line of lines.slice(1, end)) {
      const text = line.replace(/^[A-ZÀ-Ý' .-]+ \([A-Z/]+\) - /, '');
      sentences.push(...(text.match(/[^.!?]+[.!?]+["”]?/g) ?? []).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 20));
    }
    for (const line of lines.slice(end + 1)) {
      const text = line.replace(/^\d+ (uur|minuten?) geleden/, '').replace(/^[A-ZÀ-Ý' .-]+ \([A-Z/]+\) - /, '');
      if (text.length > 40) briefs.push(text);
    }
  }
  vocabulary = { headlines, sentences, briefs };
  return vocabulary;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Text of synthetic file number `index` (deterministic for a given index). */
export function syntheticStory(index: number, seedsDir: string, briefPool = 2_000): string {
  const words = loadVocabulary(seedsDir);
  const random = prng(index * 7919 + 17);
  const lines: string[] = [];
  const headlineWords = pick(random, words.headlines).split(' ');
  // Vary the headline so every story is unique: swap in words from other sentences and number it.
  const extra = pick(random, words.sentences).split(' ').slice(0, 3).join(' ');
  lines.push(`${headlineWords.slice(0, 4 + Math.floor(random() * 4)).join(' ')} ${extra.toLowerCase()} (${index})`);
  const paragraphs = 3 + Math.floor(random() * 5);
  lines.push(`${pick(random, PLACES)} (${pick(random, AGENCIES).join('/')}) - ${sentenceRun(random, words, 2)}`);
  for (let p = 1; p < paragraphs; p++) {
    if (p === 2 && random() < 0.5) lines.push(pick(random, SUBHEADINGS));
    lines.push(sentenceRun(random, words, 1 + Math.floor(random() * 3)));
  }
  if (random() < 0.8) {
    lines.push(`Meer uit ${pick(random, SECTIONS)}`);
    if (random() < 0.25) {
      const count = 1 + Math.floor(random() * 3);
      let line = '';
      for (let b = 0; b < count; b++) {
        const briefIndex = Math.floor(random() * briefPool);
        const briefRandom = prng(briefIndex + 1_000_003);
        line += `${pick(briefRandom, PLACES)} (${pick(briefRandom, AGENCIES).join('/')}) - ${pick(briefRandom, words.briefs)} (bericht ${briefIndex})`;
        lines.push(line);
        line = pick(random, AGES);
      }
      lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

function sentenceRun(random: () => number, words: Vocabulary, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(random, words.sentences));
  return out.join(' ');
}
