import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseWirePage } from '../import/parse';
import { extractEntities, warmUpEntityExtraction } from './entities';
import { gazetteer } from './gazetteer';
import { RelatedIndex, type RelatedDoc } from './related';
import { prng } from '../search/test/synthetic-corpus';

// Benchmarks for the analysis modules (called from `npm run bench`, not from tests).
//
// benchRelated(n): builds a RelatedIndex over a deterministic synthetic archive of n
// Dutch-ish stories and times related() for 200 of them. The corpus mixes the seeds'
// real vocabulary (most frequent ranks) with generated words on a Zipf curve (a
// realistic archive has 10^5+ distinct terms), topic clusters (so there is something
// to find), entities from the gazetteer plus generated names, and dates.
//
// benchEntities(rounds): extraction cost per story on the seed articles and briefs,
// next to the cost of parsing the same pages, for the "< 5 % of import" budget.

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seeds');

export interface RelatedBench {
  n: number;
  buildMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  queryMaxMs: number;
  /** CPU time of a query (p95): what the wall-clock figures would be on an idle machine. */
  queryCpuP95Ms: number;
  /** JS heap + typed-array memory held by the index (after GC), in MB. */
  heapMB: number;
  /** Whole process resident set size after the build, in MB. */
  rssMB: number;
}

export interface EntityBench {
  stories: number;
  msPerStory: number;
  msPerArticle: number;
  msPerBrief: number;
  /** parseWirePage per page, for comparison with the extraction of that page's stories. */
  parseMsPerPage: number;
  msPerPage: number;
}


/** Samples ranks 0..size-1 with probability ∝ 1/(rank+1)^s. */
function zipf(size: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = sum += 1 / (rank + 1) ** s;
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = ['ka', 'ver', 'sto', 'me', 'lin', 'dra', 'gen', 'ro', 'bel', 'tus', 'on', 'wij', 'ze', 'hou', 'pel', 'mar', 'ten', 'schi', 'ui', 'ak', 'bo', 'rin', 'de', 'vol', 'ij', 'ker', 'sla', 'ge', 'ma', 'to'];

function syntheticWord(k: number): string {
  let word = '';
  let rest = k + 31;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return word;
}

function seedVocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const name of readdirSync(SEEDS_DIR).filter((file) => file.endsWith('.txt'))) {
    for (const word of readFileSync(path.join(SEEDS_DIR, name), 'utf8').toLowerCase().match(/\p{L}+/gu) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

const PLACES = ['PYONGYANG', 'MOSKOU', 'DEN HAAG', 'AMSTERDAM', 'BRUSSEL', 'GENÈVE', 'GAZA-STAD', 'LA PAZ', 'KHAN YOUNIS', 'WASHINGTON', 'KYIV', 'BERLIJN', 'PARIJS', 'LONDEN', 'ROTTERDAM', 'TEHERAN', 'PEKING', 'TOKIO', 'NEW YORK', 'UTRECHT'];

/** A deterministic generator of n synthetic RelatedDocs (generated one at a time, not held). */
export function* syntheticRelatedDocs(n: number, seed = 20240619): Generator<RelatedDoc> {
  const random = prng(seed);
  const seedWords = seedVocabulary();
  const vocabularySize = Math.max(20_000, Math.min(200_000, n * 3));
  const word = (rank: number) => (rank < seedWords.length ? seedWords[rank]! : syntheticWord(rank));
  const nextWord = zipf(vocabularySize, 1.05, random);

  const gazetteerNames = gazetteer().entries.map((entry) => entry.name);
  const entityPool = gazetteerNames.length + Math.max(2_000, Math.floor(n / 2));
  const entityName = (k: number) => (k < gazetteerNames.length ? gazetteerNames[k]! : `${capitalise(syntheticWord(k))} ${capitalise(syntheticWord(k * 7 + 3))}`);
  const nextEntity = zipf(entityPool, 1.0, random);

  const topicCount = Math.max(50, Math.floor(n / 25));
  const topics = Array.from({ length: topicCount }, () => ({
    words: Array.from({ length: 15 }, () => word(200 + Math.floor(random() * 20_000))),
    entities: Array.from({ length: 5 }, () => nextEntity()),
    day: 19_000 + Math.floor(random() * 1_800),
  }));

  for (let i = 0; i < n; i++) {
    const topic = topics[Math.floor(random() * topicCount)]!;
    const article = random() < 0.3;
    const length = article ? 250 + Math.floor(random() * 200) : 35 + Math.floor(random() * 35);
    const sentences: string[] = [];
    let sentence: string[] = [];
    for (let k = 0; k < length; k++) {
      sentence.push(random() < 0.3 ? topic.words[Math.floor(random() * topic.words.length)]! : word(nextWord()));
      if (sentence.length >= 12 + Math.floor(random() * 8)) {
        sentences.push(`${capitalise(sentence.join(' '))}.`);
        sentence = [];
      }
    }
    if (sentence.length) sentences.push(`${capitalise(sentence.join(' '))}.`);
    const headline = capitalise(Array.from({ length: 6 + Math.floor(random() * 4) }, () => (random() < 0.5 ? topic.words[Math.floor(random() * 15)]! : word(nextWord()))).join(' '));

    const entities = new Map<string, string>();
    for (const k of [...topic.entities.filter(() => random() < 0.6), ...Array.from({ length: 1 + Math.floor(random() * 4) }, () => nextEntity())]) {
      const name = entityName(k);
      entities.set(name.toLowerCase(), name);
    }
    const known = random() < 0.7;
    const day = topic.day + Math.floor(random() * 20);
    yield {
      id: `${article ? 'a' : 'b'}${i}`,
      kind: article ? 'article' : 'brief',
      headline,
      text: `${headline}\n${sentences.join(' ')}`,
      entities: [...entities].map(([key, name]) => ({ key, name })),
      place: PLACES[Math.floor(random() * PLACES.length)]!,
      date: known ? new Date(day * 86_400_000).toISOString().slice(0, 10) : null,
    };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

function memoryMB(): number {
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1_048_576;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function benchRelated(n: number): RelatedBench {
  collectGarbage();
  const before = memoryMB();
  const index = new RelatedIndex();
  const ids: string[] = [];
  let buildMs = 0;
  for (const doc of syntheticRelatedDocs(n)) {
    ids.push(doc.id);
    const start = performance.now();
    index.upsert(doc);
    buildMs += performance.now() - start;
  }
  // As the app does after its initial build.
  const start = performance.now();
  index.pack();
  buildMs += performance.now() - start;
  collectGarbage();
  const heapMB = memoryMB() - before;
  const rssMB = process.memoryUsage().rss / 1_048_576;

  const random = prng(7);
  index.related(ids[0]!); // the first query refreshes the precomputed norms once
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let q = 0; q < 200; q++) {
    const id = ids[Math.floor(random() * ids.length)]!;
    const cpu = process.cpuUsage();
    const start = performance.now();
    index.related(id, { limit: 10 });
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  return {
    n,
    buildMs: Math.round(buildMs),
    queryP50Ms: round(percentile(samples, 50)),
    queryP95Ms: round(percentile(samples, 95)),
    queryMaxMs: round(Math.max(...samples)),
    queryCpuP95Ms: round(percentile(cpuSamples, 95)),
    heapMB: Math.round(heapMB),
    rssMB: Math.round(rssMB),
  };
}

export function benchEntities(rounds = 50): EntityBench {
  const pages = readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
  const stories: { kind: 'article' | 'brief'; input: Parameters<typeof extractEntities>[0] }[] = [];
  for (const text of pages) {
    const parsed = parseWirePage(text);
    if (!parsed.ok) continue;
    const { article, briefs } = parsed.page;
    if (article) stories.push({ kind: 'article', input: article });
    for (const brief of briefs) stories.push({ kind: 'brief', input: { headline: brief.headline, dateline: brief.dateline, body: [{ type: 'paragraph', text: brief.text }] } });
  }
  warmUpEntityExtraction(); // build the gazetteer outside the timing

  const time = (run: () => void) => {
    for (let r = 0; r < 20; r++) run(); // warm: the importer runs with compiled code after a few files
    const start = performance.now();
    for (let r = 0; r < rounds; r++) run();
    return (performance.now() - start) / rounds;
  };
  const articles = stories.filter((story) => story.kind === 'article');
  const briefs = stories.filter((story) => story.kind === 'brief');
  const articleMs = time(() => articles.forEach((story) => extractEntities(story.input)));
  const briefMs = time(() => briefs.forEach((story) => extractEntities(story.input)));
  const parseMs = time(() => pages.forEach((text) => parseWirePage(text)));
  return {
    stories: stories.length,
    msPerStory: round((articleMs + briefMs) / stories.length, 3),
    msPerArticle: round(articleMs / articles.length, 3),
    msPerBrief: round(briefMs / briefs.length, 3),
    parseMsPerPage: round(parseMs / pages.length, 3),
    msPerPage: round((articleMs + briefMs) / pages.length, 3),
  };
}
