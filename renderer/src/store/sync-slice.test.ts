import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/contract';
import type { TagListItem } from '../../../shared/contract/tags';
import { FakeService, makeStory } from '../test/fake-service';
import { createAppStore, startApp, type AppStore } from './index';

// An edit answers with what it changed, and the renderer refreshes exactly that: these
// count the service calls each change set causes. Commits made elsewhere (another
// window, the CLI through the host) arrive on the change feed and refresh the same way.

const READS: MethodName[] = ['stories.list', 'stories.get', 'tags.list', 'library.status', 'history.state', 'dossiers.list', 'searches.list', 'stories.facets', 'links.list', 'tags.suggest', 'related.list'];

function tag(id: string, name: string): TagListItem {
  return { id, name, color: null, parentId: null, mediaTopic: null, createdAt: '2024-01-01T00:00:00.000Z', count: 0, depth: 0, childCount: 0 } as TagListItem;
}

async function setUp(): Promise<{ service: FakeService; store: AppStore; readsSince: () => Partial<Record<MethodName, number>> }> {
  const service = new FakeService([
    makeStory({ id: 'a1', headline: 'Poetin ontvangt Kim Jong-un', publishedAt: '2023-09-13' }),
    makeStory({ id: 'a2', headline: 'Kim biedt steun aan', publishedAt: '2023-06-12' }),
  ]);
  let tags = [tag('t1', 'Rusland')];
  service.overrides['tags.list'] = () => tags.map((item) => ({ ...item, count: service.stories.filter((story) => story.tagIds.includes(item.id)).length }));
  service.overrides['tags.apply'] = ({ storyIds, addTagIds = [] }) => {
    for (const story of service.stories) if (storyIds.includes(story.id)) story.tagIds = [...new Set([...story.tagIds, ...addTagIds])];
    service.history = { canUndo: true, canRedo: false, undoLabel: { code: 'tag.apply', count: 1 }, redoLabel: null };
    return { changedStories: storyIds.length, added: addTagIds.length, removed: 0, createdTags: [], stories: storyIds.map((id) => ({ id, tagIds: service.stories.find((story) => story.id === id)!.tagIds })) };
  };
  service.overrides['tags.update'] = ({ id, name }) => {
    tags = tags.map((item) => (item.id === id && name ? { ...item, name } : item));
    return tags.find((item) => item.id === id)!;
  };
  service.overrides['history.undo'] = () => {
    for (const story of service.stories) story.tagIds = [];
    return service.history;
  };
  const store = createAppStore({ client: service.client, storage: null, languages: ['en-GB'] });
  await startApp(store);
  await store.getState().settled();
  let mark = service.calls.length;
  const readsSince = () => {
    const counts: Partial<Record<MethodName, number>> = {};
    for (const call of service.calls.slice(mark)) if (READS.includes(call.method)) counts[call.method] = (counts[call.method] ?? 0) + 1;
    mark = service.calls.length;
    return counts;
  };
  return { service, store, readsSince };
}

describe('refreshing what changed', () => {
  it('a tag edit reloads the list page, the tag counts and the undo state once, nothing else', async () => {
    const { store, readsSince } = await setUp();
    expect(await store.getState().applyTags(['a1'], { addTagIds: ['t1'] })).toBe(true);
    // The commit came twice (in the answer and on the feed): it is handled once.
    expect(readsSince()).toEqual({ 'stories.list': 1, 'tags.list': 1, 'history.state': 1 });
    expect(store.getState().items.find((item) => item.id === 'a1')?.tagIds).toEqual(['t1']);
    expect(store.getState().tags[0]?.count).toBe(1);
  });

  it('also the open story, when the edit touched it', async () => {
    const { store, readsSince } = await setUp();
    await store.getState().openStory('a2');
    await store.getState().settled();
    readsSince();
    await store.getState().applyTags(['a2'], { addTagIds: ['t1'] });
    const reads = readsSince();
    expect(reads['stories.get']).toBe(1);
    expect(reads['stories.list']).toBe(1);
    expect(store.getState().story?.tagIds).toEqual(['t1']);

    // An edit of another story leaves the open one alone.
    await store.getState().applyTags(['a1'], { addTagIds: ['t1'] });
    expect(readsSince()['stories.get']).toBeUndefined();
  });

  it('renaming a tag reloads the tag tree only, not the list', async () => {
    const { store, readsSince } = await setUp();
    expect(await store.getState().updateTag({ id: 't1', name: 'Russische Federatie' })).toBe(true);
    expect(readsSince()).toEqual({ 'tags.list': 1, 'history.state': 1 });
    expect(store.getState().tags[0]?.name).toBe('Russische Federatie');
  });

  it('a change made elsewhere arrives on the feed and refreshes what it touched', async () => {
    const { service, store, readsSince } = await setUp();
    service.stories[1]!.tagIds = ['t1'];
    service.publish({ taggings: ['a2'], history: true });
    await store.getState().settled();
    expect(readsSince()).toEqual({ 'stories.list': 1, 'tags.list': 1, 'history.state': 1 });
    expect(store.getState().items.find((item) => item.id === 'a2')?.tagIds).toEqual(['t1']);

    service.publish({ savedSearches: true });
    await store.getState().settled();
    expect(readsSince()).toEqual({ 'searches.list': 1 });
  });

  it('undo and redo refresh what they put back', async () => {
    const { store, readsSince } = await setUp();
    await store.getState().applyTags(['a1'], { addTagIds: ['t1'] });
    readsSince();
    await store.getState().undo();
    const reads = readsSince();
    expect(reads['stories.list']).toBe(1);
    expect(reads['tags.list']).toBe(1);
    expect(store.getState().items.find((item) => item.id === 'a1')?.tagIds).toEqual([]);
    expect(store.getState().tags[0]?.count).toBe(0);
  });
});
