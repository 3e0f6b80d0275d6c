import { openKroniek } from '../core/app';
import { call } from '../cli/command';
import { syntheticQueries } from '../core/search/synthetic-corpus';
import { percentile, timed } from './stats';

export interface OpenLibraryFigures {
  stories: number;
  coldOpenMs: number;
  indexReadyMs: number;
  editPersistMs: number;
  searchP95Ms: number;
  relatedMs: number;
  rssMB: number;
}


/** Opens an existing library in this (fresh) process and measures what an editor feels. */
export async function measureOpenLibrary(dataDir: string): Promise<OpenLibraryFigures> {
  const start = performance.now();
  const core = await openKroniek({ dataDir, platform: 'cli' });
  const first = await call(core, 'stories.list', { offset: 0, limit: 100 });
  const coldOpenMs = performance.now() - start;

  // Wait for background indexes (search, related) to finish loading.
  for (;;) {
    const status = await call(core, 'library.status', {});
    if (status.index.ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const indexReadyMs = performance.now() - start;

  const ids = first.items.map((item) => item.id);
  const tag = (await core.dispatch('tags.create', { name: 'bench' })) as { ok: boolean; value?: { id: string } };
  const edits: number[] = [];
  for (let i = 0; i < 30; i++) {
    const id = ids[i % ids.length]!;
    if (tag.ok && tag.value) {
      const { ms } = await timed(() => core.dispatch('tags.apply', { storyIds: [id], addTagIds: [tag.value!.id] }));
      edits.push(ms);
    } else {
      const { ms } = await timed(() => call(core, 'stories.setNote', { id, note: `bench ${i}` }));
      edits.push(ms);
    }
  }

  const searches: number[] = [];
  // Two-word queries mixing common and rare words, answered as the list asks: the first page, best first.
  for (const query of syntheticQueries(200)) {
    const { ms } = await timed(() => call(core, 'stories.list', { query, limit: 100 }));
    searches.push(ms);
  }

  const related: number[] = [];
  for (const id of ids.slice(0, 50)) {
    const { ms } = await timed(() => call(core, 'related.list', { storyId: id, limit: 10 }));
    related.push(ms);
  }

  const rssMB = process.memoryUsage().rss / 1024 / 1024;
  const stories = core.context.store.storyCount;
  await core.close();
  return {
    stories,
    coldOpenMs,
    indexReadyMs,
    editPersistMs: percentile(edits, 50),
    searchP95Ms: percentile(searches, 95),
    relatedMs: percentile(related, 95),
    rssMB,
  };
}
