import { createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { openKroniek } from '../core/app';

// Measures an open library's indexing worker: `worker-heap <dataDir> snapshot|build [out.heapsnapshot]`.
// Opens the library (from its index snapshot, or building the indexes with the snapshot off),
// waits for the indexes, then idles until V8's memory reducer has run (as the benchmark's
// settledRss), prints the process's RSS and main-thread heap, and writes the worker's heap snapshot.

const [dataDir, mode = 'snapshot', out] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: worker-heap <dataDir> snapshot|build [out.heapsnapshot]');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settled(timeoutMs = 120_000): Promise<number> {
  const start = performance.now();
  let lastReducer = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number; flags?: number } }).detail;
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR && (detail.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY) lastReducer = performance.now();
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  while (performance.now() - start < timeoutMs && (lastReducer === 0 || performance.now() - lastReducer < 5_000)) await sleep(500);
  observer.disconnect();
  return performance.now() - start;
}

// A build: without the snapshot, which is written after the build as the app does 10 s later (and the benchmark at once).
if (mode === 'build') rmSync(path.join(dataDir, 'cache', 'indexes.bin'), { force: true });
const t0 = performance.now();
const core = await openKroniek({ dataDir, platform: 'cli' });
await core.library.whenReady();
if (mode === 'build') await core.library.indexing.saveSnapshot();
const readyMs = performance.now() - t0;
const status = await core.library.indexing.status();
const rssReady = process.memoryUsage().rss;
const settleMs = await settled();
const usage = process.memoryUsage();
console.log(JSON.stringify({ mode, origin: status.origin, stories: status.stories, readyS: Math.round(readyMs / 100) / 10, rssReadyMB: mb(rssReady), rssIdleMB: mb(usage.rss), settleS: Math.round(settleMs / 1000), mainHeapMB: mb(usage.heapUsed), externalMB: mb(usage.external), arrayBuffersMB: mb(usage.arrayBuffers) }));
if (out) {
  const worker = (core.library.indexing as unknown as { worker: Worker }).worker;
  await pipeline(await worker.getHeapSnapshot(), createWriteStream(out));
  console.log(`worker heap snapshot: ${out}; rss after ${mb(process.memoryUsage().rss)} MB`);
}
await core.close();
