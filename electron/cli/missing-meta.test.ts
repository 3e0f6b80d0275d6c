import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, openKroniek } from '../core/app';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

// A library folder whose library.json is gone (or something else is in its place) while
// its story files and backups are intact is damaged, not new: the newest valid backup is
// restored, or it opens read-only with the stories found; the sample stories are never
// imported over it, and the CLI says so and exits non-zero.

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

async function listed(data: string): Promise<{ code: number; stories: { id: string; tagIds: string[] }[]; stderr: string }> {
  const result = await runCli(['--data', data, 'list', '--json']);
  return { code: result.code, stories: result.stdout ? (JSON.parse(result.stdout) as { id: string; tagIds: string[] }[]) : [], stderr: result.stderr };
}

describe('a library without its library.json', () => {
  it('restores the newest backup, keeps the stories imported after it, and never seeds over it', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      // The first opening seeds it; closing writes a backup.
      const first = await openKroniek({ dataDir: data, seedsDir: DEFAULT_SEEDS_DIR, platform: 'web', indexes: 'lazy' });
      await first.close();
      const backups = await readdir(path.join(data, 'backups'));
      expect(backups.length).toBeGreaterThan(0);
      const before = await listed(data);
      expect(before.stories).toHaveLength(40);
      // An import after that backup: its story files are on disk, listed only in library.json (and a newer backup, removed).
      const more = path.join(dir, 'nieuw.txt');
      await writeFile(more, 'Gemeente opent nieuwe brug over de IJssel\nZWOLLE (ANP) - De gemeente heeft woensdag een nieuwe fietsbrug over de IJssel geopend. De brug verbindt twee wijken en kostte twaalf miljoen euro.\n');
      const imported = await runCli(['--data', data, 'import', more, '--json']);
      expect(JSON.parse(imported.stdout).totals).toMatchObject({ imported: 1 });
      const newest = await listed(data);
      expect(newest.stories).toHaveLength(41);
      for (const name of await readdir(path.join(data, 'backups'))) if (!backups.includes(name)) await rm(path.join(data, 'backups', name));
      await rm(path.join(data, 'library.json'));

      const host = await openKroniek({ dataDir: data, seedsDir: DEFAULT_SEEDS_DIR, platform: 'web', indexes: 'lazy' });
      const { notices, readOnly } = host.opening();
      expect(readOnly).toBe(false);
      expect(notices).toEqual([{ code: 'meta-missing', backupCreatedAt: expect.any(String), damage: 'the file is missing' }]);
      await host.close();
      const after = await listed(data);
      expect(after.code).toBe(0);
      expect(after.stories.map((story) => story.id).sort()).toEqual(newest.stories.map((story) => story.id).sort());
      expect(JSON.parse(await readFile(path.join(data, 'library.json'), 'utf8')).notices.filter((notice: { code: string }) => notice.code === 'seeded')).toHaveLength(1);
    });
  });

  it('opens read-only with the stories found when no backup is valid, and the CLI says so and fails', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      const before = await listed(data);
      expect(before.stories).toHaveLength(40);
      await rm(path.join(data, 'library.json'));
      await rm(path.join(data, 'backups'), { recursive: true, force: true });

      const after = await listed(data);
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/library\.json could not be used \(the file is missing\) although the folder holds stories or backups, and no valid backup was found\. Kroniek opened the library read-only/);
      expect(after.stories).toHaveLength(40);
      const tagged = await runCli(['--data', data, 'tag', before.stories[0]!.id, '--add', 'X']);
      expect(tagged.code).toBe(1);
      expect(tagged.stderr).toMatch(/read-only/);
      // Nothing was written: no library.json, no sample stories.
      await expect(readFile(path.join(data, 'library.json'))).rejects.toMatchObject({ code: 'ENOENT' });
      const host = await openKroniek({ dataDir: data, seedsDir: DEFAULT_SEEDS_DIR, platform: 'web', indexes: 'lazy' });
      expect(host.opening().readOnly).toBe(true);
      await host.close();
      await expect(readFile(path.join(data, 'library.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  it('treats a folder in place of library.json as damage, left as it is', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      await rm(path.join(data, 'library.json'));
      await rm(path.join(data, 'backups'), { recursive: true, force: true });
      await mkdir(path.join(data, 'library.json'));
      const after = await listed(data);
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/could not be used \(it is a folder\)/);
      expect(after.stories).toHaveLength(40);
      expect(await readdir(path.join(data, 'library.json'))).toEqual([]);
    });
  });
});
