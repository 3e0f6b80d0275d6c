import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store';
import { withTempDir } from '../store/test/helpers';
import { importPaths } from './importer';
import { wireStoryId } from './wire-stories';

// The format parsers and the version-aware importer together: the hand-written Dutch ANP
// items of the parsers' tests, dropped into a folder out of order with page text beside them.

const DUTCH = path.join(import.meta.dirname, 'wire', 'test', 'dutch');
const SEED = path.resolve(import.meta.dirname, '../../../seeds/003_a38223e90e707fe3.txt');
const STORY = wireStoryId('urn:newsml:anp.nl:20261203:kabinet-woningbouw');

describe('a drop folder of agency files and page text', () => {
  it('imports every format, folds the versions into one story whatever their order, and takes the kill', async () => {
    await withTempDir(async (dir) => {
      const drop = path.join(dir, 'drop');
      await mkdir(drop);
      for (const name of ['woningbouw-v3.json', 'woningbouw-v1.json']) await copyFile(path.join(DUTCH, 'ninjs3', name), path.join(drop, name));
      await copyFile(path.join(DUTCH, 'g2', 'woningbouw-v2.xml'), path.join(drop, 'woningbouw-v2.xml'));
      await copyFile(SEED, path.join(drop, 'pagina.txt'));
      const store = await LibraryStore.open(path.join(dir, 'lib'));
      try {
        const report = await importPaths(store, [drop]);
        expect(report.totals).toMatchObject({ files: 4, imported: 4, rejected: 0 });
        const outcomes = report.files.flatMap((file) => file.versions ?? []).map((entry) => entry.storyId);
        expect(new Set(outcomes)).toEqual(new Set([STORY]));
        const story = (await store.story(STORY))!;
        expect(store.storyVersions(STORY).map((version) => version.version)).toEqual([1, 2, 3]);
        expect(story.wire).toMatchObject({ version: 3, versionCount: 3, status: 'usable' });
        expect(story.publishedAt).toBe('2026-12-03');
        // The dateline the agency's text opens with is the story's dateline, shown once, not part of its text.
        expect(story.dateline).toEqual({ place: 'DEN HAAG', agencies: ['ANP'] });
        expect(story.body[0]!.text).toMatch(/^Het kabinet wil/);

        const kill = await importPaths(store, [path.join(DUTCH, 'ninjs3', 'woningbouw-kill.json')]);
        expect(kill.files[0]!.versions).toEqual([{ guid: 'urn:newsml:anp.nl:20261203:kabinet-woningbouw', storyId: STORY, version: 4, outcome: 'version' }]);
        expect((await store.story(STORY))!.wire).toMatchObject({ status: 'canceled', edNote: 'Vervalt: dit bericht is ingetrokken. Niet gebruiken.' });
        // The same file again: a duplicate.
        expect((await importPaths(store, [path.join(DUTCH, 'ninjs3', 'woningbouw-v1.json')])).files[0]!.status).toBe('duplicate');
      } finally {
        await store.close();
      }
    });
  });
});
