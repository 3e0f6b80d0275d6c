import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { openKroniek } from '../core/app';
import { importPaths } from '../core/import/importer';
import { bundledWorkers } from './bundle-child';

// `--import-speed N`: the import alone, as the issue measures it (files/s), into an empty
// library and into one that already holds N files' stories: the decade corpus of 2N files
// (folders of 1,000), the first N imported into a fresh library, then the next N into it.
// Wall time and the process's CPU time (user + system) for each, so a run on a busy machine
// still says what the import itself cost. Its worker threads run bundled (bundledWorkers).

export interface ImportSpeedFigures {
  files: number;
  intoEmpty: ImportRun;
  intoFull: ImportRun;
}

interface ImportRun {
  files: number;
  stories: number;
  wallMs: number;
  cpuMs: number;
  filesPerSec: number;
  filesPerCpuSec: number;
}

export async function benchImportSpeed(
  size: number,
  workDir: string,
  ensureCorpus: (dir: string, size: number) => Promise<void>,
  corpusDir: string,
  log: (text: string) => void,
): Promise<ImportSpeedFigures> {
  log(`Generating ${2 * size} decade-corpus files in ${corpusDir} …`);
  await ensureCorpus(corpusDir, 2 * size);
  const folders = (await readdir(corpusDir)).filter((name) => /^\d{3}$/.test(name)).sort().map((name) => path.join(corpusDir, name));
  const half = Math.ceil(size / 1_000);
  const dataDir = path.join(workDir, `library-import-speed-${size}`);
  await rm(dataDir, { recursive: true, force: true });
  bundledWorkers();
  const core = await openKroniek({ dataDir, platform: 'cli', indexes: 'lazy', indexSnapshot: { enabled: false } });
  try {
    const run = async (paths: string[]): Promise<ImportRun> => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await importPaths(core.context.store, paths, core.context.importOptions);
      const wallMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const files = report.totals.files;
      return { files, stories: report.totals.imported + report.totals.briefsImported, wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs), filesPerSec: Math.round(files / (wallMs / 1000)), filesPerCpuSec: Math.round(files / (cpuMs / 1000)) };
    };
    log('Importing into an empty library …');
    const intoEmpty = await run(folders.slice(0, half));
    log(`  ${intoEmpty.files} files in ${intoEmpty.wallMs} ms (${intoEmpty.filesPerSec} files/s), CPU ${intoEmpty.cpuMs} ms (${intoEmpty.filesPerCpuSec} files per CPU second)`);
    log(`Importing into a library of ${core.context.store.storyCount} stories …`);
    const intoFull = await run(folders.slice(half, 2 * half));
    log(`  ${intoFull.files} files in ${intoFull.wallMs} ms (${intoFull.filesPerSec} files/s), CPU ${intoFull.cpuMs} ms (${intoFull.filesPerCpuSec} files per CPU second)`);
    return { files: size, intoEmpty, intoFull };
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
