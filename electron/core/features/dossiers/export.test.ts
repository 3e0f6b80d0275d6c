import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierDetail, ExportedFile, SavedExport } from '../../../../shared/contract/dossiers';
import { openKroniek, type KroniekCore } from '../../app';
import type { DialogPort, KroniekPorts, ShellPort } from '../../ports';
import { withTempDir } from '../../store/test/helpers';
import { ninjsValidator } from '../../export/test/ninjs-validator';
import { closeExportSession } from './export-session';
import { firstPositions, htmlText, inOrder, ok, pdfComparable, pdfText, seedDossier, squash } from './test/support';

// Export through the service on the five sample stories as one dossier. The
// renderers' own tests check each format in depth; these check the wiring:
// every format, dossier order, missing stories, file names and path safety.

async function withSeededCore<T>(run: (core: KroniekCore, dir: string, detail: DossierDetail) => Promise<T>, ports: KroniekPorts = {}): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), ports, indexes: 'lazy' });
    try {
      const { detail } = await seedDossier(core);
      return await run(core, dir, detail);
    } finally {
      await closeExportSession(core.context);
      await core.close();
    }
  });
}

const headlines = (detail: DossierDetail) => detail.entries.map((entry) => entry.story!.headline);
const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');

describe('dossier export through the service', () => {
  it('exports HTML, Markdown and ninjs with every story in dossier order, and names the series stories are in', async () => {
    await withSeededCore(async (core, _dir, detail) => {
      const id = detail.dossier.id;
      const [first, second] = detail.entries.map((entry) => entry.storyId);
      await ok(core, 'links.create', { from: first!, to: second!, type: 'series' });
      await ok(core, 'series.rename', { storyId: first!, name: 'Kim & Poetin <reeks>' });
      const html = await ok<ExportedFile>(core, 'dossiers.export', { id, format: 'html' });
      expect(html).toMatchObject({ fileName: expect.stringMatching(/\.html$/), mimeType: expect.stringContaining('text/html'), skippedMissing: 0 });
      const htmlSource = decode(html).toString('utf8');
      expect(htmlSource).not.toMatch(/<script/i);
      expect(inOrder(squash(htmlText(htmlSource)), headlines(detail))).not.toBeNull();
      // The series name, escaped, on both stories of the series (and only there).
      expect(htmlSource.match(/Reeks: Kim &amp; Poetin &lt;reeks&gt;/g)).toHaveLength(2);

      const md = await ok<ExportedFile>(core, 'dossiers.export', { id, format: 'md' });
      expect(md).toMatchObject({ fileName: expect.stringMatching(/\.md$/), mimeType: expect.stringContaining('text/markdown') });
      const mdText = decode(md).toString('utf8');
      expect(inOrder(mdText, headlines(detail))).not.toBeNull();
      for (const word of ['Oekraïne', 'Kumsusanpaleis', 'ceremoniële']) expect(mdText).toContain(word);
      expect(mdText.match(/Reeks: Kim & Poetin \\<reeks\\>/g)).toHaveLength(2);

      const ninjs = await ok<ExportedFile>(core, 'dossiers.export', { id, format: 'ninjs' });
      expect(ninjs).toMatchObject({ fileName: expect.stringMatching(/\.json$/), mimeType: 'application/json' });
      const json = decode(ninjs).toString('utf8');
      const parsed: unknown = JSON.parse(json);
      const validate = ninjsValidator();
      expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(inOrder(JSON.stringify(parsed), headlines(detail).map((h) => JSON.stringify(h).slice(1, -1)))).not.toBeNull();
      const series = (parsed as { associations: { descriptions?: { role: string; value: string }[] }[] }).associations.map(
        (item) => item.descriptions?.find((description) => description.role === 'series')?.value ?? null,
      );
      expect(series.filter((name) => name === 'Kim & Poetin <reeks>')).toHaveLength(2);
    });
  });

  it('exports a PDF whose text shows the contents and then the stories in dossier order', async () => {
    await withSeededCore(async (core, dir, detail) => {
      const pdf = await ok<ExportedFile>(core, 'dossiers.export', { id: detail.dossier.id, format: 'pdf' });
      expect(pdf).toMatchObject({ fileName: expect.stringMatching(/\.pdf$/), mimeType: 'application/pdf' });
      const bytes = decode(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = path.join(dir, 'dossier.pdf');
      await writeFile(file, bytes);
      const text = pdfComparable(await pdfText(file));
      const wanted = headlines(detail).map(pdfComparable);
      // Table of contents first, then each story, both in dossier order.
      const afterContents = inOrder(text, wanted);
      expect(afterContents).not.toBeNull();
      expect(inOrder(text, wanted, afterContents!)).not.toBeNull();
      // The printer was started for this core and is closed with it.
      expect(core.context.exports.hasPrinter).toBe(true);
      await closeExportSession(core.context);
      expect(core.context.exports.hasPrinter).toBe(false);
    });
  });

  it('follows a reorder, and leaves out a deleted story with a count', async () => {
    await withSeededCore(async (core, _dir, detail) => {
      const id = detail.dossier.id;
      const moved = await ok<DossierDetail>(core, 'dossiers.moveEntry', { id, from: 4, to: 0 });
      const md = decode(await ok<ExportedFile>(core, 'dossiers.export', { id, format: 'md' })).toString('utf8');
      const firsts = firstPositions(md, headlines(moved));
      expect(firsts.every((at) => at >= 0)).toBe(true);
      expect(firsts).toEqual([...firsts].sort((a, b) => a - b));

      const gone = moved.entries[1]!.story!;
      await ok(core, 'stories.delete', { ids: [gone.id] });
      const file = await ok<ExportedFile>(core, 'dossiers.export', { id, format: 'md' });
      expect(file.skippedMissing).toBe(1);
      const text = decode(file).toString('utf8');
      expect(text).not.toContain(gone.headline);
      expect(inOrder(text, headlines(moved).filter((h) => h !== gone.headline))).not.toBeNull();
    });
  });

  it('answers not-found for an unknown dossier and invalid-input for an unknown format', async () => {
    await withSeededCore(async (core, _dir, detail) => {
      expect(await core.dispatch('dossiers.export', { id: 'nope', format: 'md' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await core.dispatch('dossiers.export', { id: detail.dossier.id, format: 'docx' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    });
  });
});

describe('dossier export to a chosen file (desktop)', () => {
  function fakePorts(answers: (string | null)[]) {
    const asked: { defaultName: string; extensions: string[] }[] = [];
    const shellCalls: string[] = [];
    const dialogs: DialogPort = {
      pickImportPaths: async () => null,
      pickOpenFile: async () => null,
      pickSavePath: async (options) => {
        asked.push(options);
        return answers.shift() ?? null;
      },
    };
    const shell: ShellPort = {
      revealInFolder: async (p) => void shellCalls.push(`reveal ${p}`),
      openPath: async (p) => void shellCalls.push(`open ${p}`),
      openExternal: async (u) => void shellCalls.push(`external ${u}`),
    };
    return { ports: { dialogs, shell }, asked, shellCalls };
  }

  it('offers a sanitised default name, writes inside the chosen folder, and adds the extension', async () => {
    await withTempDir(async (outer) => {
      const outDir = path.join(outer, 'out');
      await (await import('node:fs/promises')).mkdir(outDir);
      const fake = fakePorts([path.join(outDir, 'Kim: "Poetin" <bezoek>?'), path.join(outDir, 'verslag.MD'), null]);
      const core = await openKroniek({ platform: 'cli', dataDir: path.join(outer, 'library'), ports: fake.ports, indexes: 'lazy' });
      try {
        const { detail } = await seedDossier(core);
        await ok(core, 'dossiers.update', { id: detail.dossier.id, title: 'Kim/Poetin: ../../etc <passwd>' });

        const first = await ok<SavedExport>(core, 'dossiers.exportToFile', { id: detail.dossier.id, format: 'md' });
        expect(fake.asked[0]!.extensions).toEqual(['md']);
        expect(fake.asked[0]!.defaultName).toMatch(/\.md$/);
        expect(fake.asked[0]!.defaultName).not.toMatch(/[/\\:*?"<>|]/);
        expect(path.dirname(first.path)).toBe(outDir);
        expect(first.fileName).toMatch(/\.md$/);
        expect(first.fileName).not.toMatch(/[/\\:*?"<>|]/);
        expect(await readFile(first.path, 'utf8')).toContain(headlines(detail)[0]);

        const second = await ok<SavedExport>(core, 'dossiers.exportToFile', { id: detail.dossier.id, format: 'md' });
        expect(path.dirname(second.path)).toBe(outDir);
        expect(second.fileName.toLowerCase()).toBe('verslag.md');

        expect(await ok(core, 'dossiers.exportToFile', { id: detail.dossier.id, format: 'md' })).toBeNull();
        // Nothing else was written, no temp file left behind.
        expect((await readdir(outDir)).sort()).toEqual([first.fileName, second.fileName].sort());

        // Only exported files can be revealed or opened.
        await ok(core, 'dossiers.revealExport', { path: first.path });
        await ok(core, 'dossiers.openExport', { path: path.join(outDir, '.', second.fileName) });
        expect(fake.shellCalls).toEqual([`reveal ${first.path}`, `open ${second.path}`]);
        await writeFile(path.join(outDir, 'other.md'), 'not exported');
        expect(await core.dispatch('dossiers.openExport', { path: path.join(outDir, 'other.md') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(fake.shellCalls).toHaveLength(2);
      } finally {
        await core.close();
      }
    });
  });

  it('refuses to replace a folder and says so', async () => {
    await withTempDir(async (outer) => {
      const fs = await import('node:fs/promises');
      await fs.mkdir(path.join(outer, 'out', 'taken.md'), { recursive: true });
      const fake = fakePorts([path.join(outer, 'out', 'taken.md')]);
      const core = await openKroniek({ platform: 'cli', dataDir: path.join(outer, 'library'), ports: fake.ports, indexes: 'lazy' });
      try {
        const { detail } = await seedDossier(core);
        const answer = await core.dispatch('dossiers.exportToFile', { id: detail.dossier.id, format: 'md' });
        expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is a folder'), reason: { code: 'file.cannotWrite', path: path.join(outer, 'out', 'taken.md'), why: 'isFolder', errno: null } } });
      } finally {
        await core.close();
      }
    });
  });
});
