import { describe, expect, it } from 'vitest';
import type { ArchiveImportSummary } from '../../shared/contract/backups';
import { describeImport } from './commands-maintenance';

const base: ArchiveImportSummary = {
  mode: 'merged',
  storiesAdded: 1,
  storiesAlreadyPresent: 0,
  tagsAdded: 0,
  tagsMatched: 0,
  linksAdded: 0,
  dossiersAdded: 0,
  searchesAdded: 0,
  conflictsKept: 0,
  notTaken: [],
  backup: 'library-2026-01-01T00-00-00-000Z.json',
};

describe('an archive import as the CLI words it', () => {
  it('counts stories, and an agency story versions apart', () => {
    expect(describeImport({ ...base, versionsAdded: 3 })).toContain('Stories: 1 added (3 versions), 0 already in the library.');
    expect(describeImport(base)).toContain('Stories: 1 added, 0 already in the library.');
    expect(describeImport({ ...base, mode: 'restored', versionsAdded: 1 })).toContain('a copy of the archive: 1 story (1 version), 0 tags');
  });
});
