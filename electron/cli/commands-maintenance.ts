import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportLibraryArchive, importLibraryArchive } from '../core/store/library-archive';
import type { ArchiveImportSummary } from '../../shared/contract/backups';
import { call, type CliCommand } from './command';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeImport(summary: ArchiveImportSummary): string {
  if (summary.mode === 'restored') {
    return `The library was empty and is now a copy of the archive: ${count(summary.storiesAdded, 'story', 'stories')}, ${count(summary.tagsAdded, 'tag', 'tags')}, ${count(summary.linksAdded, 'link', 'links')}, ${count(summary.dossiersAdded, 'dossier', 'dossiers')}.`;
  }
  return [
    `Stories: ${summary.storiesAdded} added, ${summary.storiesAlreadyPresent} already in the library.`,
    `Tags: ${summary.tagsAdded} added, ${summary.tagsMatched} matched to tags of the same name.`,
    `Links added: ${summary.linksAdded}. Dossiers added: ${summary.dossiersAdded}. Saved searches added: ${summary.searchesAdded}.`,
    summary.conflictsKept
      ? `${count(summary.conflictsKept, 'note, date or link differed', 'notes, dates or links differed')}; this library's version was kept.`
      : 'Nothing conflicted.',
    `Nothing in the library was removed or changed. The state before the import was backed up as ${summary.backup} (see \`kroniek backups\`).`,
  ].join('\n');
}

export const exportLibraryCommand: CliCommand = {
  name: 'export-library',
  usage: 'export-library --out FILE [--json]',
  summary: 'Write the whole library (stories and metadata) to one JSON file.',
  async run(args, { core, out }) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
    if (!values.out) throw new Error('Name the file to write with --out FILE.');
    const target = path.resolve(values.out);
    if (existsSync(target) && statSync(target).isDirectory()) throw new Error(`${target} is a folder; name a file.`);
    if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
    const result = await exportLibraryArchive(core.context.store, target);
    out.result({ path: target, ...result }, () => `Wrote ${result.stories} stories to ${target}`);
    return 0;
  },
};

export const importLibraryCommand: CliCommand = {
  name: 'import-library',
  usage: 'import-library FILE [--json]',
  summary: 'Add a file written by export-library to the library (an empty one becomes an exact copy; nothing is removed or changed).',
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one library file.');
    const summary = await importLibraryArchive(core.context.store, path.resolve(positionals[0]!));
    out.result(summary, () => describeImport(summary));
    return 0;
  },
};

export const backupsCommand: CliCommand = {
  name: 'backups',
  usage: 'backups [--json]',
  summary: 'List the verified backups of the library.',
  async run(args, { core, out }) {
    parseArgs({ args, options: {}, strict: true });
    const backups = await call(core, 'backups.list', {});
    out.result(backups, () => (backups.length ? backups.map((b) => `${b.name}  ${b.createdAt}  ${b.bytes} bytes`).join('\n') : 'No backups yet.'));
    return 0;
  },
};

export const restoreBackupCommand: CliCommand = {
  name: 'restore-backup',
  usage: 'restore-backup NAME [--json]',
  summary: 'Restore a backup (the current state is backed up first).',
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one backup (see `kroniek backups`).');
    const status = await call(core, 'backups.restore', { name: positionals[0]! });
    out.result(status, () => `Restored ${positionals[0]}.`);
    return 0;
  },
};
