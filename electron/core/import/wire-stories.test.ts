import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openKroniek } from '../app';
import { IndexingClient } from '../indexing/client';
import { LibraryIndexes } from '../indexing/engine';
import { LibraryStore } from '../store/library-store';
import { withTempDir } from '../store/test/helpers';
import { importPrepared } from './importer';
import { dijkVersion, wireFile, wireItem } from './test/wire-items';
import { mediaTopicOf, wireDay, wireStoryId } from './wire-stories';
import { StoryMap } from '../store/story-map';

const now = () => new Date('2026-12-03T12:00:00.000Z');
const STORY = wireStoryId(dijkVersion(1).guid);

async function withStore(run: (store: LibraryStore, dir: string) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const store = await LibraryStore.open(dir);
    try {
      await run(store, dir);
    } finally {
      await store.close();
    }
  });
}

const importVersions = (store: LibraryStore, ...versions: number[]) =>
  importPrepared(
    store,
    versions.map((version) => wireFile(`dijk-v${version}.json`, dijkVersion(version))),
    { now },
  );

describe('agency items as stories across their versions', () => {
  it('imports an item as a dated article with its dateline, agency facts and Media Topic tags', async () => {
    await withStore(async (store) => {
      const report = await importPrepared(store, [wireFile('dijk.json', wireItem())], { now });
      expect(report.totals).toMatchObject({ files: 1, imported: 1, wireStories: 1, wireVersions: 0 });
      expect(report.files[0]!.versions).toEqual([{ guid: wireItem().guid, storyId: STORY, version: 1, outcome: 'story' }]);
      const story = (await store.story(STORY))!;
      expect(story).toMatchObject({ kind: 'article', headline: 'Dijk bij Lelystad verzakt na dagen regen', publishedAt: '2026-12-03', dateline: { place: 'LELYSTAD', agencies: ['ANP'] } });
      expect(story.body[0]!.text).toContain('veertig meter');
      expect(story.wire).toMatchObject({ guid: wireItem().guid, version: 1, latestVersion: 1, versionCount: 1, status: 'usable', corrected: false, firstCreated: '2026-12-03T09:02:00Z' });
      expect(story.wire!.rights).toEqual({ copyrightHolder: 'ANP', copyrightNotice: '© 2026 ANP', usageTerms: 'Alleen voor abonnees.' });
      expect(story.updatedSinceOpened).toBe(false);
      const tag = store.meta.tags.find((candidate) => candidate.mediaTopic === 'medtop:20000151')!;
      expect(tag.name).toBe('overstroming');
      expect(story.tagIds).toEqual([tag.id]);
    });
  });

  it('takes a known guid as a new version of the same story: tags, notes, links and dossiers stay', async () => {
    await withStore(async (store) => {
      await importVersions(store, 1);
      await importPrepared(store, [wireFile('ander.json', wireItem({ guid: 'urn:anp:ander', headline: 'Ander bericht' }))], { now });
      const other = wireStoryId('urn:anp:ander');
      await store.update(null, (meta) => ({
        ...meta,
        tags: [...meta.tags, { id: 'tmine', name: 'Mijn tag', color: null, parentId: null, mediaTopic: null }],
        taggings: meta.taggings.with([[STORY, [...(meta.taggings.get(STORY) ?? []), 'tmine']]]),
        storyEdits: StoryMap.from({ [STORY]: { note: 'Nabellen met waterschap' } }),
        links: [{ id: 'l1', from: STORY, to: other, type: 'follow-up', note: '', createdAt: '2026-12-03T10:00:00Z' }],
        dossiers: [{ id: 'd1', title: 'Dijken', subtitle: '', intro: '', entries: [{ storyId: STORY, note: '' }], createdAt: '', updatedAt: '' }],
      }));
      const tagsBefore = store.meta.taggings.get(STORY);

      const report = await importVersions(store, 2);
      expect(report.files[0]!.versions).toEqual([{ guid: wireItem().guid, storyId: STORY, version: 2, outcome: 'version' }]);
      expect(report.totals).toMatchObject({ imported: 1, wireStories: 0, wireVersions: 1 });
      expect(store.storyCount).toBe(2);
      const story = (await store.story(STORY))!;
      expect(story.headline).toBe('Dijk bij Lelystad verzakt over 50 meter');
      expect(story.body.map((block) => block.text).join(' ')).toContain('versie2woord');
      expect(story.wire).toMatchObject({ version: 2, latestVersion: 2, versionCount: 2 });
      expect(story.updatedSinceOpened).toBe(true);
      expect(story.tagIds).toEqual(tagsBefore);
      expect(story.note).toBe('Nabellen met waterschap');
      expect(story.linkCount).toBe(1);
      expect(store.meta.dossiers[0]!.entries).toEqual([{ storyId: STORY, note: '' }]);
      expect(store.storyVersions(STORY).map((version) => [version.version, version.signals])).toEqual([
        [1, []],
        [2, ['update']],
      ]);
    });
  });

  it('lands a late version in its place, never over newer text, and takes the same version twice as a duplicate', async () => {
    await withStore(async (store) => {
      await importVersions(store, 3);
      const late = await importVersions(store, 2);
      expect(late.files[0]!.versions![0]!.outcome).toBe('older');
      const story = (await store.story(STORY))!;
      expect(story.wire).toMatchObject({ version: 3, versionCount: 2 });
      expect(story.headline).toBe('Dijk bij Lelystad verzakt over 60 meter');
      const again = await importVersions(store, 3, 2);
      expect(again.files.map((file) => [file.status, file.versions![0]!.outcome])).toEqual([
        ['duplicate', 'duplicate'],
        ['duplicate', 'duplicate'],
      ]);
      // Within one batch too.
      const batch = await importPrepared(store, [wireFile('a.json', dijkVersion(5)), wireFile('b.json', dijkVersion(5))], { now });
      expect(batch.files.map((file) => file.versions![0]!.outcome)).toEqual(['version', 'duplicate']);
      expect(store.storyVersions(STORY).map((version) => version.version)).toEqual([2, 3, 5]);
      // An older version can be opened.
      const v2 = (await store.storyAtVersion(STORY, 2))!;
      expect(v2.headline).toBe('Dijk bij Lelystad verzakt over 50 meter');
      expect(v2.wire).toMatchObject({ version: 2, latestVersion: 5 });
      expect(await store.storyAtVersion(STORY, 4)).toBeUndefined();
    });
  });

  it('gives the same story whatever order its versions arrive in, in one batch or many', async () => {
    const final = async (order: number[], batches: number) => {
      let result: unknown;
      await withStore(async (store, dir) => {
        const size = Math.ceil(order.length / batches);
        for (let at = 0; at < order.length; at += size) await importVersions(store, ...order.slice(at, at + size));
        await store.close();
        // And the same again after a restart, worked out from the segments.
        const reopened = await LibraryStore.open(dir);
        const { source: _source, importedAt: _importedAt, tagIds, ...story } = (await reopened.story(STORY))!;
        const tags = tagIds.map((id) => reopened.meta.tags.find((tag) => tag.id === id)?.name);
        result = { story, tags, versions: reopened.storyVersions(STORY).map(({ importedAt: _at, ...version }) => version), count: reopened.storyCount };
        await reopened.close();
      });
      return result;
    };
    const reference = await final([1, 2, 3, 4, 5], 1);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 5, maxLength: 5 }), fc.integer({ min: 1, max: 5 }), async (order, batches) => {
        expect(await final(order, batches)).toEqual(reference);
      }),
      { numRuns: 12 },
    );
  });

  it('brings a deleted story back when a version of it arrives', async () => {
    await withStore(async (store) => {
      await importVersions(store, 1);
      await store.update(null, (meta) => ({ ...meta, deleted: [STORY] }));
      expect(store.head(STORY)).toBeUndefined();
      const report = await importVersions(store, 2);
      expect(report.files[0]!.status).toBe('imported');
      expect(store.head(STORY)?.headline).toBe('Dijk bij Lelystad verzakt over 50 meter');
    });
  });

  it('marks a killed story withdrawn and a corrected one corrected', async () => {
    await withStore(async (store) => {
      await importVersions(store, 1, 2);
      await importPrepared(store, [wireFile('c.json', dijkVersion(3, { signals: ['correction'] }))], { now });
      expect((await store.story(STORY))!.wire).toMatchObject({ status: 'usable', corrected: true });
      await importPrepared(store, [wireFile('k.json', dijkVersion(4, { signals: ['kill'], edNote: 'Bericht ingetrokken: onjuiste lengte.' }))], { now });
      expect((await store.story(STORY))!.wire).toMatchObject({ status: 'canceled', edNote: 'Bericht ingetrokken: onjuiste lengte.' });
    });
  });

  it('re-indexes a story when a newer version arrives, and not when an older one does', async () => {
    await withStore(async (store) => {
      await importVersions(store, 1);
      const indexes = new LibraryIndexes(store, 'lazy', { enabled: false });
      await indexes.whenReady();
      const hits = (query: string) => [...(indexes.match(query)?.matches.nums ?? [])].map((num) => indexes.idAt(num));
      expect(hits('regen')).toEqual([STORY]);
      await importVersions(store, 3);
      await indexes.whenReady();
      expect(hits('versie3woord')).toEqual([STORY]);
      expect(hits('regen')).toEqual([]);
      await importVersions(store, 2);
      await indexes.whenReady();
      expect(hits('versie3woord')).toEqual([STORY]);
      expect(indexes.searchIndex.size).toBe(1);
      await indexes.close();
    });
  });

  it('is followed by the indexing worker, which reads the versions from the segment files', async () => {
    await withStore(async (store) => {
      await importVersions(store, 1);
      const client = new IndexingClient(store, { snapshot: { enabled: false } });
      try {
        await client.whenReady();
        const hits = async (query: string) => [...((await client.match(query))?.matches.nums ?? [])].map((num) => client.idAt(num));
        expect(await hits('regen')).toEqual([STORY]);
        await importVersions(store, 3);
        await client.whenReady();
        expect(await hits('versie3woord')).toEqual([STORY]);
        expect(await hits('regen')).toEqual([]);
        await importVersions(store, 2);
        await client.whenReady();
        expect(await hits('versie3woord')).toEqual([STORY]);
        expect((await client.status()).stories).toBe(1);
      } finally {
        await client.close();
      }
    });
  });

  it('catches up from an index snapshot written before a new version arrived', async () => {
    await withTempDir(async (dir) => {
      const NO_TIMER = { writeDelayMs: 3_600_000 };
      const first = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: NO_TIMER });
      await importVersions(first.context.store, 1);
      await first.library.indexing.whenReady();
      await first.close();
      // A new version while no index runs: the snapshot stays as it was.
      const editing = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy', indexSnapshot: { enabled: false } });
      await importVersions(editing.context.store, 2);
      await editing.close();
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: NO_TIMER });
      try {
        const indexes = core.library.indexing;
        await indexes.whenReady();
        expect((await indexes.status()).origin).toBe('snapshot');
        const hits = async (query: string) => [...((await indexes.match(query))?.matches.nums ?? [])].map((num) => indexes.idAt(num));
        expect(await hits('versie2woord')).toEqual([STORY]);
        expect(await hits('regen')).toEqual([]);
        expect((await indexes.status()).stories).toBe(1);
      } finally {
        await core.close();
      }
    });
  });

  it('words dates in Amsterdam time and reads Media Topic codes in both forms', () => {
    expect(wireDay('2026-12-03T23:30:00Z')).toBe('2026-12-04');
    expect(wireDay('2026-07-01T12:00:00+02:00')).toBe('2026-07-01');
    expect(wireDay('gisteren')).toBeNull();
    expect(mediaTopicOf('http://cv.iptc.org/newscodes/mediatopic/20000151')).toBe('medtop:20000151');
    expect(mediaTopicOf('MEDTOP:20000151')).toBe('medtop:20000151');
    expect(mediaTopicOf('subj:01000000')).toBeNull();
  });
});
