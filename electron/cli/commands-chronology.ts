import { parseArgs } from 'node:util';
import type { ChronologyView, ChronologyViewLine } from '../../shared/contract/chronology';
import type { CliCommand } from './command';

// `kroniek chronology <dossierId> [--draft] [--json]`: a dossier's chronology; with --draft
// also the lines the editor has not decided on (and the rejected ones), each with its status.

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A line's date as precise as it is known: `13 September 2023`, `week of 10 June 2024`, `June 2024`, `2019`. */
export function chronologyDateText(date: ChronologyViewLine['date']): string {
  const [y, m, d] = date.date.split('-').map(Number) as [number, number, number];
  switch (date.granularity) {
    case 'year':
      return String(y);
    case 'month':
      return `${MONTHS_EN[m - 1]} ${y}`;
    case 'week':
      return `week of ${d} ${MONTHS_EN[m - 1]} ${y}`;
    default:
      return `${d} ${MONTHS_EN[m - 1]} ${y}`;
  }
}

function lineJson(line: ChronologyViewLine) {
  return {
    key: line.key,
    status: line.status,
    date: line.date,
    summary: line.summary,
    edited: line.edited ?? false,
    confidence: line.confidence,
    sources: line.sources.map((source, k) => ({ ...source, headline: line.headlines[k] ?? null })),
  };
}

function viewText(view: ChronologyView, draft: boolean): string {
  const lines = draft ? view.lines : view.lines.filter((line) => line.status === 'approved');
  const out: string[] = [];
  if (lines.length === 0) {
    out.push(draft ? 'The stories of this dossier have no dated events to draft.' : `No approved lines yet (${view.counts.draft} drafted: see them with --draft).`);
  }
  for (const line of lines) {
    const status = draft ? `[${line.status}] ` : '';
    out.push(`${chronologyDateText(line.date).padEnd(22)} ${status}${line.summary}`);
    line.sources.forEach((source, k) => out.push(`${' '.repeat(23)}— ${line.headlines[k] ?? '(no longer in the library)'} (${source.storyId}, paragraph ${source.paragraph + 1})`));
  }
  if (view.undatedStories) out.push('', `${view.undatedStories} of the dossier's stories have no date: their "dinsdag" or "vorige week" could not be dated.`);
  return out.join('\n');
}

export const chronologyCommand: CliCommand = {
  name: 'chronology',
  usage: 'chronology <dossierId> [--draft] [--json]',
  summary: "A dossier's chronology (approved lines); --draft also lists the drafted and rejected lines.",
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { draft: { type: 'boolean' } }, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one dossier id.');
    const view = await call('chronology.get', { id: positionals[0] });
    const draft = Boolean(values.draft);
    const lines = draft ? view.lines : view.lines.filter((line) => line.status === 'approved');
    out.result({ dossierId: view.dossierId, counts: view.counts, undatedStories: view.undatedStories, lines: lines.map(lineJson) }, () => viewText(view, draft));
    return 0;
  },
};
