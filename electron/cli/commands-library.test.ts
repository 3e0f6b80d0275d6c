import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../core/store/library-store';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

describe('kroniek import, list, show, search', () => {
  it('imports files and folders with a per-file result, JSON only on stdout', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await writeFile(path.join(dir, 'empty.txt'), '');
      const result = await runCli(['--data', data, 'import', SEEDS, path.join(dir, 'empty.txt'), '--json']);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.totals).toMatchObject({ files: 6, imported: 5, rejected: 1, briefsImported: 35 });
      expect(report.files.find((file: { fileName: string }) => file.fileName === 'empty.txt')).toMatchObject({ status: 'rejected', code: 'empty' });
      const again = JSON.parse((await runCli(['import', SEEDS, '--data', data, '--json'])).stdout);
      expect(again.totals).toMatchObject({ imported: 0, duplicate: 5 });
    });
  });

  it('leaves the heads cache of what it imported, so that the next opening reads the heads from it', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      const segments = (await readdir(path.join(data, 'content'))).filter((name) => name.endsWith('.heads.json')).map((name) => name.replace(/\.heads\.json$/, ''));
      expect(segments.length).toBeGreaterThan(0);
      const cached = await readdir(path.join(data, 'cache', 'heads'));
      expect(cached.sort()).toEqual(segments.map((name) => `${name}.bin`).sort());
      const store = await LibraryStore.open(data, { readOnly: true });
      try {
        expect(store.segmentsFromCache).toBe(segments.length);
        expect(store.storyCount).toBe(40);
      } finally {
        await store.close();
      }
    });
  });

  it('lists articles and briefs with id, kind, headline, dateline and section, and shows one with body and source', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      const articles = JSON.parse((await runCli(['--data', data, 'list', '--kind', 'article', '--json'])).stdout);
      expect(articles).toHaveLength(5);
      const visit = articles.find((item: { headline: string }) => item.headline.startsWith('Noord-Koreaanse leider vertrekt'));
      expect(visit).toMatchObject({ kind: 'article', dateline: { place: 'VLADIVOSTOK', agencies: ['ANP', 'RTR', 'AFP'] }, section: 'Buitenland' });
      const briefs = JSON.parse((await runCli(['--data', data, 'list', '--kind', 'brief', '--json'])).stdout);
      expect(briefs).toHaveLength(35);
      expect(briefs.every((brief: { headline: string; kind: string }) => brief.kind === 'brief' && brief.headline.length > 0)).toBe(true);
      const shown = JSON.parse((await runCli(['--data', data, 'show', visit.id, '--json'])).stdout);
      expect(shown.body.filter((block: { type: string }) => block.type === 'heading')).toEqual([{ type: 'heading', text: 'Versterken banden' }]);
      expect(shown.source).toMatchObject({ fileName: '003_a38223e90e707fe3.txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const missing = await runCli(['--data', data, 'show', 'nope', '--json']);
      expect(missing.code).not.toBe(0);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toMatch(/No story with id nope/);
    });
  });

  it('searches with the search-box language and filters, best first', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      const hits = JSON.parse((await runCli(['--data', data, 'search', 'oekraine', '--kind', 'article', '--json'])).stdout);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]).toMatchObject({ kind: 'article', headline: 'Poetin dankt Kim Jong-un voor steun in oorlog Oekraïne' });
      expect(Object.keys(hits[0]).sort()).toEqual(['headline', 'id', 'kind', 'score']);
      const scores = hits.map((hit: { score: number }) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const phrase = JSON.parse((await runCli(['--data', data, 'search', '"volledige steun"', '--json'])).stdout);
      expect(phrase.map((hit: { headline: string }) => hit.headline)).toEqual(["Kim Jong-un biedt Rusland zijn 'volledige steun' aan"]);
      const place = JSON.parse((await runCli(['--data', data, 'search', 'poetin', '--place', 'vladivostok', '--json'])).stdout);
      expect(place).toHaveLength(1);
      const badTag = await runCli(['--data', data, 'search', 'x', '--tag', 'Nope']);
      expect(badTag.code).toBe(1);
      expect(badTag.stderr).toMatch(/no tag called "Nope"/);
    });
  });
});

describe('kroniek on a damaged library', () => {
  it('restores the newest valid backup, says so on stderr and exits non-zero; read-only without a backup', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      await runCli(['--data', data, 'import', SEEDS]);
      await runCli(['--data', data, 'tag', (JSON.parse((await runCli(['--data', data, 'list', '--kind', 'article', '--json'])).stdout) as { id: string }[])[0]!.id, '--add', 'Kim']);
      await writeFile(path.join(data, 'library.json'), '{"schemaVersion":1,"trunc');
      const recovered = await runCli(['--data', data, 'list', '--json']);
      expect(recovered.code).toBe(1);
      expect(recovered.stderr).toMatch(/restored the backup/);
      expect(JSON.parse(recovered.stdout)).toHaveLength(40);

      const bare = path.join(dir, 'bare');
      await runCli(['--data', bare, 'import', SEEDS]);
      await import('node:fs/promises').then((fs) => fs.rm(path.join(bare, 'backups'), { recursive: true, force: true }));
      await writeFile(path.join(bare, 'library.json'), Buffer.alloc(64));
      const readOnly = await runCli(['--data', bare, 'tag', 'x', '--add', 'Kim']);
      expect(readOnly.code).not.toBe(0);
      expect(readOnly.stderr).toMatch(/read-only/);
    });
  });
});

describe('kroniek export-library, import-library', () => {
  it('merges an archive into a library that has stories and prints the summary (--json: the summary only)', async () => {
    await withTempDir(async (dir) => {
      const a = path.join(dir, 'a');
      const b = path.join(dir, 'b');
      await runCli(['--data', a, 'import', SEEDS]);
      const [first] = JSON.parse((await runCli(['--data', a, 'list', '--kind', 'article', '--json'])).stdout) as { id: string }[];
      await runCli(['--data', a, 'tag', first!.id, '--add', 'Kim–Poetin']);
      const file = path.join(dir, 'a.json');
      expect((await runCli(['--data', a, 'export-library', '--out', file])).code).toBe(0);

      await runCli(['--data', b, 'import', SEEDS]);
      await runCli(['--data', b, 'tag', first!.id, '--add', 'KIM–POETIN']);
      await runCli(['--data', b, 'tag', first!.id, '--add', 'Eigen label']);
      const merged = await runCli(['--data', b, 'import-library', file, '--json']);
      expect(merged.code).toBe(0);
      expect(JSON.parse(merged.stdout)).toEqual({
        mode: 'merged',
        storiesAdded: 0,
        storiesAlreadyPresent: 40,
        tagsAdded: 0,
        tagsMatched: 1,
        linksAdded: 0,
        dossiersAdded: 0,
        searchesAdded: 0,
        conflictsKept: 0,
        notTaken: [],
        backup: expect.stringMatching(/^library-/),
      });
      const text = await runCli(['--data', b, 'import-library', file]);
      expect(text.stdout).toMatch(/^Stories: 0 added, 40 already in the library\.\nTags: 0 added, 1 matched/);
      expect(text.stdout).toMatch(/Nothing in the library was removed or changed/);
      const tags = JSON.parse((await runCli(['--data', b, 'tags', '--json'])).stdout) as { name: string }[];
      expect(tags.map((tag) => tag.name).sort()).toEqual(['Eigen label', 'KIM–POETIN']);

      const bad = path.join(dir, 'bad.json');
      await writeFile(bad, '{"format":');
      const refused = await runCli(['--data', b, 'import-library', bad, '--json']);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/bad\.json is not a readable Kroniek library archive/);
    });
  });
});
