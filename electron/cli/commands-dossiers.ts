import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DossierDetail, DossierListItem } from '../../shared/contract/dossiers';
import { tagIdOf, type CliCommand } from './command';
import { formatSummaryLine, oneLine } from './output';

/** A dossier as the CLI prints it: flat, with `id` on top, entries with their headlines. */
function dossierJson(detail: DossierDetail) {
  const { dossier } = detail;
  return {
    id: dossier.id,
    title: dossier.title,
    subtitle: dossier.subtitle,
    intro: dossier.intro,
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
    missingCount: detail.missingCount,
    entries: detail.entries.map((entry) => ({
      storyId: entry.storyId,
      headline: entry.story?.headline ?? null,
      publishedAt: entry.story?.publishedAt ?? null,
      note: entry.note,
      missing: entry.story === null,
    })),
  };
}

function dossierText(detail: DossierDetail): string {
  const { dossier } = detail;
  const lines = [`${dossier.id}  ${oneLine(dossier.title)}`];
  if (dossier.subtitle) lines.push(oneLine(dossier.subtitle));
  if (dossier.intro) lines.push('', dossier.intro);
  lines.push('', `${detail.entries.length} ${detail.entries.length === 1 ? 'story' : 'stories'}, updated ${dossier.updatedAt}`);
  detail.entries.forEach((entry, i) => {
    const line = entry.story ? formatSummaryLine(entry.story) : `${entry.storyId}  (no longer in the library; left out of exports)`;
    lines.push(`${String(i + 1).padStart(3)}. ${line}`);
    if (entry.note) lines.push(`     note: ${entry.note.replace(/\n/g, '\n           ')}`);
  });
  return lines.join('\n');
}

function listText(items: DossierListItem[]): string {
  if (items.length === 0) return 'There are no dossiers yet.';
  return items
    .map((item) => {
      const missing = item.missingCount ? `, ${item.missingCount} missing` : '';
      return `${item.id}  ${oneLine(item.title)}  (${item.entryCount} ${item.entryCount === 1 ? 'story' : 'stories'}${missing}; updated ${item.updatedAt})`;
    })
    .join('\n');
}

function splitIds(list: string): string[] {
  return list
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

export const dossierCreateCommand: CliCommand = {
  name: 'dossier-create',
  usage: 'dossier-create --title TEXT [--subtitle TEXT] [--intro TEXT] (--articles ID,ID,... | --tag NAME | --series ID) [--json]',
  summary: 'Create a dossier from stories, from a tag (by date) or from a series (timeline order).',
  async run(args, { call, out }) {
    const { values } = parseArgs({
      args,
      options: {
        title: { type: 'string' },
        subtitle: { type: 'string' },
        intro: { type: 'string' },
        articles: { type: 'string' },
        tag: { type: 'string' },
        series: { type: 'string' },
      },
      strict: true,
    });
    if (values.title === undefined) throw new Error('Give the dossier a title with --title TEXT.');
    const sources = [values.articles, values.tag, values.series].filter((source) => source !== undefined);
    if (sources.length !== 1) throw new Error('Say where the stories come from with exactly one of --articles ID,ID,..., --tag NAME or --series ID.');
    const text = { title: values.title, subtitle: values.subtitle, intro: values.intro };
    let detail: DossierDetail;
    if (values.articles !== undefined) {
      const storyIds = splitIds(values.articles);
      // The contract makes an empty dossier from an empty list; on the command line that is a mistake.
      if (storyIds.length === 0) throw new Error('--articles needs at least one story id.');
      detail = await call('dossiers.create', { ...text, storyIds });
    } else if (values.tag !== undefined) {
      detail = await call('dossiers.create', { ...text, tagId: await tagIdOf(call, values.tag) });
    } else {
      detail = await call('dossiers.create', { ...text, seriesOf: values.series!.trim() });
    }
    out.result(dossierJson(detail), () => `Created dossier ${detail.dossier.id}.\n\n${dossierText(detail)}`);
    return 0;
  },
};

export const dossiersCommand: CliCommand = {
  name: 'dossiers',
  usage: 'dossiers [--json]',
  summary: 'List the dossiers, most recently edited first.',
  async run(args, { call, out }) {
    parseArgs({ args, options: {}, strict: true });
    const items = await call('dossiers.list', {});
    out.result(items, () => listText(items));
    return 0;
  },
};

export const dossierCommand: CliCommand = {
  name: 'dossier',
  usage: 'dossier <id> [--json]',
  summary: 'Show one dossier with its stories in order.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one dossier id.');
    const detail = await call('dossiers.get', { id: positionals[0] });
    out.result(dossierJson(detail), () => dossierText(detail));
    return 0;
  },
};

export const exportDossierCommand: CliCommand = {
  name: 'export',
  usage: 'export <dossierId> --format pdf|html|md|ninjs --out FILE [--locale nl|en] [--allow-incomplete] [--json]',
  summary: 'Export a dossier to FILE (replaces a file, creates missing folders).',
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, locale: { type: 'string' }, 'allow-incomplete': { type: 'boolean' } },
      strict: true,
    });
    if (positionals.length !== 1) throw new Error('Name exactly one dossier id to export.');
    if (!values.out) throw new Error('Name the file to write with --out FILE.');
    const file = await call('dossiers.exportToPath', { id: positionals[0], format: values.format, locale: values.locale, path: path.resolve(values.out), ...(values['allow-incomplete'] ? { allowIncomplete: true } : {}) });
    if (file.skippedMissing) {
      console.error(`kroniek: ${file.skippedMissing} ${file.skippedMissing === 1 ? 'story is' : 'stories are'} no longer in the library and ${file.skippedMissing === 1 ? 'was' : 'were'} left out.`);
    }
    out.result(file, () => `Wrote ${file.path} (${file.format}, ${file.bytes} bytes).`);
    return 0;
  },
};

export const DOSSIER_COMMANDS: CliCommand[] = [dossierCreateCommand, dossiersCommand, dossierCommand, exportDossierCommand];
