import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveDownload, BackupInfo, ExportedFile, HistoryState, ListPage, TrashPage } from '../../../../shared/contract';
import type { StorySummary } from '../../../../shared/types';
import { openKroniek, type KroniekCore } from '../../app';
import { importPaths } from '../../import/importer';
import { writeBackup } from '../../store/backups';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { failure } from '../../service/test/calls';
import { closeExportSession } from '../dossiers/export-session';
import { ok, seedDossier, SEEDS_DIR } from '../dossiers/test/support';

// The Trash and the undo of an import, through the dispatcher every transport uses,
// on a real store in a temp folder.

async function withCore<T>(run: (core: KroniekCore, dataDir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const dataDir = path.join(dir, 'library');
    const core = await openKroniek({ dataDir, platform: 'cli', indexes: 'lazy' });
    try {
      return await run(core, dataDir);
    } finally {
      await closeExportSession(core.context);
      await core.close();
    }
  });
}

const trashIds = async (core: KroniekCore) => (await ok<TrashPage>(core, 'trash.list', {})).items.map((story) => story.id);
const liveIds = async (core: KroniekCore) => (await ok<ListPage>(core, 'stories.list', { sort: 'imported', dir: 'asc', limit: 100 })).items.map((story) => story.id);

describe('the Trash', () => {
  it('lists deleted stories newest first, restores them (undoably) and purges them for good', async () => {
    await withCore(async (core, dataDir) => {
      await core.context.store.addStories(['s1', 's2', 's3', 's4'].map((id) => fakeStory(id)));
      await ok(core, 'tags.apply', { storyIds: ['s2'], addNames: ['Oekraïne'] });
      await ok(core, 'stories.delete', { ids: ['s1'] });
      await ok(core, 'stories.delete', { ids: ['s3', 's2'] });
      expect(await trashIds(core)).toEqual(['s2', 's3', 's1']);
      expect(await liveIds(core)).toEqual(['s4']);

      expect(await ok(core, 'trash.restore', { ids: ['s1', 'nope'] })).toEqual({ restored: 1 });
      expect(await trashIds(core)).toEqual(['s2', 's3']);
      expect(await ok<StorySummary>(core, 'stories.get', { id: 's1' })).toMatchObject({ id: 's1' });
      expect((await ok<HistoryState>(core, 'history.state', {})).undoLabel).toEqual({ code: 'trash.restore', count: 1 });
      await ok(core, 'history.undo', {});
      expect(await trashIds(core)).toEqual(['s2', 's3', 's1']);
      await ok(core, 'history.redo', {});

      expect(await ok(core, 'trash.empty', { ids: ['s3'] })).toEqual({ purged: 1 });
      expect(await trashIds(core)).toEqual(['s2']);
      expect(await ok(core, 'trash.empty', {})).toEqual({ purged: 1 });
      expect(await trashIds(core)).toEqual([]);
      expect(await failure(core, 'stories.get', { id: 's2' })).toMatchObject({ code: 'not-found' });
      expect(await failure(core, 'trash.restore', { ids: ['s2'] })).toMatchObject({ code: 'not-found' });
      // What was attached to a purged story goes with it.
      expect(core.context.store.meta.taggings.get('s2')).toBeUndefined();
      // The delete before the purge can no longer be undone: the purge changed that part of the library.
      expect(await failure(core, 'history.undo', {})).toMatchObject({ code: 'conflict' });
      expect(await liveIds(core)).toEqual(['s1', 's4']);

      // Purged stays purged after reopening.
      await core.close();
      const again = await openKroniek({ dataDir, platform: 'cli', indexes: 'lazy' });
      try {
        expect(await trashIds(again)).toEqual([]);
        expect(await liveIds(again)).toEqual(['s1', 's4']);
        expect(again.context.store.meta.purged).toEqual(['s3', 's2']);
      } finally {
        await again.close();
      }
    });
  });

  it('leaves a deleted or purged story out of every export format, with a count', async () => {
    await withCore(async (core) => {
      const { detail } = await seedDossier(core);
      const [trashed, purged] = [detail.entries[1]!.story!, detail.entries[3]!.story!];
      await ok(core, 'stories.delete', { ids: [trashed.id, purged.id] });
      await ok(core, 'trash.empty', { ids: [purged.id] });
      const view = await ok<{ missingCount: number }>(core, 'dossiers.get', { id: detail.dossier.id });
      expect(view.missingCount).toBe(2);
      for (const format of ['html', 'md', 'ninjs', 'pdf'] as const) {
        const file = await ok<ExportedFile>(core, 'dossiers.export', { id: detail.dossier.id, format });
        expect(file.skippedMissing, format).toBe(2);
        if (format === 'pdf') {
          expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
          continue;
        }
        const text = Buffer.from(file.base64, 'base64').toString('utf8');
        expect(text, format).not.toContain(trashed.headline);
        expect(text, format).not.toContain(purged.headline);
        expect(text, format).toContain(detail.entries[0]!.story!.headline);
      }
    });
  });

  it('keeps purged stories out of the library archive, and backups agree with the purge', async () => {
    await withCore(async (core, dataDir) => {
      await core.context.store.addStories(['s1', 's2', 's3'].map((id) => fakeStory(id)));
      await ok(core, 'stories.delete', { ids: ['s1', 's2'] });
      const beforePurge = await writeBackup(dataDir, core.context.store.meta, new Date(Date.now() - 2_000));
      await ok(core, 'trash.empty', { ids: ['s2'] });

      const archive = await ok<ArchiveDownload>(core, 'library.exportArchive', {});
      const parsed = JSON.parse(Buffer.from(archive.base64, 'base64').toString('utf8')) as { meta: { deleted: string[]; purged?: string[] }; stories: { head: { id: string } }[] };
      expect(parsed.stories.map((story) => story.head.id).sort()).toEqual(['s1', 's3']);
      expect(parsed.meta.deleted).toEqual(['s1']);
      expect(parsed.meta.purged).toBeUndefined();
      expect(archive.stories).toBe(2);

      // A backup made after the purge keeps it; restoring it leaves the story gone.
      const afterPurge = await writeBackup(dataDir, core.context.store.meta, new Date(Date.now() - 1_000));
      const saved = JSON.parse(gunzipSync(await readFile(path.join(dataDir, 'backups', afterPurge.name))).toString('utf8')) as { purged: string[] };
      expect(saved.purged).toEqual(['s2']);
      await ok(core, 'backups.restore', { name: afterPurge.name });
      expect(await trashIds(core)).toEqual(['s1']);
      // A backup from before the purge is the library as it was then: the story is in the Trash
      // again (its content never left the immutable segment), and can be purged again.
      expect((await ok<BackupInfo[]>(core, 'backups.list', {})).map((backup) => backup.name)).toContain(beforePurge.name);
      await ok(core, 'backups.restore', { name: beforePurge.name });
      expect(await trashIds(core)).toEqual(['s2', 's1']);
      expect(await ok<StorySummary>(core, 'stories.get', { id: 's3' })).toMatchObject({ id: 's3' });
    });
  });
});

describe('undoing an import', () => {
  it('removes exactly the stories it added (not into the Trash), redo brings them back, and importing again works', async () => {
    await withCore(async (core) => {
      await core.context.store.addStories([fakeStory('s1')]);
      const report = await importPaths(core.context.store, [SEEDS_DIR], core.context.importOptions);
      const added = report.files.filter((file) => file.status === 'imported').length;
      const state = await ok<HistoryState>(core, 'history.state', {});
      expect(state.undoLabel).toMatchObject({ code: 'import' });
      const count = (state.undoLabel as { count: number }).count;
      expect(count).toBeGreaterThanOrEqual(added);
      const afterImport = await liveIds(core);
      expect(afterImport.length).toBeGreaterThan(1);

      await ok(core, 'history.undo', {});
      expect(await liveIds(core)).toEqual(['s1']);
      expect(await trashIds(core)).toEqual([]);
      const status = await ok<{ counts: { articles: number; briefs: number } }>(core, 'library.status', {});
      expect(status.counts.articles + status.counts.briefs).toBe(1);

      await ok(core, 'history.redo', {});
      expect(await liveIds(core)).toEqual(afterImport);
      await ok(core, 'history.undo', {});

      // The same files again: the stories come back, as a new undoable import.
      await importPaths(core.context.store, [SEEDS_DIR], core.context.importOptions);
      expect((await liveIds(core)).sort()).toEqual([...afterImport].sort());
      expect(core.context.store.meta.purged).toEqual([]);
    });
  });

  it('puts stories an import brought back from the Trash back into the Trash', async () => {
    await withCore(async (core) => {
      await importPaths(core.context.store, [path.join(SEEDS_DIR, '000_15ce3d44fc469362.txt')], core.context.importOptions);
      const [id] = await liveIds(core);
      await ok(core, 'stories.delete', { ids: [id] });
      await importPaths(core.context.store, [path.join(SEEDS_DIR, '000_15ce3d44fc469362.txt')], core.context.importOptions);
      expect(await liveIds(core)).toContain(id);
      expect((await ok<HistoryState>(core, 'history.state', {})).undoLabel).toMatchObject({ code: 'import' });
      await ok(core, 'history.undo', {});
      expect(await trashIds(core)).toContain(id);
    });
  });

  it('refuses when a story it added was worked on since, and says how many', async () => {
    await withCore(async (core) => {
      await importPaths(core.context.store, [SEEDS_DIR], core.context.importOptions);
      const ids = await liveIds(core);
      // An edit that is not in the undo history (as an archive merge is) notes one of them.
      await core.context.store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with([[ids[0]!, { note: 'Nagaan' }]]) }));
      const refused = await failure(core, 'history.undo', {});
      expect(refused).toMatchObject({ code: 'conflict', reason: { code: 'import.touched', count: 1, stories: ids.length } });
      expect(await liveIds(core)).toEqual(ids);
      expect((await ok<HistoryState>(core, 'history.state', {})).canUndo).toBe(true);
    });
  });
});
