import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../shared/contract/envelope';
import { openKroniek } from '../../app';
import { withTempDir } from '../../store/test/helpers';

const SEEDS = path.resolve(import.meta.dirname, '../../../../seeds');

describe('saved searches and facets', () => {
  it('saves, renames, lists and deletes searches, each undoable', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy' });
      const call = async (method: string, input: unknown) => unwrap(await core.dispatch(method, input)) as never;
      const saved = (await call('searches.save', { name: 'Kim en Poetin', query: { query: 'poetin kim', kind: 'article' } })) as { id: string };
      await expect(call('searches.save', { name: 'kim en poetin', query: {} })).rejects.toMatchObject({ code: 'conflict', reason: { code: 'search.nameTaken', name: 'kim en poetin' } });
      await call('searches.rename', { id: saved.id, name: 'Kim–Poetin' });
      expect(await call('searches.list', {})).toEqual([{ id: saved.id, name: 'Kim–Poetin', query: { query: 'poetin kim', kind: 'article' } }]);
      await call('history.undo', {});
      expect(((await call('searches.list', {})) as { name: string }[])[0]!.name).toBe('Kim en Poetin');
      await call('searches.delete', { id: saved.id });
      expect(await call('searches.list', {})).toEqual([]);
      await expect(call('searches.save', { name: 'x', query: { offset: 5 } })).rejects.toMatchObject({ code: 'invalid-input' });
      await core.close();
    });
  });

  it('offers places, agencies and sections with counts, folded but shown as printed', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: dir, seedsDir: SEEDS, indexes: 'lazy' });
      const facets = unwrap(await core.dispatch('stories.facets', {})) as { places: { value: string; count: number }[]; agencies: { value: string; count: number }[]; sections: { value: string }[] };
      expect(facets.places[0]).toEqual({ value: 'PYONGYANG', count: 4 });
      expect(facets.places.find((place) => place.value === 'GENÈVE')?.count).toBeGreaterThan(0);
      expect(facets.agencies[0]).toEqual({ value: 'ANP', count: 40 });
      expect(facets.sections.map((section) => section.value)).toEqual(['Buitenland']);
      await core.close();
    });
  });
});
