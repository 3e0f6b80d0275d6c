import { readdirSync, readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { openKroniek, type KroniekCore } from '../core/app';
import { call } from '../cli/command';
import { percentile, timed } from './stats';
import { buildGaps, type BuildGaps, type ThreadGaps } from './thread-gaps';

/** The queries to time, made by the parent (the synthetic corpus reads the seeds beside the sources). */
export interface BenchQueries {
  /** Two-word queries mixing common and rare words. */
  searches: string[];
  /** The same kind of word pairs as exact phrases. */
  phrases: string[];
}

export interface OpenLibraryFigures {
  stories: number;
  coldOpenMs: number;
  indexReadyMs: number;
  editPersistMs: number;
  searchP95Ms: number;
  /** The same word pairs in quotes (exact phrases). */
  searchPhraseP95Ms: number;
  /** Snippets of a result page's first 20 rows (what the list asks for the rows on screen), first asked. */
  snippetP95Ms: number;
  relatedMs: number;
  /** Resident memory once V8 has collected on its own after the work below (see settledRss). */
  rssMB: number;
  /** Resident memory right after the searches and related lists, before any idle-time collection. */
  rssBusyMB: number;
  /** rssMB of every Kroniek process together (rssAllProcessesMB), read at the same moment. */
  rssAllMB: number;
  /** Highest resident memory seen while the indexes were being built. */
  rssPeakMB: number;
  /** Idle time until V8 had collected and rssMB was read. */
  settleMs: number;
  /** The index snapshot written after the build (deferred, in the background). */
  snapshotWriteMs: number;
  snapshotBytes: number;
  /** The longest the snapshot's encoding held the (worker's) event loop. */
  snapshotWriteBlockMs: number;
  /** The longest the main process's event loop was held up while the indexes were built (in the worker). */
  buildMainBlockMs: number;
  /** The build's longest main-thread gap split into the thread's work, its wait for a core and its sleep (Linux; see thread-gaps.ts). */
  buildMainGaps: BuildGaps | null;
}

export interface SnapshotOpenFigures {
  /** How the indexes came to be: `snapshot` unless the snapshot was refused. */
  origin: string;
  coldOpenMs: number;
  indexReadyMs: number;
  /** Resident memory right after the indexes were ready. */
  rssMB: number;
  /** Resident memory once idle (as rssMB of the first open). */
  rssIdleMB: number;
  /** rssIdleMB of every Kroniek process together. */
  rssAllIdleMB: number;
  settleMs: number;
  /** The longest the snapshot's reading and decoding held the (worker's) event loop. */
  loadBlockMs: number;
  /** The longest the main process's event loop was held up while the snapshot loaded. */
  loadMainBlockMs: number;
  /** That block split as buildMainGaps (the load's window: from the worker's start to ready). */
  loadMainGaps: BuildGaps | null;
  /** Content segments whose heads the opening read from their cache file (store/heads-cache.ts), of `segments`. */
  segmentsFromCache: number;
  segments: number;
  searchP95Ms: number;
  /** With `afterWarmUp`: how long after ready the library's own warm-up searches had all run (features/library/warm-search.ts). */
  warmUpMs: number;
}

const rssNowMB = () => process.memoryUsage().rss / 1024 / 1024;

/**
 * Resident memory of this process and every process it started (the indexing and feature
 * workers are threads of this one and are in its RSS; a child process, if any, is added), in MB.
 * Read from /proc on Linux; elsewhere this process's RSS alone.
 */
export function rssAllProcessesMB(): number {
  const own = rssNowMB();
  if (process.platform !== 'linux') return own;
  try {
    const parents = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces): state, ppid, …
        parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended while we looked.
      }
    }
    const ours = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents) {
        if (ours.has(pid) || !ours.has(parent)) continue;
        ours.add(pid);
        grew = true;
      }
    }
    let total = own;
    for (const pid of ours) {
      if (pid === process.pid) continue;
      const status = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (status) total += Number(status[1]) / 1024;
    }
    return total;
  } catch {
    return own;
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits, idle, for V8 to collect garbage on its own, then reads the resident memory.
 * The start-up build leaves hundreds of megabytes of garbage, and an ordinary full
 * collection frees it inside the heap without giving pages back; V8's memory reducer
 * compacts and returns them once a process has been idle a while (here 40 to 60 s), as
 * it will be in the app while an editor reads. Its collections are the ones flagged
 * "all external memory". Nothing is forced: no gc(), no flags. Reads after `timeoutMs`
 * regardless (settleMs then says so).
 */
async function settledRss(timeoutMs = 180_000): Promise<{ rssMB: number; rssAllMB: number; settleMs: number }> {
  const start = performance.now();
  let lastReducer = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number; flags?: number } }).detail;
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR && (detail.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY) {
        lastReducer = performance.now();
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    // The reducer runs a few collections in a row: read once five seconds pass without one.
    while (performance.now() - start < timeoutMs && (lastReducer === 0 || performance.now() - lastReducer < 5_000)) await sleep(500);
  } finally {
    observer.disconnect();
  }
  return { rssMB: rssNowMB(), rssAllMB: rssAllProcessesMB(), settleMs: performance.now() - start };
}

/** Opens the library in this process, timed to the first page of the list. */
async function openTimed(dataDir: string) {
  const start = performance.now();
  const core = await openKroniek({ dataDir, platform: 'cli' });
  const first = await call(core, 'stories.list', { offset: 0, limit: 100 });
  return { core, first, start, coldOpenMs: performance.now() - start };
}

/** Waits for the background indexes (search, related); `sample` runs every 20 ms meanwhile. */
async function untilIndexesReady(core: KroniekCore, sample: () => void = () => {}): Promise<void> {
  const sampler = setInterval(sample, 20);
  try {
    await core.library.whenReady();
  } finally {
    clearInterval(sampler);
  }
}

/** The time of each search, answered as the list asks: the first page, best first. */
async function searchTimes(core: KroniekCore, queries: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) times.push((await timed(() => call(core, 'stories.list', { query, limit: 100 }))).ms);
  return times;
}

/** The time of the snippets of each search's first 20 rows, as the list asks for the rows on screen. */
async function snippetTimes(core: KroniekCore, queries: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    const page = (await call(core, 'stories.list', { query, limit: 20 })) as { items: { id: string }[] };
    if (page.items.length === 0) continue;
    times.push((await timed(() => call(core, 'stories.snippets', { query, ids: page.items.map((item) => item.id) }))).ms);
  }
  return times;
}

/** Opens an existing library in this (fresh) process and measures what an editor feels. */
export async function measureOpenLibrary(dataDir: string, queries: BenchQueries, gaps: ThreadGaps | null = null): Promise<OpenLibraryFigures> {
  const { core, first, start, coldOpenMs } = await openTimed(dataDir);
  let rssPeakMB = rssNowMB();
  await untilIndexesReady(core, () => (rssPeakMB = Math.max(rssPeakMB, rssNowMB())));
  const indexReadyMs = performance.now() - start;
  const buildMainGaps = buildGaps(gaps, core.library.indexing.lastBuild);

  const ids = first.items.map((item) => item.id);
  const tag = (await core.dispatch('tags.create', { name: 'bench' })) as { ok: boolean; value?: { id: string } };
  const edits: number[] = [];
  for (let i = 0; i < 30; i++) {
    const id = ids[i % ids.length]!;
    if (tag.ok && tag.value) {
      const { ms } = await timed(() => core.dispatch('tags.apply', { storyIds: [id], addTagIds: [tag.value!.id] }));
      edits.push(ms);
    } else {
      const { ms } = await timed(() => call(core, 'stories.setNote', { id, note: `bench ${i}` }));
      edits.push(ms);
    }
  }

  const searches = await searchTimes(core, queries.searches);
  const snippets = await snippetTimes(core, queries.searches.slice(0, 60));
  // Exact phrases: every candidate's text is checked, and most fail.
  const phrases = await searchTimes(core, queries.phrases);

  const related: number[] = [];
  for (const id of ids.slice(0, 50)) {
    const { ms } = await timed(() => call(core, 'related.list', { storyId: id, limit: 10 }));
    related.push(ms);
  }

  // The app writes the snapshot 10 s after the build; written now, before the idle wait,
  // so that its own collections are not taken for the idle memory reducer's.
  const indexing = core.library.indexing;
  const buildMainBlockMs = indexing.lastBuild?.mainLongestBlockMs ?? NaN;
  const written = (await indexing.saveSnapshot()) ?? (await indexing.status()).lastSnapshotWrite;
  const rssBusyMB = rssNowMB();
  const { rssMB, rssAllMB, settleMs } = await settledRss();
  const stories = core.context.store.storyCount;
  await core.close();
  return {
    stories,
    coldOpenMs,
    indexReadyMs,
    editPersistMs: percentile(edits, 50),
    searchP95Ms: percentile(searches, 95),
    searchPhraseP95Ms: percentile(phrases, 95),
    snippetP95Ms: percentile(snippets, 95),
    relatedMs: percentile(related, 95),
    rssMB,
    rssBusyMB,
    rssAllMB,
    rssPeakMB: Math.max(rssPeakMB, rssBusyMB),
    settleMs,
    snapshotWriteMs: written?.ms ?? NaN,
    snapshotBytes: written?.bytes ?? NaN,
    snapshotWriteBlockMs: written?.longestBlockMs ?? NaN,
    buildMainBlockMs,
    buildMainGaps,
  };
}

/**
 * Opens the library again, in a fresh process, with the index snapshot the first open wrote.
 * `afterWarmUp`: the searches wait until the library's warm-up searches have run (what an
 * editor who searches a moment after ready sees), and the memory once idle is not waited for.
 */
export async function measureSnapshotOpen(dataDir: string, queries: BenchQueries, afterWarmUp = false, gaps: ThreadGaps | null = null): Promise<SnapshotOpenFigures> {
  const { core, start, coldOpenMs } = await openTimed(dataDir);
  const { segmentsFromCache } = core.context.store;
  const segments = core.context.store.meta.segments.length;
  await untilIndexesReady(core);
  const indexReadyMs = performance.now() - start;
  const loadMainGaps = buildGaps(gaps, core.library.indexing.lastBuild);
  const rssMB = rssNowMB();
  const status = await core.library.indexing.status();
  const loadMainBlockMs = core.library.indexing.lastBuild?.mainLongestBlockMs ?? NaN;

  let warmUpMs = NaN;
  if (afterWarmUp) {
    const deadline = performance.now() + 60_000;
    while (!core.library.searchIsWarm && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    warmUpMs = performance.now() - start - indexReadyMs;
  }
  const searches = await searchTimes(core, queries.searches);
  const settled = afterWarmUp ? { rssMB: NaN, rssAllMB: NaN, settleMs: NaN } : await settledRss();
  await core.close();
  return {
    origin: status.origin,
    coldOpenMs,
    indexReadyMs,
    rssMB,
    rssIdleMB: settled.rssMB,
    rssAllIdleMB: settled.rssAllMB,
    settleMs: settled.settleMs,
    loadBlockMs: status.lastSnapshotLoad?.longestBlockMs ?? NaN,
    loadMainBlockMs,
    loadMainGaps,
    segmentsFromCache,
    segments,
    searchP95Ms: percentile(searches, 95),
    warmUpMs,
  };
}
