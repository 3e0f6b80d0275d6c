import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

describe('kroniek set-date with several ids', () => {
  it('dates them all in one edit, and clears them with none', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      const briefs = JSON.parse((await runCli(['--data', data, '--seeds', 'list', '--kind', 'brief', '--json'])).stdout) as { id: string }[];
      const ids = briefs.slice(0, 3).map((brief) => brief.id);
      const set = await runCli(['--data', data, 'set-date', ...ids, '2024-06-19']);
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toBe('3 stories are dated 2024-06-19.\n');
      const listed = JSON.parse((await runCli(['--data', data, 'list', '--kind', 'brief', '--json'])).stdout) as { id: string; publishedAt: string | null }[];
      expect(listed.filter((brief) => ids.includes(brief.id)).map((brief) => brief.publishedAt)).toEqual(['2024-06-19', '2024-06-19', '2024-06-19']);
      expect((await runCli(['--data', data, 'set-date', ...ids, 'none'])).stdout).toBe('3 stories have no date now.\n');
      const bad = await runCli(['--data', data, 'set-date', ...ids, '2024-02-30']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/not a real calendar date/);
    });
  });
});
