import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import { emptyMeta, type MetaDoc } from '../../store/meta';
import { applyTags, createTag, deleteTag, findTag, findTagByName, mergeTags, tagCount, tagTree, tagUsage, updateTag } from './ops';
import { StoryMap } from '../../store/story-map';

// The tag operations are pure functions on the metadata document: these tests
// check what they change, that they keep every tagging, and what they refuse.

function errorOf(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

/** Every (story, tag) pair, as tag names, sorted: what an editor would check after an edit. */
function taggingNames(meta: MetaDoc): string[] {
  const pairs: string[] = [];
  for (const [storyId, tagIds] of [...meta.taggings]) {
    for (const id of tagIds) pairs.push(`${storyId}:${findTag(meta, id).name}`);
  }
  return pairs.sort();
}

function library(): MetaDoc {
  let meta = emptyMeta('2026-01-01T00:00:00.000Z');
  meta = createTag(meta, 'rus', 'Rusland', { color: '#CC0000', mediaTopic: 'medtop:20000638' });
  meta = createTag(meta, 'nk', 'Noord-Korea');
  meta = createTag(meta, 'diplo', 'Diplomatie');
  meta = createTag(meta, 'oek', 'Oekraïne', { parentId: 'rus' });
  meta = {
    ...meta,
    taggings: StoryMap.from({ s1: ['rus', 'nk'], s2: ['rus'], s3: ['nk', 'diplo'], s4: ['oek'], gone: ['rus'] }),
  };
  return meta;
}

let counter = 0;
const newTagId = () => `new${++counter}`;

describe('creating and editing tags', () => {
  it('creates a tag with NFC name, lower-case colour, parent and media topic', () => {
    const meta = createTag(emptyMeta(), 'a', '  Kim\u0020 Jong-un ', { color: '#AABBCC', mediaTopic: 'medtop:11000000' });
    expect(meta.tags).toEqual([{ id: 'a', name: 'Kim Jong-un', color: '#aabbcc', parentId: null, mediaTopic: 'medtop:11000000' }]);
    const decomposed = createTag(emptyMeta(), 'b', 'Oekrai\u0308ne');
    expect(decomposed.tags[0]!.name).toBe('Oekraïne');
  });

  it('refuses a name that differs only in case or diacritics', () => {
    const meta = library();
    const error = errorOf(() => createTag(meta, 'x', 'OEKRAINE'));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"Oekraïne" already exists');
    expect(findTagByName(meta, 'oekraine')?.id).toBe('oek');
  });

  it('refuses bad colours, media topics, empty names and missing parents', () => {
    const meta = library();
    expect(errorOf(() => createTag(meta, 'x', 'Gaza', { color: 'red' })).code).toBe('invalid-input');
    expect(errorOf(() => createTag(meta, 'x', 'Gaza', { mediaTopic: 'politics' })).reason).toEqual({ code: 'tag.badMediaTopic', given: 'politics' });
    expect(errorOf(() => createTag(meta, 'x', '   ')).reason).toEqual({ code: 'tag.badName', problem: 'empty', max: 200 });
    expect(errorOf(() => createTag(meta, 'x', 'G'.repeat(201))).reason).toEqual({ code: 'tag.badName', problem: 'tooLong', max: 200 });
    expect(errorOf(() => createTag(meta, 'x', 'Ga\u0007za')).reason).toEqual({ code: 'tag.badName', problem: 'control', max: 200 });
    expect(errorOf(() => createTag(meta, 'x', 'Gaza', { parentId: 'nope' })).code).toBe('not-found');
  });

  it('renames without touching taggings, and refuses a clash with a hint to merge', () => {
    const meta = library();
    const renamed = updateTag(meta, 'nk', { name: 'Noord-Korea (DVK)' });
    expect(findTag(renamed, 'nk').name).toBe('Noord-Korea (DVK)');
    expect(renamed.taggings).toBe(meta.taggings);

    const clash = errorOf(() => updateTag(meta, 'nk', { name: 'rusland' }));
    expect(clash.code).toBe('conflict');
    expect(clash.message).toBe('A tag called "Rusland" already exists. Merge "Noord-Korea" into "Rusland" to combine them.');
    // A change of case or accents of its own name is a rename, not a clash.
    expect(findTag(updateTag(meta, 'oek', { name: 'OEKRAÏNE' }), 'oek').name).toBe('OEKRAÏNE');
  });

  it('returns the same document when nothing changes (no empty undo step)', () => {
    const meta = library();
    expect(updateTag(meta, 'rus', { name: 'Rusland', color: '#cc0000' })).toBe(meta);
  });

  it('sets and clears colour, parent and media topic', () => {
    let meta = library();
    meta = updateTag(meta, 'nk', { color: '#00FF00', parentId: 'diplo', mediaTopic: 'medtop:20000638' });
    expect(findTag(meta, 'nk')).toMatchObject({ color: '#00ff00', parentId: 'diplo', mediaTopic: 'medtop:20000638' });
    meta = updateTag(meta, 'nk', { color: null, parentId: null, mediaTopic: null });
    expect(findTag(meta, 'nk')).toMatchObject({ color: null, parentId: null, mediaTopic: null });
  });

  it('refuses a parent that would make a cycle', () => {
    let meta = library();
    meta = updateTag(meta, 'nk', { parentId: 'oek' }); // rus > oek > nk
    expect(errorOf(() => updateTag(meta, 'rus', { parentId: 'nk' })).code).toBe('conflict');
    expect(errorOf(() => updateTag(meta, 'rus', { parentId: 'rus' })).code).toBe('conflict');
  });
});

describe('merging tags', () => {
  it('moves every tagging to INTO, once per story, keeping the list order', () => {
    const meta = library();
    const { meta: merged, moved } = mergeTags(meta, 'rus', 'nk');
    expect(moved).toBe(2); // s2 and gone; s1 already had nk
    expect(merged.tags.map((tag) => tag.id)).not.toContain('rus');
    expect(merged.taggings.toJSON()).toEqual({ s1: ['nk'], s2: ['nk'], s3: ['nk', 'diplo'], s4: ['oek'], gone: ['nk'] });
    // Every story that had either tag has INTO now; no other tagging changed.
    const before = new Set([...meta.taggings].filter(([, ids]) => ids.includes('rus') || ids.includes('nk')).map(([id]) => id));
    const after = new Set([...merged.taggings].filter(([, ids]) => ids.includes('nk')).map(([id]) => id));
    expect(after).toEqual(before);
  });

  it('moves sub-tags of FROM under INTO and fills in colour and media topic INTO lacks', () => {
    const { meta } = mergeTags(library(), 'rus', 'nk');
    expect(findTag(meta, 'oek').parentId).toBe('nk');
    expect(findTag(meta, 'nk')).toMatchObject({ name: 'Noord-Korea', color: '#cc0000', mediaTopic: 'medtop:20000638' });
  });

  it('merges a tag into its own sub-tag without making a cycle', () => {
    let meta = library();
    meta = createTag(meta, 'kyiv', 'Kyiv', { parentId: 'oek' }); // rus > oek > kyiv
    const { meta: merged } = mergeTags(meta, 'rus', 'kyiv');
    expect(findTag(merged, 'kyiv').parentId).toBeNull();
    expect(findTag(merged, 'oek').parentId).toBe('kyiv');
    expect(tagTree(merged.tags).map((row) => `${row.depth}:${row.tag.name}`)).toEqual(['0:Diplomatie', '0:Kyiv', '1:Oekraïne', '0:Noord-Korea']);
  });

  it('refuses merging a tag into itself or an unknown tag', () => {
    expect(errorOf(() => mergeTags(library(), 'rus', 'rus')).code).toBe('invalid-input');
    expect(errorOf(() => mergeTags(library(), 'rus', 'nope')).code).toBe('not-found');
  });
});

describe('deleting tags', () => {
  it('removes the tag from every story, says which, and moves its sub-tags up', () => {
    let meta = library();
    meta = createTag(meta, 'kyiv', 'Kyiv', { parentId: 'oek' });
    const { meta: after, storyIds } = deleteTag(meta, 'oek');
    expect(storyIds).toEqual(['s4']);
    expect(after.taggings.get('s4')).toBeUndefined();
    expect(findTag(after, 'kyiv').parentId).toBe('rus');

    const rus = deleteTag(library(), 'rus');
    expect(rus.storyIds.sort()).toEqual(['gone', 's1', 's2']);
    expect(findTag(rus.meta, 'oek').parentId).toBeNull();
    expect(taggingNames(rus.meta)).toEqual(['s1:Noord-Korea', 's3:Diplomatie', 's3:Noord-Korea', 's4:Oekraïne']);
  });
});

describe('applying tags to many stories', () => {
  it('adds by id and by name (creating new names), removes, never duplicates', () => {
    const meta = library();
    const outcome = applyTags(meta, {
      storyIds: ['s1', 's2', 's5'],
      addTagIds: ['nk'],
      addNames: ['diplomatie', 'Vladimir Poetin', 'vladimir poetin'],
      removeTagIds: ['rus'],
      newTagId,
    });
    expect(outcome.createdTags.map((tag) => tag.name)).toEqual(['Vladimir Poetin']);
    const poetin = outcome.createdTags[0]!.id;
    expect(outcome.meta.taggings.get('s1')).toEqual(['nk', 'diplo', poetin]);
    expect(outcome.meta.taggings.get('s2')).toEqual(['nk', 'diplo', poetin]);
    expect(outcome.meta.taggings.get('s5')).toEqual(['nk', 'diplo', poetin]);
    expect(outcome.changedStories).toEqual(['s1', 's2', 's5']);
    expect(outcome.added).toBe(2 + 3 + 3);
    expect(outcome.removed).toBe(2);
  });

  it('changes nothing when every story already has the tags', () => {
    const meta = library();
    const outcome = applyTags(meta, { storyIds: ['s1'], addTagIds: ['rus', 'nk'], newTagId });
    expect(outcome.meta).toBe(meta);
    expect(outcome.changedStories).toEqual([]);
  });

  it('refuses adding and removing the same tag, and unknown tag ids', () => {
    const meta = library();
    expect(errorOf(() => applyTags(meta, { storyIds: ['s1'], addNames: ['RUSLAND'], removeTagIds: ['rus'], newTagId })).code).toBe('invalid-input');
    expect(errorOf(() => applyTags(meta, { storyIds: ['s1'], addTagIds: ['nope'], newTagId })).code).toBe('not-found');
  });
});

describe('tag tree and usage', () => {
  it('lists depth first, siblings by Dutch name order, and survives a stored cycle', () => {
    const meta = library();
    expect(tagTree(meta.tags).map((row) => `${row.depth}:${row.tag.name}:${row.childCount}`)).toEqual([
      '0:Diplomatie:0',
      '0:Noord-Korea:0',
      '0:Rusland:1',
      '1:Oekraïne:0',
    ]);
    const looped = meta.tags.map((tag) => (tag.id === 'rus' ? { ...tag, parentId: 'oek' } : tag));
    expect(tagTree(looped).map((row) => row.tag.id).sort()).toEqual(['diplo', 'nk', 'oek', 'rus']);
  });

  it('counts only live stories', () => {
    const counts = tagUsage(library(), (id) => id !== 'gone');
    expect(Object.fromEntries(counts)).toEqual({ rus: 2, nk: 2, diplo: 1, oek: 1 });
    // One tag's count alike (the answer of a tag edit), and none for a tag on no story.
    for (const id of ['rus', 'nk', 'diplo', 'oek', 'onbekend']) expect(tagCount(library(), id, (storyId) => storyId !== 'gone'), id).toBe(counts.get(id) ?? 0);
  });
});
