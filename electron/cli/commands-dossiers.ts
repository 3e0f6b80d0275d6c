import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type DossierDetail, type DossierListItem } from '../../shared/contract/dossiers';
import type { ExportFormat } from '../../shared/types';
import type { KroniekCore } from '../core/app';
import { closeExportSession, writeExportFile } from '../core/features/dossiers/export-session';
import { fold } from '../core/text/dutch';
import { call, type CliCommand } from './command';
import { formatSummaryLine } from './output';

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
  const lines = [`${dossier.id}  ${dossier.title}`];
  if (dossier.subtitle) lines.push(dossier.subtitle);
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
      return `${item.id}  ${item.title}  (${item.entryCount} ${item.entryCount === 1 ? 'story' : 'stories'}${missing}; updated ${item.updatedAt})`;
    })
    .join('\n');
}

/** A tag by id or by name (matched without case or diacritics); ambiguous names must be given as ids. */
function resolveTag(core: KroniekCore, nameOrId: string): string {
  const tags = core.context.store.meta.tags;
  const byId = tags.find((tag) => tag.id === nameOrId);
  if (byId) return byId.id;
  const matches = tags.filter((tag) => fold(tag.name) === fold(nameOrId.trim()));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new Error(`There is no tag called "${nameOrId}".`);
  const exact = matches.filter((tag) => tag.name === nameOrId.trim());
  if (exact.length === 1) return exact[0]!.id;
  throw new Error(`Several tags are called "${nameOrId}" (${matches.map((tag) => tag.id).join(', ')}); give the tag's id instead.`);
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
  async run(args, { core, out }) {
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
    if (!values.title?.trim()) throw new Error('Give the dossier a title with --title TEXT.');
    const sources = [values.articles, values.tag, values.series].filter((source) => source !== undefined);
    if (sources.length !== 1) throw new Error('Say where the stories come from with exactly one of --articles ID,ID,..., --tag NAME or --series ID.');
    const text = { title: values.title, subtitle: values.subtitle, intro: values.intro };
    let detail: DossierDetail;
    if (values.articles !== undefined) {
      const storyIds = splitIds(values.articles);
      if (storyIds.length === 0) throw new Error('--articles needs at least one story id.');
      detail = await call(core, 'dossiers.create', { ...text, storyIds });
    } else if (values.tag !== undefined) {
      detail = await call(core, 'dossiers.create', { ...text, tagId: resolveTag(core, values.tag) });
    } else {
      detail = await call(core, 'dossiers.create', { ...text, seriesOf: values.series!.trim() });
    }
    out.result(dossierJson(detail), () => `Created dossier ${detail.dossier.id}.\n\n${dossierText(detail)}`);
    return 0;
  },
};

export const dossiersCommand: CliCommand = {
  name: 'dossiers',
  usage: 'dossiers [--json]',
  summary: 'List the dossiers, most recently edited first.',
  async run(args, { core, out }) {
    parseArgs({ args, options: {}, strict: true });
    const items = await call(core, 'dossiers.list', {});
    out.result(items, () => listText(items));
    return 0;
  },
};

export const dossierCommand: CliCommand = {
  name: 'dossier',
  usage: 'dossier <id> [--json]',
  summary: 'Show one dossier with its stories in order.',
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one dossier id.');
    const detail = await call(core, 'dossiers.get', { id: positionals[0]! });
    out.result(dossierJson(detail), () => dossierText(detail));
    return 0;
  },
};

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const exportDossierCommand: CliCommand = {
  name: 'export',
  usage: 'export <dossierId> --format pdf|html|md|ninjs --out FILE [--locale nl|en] [--json]',
  summary: 'Export a dossier to FILE (replaces a file, creates missing folders).',
  async run(args, { core, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, locale: { type: 'string' } },
      strict: true,
    });
    if (positionals.length !== 1) throw new Error('Name exactly one dossier id to export.');
    if (!values.format || !isFormat(values.format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    if (!values.out) throw new Error('Name the file to write with --out FILE.');
    if (values.locale !== undefined && values.locale !== 'nl' && values.locale !== 'en') throw new Error('--locale must be nl or en.');
    const target = path.resolve(values.out);
    const format = values.format;
    try {
      const file = await call(core, 'dossiers.export', { id: positionals[0]!, format, locale: values.locale as 'nl' | 'en' | undefined });
      const bytes = Buffer.from(file.base64, 'base64');
      // Scripts name output paths that may not exist yet; the file itself is still replaced atomically.
      await mkdir(path.dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Cannot create the folder ${path.dirname(target)} (${error.code ?? error.message}).`);
      });
      await writeExportFile(target, bytes);
      if (file.skippedMissing) {
        console.error(`kroniek: ${file.skippedMissing} ${file.skippedMissing === 1 ? 'story is' : 'stories are'} no longer in the library and ${file.skippedMissing === 1 ? 'was' : 'were'} left out.`);
      }
      out.result({ path: target, format, bytes: bytes.length, skippedMissing: file.skippedMissing }, () => `Wrote ${target} (${format}, ${bytes.length} bytes).`);
      return 0;
    } finally {
      // The CLI exits after one command: do not leave a headless Chromium behind.
      await closeExportSession(core.context);
    }
  },
};

export const DOSSIER_COMMANDS: CliCommand[] = [dossierCreateCommand, dossiersCommand, dossierCommand, exportDossierCommand];
