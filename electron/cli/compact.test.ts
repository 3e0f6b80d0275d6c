import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

describe('kroniek compact', () => {
  it('packs the story files of one-file imports into one pair; every story stays; the old files go at the next open', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      const seeds = (await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).sort();
      for (const name of seeds) expect((await runCli(['--data', data, 'import', path.join(SEEDS, name)])).code).toBe(0);
      const before = JSON.parse((await runCli(['--data', data, 'list', '--json'])).stdout) as { id: string }[];
      const result = await runCli(['--data', data, 'compact', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ segmentsBefore: seeds.length, segmentsAfter: 1, retired: seeds.length, written: 1 });
      const after = JSON.parse((await runCli(['--data', data, 'list', '--json'])).stdout) as { id: string }[];
      expect(after.map((story) => story.id)).toEqual(before.map((story) => story.id));
      const files = (await readdir(path.join(data, 'content'))).filter((name) => name.endsWith('.heads.json'));
      expect(files).toHaveLength(1);
      expect((await runCli(['--data', data, 'compact'])).stdout).toMatch(/Nothing to compact/);
    });
  }, 60_000);
});
