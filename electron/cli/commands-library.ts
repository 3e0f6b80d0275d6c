import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport, Story, StorySummary } from '../../shared/types';
import type { CliCommand } from './command';
import { formatDateline, formatSummaryLine, oneLine } from './output';
import { versionsText, wireLines } from './commands-versions';
import { fileStatusLabel, outcomeText, wireReasonText, wireTotalsText } from './wire-words';
import { damagedLines, damagedTextLine } from './messages';

function reportText(report: ImportReport): string {
  const lines = report.files.map((file) => {
    const briefs = file.briefs.imported || file.briefs.duplicate ? ` (briefs: ${file.briefs.imported} new, ${file.briefs.duplicate} duplicate)` : '';
    // An agency file says what became of its items: a new story, or a new (or duplicate) version of one already stored.
    const outcomes = (file.versions ?? []).filter((entry) => entry.outcome !== 'story').map((entry) => outcomeText(entry));
    const reason = wireReasonText(file.code, file.reason) ?? file.reason;
    const why = reason ? ` — ${oneLine(reason)}` : outcomes.length ? ` — ${oneLine(outcomes.join('; '))}` : '';
    const warnings = file.warnings.map((warning) => `\n    warning: ${oneLine(wireReasonText(warning, undefined) ?? warning)}`).join('');
    return `${fileStatusLabel(file).padEnd(9)} ${oneLine(file.fileName)}${why}${briefs}${warnings}`;
  });
  const t = report.totals;
  lines.push(`${t.files} files: ${t.imported} imported, ${t.duplicate} duplicate, ${t.rejected} rejected; briefs: ${t.briefsImported} new, ${t.briefsDuplicate} duplicate${wireTotalsText(t)}`);
  return lines.join('\n');
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file-or-folder>... [--json]',
  summary: 'Import wire stories: page text (.txt), ninjs (.json) and NewsML-G2 (.xml) files; folders recursively.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length === 0) throw new Error('Name at least one file or folder to import.');
    // Paths are the CLI's, relative to where it runs: the core takes absolute ones.
    const report = await call('import.paths', { paths: positionals.map((given) => path.resolve(given)) });
    out.result(report, () => reportText(report));
    // Files that could not be imported make the command fail, after reporting every file.
    return report.totals.rejected > 0 ? 1 : 0;
  },
};

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list [--kind article|brief] [--json]',
  summary: 'List the stories in the library.',
  async run(args, { call, out }) {
    const { values } = parseArgs({ args, options: { kind: { type: 'string' } }, strict: true });
    const items: StorySummary[] = [];
    for (let offset = 0; ; ) {
      const page = await call('stories.list', { kind: values.kind, sort: 'date', dir: 'asc', offset, limit: 1_000 });
      items.push(...page.items);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
    out.result(items, () => (items.length ? items.map(formatSummaryLine).join('\n') : 'The library is empty.'));
    // Stories whose content cannot be read are listed (a lost heads file cannot be) and said to be damaged.
    const damaged = await call('library.checkContent', {});
    if (damaged) for (const line of damagedLines(damaged)) console.error(line);
    return damaged ? 1 : 0;
  },
};

function storyText(story: Story): string {
  const lines = [oneLine(story.headline), [formatDateline(story.dateline), story.section && oneLine(story.section), story.publishedAt].filter(Boolean).join(' · '), ''];
  for (const block of story.body) lines.push(block.type === 'heading' ? `\n## ${block.text}\n` : `${block.text}\n`);
  lines.push(`Source: ${oneLine(story.source.fileName)} (sha256 ${story.source.sha256.slice(0, 12)}…), imported ${story.source.importedAt}`);
  for (const warning of story.warnings) lines.push(`Warning: ${warning}`);
  if (story.wire) lines.push(...wireLines({ ...story, wire: story.wire }));
  return lines.join('\n');
}

export const showCommand: CliCommand = {
  name: 'show',
  usage: 'show <id> [--json]',
  summary: 'Show one story with its body and source.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    const story = await call('stories.get', { id: positionals[0] });
    // A story from an agency feed also shows its versions (and, in JSON, its status, embargo and rights under `wire`).
    const versions = story.wire ? await call('story.versions', { id: story.id }) : null;
    out.result(versions ? { ...story, versions } : story, () => (versions ? `${storyText(story)}\n\n${versionsText(versions)}` : storyText(story)));
    if (story.textDamaged) console.error(damagedTextLine(story.textDamaged));
    return story.textDamaged ? 1 : 0;
  },
};
