import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../../cli/test/helpers';
import { withTempDir } from '../../store/test/helpers';
import { SEEDS_DIR } from '../dossiers/test/support';

// `kroniek quotes` through the real CLI entry point, on the sample library.

describe('kroniek quotes', () => {
  it('lists quotes by person, date and dossier, as text and as JSON', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'library');
      const kroniek = (...args: string[]): Promise<CliResult> => runCli(['--data', data, ...args]);
      expect((await kroniek('import', SEEDS_DIR, '--json')).code).toBe(0);
      const articles = JSON.parse((await kroniek('list', '--kind', 'article', '--json')).stdout) as { id: string; headline: string }[];
      const signing = articles.find((story) => story.headline.startsWith('Kim en Poetin tekenen'))!;
      expect((await kroniek('set-date', signing.id, '2024-06-19')).code).toBe(0);

      const text = await kroniek('quotes', '--person', 'Poetin');
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain('— Vladimir Poetin, 19 June 2024, Kim en Poetin tekenen');
      expect(text.stdout).toContain('(indirect)');

      const json = await kroniek('quotes', '--person', 'putin', '--from', '2024-06-01', '--to', '2024-06-30', '--json');
      const answer = JSON.parse(json.stdout) as { total: number; quotes: { speaker: { name: string } | null; date: string; storyId: string }[] };
      expect(answer.total).toBeGreaterThan(0);
      expect(answer.quotes.every((quote) => quote.speaker?.name === 'Vladimir Poetin' && quote.date === '2024-06-19' && quote.storyId === signing.id)).toBe(true);

      const created = JSON.parse((await kroniek('dossier-create', '--title', 'Verdrag', '--articles', signing.id, '--json')).stdout) as { id: string };
      const ofDossier = JSON.parse((await kroniek('quotes', '--dossier', created.id, '--json')).stdout) as { quotes: { storyId: string }[] };
      expect(ofDossier.quotes.length).toBeGreaterThan(0);
      expect(ofDossier.quotes.every((quote) => quote.storyId === signing.id)).toBe(true);

      expect((await kroniek('quotes', '--person', 'Niemand Bestaatniet')).stdout).toContain('No quotes match.');
      const bad = await kroniek('quotes', '--from', '2024-02-30');
      expect(bad.code).not.toBe(0);
    });
  });
});
