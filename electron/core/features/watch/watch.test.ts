import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../shared/contract/envelope';
import type { Commit } from '../../../../shared/contract/changes';
import type { WatchFolder, WatchLogEntry } from '../../../../shared/contract/watch';
import { openKroniek, type KroniekCore } from '../../app';
import { withTempDir } from '../../store/test/helpers';

// Real folders in a temp dir, a real library, real chokidar. Short timings keep the
// tests quick; every wait is on a log entry (an event), never a fixed sleep, except
// between the chunks of a file written slowly on purpose.

const TIMINGS = { stableMs: 250, pollMs: 25, recheckMs: 100 };

const story = (headline: string, place = 'DEN HAAG') =>
  `${headline}\n${place} (ANP) - ${headline} is het onderwerp van dit bericht, dat uit meerdere zinnen bestaat. Het gaat over een besluit van het kabinet.\nDe tweede alinea vertelt meer over de achtergrond van het besluit en wat het betekent.\n`;

async function openCore(dataDir: string, watchFolders = true): Promise<KroniekCore> {
  return openKroniek({ dataDir, indexes: 'lazy', platform: 'electron', watchFolders, watchOptions: { timings: TIMINGS } });
}

const call = async <T>(core: KroniekCore, method: string, input: unknown = {}) => unwrap(await core.dispatch(method, input)) as T;

/** Resolves with the first log entry (from now on) that `match` accepts. */
function nextEntry(core: KroniekCore, match: (entry: WatchLogEntry) => boolean): Promise<WatchLogEntry> {
  return new Promise((resolve) => {
    const stop = core.context.watch.onEntry((entry) => {
      if (!match(entry)) return;
      stop();
      resolve(entry);
    });
  });
}

const logOf = async (core: KroniekCore) => (await call<{ entries: WatchLogEntry[] }>(core, 'watch.log')).entries;

describe('watch folders', () => {
  it('imports a file written in chunks once, and only when it is complete', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      const core = await openCore(path.join(dir, 'lib'));
      await call(core, 'watch.add', { path: drop });
      const arrived = nextEntry(core, (entry) => entry.file === 'kabinet.txt');
      const text = story('Kabinet neemt besluit over asielwet');
      const handle = await open(path.join(drop, 'kabinet.txt'), 'w');
      // Three chunks, each well within the stability window: a half-written file is never read.
      for (const part of [text.slice(0, 20), text.slice(20, 90), text.slice(90)]) {
        await handle.write(part);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await handle.close();
      const entry = await arrived;
      expect(entry).toMatchObject({ status: 'imported', headline: 'Kabinet neemt besluit over asielwet' });
      await core.context.watch.idle();
      const imported = await call<{ body: { text: string }[] }>(core, 'stories.get', { id: entry.storyId });
      expect(imported.body.map((block) => block.text).join('\n')).toContain('wat het betekent.');
      expect((await logOf(core)).filter((logged) => logged.file === 'kabinet.txt')).toHaveLength(1);
      // Nothing is removed from the drop folder unless asked.
      expect(await readdir(drop)).toEqual(['kabinet.txt']);
      await core.close();
    });
  });

  it('waits for a file still being written when watching starts, and imports it once, complete', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      const text = story('Bericht dat nog werd geschreven');
      const handle = await open(path.join(drop, 'half.txt'), 'w');
      await handle.write(text.slice(0, 40));
      const core = await openCore(path.join(dir, 'lib'));
      const added = call(core, 'watch.add', { path: drop });
      for (const part of [text.slice(40, 100), text.slice(100)]) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        await handle.write(part);
      }
      await handle.close();
      await added;
      const entries = await logOf(core);
      expect(entries).toEqual([expect.objectContaining({ file: 'half.txt', status: 'imported' })]);
      const imported = await call<{ body: { text: string }[] }>(core, 'stories.get', { id: entries[0]!.storyId });
      expect(imported.body.map((block) => block.text).join('\n')).toContain('wat het betekent.');
      await core.close();
    });
  });

  it('leaves a bad file where it is, with its reason in the log, and goes on', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      const core = await openCore(path.join(dir, 'lib'));
      await call(core, 'watch.add', { path: drop, moveImported: true });
      const rejected = nextEntry(core, (entry) => entry.file === 'leeg.txt');
      await writeFile(path.join(drop, 'leeg.txt'), '   \n');
      expect(await rejected).toMatchObject({ status: 'rejected', code: 'empty' });
      const good = nextEntry(core, (entry) => entry.file === 'goed.txt');
      await writeFile(path.join(drop, 'goed.txt'), story('Goed bericht komt gewoon binnen'));
      expect(await good).toMatchObject({ status: 'imported', movedTo: 'goed.txt' });
      expect((await readdir(drop)).sort()).toEqual(['imported', 'leeg.txt']);
      await core.close();
    });
  });

  it('moves imported files to imported/ with a suffix on a clash, and never deletes one', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(path.join(drop, 'imported'), { recursive: true });
      await writeFile(path.join(drop, 'imported', 'bericht.txt'), 'een eerder bestand met dezelfde naam');
      const core = await openCore(path.join(dir, 'lib'));
      await call(core, 'watch.add', { path: drop, moveImported: true });
      const first = nextEntry(core, (entry) => entry.file === 'bericht.txt');
      await writeFile(path.join(drop, 'bericht.txt'), story('Eerste versie van het bericht'));
      expect(await first).toMatchObject({ status: 'imported', movedTo: 'bericht (2).txt' });
      // The same story again (a duplicate) is moved too, and also keeps the earlier ones.
      const again = nextEntry(core, (entry) => entry.file === 'bericht.txt');
      await writeFile(path.join(drop, 'bericht.txt'), story('Eerste versie van het bericht'));
      expect(await again).toMatchObject({ status: 'duplicate', movedTo: 'bericht (3).txt' });
      expect((await readdir(path.join(drop, 'imported'))).sort()).toEqual(['bericht (2).txt', 'bericht (3).txt', 'bericht.txt']);
      expect(await readFile(path.join(drop, 'imported', 'bericht.txt'), 'utf8')).toBe('een eerder bestand met dezelfde naam');
      expect(await readdir(drop)).toEqual(['imported']);
      await core.close();
    });
  });

  it('keeps its folders in the library and resumes watching them when it opens again', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      const lib = path.join(dir, 'lib');
      await mkdir(drop);
      await writeFile(path.join(drop, 'al-daar.txt'), story('Bericht dat er al lag'));
      let core = await openCore(lib);
      const added = await call<WatchFolder>(core, 'watch.add', { path: drop });
      // Files already there are imported once, before add answers.
      expect((await logOf(core)).map((entry) => [entry.file, entry.status])).toEqual([['al-daar.txt', 'imported']]);
      expect(added).toMatchObject({ path: drop, persistent: true, moveImported: false, state: 'watching' });
      await core.close();

      // While closed, another file arrives.
      await writeFile(path.join(drop, 'tussendoor.txt'), story('Bericht dat binnenkwam terwijl Kroniek dicht was'));
      core = await openCore(lib);
      const caughtUp = nextEntry(core, (entry) => entry.file === 'tussendoor.txt');
      expect((await call<WatchFolder[]>(core, 'watch.folders')).map((folder) => folder.path)).toEqual([drop]);
      expect(await caughtUp).toMatchObject({ status: 'imported' });
      const live = nextEntry(core, (entry) => entry.file === 'nieuw.txt');
      await writeFile(path.join(drop, 'nieuw.txt'), story('Nieuw bericht na de herstart'));
      expect(await live).toMatchObject({ status: 'imported' });
      // The file that was already imported is not reported again at every start.
      expect((await logOf(core)).some((entry) => entry.file === 'al-daar.txt')).toBe(false);

      await call(core, 'watch.remove', { id: added.id });
      await core.close();
      core = await openCore(lib);
      expect(await call(core, 'watch.folders')).toEqual([]);
      await core.close();
      expect((await readdir(drop)).sort()).toEqual(['al-daar.txt', 'nieuw.txt', 'tussendoor.txt']);
    });
  });

  it('watches two folders at once, each with its own log entries', async () => {
    await withTempDir(async (dir) => {
      const north = path.join(dir, 'anp');
      const south = path.join(dir, 'reuters');
      await mkdir(north);
      await mkdir(south);
      const core = await openCore(path.join(dir, 'lib'));
      const a = await call<WatchFolder>(core, 'watch.add', { path: north });
      const b = await call<WatchFolder>(core, 'watch.add', { path: south, persist: false });
      const fromNorth = nextEntry(core, (entry) => entry.folderId === a.id);
      const fromSouth = nextEntry(core, (entry) => entry.folderId === b.id);
      await writeFile(path.join(north, 'a.txt'), story('Bericht uit de eerste map'));
      await writeFile(path.join(south, 'b.txt'), story('Bericht uit de tweede map', 'LONDEN'));
      expect(await fromNorth).toMatchObject({ file: 'a.txt', status: 'imported', folder: north });
      expect(await fromSouth).toMatchObject({ file: 'b.txt', status: 'imported', folder: south });
      expect((await call<WatchFolder[]>(core, 'watch.folders')).map((folder) => [folder.path, folder.persistent])).toEqual([
        [north, true],
        [south, false],
      ]);
      const list = await call<{ total: number }>(core, 'stories.list', {});
      expect(list.total).toBe(2);
      await core.close();
    });
  });

  it('says so when a folder disappears, does not crash, and picks it up again when it is back', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      const core = await openCore(path.join(dir, 'lib'));
      await call(core, 'watch.add', { path: drop });
      const gone = nextEntry(core, (entry) => entry.status === 'folder-missing');
      await rename(drop, path.join(dir, 'elders'));
      expect(await gone).toMatchObject({ file: '', folder: drop });
      expect((await call<WatchFolder[]>(core, 'watch.folders'))[0]!.state).toBe('missing');
      const back = nextEntry(core, (entry) => entry.status === 'folder-back');
      await mkdir(drop);
      await back;
      const arrived = nextEntry(core, (entry) => entry.file === 'terug.txt');
      await writeFile(path.join(drop, 'terug.txt'), story('De map is er weer'));
      expect(await arrived).toMatchObject({ status: 'imported' });
      await core.close();
    });
  });

  it('a kept folder that is missing at start is logged, not fatal', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      const lib = path.join(dir, 'lib');
      await mkdir(drop);
      let core = await openCore(lib);
      await call(core, 'watch.add', { path: drop });
      await core.close();
      await rm(drop, { recursive: true });
      core = await openCore(lib);
      expect((await call<WatchFolder[]>(core, 'watch.folders'))[0]).toMatchObject({ path: drop, state: 'missing' });
      expect((await logOf(core))[0]).toMatchObject({ status: 'folder-missing', folder: drop });
      await core.close();
    });
  });

  it('refuses what is not a folder with a clear reason, and relative paths', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'bestand.txt'), 'x');
      const core = await openCore(path.join(dir, 'lib'));
      const missing = await core.dispatch('watch.add', { path: path.join(dir, 'nergens') });
      expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input', reason: { code: 'watch.notAFolder', found: 'missing' } } });
      const file = await core.dispatch('watch.add', { path: path.join(dir, 'bestand.txt') });
      expect(file).toMatchObject({ ok: false, error: { reason: { code: 'watch.notAFolder', found: 'file' } } });
      const relative = await core.dispatch('watch.add', { path: 'drop' });
      expect(relative).toMatchObject({ ok: false, error: { reason: { code: 'watch.notAbsolute' } } });
      const dialog = await core.dispatch('watch.addWithDialog', {});
      expect(dialog).toMatchObject({ ok: false, error: { code: 'unsupported' } });
      await core.close();
    });
  });

  it('announces folders and log entries on the change feed', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      const core = await openCore(path.join(dir, 'lib'));
      const commits: Commit[] = [];
      core.feed.onCommit((commit) => commits.push(commit));
      const folder = await call<WatchFolder>(core, 'watch.add', { path: drop });
      expect(commits.some((commit) => commit.changes.watch)).toBe(true);
      commits.length = 0;
      const arrived = nextEntry(core, (entry) => entry.file === 'x.txt');
      await writeFile(path.join(drop, 'x.txt'), story('Een bericht voor de feed'));
      await arrived;
      expect(commits.some((commit) => commit.changes.stories)).toBe(true);
      expect(commits.some((commit) => commit.changes.watch)).toBe(true);
      commits.length = 0;
      await call(core, 'watch.setMoveImported', { id: folder.id, moveImported: true });
      expect(commits).toEqual([expect.objectContaining({ changes: { watch: true } })]);
      await core.close();
    });
  });

  it('is local: the web host core refuses to add a folder by path', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), indexes: 'lazy', platform: 'web' });
      expect(await core.dispatch('watch.add', { path: dir })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await core.dispatch('watch.folders', {})).toEqual({ ok: true, value: [] });
      await core.close();
    });
  });
});
