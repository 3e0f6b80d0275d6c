import { createHash } from 'node:crypto';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decadeFile } from '../../bench/decade-corpus';
import { openKroniek } from '../app';
import { importPaths } from '../import/importer';
import { LibraryStore } from '../store/library-store';
import type { IndexedMeta } from '../store/meta';
import { withTempDir } from '../store/test/helpers';
import { LibraryIndexes } from './engine';
import { FeatureFeed, type FeatureSource } from './feature-feed';

// What a full index build answers (searches, related stories with their reasons, quotes),
// on a small synthetic decade corpus, as one digest kept in a file snapshot: a change meant
// only to make the build faster must leave every answer byte for byte as it was. Built
// twice: with the feature worker working out the related index's half (as the app's
// indexing worker does for large builds) and by the engine alone; both must answer alike.
// A change that means to alter the answers updates the snapshot (`npx vitest run -u`).

const FILES = 300;
const QUERIES = ['kabinet', 'minister zei', 'oorlog', 'verkiezingen', 'Rusland', 'stikstof', 'noord-korea', 'raket', 'brand', 'gemeente raad', '"de minister"', 'trump', 'pol', 'klimaat -water'];

async function corpus(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let index = 0; index < FILES; index++) {
    const file = decadeFile(index, FILES);
    const target = path.join(dir, file.name);
    await writeFile(target, file.text);
    await utimes(target, file.modifiedAt, file.modifiedAt);
  }
}

/** Every answer of the indexes, as JSON lines. */
async function answersOf(indexes: LibraryIndexes, ids: string[]): Promise<{ lines: string[]; quotes: number }> {
  const lines: string[] = [];
  for (const query of QUERIES) {
    const found = indexes.match(query);
    const hits = [...(found?.matches.nums ?? [])].map((num, k) => [indexes.idAt(num), found!.matches.scores[k]]);
    lines.push(JSON.stringify({ query, hits, highlight: found?.highlight, expansions: found?.expansions }));
  }
  for (const id of ids) lines.push(JSON.stringify({ related: id, hits: await indexes.relatedAsWritten(id, { limit: 10 }) }));
  lines.push(JSON.stringify(indexes.quotePeople()));
  let total = 0;
  for (let offset = 0; offset === 0 || offset < total; offset += 1_000) {
    const page = indexes.quotes({ offset, limit: 1_000 });
    total = page.total;
    for (const quote of page.items) lines.push(JSON.stringify(quote));
  }
  return { lines, quotes: total };
}

const digest = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

describe('a full index build', () => {
  it('answers searches, related stories and quotes as before, with the feature worker and without', async () => {
    await withTempDir(async (dir) => {
      await corpus(path.join(dir, 'corpus'));
      const dataDir = path.join(dir, 'library');
      const core = await openKroniek({ dataDir, platform: 'cli', indexSnapshot: { enabled: false } });
      try {
        await importPaths(core.context.store, [path.join(dir, 'corpus')], core.context.importOptions);
      } finally {
        await core.close();
      }
      const store = await LibraryStore.open(dataDir);
      try {
        const ids = [...store.liveIds()].sort();
        expect(ids.length).toBeGreaterThan(FILES);
        const answers: string[][] = [];
        for (const feed of [true, false]) {
          let fed = 0;
          const features = (meta: IndexedMeta, only: string[] | null): FeatureSource => {
            const source = new FeatureFeed(dataDir, meta, only);
            return {
              take: async (id) => {
                const taken = await source.take(id);
                if (taken) fed++;
                return taken;
              },
              close: () => source.close(),
            };
          };
          const indexes = new LibraryIndexes(store, 'lazy', { enabled: false }, feed ? { features, featureFeedStories: 1 } : {});
          await indexes.whenReady();
          expect(fed).toBe(feed ? ids.length : 0);
          const { lines, quotes } = await answersOf(indexes, ids.filter((_, k) => k % 3 === 0));
          expect(quotes).toBeGreaterThan(50);
          answers.push(lines);
          await indexes.close();
        }
        expect(digest(answers[1]!)).toBe(digest(answers[0]!));
        await expect(`${digest(answers[0]!)}\n${answers[0]!.slice(0, QUERIES.length + 2).join('\n')}\n`).toMatchFileSnapshot('test/__snapshots__/build-answers.txt');
      } finally {
        await store.close();
      }
    });
  }, 90_000);
});
