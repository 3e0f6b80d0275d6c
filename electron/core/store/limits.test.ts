import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../cli/command';
import { LIMITS } from '../../../shared/contract/define';
import { openKroniek } from '../app';
import { noticeLine } from '../../cli/messages';
import { LibraryStore } from './library-store';
import { META_FILE } from './meta-file';
import { fakeStory, withTempDir } from './test/helpers';

// A library.json written by hand or another program may hold values no call would take.
// They are kept on disk, reported once per open, and shown and searched only up to the limit.

describe('stored values longer than the API takes', () => {
  it('are reported as a notice, kept on disk, and served only up to the limit: listing, reading and searching still work', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories([fakeStory('v1', 'Kabinet wil snellere procedure voor dijkversterking'), fakeStory('v2')]);
      await store.close();
      const file = path.join(dir, META_FILE);
      const meta = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const note = `dijkvoorzitter ${'n'.repeat(20_000_000)}`;
      meta.storyEdits = { v1: { note } };
      meta.tags = [{ id: 't1', name: 'T'.repeat(5_000), color: null, parentId: null, mediaTopic: null }];
      await writeFile(file, JSON.stringify(meta));

      const core = await openKroniek({ dataDir: dir, platform: 'cli', indexSnapshot: { enabled: false } });
      try {
        const status = await call(core, 'library.status', {});
        const notice = status.notices.find((entry) => entry.code === 'oversized');
        expect(notice).toEqual({ code: 'oversized', fields: [{ field: 'note', count: 1 }, { field: 'tag', count: 1 }] });
        expect(noticeLine(notice!)).toMatch(/1 story note, 1 tag name/);
        expect((await call(core, 'stories.list', { limit: 10 })).total).toBe(2);
        expect((await call(core, 'stories.get', { id: 'v1' })).note).toHaveLength(LIMITS.text);
        await call(core, 'library.ready', {});
        expect((await call(core, 'stories.list', { query: 'dijkvoorzitter' })).items.map((item) => item.id)).toEqual(['v1']);
      } finally {
        await core.close();
      }
      // Nothing was cut on disk.
      const after = JSON.parse(await readFile(file, 'utf8')) as { storyEdits: Record<string, { note: string }> };
      expect(after.storyEdits.v1!.note).toHaveLength(note.length);
    });
  }, 30_000);
});
