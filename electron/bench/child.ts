import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
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
    queries: { type: 'string' },
  },
  strict: true,
});
const queries = JSON.parse(readFileSync(values.queries!, 'utf8')) as BenchQueries;
const figures = values.open ? await measureOpenLibrary(values.open, queries) : await measureSnapshotOpen(values['open-snapshot']!, queries);
process.stdout.write(`${JSON.stringify(figures)}\n`);
