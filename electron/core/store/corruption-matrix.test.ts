import { execFileSync } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListPage } from '../../../shared/contract/library';
import type { DamagedContent, LibraryStatus } from '../../../shared/types';
import { openKroniek, type KroniekCore } from '../app';
import { failure, ok } from '../service/test/calls';

// The corruption matrix (issue 17): every kind of file in a library × every way it can be
// damaged, each opened through the core in-process. For every case: no crash (the core
// opens, or refuses with a clear error), no hang (bounded time), nothing silently hidden
// (every story is listed or counted as damaged), a message that names the file, and the
// damaged file itself left as it was (byte-identical; a folder or FIFO still there).
// The figures are in the README's reliability section.

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const STORIES = 40;
const BOUND_MS = 15_000;

type Damage = 'missing' | 'empty' | 'truncated' | 'garbage' | 'wrong-shape' | 'huge' | 'directory' | 'fifo';
const DAMAGES: Damage[] = ['missing', 'empty', 'truncated', 'garbage', 'wrong-shape', 'huge', 'directory', 'fifo'];
type Kind = 'library.json' | 'heads' | 'bodies' | 'snapshot' | 'backup';

let template: string;
let scratch: string;

async function fileOf(dir: string, kind: Kind): Promise<string> {
  switch (kind) {
    case 'library.json':
      return path.join(dir, 'library.json');
    case 'heads':
    case 'bodies': {
      const name = (await readdir(path.join(dir, 'content'))).find((file) => file.endsWith(`.${kind}.json`))!;
      return path.join(dir, 'content', name);
    }
    case 'snapshot':
      return path.join(dir, 'cache', 'indexes.bin');
    case 'backup': {
      const name = (await readdir(path.join(dir, 'backups'))).sort().at(-1)!;
      return path.join(dir, 'backups', name);
    }
  }
}

/** Damages `file` in place; what a check compares it with afterwards. */
async function damage(file: string, how: Damage): Promise<{ bytes: Buffer | null; type: 'file' | 'directory' | 'fifo' | 'none' }> {
  const original = await readFile(file);
  switch (how) {
    case 'missing':
      await rm(file);
      return { bytes: null, type: 'none' };
    case 'empty':
      await writeFile(file, '');
      break;
    case 'truncated':
      await writeFile(file, original.subarray(0, Math.floor(original.length / 2)));
      break;
    case 'garbage':
      await writeFile(file, Buffer.from('\u0000\u0001garbage{{[[ "not what Kroniek writes', 'utf8'));
      break;
    case 'wrong-shape':
      // Valid JSON of the wrong shape: entries of an array where objects belong, and the reverse.
      await writeFile(file, original[0] === 0x5b ? JSON.stringify([{ id: 'constructor', kind: 'article' }, 42, null]) : JSON.stringify({ schemaVersion: 2, segments: 'nee', constructor: [1] }));
      break;
    case 'huge':
      // Sparse: larger than any limit without taking the disk.
      await truncate(file, 0);
      await truncate(file, 1536 * 1024 * 1024);
      return { bytes: null, type: 'file' };
    case 'directory':
      await rm(file);
      await mkdir(file);
      return { bytes: null, type: 'directory' };
    case 'fifo':
      await rm(file);
      execFileSync('mkfifo', [file]);
      return { bytes: null, type: 'fifo' };
  }
  return { bytes: await readFile(file), type: 'file' };
}

async function withinBound<T>(what: string, run: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${BOUND_MS} ms (a hang)`)), BOUND_MS);
  });
  try {
    return await Promise.race([run, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the editor is told, as one text: notices, damaged files, the error if the library did not open. */
function told(status: LibraryStatus | null, damaged: DamagedContent | null, error?: unknown): string {
  return JSON.stringify({ notices: status?.notices, damaged: status?.damaged, checked: damaged, error: error instanceof Error ? error.message : error });
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'kroniek-matrix-'));
  template = path.join(scratch, 'template');
  // One library with every kind of file: metadata, a content segment, the index snapshot, a backup.
  const core = await openKroniek({ dataDir: template, seedsDir: SEEDS, platform: 'cli', indexes: 'eager' });
  await ok(core, 'library.ready', {});
  const page = await ok<ListPage>(core, 'stories.list', { limit: 1 });
  await ok(core, 'tags.apply', { storyIds: [page.items[0]!.id], addNames: ['Matrix'] });
  await core.close();
  await lstat(path.join(template, 'cache', 'indexes.bin'));
  expect((await readdir(path.join(template, 'backups'))).length).toBeGreaterThan(0);
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const outcomes: string[] = [];
afterAll(() => {
  // The figures for the README (printed once; see the reliability section).
  console.info(`[matrix] ${outcomes.length} cases\n${outcomes.join('\n')}`);
});


describe.each<Kind>(['library.json', 'heads', 'bodies', 'snapshot', 'backup'])('a damaged %s', (kind) => {
  it.each(DAMAGES)('%s: no crash, no hang, nothing hidden, the file named and left as it was', async (how) => {
    const dir = path.join(scratch, `${kind}-${how}`);
    await cp(template, dir, { recursive: true });
    const file = await fileOf(dir, kind);
    const relative = path.relative(dir, file);
    const left = await damage(file, how);
    const silent = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    let core: KroniekCore | null = null;
    let status: LibraryStatus | null = null;
    let damaged: DamagedContent | null = null;
    let listed = 0;
    let opened: unknown;
    // The indexes are built (a few seconds on a busy machine) only where they read the damaged file.
    const searched = kind === 'snapshot' || (kind === 'bodies' && (how === 'garbage' || how === 'wrong-shape'));
    try {
      await withinBound(`${kind} ${how}`, (async () => {
        try {
          core = await openKroniek({ dataDir: dir, platform: 'cli', indexes: searched ? 'eager' : 'lazy' });
        } catch (error) {
          opened = error;
          return;
        }
        if (searched) await ok(core, 'library.ready', {});
        listed = (await ok<ListPage>(core, 'stories.list', { limit: 1 })).total;
        damaged = await ok<DamagedContent | null>(core, 'library.checkContent', {});
        status = await ok<LibraryStatus>(core, 'library.status', {});
        // Search works over what can be read (the indexes are built only where they read the damaged file);
        // an incomplete archive is refused unless allowed.
        if (searched) expect((await ok<ListPage>(core, 'stories.list', { query: 'Poetin' })).total).toBeGreaterThan(0);
        if (damaged) expect(await failure(core, 'library.exportArchiveToPath', { path: path.join(dir, 'out.json') })).toMatchObject({ reason: { code: 'export.incomplete' } });
        if (kind === 'backup') await ok(core, 'backups.list', {});
      })());
    } finally {
      await (core as KroniekCore | null)?.close();
      console.error = silent;
    }
    const message = told(status, damaged, opened) + logged.join('\n');
    // Nothing hidden: every story is listed, or counted as damaged.
    const lost = (damaged as DamagedContent | null)?.stories ?? 0;
    if (!opened) expect(listed + (kind === 'heads' ? lost : 0), message).toBeGreaterThanOrEqual(STORIES);
    if (kind === 'bodies' && how !== 'missing') expect(lost, message).toBe(STORIES);
    // The file is named wherever something was lost or the library could not be used as it is.
    // (The meta-missing notice is about library.json alone: every dictionary's words for it name the file.)
    if (kind === 'library.json') expect(message).toMatch(/library\.json|"meta-missing"/);
    if (kind === 'heads' || kind === 'bodies') expect(message).toContain(path.basename(relative));
    // The snapshot is a cache (never authoritative, safe to delete): a damaged one is not used, the indexes are
    // built from the stories (every story is found above), and a new snapshot is written in its place at close.
    const rebuilt = kind === 'snapshot' && (await lstat(file).catch(() => null))?.isFile() && (await readFile(file)).subarray(0, 4).toString('latin1') === 'KRNX';
    // A folder or FIFO at the snapshot's name is left alone (never opened, never replaced): the indexes are built from the stories.
    const untouched = (left.type === 'directory' && (await lstat(file)).isDirectory()) || (left.type === 'fifo' && (await lstat(file)).isFIFO());
    if (kind === 'snapshot' && how !== 'missing') expect(rebuilt || untouched || /snapshot|indexes/i.test(logged.join('\n')), message).toBe(true);
    // Left as it was; a damaged library.json is replaced by the restored backup, and kept byte-identical beside it.
    const kept = kind === 'library.json' ? (await readdir(dir)).filter((name) => name.startsWith('library.json.damaged-')) : [];
    if (left.bytes && kind === 'library.json') {
      expect(kept, message).toHaveLength(1);
      expect(await readFile(path.join(dir, kept[0]!)), `${relative} kept byte-identical`).toEqual(left.bytes);
    } else if (left.bytes && !rebuilt) expect(await readFile(file), `${relative} byte-identical`).toEqual(left.bytes);
    if (left.type === 'directory' && !rebuilt) expect((await lstat(file)).isDirectory()).toBe(true);
    if (left.type === 'fifo' && !rebuilt) expect((await lstat(file)).isFIFO()).toBe(true);
    const notices = ((status as LibraryStatus | null)?.notices ?? []).map((notice) => notice.code).filter((code) => code !== 'seeded');
    outcomes.push(`${kind}\t${how}\t${opened ? `refused: ${(opened as Error).message}` : `listed ${listed}, damaged ${lost}, read-only ${(status as LibraryStatus | null)?.readOnly}, notices [${notices.join(', ')}]${rebuilt ? ', snapshot rebuilt' : ''}`}`);
  }, 30_000);
});
