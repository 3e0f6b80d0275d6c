import { copyFile, readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../shared/contract/envelope';
import type { Commit } from '../../../../shared/contract/changes';
import type { HistoryState, ListPage } from '../../../../shared/contract/library';
import type { Story, StorySummary } from '../../../../shared/types';
import { openKroniek, type KroniekCore } from '../../app';
import { withTempDir } from '../../store/test/helpers';

// Briefs captured with a page carry the age the site printed ("3 uur geleden"): imported
// from disk (or a watch folder) or uploaded with the browser's lastModified, they get the
// capture time minus that age as an estimated date, which the editor can correct, for
// many stories at once in one undoable edit.

const PAGE = path.resolve(import.meta.dirname, '../../../../seeds/003_a38223e90e707fe3.txt');
// 3 February 2026, 15:00 in the Netherlands.
const CAPTURED = new Date('2026-02-03T14:00:00Z');

const call = async <T>(core: KroniekCore, method: string, input: unknown = {}) => unwrap(await core.dispatch(method, input)) as T;
const briefs = async (core: KroniekCore) => (await call<ListPage>(core, 'stories.list', { kind: 'brief', limit: 100 })).items;
const byLabel = (items: StorySummary[], label: string) => items.find((item) => item.ageLabel === label)!;

/** A library with the sample page imported from disk as captured at CAPTURED. */
async function importCapturedPage(dir: string): Promise<KroniekCore> {
  const file = path.join(dir, 'pagina.txt');
  await copyFile(PAGE, file);
  await utimes(file, CAPTURED, CAPTURED);
  const core = await openKroniek({ dataDir: path.join(dir, 'lib'), indexes: 'lazy', platform: 'cli' });
  await call(core, 'import.paths', { paths: [file] });
  return core;
}

describe('estimated brief dates', () => {
  it('dates briefs from the file’s modification time minus their age label, marked as estimated', async () => {
    await withTempDir(async (dir) => {
      const core = await importCapturedPage(dir);
      const items = await briefs(core);
      expect(byLabel(items, '1 uur geleden')).toMatchObject({ publishedAt: '2026-02-03', publishedAtEstimated: true });
      const article = (await call<ListPage>(core, 'stories.list', { kind: 'article' })).items[0]!;
      // The article has no age label: no date is made up for it.
      expect(article.publishedAt).toBeNull();
      expect(article.publishedAtEstimated).toBeUndefined();
      // The date filter and the story itself see the estimate.
      expect((await call<ListPage>(core, 'stories.list', { kind: 'brief', from: '2026-02-03', to: '2026-02-03' })).total).toBe(items.length);
      expect(await call<Story>(core, 'stories.get', { id: items[0]!.id })).toMatchObject({ publishedAtEstimated: true });
      await core.close();
    });
  });

  it('takes the browser’s lastModified for uploaded files; without it nothing is estimated', async () => {
    await withTempDir(async (dir) => {
      const base64 = (await readFile(PAGE)).toString('base64');
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), indexes: 'lazy', platform: 'cli' });
      await call(core, 'import.files', { files: [{ name: 'pagina.txt', base64, lastModified: CAPTURED.getTime() }] });
      expect(byLabel(await briefs(core), '1 uur geleden')).toMatchObject({ publishedAt: '2026-02-03', publishedAtEstimated: true });
      await core.close();

      const other = await openKroniek({ dataDir: path.join(dir, 'lib2'), indexes: 'lazy', platform: 'cli' });
      await call(other, 'import.files', { files: [{ name: 'pagina.txt', base64 }] });
      expect((await briefs(other)).every((item) => item.publishedAt === null && !item.publishedAtEstimated)).toBe(true);
      expect(await other.dispatch('import.files', { files: [{ name: 'x.txt', base64, lastModified: -1 }] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      await other.close();
    });
  });

  it('is corrected by hand, one or many stories at once in one undoable edit', async () => {
    await withTempDir(async (dir) => {
      const core = await importCapturedPage(dir);
      const items = await briefs(core);
      const one = items[0]!;
      const corrected = await call<Story>(core, 'stories.setDate', { id: one.id, date: '2026-02-02' });
      expect(corrected.publishedAt).toBe('2026-02-02');
      expect(corrected.publishedAtEstimated).toBeUndefined();

      const commits: Commit[] = [];
      core.feed.onCommit((commit) => commits.push(commit));
      const ids = items.slice(1, 4).map((item) => item.id);
      expect(await call(core, 'stories.setDates', { ids, date: '2026-01-30' })).toEqual({ dated: 3 });
      expect(commits).toHaveLength(1);
      expect(commits[0]!.changes).toMatchObject({ dates: expect.arrayContaining(ids), history: true });
      const after = await briefs(core);
      for (const id of ids) expect(after.find((item) => item.id === id)).toMatchObject({ publishedAt: '2026-01-30' });
      expect(after.filter((item) => ids.includes(item.id)).some((item) => item.publishedAtEstimated)).toBe(false);
      expect((await call<HistoryState>(core, 'history.state')).undoLabel).toEqual({ code: 'story.setDates', count: 3 });

      // One undo puts all three back to their estimates.
      await call(core, 'history.undo');
      const undone = await briefs(core);
      for (const id of ids) expect(undone.find((item) => item.id === id)).toMatchObject({ publishedAtEstimated: true });
      expect((await call<HistoryState>(core, 'history.state')).undoLabel).toEqual({ code: 'story.setDate' });

      expect(await core.dispatch('stories.setDates', { ids: [ids[0], 'bnietbestaand'], date: null })).toMatchObject({ ok: false, error: { reason: { code: 'stories.missing', count: 1 } } });
      await core.close();
    });
  });

  it('leaves the sample library undated (its files’ times are not capture times)', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ dataDir: path.join(dir, 'lib'), indexes: 'lazy', platform: 'cli', seedsDir: path.dirname(PAGE) });
      expect((await briefs(core)).every((item) => item.publishedAt === null)).toBe(true);
      await core.close();
    });
  });
});
