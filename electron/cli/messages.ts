import type { NoticeParams } from '../../shared/messages';
import type { LibraryNotice } from '../../shared/types';

/**
 * The CLI's own English wording of what the core says as data. One entry per notice
 * code: a code added to `shared/messages.ts` fails the typecheck until it is worded here.
 */
const NOTICES: { [Code in keyof NoticeParams]: (params: NoticeParams[Code]) => string } = {
  seeded: ({ stories, briefs }) =>
    stories === undefined ? 'This library was empty, so Kroniek imported the sample library.' : `This library was empty, so Kroniek imported the sample library: ${stories} stories and ${briefs} briefs.`,
  recovered: ({ backupCreatedAt, keptAs }) =>
    `The library file was damaged; Kroniek restored the backup from ${backupCreatedAt}. Edits made after that backup are lost. The damaged file was kept as ${keptAs}.`,
  'read-only': ({ keptAs, damage }) =>
    `The library file is damaged (${damage}) and no valid backup was found. It was kept as ${keptAs}; Kroniek opened it read-only so nothing is overwritten.`,
  'content-damaged': ({ segments }) => `Some story files could not be read and their stories are not shown: ${segments.join(', ')}. They were left untouched on disk.`,
  migrated: ({ fromVersion, keptAs }) => `The library was upgraded from schema version ${fromVersion}; the old file was kept as ${keptAs}.`,
  'meta-missing': ({ backupCreatedAt, damage }) =>
    backupCreatedAt
      ? `The library file library.json could not be used (${damage}) although the folder holds stories or backups; Kroniek restored the backup from ${backupCreatedAt}. Edits made after that backup are lost.`
      : `The library file library.json could not be used (${damage}) although the folder holds stories or backups, and no valid backup was found. Kroniek opened the library read-only, with the stories it found, so nothing is overwritten.`,
};

/** A library notice as one English line. */
export function noticeLine(notice: LibraryNotice): string {
  const word = NOTICES[notice.code] as (params: LibraryNotice) => string;
  return word(notice);
}
