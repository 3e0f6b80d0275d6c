import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openKroniek } from '../core/app';
import { LibraryStore } from '../core/store/library-store';
import { META_FILE } from '../core/store/meta-file';

// `npm run -s bench -- --memory DIR`: what an open library keeps in memory, structure by
// structure, in a fresh process started with --expose-gc (heapUsed after a full collection
// between steps; the indexes live in worker threads, whose heaps show only in the RSS):
//   1. the metadata document alone (tags, taggings, notes, dates, dossiers) as parsed;
//   2. the store: every story head and the maps over them (ids, segments, hashes, versions);
//   3. the whole core with its indexes ready from the snapshot (search, related, quotes, in
//      the worker): the RSS added over step 2.

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
function settled() {
  for (let i = 0; i < 3; i++) gc();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss, external: usage.external + usage.arrayBuffers };
}

export async function measureMemory(dataDir: string) {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with --expose-gc');
  const start = settled();
  const metaText = readFileSync(path.join(dataDir, META_FILE), 'utf8');
  const parsed = JSON.parse(metaText) as { taggings?: Record<string, string[]> };
  const withMeta = settled();
  const taggings = Object.keys(parsed.taggings ?? {}).length;
  void parsed;

  const store = await LibraryStore.open(dataDir, { readOnly: true });
  const stories = store.storyCount;
  const withStore = settled();
  const offHeap = store.offHeapBytes;
  let headJsonBytes = 0;
  for (const head of store.liveHeads()) headJsonBytes += JSON.stringify(head).length;
  await store.close();
  const closed = settled();

  const core = await openKroniek({ dataDir, platform: 'cli' });
  await core.library.whenReady();
  const origin = (await core.library.indexing.status()).origin;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const withCore = settled();
  await core.close();
  const storeHeap = withStore.heap - withMeta.heap;
  return {
    stories,
    taggedStories: taggings,
    metaFileMB: mb(Buffer.byteLength(metaText)),
    metaHeapMB: mb(withMeta.heap - start.heap),
    storeHeapMB: mb(storeHeap),
    storeBytesPerStory: Math.round(storeHeap / stories),
    /** The heads' parts kept outside the JS heap (stored-heads.ts). */
    storeOffHeapMB: mb(offHeap),
    headJsonBytesPerStory: Math.round(headJsonBytes / stories),
    storeRssMB: mb(withStore.rss - start.rss),
    coreIndexOrigin: origin,
    coreMainHeapMB: mb(withCore.heap - closed.heap),
    coreRssOverStoreMB: mb(withCore.rss - withStore.rss),
    coreRssMB: mb(withCore.rss),
    baseRssMB: mb(start.rss),
  };
}
