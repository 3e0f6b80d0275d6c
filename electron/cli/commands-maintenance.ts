import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ArchiveField, ArchiveImportSummary } from '../../shared/contract/backups';
import type { CliCommand } from './command';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the archive held that was not taken in as it was, one line for all kinds (never silent). */
function notTakenLines(summary: ArchiveImportSummary): string[] {
  if (summary.notTaken.length === 0) return [];
  const parts = summary.notTaken.map((item) => `${item.action === 'dropped' ? 'left out' : 'repaired'}: ${count(item.count, ...ARCHIVE_FIELD_WORDS[item.field])}`);
  return [`Not taken in as they were (values this library would refuse): ${parts.join('; ')}.`];
}

const ARCHIVE_FIELD_WORDS: Record<ArchiveField, [string, string]> = {
  story: ['story', 'stories'],
  'story.importedAt': ["story's import time", "stories' import times"],
  tag: ['tag', 'tags'],
  'tag.color': ['tag colour', 'tag colours'],
  'tag.mediaTopic': ["tag's media topic code", "tags' media topic codes"],
  'tag.parent': ["tag's parent", "tags' parents"],
  tagging: ['tagging', 'taggings'],
  link: ['link', 'links'],
  'link.note': ['link note', 'link notes'],
  date: ['story date', 'story dates'],
  note: ['story note', 'story notes'],
  dossier: ['dossier', 'dossiers'],
  'dossier.text': ['dossier text', 'dossier texts'],
  'dossier.entry': ['dossier entry', 'dossier entries'],
  'dossier.history': ['dossier history record', 'dossier history records'],
  'dossier.chronology': ['chronology line', 'chronology lines'],
  'dossier.quote': ['dossier quote', 'dossier quotes'],
  search: ['saved search', 'saved searches'],
  seriesName: ['series name', 'series names'],
  pageVersions: ['merged page version list', 'merged page version lists'],
};

/** " (3 versions)": an agency story's versions, counted apart from the stories. */
const versionsText = (summary: ArchiveImportSummary) => (summary.versionsAdded ? ` (${count(summary.versionsAdded, 'version', 'versions')})` : '');

export function describeImport(summary: ArchiveImportSummary): string {
  if (summary.mode === 'restored') {
    return `The library was empty and is now a copy of the archive: ${count(summary.storiesAdded, 'story', 'stories')}${versionsText(summary)}, ${count(summary.tagsAdded, 'tag', 'tags')}, ${count(summary.linksAdded, 'link', 'links')}, ${count(summary.dossiersAdded, 'dossier', 'dossiers')}.`;
  }
  return [
    `Stories: ${summary.storiesAdded} added${versionsText(summary)}, ${summary.storiesAlreadyPresent} already in the library.`,
    `Tags: ${summary.tagsAdded} added, ${summary.tagsMatched} matched to tags of the same name.`,
    `Links added: ${summary.linksAdded}. Dossiers added: ${summary.dossiersAdded}. Saved searches added: ${summary.searchesAdded}.`,
    summary.conflictsKept
      ? `${count(summary.conflictsKept, 'note, date or link differed', 'notes, dates or links differed')}; this library's version was kept.`
      : 'Nothing conflicted.',
    ...notTakenLines(summary),
    `Nothing in the library was removed or changed. The state before the import was backed up as ${summary.backup} (see \`kroniek backups\`).`,
  ].join('\n');
}

export const exportLibraryCommand: CliCommand = {
  name: 'export-library',
  usage: 'export-library --out FILE [--allow-incomplete] [--json]',
  summary: 'Write the whole library (stories and metadata) to one JSON file.',
  async run(args, { call, out }) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, 'allow-incomplete': { type: 'boolean' } }, strict: true });
    if (!values.out) throw new Error('Name the file to write with --out FILE.');
    // Refused (non-zero exit) when stories cannot be read, unless --allow-incomplete: then it says what it left out.
    const result = await call('library.exportArchiveToPath', { path: path.resolve(values.out), ...(values['allow-incomplete'] ? { allowIncomplete: true } : {}) });
    out.result(result, () => `Wrote ${result.stories} stories to ${result.path}`);
    if (result.leftOut) console.error(`Warning: ${result.leftOut === 1 ? '1 damaged story was' : `${result.leftOut} damaged stories were`} left out of the archive (--allow-incomplete): their text cannot be read.`);
    return 0;
  },
};

export const importLibraryCommand: CliCommand = {
  name: 'import-library',
  usage: 'import-library FILE [--json]',
  summary: 'Add a file written by export-library to the library (an empty one becomes an exact copy; nothing is removed or changed).',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one library file.');
    const summary = await call('library.importArchiveFromPath', { path: path.resolve(positionals[0]!) });
    out.result(summary, () => describeImport(summary));
    return 0;
  },
};

export const backupsCommand: CliCommand = {
  name: 'backups',
  usage: 'backups [--json]',
  summary: 'List the verified backups of the library.',
  async run(args, { call, out }) {
    parseArgs({ args, options: {}, strict: true });
    const backups = await call('backups.list', {});
    out.result(backups, () => (backups.length ? backups.map((b) => `${b.name}  ${b.createdAt}  ${b.bytes} bytes`).join('\n') : 'No backups yet.'));
    return 0;
  },
};

export const restoreBackupCommand: CliCommand = {
  name: 'restore-backup',
  usage: 'restore-backup NAME [--json]',
  summary: 'Restore a backup (the current state is backed up first).',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one backup (see `kroniek backups`).');
    const status = await call('backups.restore', { name: positionals[0] });
    out.result(status, () => `Restored ${positionals[0]}.`);
    return 0;
  },
};

export const compactCommand: CliCommand = {
  name: 'compact',
  usage: 'compact [--json]',
  summary: 'Pack the story files of many small imports into fewer, larger ones (nothing is rewritten in place; the old files go at the next open).',
  async run(args, { call, out }) {
    parseArgs({ args, options: {}, strict: true });
    const result = await call('library.compact', {});
    out.result(result, () =>
      result.retired === 0
        ? `Nothing to compact: ${count(result.segmentsBefore, 'story file pair', 'story file pairs')}, none of them in a run of small ones.`
        : `Packed ${count(result.retired, 'small story file pair', 'small story file pairs')} into ${result.written}: ${result.segmentsBefore} → ${result.segmentsAfter} in the library. The old files are deleted the next time the library is opened.`,
    );
    return 0;
  },
};
