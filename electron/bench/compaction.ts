import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LibraryStore } from '../core/store/library-store';
import type { StoryContent } from '../core/store/meta';
import { syntheticDoc } from '../core/search/test/synthetic-corpus';
import { round, timed } from './stats';

// `npm run -s bench -- --compaction N`: a library of N one-story imports (N content segments,
// 2N files, as a watch folder that takes in one agency item at a time makes), its cold open,
// then a compaction (store/compaction.ts), and the cold open again. Each cold open is the
// median of three fresh processes. The library is reused when it is there (DIR/compaction-N).

function story(index: number): StoryContent {
  const doc = syntheticDoc(index);
  const id = `a${index.toString(36).padStart(8, '0')}`;
  return {
    head: {
      id,
      kind: 'article',
      headline: doc.headline.slice(0, 200),
      dateline: { place: doc.place, agencies: ['ANP'] },
      section: 'Binnenland',
      ageLabel: null,
      pageId: null,
      fileName: `${id}.txt`,
      sha256: `sha-${id}`,
      importedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
      contentHash: `hash-${id}`,
      warnings: [],
    },
    body: doc.body.split('\n').map((text) => ({ type: 'paragraph' as const, text })),
  };
}

const contentFiles = async (dataDir: string) => (await readdir(path.join(dataDir, 'content'))).filter((name) => name.endsWith('.json')).length;

export async function benchCompaction(
  count: number,
  workDir: string,
  coldOpen: (dataDir: string) => Promise<{ coldOpenMs: number; segments: number }>,
  log: (text: string) => void,
) {
  const dataDir = path.join(workDir, `compaction-${count}`);
  const marker = path.join(workDir, `compaction-${count}.complete`);
  if (!existsSync(marker)) {
    await rm(dataDir, { recursive: true, force: true });
    log(`Importing ${count} stories one at a time (one segment each) into ${dataDir} …`);
    const store = await LibraryStore.open(dataDir, { autoCompact: false });
    const built = await timed(async () => {
      for (let index = 0; index < count; index++) await store.addStories([story(index)]);
    });
    await store.close();
    log(`  ${count} one-story imports in ${round(built.ms / 1000)} s`);
    await writeFile(marker, String(count));
  }
  const median = async () => {
    const runs: { coldOpenMs: number; segments: number }[] = [];
    for (let run = 0; run < 3; run++) runs.push(await coldOpen(dataDir));
    runs.sort((a, b) => a.coldOpenMs - b.coldOpenMs);
    return runs[1]!;
  };
  const filesBefore = await contentFiles(dataDir);
  const before = await median();
  log(`  before: ${before.segments} segments, ${filesBefore} files in content/; cold open to the first page ${round(before.coldOpenMs)} ms`);
  const store = await LibraryStore.open(dataDir, { autoCompact: false });
  const compacted = await timed(() => store.compact({ retireNow: true }));
  await store.close();
  const filesAfter = await contentFiles(dataDir);
  const after = await median();
  log(`  compaction: ${compacted.value.retired} segments into ${compacted.value.written} in ${round(compacted.ms)} ms`);
  log(`  after: ${after.segments} segments, ${filesAfter} files in content/ (journal included); cold open to the first page ${round(after.coldOpenMs)} ms`);
  // Left compacted: a later run starts from one-story imports again.
  await rm(marker, { force: true });
  return {
    stories: count,
    segmentsBefore: before.segments,
    filesBefore,
    coldOpenBeforeMs: round(before.coldOpenMs),
    compactionMs: round(compacted.ms),
    segmentsAfter: after.segments,
    filesAfter,
    coldOpenAfterMs: round(after.coldOpenMs),
  };
}
