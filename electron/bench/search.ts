import { loadavg } from 'node:os';
import { SearchIndex } from '../core/search/index';
import { syntheticDoc, syntheticPrefixQueries, syntheticQueries } from '../core/search/test/synthetic-corpus';

// Search benchmark over a deterministic synthetic Dutch archive (not a test: the
// figures depend on the machine). Run:
//   npx tsx -e "import('./electron/bench/search.ts').then(m=>console.log(m.benchSearch(50000)))"
// With node --expose-gc the heap figure is measured after a full collection.

export interface SearchBenchResult {
  /** Stories indexed. */
  size: number;
  /** Indexing all stories, synchronously (includes generating the synthetic text). */
  buildMs: number;
  /** CPU time of the build (the machine may be shared: wall time alone can mislead). */
  buildCpuMs: number;
  /** Two-word queries (complete words), median and 95th percentile. */
  p50Ms: number;
  p95Ms: number;
  /** A complete word plus a 3-6 letter word start, as while typing: 95th percentile. */
  prefixP95Ms: number;
  /** Median hits per two-word query, to show the queries are not trivially empty. */
  medianHits: number;
  heapMB: number;
  rssMB: number;
  /** 1-minute load average while measuring: on a shared 2-core machine, a high value inflates the tails. */
  loadAverage: number;
}

const QUERY_COUNT = 300;

export function benchSearch(n: number): SearchBenchResult {
  const index = new SearchIndex();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < n; i++) index.add(syntheticDoc(i));
  index.compact();
  const buildMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);

  // Build garbage collected first (when possible), so it does not land in the query timings.
  (globalThis as { gc?: () => void }).gc?.();
  const queries = syntheticQueries(QUERY_COUNT);
  const prefixQueries = syntheticPrefixQueries(QUERY_COUNT);
  for (const query of queries.slice(0, 20)) index.search(query); // warm up the JIT
  const hits: number[] = [];
  const times = queries.map((query) => {
    const start = performance.now();
    hits.push(index.search(query).length);
    return performance.now() - start;
  });
  const prefixTimes = prefixQueries.map((query) => {
    const start = performance.now();
    index.search(query);
    return performance.now() - start;
  });

  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return {
    size: index.size,
    buildMs: Math.round(buildMs),
    buildCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    prefixP95Ms: round(percentile(prefixTimes, 0.95)),
    medianHits: percentile(hits, 0.5),
    heapMB: Math.round(memory.heapUsed / 1e6),
    rssMB: Math.round(memory.rss / 1e6),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
