import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { emptyMeta, SCHEMA_VERSION } from './meta';
import { META_FILE } from './meta-file';
import { fakeStory, wireVersion, withTempDir } from './test/helpers';
import { StoryMap } from './story-map';

describe('LibraryStore', () => {
  it('persists stories and metadata across reopen', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      expect(store.created).toBe(true);
      await store.addStories([fakeStory('a1'), fakeStory('a2')]);
      await store.update({ code: 'story.setDate' }, (meta) => ({ ...meta, storyEdits: StoryMap.from({ a1: { publishedAt: '2024-06-19' } }) }));
      await store.close();

      const again = await LibraryStore.open(dir);
      expect(again.created).toBe(false);
      expect([...again.liveHeads()].map((head) => head.id)).toEqual(['a1', 'a2']);
      expect(again.summary('a1')?.publishedAt).toBe('2024-06-19');
      const story = await again.story('a2');
      expect(story?.body).toEqual([{ type: 'paragraph', text: 'Tekst van a2.' }]);
      expect(story?.source.fileName).toBe('a2.txt');
      await again.close();
    });
  });

  it('shares the repeated parts of heads, unchanged and frozen, after import and after reopen', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const odd = fakeStory('a3');
      odd.head.dateline = { place: 'GENÈVE', agencies: ['AFP', 'ANP'] };
      odd.head.warnings = ['Joined 2 lines to the line before.'];
      await store.addStories([fakeStory('a1'), fakeStory('a2'), odd]);
      const check = async (current: LibraryStore) => {
        const [a1, a2, a3] = ['a1', 'a2', 'a3'].map((id) => current.head(id)!);
        expect(a1!.dateline).toEqual({ place: 'DEN HAAG', agencies: ['ANP'] });
        expect(a2!.dateline).toBe(a1!.dateline);
        expect(a3!.dateline).toEqual({ place: 'GENÈVE', agencies: ['AFP', 'ANP'] });
        expect(a3!.warnings).toEqual(['Joined 2 lines to the line before.']);
        expect(a1!.warnings).toEqual([]);
        expect(a1!.importedAt).toBe('2026-01-01T00:00:00.000Z');
        expect(Object.isFrozen(a1!.dateline) && Object.isFrozen(a1!.dateline.agencies) && Object.isFrozen(a1!.warnings)).toBe(true);
        expect(() => a1!.dateline.agencies.push('RTR')).toThrow();
        expect((await current.story('a3'))?.dateline.place).toBe('GENÈVE');
      };
      await check(store);
      await store.close();
      const again = await LibraryStore.open(dir);
      await check(again);
      await again.close();
    });
  });

  it("shares an agency's repeated version facts, frozen, and reads every version back as written", async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const first = wireVersion('w1', 1, 'Dijk bij Zwolle doorgebroken');
      first.head.wire!.versionCreated = first.head.wire!.firstCreated;
      const second = wireVersion('w1', 2, 'Dijk bij Zwolle doorgebroken, dorp ontruimd');
      second.head.wire!.infoSources = [{ name: 'Waterschap Drents Overijsselse Delta', role: 'source', uri: null }];
      second.head.wire!.rights = { copyrightHolder: 'ANP', copyrightNotice: null, usageTerms: null, linkedRights: null };
      const other = wireVersion('w2', 1, 'Kabinet presenteert plannen voor de dijken');
      other.head.wire!.infoSources = [{ name: 'Waterschap Drents Overijsselse Delta', role: 'source', uri: null }];
      const written = [first, second, other].map((story) => JSON.parse(JSON.stringify(story.head)) as unknown);
      await store.addStories([first, second, other]);
      const check = (current: LibraryStore) => {
        const [a, b, c] = (
          [
            ['w1', 1],
            ['w1', 2],
            ['w2', 1],
          ] as const
        ).map(([id, version]) => current.versionRecord(id, version)!.wire!);
        expect([a, b, c].map((wire) => JSON.parse(JSON.stringify(wire)) as unknown)).toEqual(written.map((head) => (head as { wire: unknown }).wire));
        // The rights of w1v2 have a linkedRights field the others lack: not shared with them.
        expect(c!.rights).toBe(a!.rights);
        expect(b!.rights).not.toBe(a!.rights);
        expect(c!.infoSources).toBe(b!.infoSources);
        expect(a!.signals).toBe(c!.signals);
        expect(a!.versionCreated).toBe(a!.firstCreated);
        expect(Object.isFrozen(a!.rights) && Object.isFrozen(b!.infoSources) && Object.isFrozen(b!.infoSources[0]) && Object.isFrozen(b!.signals)).toBe(true);
        expect(() => b!.signals.push('kill')).toThrow();
      };
      check(store);
      await store.close();
      const again = await LibraryStore.open(dir);
      check(again);
      await again.close();
    });
  });

  it('finds stories by content and file hash, before and after a reopen, for stories added before and after the first look-up', async () => {
    await withTempDir(async (dir) => {
      const hex = (text: string) => createHash('sha256').update(text).digest('hex');
      const story = (id: string, kind: 'article' | 'brief' = 'article') => {
        const made = fakeStory(id);
        made.head.kind = kind;
        made.head.sha256 = hex(`bestand ${id}`);
        made.head.contentHash = hex(`inhoud ${id}`);
        return made;
      };
      const store = await LibraryStore.open(dir);
      await store.addStories([story('a1'), story('b1', 'brief'), { ...fakeStory('x1') }]);
      const check = (current: LibraryStore, ids: string[]) => {
        for (const id of ids) expect(current.findByContentHash(hex(`inhoud ${id}`))).toBe(id);
        // Only articles are found by their file (a brief shares its file with the page's other briefs).
        for (const id of ids) expect(current.findBySourceSha(hex(`bestand ${id}`))).toBe(id.startsWith('b') ? undefined : id);
        expect(current.findByContentHash('hash-x1')).toBe('x1');
        expect(current.findByContentHash(hex('nergens'))).toBeUndefined();
        expect(current.head('a1')?.sha256).toBe(hex('bestand a1'));
      };
      check(store, ['a1', 'b1']);
      await store.addStories([story('a2')]);
      check(store, ['a1', 'b1', 'a2']);
      await store.close();
      const again = await LibraryStore.open(dir);
      // Added before anything was looked up in this opening.
      await again.addStories([story('a3')]);
      check(again, ['a1', 'b1', 'a2', 'a3']);
      await again.close();
    });
  });

  it('keeps content apart from metadata so an edit does not rewrite stories', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 1_500 }, (_, i) => fakeStory(`s${i}`)));
      const metaBefore = (await readFile(path.join(dir, META_FILE))).length;
      await store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: StoryMap.from({ s1: ['t1'] }) }));
      const metaAfter = (await readFile(path.join(dir, META_FILE))).length;
      expect(metaAfter - metaBefore).toBeLessThan(100);
      expect(metaAfter).toBeLessThan(5_000);
      // 1,500 stories were written as two immutable segments.
      const files = await readdir(path.join(dir, 'content'));
      expect(files.filter((name) => name.endsWith('.heads.json'))).toHaveLength(2);
      await store.close();
    });
  });

  it('gives a second process on the same folder a clear "locked" error', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      // A lock held by a live process (this one, under another pid record) must be respected.
      await writeFile(path.join(dir, 'kroniek.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), startedAt: 'x' }));
      await expect(LibraryStore.open(dir)).rejects.toMatchObject({ code: 'locked' });
      await store.close();
    });
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'kroniek.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: 'x' }));
      const store = await LibraryStore.open(dir);
      await store.close();
    });
  });

  it('leaves memory and disk unchanged when a write fails', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories([fakeStory('a1')]);
      // A long note fills the edit log: the next edit writes library.json whole (which fails below).
      await store.update(null, (meta) => ({ ...meta, storyEdits: StoryMap.from({ a1: { note: 'Lange notitie. '.repeat(20_000) } }) }));
      const before = store.meta;
      const diskBefore = await readFile(path.join(dir, META_FILE), 'utf8');
      // Make the rename target impossible to replace: a non-empty folder in its place.
      const metaPath = path.join(dir, META_FILE);
      await (await import('node:fs/promises')).rm(metaPath);
      await mkdir(path.join(metaPath, 'blocker'), { recursive: true });
      await expect(store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: StoryMap.from({ a1: ['t'] }) }))).rejects.toThrow();
      expect(store.meta).toBe(before);
      expect(store.historyState().canUndo).toBe(false);
      expect(diskBefore).toContain('"schemaVersion"');
      // No temp files left behind.
      expect((await readdir(dir)).filter((name) => name.includes('kroniek-tmp'))).toEqual([]);
      await store.close();
    });
  });

  it('undoes and redoes edits, keeping later imports in place', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories([fakeStory('a1')]);
      await store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: StoryMap.from({ a1: ['t1'] }) }));
      await store.addStories([fakeStory('a2')]);
      expect(store.historyState()).toMatchObject({ canUndo: true, undoLabel: { code: 'tag.apply', count: 1 } });
      await store.undo();
      expect(store.meta.taggings.toJSON()).toEqual({});
      expect(store.storyCount).toBe(2);
      expect(store.historyState()).toMatchObject({ canRedo: true, redoLabel: { code: 'tag.apply', count: 1 } });
      await store.redo();
      expect(store.meta.taggings.toJSON()).toEqual({ a1: ['t1'] });
      await store.close();
      // Undo/redo were written to disk.
      const reopened = await LibraryStore.open(dir);
      expect(reopened.meta.taggings.toJSON()).toEqual({ a1: ['t1'] });
      await reopened.close();
    });
  });

  it('refuses to open a library written by a newer version', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, META_FILE), JSON.stringify({ ...emptyMeta(), schemaVersion: SCHEMA_VERSION + 1 }));
      await expect(LibraryStore.open(dir)).rejects.toThrow(/newer Kroniek/);
      // With its versions as data, for the UI to word.
      await expect(LibraryStore.open(dir)).rejects.toMatchObject({ code: 'conflict', reason: { code: 'library.newer', what: 'library', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION } });
      // The folder is not left locked.
      await writeFile(path.join(dir, META_FILE), JSON.stringify(emptyMeta()));
      const store = await LibraryStore.open(dir);
      await store.close();
    });
  });

  it('keeps a damaged metadata file byte-identical and opens read-only when no backup exists', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories([fakeStory('a1')]);
      await store.close();
      const damaged = Buffer.from('{"schemaVersion":1,"segm');
      await writeFile(path.join(dir, META_FILE), damaged);
      const opened = await LibraryStore.open(dir);
      expect(opened.readOnly).toBe(true);
      expect(opened.notices.map((notice) => notice.code)).toContain('read-only');
      // Stories stay readable from the content segments.
      expect(opened.head('a1')?.headline).toBe('Kop a1');
      await expect(opened.update({ code: 'tag.edit' }, (meta) => ({ ...meta, tags: [] }))).rejects.toMatchObject({ code: 'read-only' });
      const names = await readdir(dir);
      const kept = names.find((name) => name.startsWith(`${META_FILE}.damaged-`));
      expect(kept).toBeDefined();
      expect(await readFile(path.join(dir, kept!))).toEqual(damaged);
      expect(await readFile(path.join(dir, META_FILE))).toEqual(damaged);
      await opened.close();
    });
  });

  it('removes stale temp files at start', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.close();
      await writeFile(path.join(dir, `${META_FILE}.kroniek-tmp-1-abc`), 'partial');
      const again = await LibraryStore.open(dir);
      expect((await readdir(dir)).some((name) => name.includes('kroniek-tmp'))).toBe(false);
      await again.close();
    });
  });
});
