import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../../cli/test/helpers';
import { withTempDir } from '../../store/test/helpers';
import { SEEDS_DIR } from '../dossiers/test/support';

// `kroniek chronology` through the real CLI entry point, on the sample library.

describe('kroniek chronology', () => {
  it('lists the approved lines, and with --draft every line with its status and sources', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'library');
      const kroniek = (...args: string[]): Promise<CliResult> => runCli(['--data', data, ...args]);
      expect((await kroniek('import', SEEDS_DIR, '--json')).code).toBe(0);
      const articles = JSON.parse((await kroniek('list', '--kind', 'article', '--json')).stdout) as { id: string; headline: string }[];
      const signing = articles.find((story) => story.headline.startsWith('Kim en Poetin tekenen'))!;
      expect((await kroniek('set-date', signing.id, '2024-06-19')).code).toBe(0);
      const created = JSON.parse((await kroniek('dossier-create', '--title', 'Verdrag', '--articles', signing.id, '--json')).stdout) as { id: string };

      const none = await kroniek('chronology', created.id);
      expect(none.code).toBe(0);
      expect(none.stdout).toMatch(/No approved lines yet \(\d+ drafted: see them with --draft\)/);

      const draft = await kroniek('chronology', created.id, '--draft', '--json');
      expect(draft.code, draft.stderr).toBe(0);
      const view = JSON.parse(draft.stdout) as { lines: { status: string; date: { granularity: string; date: string }; summary: string; sources: { headline: string }[] }[] };
      const treaty = view.lines.find((line) => line.summary.includes('partnerschap'))!;
      expect(treaty).toMatchObject({ status: 'draft', date: { granularity: 'day', date: '2024-06-19' } });
      expect(treaty.sources[0]!.headline).toMatch(/^Kim en Poetin tekenen/);

      const text = await kroniek('chronology', created.id, '--draft');
      expect(text.stdout).toContain('19 June 2024');
      expect(text.stdout).toContain('[draft]');
      expect((await kroniek('chronology', 'nope')).code).not.toBe(0);
    });
  });
});
