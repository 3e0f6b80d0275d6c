import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter, findChromium, type ChromiumPrinter } from './chromium-printer';
import type { DossierDocument } from './model';
import { exportDossierPdf } from './pdf';
import { HOSTILE, HOSTILE_TAG, hostileStory, seedDossierDocument } from './test/fixture';

// The PDF as a reader gets it, checked with poppler's tools (pdftotext,
// pdffonts, pdfinfo) page by page, printed by headless Chromium.

const run = promisify(execFile);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Letters only: pdftotext joins a word hyphenated at a line end and may split a line between tags. */
const letters = (text: string) => text.replace(/[\s-]+/g, '');

async function pageText(file: string, page?: number, layout = false): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), ...range, file, '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
}

/** Outline titles, depth first, as a reader's bookmarks panel lists them. */
function outlineTitles(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  const walk = (item: unknown) => {
    for (let node = item; node instanceof PDFDict; node = node.lookup(PDFName.of('Next'))) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(node.lookup(PDFName.of('First')));
    }
  };
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')));
  return titles;
}

describe('exportDossierPdf on the five sample stories', () => {
  let printer: ChromiumPrinter;
  let dir: string;
  let file: string;
  let doc: DossierDocument;
  let pages: number;

  beforeAll(async () => {
    findChromium(); // fails here, with the message naming KRONIEK_CHROMIUM, when there is none
    printer = createChromiumPrinter();
    dir = mkdtempSync(path.join(tmpdir(), 'kroniek-pdf-'));
    doc = seedDossierDocument();
    file = path.join(dir, 'dossier.pdf');
    writeFileSync(file, await exportDossierPdf(doc, printer));
    pages = await pageCount(file);
  }, 120_000);

  afterAll(async () => {
    await printer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every headline in dossier order, in the contents and then as stories', async () => {
    const text = squash(await pageText(file));
    let at = 0;
    for (const pass of ['contents', 'stories']) {
      for (const story of doc.stories) {
        const found = text.indexOf(squash(story.headline), at);
        expect(found, `${pass}: ${story.headline}`).toBeGreaterThanOrEqual(0);
        at = found + story.headline.length;
      }
    }
  });

  it('prints, for every story, the page it starts on in the contents and in cross-references', async () => {
    // Contents (page 2): each headline's first line ends with its page number.
    const contents = await pageText(file, 2, true);
    const tocPage = (headline: string) => {
      const line = contents.split('\n').find((candidate) => candidate.includes(headline.slice(0, 30)));
      expect(line, headline).toBeDefined();
      return Number(/(\d+)\s*$/.exec(line!)![1]);
    };
    const starts = doc.stories.map((story) => tocPage(story.headline));
    for (const [index, story] of doc.stories.entries()) {
      const page = starts[index]!;
      const onPage = squash(await pageText(file, page));
      // The story's own kicker and headline are on that page, and it is not already on the page before.
      expect(onPage, `story ${index + 1} on page ${page}`).toContain(`BERICHT ${index + 1}/${doc.stories.length}`);
      expect(letters(onPage)).toContain(letters(story.headline));
      expect(squash(await pageText(file, page - 1))).not.toContain(`BERICHT ${index + 1}/`);
    }
    expect(new Set(starts).size).toBe(starts.length);

    const sourcesLine = contents.split('\n').find((line) => /Bronnen/.test(line))!;
    const sourcesPage = Number(/(\d+)\s*$/.exec(sourcesLine)![1]);
    expect(await pageText(file, sourcesPage)).toContain('SHA-256');
    expect(sourcesPage).toBe(pages);

    // Cross-references: "vervolg op: <headline>, p. N" with N where that story starts.
    const thanks = doc.stories.findIndex((story) => story.headline.includes('dankt'));
    const thanksText = squash(await pageText(file, starts[thanks]!)) + squash(await pageText(file, starts[thanks]! + 1));
    const references = [...thanksText.matchAll(/(vervolg op|achtergrond): (.+?)(?: \(zelfde reis\))?, p\. (\d+)/g)];
    expect(references).toHaveLength(2);
    for (const [, , headline, page] of references) {
      const target = doc.stories.findIndex((story) => squash(story.headline) === headline);
      expect(target, headline).toBeGreaterThanOrEqual(0);
      expect(Number(page)).toBe(starts[target]);
    }
  });

  it('has a running header and "pagina X van Y" on every page but the cover', async () => {
    expect(await pageText(file, 1)).not.toMatch(/pagina \d+ van/);
    for (let page = 2; page <= pages; page++) {
      const text = await pageText(file, page);
      expect(text).toContain(`pagina ${page} van ${pages}`);
      expect(text).toContain(doc.dossier.title);
    }
  });

  it('embeds every font', async () => {
    const { stdout } = await run('pdffonts', [file]);
    const rows = stdout.split('\n').slice(2).filter((line) => line.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // "emb" is the first yes/no column after the encoding.
    for (const row of rows) expect(row.replace(/^.*?(Identity-H|WinAnsi|Custom|Builtin|MacRoman|Standard)\s+/, '').trim().split(/\s+/)[0]).toBe('yes');
  });

  it('carries title, author and subject metadata, and bookmarks for every story (kept through the metadata rewrite)', async () => {
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(new RegExp(`^Title:\\s+${doc.dossier.title}$`, 'm'));
    expect(stdout).toMatch(/^Author:\s+Kroniek$/m);
    expect(stdout).toMatch(new RegExp(`^Subject:\\s+${doc.dossier.subtitle}$`, 'm'));
    expect(stdout).toMatch(/^Creator:\s+Kroniek$/m);
    expect(stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(stdout).toMatch(/^Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const pdf = await PDFDocument.load(await import('node:fs').then((fs) => fs.readFileSync(file)), { updateMetadata: false });
    const titles = outlineTitles(pdf);
    // Exactly the headings: title, contents, each story with its subheadings, sources.
    const expected = [
      doc.dossier.title,
      'Inhoud',
      ...doc.stories.flatMap((story) => [story.headline, ...story.body.filter((block) => block.type === 'heading').map((block) => block.text)]),
      'Bronnen',
    ];
    expect(titles).toEqual(expected);
  });

  it('keeps Dutch diacritics exact', async () => {
    const text = await pageText(file);
    for (const word of ['Oekraïne', 'Kumsusanpaleis', 'ceremoniële', 'GEÏMPORTEERD']) expect(text).toContain(word);
  });
});

describe('exportDossierPdf with hostile text', () => {
  it('prints it literally and the page makes no request', async () => {
    const printer = createChromiumPrinter();
    const dir = mkdtempSync(path.join(tmpdir(), 'kroniek-pdf-'));
    try {
      const base = seedDossierDocument();
      const evil = hostileStory('evil');
      const doc = seedDossierDocument({
        dossier: { ...base.dossier, title: `Dossier ${HOSTILE[1]}`, entries: [{ storyId: 'evil', note: HOSTILE[2] }] },
        stories: [evil],
        tags: [HOSTILE_TAG],
        links: [],
        outsideStories: [],
      });
      const file = path.join(dir, 'hostile.pdf');
      writeFileSync(file, await exportDossierPdf(doc, printer));
      const text = squash(await pageText(file));
      for (const hostile of HOSTILE) expect(letters(text)).toContain(letters(hostile));
      expect(printer.blockedRequests).toEqual([]);
      const { stdout } = await run('pdfinfo', [file]);
      expect(stdout).toMatch(/^JavaScript:\s+no$/m);
      expect(stdout.split('\n').find((line) => line.startsWith('Title:'))).toBe(`Title:           Dossier ${HOSTILE[1]}`);

      // The recorder does see requests when a document makes them (so the empty list above means something).
      await printer.printToPdf('<!DOCTYPE html><img src="http://127.0.0.1:9/probe.png">', { title: 'probe', outline: false });
      expect(printer.blockedRequests).toEqual(['http://127.0.0.1:9/probe.png']);
    } finally {
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createChromiumPrinter', () => {
  it('names KRONIEK_CHROMIUM when the configured Chromium does not exist', async () => {
    const printer = createChromiumPrinter({ executablePath: '/nonexistent/chromium' });
    await expect(printer.printToPdf('<p>x</p>', { title: 'x', outline: false })).rejects.toThrow(/KRONIEK_CHROMIUM/);
    // The path it looked at, as data (the export's error reason names it).
    await expect(printer.printToPdf('<p>x</p>', { title: 'x', outline: false })).rejects.toMatchObject({ name: 'ChromiumNotFoundError', configured: '/nonexistent/chromium' });
    await printer.close();
  });

  it('prints again after close, with a fresh browser', async () => {
    const printer = createChromiumPrinter();
    try {
      const first = await printer.printToPdf('<p>een</p>', { title: 'een', outline: false });
      await printer.close();
      const second = await printer.printToPdf('<p>twee</p>', { title: 'twee', outline: false });
      for (const bytes of [first, second]) expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    } finally {
      await printer.close();
    }
  });
});
