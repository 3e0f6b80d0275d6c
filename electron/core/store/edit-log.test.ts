import { appendFile, cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOpsInPlace, EDIT_LOG_FILE, EditLog, metaDelta, readEditLog } from './edit-log';
import { LibraryStore } from './library-store';
import { emptyMeta, type MetaDoc, type StoryEdit } from './meta';
import { META_FILE } from './meta-file';
import { recordWith } from './records';
import { durableMeta, fakeStory, plain, withTempDir } from './test/helpers';
import { StoryMap } from './story-map';

const LOG = EDIT_LOG_FILE;

/** The library folder as a crash would leave it now: every file as it is on disk, no lock. */
async function crashImage(dir: string, name = 'image'): Promise<string> {
  const image = path.join(dir, name);
  await cp(path.join(dir, 'lib'), image, { recursive: true });
  await rm(path.join(image, 'kroniek.lock'), { force: true });
  return image;
}

async function tag(store: LibraryStore, storyId: string, tagId: string): Promise<void> {
  await store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: recordWith(meta.taggings, [[storyId, [tagId]]]) }));
}

async function openWithStories(dir: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(path.join(dir, 'lib'));
  await store.addStories(['a1', 'a2', 'a3', 'a4'].map((id) => fakeStory(id)));
  return store;
}

describe('the edit log', () => {
  it('takes an edit as a short appended line instead of rewriting library.json, and a reopening after a crash has it', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      const lib = path.join(dir, 'lib');
      const document = await readFile(path.join(lib, META_FILE));
      const logBefore = (await stat(path.join(lib, LOG))).size;
      await tag(store, 'a1', 'kim');
      await store.update({ code: 'story.setNote' }, (meta) => ({ ...meta, storyEdits: recordWith<StoryEdit>(meta.storyEdits, [['a2', { note: 'Bron: ANP, nagaan.' }]]) }));
      expect(await readFile(path.join(lib, META_FILE))).toEqual(document);
      const grown = (await stat(path.join(lib, LOG))).size - logBefore;
      expect(grown).toBeGreaterThan(0);
      expect(grown).toBeLessThan(200);
      const image = await crashImage(dir);
      const reopened = await LibraryStore.open(image);
      expect(reopened.notices).toEqual([]);
      expect(reopened.meta).toEqual(store.meta);
      await reopened.close();
      await store.close();
    });
  });

  it('drops a last line cut short by a crash (never acknowledged) and appends after the valid lines', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      await tag(store, 'a1', 'kim');
      const image = await crashImage(dir);
      await appendFile(path.join(image, LOG), '0badc0de [{"set":"taggings","val');
      const reopened = await LibraryStore.open(image);
      expect(reopened.notices).toEqual([]);
      expect(reopened.meta.taggings.toJSON()).toEqual({ a1: ['kim'] });
      await tag(reopened, 'a2', 'poetin');
      // As a second crash leaves it.
      await cp(image, path.join(dir, 'second'), { recursive: true });
      await rm(path.join(dir, 'second', 'kroniek.lock'));
      const again = await LibraryStore.open(path.join(dir, 'second'));
      expect(again.notices).toEqual([]);
      expect(again.meta.taggings.toJSON()).toEqual({ a1: ['kim'], a2: ['poetin'] });
      await Promise.all([again.close(), reopened.close(), store.close()]);
    });
  });

  it('applies the edits before a damaged line, keeps the log, says how many edits were lost, and writes library.json whole', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      await tag(store, 'a1', 'kim');
      await tag(store, 'a2', 'poetin');
      await tag(store, 'a3', 'poetin');
      const image = await crashImage(dir);
      const lines = (await readFile(path.join(image, LOG), 'utf8')).split('\n');
      // The header, the import, then three edits: the second one's bytes change (a bad sector).
      const second = lines.findIndex((line) => line.includes('"a2"'));
      expect(second).toBe(lines.length - 3);
      lines[second] = lines[second]!.replace('poetin', 'poetim');
      await writeFile(path.join(image, LOG), lines.join('\n'));
      const damaged = await readFile(path.join(image, LOG));
      const reopened = await LibraryStore.open(image);
      expect(reopened.notices).toEqual([{ code: 'edits-damaged', lost: 2, keptAs: expect.stringMatching(/^library-edits\.jsonl\.damaged-/) }]);
      expect(reopened.meta.taggings.toJSON()).toEqual({ a1: ['kim'] });
      const keptAs = (reopened.notices[0] as { keptAs: string }).keptAs;
      expect(await readFile(path.join(image, keptAs))).toEqual(damaged);
      await reopened.close();
      const later = await LibraryStore.open(image);
      expect(later.notices).toEqual([]);
      expect(later.meta.taggings.toJSON()).toEqual({ a1: ['kim'] });
      await Promise.all([later.close(), store.close()]);
    });
  });

  it('ignores a log that library.json already holds (a crash between writing it whole and starting the next log)', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      const lib = path.join(dir, 'lib');
      await tag(store, 'a1', 'kim');
      const oldLog = await readFile(path.join(lib, LOG));
      await tag(store, 'a1', 'poetin');
      await store.close();
      // Closing wrote library.json whole; the log it replaced comes back.
      await writeFile(path.join(lib, LOG), oldLog);
      const reopened = await LibraryStore.open(lib);
      expect(reopened.notices).toEqual([]);
      expect(reopened.meta.taggings.toJSON()).toEqual({ a1: ['poetin'] });
      await tag(reopened, 'a2', 'kim');
      await reopened.close();
      const again = await LibraryStore.open(lib);
      expect(again.meta.taggings.toJSON()).toEqual({ a1: ['poetin'], a2: ['kim'] });
      await again.close();
    });
  });

  it('does not apply a log to an older library.json put back in its place, keeps it and says so', async () => {
    await withTempDir(async (dir) => {
      const lib = path.join(dir, 'lib');
      await (await openWithStories(dir)).close();
      const older = await readFile(path.join(lib, META_FILE));
      const between = await LibraryStore.open(lib);
      await tag(between, 'a3', 'oekraine');
      await between.close();
      const store = await LibraryStore.open(lib);
      await tag(store, 'a1', 'kim');
      await tag(store, 'a2', 'kim');
      const image = await crashImage(dir);
      await writeFile(path.join(image, META_FILE), older);
      const opened = await LibraryStore.open(image);
      expect(opened.notices).toMatchObject([{ code: 'edits-damaged', lost: 2 }]);
      expect(opened.meta.taggings.toJSON()).toEqual({});
      expect(opened.storyCount).toBe(4);
      await Promise.all([opened.close(), store.close()]);
    });
  });

  it('is written into library.json once it is half the document, and at closing', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      const lib = path.join(dir, 'lib');
      const generation = async () => (JSON.parse(await readFile(path.join(lib, META_FILE), 'utf8')) as { editLog: number }).editLog;
      const first = await generation();
      // A long note: the log is past half the document (and its floor), so the next edit writes the document whole.
      await store.update(null, (meta) => ({ ...meta, storyEdits: recordWith<StoryEdit>(meta.storyEdits, [['a1', { note: 'Achtergrond bij het bezoek. '.repeat(12_000) }]]) }));
      expect(await generation()).toBe(first);
      await tag(store, 'a2', 'kim');
      expect(await generation()).toBe(first + 1);
      const log = await readEditLog(lib);
      expect(log).toMatchObject({ generation: first + 1, edits: [], lost: 0 });
      await tag(store, 'a3', 'kim');
      expect((await readEditLog(lib)).edits).toHaveLength(1);
      await store.close();
      expect(await generation()).toBe(first + 2);
      expect(await readEditLog(lib)).toMatchObject({ generation: first + 2, edits: [] });
      const onDisk = JSON.parse(await readFile(path.join(lib, META_FILE), 'utf8')) as MetaDoc;
      expect(onDisk.taggings).toEqual({ a2: ['kim'], a3: ['kim'] });
      // Closing without logged edits writes nothing.
      const reopened = await LibraryStore.open(lib);
      await reopened.close();
      expect(await generation()).toBe(first + 2);
    });
  });

  it('never writes its generation into the document in memory, a backup or an archive', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      await tag(store, 'a1', 'kim');
      await store.close();
      const reopened = await LibraryStore.open(path.join(dir, 'lib'));
      expect(Object.keys(reopened.meta)).not.toContain('editLog');
      expect(await durableMeta(path.join(dir, 'lib'))).toEqual(plain(reopened.meta));
      await reopened.close();
    });
  });

  it.runIf(process.platform === 'linux')('fails an append on a full disk without leaving a piece of a line, and is then left for a full write', async () => {
    // /dev/full takes the open and refuses every write with ENOSPC.
    const log = await EditLog.resume('/dev/full', 3, 0);
    expect(log.shouldFold(1e9)).toBe(false);
    await expect(log.append([{ set: 'notices', value: [] }])).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(log.shouldFold(1e9)).toBe(true);
    expect(log.holdsEdits).toBe(false);
    await log.drop();
  });

  it('refuses a link in place of the log: the next edit writes library.json whole and starts a new log', async () => {
    await withTempDir(async (dir) => {
      const store = await openWithStories(dir);
      const lib = path.join(dir, 'lib');
      await tag(store, 'a1', 'kim');
      await store.close();
      await rm(path.join(lib, LOG));
      const { symlink } = await import('node:fs/promises');
      const elsewhere = path.join(dir, 'elsewhere.txt');
      await writeFile(elsewhere, 'niet van Kroniek\n');
      await symlink(elsewhere, path.join(lib, LOG));
      const reopened = await LibraryStore.open(lib);
      await tag(reopened, 'a2', 'kim');
      await reopened.close();
      expect(await readFile(elsewhere, 'utf8')).toBe('niet van Kroniek\n');
      const again = await LibraryStore.open(lib);
      expect(again.meta.taggings.toJSON()).toEqual({ a1: ['kim'], a2: ['kim'] });
      expect((await readdir(lib)).filter((name) => name.includes('kroniek-tmp'))).toEqual([]);
      await again.close();
    });
  });
});

// ---- the delta itself -------------------------------------------------------------

const ids = fc.constantFrom('a1', 'a2', 'a3', '__proto__', 'constructor', 'toString');
const tagLists = fc.array(fc.constantFrom('kim', 'poetin', 'oekraine'), { maxLength: 3 });
type Edit =
  | { kind: 'tagging'; id: string; tags: string[] }
  | { kind: 'note'; id: string; note: string | undefined }
  | { kind: 'delete'; id: string }
  | { kind: 'series'; id: string; name: string | undefined }
  | { kind: 'rebuild'; id: string; tags: string[] };

/** One edit as the features make them: a record's entries set or removed, a list replaced, an optional field added or removed. */
const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('tagging' as const), id: ids, tags: tagLists }),
  fc.record({ kind: fc.constant('note' as const), id: ids, note: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({ kind: fc.constant('delete' as const), id: ids }),
  fc.record({ kind: fc.constant('series' as const), id: ids, name: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({ kind: fc.constant('rebuild' as const), id: ids, tags: tagLists }),
);

function applyEdit(meta: MetaDoc, edit: Edit): MetaDoc {
  switch (edit.kind) {
    case 'tagging':
      return { ...meta, taggings: recordWith(meta.taggings, [[edit.id, edit.tags.length ? edit.tags : undefined]]) };
    case 'note':
      return { ...meta, storyEdits: recordWith<StoryEdit>(meta.storyEdits, [[edit.id, edit.note === undefined ? undefined : { note: edit.note }]]) };
    case 'delete':
      return { ...meta, deleted: [...meta.deleted, edit.id] };
    case 'series': {
      if (edit.name === undefined) {
        const { seriesNames: _gone, ...rest } = meta;
        return rest;
      }
      return { ...meta, seriesNames: recordWith(meta.seriesNames ?? {}, [[edit.id, edit.name]]) };
    }
    case 'rebuild': {
      // A map made anew from its entries (not by changing the old one): the delta compares every bucket.
      const taggings = StoryMap.from([...meta.taggings].filter(([id]) => id !== edit.id).concat(edit.tags.length ? [[edit.id, edit.tags]] : []));
      return { ...meta, taggings };
    }
  }
}

describe('metaDelta', () => {
  it('gives operations that turn the document before into the one after, also when replayed twice', () => {
    fc.assert(
      fc.property(fc.array(edits, { maxLength: 12 }), (sequence) => {
        const start = emptyMeta('2026-01-01T00:00:00.000Z');
        const states = [start];
        for (const edit of sequence) states.push(applyEdit(states[states.length - 1]!, edit));
        const log = states.slice(1).map((after, i) => JSON.parse(JSON.stringify(metaDelta(states[i]!, after))) as ReturnType<typeof metaDelta>);
        const replay = (times: number) => {
          const doc = JSON.parse(JSON.stringify(start)) as Record<string, unknown>;
          for (let n = 0; n < times; n++) for (const ops of log) applyOpsInPlace(doc, ops);
          return doc;
        };
        const end = JSON.parse(JSON.stringify(states[states.length - 1])) as unknown;
        expect(replay(1)).toEqual(end);
        expect(replay(2)).toEqual(end);
      }),
      { numRuns: 300 },
    );
  });
});
