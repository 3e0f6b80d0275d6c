import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { META_FILE } from '../store/meta-file';
import { withTempDir } from '../store/test/helpers';
import { importBytes, importPaths } from './importer';

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importer', () => {
  it('imports the seeds as 5 articles and 35 briefs, each brief pointing at its page', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const report = await importPaths(store, [SEEDS]);
      expect(report.totals).toEqual({ files: 5, imported: 5, duplicate: 0, rejected: 0, briefsImported: 35, briefsDuplicate: 0 });
      const heads = [...store.liveHeads()];
      expect(heads.filter((head) => head.kind === 'article')).toHaveLength(5);
      const briefs = heads.filter((head) => head.kind === 'brief');
      expect(briefs).toHaveLength(35);
      for (const brief of briefs) expect(store.head(brief.pageId!)?.kind).toBe('article');
      await store.close();
    });
  });

  it('reports the same file, the same story from another file, and a brief from another page as duplicates', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const seed = await readFile(path.join(SEEDS, '003_a38223e90e707fe3.txt'));
      await importBytes(store, [{ name: 'a.txt', bytes: seed }]);
      const again = await importBytes(store, [
        { name: 'a.txt', bytes: seed },
        // Same content with CRLF line ends and a BOM: other bytes, same story.
        { name: 'a-windows.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.toString('utf8').replace(/\n/g, '\r\n'))]) },
      ]);
      expect(again.files.map((file) => file.status)).toEqual(['duplicate', 'duplicate']);
      expect(again.totals.briefsDuplicate).toBe(14);
      // One of the page's briefs captured on another page.
      const text = seed.toString('utf8');
      const brief = text.split('\n').find((line) => line.startsWith('2 uur geleden'))!.replace('2 uur geleden', '');
      const other = await importBytes(store, [{ name: 'other.txt', bytes: utf8(`Andere kop over iets anders\nDEN HAAG (ANP) - Een ander verhaal.\nMeer uit Binnenland\n${brief}\n1 uur geleden\n`) }]);
      expect(other.files[0]).toMatchObject({ status: 'imported', briefs: { imported: 0, duplicate: 1 } });
      await store.close();
    });
  });

  it('writes the store once per batch', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      let writes = 0;
      store.onChange((change) => (change.type === 'meta' ? writes++ : undefined));
      await importPaths(store, [SEEDS]);
      expect(writes).toBe(1);
      await store.close();
    });
  });

  it('restores a deleted story when it is imported again', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const seed = await readFile(path.join(SEEDS, '000_15ce3d44fc469362.txt'));
      const first = await importBytes(store, [{ name: 's.txt', bytes: seed }]);
      const id = first.files[0]!.articleId!;
      await store.update({ code: 'story.delete', count: 1 }, (meta) => ({ ...meta, deleted: [id] }));
      const again = await importBytes(store, [{ name: 's.txt', bytes: seed }]);
      expect(again.files[0]!.status).toBe('imported');
      expect(store.head(id)).toBeDefined();
      await store.close();
    });
  });

  it('never crashes on arbitrary bytes and leaves the store untouched unless a story was accepted', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await importPaths(store, [SEEDS]);
      const seedBytes = await readFile(path.join(SEEDS, '001_cb00b5b6f62ade06.txt'));
      const mutated = fc.tuple(fc.integer({ min: 0, max: seedBytes.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 40 })).map(([at, junk]) => {
        const copy = Buffer.from(seedBytes);
        copy.set(junk.subarray(0, copy.length - at), at);
        return new Uint8Array(copy);
      });
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 3_000 }), mutated, fc.string({ maxLength: 500 }).map(utf8)), async (bytes) => {
          const metaBefore = await readFile(path.join(dir, META_FILE), 'utf8');
          const segmentsBefore = (await readdir(path.join(dir, 'content'))).length;
          const countBefore = store.storyCount;
          const report = await importBytes(store, [{ name: 'fuzz.txt', bytes }]);
          const accepted = report.totals.imported > 0;
          expect(report.files).toHaveLength(1);
          if (report.files[0]!.status === 'rejected') expect(report.files[0]!.reason).toBeTruthy();
          if (!accepted) {
            expect(await readFile(path.join(dir, META_FILE), 'utf8')).toBe(metaBefore);
            expect((await readdir(path.join(dir, 'content'))).length).toBe(segmentsBefore);
            expect(store.storyCount).toBe(countBefore);
          } else {
            expect(store.storyCount).toBeGreaterThan(countBefore);
          }
        }),
        { numRuns: 150 },
      );
      await store.close();
    });
  });

  it('strips bidi overrides and isolates from headlines, datelines and file names at import', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const text = 'Kabinet \u202etxt.exe\u202c valt\nDEN HAAG (ANP) - Het kabinet is gevallen na een lange nacht van overleg.\n';
      const report = await importBytes(store, [{ name: 'kop\u202egpj.exe', bytes: utf8(text) }]);
      expect(report.files[0]).toMatchObject({ status: 'imported', headline: 'Kabinet txt.exe valt' });
      const head = store.head(report.files[0]!.articleId!)!;
      expect(head.headline).toBe('Kabinet txt.exe valt');
      expect(head.dateline).toEqual({ place: 'DEN HAAG', agencies: ['ANP'] });
      expect(head.fileName).toBe('kopgpj.exe');
      await store.close();
    });
  });
});
