import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportLibraryArchive, importLibraryArchive } from './library-archive';
import { LibraryStore } from './library-store';
import { fakeStory, withTempDir } from './test-helpers';

const withoutTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":"-"');

describe('library archive', () => {
  it('round-trips a library exactly, deleted stories and metadata included', async () => {
    await withTempDir(async (dir) => {
      const source = await LibraryStore.open(path.join(dir, 'a'));
      await source.addStories(Array.from({ length: 1_200 }, (_, i) => fakeStory(`s${i}`, `Oekraïne ${i}`)));
      await source.update('edit', (meta) => ({
        ...meta,
        deleted: ['s3'],
        tags: [{ id: 't1', name: 'Kim–Poetin', color: '#aa3300', parentId: null, mediaTopic: 'medtop:20000638' }],
        taggings: { s1: ['t1'] },
        storyEdits: { s2: { publishedAt: '2024-06-19', note: 'Genève' } },
      }));
      const first = path.join(dir, 'first.json');
      expect(await exportLibraryArchive(source, first)).toEqual({ stories: 1_200 });
      await source.close();

      const target = await LibraryStore.open(path.join(dir, 'b'));
      await importLibraryArchive(target, first);
      expect(target.storyCount).toBe(1_199);
      expect(target.isDeleted('s3')).toBe(true);
      expect((await target.story('s2'))?.note).toBe('Genève');
      const second = path.join(dir, 'second.json');
      await exportLibraryArchive(target, second);
      await target.close();
      expect(withoutTime(await readFile(second, 'utf8'))).toBe(withoutTime(await readFile(first, 'utf8')));
    });
  });

  it('refuses to import into a library that is not empty, or a file that is not an archive', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(path.join(dir, 'lib'));
      await writeFile(path.join(dir, 'bad.json'), '{"format":"something-else"}');
      await expect(importLibraryArchive(store, path.join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'invalid-input' });
      await writeFile(path.join(dir, 'broken.json'), '{"format":');
      await expect(importLibraryArchive(store, path.join(dir, 'broken.json'))).rejects.toMatchObject({ code: 'invalid-input' });
      expect(store.storyCount).toBe(0);
      await store.addStories([fakeStory('x')]);
      await expect(importLibraryArchive(store, path.join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'conflict' });
      await store.close();
    });
  });
});
