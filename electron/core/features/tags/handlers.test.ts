import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../../shared/contract/library';
import type { TagApplyResult, TagDeleteResult, TagListItem, TagMergeResult, TagSuggestionItem } from '../../../../shared/contract/tags';
import type { StorySummary } from '../../../../shared/types';
import { openKroniek, type KroniekCore } from '../../app';
import type { StoryContent } from '../../store/meta';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';

// The tag service through the dispatcher every transport uses, on a real store
// in a temp folder: each edit is one undo step, undo/redo restore every tagging.

/** A story whose text names Vladimir Poetin four times, Kim Jong-un three times and Pyongyang twice. */
function storyAboutTheVisit(id: string): StoryContent {
  const story = fakeStory(id, 'Ontmoeting in de hoofdstad');
  const text =
    'Vladimir Poetin sprak dinsdag met Kim Jong-un. Poetin zei dat Poetin tevreden was over het gesprek. Kim knikte en Kim lachte. ' +
    'Het gesprek vond plaats in Pyongyang. Volgens Poetin is Pyongyang een bondgenoot.';
  return { head: { ...story.head, dateline: { place: '', agencies: ['ANP'] } }, body: [{ type: 'paragraph', text }] };
}

async function withCore<T>(run: (core: KroniekCore) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes: 'lazy' });
    try {
      await core.context.store.addStories([
        ...['s1', 's2', 's3', 's4'].map((id) => fakeStory(id)),
        storyAboutTheVisit('s5'),
      ]);
      return await run(core);
    } finally {
      await core.close();
    }
  });
}



const tagsOf = async (core: KroniekCore, id: string) => (await ok<StorySummary>(core, 'stories.get', { id })).tagIds;
const names = async (core: KroniekCore) => (await ok<TagListItem[]>(core, 'tags.list', {})).map((tag) => `${tag.name}:${tag.count}`);
const undo = (core: KroniekCore) => ok<HistoryState>(core, 'history.undo', {});
const redo = (core: KroniekCore) => ok<HistoryState>(core, 'history.redo', {});

describe('tags service', () => {
  it('tags three stories in one undo step, creating the new tag, and undoes/redoes it whole', async () => {
    await withCore(async (core) => {
      const result = await ok<TagApplyResult>(core, 'tags.apply', { storyIds: ['s1', 's2', 's3'], addNames: ['Noord-Korea'] });
      expect(result).toMatchObject({ changedStories: 3, added: 3, removed: 0 });
      expect(result.createdTags.map((tag) => tag.name)).toEqual(['Noord-Korea']);
      const id = result.createdTags[0]!.id;
      expect(result.stories).toEqual([
        { id: 's1', tagIds: [id] },
        { id: 's2', tagIds: [id] },
        { id: 's3', tagIds: [id] },
      ]);
      expect((await ok<HistoryState>(core, 'history.state', {})).undoLabel).toEqual({ code: 'tag.apply', count: 3 });

      const undone = await undo(core);
      expect(undone.canUndo).toBe(false);
      expect(await tagsOf(core, 's2')).toEqual([]);
      expect(await names(core)).toEqual([]);

      await redo(core);
      expect(await tagsOf(core, 's2')).toEqual([id]);
      expect(await names(core)).toEqual(['Noord-Korea:3']);
    });
  });

  it('matches existing names without case or diacritics and never tags a story twice', async () => {
    await withCore(async (core) => {
      const tag = await ok<TagListItem>(core, 'tags.create', { name: 'Oekraïne', color: '#FFCC00' });
      expect(tag).toMatchObject({ name: 'Oekraïne', color: '#ffcc00', parentId: null, mediaTopic: null, count: 0, depth: 0 });
      await ok(core, 'tags.apply', { storyIds: ['s1'], addTagIds: [tag.id] });
      const again = await ok<TagApplyResult>(core, 'tags.apply', { storyIds: ['s1', 's2'], addNames: ['OEKRAINE'] });
      expect(again.createdTags).toEqual([]);
      expect(again.changedStories).toBe(1);
      expect(await tagsOf(core, 's1')).toEqual([tag.id]);
      expect(await tagsOf(core, 's2')).toEqual([tag.id]);
    });
  });

  it('renames and merges keeping every tagging, each undoable', async () => {
    await withCore(async (core) => {
      const apply = await ok<TagApplyResult>(core, 'tags.apply', { storyIds: ['s1', 's2'], addNames: ['Poetin'] });
      const poetin = apply.createdTags[0]!.id;
      const more = await ok<TagApplyResult>(core, 'tags.apply', { storyIds: ['s2', 's3'], addNames: ['Vladimir Poetin'] });
      const vladimir = more.createdTags[0]!.id;

      const clash = await failure(core, 'tags.update', { id: poetin, name: 'vladimir poetin' });
      expect(clash.code).toBe('conflict');
      expect(clash.message).toContain('Merge "Poetin" into "Vladimir Poetin"');
      expect(clash.reason).toEqual({ code: 'tag.nameTaken', name: 'Vladimir Poetin', renaming: 'Poetin' });

      const renamed = await ok<TagListItem>(core, 'tags.update', { id: poetin, name: 'Poetin, Vladimir' });
      expect(renamed).toMatchObject({ id: poetin, name: 'Poetin, Vladimir', count: 2 });
      expect((await ok<HistoryState>(core, 'history.state', {})).undoLabel).toEqual({ code: 'tag.rename' });

      const merged = await ok<TagMergeResult>(core, 'tags.merge', { fromId: poetin, intoId: vladimir });
      expect(merged.moved).toBe(1);
      expect(merged.into).toMatchObject({ id: vladimir, count: 3 });
      for (const id of ['s1', 's2', 's3']) expect(await tagsOf(core, id)).toEqual([vladimir]);

      await undo(core); // merge
      expect(await tagsOf(core, 's1')).toEqual([poetin]);
      expect(await tagsOf(core, 's2')).toEqual([poetin, vladimir]);
      expect(await names(core)).toEqual(['Poetin, Vladimir:2', 'Vladimir Poetin:2']);
      await undo(core); // rename
      expect(await names(core)).toEqual(['Poetin:2', 'Vladimir Poetin:2']);
      await redo(core);
      await redo(core);
      expect(await names(core)).toEqual(['Vladimir Poetin:3']);
    });
  });

  it('deletes a tag with the count of live stories it leaves, undoably', async () => {
    await withCore(async (core) => {
      const apply = await ok<TagApplyResult>(core, 'tags.apply', { storyIds: ['s1', 's2', 's3'], addNames: ['Rusland'] });
      const id = apply.createdTags[0]!.id;
      await ok(core, 'stories.delete', { ids: ['s3'] });
      expect(await names(core)).toEqual(['Rusland:2']);
      const deleted = await ok<TagDeleteResult>(core, 'tags.delete', { id });
      expect(deleted).toEqual({ deleted: id, removedFrom: 2 });
      expect(await names(core)).toEqual([]);
      expect(await tagsOf(core, 's1')).toEqual([]);
      await undo(core);
      expect(await tagsOf(core, 's1')).toEqual([id]);
      await undo(core); // the story delete
      expect(await names(core)).toEqual(['Rusland:3']);
    });
  });

  it('lists a tree with parents, depths and child counts; refuses a cycle', async () => {
    await withCore(async (core) => {
      const world = await ok<TagListItem>(core, 'tags.create', { name: 'Buitenland' });
      const asia = await ok<TagListItem>(core, 'tags.create', { name: 'Azië', parentId: world.id, mediaTopic: 'medtop:20000638' });
      await ok(core, 'tags.create', { name: 'Noord-Korea', parentId: asia.id });
      await ok(core, 'tags.create', { name: 'Binnenland' });
      const list = await ok<TagListItem[]>(core, 'tags.list', {});
      expect(list.map((tag) => `${tag.depth}:${tag.name}:${tag.childCount}`)).toEqual(['0:Binnenland:0', '0:Buitenland:1', '1:Azië:1', '2:Noord-Korea:0']);
      expect(list[2]).toMatchObject({ parentId: world.id, mediaTopic: 'medtop:20000638' });

      const cycle = await failure(core, 'tags.update', { id: world.id, parentId: list[3]!.id });
      expect(cycle.code).toBe('conflict');
      expect((await ok<HistoryState>(core, 'history.state', {})).undoLabel).toEqual({ code: 'tag.create' });
    });
  });

  it('refuses unknown stories and tags, bad input, and duplicate names with clear messages', async () => {
    await withCore(async (core) => {
      expect(await failure(core, 'tags.apply', { storyIds: ['s1', 'nope'], addNames: ['X'] })).toMatchObject({ code: 'not-found', message: 'No story with id nope in the library.', reason: { code: 'stories.missing', count: 1 } });
      expect((await failure(core, 'tags.apply', { storyIds: ['s1'], addTagIds: ['t0'] })).code).toBe('not-found');
      expect((await failure(core, 'tags.apply', { storyIds: ['s1'] })).code).toBe('invalid-input');
      expect((await failure(core, 'tags.create', { name: 'X', color: 'blue' })).code).toBe('invalid-input');
      expect((await failure(core, 'tags.create', { name: 'X', mediaTopic: 'medtop:1' })).code).toBe('invalid-input');
      await ok(core, 'tags.create', { name: 'Genève' });
      expect(await failure(core, 'tags.create', { name: 'geneve' })).toEqual({ code: 'conflict', message: 'A tag called "Genève" already exists.', reason: { code: 'tag.nameTaken', name: 'Genève', renaming: null } });
      expect((await failure(core, 'tags.merge', { fromId: 'tx', intoId: 'ty' })).code).toBe('not-found');
      expect(await names(core)).toEqual(['Genève:0']);
    });
  });

  it('suggests tags from the story entities, leaves out applied and dismissed ones, and names existing tags', async () => {
    await withCore(async (core) => {
      const first = await ok<TagSuggestionItem[]>(core, 'tags.suggest', { storyId: 's5' });
      expect(first.map((s) => s.name)).toEqual(['Vladimir Poetin', 'Kim Jong-un', 'Pyongyang']);
      expect(first[0]).toMatchObject({ kind: 'person', tagId: null });
      expect(first[0]!.reasons).toContainEqual({ kind: 'mentions', named: 4, adjectives: 0 });

      // Accepting = applying by name; an existing tag of that name is reused.
      const kim = await ok<TagListItem>(core, 'tags.create', { name: 'kim jong-un' });
      const second = await ok<TagSuggestionItem[]>(core, 'tags.suggest', { storyId: 's5' });
      expect(second.find((s) => s.name === 'Kim Jong-un')!.tagId).toBe(kim.id);
      await ok(core, 'tags.apply', { storyIds: ['s5'], addNames: ['Vladimir Poetin'] });
      const dismissed = await ok<TagSuggestionItem[]>(core, 'tags.dismissSuggestion', { storyId: 's5', name: 'PYONGYANG' });
      expect(dismissed.map((s) => s.name)).toEqual(['Kim Jong-un']);
      // Dismissed for this story only, and undoable.
      await undo(core);
      expect((await ok<TagSuggestionItem[]>(core, 'tags.suggest', { storyId: 's5' })).map((s) => s.name)).toEqual(['Kim Jong-un', 'Pyongyang']);
      expect((await ok<TagSuggestionItem[]>(core, 'tags.suggest', { storyId: 's1' })).map((s) => s.name)).toEqual(['Den Haag']);
      expect((await failure(core, 'tags.suggest', { storyId: 'nope' })).code).toBe('not-found');
    });
  });
});
