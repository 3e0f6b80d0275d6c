import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_STEM_MAX, resolveInside, safeExportFileName } from './filename';

describe('safeExportFileName', () => {
  it('keeps diacritics and ordinary punctuation', () => {
    expect(safeExportFileName('Oekraïne en de ceremoniële dolk', 'pdf')).toBe('Oekraïne en de ceremoniële dolk.pdf');
    expect(safeExportFileName('Kim & Poetin (2024)', '.md')).toBe('Kim & Poetin (2024).md');
  });

  it('normalises to NFC', () => {
    expect(safeExportFileName('Oekrai\u0308ne', 'pdf')).toBe('Oekraïne.pdf');
  });

  it('removes path separators, characters Windows forbids and control characters', () => {
    const name = safeExportFileName('Kim/Poetin: ../../etc <passwd> a\\b|c?*"d\u0000e\u0007f\tg\nh', 'pdf');
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect([...name].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
    expect(name).toBe('Kim-Poetin - ..-..-etc passwd a-bcd e f g h.pdf');
  });

  it('never starts with a dot and drops trailing dots and spaces', () => {
    expect(safeExportFileName('../..', 'md')).toBe('-.md');
    expect(safeExportFileName('...verborgen', 'md')).toBe('verborgen.md');
    expect(safeExportFileName('einde. . ', 'md')).toBe('einde.md');
  });

  it('avoids names Windows reserves', () => {
    for (const reserved of ['CON', 'prn', 'Aux', 'nul', 'COM1', 'lpt9', 'con.txt']) {
      const stem = safeExportFileName(reserved, 'pdf').slice(0, -'.pdf'.length);
      expect(stem.split('.')[0]!.toLowerCase()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
    }
  });

  it('falls back to a name when nothing is left, and cleans the extension', () => {
    expect(safeExportFileName('  ///  ', 'pdf')).toBe('---.pdf');
    expect(safeExportFileName('???', 'pdf')).toBe('dossier.pdf');
    expect(safeExportFileName('', '../js')).toBe('dossier.js');
  });

  it('caps the length without splitting a letter from its accent', () => {
    const long = `${'e\u0301'.repeat(200)}`;
    const name = safeExportFileName(long, 'pdf');
    expect(name.length).toBeLessThanOrEqual(FILE_STEM_MAX + 4);
    expect(name.normalize('NFC')).toBe(name);
    expect(name.endsWith('é.pdf')).toBe(true);
  });

  it('drops bidirectional overrides that could disguise the extension', () => {
    expect(safeExportFileName('rapport\u202Efdp.exe', 'pdf')).toBe('rapportfdp.exe.pdf');
  });
});

describe('resolveInside', () => {
  const dir = path.resolve('/tmp/exports');

  it('resolves a plain file name inside the folder', () => {
    expect(resolveInside(dir, 'dossier.pdf')).toBe(path.join(dir, 'dossier.pdf'));
    expect(resolveInside(`${dir}/./`, 'Oekraïne.md')).toBe(path.join(dir, 'Oekraïne.md'));
  });

  it('refuses anything that leaves the folder or is not a file name', () => {
    for (const bad of ['', '.', '..', '../x.pdf', 'a/b.pdf', 'a\\b.pdf', '/etc/passwd', 'C:evil.pdf', 'x\u0000.pdf']) {
      expect(() => resolveInside(dir, bad), bad).toThrow(/not a file name|outside/);
    }
  });

  it('works with names that sanitising produced from hostile titles', () => {
    const name = safeExportFileName('../../../../etc/passwd', 'pdf');
    expect(path.dirname(resolveInside(dir, name))).toBe(dir);
  });
});
