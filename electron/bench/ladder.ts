import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ladderSvg, type LadderRun } from './ladder-plot';

// `npm run -s bench -- --ladder 50000,250000,1000000 --dir D`: the size benchmark at each
// size in turn (a library imported at a size before is reused, with the import rate measured
// then), the figures of every size kept in D/ladder.json (sizes run on other days stay, so the
// million can be run alone on a quiet night), and a plot of each figure against library size
// with the targets as lines: docs/bench/ladder.svg and docs/bench/ladder.json.

const ROOT = path.resolve(import.meta.dirname, '../..');
export const LADDER_OUT = path.join(ROOT, 'docs', 'bench');

const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

/** The commit measured, `+changes` when the working tree differed from it: read at the start, as the code is bundled once then. */
function commitOf(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return changed ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

export async function runLadder(
  sizes: number[],
  workDir: string,
  runOne: (size: number, reuse: boolean) => Promise<Record<string, number | string>>,
  log: (text: string) => void,
  outDir = LADDER_OUT,
): Promise<LadderRun[]> {
  await mkdir(workDir, { recursive: true });
  const file = path.join(workDir, 'ladder.json');
  const runs: LadderRun[] = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as LadderRun[]) : [];
  const commit = commitOf();
  for (const size of [...sizes].sort((a, b) => a - b)) {
    log(`\n== ladder: ${size} files ==`);
    const loadBefore = loadAverage();
    const startedAt = new Date().toISOString();
    const figures = await runOne(size, true);
    const run: LadderRun = { size, startedAt, commit, loadBefore, loadAfter: loadAverage(), cpus: os.cpus().length, figures };
    const at = runs.findIndex((other) => other.size === size);
    if (at >= 0) runs[at] = run;
    else runs.push(run);
    runs.sort((a, b) => a.size - b.size);
    // Written after every size, so a long ladder stopped halfway keeps what it measured.
    await writeFile(file, `${JSON.stringify(runs, null, 2)}\n`);
    await writeLadderOutputs(runs, outDir);
    log(`  ladder figures: ${file}; plot: ${path.join(outDir, 'ladder.svg')} (load average ${loadBefore.join(', ')} before, ${run.loadAfter.join(', ')} after)`);
  }
  return runs;
}

export async function writeLadderOutputs(runs: LadderRun[], outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'ladder.json'), `${JSON.stringify(runs, null, 2)}\n`);
  await writeFile(path.join(outDir, 'ladder.svg'), ladderSvg(runs));
}
