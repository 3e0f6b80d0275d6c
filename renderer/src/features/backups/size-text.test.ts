import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { sizeText } from './size-text';

describe('sizeText', () => {
  it('says a size in B, KB or MB with the decimal separator of the language', () => {
    expect(sizeText(translator('nl', 'backups'), 18_432)).toBe('18,0 KB');
    expect(sizeText(translator('en', 'backups'), 3 * 1024 * 1024)).toBe('3.0 MB');
    expect(sizeText(translator('en', 'backups'), 512)).toBe('512 B');
  });

  it('counts saved stories with the plural the number asks for', () => {
    expect(translator('nl', 'backups')('librarySaved', { count: 1, path: '/tmp/a.json' })).toBe('1 bericht opgeslagen in /tmp/a.json.');
    expect(translator('en', 'backups')('libraryDownloaded', { count: 1200, fileName: 'a.json' })).toBe('Downloaded “a.json” with 1,200 stories.');
  });
});
