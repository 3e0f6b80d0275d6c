import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Commit } from '../../../shared/contract/changes';
import type { Envelope } from '../../../shared/contract/envelope';
import type { TagListItem } from '../../../shared/contract/tags';
import { openKroniek, type KroniekCore } from '../app';
import { fakeStory, withTempDir } from './test/helpers';

// Every edit answers with the parts of the library it changed, derived from the store
// commit; the same commits go out on the core's change feed, whoever made them.

async function withCore<T>(run: (core: KroniekCore, feed: Commit[]) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes: 'lazy' });
    const feed: Commit[] = [];
    try {
      await core.context.store.addStories(['s1', 's2', 's3'].map((id) => fakeStory(id)));
      core.feed.onCommit((commit) => feed.push(commit));
      return await run(core, feed);
    } finally {
      await core.close();
    }
  });
}

/** Calls a method that must succeed; answers its value and the change sets of its commits. */
async function call<T>(core: KroniekCore, method: string, input: unknown): Promise<{ value: T; changes: Commit['changes'][]; commits: Commit[] }> {
  const answer = (await core.dispatch(method, input)) as Envelope<T>;
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
  const commits = answer.commits ?? [];
  return { value: answer.value, changes: commits.map((commit) => commit.changes), commits };
}

describe('edits answer with what they changed', () => {
  it('names exactly the parts each tag edit touched, and nothing for a read', async () => {
    await withCore(async (core) => {
      // A new tag also changes the library's counts (its status).
      const created = await call<TagListItem>(core, 'tags.create', { name: 'Oekraïne' });
      expect(created.changes).toEqual([{ tags: true, library: true, history: true }]);

      const applied = await call(core, 'tags.apply', { storyIds: ['s1', 's2'], addTagIds: [created.value.id] });
      expect(applied.changes).toEqual([{ taggings: ['s1', 's2'], history: true }]);

      // A rename changes the tree, not which stories carry the tag: the list need not reload.
      const renamed = await call(core, 'tags.update', { id: created.value.id, name: 'Oekraine-oorlog' });
      expect(renamed.changes).toEqual([{ tags: true, history: true }]);

      const withNewName = await call(core, 'tags.apply', { storyIds: ['s3'], addNames: ['Rusland'] });
      expect(withNewName.changes).toEqual([{ tags: true, taggings: ['s3'], library: true, history: true }]);

      const deleted = await call(core, 'tags.delete', { id: created.value.id });
      expect(deleted.changes).toEqual([{ tags: true, taggings: ['s1', 's2'], library: true, history: true }]);

      for (const [method, input] of [['tags.list', {}], ['stories.list', {}], ['history.state', {}], ['stories.get', { id: 's1' }]] as const) {
        const answer = await core.dispatch(method, input);
        expect(answer).not.toHaveProperty('commits');
      }
    });
  });

  it('covers links, notes, dates, dismissals, dossiers, saved searches, deletes and notices', async () => {
    await withCore(async (core) => {
      expect((await call(core, 'links.create', { from: 's1', to: 's2', type: 'related' })).changes).toEqual([{ links: ['s1', 's2'], library: true, history: true }]);
      expect((await call(core, 'stories.setNote', { id: 's3', note: 'Bellen' })).changes).toEqual([{ notes: ['s3'], history: true }]);
      expect((await call(core, 'stories.setDate', { id: 's3', date: '2026-02-01' })).changes).toEqual([{ dates: ['s3'], history: true }]);
      expect((await call(core, 'related.dismiss', { storyId: 's1', otherId: 's3' })).changes).toEqual([{ dismissals: ['s1', 's3'], history: true }]);
      expect((await call(core, 'tags.dismissSuggestion', { storyId: 's2', name: 'Den Haag' })).changes).toEqual([{ dismissals: ['s2'], history: true }]);
      const dossier = await call<{ dossier: { id: string } }>(core, 'dossiers.create', { title: 'Dossier', storyIds: ['s1'] });
      expect(dossier.changes).toEqual([{ dossiers: [dossier.value.dossier.id], library: true, history: true }]);
      expect((await call(core, 'searches.save', { name: 'Alles', query: {} })).changes).toEqual([{ savedSearches: true, history: true }]);
      expect((await call(core, 'stories.delete', { ids: ['s2'] })).changes).toEqual([{ stories: ['s2'], library: true, history: true }]);

      await core.context.store.update(null, (meta) => ({ ...meta, notices: [{ code: 'seeded', stories: 1, briefs: 0 }] }));
      // Not undoable: the history did not move.
      expect((await call(core, 'library.dismissNotices', {})).changes).toEqual([{ library: true }]);
    });
  });

  it('undo and redo answer with what they put back', async () => {
    await withCore(async (core) => {
      await call(core, 'stories.delete', { ids: ['s1', 's3'] });
      expect((await call(core, 'history.undo', {})).changes).toEqual([{ stories: ['s1', 's3'], library: true, history: true }]);
      expect((await call(core, 'history.redo', {})).changes).toEqual([{ stories: ['s1', 's3'], library: true, history: true }]);
      await call(core, 'history.undo', {});
      // Nothing left to undo: no commit, no change.
      expect((await call(core, 'history.undo', {})).commits).toEqual([]);
    });
  });

  it('an import names the stories it added', async () => {
    await withCore(async (core) => {
      const text = 'Kabinet valt\n\nDEN HAAG (ANP) - Het kabinet is gevallen.';
      const imported = await call(core, 'import.files', { files: [{ name: 'a.txt', base64: Buffer.from(text).toString('base64') }] });
      expect(imported.changes).toHaveLength(1);
      const [changes] = imported.changes;
      expect(Object.keys(changes!).sort()).toEqual(['library', 'stories']);
      expect(changes!.stories).toHaveLength(1);
      expect(core.context.store.head((changes!.stories as string[])[0]!)?.headline).toBe('Kabinet valt');
    });
  });

  it('a library archive merge and a backup restore say what they changed', async () => {
    await withTempDir(async (dir) => {
      const source = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'source'), indexes: 'lazy' });
      let archive: string;
      try {
        await source.context.store.addStories(['a1', 'a2'].map((id) => fakeStory(id)));
        await call(source, 'tags.apply', { storyIds: ['a1'], addNames: ['Brexit'] });
        archive = (await call<{ base64: string }>(source, 'library.exportArchive', {})).value.base64;
      } finally {
        await source.close();
      }
      const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'target'), indexes: 'lazy' });
      try {
        await core.context.store.addStories([fakeStory('s1')]);
        const merged = await call<{ backup: string }>(core, 'library.importArchive', { name: 'a.json', base64: archive });
        const all = merged.commits.reduce((set, commit) => ({ ...set, ...commit.changes }), {} as Commit['changes']);
        expect(all.stories).toEqual(['a1', 'a2']);
        expect(all.tags).toBe(true);
        expect(all.taggings).toEqual(['a1']);

        // Back to the backup made just before the merge: the merged tag and tagging leave again
        // (stories stay: a restore keeps every stored story).
        const restored = await call(core, 'backups.restore', { name: merged.value.backup });
        const back = restored.commits.at(-1)!.changes;
        expect(back.tags).toBe(true);
        expect(back.taggings).toEqual(['a1']);
      } finally {
        await core.close();
      }
    });
  });

  it('publishes every commit on the feed, numbered, each call answering with its own', async () => {
    await withCore(async (core, feed) => {
      const [one, two, three] = await Promise.all([
        call(core, 'stories.setNote', { id: 's1', note: 'een' }),
        call(core, 'stories.setNote', { id: 's2', note: 'twee' }),
        call(core, 'stories.setDate', { id: 's3', date: '2026-03-01' }),
      ]);
      expect(one.changes).toEqual([{ notes: ['s1'], history: true }]);
      expect(two.changes).toEqual([{ notes: ['s2'], history: true }]);
      expect(three.changes).toEqual([{ dates: ['s3'], history: true }]);
      // An edit made without the dispatcher (another transport, later a team server) is on the feed too.
      await core.context.store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: meta.taggings.with(Object.entries({ s1: ['x'] })) }));
      expect(feed.map((commit) => commit.revision)).toEqual([1, 2, 3, 4].map((n) => n + feed[0]!.revision - 1));
      expect(feed.slice(0, 3)).toEqual([...one.commits, ...two.commits, ...three.commits]);
      expect(feed[3]!.changes).toEqual({ taggings: ['s1'], history: true });
    });
  });

  it('sends a big change as "all" rather than a long list', async () => {
    await withCore(async (core) => {
      await core.context.store.addStories(Array.from({ length: 600 }, (_, index) => fakeStory(`b${index}`)));
      const ids = Array.from({ length: 600 }, (_, index) => `b${index}`);
      expect((await call(core, 'stories.delete', { ids })).changes).toEqual([{ stories: 'all', library: true, history: true }]);
    });
  });
});
