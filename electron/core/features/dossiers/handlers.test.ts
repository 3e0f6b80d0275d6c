import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { HistoryState } from '../../../../shared/contract/library';
import { openKroniek, type KroniekCore } from '../../app';
import type { ShellPort } from '../../ports';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';
import type { HistoryLabel } from '../../../../shared/messages';
import { StoryMap } from '../../store/story-map';

// The dossier service through the same dispatcher every transport uses, on a
// real store in a temp folder.

async function withCore<T>(run: (core: KroniekCore, dir: string) => Promise<T>, ports: Parameters<typeof openKroniek>[0]['ports'] = {}): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), ports, indexes: 'lazy' });
    try {
      await core.context.store.addStories(['s1', 's2', 's3', 's4', 's5'].map((id) => fakeStory(id, `Kop van ${id}`)));
      return await run(core, dir);
    } finally {
      await core.close();
    }
  });
}



const storyOrder = (detail: DossierDetail) => detail.entries.map((entry) => entry.storyId);

describe('dossiers service', () => {
  it('creates a dossier from a story list, deduplicated in the given order, with summaries', async () => {
    await withCore(async (core) => {
      const detail = await ok<DossierDetail>(core, 'dossiers.create', {
        title: 'Kim en Poetin',
        subtitle: 'Een bondgenootschap',
        intro: 'Eerste alinea.\n\nTweede alinea.',
        storyIds: ['s3', 's1', 's3', 's2'],
      });
      expect(detail.dossier).toMatchObject({ title: 'Kim en Poetin', subtitle: 'Een bondgenootschap', intro: 'Eerste alinea.\n\nTweede alinea.' });
      expect(storyOrder(detail)).toEqual(['s3', 's1', 's2']);
      expect(detail.entries[0]!.story).toMatchObject({ id: 's3', headline: 'Kop van s3' });
      expect(detail.missingCount).toBe(0);

      const list = await ok<{ id: string; entryCount: number }[]>(core, 'dossiers.list', {});
      expect(list).toEqual([expect.objectContaining({ id: detail.dossier.id, title: 'Kim en Poetin', entryCount: 3, missingCount: 0 })]);
      expect(await ok(core, 'dossiers.get', { id: detail.dossier.id })).toEqual(detail);
    });
  });

  it('refuses bad create requests with clear errors and changes nothing', async () => {
    await withCore(async (core) => {
      expect(await failure(core, 'dossiers.create', { title: '   ' })).toMatchObject({ code: 'invalid-input' });
      expect(await failure(core, 'dossiers.create', { title: 'X', storyIds: ['s1'], tagId: 't1' })).toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining('one source only'),
      });
      expect(await failure(core, 'dossiers.create', { title: 'X', storyIds: ['s1', 'nope', 'gone'] })).toMatchObject({
        code: 'not-found',
        message: expect.stringContaining('nope, gone'),
      });
      expect(await failure(core, 'dossiers.create', { title: 'X', tagId: 'no-such-tag' })).toMatchObject({ code: 'not-found' });
      expect(await failure(core, 'dossiers.create', { title: 'X', extra: 1 })).toMatchObject({ code: 'invalid-input' });
      expect(core.context.store.meta.dossiers).toEqual([]);
    });
  });

  it('creates from a tag: every story with it, by date then import order', async () => {
    await withCore(async (core) => {
      await core.context.store.update(null, (meta) => ({
        ...meta,
        tags: [
          { id: 't1', name: 'Noord-Korea', color: null, parentId: null, mediaTopic: null },
          { id: 't2', name: 'Rusland', color: null, parentId: null, mediaTopic: null },
        ],
        taggings: StoryMap.from({ s1: ['t1'], s2: ['t1', 't2'], s3: ['t2'], s4: ['t1'], s5: ['t1'] }),
        // s4 has no editor-set date: it is placed at its import day (2026-01-01), like the list does.
        storyEdits: StoryMap.from({ s1: { publishedAt: '2024-06-19' }, s2: { publishedAt: '2023-06-12' }, s5: { publishedAt: '2024-06-19' } }),
      }));
      const detail = await ok<DossierDetail>(core, 'dossiers.create', { title: 'Noord-Korea', tagId: 't1' });
      expect(storyOrder(detail)).toEqual(['s2', 's1', 's5', 's4']);
    });
  });

  it('creates from a series in timeline order, leaving out stories outside it', async () => {
    await withCore(async (core) => {
      const link = (id: string, from: string, to: string, type: 'series' | 'follow-up' | 'related') => ({ id, from, to, type, note: '', createdAt: '2026-01-01T00:00:00.000Z' });
      await core.context.store.update(null, (meta) => ({
        ...meta,
        // s4 follows up on s1 (no date of its own), s2 and s3 are dated; s5 is only "related".
        links: [link('l1', 's3', 's1', 'series'), link('l2', 's1', 's4', 'follow-up'), link('l3', 's2', 's3', 'series'), link('l4', 's5', 's1', 'related')],
        storyEdits: StoryMap.from({ s1: { publishedAt: '2024-06-19' }, s2: { publishedAt: '2023-06-12' }, s3: { publishedAt: '2023-09-17' } }),
      }));
      const detail = await ok<DossierDetail>(core, 'dossiers.create', { title: 'Reeks', seriesOf: 's4' });
      expect(storyOrder(detail)).toEqual(['s2', 's3', 's1', 's4']);
      // A story without series links is a series of one.
      expect(storyOrder(await ok<DossierDetail>(core, 'dossiers.create', { title: 'Los', seriesOf: 's5' }))).toEqual(['s5']);
      expect(await failure(core, 'dossiers.create', { title: 'Reeks', seriesOf: 'nope' })).toMatchObject({ code: 'not-found' });
    });
  });

  it('adds, removes, moves and reorders entries, keeping updatedAt current', async () => {
    await withCore(async (core) => {
      const created = await ok<DossierDetail>(core, 'dossiers.create', { title: 'D', storyIds: ['s1', 's2'] });
      const id = created.dossier.id;
      const added = await ok<DossierDetail & { added: number; alreadyIn: number }>(core, 'dossiers.addStories', { id, storyIds: ['s3', 's1', 's4'], index: 1 });
      expect(storyOrder(added)).toEqual(['s1', 's3', 's4', 's2']);
      expect([added.added, added.alreadyIn]).toEqual([2, 1]);
      expect(added.dossier.updatedAt >= created.dossier.updatedAt).toBe(true);
      expect(added.dossier.createdAt).toBe(created.dossier.createdAt);

      expect(storyOrder(await ok(core, 'dossiers.moveEntry', { id, from: 3, to: 0 }))).toEqual(['s2', 's1', 's3', 's4']);
      expect(storyOrder(await ok(core, 'dossiers.setOrder', { id, storyIds: ['s4', 's3', 's2', 's1'] }))).toEqual(['s4', 's3', 's2', 's1']);
      expect(storyOrder(await ok(core, 'dossiers.removeEntry', { id, storyId: 's3' }))).toEqual(['s4', 's2', 's1']);
      const noted = await ok<DossierDetail>(core, 'dossiers.setEntryNote', { id, storyId: 's2', note: 'Lees dit eerst.' });
      expect(noted.entries[1]).toMatchObject({ storyId: 's2', note: 'Lees dit eerst.' });

      expect(await failure(core, 'dossiers.setOrder', { id, storyIds: ['s4', 's2'] })).toMatchObject({ code: 'conflict', reason: { code: 'dossier.orderStale' } });
      expect(await failure(core, 'dossiers.addStories', { id, storyIds: ['nope'] })).toMatchObject({ code: 'not-found' });
      expect(await failure(core, 'dossiers.moveEntry', { id: 'nope', from: 0, to: 1 })).toMatchObject({ code: 'not-found' });
      expect(await failure(core, 'dossiers.moveEntry', { id, from: -1, to: 1 })).toMatchObject({ code: 'invalid-input' });
    });
  });

  it('makes every edit undoable with its own label, and redoable', async () => {
    await withCore(async (core) => {
      const history = () => ok<HistoryState>(core, 'history.state', {});
      const dossiers = () => JSON.stringify(core.context.store.meta.dossiers);
      const created = await ok<DossierDetail>(core, 'dossiers.create', { title: 'D', storyIds: ['s1', 's2', 's3'] });
      const id = created.dossier.id;
      expect((await history()).undoLabel).toEqual({ code: 'dossier.create' });

      const steps: [string, unknown, HistoryLabel][] = [
        ['dossiers.update', { id, title: 'Nieuwe titel' }, { code: 'dossier.rename' }],
        ['dossiers.update', { id, subtitle: 'Ondertitel', intro: 'Inleiding' }, { code: 'dossier.edit' }],
        ['dossiers.addStories', { id, storyIds: ['s4'] }, { code: 'dossier.addStories', count: 1 }],
        ['dossiers.addStories', { id, storyIds: ['s5', 's1'], index: 0 }, { code: 'dossier.addStories', count: 2 }],
        ['dossiers.removeEntry', { id, storyId: 's2' }, { code: 'dossier.removeStory' }],
        ['dossiers.moveEntry', { id, from: 0, to: 2 }, { code: 'dossier.reorder' }],
        ['dossiers.setOrder', { id, storyIds: ['s4', 's3', 's5', 's1'] }, { code: 'dossier.reorder' }],
        ['dossiers.setEntryNote', { id, storyId: 's3', note: 'Kern' }, { code: 'dossier.setNote' }],
        ['dossiers.delete', { id }, { code: 'dossier.delete' }],
      ];
      for (const [method, input, label] of steps) {
        const before = dossiers();
        await ok(core, method, input);
        const after = dossiers();
        expect(after, method).not.toBe(before);
        expect((await history()).undoLabel, method).toEqual(label);
        await ok(core, 'history.undo', {});
        expect(dossiers(), `undo ${method}`).toBe(before);
        await ok(core, 'history.redo', {});
        expect(dossiers(), `redo ${method}`).toBe(after);
      }
      // Undo everything, back to no dossier at all.
      for (let i = 0; i <= steps.length; i++) await ok(core, 'history.undo', {});
      expect(core.context.store.meta.dossiers).toEqual([]);
    });
  });

  it('records no undo step for an edit that changes nothing', async () => {
    await withCore(async (core) => {
      const { dossier } = await ok<DossierDetail>(core, 'dossiers.create', { title: 'D', storyIds: ['s1', 's2'] });
      await ok(core, 'dossiers.moveEntry', { id: dossier.id, from: 1, to: 1 });
      await ok(core, 'dossiers.update', { id: dossier.id, title: 'D' });
      await ok(core, 'dossiers.addStories', { id: dossier.id, storyIds: ['s1'] });
      expect((await ok<HistoryState>(core, 'history.state', {})).undoLabel).toEqual({ code: 'dossier.create' });
      expect((await ok<DossierDetail>(core, 'dossiers.get', { id: dossier.id })).dossier.updatedAt).toBe(dossier.updatedAt);
    });
  });

  it('keeps entries of deleted stories, flags them, and brings them back when the delete is undone', async () => {
    await withCore(async (core) => {
      const { dossier } = await ok<DossierDetail>(core, 'dossiers.create', { title: 'D', storyIds: ['s1', 's2', 's3'] });
      await ok(core, 'stories.delete', { ids: ['s2'] });
      const after = await ok<DossierDetail>(core, 'dossiers.get', { id: dossier.id });
      expect(storyOrder(after)).toEqual(['s1', 's2', 's3']);
      expect(after.entries[1]).toEqual({ storyId: 's2', note: '', story: null });
      expect(after.missingCount).toBe(1);
      expect(await ok(core, 'dossiers.list', {})).toEqual([expect.objectContaining({ entryCount: 3, missingCount: 1 })]);
      // A missing entry can still be moved or removed.
      expect(storyOrder(await ok(core, 'dossiers.moveEntry', { id: dossier.id, from: 1, to: 0 }))).toEqual(['s2', 's1', 's3']);
      await ok(core, 'history.undo', {});
      await ok(core, 'history.undo', {});
      const restored = await ok<DossierDetail>(core, 'dossiers.get', { id: dossier.id });
      expect(restored.missingCount).toBe(0);
      expect(restored.entries[1]!.story?.headline).toBe('Kop van s2');
    });
  });

  it('keeps dossiers across a restart', async () => {
    await withTempDir(async (dir) => {
      const dataDir = path.join(dir, 'library');
      const first = await openKroniek({ platform: 'cli', dataDir, indexes: 'lazy' });
      await first.context.store.addStories([fakeStory('s1'), fakeStory('s2')]);
      const { dossier } = await ok<DossierDetail>(first, 'dossiers.create', { title: 'Blijft', storyIds: ['s2', 's1'] });
      await ok(first, 'dossiers.setEntryNote', { id: dossier.id, storyId: 's1', note: 'Notitie' });
      await first.close();
      const again = await openKroniek({ platform: 'cli', dataDir, indexes: 'lazy' });
      try {
        const detail = await ok<DossierDetail>(again, 'dossiers.get', { id: dossier.id });
        expect(storyOrder(detail)).toEqual(['s2', 's1']);
        expect(detail.entries[1]!.note).toBe('Notitie');
      } finally {
        await again.close();
      }
    });
  });

  it('answers unsupported for save dialogs and the shell where the runtime has none', async () => {
    await withCore(async (core) => {
      const { dossier } = await ok<DossierDetail>(core, 'dossiers.create', { title: 'D', storyIds: ['s1'] });
      expect(await failure(core, 'dossiers.exportToFile', { id: dossier.id, format: 'md' })).toMatchObject({ code: 'unsupported' });
      expect(await failure(core, 'dossiers.revealExport', { path: '/tmp/x.pdf' })).toMatchObject({ code: 'unsupported' });
      expect(await failure(core, 'dossiers.openExport', { path: '/tmp/x.pdf' })).toMatchObject({ code: 'unsupported' });
    });
  });

  it('never reveals or opens a file this session did not export', async () => {
    const calls: string[] = [];
    const shell: ShellPort = {
      revealInFolder: async (p) => void calls.push(`reveal ${p}`),
      openPath: async (p) => void calls.push(`open ${p}`),
      openExternal: async (u) => void calls.push(`external ${u}`),
    };
    await withCore(
      async (core, dir) => {
        const planted = path.join(dir, 'planted.pdf');
        await writeFile(planted, 'not ours');
        for (const target of [planted, '/etc/passwd', path.join(dir, 'library', 'kroniek.json'), 'relative.pdf']) {
          expect(await failure(core, 'dossiers.openExport', { path: target })).toMatchObject({ code: 'forbidden' });
          expect(await failure(core, 'dossiers.revealExport', { path: target })).toMatchObject({ code: 'forbidden' });
        }
        expect(calls).toEqual([]);
      },
      { shell },
    );
  });

  it('refuses edits on a read-only library with a clear error', async () => {
    await withTempDir(async (dir) => {
      const dataDir = path.join(dir, 'library');
      const writer = await openKroniek({ platform: 'cli', dataDir, indexes: 'lazy' });
      await writer.context.store.addStories([fakeStory('s1')]);
      await writer.close();
      const reader = await openKroniek({ platform: 'cli', dataDir, readOnly: true, indexes: 'lazy' });
      try {
        expect(await failure(reader, 'dossiers.create', { title: 'D', storyIds: ['s1'] })).toMatchObject({ code: 'read-only', reason: { code: 'library.readOnly' } });
        expect(await ok(reader, 'dossiers.list', {})).toEqual([]);
      } finally {
        await reader.close();
      }
    });
  });
});
