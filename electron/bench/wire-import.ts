import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKroniek } from '../core/app';
import { importPaths } from '../core/import/importer';
import { bundledWorkers } from './bundle-child';
import { round, timed } from './stats';
import { anpItem, newsmlFile, ninjsFile } from './wire-corpus';

// `npm run -s bench -- --wire-import N [--updates M]`: N generated Dutch ANP items (wire-corpus.ts)
// as files on disk, once as ninjs (1.x, 2.x and 3.x in turn) and once as NewsML-G2, each imported
// into a fresh library through the real path a drop folder or `kroniek import DIR` takes (read
// the folder, detect, validate / parse, sanitise, fold versions, content segments, one durable
// metadata commit): files/s. Then M of them again as version 2 (files from disk, parsed like
// the first), imported into the ninjs library: new versions/s. The corpus is written once per
// generator version and size under bench-data/ and reused. The libraries are opened without
// indexes (lazy), so the clock runs over the import alone: in the app the indexing worker takes
// in the new stories after the import has answered, on the other core.

export type WireCorpusFormat = 'ninjs' | 'newsml';

export interface WireImportFigures {
  ninjsFilesPerSec: number;
  ninjsMs: number;
  newsmlFilesPerSec: number;
  newsmlMs: number;
  updates: number;
  updatesPerSec: number;
  updatesMs: number;
}

const GENERATOR = 'v1';

async function ensureWireCorpus(dir: string, format: WireCorpusFormat, count: number, version: number): Promise<void> {
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return;
  await rm(dir, { recursive: true, force: true });
  for (let start = 0; start < count; start += 1_000) {
    const sub = path.join(dir, String(start / 1_000).padStart(3, '0'));
    await mkdir(sub, { recursive: true });
    const end = Math.min(count, start + 1_000);
    await Promise.all(
      Array.from({ length: end - start }, (_, i) => {
        const index = start + i;
        const item = anpItem(index, version);
        return format === 'ninjs'
          ? writeFile(path.join(sub, `anp-${index}-v${version}.json`), ninjsFile(item, ((index % 3) + 1) as 1 | 2 | 3))
          : writeFile(path.join(sub, `anp-${index}-v${version}.xml`), newsmlFile(item));
      }),
    );
  }
  await writeFile(marker, String(count));
}

export async function benchWireImport(count: number, updates: number, workDir: string, log: (text: string) => void): Promise<WireImportFigures> {
  const corpus = (format: WireCorpusFormat, size: number, version: number) => path.join(workDir, `wire-${GENERATOR}-${format}-${size}-v${version}`);
  log(`Generating ${count} ninjs and ${count} NewsML-G2 files and ${updates} version-2 files under ${workDir} …`);
  await ensureWireCorpus(corpus('ninjs', count, 1), 'ninjs', count, 1);
  await ensureWireCorpus(corpus('newsml', count, 1), 'newsml', count, 1);
  if (updates) await ensureWireCorpus(corpus('ninjs', updates, 2), 'ninjs', updates, 2);

  const figures = {} as WireImportFigures;
  bundledWorkers();
  for (const format of ['ninjs', 'newsml'] as const) {
    const dataDir = path.join(workDir, `wire-library-${format}-${count}`);
    await rm(dataDir, { recursive: true, force: true });
    // No indexes: the figure is the import's (the indexing worker's share on a 2-core machine is measured by --versions and --size).
    const core = await openKroniek({ dataDir, platform: 'cli', indexes: 'lazy', indexSnapshot: { enabled: false } });
    try {
      const elu = performance.eventLoopUtilization();
      const run = await timed(() => importPaths(core.context.store, [corpus(format, count, 1)], core.context.importOptions));
      const busy = performance.eventLoopUtilization(elu);
      const { totals } = run.value;
      if (totals.imported !== count || totals.wireStories !== count) throw new Error(`${format}: expected ${count} new stories, got ${JSON.stringify(totals)}`);
      const perSec = count / (run.ms / 1000);
      // The main thread's busy time: on a loaded machine the wall clock waits for a core; this does not.
      log(`  ${format === 'ninjs' ? 'ninjs 1/2/3' : 'NewsML-G2'}: ${count} files in ${round(run.ms)} ms: ${Math.round(perSec)} files/s (main thread busy ${round(busy.active)} ms, ${Math.round(busy.utilization * 100)}% of the time)`);
      figures[`${format}FilesPerSec`] = Math.round(perSec);
      figures[`${format}Ms`] = round(run.ms);
      if (format === 'ninjs' && updates) {
        // The indexes take in the first import's stories on the worker thread: let them finish, so the clock runs over this import alone.
        await core.library.indexing.whenReady();
        const eluAgain = performance.eventLoopUtilization();
        const again = await timed(() => importPaths(core.context.store, [corpus('ninjs', updates, 2)], core.context.importOptions));
        const busyAgain = performance.eventLoopUtilization(eluAgain);
        if (again.value.totals.wireVersions !== updates) throw new Error(`expected ${updates} new versions, got ${JSON.stringify(again.value.totals)}`);
        const versionsPerSec = updates / (again.ms / 1000);
        log(`  ${updates} new versions of stored stories (files) in ${round(again.ms)} ms: ${Math.round(versionsPerSec)} versions/s (main thread busy ${round(busyAgain.active)} ms)`);
        Object.assign(figures, { updates, updatesPerSec: Math.round(versionsPerSec), updatesMs: round(again.ms) });
      }
    } finally {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}
