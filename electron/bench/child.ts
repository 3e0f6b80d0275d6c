import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { call } from '../cli/command';
import { openKroniek } from '../core/app';
import { lowerRuntimeHelpers } from '../core/thread-priority';
import { measureOpenLibrary, measureSnapshotOpen, type BenchQueries } from './measure-open';
import { buildGaps, ThreadGaps } from './thread-gaps';

// The measuring process of `npm run bench`: opens a library the way the desktop app's
// main process does and prints its figures as one JSON line. It runs bundled
// (bundle-child.ts), as the app's main process runs the core bundled by electron-vite,
// not through tsx: tsx's loader thread and its transpiled sources would add tens of
// megabytes to the memory measured here that the app does not have.

const { values } = parseArgs({
  options: {
    open: { type: 'string' },
    'open-snapshot': { type: 'string' },
    'cold-open': { type: 'string' },
    memory: { type: 'string' },
    queries: { type: 'string' },
    build: { type: 'string' },
    'keep-helpers': { type: 'boolean' },
    'after-warm-up': { type: 'boolean' },
  },
  strict: true,
});
// As the web host: V8's helper threads give way to the main thread (thread-priority.ts);
// --keep-helpers leaves them as Electron's main process does.
if (!values['keep-helpers']) lowerRuntimeHelpers();
if (values.memory) {
  const { measureMemory } = await import('./memory');
  process.stdout.write(`${JSON.stringify(await measureMemory(values.memory))}\n`);
  process.exit(0);
}
if (values['cold-open']) {
  // Only the cold open to the first list page (the compaction bench): then closed.
  const start = performance.now();
  const core = await openKroniek({ dataDir: values['cold-open'], platform: 'cli' });
  await call(core, 'stories.list', { offset: 0, limit: 100 });
  const coldOpenMs = performance.now() - start;
  const segments = core.context.store.meta.segments.length;
  await core.close();
  process.stdout.write(`${JSON.stringify({ coldOpenMs, segments })}\n`);
  process.exit(0);
}
// What the main thread did in each gap of its event loop (Linux), for the build's longest block.
const gaps = values.build || values.open || values['open-snapshot'] ? ThreadGaps.start() : null;
if (values.build) {
  // Only a full index build (no snapshot read or written): its wall time, the CPU of the
  // whole process (every thread) per story, and the longest main-thread block meanwhile.
  const cpu = process.cpuUsage();
  const start = performance.now();
  // Each thread's CPU (Linux: /proc/self/task), read every 200 ms: a worker thread's last reading stays once it has ended.
  const threads = new Map<string, number>();
  const readThreads = () => {
    try {
      for (const tid of readdirSync('/proc/self/task')) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        threads.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
      }
    } catch {
      // Not Linux, or a thread ended while read.
    }
  };
  const sampler = setInterval(readThreads, 200);
  const core = await openKroniek({ dataDir: values.build, platform: 'cli', indexSnapshot: { enabled: false } });
  await core.library.whenReady();
  readThreads();
  clearInterval(sampler);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const threadMs = [...threads.values()].sort((a, b) => b - a).slice(0, 4);
  const stories = core.context.store.storyCount;
  const mainBlockMs = core.library.indexing.lastBuild?.mainLongestBlockMs ?? NaN;
  const startBlockMs = core.library.indexing.lastBuild?.startBlockMs ?? NaN;
  const mainGaps = buildGaps(gaps, core.library.indexing.lastBuild);
  await core.close();
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(`${JSON.stringify({ stories, wallMs, cpuMs, cpuUsPerStory: (cpuMs * 1000) / stories, mainBlockMs, startBlockMs, mainGaps, threadMs })}\n`);
  process.exit(0);
}
const queries = JSON.parse(readFileSync(values.queries!, 'utf8')) as BenchQueries;
const figures = values.open ? await measureOpenLibrary(values.open, queries, gaps) : await measureSnapshotOpen(values['open-snapshot']!, queries, values['after-warm-up'], gaps);
process.stdout.write(`${JSON.stringify(figures)}\n`);
