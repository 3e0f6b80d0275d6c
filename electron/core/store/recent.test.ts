import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECENT_FILE, RECENT_KEEP, RecentChanges } from './recent';
import { withTempDir } from './test/helpers';

// The recent changes' file: bounded (the last RECENT_KEEP, the file rewritten once it holds twice
// as many), read back after a restart, a line cut short by a crash skipped.

describe('recent changes file', () => {
  it('keeps the last ones only, on disk too, and skips a damaged line', async () => {
    await withTempDir(async (dir) => {
      const recent = RecentChanges.load(dir, true);
      const total = 2 * RECENT_KEEP + 20;
      for (let i = 0; i < total; i++) recent.add({ label: { code: 'tag.apply', count: i + 1 }, source: 'mine' });
      const list = recent.list(RECENT_KEEP + 10, new Set([total]));
      expect(list).toHaveLength(RECENT_KEEP);
      expect(list[0]).toMatchObject({ id: total, label: { code: 'tag.apply', count: total }, undoable: true });
      expect(list.at(-1)).toMatchObject({ id: total - RECENT_KEEP + 1, undoable: false });
      const file = path.join(dir, RECENT_FILE);
      expect((await readFile(file, 'utf8')).trim().split('\n').length).toBeLessThanOrEqual(2 * RECENT_KEEP);

      await writeFile(file, `${await readFile(file, 'utf8')}{"id":99999,"at":"2026-`, { flag: 'w' });
      const again = RecentChanges.load(dir, true);
      expect(again.list(3, new Set()).map((change) => change.id)).toEqual([total, total - 1, total - 2]);
      again.add({ label: { code: 'story.setNote' }, source: 'incoming', author: 'ben' });
      expect(again.list(1, new Set())[0]).toMatchObject({ id: total + 1, source: 'incoming', author: 'ben' });
    });
  });
});
