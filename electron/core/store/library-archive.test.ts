import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, readBackup } from './backups';
import { exportLibraryArchive, importLibraryArchive, libraryArchiveBytes } from './library-archive';
import { LibraryStore } from './library-store';
import { SCHEMA_VERSION } from './meta';
import { durableMeta, fakeStory, plain, withTempDir } from './test/helpers';
import { StoryMap } from './story-map';

const withoutTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":"-"');

/** Library A: stories a0–a3 (a3 deleted), a tag on a1, a link a1→a2, a note and a date, a dossier. */
async function libraryA(dir: string): Promise<string> {
  const source = await LibraryStore.open(path.join(dir, 'a'));
  await source.addStories(['a0', 'a1', 'a2', 'a3', 'shared'].map((id) => fakeStory(id, `Kop ${id}`)));
  await source.update({ code: 'tag.apply', count: 1 }, (meta) => ({
    ...meta,
    deleted: ['a3'],
    tags: [
      { id: 'ta', name: 'Oekraïne', color: '#aa3300', parentId: null, mediaTopic: 'medtop:20000638' },
      { id: 'tb', name: 'Kim–Poetin', color: '#0055aa', parentId: 'ta', mediaTopic: null },
    ],
    taggings: StoryMap.from({ a1: ['ta', 'tb'], shared: ['tb'] }),
    links: [{ id: 'la', from: 'a1', to: 'a2', type: 'follow-up', note: 'vervolg', createdAt: '2024-06-20T10:00:00.000Z' }],
    storyEdits: StoryMap.from({ a1: { note: 'Genève', publishedAt: '2024-06-19' }, shared: { note: 'Notitie van A' } }),
    dossiers: [
      { id: 'da', title: 'Kim en Poetin', subtitle: '', intro: '', entries: [{ storyId: 'a1', note: '' }], createdAt: '2024-06-20T10:00:00.000Z', updatedAt: '2024-06-20T10:00:00.000Z' },
    ],
  }));
  const file = path.join(dir, 'a.json');
  await exportLibraryArchive(source, file);
  await source.close();
  return file;
}

/** Library B: its own stories b0, b1, the shared one, a tag `oekraine` and a note of its own on the shared story. */
async function libraryB(dir: string): Promise<LibraryStore> {
  const target = await LibraryStore.open(path.join(dir, 'b'));
  await target.addStories(['b0', 'b1', 'shared'].map((id) => fakeStory(id, `Kop ${id}`)));
  await target.update({ code: 'tag.apply', count: 1 }, (meta) => ({
    ...meta,
    tags: [{ id: 'tB', name: 'OEKRAINE', color: '#111111', parentId: null, mediaTopic: null }],
    taggings: StoryMap.from({ b0: ['tB'] }),
    storyEdits: StoryMap.from({ shared: { note: 'Notitie van B' } }),
  }));
  return target;
}

describe('library archive', () => {
  it('round-trips a library exactly, deleted stories and metadata included', async () => {
    await withTempDir(async (dir) => {
      const source = await LibraryStore.open(path.join(dir, 'a'));
      await source.addStories(Array.from({ length: 1_200 }, (_, i) => fakeStory(`s${i}`, `Oekraïne ${i}`)));
      await source.update({ code: 'tag.apply', count: 1 }, (meta) => ({
        ...meta,
        deleted: ['s3'],
        tags: [{ id: 't1', name: 'Kim–Poetin', color: '#aa3300', parentId: null, mediaTopic: 'medtop:20000638' }],
        taggings: StoryMap.from({ s1: ['t1'] }),
        storyEdits: StoryMap.from({ s2: { publishedAt: '2024-06-19', note: 'Genève' } }),
      }));
      const first = path.join(dir, 'first.json');
      expect(await exportLibraryArchive(source, first)).toEqual({ stories: 1_200 });
      await source.close();

      const target = await LibraryStore.open(path.join(dir, 'b'));
      expect(await importLibraryArchive(target, first)).toMatchObject({ mode: 'restored', storiesAdded: 1_200, tagsAdded: 1, backup: null });
      expect(target.storyCount).toBe(1_199);
      expect(target.isDeleted('s3')).toBe(true);
      expect((await target.story('s2'))?.note).toBe('Genève');
      const second = path.join(dir, 'second.json');
      await exportLibraryArchive(target, second);
      await target.close();
      expect(withoutTime(await readFile(second, 'utf8'))).toBe(withoutTime(await readFile(first, 'utf8')));
    });
  });

  it('gives the same bytes for a download as for a file, and refuses one above the cap', async () => {
    await withTempDir(async (dir) => {
      const file = await libraryA(dir);
      const store = await LibraryStore.open(path.join(dir, 'a'));
      const { bytes, stories } = await libraryArchiveBytes(store);
      expect(stories).toBe(5);
      expect(withoutTime(bytes.toString('utf8'))).toBe(withoutTime(await readFile(file, 'utf8')));
      await expect(libraryArchiveBytes(store, 1_000)).rejects.toMatchObject({ code: 'too-large', message: expect.stringContaining('desktop app or the command line') });
      await store.close();
    });
  });

  it('merges into a library that has stories: adds, never removes or changes, counts conflicts, backs up first', async () => {
    await withTempDir(async (dir) => {
      const file = await libraryA(dir);
      const target = await libraryB(dir);
      const before = target.meta;
      const summary = await importLibraryArchive(target, file);
      expect(summary).toEqual({
        mode: 'merged',
        storiesAdded: 4,
        storiesAlreadyPresent: 1,
        tagsAdded: 1,
        tagsMatched: 1,
        linksAdded: 1,
        dossiersAdded: 1,
        searchesAdded: 0,
        conflictsKept: 1,
        notTaken: [],
        backup: expect.stringMatching(/^library-.*\.json\.gz$/),
      });
      const meta = target.meta;
      // B's own things are untouched.
      expect(meta.tags[0]).toEqual(before.tags[0]);
      expect(meta.taggings.get('b0')).toEqual(['tB']);
      expect((await target.story('shared'))?.note).toBe('Notitie van B');
      // A's things came in, mapped: Oekraïne is B's OEKRAINE, Kim–Poetin is new under it.
      const kimPoetin = meta.tags.find((tag) => tag.name === 'Kim–Poetin')!;
      expect(kimPoetin).toMatchObject({ color: '#0055aa', parentId: 'tB' });
      expect(kimPoetin.id).not.toBe('tb');
      expect(meta.taggings.get('a1')).toEqual(['tB', kimPoetin.id]);
      expect(meta.taggings.get('shared')).toEqual([kimPoetin.id]);
      expect(meta.links).toMatchObject([{ from: 'a1', to: 'a2', type: 'follow-up', note: 'vervolg' }]);
      expect(meta.dossiers.map((dossier) => dossier.title)).toEqual(['Kim en Poetin']);
      expect(await target.story('a1')).toMatchObject({ note: 'Genève', publishedAt: '2024-06-19', headline: 'Kop a1' });
      expect(target.isDeleted('a3')).toBe(true);
      expect(target.storyCount).toBe(6);
      // The backup is the state before, and restorable.
      expect(plain(await readBackup(target.dataDir, summary.backup!))).toEqual(plain(before));
      // One store commit: the document on disk (library.json and its edit log) is the merged one.
      expect(await durableMeta(target.dataDir)).toEqual(plain(meta));

      // A second import adds nothing and changes nothing.
      const again = await importLibraryArchive(target, file);
      expect(again).toMatchObject({ storiesAdded: 0, storiesAlreadyPresent: 5, tagsAdded: 0, tagsMatched: 2, linksAdded: 0, dossiersAdded: 0, conflictsKept: 1 });
      expect(plain(target.meta)).toEqual(plain(meta));
      await target.close();
    });
  });

  it('keeps a story deleted here deleted, and one deleted in the archive but present here as it is', async () => {
    await withTempDir(async (dir) => {
      const file = await libraryA(dir);
      const target = await LibraryStore.open(path.join(dir, 'b'));
      await target.addStories([fakeStory('a3'), fakeStory('a1'), fakeStory('x')]);
      await target.update(null, (meta) => ({ ...meta, deleted: ['a1'] }));
      await importLibraryArchive(target, file);
      expect(target.isDeleted('a1')).toBe(true);
      expect(target.isDeleted('a3')).toBe(false);
      await target.close();
    });
  });

  it('migrates an archive of an older schema, refuses one of a newer schema', async () => {
    await withTempDir(async (dir) => {
      const file = await libraryA(dir);
      const archive = JSON.parse(await readFile(file, 'utf8'));
      const newer = path.join(dir, 'newer.json');
      await writeFile(newer, JSON.stringify({ ...archive, schemaVersion: 99, meta: { ...archive.meta, schemaVersion: 99 } }));
      const target = await libraryB(dir);
      await expect(importLibraryArchive(target, newer)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('newer Kroniek (schema 99)'), reason: { code: 'library.newer', what: 'archive', found: 99, supported: SCHEMA_VERSION } });
      // Version 1 is the oldest schema; its archive is read through the same migration runner.
      const v1 = path.join(dir, 'v1.json');
      await writeFile(v1, JSON.stringify({ ...archive, schemaVersion: 1 }));
      await expect(importLibraryArchive(target, v1)).resolves.toMatchObject({ mode: 'merged', storiesAdded: 4 });
      await target.close();
    });
  });

  it('refuses bad archives with a clear message and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const file = await libraryA(dir);
      const text = await readFile(file, 'utf8');
      const archive = JSON.parse(text);
      const bad: Record<string, string> = {
        'not-json.json': 'Dit is geen JSON',
        'truncated.json': text.slice(0, Math.floor(text.length / 2)),
        'other.json': '{"format":"something-else"}',
        'shape.json': JSON.stringify({ ...archive, stories: [{ head: { id: 'x' } }] }),
        'meta.json': JSON.stringify({ ...archive, meta: { ...archive.meta, tags: 'kapot' } }),
        'proto-id.json': JSON.stringify({ ...archive, stories: [{ ...archive.stories[0], head: { ...archive.stories[0].head, id: '__proto__' } }] }),
      };
      // What is wrong, as data for the UI to word.
      const problems: Record<string, string> = { 'not-json.json': 'json', 'truncated.json': 'json', 'other.json': 'shape', 'shape.json': 'shape', 'meta.json': 'metadata', 'proto-id.json': 'shape' };
      const target = await libraryB(dir);
      const before = target.meta;
      const filesBefore = await readdir(target.dataDir, { recursive: true });
      for (const [name, content] of Object.entries(bad)) {
        await writeFile(path.join(dir, name), content);
        const failure = importLibraryArchive(target, path.join(dir, name));
        await expect(failure, name).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(new RegExp(`${name.replace('.', '\\.')}|archive's metadata is damaged`)), reason: { code: 'archive.unreadable', name, problem: problems[name] } });
      }
      await expect(importLibraryArchive(target, path.join(dir, 'not-there.json'))).rejects.toMatchObject({ code: 'not-found', reason: { code: 'archive.unreadable', name: 'not-there.json', problem: 'read' } });
      expect(target.meta).toBe(before);
      expect(await listBackups(target.dataDir)).toEqual([]);
      expect(await readdir(target.dataDir, { recursive: true })).toEqual(filesBefore);
      await target.close();
    });
  });

  it('holds an archive to the limits the API holds: a story too long or not as the store writes it is left out, a bad import time repaired, an oversized note refused, and the summary says each', async () => {
    await withTempDir(async (dir) => {
      const source = await LibraryStore.open(path.join(dir, 'a'));
      await source.addStories(['g1', 'g2'].map((id) => fakeStory(id, `Kop ${id}`)));
      await source.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, storyEdits: StoryMap.from({ g1: { note: 'n'.repeat(100_001) } }) }));
      const file = path.join(dir, 'a.json');
      await exportLibraryArchive(source, file);
      await source.close();
      // Hand-edited afterwards: a story of 1.2 million characters, a head without its fields, an import time in year 99999.
      const archive = JSON.parse(await readFile(file, 'utf8')) as { stories: { head: Record<string, unknown>; body: unknown[] }[] };
      const huge = fakeStory('g3');
      archive.stories.push({ head: huge.head as unknown as Record<string, unknown>, body: [{ type: 'paragraph', text: 'x'.repeat(1_200_000) }] });
      archive.stories.push({ head: { id: 'g4', kind: 'article', headline: 'Kaal', dateline: { place: '', agencies: [] }, contentHash: 'h4', sha256: 's4', importedAt: '2026-01-01T00:00:00.000Z' }, body: [] });
      archive.stories[1]!.head.importedAt = '99999-01-01T00:00:00.000Z';
      await writeFile(file, JSON.stringify(archive));

      const target = await LibraryStore.open(path.join(dir, 'b'));
      const summary = await importLibraryArchive(target, file);
      // Not an exact copy any more: merged, which says what it did not take.
      expect(summary).toMatchObject({ mode: 'merged', storiesAdded: 2 });
      expect(summary.notTaken).toEqual([
        { field: 'story', action: 'dropped', count: 2 },
        { field: 'story.importedAt', action: 'repaired', count: 1 },
        { field: 'note', action: 'dropped', count: 1 },
      ]);
      expect(target.head('g2')?.importedAt).toMatch(/^20\d\d-/);
      expect(target.meta.storyEdits.get('g1')?.note).toBeUndefined();
      expect(target.head('g3')).toBeUndefined();
      await target.close();
    });
  });
});

describe('an archive with an agency story of three versions', () => {
  it('counts one story with three versions, into an empty library and into one that has the first version', async () => {
    const { importPrepared } = await import('../import/importer');
    const { dijkVersion, wireFile } = await import('../import/test/wire-items');
    await withTempDir(async (dir) => {
      const source = await LibraryStore.open(path.join(dir, 'src'));
      await importPrepared(source, [1, 2, 3].map((version) => wireFile(`v${version}.json`, dijkVersion(version))));
      await source.addStories([fakeStory('p0', 'Kop p0')]);
      const file = path.join(dir, 'wire.json');
      await exportLibraryArchive(source, file);
      await source.close();

      const empty = await LibraryStore.open(path.join(dir, 'empty'));
      const restored = await importLibraryArchive(empty, file);
      expect(restored).toMatchObject({ mode: 'restored', storiesAdded: 2, versionsAdded: 3 });
      await empty.close();

      const partial = await LibraryStore.open(path.join(dir, 'partial'));
      await importPrepared(partial, [wireFile('v1.json', dijkVersion(1))]);
      const merged = await importLibraryArchive(partial, file);
      // The agency story was there (with version 1): two of its versions are new, the page story is new.
      expect(merged).toMatchObject({ mode: 'merged', storiesAdded: 1, storiesAlreadyPresent: 1, versionsAdded: 2 });
      await partial.close();
    });
  });
});
