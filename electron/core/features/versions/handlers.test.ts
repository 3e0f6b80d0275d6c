import { describe, expect, it } from 'vitest';
import { call } from '../../../cli/command';
import { openKroniek, type KroniekCore } from '../../app';
import { importPrepared } from '../../import/importer';
import { dijkVersion, wireFile } from '../../import/test/wire-items';
import { wireStoryId } from '../../import/wire-stories';
import { withTempDir } from '../../store/test/helpers';

const STORY = wireStoryId(dijkVersion(1).guid);

async function withCore(run: (core: KroniekCore) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy', indexSnapshot: { enabled: false } });
    try {
      await run(core);
    } finally {
      await core.close();
    }
  });
}

const importVersions = (core: KroniekCore, ...versions: number[]) =>
  importPrepared(core.context.store, versions.map((version) => wireFile(`v${version}.json`, dijkVersion(version))));

describe('versions through the contract', () => {
  it('lists the versions, opens an older one and tells the words that changed', async () => {
    await withCore(async (core) => {
      await importVersions(core, 1, 3, 2);
      const versions = await call(core, 'story.versions', { id: STORY });
      expect(versions.map((version) => [version.version, version.signals, version.versionCreated])).toEqual([
        [1, [], '2026-12-03T09:09:00Z'],
        [2, ['update'], '2026-12-03T09:16:00Z'],
        [3, ['update'], '2026-12-03T09:23:00Z'],
      ]);
      expect(versions[0]!.words).toBeGreaterThan(15);
      expect(versions[2]!.words).toBeGreaterThan(versions[0]!.words);

      const old = await call(core, 'story.version', { id: STORY, version: 1 });
      expect(old.headline).toBe('Dijk bij Lelystad verzakt na dagen regen');
      expect(old.wire).toMatchObject({ version: 1, latestVersion: 3, versionCount: 3 });

      const diff = await call(core, 'story.diff', { id: STORY, from: 1, to: 2 });
      expect(diff.filter((part) => part.op === 'removed').map((part) => part.text.trim())).toEqual(expect.arrayContaining(['na dagen regen', '40']));
      expect(diff.filter((part) => part.op === 'added').map((part) => part.text).join(' ')).toContain('versie2woord');
      // The parts rebuild both texts.
      const text = (op: 'added' | 'removed') => diff.filter((part) => part.op !== op).map((part) => part.text).join('');
      expect(text('added')).toBe(['Dijk bij Lelystad verzakt na dagen regen', ...old.body.map((block) => block.text)].join('\n\n'));
      expect(text('removed')).toContain('Dijk bij Lelystad verzakt over 50 meter');

      const missing = await core.dispatch('story.version', { id: STORY, version: 9 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await core.dispatch('story.diff', { id: STORY, from: 0, to: 2 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call(core, 'story.versions', { id: 'a0000' }).catch((error: Error) => error.message)).toMatch(/No story/);
    });
  });

  it('marks a story "new since you last opened it" until it is opened, and again when a newer version arrives', async () => {
    await withCore(async (core) => {
      await importVersions(core, 1, 2);
      expect((await call(core, 'stories.get', { id: STORY })).updatedSinceOpened).toBe(true);
      const historyBefore = await call(core, 'history.state', {});
      const answer = await core.dispatch('library.markOpened', { id: STORY });
      // Not an undoable edit: Undo still takes back the import.
      expect(await call(core, 'history.state', {})).toEqual(historyBefore);
      expect(answer).toMatchObject({ ok: true, value: { id: STORY, updatedSinceOpened: false } });
      // The change feed names the story, so lists refresh its mark.
      expect(answer.ok && answer.commits?.[0]?.changes.stories).toEqual([STORY]);
      expect((await call(core, 'stories.list', {})).items[0]!.updatedSinceOpened).toBe(false);
      // Opening it again changes nothing.
      expect((await core.dispatch('library.markOpened', { id: STORY })).ok && true).toBe(true);
      await importVersions(core, 3);
      expect((await call(core, 'stories.get', { id: STORY })).updatedSinceOpened).toBe(true);
    });
  });
});

describe('the list follows a wire story to its newest version', () => {
  it('shows the newest headline and status once the indexes are ready (its list keys do not keep the first version)', async () => {
    await withTempDir(async (dir) => {
      const core = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: { enabled: false } });
      try {
        await importVersions(core, 1);
        await call(core, 'library.ready', {});
        expect((await call(core, 'stories.list', {})).items.map((item) => item.headline)).toEqual(['Dijk bij Lelystad verzakt na dagen regen']);
        await importPrepared(core.context.store, [wireFile('v2.json', dijkVersion(2, { pubStatus: 'canceled' }))]);
        await call(core, 'library.ready', {});
        const [row] = (await call(core, 'stories.list', {})).items;
        expect(row).toMatchObject({ headline: 'Dijk bij Lelystad verzakt over 50 meter', wire: { status: 'canceled', versionCount: 2 } });
      } finally {
        await core.close();
      }
    });
  });
});
