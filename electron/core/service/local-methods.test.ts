import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localMethodNames, methodNames } from '../../../shared/contract';
import type { ListPage } from '../../../shared/contract/library';
import type { TagListItem } from '../../../shared/contract/tags';
import type { ImportReport } from '../../../shared/types';
import { openKroniek } from '../app';
import { withTempDir } from '../store/test/helpers';
import { failure, ok } from './test/calls';

// The methods the CLI needs beyond what the renderer uses, through the dispatcher every
// transport calls, on a real library folder: imports and archives by path (`local`
// methods, refused on the web host's core), readiness, tag lookup and search scores.

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');

describe('local methods (paths on this computer)', () => {
  it('are exactly the path-taking methods, and no page transport lists them', () => {
    expect(localMethodNames).toEqual(['dossiers.exportToPath', 'import.paths', 'library.exportArchiveToPath', 'library.importArchiveFromPath', 'watch.add']);
    for (const method of localMethodNames) expect(methodNames as string[]).not.toContain(method);
  });

  it('are refused by the core of the web host, whatever brings the call, before anything is read', async () => {
    await withTempDir(async (dir) => {
      const secret = path.join(dir, 'secret.txt');
      await writeFile(secret, 'Geheim bericht\n\nDit mag de browser nooit laten inlezen.');
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), platform: 'web' });
      try {
        const inputs: Record<string, unknown> = {
          'import.paths': { paths: [secret] },
          'library.importArchiveFromPath': { path: secret },
          'library.exportArchiveToPath': { path: path.join(dir, 'out.json') },
          'dossiers.exportToPath': { id: 'd1', format: 'md', path: path.join(dir, 'out.md') },
          'watch.add': { path: dir },
        };
        for (const method of localMethodNames) {
          expect(await failure(core, method, inputs[method]), method).toMatchObject({ code: 'forbidden' });
        }
        expect((await ok<ListPage>(core, 'stories.list', {})).total).toBe(0);
        await expect(stat(path.join(dir, 'out.json'))).rejects.toThrow();
      } finally {
        await core.close();
      }
    });
  });

  it('import files and folders by absolute path for the CLI; relative paths are refused', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), platform: 'cli', indexes: 'lazy' });
      try {
        const report = await ok<ImportReport>(core, 'import.paths', { paths: [SEEDS] });
        expect(report.totals).toMatchObject({ imported: 5, briefsImported: 35, rejected: 0 });
        expect(await failure(core, 'import.paths', { paths: ['seeds'] })).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('absolute') });
        expect(await failure(core, 'import.paths', { paths: [] })).toMatchObject({ code: 'invalid-input' });
      } finally {
        await core.close();
      }
    });
  });

  it('write the library archive to a new file only, and merge one back from a path', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), seedsDir: SEEDS, platform: 'cli', indexes: 'lazy' });
      try {
        const file = path.join(dir, 'archive.json');
        expect(await ok(core, 'library.exportArchiveToPath', { path: file })).toEqual({ path: file, stories: 40 });
        expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'kroniek-library' });
        expect(await failure(core, 'library.exportArchiveToPath', { path: file })).toMatchObject({ code: 'conflict', message: expect.stringContaining('already exists'), reason: { code: 'file.cannotWrite', path: file, why: 'exists' } });
        await mkdir(path.join(dir, 'folder.json'));
        expect(await failure(core, 'library.exportArchiveToPath', { path: path.join(dir, 'folder.json') })).toMatchObject({ code: 'conflict', message: expect.stringContaining('is a folder'), reason: { code: 'file.cannotWrite', why: 'isFolder' } });
        expect(await failure(core, 'library.exportArchiveToPath', { path: path.join(dir, 'nowhere', 'a.json') })).toMatchObject({ code: 'not-found', reason: { code: 'file.cannotWrite', why: 'noFolder' } });
        expect(await ok(core, 'library.importArchiveFromPath', { path: file })).toMatchObject({ mode: 'merged', storiesAdded: 0, storiesAlreadyPresent: 40 });
        expect(await failure(core, 'library.importArchiveFromPath', { path: 'archive.json' })).toMatchObject({ code: 'invalid-input' });
      } finally {
        await core.close();
      }
    });
  });
});

describe('readiness, tag lookup and search scores', () => {
  it('library.ready answers once every story is in the indexes, without polling', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), seedsDir: SEEDS, platform: 'cli', indexes: 'lazy' });
      try {
        expect(await ok(core, 'library.ready', {})).toEqual({ ready: true, indexed: 40, total: 40 });
        // A search right after it finds what the index holds: complete.
        expect((await ok<ListPage>(core, 'stories.list', { query: 'volledige steun' })).total).toBeGreaterThan(0);
        expect(await failure(core, 'library.ready', { wait: true })).toMatchObject({ code: 'invalid-input' });
      } finally {
        await core.close();
      }
    });
  });

  it('tags.find finds a tag by id or by name without case or diacritics, null when there is none', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'lib'), indexes: 'lazy' });
      try {
        const tag = await ok<TagListItem>(core, 'tags.create', { name: 'Oekraïne' });
        expect(await ok(core, 'tags.find', { nameOrId: 'OEKRAINE' })).toMatchObject({ id: tag.id, name: 'Oekraïne', count: 0 });
        expect(await ok(core, 'tags.find', { nameOrId: tag.id })).toMatchObject({ id: tag.id });
        expect(await ok(core, 'tags.find', { nameOrId: 'Rusland' })).toBeNull();
        expect(await failure(core, 'tags.find', { nameOrId: '  ' })).toMatchObject({ code: 'invalid-input' });
      } finally {
        await core.close();
      }
    });
  });

  it('stories.list gives each hit of a search its score, best first; browsing has none', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), seedsDir: SEEDS, platform: 'cli', indexes: 'lazy' });
      try {
        await ok(core, 'library.ready', {});
        const page = await ok<ListPage>(core, 'stories.list', { query: 'poetin', limit: 3 });
        expect(page.scores).toHaveLength(page.items.length);
        expect(page.scores!.every((score) => score > 0)).toBe(true);
        expect(page.scores).toEqual([...page.scores!].sort((a, b) => b - a));
        // The next page goes on where the first left off.
        expect(page.total).toBeGreaterThan(3);
        const next = await ok<ListPage>(core, 'stories.list', { query: 'poetin', offset: 3, limit: 3 });
        expect(next.scores![0]).toBeLessThanOrEqual(page.scores!.at(-1)!);
        expect((await ok<ListPage>(core, 'stories.list', { limit: 5 })).scores).toBeUndefined();
      } finally {
        await core.close();
      }
    });
  });
});
