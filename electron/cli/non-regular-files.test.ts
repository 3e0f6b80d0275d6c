import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

// A FIFO (or any other non-regular file) where the library keeps a file must never hang a
// command: opening a FIFO for reading waits for a writer forever. Each is refused as what
// it is (the cache is rebuilt, story files are reported), and the command ends.

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe.skipIf(process.platform === 'win32')('non-regular files in the library folder', () => {
  it('search and related stories answer with a FIFO as the index snapshot; list reports a FIFO as a story file', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      const first = await runCli(['--data', data, 'search', 'Poetin', '--json']);
      expect(first.code).toBe(0);
      const hits = JSON.parse(first.stdout) as { id: string }[];
      expect(hits.length).toBeGreaterThan(0);

      const snapshot = path.join(data, 'cache', 'indexes.bin');
      await rm(snapshot, { force: true });
      mkfifo(snapshot);
      const again = await runCli(['--data', data, 'search', 'Poetin', '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual(hits);
      await rm(snapshot, { force: true });
      mkfifo(snapshot);
      const related = await runCli(['--data', data, 'related', hits[0]!.id, '--json']);
      expect(related.code, related.stderr).toBe(0);

      const heads = (await readdir(path.join(data, 'content'))).find((name) => name.endsWith('.heads.json'))!;
      await rm(path.join(data, 'content', heads));
      mkfifo(path.join(data, 'content', heads));
      const listed = await runCli(['--data', data, 'list', '--json']);
      expect(listed.code).toBe(1);
      expect(listed.stderr).toMatch(/could not be read[\s\S]*heads\.json: it is not a regular file/);
    });
  });
});
