import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/contract/define';
import { collectImportFiles, prepareImportFile, readImportFiles, type IntakeItem } from './intake';

const SEED = fileURLToPath(new URL('../../../seeds/003_a38223e90e707fe3.txt', import.meta.url));
const STORY = 'Kop\nDEN HAAG (ANP) - Een alinea.\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-intake-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(relative: string, content: string | Uint8Array = STORY): Promise<string> {
  const target = path.join(dir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
  return target;
}

/** `name → 'bytes'` or `name → rejection code`, for compact assertions. */
const summary = (items: IntakeItem[]) => items.map((item) => [item.fileName, 'bytes' in item ? 'bytes' : item.rejected.code]);

/** Named pipes need mkfifo (not on Windows). */
function makeFifo(target: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('mkfifo', [target]);
    return true;
  } catch {
    return false;
  }
}

describe('collectImportFiles', () => {
  it('reads a picked file by its base name', async () => {
    const file = await write('stuk.txt', 'Kop\nTekst.');
    const items = await collectImportFiles([file]);
    expect(items).toHaveLength(1);
    expect(items[0]!.fileName).toBe('stuk.txt');
    expect(Buffer.from((items[0] as { bytes: Uint8Array }).bytes).toString('utf8')).toBe('Kop\nTekst.');
  });

  it('walks folders recursively for .txt files (any case), sorted, skipping other and hidden files', async () => {
    await write('b.txt');
    await write('a.TXT');
    await write('sub/deeper/c.txt');
    await write('sub/notes.md');
    await write('sub/photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]));
    await write('.hidden.txt');
    await write('.git/HEAD.txt');
    await write('sub/.cache/x.txt');
    const items = await collectImportFiles([dir]);
    expect(summary(items)).toEqual([
      ['a.TXT', 'bytes'],
      ['b.txt', 'bytes'],
      ['sub/deeper/c.txt', 'bytes'],
    ]);
  });

  it('keeps the order of the picked paths', async () => {
    for (let i = 0; i < 40; i++) await write(`map/${String(i).padStart(2, '0')}.txt`, `Kop ${i}\nTekst.`);
    const single = await write('los.txt');
    const read = await collectImportFiles([single, path.join(dir, 'map')]);
    expect(read.map((item) => item.fileName)).toEqual(['los.txt', ...Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}.txt`)]);
    expect(read.every((item) => 'bytes' in item)).toBe(true);
  });

  it('hands each file over as it is read, in the same order, rejections included (the importer keeps only what it made of them)', async () => {
    for (let i = 0; i < 30; i++) await write(`map/${String(i).padStart(2, '0')}.txt`, `Kop ${i}\nTekst.`);
    const picked = [path.join(dir, 'bestaat-niet.txt'), path.join(dir, 'map')];
    let bytesHeld = 0;
    const taken = await readImportFiles(picked, (item) => {
      if ('bytes' in item) bytesHeld = Math.max(bytesHeld, item.bytes.length);
      return 'bytes' in item ? `${item.fileName}:${new TextDecoder().decode(item.bytes).split('\n')[0]}` : `${item.fileName}:${item.rejected.code}`;
    });
    expect(taken).toEqual(['bestaat-niet.txt:not-found', ...Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')}.txt:Kop ${i}`)]);
    expect(summary(await collectImportFiles(picked)).map(([name, what]) => `${name}:${what}`)).toEqual(['bestaat-niet.txt:not-found', ...Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')}.txt:bytes`)]);
    expect(bytesHeld).toBeGreaterThan(0);
  });

  it('rejects a missing path without throwing, and still reads the others', async () => {
    const good = await write('goed.txt');
    const items = await collectImportFiles([path.join(dir, 'bestaat-niet.txt'), good]);
    expect(summary(items)).toEqual([
      ['bestaat-niet.txt', 'not-found'],
      ['goed.txt', 'bytes'],
    ]);
    expect(items[0]).toMatchObject({ rejected: { reason: `Nothing was found at ${path.join(dir, 'bestaat-niet.txt')}.` } });
  });

  it('rejects a symlink given directly and never follows one inside a folder', async () => {
    const target = await write('echt.txt');
    await symlink(target, path.join(dir, 'link.txt'));
    await mkdir(path.join(dir, 'elders'));
    await write('elders/geheim.txt');
    await symlink(path.join(dir, 'elders'), path.join(dir, 'map-link'));

    const direct = await collectImportFiles([path.join(dir, 'link.txt'), path.join(dir, 'map-link')]);
    expect(summary(direct)).toEqual([
      ['link.txt', 'symlink'],
      ['map-link', 'symlink'],
    ]);
    expect(direct[0]).toMatchObject({ rejected: { reason: 'This is a symbolic link; Kroniek does not follow links. Import the file it points to instead.' } });

    // In the folder walk: the linked .txt is reported, the linked folder is not entered.
    const walked = await collectImportFiles([dir]);
    expect(summary(walked)).toEqual([
      ['echt.txt', 'bytes'],
      ['elders/geheim.txt', 'bytes'],
      ['link.txt', 'symlink'],
    ]);
  });

  it('rejects a FIFO given directly or found in a folder, without blocking', async (context) => {
    if (!makeFifo(path.join(dir, 'pijp.txt'))) {
      context.skip('mkfifo is not available on this platform (Windows has no named pipes in the file system).');
      return;
    }
    const direct = await collectImportFiles([path.join(dir, 'pijp.txt')]);
    expect(direct).toEqual([{ fileName: 'pijp.txt', rejected: { code: 'not-a-file', reason: 'This is a named pipe (FIFO), not a regular file, so it cannot be imported.' } }]);
    await write('goed.txt');
    expect(summary(await collectImportFiles([dir]))).toEqual([
      ['goed.txt', 'bytes'],
      ['pijp.txt', 'not-a-file'],
    ]);
  });

  it('rejects a character device such as /dev/null', async (context) => {
    if (process.platform === 'win32') {
      context.skip('There is no /dev/null on Windows.');
      return;
    }
    expect(await collectImportFiles(['/dev/null'])).toEqual([
      { fileName: 'null', rejected: { code: 'not-a-file', reason: 'This is a device, not a regular file, so it cannot be imported.' } },
    ]);
  });

  it('rejects a file over the size cap before reading it', async () => {
    const big = await write('groot.txt', 'x'.repeat(2_000));
    expect(await collectImportFiles([big], { maxBytes: 1_000 })).toEqual([
      { fileName: 'groot.txt', rejected: { code: 'too-large', reason: 'The file is 2.0 KB; the limit is 1000 bytes. A wire story is a few kilobytes: is this the right file?' } },
    ]);
    expect(summary(await collectImportFiles([dir], { maxBytes: 1_000 }))).toEqual([['groot.txt', 'too-large']]);
  });

  it('applies the default cap of LIMITS.fileBytes (5 MiB)', async () => {
    const atCap = await write('precies.txt', new Uint8Array(LIMITS.fileBytes).fill(0x61));
    const overCap = await write('te-groot.txt', new Uint8Array(LIMITS.fileBytes + 1).fill(0x61));
    const items = await collectImportFiles([atCap, overCap]);
    expect(summary(items)).toEqual([
      ['precies.txt', 'bytes'],
      ['te-groot.txt', 'too-large'],
    ]);
    expect((items[0] as { bytes: Uint8Array }).bytes.length).toBe(LIMITS.fileBytes);
  });

  it('rejects an empty file and a folder without .txt files', async () => {
    const empty = await write('leeg.txt', '');
    await mkdir(path.join(dir, 'lege-map'));
    await write('lege-map/lees-mij.md');
    expect(await collectImportFiles([empty, path.join(dir, 'lege-map')])).toEqual([
      { fileName: 'leeg.txt', rejected: { code: 'empty', reason: 'The file is empty.' } },
      { fileName: 'lege-map', rejected: { code: 'empty', reason: 'The folder has no .txt, .json or .xml files to import (hidden files are skipped).' } },
    ]);
  });

  it('reports an unreadable file as unreadable', async (context) => {
    if (process.platform === 'win32' || process.getuid?.() === 0) {
      context.skip('File permissions do not stop this user (root or Windows), so unreadable files cannot be made.');
      return;
    }
    const locked = await write('dicht.txt');
    execFileSync('chmod', ['000', locked]);
    expect(await collectImportFiles([locked])).toEqual([
      { fileName: 'dicht.txt', rejected: { code: 'unreadable', reason: 'The file could not be read (permission denied).' } },
    ]);
  });

  it('returns nothing for no paths', async () => {
    expect(await collectImportFiles([])).toEqual([]);
  });
});

describe('prepareImportFile', () => {
  it('hashes the raw bytes, decodes and parses', () => {
    const bytes = readFileSync(SEED);
    const result = prepareImportFile('003.txt', bytes);
    expect(result).toMatchObject({ ok: true, fileName: '003.txt', encoding: 'utf-8', warnings: [] });
    if (!result.ok) return;
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.page.article?.headline).toBe('Noord-Koreaanse leider vertrekt na meerdaags bezoek uit Rusland');
    expect(result.page.briefs).toHaveLength(7);
  });

  it('hashes the bytes as they are, so the same story in another encoding is another file', () => {
    const utf8 = prepareImportFile('a.txt', Buffer.from('Kop met ë\nTekst.', 'utf8'));
    const latin = prepareImportFile('b.txt', Buffer.from('Kop met ë\nTekst.', 'latin1'));
    expect(utf8.ok && latin.ok).toBe(true);
    if (utf8.ok && latin.ok) {
      expect(latin.encoding).toBe('windows-1252');
      expect(latin.page).toEqual(utf8.page);
      expect(latin.sha256).not.toBe(utf8.sha256);
    }
  });

  it('puts decoding warnings before parsing warnings', () => {
    const result = prepareImportFile('x.txt', Buffer.from('Kop\u0007\nTekst zonder dateline.', 'utf8'));
    expect(result.ok && result.warnings).toEqual([
      'Removed 1 control character that cannot be displayed.',
      'The story has no dateline: its first paragraph does not start with "PLACE (AGENCY) - ". It was imported without place and agencies.',
    ]);
  });

  it.each([
    ['empty', new Uint8Array(), 'The file is empty.'],
    ['empty', Buffer.from(' \r\n\t\n'), 'The file contains only whitespace, no text.'],
    ['binary', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'The file looks binary (it contains NUL bytes), not text.'],
    ['no-headline', Buffer.from('12345\n---\n'), 'The text contains no letters, so there is no headline or story to import.'],
  ])('rejects %s input with a reason and the hash', (code, bytes, reason) => {
    expect(prepareImportFile('x.txt', bytes)).toEqual({ ok: false, fileName: 'x.txt', sha256: createHash('sha256').update(bytes).digest('hex'), code, reason });
  });

  it('rejects bytes over the cap without hashing them', () => {
    const result = prepareImportFile('groot.txt', new Uint8Array(LIMITS.fileBytes + 1));
    expect(result).toEqual({ ok: false, fileName: 'groot.txt', sha256: null, code: 'too-large', reason: 'The file is larger than the limit of 5.0 MB. A wire story is a few kilobytes: is this the right file?' });
  });

  it('rejects a file whose story is longer than the story limit (LIMITS.storyChars), though the file is under the byte cap', () => {
    const paragraph = 'Het kabinet is gevallen na een lange nacht van overleg over de begroting en de zorg. ';
    const body = (chars: number) => Array.from({ length: Math.ceil(chars / 4_000) }, () => paragraph.repeat(47)).join('\n\n');
    const long = Buffer.from(`Kabinet valt\nDEN HAAG (ANP) - ${body(LIMITS.storyChars + 10_000)}\n`);
    expect(long.length).toBeLessThan(LIMITS.fileBytes);
    const result = prepareImportFile('lang.txt', long);
    expect(result).toMatchObject({ ok: false, fileName: 'lang.txt', code: 'too-large', reason: expect.stringMatching(/^One story in the file is 1,0\d\d,\d{3} characters long; the limit for one story is 1,000,000/) });
    expect(prepareImportFile('kort.txt', Buffer.from(`Kabinet valt\nDEN HAAG (ANP) - ${body(LIMITS.storyChars - 20_000)}\n`))).toMatchObject({ ok: true });
  });
});
