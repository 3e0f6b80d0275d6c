import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPrepared } from '../core/import/importer';
import { dijkVersion, wireFile } from '../core/import/test/wire-items';
import { wireStoryId } from '../core/import/wire-stories';
import { LibraryStore } from '../core/store/library-store';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

const STORY = wireStoryId(dijkVersion(1).guid);

/** A library holding three versions of one agency story (the last a correction, under embargo). */
async function library(dir: string): Promise<string> {
  const data = path.join(dir, 'lib');
  const store = await LibraryStore.open(data);
  await importPrepared(store, [
    wireFile('v1.json', dijkVersion(1)),
    wireFile('v2.json', dijkVersion(2)),
    wireFile('v3.json', dijkVersion(3, { signals: ['correction'], embargoedUntil: '2026-12-04T06:00:00Z' })),
  ]);
  await store.close();
  return data;
}

async function withLang<T>(lang: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.KRONIEK_LANG;
  process.env.KRONIEK_LANG = lang;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.KRONIEK_LANG;
    else process.env.KRONIEK_LANG = before;
  }
}

describe('kroniek versions, diff, and show for an agency story', () => {
  it('lists the versions and the words that changed, as JSON and as text in English and Dutch', async () => {
    await withTempDir(async (dir) => {
      const data = await library(dir);
      const versions = JSON.parse((await runCli(['--data', data, 'versions', STORY, '--json'])).stdout);
      expect(versions).toEqual([
        { version: 1, versionCreated: '2026-12-03T09:09:00Z', status: 'usable', signals: [], words: expect.any(Number) },
        { version: 2, versionCreated: '2026-12-03T09:16:00Z', status: 'usable', signals: ['update'], words: expect.any(Number) },
        { version: 3, versionCreated: '2026-12-03T09:23:00Z', status: 'usable', signals: ['correction'], words: expect.any(Number) },
      ]);
      const english = await withLang('en', () => runCli(['--data', data, 'versions', STORY]));
      expect(english.stdout).toMatch(/^v3 .*\[correction\]$/m);
      expect(english.stdout).toContain('3 Dec 2026, 10:23');
      const dutch = await withLang('nl_NL.UTF-8', () => runCli(['--data', data, 'versions', STORY]));
      expect(dutch.stdout).toMatch(/^v3 .*woorden .*\[correctie\]$/m);

      const diff = JSON.parse((await runCli(['--data', data, 'diff', STORY, '--from', '1', '--to', '2', '--json'])).stdout);
      expect(diff).toContainEqual({ op: 'removed', text: 'na dagen regen' });
      const text = (await runCli(['--data', data, 'diff', STORY, '--from', '1', '--to', '2'])).stdout;
      expect(text).toContain('[-na dagen regen-]{+over 50 meter+}');
      const bad = await runCli(['--data', data, 'diff', STORY, '--from', '1', '--to', '7']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/has no version 7/);
    });
  });

  it('shows versions, status, embargo and rights with the story', async () => {
    await withTempDir(async (dir) => {
      const data = await library(dir);
      const shown = JSON.parse((await runCli(['--data', data, 'show', STORY, '--json'])).stdout);
      expect(shown.versions.map((version: { version: number }) => version.version)).toEqual([1, 2, 3]);
      expect(shown.wire).toMatchObject({ version: 3, status: 'usable', corrected: true, embargoedUntil: '2026-12-04T06:00:00Z', rights: { copyrightNotice: '© 2026 ANP' } });
      const dutch = (await withLang('nl', () => runCli(['--data', data, 'show', STORY]))).stdout;
      expect(dutch).toContain('Versie 3 van 3');
      expect(dutch).toContain('gecorrigeerd');
      expect(dutch).toContain('Embargo tot 4 dec 2026, 07:00');
      expect(dutch).toContain('Rechten: © 2026 ANP — Alleen voor abonnees.');
    });
  });
});
