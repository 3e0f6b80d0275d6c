import type { NoticeParams, StoredValueKind } from '../../shared/messages';
import type { DamagedContent, DamagedStoryText, LibraryNotice, SegmentFileProblem } from '../../shared/types';

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
  'edits-damaged': ({ lost, keptAs }) =>
    `The library's log of recent edits was damaged: ${lost} ${lost === 1 ? 'edit' : 'edits'} could not be restored (the library holds everything before them). The log was kept as ${keptAs}.`,
  oversized: ({ fields }) =>
    `library.json holds values longer than Kroniek takes (${fields.map(({ field, count }) => `${count} ${STORED_VALUE_WORDS[field][count === 1 ? 0 : 1]}`).join(', ')}): they are kept as they are, and shown and searched only up to the limit. Shorten them to edit them.`,
};

const STORED_VALUE_WORDS: { [Kind in StoredValueKind]: [string, string] } = {
  note: ['story note', 'story notes'],
  tag: ['tag name', 'tag names'],
  'link.note': ['link note', 'link notes'],
  'dossier.text': ['dossier', 'dossiers'],
  search: ['saved search name', 'saved search names'],
  seriesName: ['series name', 'series names'],
};

/** A library notice as one English line. */
export function noticeLine(notice: LibraryNotice): string {
  const word = NOTICES[notice.code] as (params: LibraryNotice) => string;
  return word(notice);
}

/** Why a content file could not be read, in English (one entry per code: a new code fails the typecheck here). */
const SEGMENT_PROBLEMS: { [Code in SegmentFileProblem]: string } = {
  missing: 'the file is missing',
  empty: 'the file is empty',
  'not-a-file': 'it is not a regular file',
  'too-large': 'the file is larger than any Kroniek writes',
  unreadable: 'the file cannot be read',
  'not-json': 'the file is damaged (not JSON)',
  'wrong-shape': 'the file is damaged (unexpected content)',
  'entry-missing': 'the story is missing from the file',
  'entry-damaged': "the story's entry in the file is damaged",
};

/** Damaged content as warning lines (stderr): how many stories, and each file with why. */
export function damagedLines(damaged: DamagedContent): string[] {
  const lines = [
    `Warning: ${damaged.stories === 1 ? '1 story' : `${damaged.stories} stories`} could not be read from the library's content files and ${damaged.stories === 1 ? 'is' : 'are'} damaged, not empty. The files were left untouched on disk.`,
  ];
  for (const file of damaged.files) lines.push(`  ${file.file}: ${SEGMENT_PROBLEMS[file.problem]} (${file.stories === 1 ? '1 story' : `${file.stories} stories`})`);
  if (damaged.storyIds.length) lines.push(`  stories: ${damaged.storyIds.slice(0, 20).join(', ')}${damaged.storyIds.length > 20 ? ', …' : ''}`);
  return lines;
}

/** A story's text that could not be read, as one warning line. */
export function damagedTextLine(text: DamagedStoryText): string {
  return `Warning: the text of this story could not be read (${text.file}: ${SEGMENT_PROBLEMS[text.problem]}); it is damaged, not empty.`;
}
