import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchDoc } from '../index';

// A deterministic synthetic Dutch archive for the search benchmark. Recombining
// the seeds' sentences alone gives a vocabulary of a few thousand words, far
// smaller than a real archive's (hundreds of thousands of word forms, most of
// them rare), which would flatter both memory and speed. So the seeds' sentences
// keep their structure and common words, while some words are swapped for a
// Zipf-distributed long tail of Dutch-looking compounds and inflections built
// from the seeds' own words.

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../seeds');

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

interface SeedText {
  headlines: string[];
  sentences: string[];
  places: string[];
  longTail: string[];
}

let cached: SeedText | null = null;

const SUFFIXES = ['', '', 'en', 's', 'e', 'je', 'ing', 'ingen', 'heid', 'lijk', 'ische'];

function loadSeedText(): SeedText {
  if (cached) return cached;
  const headlines: string[] = [];
  const sentences: string[] = [];
  const places = new Set<string>();
  const lexicon = new Set<string>();
  for (const name of readdirSync(SEEDS_DIR).filter((file) => file.endsWith('.txt')).sort()) {
    const lines = readFileSync(path.join(SEEDS_DIR, name), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    headlines.push(lines[0]!);
    for (const line of lines.slice(1)) {
      const dateline = /^(?:\d+ (?:uur|minuten?) geleden)?([A-ZÀ-Ý' .-]+) \([A-Z/]+\) - /.exec(line);
      if (dateline) places.add(dateline[1]!.trim());
      const text = line.replace(/^(?:\d+ (?:uur|minuten?) geleden)?[A-ZÀ-Ý' .-]+ \([A-Z/]+\) - /, '');
      for (const sentence of text.match(/[^.!?]+[.!?]+["”]?/g) ?? []) if (sentence.trim().length > 20) sentences.push(sentence.trim());
      for (const word of text.match(/\p{L}{4,}/gu) ?? []) lexicon.add(word.toLowerCase());
    }
  }
  // The long tail: deterministic compounds (`defensie` + `uitgaven`) and inflections.
  const roots = [...lexicon].sort();
  const random = prng(424242);
  const longTail = new Set<string>();
  const target = 250_000;
  for (let guard = 0; longTail.size < target && guard < target * 4; guard++) {
    const a = roots[Math.floor(random() * roots.length)]!;
    const b = roots[Math.floor(random() * roots.length)]!;
    const suffix = SUFFIXES[Math.floor(random() * SUFFIXES.length)]!;
    longTail.add(random() < 0.7 ? `${a}${b}${suffix}` : `${a}${suffix}`);
  }
  cached = { headlines, sentences, places: [...places].sort(), longTail: [...longTail] };
  return cached;
}

const TAGS = ['Oekraïne', 'Rusland', 'Noord-Korea', 'Midden-Oosten', 'Verkiezingen', 'Defensie', 'Klimaat', 'Economie', 'Rechtszaak', 'Zorg'];

/** Zipf-like rank in [0, size): small ranks are common, large ranks rare. */
function zipfRank(random: () => number, size: number): number {
  // Inverse CDF of a continuous 1/x distribution over [1, size + 1).
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1))) - 1);
}

function varySentence(random: () => number, sentence: string, longTail: string[]): string {
  return sentence.replace(/\p{L}{5,}/gu, (word) => (random() < 0.3 ? longTail[zipfRank(random, longTail.length)]! : word));
}

/** Synthetic story number `index`: deterministic; about 60% articles (250-700 words), 40% briefs. */
export function syntheticDoc(index: number): SearchDoc {
  const seed = loadSeedText();
  const random = prng(index * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const isArticle = random() < 0.6;
  const sentenceCount = isArticle ? 12 + Math.floor(random() * 24) : 2 + Math.floor(random() * 3);
  const sentences: string[] = [];
  for (let i = 0; i < sentenceCount; i++) sentences.push(varySentence(random, pick(seed.sentences), seed.longTail));
  const headlineWords = pick(seed.headlines).split(' ');
  const headline = isArticle
    ? `${headlineWords.slice(0, 3 + Math.floor(random() * 5)).join(' ')} ${varySentence(random, pick(seed.sentences), seed.longTail).split(' ').slice(0, 3).join(' ')}`
    : sentences[0]!;
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  const tagCount = random() < 0.5 ? 0 : 1 + Math.floor(random() * 2);
  const tags: string[] = [];
  for (let i = 0; i < tagCount; i++) tags.push(pick(TAGS));
  return {
    id: `story-${index}`,
    headline,
    body: paragraphs.join('\n'),
    place: pick(seed.places),
    tags,
    note: random() < 0.05 ? varySentence(random, pick(seed.sentences), seed.longTail) : '',
  };
}

/** Two-word queries drawn from the corpus' own words (common and rare mixed), deterministic. */
export function syntheticQueries(count: number): string[] {
  const seed = loadSeedText();
  const random = prng(99);
  const queries: string[] = [];
  const seedWord = () => {
    const words = seed.sentences[Math.floor(random() * seed.sentences.length)]!.match(/\p{L}{5,}/gu) ?? ['oorlog'];
    return words[Math.floor(random() * words.length)]!;
  };
  for (let i = 0; i < count; i++) {
    const second = random() < 0.5 ? seedWord() : seed.longTail[zipfRank(random, 2_000)]!;
    queries.push(`${seedWord()} ${second} `);
  }
  return queries;
}

/** Prefixes as typed: the first 3-6 letters of corpus words. */
export function syntheticPrefixQueries(count: number): string[] {
  const seed = loadSeedText();
  const random = prng(7);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = seed.sentences[Math.floor(random() * seed.sentences.length)]!.match(/\p{L}{6,}/gu) ?? ['oorlogen'];
    const word = words[Math.floor(random() * words.length)]!;
    const first = words[0]!;
    out.push(`${first} ${word.slice(0, 3 + Math.floor(random() * 4))}`);
  }
  return out;
}
