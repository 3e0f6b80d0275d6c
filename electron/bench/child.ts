import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { call } from '../cli/command';
import { openKroniek } from '../core/app';
import { measureOpenLibrary, measureSnapshotOpen, type BenchQueries } from './measure-open';

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
  },
  strict: true,
});
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
const queries = JSON.parse(readFileSync(values.queries!, 'utf8')) as BenchQueries;
const figures = values.open ? await measureOpenLibrary(values.open, queries) : await measureSnapshotOpen(values['open-snapshot']!, queries);
process.stdout.write(`${JSON.stringify(figures)}\n`);
