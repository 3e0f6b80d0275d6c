import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, type CliResult } from '../../../cli/test/helpers';
import { withTempDir } from '../../store/test/helpers';
import { inOrder, pdfComparable, pdfText, SEEDS_DIR } from './test/support';

// The dossier commands through the real CLI entry point, on a library folder
// filled with the five sample stories.

const cli = runCli;

afterEach(() => vi.restoreAllMocks());

async function withLibrary<T>(runTest: (kroniek: (...args: string[]) => Promise<CliResult>, dir: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const data = path.join(dir, 'library');
    const kroniek = (...args: string[]) => cli(['--data', data, ...args]);
    const imported = await kroniek('import', SEEDS_DIR, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    return runTest(kroniek, dir);
  });
}

async function articles(kroniek: (...args: string[]) => Promise<CliResult>): Promise<{ id: string; headline: string }[]> {
  const list = await kroniek('list', '--kind', 'article', '--json');
  return JSON.parse(list.stdout) as { id: string; headline: string }[];
}

describe('kroniek dossier commands', () => {
  it('creates a dossier from articles, lists it, shows it, and exports it in every format', async () => {
    await withLibrary(async (kroniek, dir) => {
      const stories = await articles(kroniek);
      expect(stories).toHaveLength(5);
      const order = [stories[3]!, stories[1]!, stories[4]!, stories[0]!, stories[2]!];
      const created = await kroniek(
        'dossier-create',
        '--title',
        'Kim en Poetin',
        '--subtitle',
        'Vijf berichten',
        '--articles',
        `${order.map((story) => story.id).join(',')},${order[0]!.id}`,
        '--json',
      );
      expect(created.code, created.stderr).toBe(0);
      const dossier = JSON.parse(created.stdout) as { id: string; title: string; entries: { storyId: string; headline: string }[] };
      expect(dossier.id).toMatch(/^d/);
      expect(dossier.title).toBe('Kim en Poetin');
      expect(dossier.entries.map((entry) => entry.storyId)).toEqual(order.map((story) => story.id));

      const listed = await kroniek('dossiers', '--json');
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: dossier.id, entryCount: 5, missingCount: 0 })]);
      const listedText = await kroniek('dossiers');
      expect(listedText.stdout).toContain(`${dossier.id}  Kim en Poetin  (5 stories`);

      const shown = await kroniek('dossier', dossier.id);
      expect(shown.code).toBe(0);
      expect(inOrder(shown.stdout, order.map((story) => story.headline))).not.toBeNull();

      const headlines = order.map((story) => story.headline);
      for (const format of ['md', 'html', 'ninjs', 'pdf']) {
        const out = path.join(dir, 'exports', `dossier.${format}`);
        const result = await kroniek('export', dossier.id, '--format', format, '--out', out, '--json');
        expect(result.code, result.stderr).toBe(0);
        expect(JSON.parse(result.stdout)).toMatchObject({ path: out, format, skippedMissing: 0 });
        expect((await stat(out)).size).toBeGreaterThan(500);
      }
      expect(inOrder(await readFile(path.join(dir, 'exports', 'dossier.md'), 'utf8'), headlines)).not.toBeNull();
      const pdf = pdfComparable(await pdfText(path.join(dir, 'exports', 'dossier.pdf')));
      const afterContents = inOrder(pdf, headlines.map(pdfComparable));
      expect(afterContents).not.toBeNull();
      expect(inOrder(pdf, headlines.map(pdfComparable), afterContents!)).not.toBeNull();
    });
  });

  it('creates a dossier from a tag given by name (by date) and from a series (timeline order)', async () => {
    await withLibrary(async (kroniek, dir) => {
      const stories = await articles(kroniek);
      const [a, b, c, d] = stories.map((story) => story.id) as [string, string, string, string];
      // Tags, dates and links are made through the service, as the tagging and linking commands do.
      const { openKroniek } = await import('../../app');
      const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes: 'lazy' });
      try {
        for (const [method, input] of [
          ['tags.apply', { storyIds: [a, d], addNames: ['Noord-Korea'] }],
          ['stories.setDate', { id: a, date: '2024-06-19' }],
          ['stories.setDate', { id: d, date: '2023-06-12' }],
          ['stories.setDate', { id: b, date: '2023-09-17' }],
          ['links.create', { from: d, to: b, type: 'series' }],
          ['links.create', { from: b, to: a, type: 'follow-up' }],
        ] as const) {
          const answer = await core.dispatch(method, input);
          expect(answer.ok, `${method} ${JSON.stringify(answer)}`).toBe(true);
        }
      } finally {
        await core.close();
      }
      const entries = (result: CliResult) => (JSON.parse(result.stdout) as { entries: { storyId: string }[] }).entries.map((entry) => entry.storyId);

      const byTag = await kroniek('dossier-create', '--title', 'Noord-Korea', '--tag', 'noord-korea', '--json');
      expect(byTag.code, byTag.stderr).toBe(0);
      expect(entries(byTag)).toEqual([d, a]);

      const bySeries = await kroniek('dossier-create', '--title', 'Reeks', '--series', a, '--json');
      expect(bySeries.code, bySeries.stderr).toBe(0);
      expect(entries(bySeries)).toEqual([d, b, a]);
      expect(entries(bySeries)).not.toContain(c);

      const unknown = await kroniek('dossier-create', '--title', 'X', '--tag', 'Oekraïne');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('There is no tag called "Oekraïne"');
    });
  });

  it('gives clear errors for bad arguments and refuses to overwrite a folder', async () => {
    await withLibrary(async (kroniek, dir) => {
      const [story] = await articles(kroniek);
      const created = await kroniek('dossier-create', '--title', 'D', '--articles', story!.id, '--json');
      const { id } = JSON.parse(created.stdout) as { id: string };

      const cases: [string[], RegExp][] = [
        [['dossier-create', '--articles', story!.id], /title/],
        [['dossier-create', '--title', 'D'], /exactly one of/],
        [['dossier-create', '--title', 'D', '--articles', story!.id, '--series', story!.id], /exactly one of/],
        [['dossier-create', '--title', 'D', '--articles', 'nope'], /not in the library: nope/],
        [['dossier', 'nope'], /No dossier with id nope/],
                // Values are checked once, by the dispatcher, against the contract's schema.
        [['export', id, '--format', 'docx', '--out', path.join(dir, 'x.docx')], /Invalid input for dossiers\.exportToPath: format: .*"pdf"\|"html"\|"md"\|"ninjs"/],
        [['export', id, '--format', 'md'], /--out FILE/],
        [['export', 'nope', '--format', 'md', '--out', path.join(dir, 'x.md')], /No dossier with id nope/],
      ];
      for (const [args, message] of cases) {
        const result = await kroniek(...args);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr, args.join(' ')).toMatch(message);
      }

      const folder = path.join(dir, 'a-folder.md');
      await mkdir(folder);
      const refused = await kroniek('export', id, '--format', 'md', '--out', folder);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is a folder');
      expect((await stat(folder)).isDirectory()).toBe(true);

      // Replaces an existing file whole, and creates missing parent folders.
      const existing = path.join(dir, 'deep', 'er', 'dossier.md');
      await mkdir(path.dirname(existing), { recursive: true });
      await writeFile(existing, 'old');
      const replaced = await kroniek('export', id, '--format', 'md', '--out', existing);
      expect(replaced.code, replaced.stderr).toBe(0);
      expect(await readFile(existing, 'utf8')).toContain(story!.headline);
      const nested = path.join(dir, 'new', 'folder', 'dossier.md');
      expect((await kroniek('export', id, '--format', 'md', '--out', nested)).code).toBe(0);
      expect(await readFile(nested, 'utf8')).toContain(story!.headline);
    });
  });

  it('warns when stories of the dossier were deleted and leaves them out', async () => {
    await withLibrary(async (kroniek, dir) => {
      const stories = await articles(kroniek);
      const created = await kroniek('dossier-create', '--title', 'D', '--articles', stories.map((story) => story.id).join(','), '--json');
      const { id } = JSON.parse(created.stdout) as { id: string };
      const { openKroniek } = await import('../../app');
      const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes: 'lazy' });
      await core.dispatch('stories.delete', { ids: [stories[1]!.id] });
      await core.close();

      const shown = await kroniek('dossier', id);
      expect(shown.stdout).toContain('no longer in the library');
      const out = path.join(dir, 'd.md');
      const exported = await kroniek('export', id, '--format', 'md', '--out', out);
      expect(exported.code).toBe(0);
      expect(exported.stderr).toContain('1 story is no longer in the library and was left out');
      expect(await readFile(out, 'utf8')).not.toContain(stories[1]!.headline);
    });
  });
});
