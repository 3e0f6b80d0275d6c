import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openKroniek } from '../core/app';
import { importPaths } from '../core/import/importer';
import { LibraryStore } from '../core/store/library-store';
import { baselineEditMs } from './baseline';
import { syntheticStory } from './corpus';
import { decadeFile } from './decade-corpus';
import { syntheticQueries } from '../core/search/test/synthetic-corpus';
import { CACHE_DIR } from '../core/store/layout';
import { snapshotPath } from '../core/snapshot/index-snapshot';
import { bundledWorkers, bundleMeasuringChild } from './bundle-child';
import type { BenchQueries, OpenLibraryFigures, SnapshotOpenFigures } from './measure-open';
import { round, timed } from './stats';
import { describeGaps, type BuildGaps } from './thread-gaps';

const ROOT = path.resolve(import.meta.dirname, '../..');

const USAGE = `Usage: npm run -s bench -- --size N [--json] [--dir DIR] [--corpus decade|v2] [--reuse]
       npm run -s bench -- --ladder 50000,250000,1000000 [--json] [--dir DIR]
       npm run -s bench -- --compaction N [--json] [--dir DIR]
       npm run -s bench -- --import-speed N [--json] [--dir DIR]
       npm run -s bench -- --memory LIBRARY_DIR
       npm run -s bench -- --build LIBRARY_DIR [--runs N] [--keep-helpers] [--cpu-prof DIR] [--json]
       npm run -s bench -- --export [--json]
       npm run -s bench -- --versions N [--json]
       npm run -s bench -- --wire-parse N [--json]
       npm run -s bench -- --wire-import N [--updates M] [--json] [--dir DIR]
       npm run -s bench -- --chronology N [--json]
       npm run -s bench -- --sync N [--json]
       npm run -s bench -- --quotes N [--json]

Generates a deterministic synthetic corpus of N seed-format files, imports it
into a fresh library with the real core, then measures a cold open, a durable
tag edit, search, related suggestions and memory in a fresh process, and the
same edit on a plain single-file lowdb store of the same corpus.
Memory: rssMB is the resident set once the process has sat idle after the
measurements until V8's memory reducer has collected on its own (40 to 60 s;
nothing forced, at most 3 minutes); rssBusyMB is read right after the queries,
with the start-up build's garbage still resident; rssPeakMB is the highest
reading while the indexes were built.
The first open builds the indexes from the stories (indexReadyMs) and writes the index
snapshot in the background; a second fresh process then opens with it
(indexReadyFromSnapshotMs, rssSnapshotMB right after ready, rssSnapshotIdleMB once idle).
With --export: PDF export time of a 20-story and a 200-story dossier.
With --versions N: N agency stories, then a new version of each as one import (versions/s),
and how long the indexes take to hold the new texts.
With --wire-parse N: parseWire throughput over N synthetic files per wire format (ninjs 1/2/3, NewsML-G2).
With --wire-import N: N generated Dutch ANP items as ninjs files, and as NewsML-G2 files, each
imported from disk into a fresh library (files/s); with --updates M, M version-2 files of them
imported afterwards (new versions/s).
With --ladder A,B,C: the --size benchmark at each size (a library imported at a size before is
reused), figures in DIR/ladder.json and docs/bench/ladder.{json,svg} (each figure against size,
the issue's targets as lines). --corpus v2 uses the earlier seed-format generator.
With --compaction N: a library of N one-story imports (N segments), then segment compaction:
files and cold open before and after.
With --import-speed N: the import alone (files/s, and files per CPU second) of N decade-corpus files
into an empty library, then of N more into it.
With --memory DIR: what the open library DIR keeps in memory, by structure (memory.ts).
With --build DIR: only the full index build of the library in DIR (no snapshot read or written),
N times, each in a fresh bundled process: wall time, the process's CPU (all threads) per story
and the longest main-thread block (on Linux split into the thread's own work, its wait for a core
and its sleep, and the thread's own longest block: thread-gaps.ts); V8's helper threads give way to the main thread as in the web
host, --keep-helpers leaves them as in Electron's main process; --cpu-prof DIR writes every thread's V8 CPU profile there.
With --chronology N: drafting the chronology of a dossier of N synthetic articles, and extracting their quotes.
With --sync N: the team library against a CouchDB-protocol server on loopback: N stories shared by
one library, the first sync of an empty library (time, peak memory of its process and the server's),
one edit from A to B live (p50/p95), and up to 1,000 offline edits on each side reconciled (time, lost).
With --quotes N: quote extraction's CPU per story in the background build, beside the entity extraction.`;

/** PDF export of synthetic dossiers through the real renderer and headless Chromium printer. */
async function benchExport(json: boolean): Promise<number> {
  const { benchExportPdf } = await import('./export');
  const figures: Record<string, number> = {};
  for (const stories of [20, 200]) {
    const { ms, pages } = await benchExportPdf(stories);
    (json ? process.stderr : process.stdout).write(`  ${stories} stories, ${pages} pages: ${round(ms)} ms\n`);
    figures[`pdf${stories}Ms`] = round(ms);
    figures[`pdf${stories}Pages`] = pages;
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  return 0;
}

/** parseWire throughput per wire format, in this process (parsing is synchronous and pure). */
async function benchWireParseCommand(count: number, json: boolean): Promise<number> {
  if (!Number.isInteger(count) || count < 1) {
    console.error('bench: --wire-parse must be a positive whole number.');
    return 2;
  }
  const { benchWireParse } = await import('./wire-parse');
  const { loadNinjsValidators } = await import('../core/import/wire/validators/load');
  await loadNinjsValidators();
  const figures = benchWireParse(count);
  for (const [format, figure] of Object.entries(figures)) {
    (json ? process.stderr : process.stdout).write(`  ${format}: ${figure.files} files of ${figure.kbPerFile} kB, ${figure.filesPerSec} files/s (${figure.usPerFile} µs each; first file ${figure.firstMs} ms)\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  return 0;
}

/** The corpus shapes `--corpus` picks: `decade` (the default, decade-corpus.ts) or the earlier `v2` (corpus.ts). */
export type CorpusShape = 'decade' | 'v2';

export async function ensureCorpus(dir: string, size: number, shape: CorpusShape = 'decade'): Promise<void> {
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return;
  await rm(dir, { recursive: true, force: true });
  for (let start = 0; start < size; start += 1_000) {
    const sub = path.join(dir, String(start / 1_000).padStart(3, '0'));
    await mkdir(sub, { recursive: true });
    const end = Math.min(size, start + 1_000);
    await Promise.all(
      Array.from({ length: end - start }, async (_, i) => {
        if (shape === 'v2') return writeFile(path.join(sub, `story-${start + i}.txt`), syntheticStory(start + i));
        const file = decadeFile(start + i, size);
        const target = path.join(sub, file.name);
        await writeFile(target, file.text);
        await utimes(target, file.modifiedAt, file.modifiedAt);
      }),
    );
  }
  await writeFile(marker, String(size));
}

/** The corpus folder of a shape and size (the generator's version is in the name, so a changed generator never reuses an old corpus). */
export const corpusDirName = (shape: CorpusShape, size: number) => (shape === 'v2' ? `corpus-v2-${size}` : `corpus-decade1-${size}`);

/**
 * The measuring processes' environment: glibc's malloc hands out every block of 1 MiB or more
 * as pages of its own, given back when freed, as PartitionAlloc does in the app (Electron
 * allocates array buffers with it, inside V8's memory cage, and maps each allocation of about
 * a megabyte or more directly). glibc's default raises that threshold to the size of each
 * such block freed (up to 32 MiB): after a full build its freed buffers made later ones come
 * from arenas whose free pages are never given back, +80-90 MB of RSS once idle at 52,000
 * stories (BENCHMARKS.md, session 30). `KRONIEK_BENCH_GLIBC_DEFAULT=1` measures with glibc's default.
 */
export function measuringEnv(): NodeJS.ProcessEnv {
  if (process.env.KRONIEK_BENCH_GLIBC_DEFAULT === '1') return process.env;
  return { ...process.env, MALLOC_MMAP_THRESHOLD_: String(MEASURING_MMAP_THRESHOLD) };
}

/** See measuringEnv. */
const MEASURING_MMAP_THRESHOLD = 1024 * 1024;

/** Runs the open-library measurements in a fresh Node process, bundled as the app's main process is, so cold open and RSS are honest. */
async function measureInChild(dataDir: string, queriesFile: string): Promise<OpenLibraryFigures>;
async function measureInChild(dataDir: string, queriesFile: string, mode: 'snapshot' | 'warm'): Promise<SnapshotOpenFigures>;
async function measureInChild(dataDir: string, queriesFile: string, mode: 'first' | 'snapshot' | 'warm' = 'first'): Promise<OpenLibraryFigures | SnapshotOpenFigures> {
  childBundle ??= bundleMeasuringChild();
  const flags = mode === 'first' ? ['--open'] : ['--open-snapshot'];
  const result = spawnSync(process.execPath, [await childBundle, ...flags, dataDir, '--queries', queriesFile, ...(mode === 'warm' ? ['--after-warm-up'] : [])], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: measuringEnv(),
  });
  if (result.status !== 0) throw new Error(`the measuring process failed (exit ${result.status})`);
  const last = result.stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as OpenLibraryFigures | SnapshotOpenFigures;
}

let childBundle: Promise<string> | null = null;

/** The cold open to the first list page, in a fresh bundled process (as measureInChild). */
async function coldOpenInChild(dataDir: string): Promise<{ coldOpenMs: number; segments: number }> {
  childBundle ??= bundleMeasuringChild();
  const result = spawnSync(process.execPath, [await childBundle, '--cold-open', dataDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: measuringEnv() });
  if (result.status !== 0) throw new Error(`the measuring process failed (exit ${result.status})`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { coldOpenMs: number; segments: number };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      json: { type: 'boolean' },
      dir: { type: 'string' },
      export: { type: 'boolean' },
      versions: { type: 'string' },
      'wire-parse': { type: 'string' },
      'wire-import': { type: 'string' },
      updates: { type: 'string' },
      chronology: { type: 'string' },
      sync: { type: 'string' },
      quotes: { type: 'string' },
      ladder: { type: 'string' },
      compaction: { type: 'string' },
      'import-speed': { type: 'string' },
      memory: { type: 'string' },
      build: { type: 'string' },
      'keep-helpers': { type: 'boolean' },
      runs: { type: 'string' },
      'cpu-prof': { type: 'string' },
      corpus: { type: 'string' },
      reuse: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.export) return benchExport(Boolean(values.json));
  if (values.versions !== undefined) {
    const count = Number(values.versions);
    if (!Number.isInteger(count) || count < 1) {
      console.error('bench: --versions must be a positive whole number.');
      return 2;
    }
    const { benchVersions } = await import('./versions');
    const figures = await benchVersions(count, (text) => (values.json ? process.stderr : process.stdout).write(`${text}\n`));
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  if (values['wire-import'] !== undefined) {
    const count = Number(values['wire-import']);
    const updates = Number(values.updates ?? '0');
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(updates) || updates < 0 || updates > count) {
      console.error('bench: --wire-import must be a positive whole number, --updates a whole number up to it.');
      return 2;
    }
    const { benchWireImport } = await import('./wire-import');
    const log = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);
    const figures = await benchWireImport(count, updates, path.resolve(values.dir ?? path.join(ROOT, 'bench-data')), log);
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  if (values.quotes !== undefined) {
    const count = Number(values.quotes);
    if (!Number.isInteger(count) || count < 1) {
      console.error('bench: --quotes must be a positive whole number.');
      return 2;
    }
    const { benchQuoteCost } = await import('./chronology');
    const figures = benchQuoteCost(count);
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else console.log(`Quotes of ${figures.stories} stories: ${figures.quotesUs} µs per story (${figures.quotes} quotes); the entity extraction beside it ${figures.entitiesUs} µs per story`);
    return 0;
  }
  if (values.chronology !== undefined) {
    const count = Number(values.chronology);
    if (!Number.isInteger(count) || count < 1) {
      console.error('bench: --chronology must be a positive whole number.');
      return 2;
    }
    const { benchChronology } = await import('./chronology');
    const figures = benchChronology(count);
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else console.log(`Chronology of ${figures.stories} stories: drafted in ${figures.draftMs} ms (${figures.lines} lines); quotes extracted in ${figures.quotesMs} ms (${figures.quotes} quotes)`);
    return 0;
  }
  if (values.sync !== undefined) {
    const count = Number(values.sync);
    if (!Number.isInteger(count) || count < 2) {
      console.error('bench: --sync must be a whole number of at least 2.');
      return 2;
    }
    const { benchSync } = await import('./sync');
    const figures = await benchSync(count, (text) => (values.json ? process.stderr : process.stdout).write(`${text}\n`));
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  if (values['wire-parse'] !== undefined) return benchWireParseCommand(Number(values['wire-parse']), Boolean(values.json));
  if (values.memory !== undefined) {
    childBundle ??= bundleMeasuringChild();
    const result = spawnSync(process.execPath, ['--expose-gc', await childBundle, '--memory', path.resolve(values.memory)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: measuringEnv() });
    if (result.status !== 0) throw new Error(`the measuring process failed (exit ${result.status})`);
    process.stdout.write(`${result.stdout.trim().split('\n').at(-1)}\n`);
    return 0;
  }
  if (values.build !== undefined) {
    childBundle ??= bundleMeasuringChild();
    const runs = Number(values.runs ?? '1');
    const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof'])] : [];
    for (let run = 0; run < runs; run++) {
      const result = spawnSync(process.execPath, [...profile, await childBundle, '--build', path.resolve(values.build), ...(values['keep-helpers'] ? ['--keep-helpers'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: measuringEnv() });
      if (result.status !== 0) throw new Error(`the measuring process failed (exit ${result.status})`);
      const figures = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { stories: number; wallMs: number; cpuMs: number; cpuUsPerStory: number; mainBlockMs: number; mainGaps: BuildGaps | null; threadMs: number[] };
      if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
      else console.log(`Full build of ${figures.stories} stories: ${round(figures.wallMs)} ms wall, ${round(figures.cpuMs)} ms CPU (${round(figures.cpuUsPerStory)} µs per story), longest main-thread block ${round(figures.mainBlockMs, 1)} ms${describeGaps(figures.mainGaps)}; the busiest threads' CPU per story ${figures.threadMs.map((ms) => round((ms * 1000) / figures.stories)).join(' / ')} µs`);
    }
    return 0;
  }
  if (values['import-speed'] !== undefined) {
    const count = Number(values['import-speed']);
    if (!Number.isInteger(count) || count < 1_000 || count % 1_000 !== 0) {
      console.error('bench: --import-speed takes a whole number of thousands of files, e.g. 10000.');
      return 2;
    }
    const { benchImportSpeed } = await import('./import-speed');
    const log = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);
    const workDir = path.resolve(values.dir ?? path.join(ROOT, 'bench-data'));
    const figures = await benchImportSpeed(count, workDir, (dir, size) => ensureCorpus(dir, size), path.join(workDir, corpusDirName('decade', 2 * count)), log);
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  if (values.compaction !== undefined) {
    const count = Number(values.compaction);
    if (!Number.isInteger(count) || count < 2) {
      console.error('bench: --compaction must be a whole number of at least 2.');
      return 2;
    }
    const { benchCompaction } = await import('./compaction');
    const log = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);
    const figures = await benchCompaction(count, path.resolve(values.dir ?? path.join(ROOT, 'bench-data')), coldOpenInChild, log);
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  const shape = (values.corpus ?? 'decade') as CorpusShape;
  if (shape !== 'decade' && shape !== 'v2') {
    console.error('bench: --corpus must be decade or v2.');
    return 2;
  }
  const log = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);
  const workDir = path.resolve(values.dir ?? path.join(ROOT, 'bench-data'));
  if (values.ladder !== undefined) {
    const sizes = values.ladder.split(',').map(Number);
    if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
      console.error('bench: --ladder takes sizes separated by commas, e.g. 50000,250000,1000000.');
      return 2;
    }
    const { runLadder } = await import('./ladder');
    const ladder = await runLadder(sizes, workDir, (size, reuse) => benchSize({ size, workDir, shape, reuse, log }), log);
    if (values.json) process.stdout.write(`${JSON.stringify(ladder)}\n`);
    return 0;
  }
  const size = Number(values.size ?? '1000');
  if (!Number.isInteger(size) || size < 1) {
    console.error('bench: --size must be a positive whole number.');
    return 2;
  }
  const figures = await benchSize({ size, workDir, shape, reuse: Boolean(values.reuse), log });
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  return 0;
}

/** Bytes of every regular file under `dir` (0 when it does not exist). */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const MB = 1024 * 1024;
const BASELINE_MAX_SIZE = 100_000;

interface BenchSizeOptions {
  size: number;
  workDir: string;
  shape: CorpusShape;
  /** Use the library a previous run imported at this size (its import figures are kept beside it), instead of importing anew. */
  reuse: boolean;
  log: (text: string) => void;
}

/** The whole `--size N` benchmark: generate (or reuse) the corpus, import it (or reuse the library), measure in fresh processes. */
export async function benchSize({ size, workDir, shape, reuse, log }: BenchSizeOptions) {
  const corpusDir = path.join(workDir, corpusDirName(shape, size));
  const dataDir = path.join(workDir, shape === 'v2' ? `library-v2-${size}` : `library-${size}`);
  const importFile = path.join(workDir, `import-${path.basename(dataDir)}.json`);

  log(`Generating ${size} ${shape === 'v2' ? 'seed-format' : 'decade-corpus'} files in ${corpusDir} …`);
  await ensureCorpus(corpusDir, size, shape);

  let importFilesPerSec: number;
  const previous = reuse && existsSync(importFile) ? (JSON.parse(await readFile(importFile, 'utf8')) as { importFilesPerSec: number; corpus: string }) : null;
  if (previous && previous.corpus === path.basename(corpusDir) && existsSync(dataDir)) {
    importFilesPerSec = previous.importFilesPerSec;
    log(`Reusing the library imported before in ${dataDir} (${importFilesPerSec} files/s then).`);
  } else {
    await rm(importFile, { force: true });
    await rm(dataDir, { recursive: true, force: true });
    // No snapshot from the import session: the first open below must build, as every open did before snapshots.
    bundledWorkers();
    const core = await openKroniek({ dataDir, platform: 'cli', indexSnapshot: { enabled: false } });
    log('Importing …');
    const imported = await timed(() => importPaths(core.context.store, [corpusDir], core.context.importOptions));
    const report = imported.value;
    // A command-line import's closing makes the heads cache of what it wrote (library.ts).
    const closed = await timed(() => core.close());
    importFilesPerSec = report.totals.files / (imported.ms / 1000);
    log(`  ${report.totals.files} files (${report.totals.imported} imported, ${report.totals.rejected} rejected, ${report.totals.briefsImported} briefs) in ${round(imported.ms)} ms: ${Math.round(importFilesPerSec)} files/s; closing (the heads cache) ${round(closed.ms)} ms`);
    await writeFile(importFile, JSON.stringify({ corpus: path.basename(corpusDir), importFilesPerSec: Math.round(importFilesPerSec), totals: report.totals }));
  }

  log(`Measuring a cold open, edits, search, related and memory in a fresh process (${measuringEnv().MALLOC_MMAP_THRESHOLD_ ? 'malloc maps blocks of 1 MiB or more on their own, as in the app' : "glibc malloc's default"}) …`);
  // The first open builds the indexes (no snapshot); the heads cache the import left is read, as after any import.
  await rm(snapshotPath(dataDir), { force: true });
  const queries: BenchQueries = {
    searches: syntheticQueries(200),
    phrases: syntheticQueries(100).map((query) => `"${query.trim()}"`),
  };
  const queriesFile = path.join(workDir, `queries-${size}.json`);
  await writeFile(queriesFile, JSON.stringify(queries));
  const open = await measureInChild(dataDir, queriesFile);
  log(`  cold open to first page ${round(open.coldOpenMs)} ms; index ready after ${round(open.indexReadyMs)} ms (built in the indexing worker; longest main-thread block meanwhile ${round(open.buildMainBlockMs, 1)} ms${describeGaps(open.buildMainGaps)})`);
  log(`  tag edit durably on disk: median ${round(open.editPersistMs, 2)} ms`);
  log(`  search 2-word p95 ${round(open.searchP95Ms, 2)} ms, as a quoted phrase p95 ${round(open.searchPhraseP95Ms, 2)} ms; related p95 ${round(open.relatedMs, 2)} ms`);
  log(`  snippets of a page's first 20 rows p95 ${round(open.snippetP95Ms, 2)} ms`);
  log(`  RSS ${Math.round(open.rssMB)} MB once idle (V8 collected after ${round(open.settleMs / 1000)} s); ${Math.round(open.rssBusyMB)} MB right after the queries, ${Math.round(open.rssPeakMB)} MB at most while indexing`);

  log(`  index snapshot written in ${round(open.snapshotWriteMs)} ms (after the queries; the app writes it 10 s after the build), ${round(open.snapshotBytes / 1024 / 1024, 1)} MB, longest block ${round(open.snapshotWriteBlockMs, 1)} ms`);

  log('Opening again in a fresh process, with the index snapshot …');
  const second = await measureInChild(dataDir, queriesFile, 'snapshot');
  log(`  indexes ${second.origin === 'snapshot' ? 'from the snapshot' : `BUILT (${second.origin})`}: ready after ${round(second.indexReadyMs)} ms (first open ${round(open.indexReadyMs)} ms); longest block while loading ${round(second.loadBlockMs, 1)} ms in the worker, ${round(second.loadMainBlockMs, 1)} ms on the main thread${describeGaps(second.loadMainGaps)}; cold open ${round(second.coldOpenMs)} ms, the heads of ${second.segmentsFromCache} of ${second.segments} segments from their cache`);
  log(`  RSS ${Math.round(second.rssMB)} MB right after ready, ${Math.round(second.rssIdleMB)} MB once idle (all processes: ${Math.round(second.rssAllIdleMB)} MB); search p95 ${round(second.searchP95Ms, 2)} ms`);
  const warm = await measureInChild(dataDir, queriesFile, 'warm');
  log(`  once more, searching only once the library's warm-up searches have run (${round(warm.warmUpMs)} ms after ready): search p95 ${round(warm.searchP95Ms, 2)} ms`);

  // Disk: what the library and its cache take against the wire text they hold (the corpus files as sent).
  const wireBytes = (await bytesUnder(corpusDir)) - (await stat(path.join(corpusDir, '.complete'))).size;
  const cacheBytes = await bytesUnder(path.join(dataDir, CACHE_DIR));
  const libraryBytes = (await bytesUnder(dataDir)) - cacheBytes;
  log(`  disk: library ${round(libraryBytes / MB)} MB + cache ${round(cacheBytes / MB)} MB for ${round(wireBytes / MB)} MB of wire text: ${round((libraryBytes + cacheBytes) / wireBytes, 2)}×`);

  // The single-file lowdb yardstick stringifies the whole archive per edit: beyond 100,000 stories it says nothing new and takes minutes.
  let baseline = { fileMB: NaN, medianMs: NaN };
  if (size <= BASELINE_MAX_SIZE) {
    log('Baseline: the same edit on a single-file lowdb store of the same corpus …');
    const store = await LibraryStore.open(dataDir, { readOnly: true });
    baseline = await baselineEditMs(store, workDir);
    await store.close();
    log(`  ${round(baseline.fileMB)} MB file, edit median ${round(baseline.medianMs)} ms (${round(baseline.medianMs / open.editPersistMs)}× slower)`);
  }

  const figures = {
    size,
    stories: open.stories,
    importFilesPerSec: Math.round(importFilesPerSec),
    coldOpenMs: round(open.coldOpenMs),
    indexReadyMs: round(open.indexReadyMs),
    buildMainBlockMs: round(open.buildMainBlockMs, 1),
    // The longest gap split (thread-gaps.ts; NaN where threads have no scheduler statistics).
    buildMainOwnBlockMs: open.buildMainGaps?.ranMs ?? NaN,
    buildMainGapRanMs: open.buildMainGaps?.gapRanMs ?? NaN,
    buildMainGapWaitedMs: open.buildMainGaps?.gapWaitedMs ?? NaN,
    buildMainGapSleptMs: open.buildMainGaps?.gapSleptMs ?? NaN,
    editPersistMs: round(open.editPersistMs, 2),
    baselineEditPersistMs: round(baseline.medianMs),
    baselineRatio: round(baseline.medianMs / open.editPersistMs),
    searchP95Ms: round(open.searchP95Ms, 2),
    searchPhraseP95Ms: round(open.searchPhraseP95Ms, 2),
    snippetP95Ms: round(open.snippetP95Ms, 2),
    relatedMs: round(open.relatedMs, 2),
    rssMB: Math.round(open.rssMB),
    rssBusyMB: Math.round(open.rssBusyMB),
    rssPeakMB: Math.round(open.rssPeakMB),
    settleMs: Math.round(open.settleMs),
    snapshotMB: round(open.snapshotBytes / 1024 / 1024, 1),
    snapshotWriteMs: round(open.snapshotWriteMs),
    snapshotWriteBlockMs: round(open.snapshotWriteBlockMs, 1),
    snapshotOrigin: second.origin,
    coldOpenFromSnapshotMs: round(second.coldOpenMs),
    headsCacheSegments: second.segmentsFromCache,
    indexReadyFromSnapshotMs: round(second.indexReadyMs),
    snapshotLoadBlockMs: round(second.loadBlockMs, 1),
    snapshotLoadMainBlockMs: round(second.loadMainBlockMs, 1),
    snapshotLoadMainOwnBlockMs: second.loadMainGaps?.ranMs ?? NaN,
    rssSnapshotMB: Math.round(second.rssMB),
    rssSnapshotIdleMB: Math.round(second.rssIdleMB),
    searchP95FromSnapshotMs: round(second.searchP95Ms, 2),
    searchP95WarmMs: round(warm.searchP95Ms, 2),
    warmUpMs: round(warm.warmUpMs),
    rssAllMB: Math.round(open.rssAllMB),
    rssAllSnapshotIdleMB: Math.round(second.rssAllIdleMB),
    wireTextMB: round(wireBytes / MB),
    libraryMB: round(libraryBytes / MB),
    cacheMB: round(cacheBytes / MB),
    diskRatio: round((libraryBytes + cacheBytes) / wireBytes, 2),
    // How the measuring processes' malloc was set (measuringEnv): 0 is glibc's default.
    glibcMmapThresholdKiB: measuringEnv().MALLOC_MMAP_THRESHOLD_ ? MEASURING_MMAP_THRESHOLD / 1024 : 0,
  };
  return figures;
}
