import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openKroniek } from '../core/app';

// The measuring process of `npm run bench -- --sync N`: an empty library's first sync from
// the desk database, in a fresh process (run bundled, as the app's core runs: no tsx loader
// in the memory measured). Prints one JSON line: the time, the stories that arrived and the
// process's peak resident memory (the kernel's high-water mark, VmHWM, so no sample misses it).

const { values } = parseArgs({ options: { data: { type: 'string' }, url: { type: 'string' }, user: { type: 'string' } }, strict: true });
const password = process.env.KRONIEK_SYNC_PASSWORD ?? '';

function peakRssMB(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: the samples below
  }
  return sampledPeak / 1024 / 1024;
}

let sampledPeak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 100);
const core = await openKroniek({ platform: 'cli', dataDir: values.data!, indexes: 'lazy', syncCredentials: () => ({ password }) });
const start = performance.now();
await core.context.sync.connect({ url: values.url!, user: values.user! }, { live: false });
const ms = performance.now() - start;
const stories = core.context.store.storyCount;
clearInterval(sampler);
await core.close();
process.stdout.write(`${JSON.stringify({ ms, stories, rssPeakMB: peakRssMB() })}\n`);
