import { describe, expect, it } from 'vitest';
import type { LibraryNotice } from '../../../../shared/types';
import { translator } from '../../i18n/translate';
import { noticeHeading, noticeText } from './notice-text';

const nl = translator('nl', 'notices');
const en = translator('en', 'notices');

describe('library notices from their codes', () => {
  it('words every notice in both languages, with its parameters', () => {
    const notices: LibraryNotice[] = [
      { code: 'seeded', stories: 1200, briefs: 35 },
      { code: 'recovered', backupCreatedAt: '2024-06-20T14:00:00.000Z', keptAs: 'library.json.damaged-x' },
      { code: 'read-only', keptAs: 'library.json.damaged-y', damage: 'the file is empty' },
      { code: 'content-damaged', segments: ['s1 (missing)', 's2 (missing)'] },
      { code: 'migrated', fromVersion: 1, keptAs: 'library.json.schema-v1-z' },
    ];
    const said = notices.map((notice) => [noticeText(nl, notice), noticeText(en, notice)]);
    expect(said[0]).toEqual([
      'Deze bibliotheek was leeg, dus Kroniek heeft de voorbeeldbibliotheek geïmporteerd: 1.200 artikelen en 35 korte berichten.',
      'This library was empty, so Kroniek imported the sample library: 1,200 articles and 35 briefs.',
    ]);
    expect(said[1]![0]).toContain('reservekopie van 20 juni 2024');
    expect(said[1]![1]).toContain('restored the backup from 20 June 2024');
    expect(said[1]![0]).toContain('bewaard als library.json.damaged-x.');
    expect(said[2]![0]).toContain('bewaard als library.json.damaged-y');
    expect(said[3]![1]).toContain('s1 (missing), s2 (missing)');
    expect(said[4]![0]).toContain('(van versie 1)');
    for (const [dutch, english] of said) expect(dutch).not.toBe(english);
  });

  it('heads the notices about damage, not the friendly ones', () => {
    expect(noticeHeading(nl, { code: 'recovered', backupCreatedAt: '2024-06-20T14:00:00.000Z', keptAs: 'x' })).toBe('Bibliotheek hersteld uit een reservekopie');
    expect(noticeHeading(en, { code: 'migrated', fromVersion: 1, keptAs: 'x' })).toBe('Library upgraded');
    expect(noticeHeading(en, { code: 'seeded', stories: 1, briefs: 0 })).toBeNull();
  });

  it('still words a seeded notice saved before notices were data', () => {
    const old = { code: 'seeded', message: 'This library was empty, so Kroniek imported the sample library: 5 stories and 35 briefs.' } as unknown as LibraryNotice;
    expect(noticeText(nl, old)).toBe('Deze bibliotheek was leeg, dus Kroniek heeft de voorbeeldbibliotheek geïmporteerd.');
  });
});
