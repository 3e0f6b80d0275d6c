import { parseArgs } from 'node:util';
import { LINK_LABEL_TEXT, LINK_TYPES, type LinkView, type SeriesView } from '../../shared/contract/links';
import type { LinkType } from '../../shared/types';
import { call, type CliCommand } from './command';
import { TAG_COMMANDS } from './commands-tags';
import { formatSummaryLine } from './output';

// Link, series, related-story and date commands.

function isLinkType(value: string): value is LinkType {
  return (LINK_TYPES as readonly string[]).includes(value);
}

function linkLine(view: LinkView): string {
  const other = view.other ? formatSummaryLine(view.other) : `${view.otherId}  (no longer in the library)`;
  const note = view.link.note ? `\n    note: ${view.link.note.replace(/\n/g, '\n          ')}` : '';
  return `${LINK_LABEL_TEXT[view.label]}: ${other}  [${view.link.id}]${note}`;
}

/** A link as the CLI prints it in JSON: flat, with the direction-aware label. */
function linkJson(view: LinkView) {
  return {
    id: view.link.id,
    type: view.link.type,
    label: view.label,
    labelText: LINK_LABEL_TEXT[view.label],
    from: view.link.from,
    to: view.link.to,
    otherId: view.otherId,
    otherHeadline: view.other?.headline ?? null,
    note: view.link.note,
    createdAt: view.link.createdAt,
  };
}

export const linkCommand: CliCommand = {
  name: 'link',
  usage: `link <idA> <idB> --type ${LINK_TYPES.join('|')} [--note TEXT] [--json]`,
  summary: 'Link two stories (follow-up: B follows up on A; background: A is background to B).',
  async run(args, { core, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { type: { type: 'string' }, note: { type: 'string' } },
      strict: true,
    });
    if (positionals.length !== 2) throw new Error('Name the two stories to link: link <idA> <idB> --type TYPE.');
    if (!values.type || !isLinkType(values.type)) throw new Error(`--type must be one of ${LINK_TYPES.join(', ')}.`);
    const result = await call(core, 'links.create', { from: positionals[0]!, to: positionals[1]!, type: values.type, note: values.note });
    const created = result.created.map(linkJson);
    // One target, so one link (an impossible link is an error, not an empty result).
    out.result(created[0], () => result.created.map((view) => `Linked: ${positionals[0]} ${linkLine(view)}`).join('\n'));
    return 0;
  },
};

export const unlinkCommand: CliCommand = {
  name: 'unlink',
  usage: 'unlink <idA> <idB> [--json]',
  summary: 'Remove every link between two stories.',
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 2) throw new Error('Name the two stories to unlink: unlink <idA> <idB>.');
    const result = await call(core, 'links.remove', { storyA: positionals[0]!, storyB: positionals[1]! });
    out.result(result, () => `Removed ${result.removed} ${result.removed === 1 ? 'link' : 'links'}.`);
    return 0;
  },
};

export const linksCommand: CliCommand = {
  name: 'links',
  usage: 'links <id> [--json]',
  summary: 'Show the links of a story, read from that story.',
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    const views = await call(core, 'links.list', { storyId: positionals[0]! });
    out.result(views.map(linkJson), () => (views.length ? views.map(linkLine).join('\n') : 'This story has no links.'));
    return 0;
  },
};

export const relatedCommand: CliCommand = {
  name: 'related',
  usage: 'related <id> [--limit N] [--json]',
  summary: 'Suggested related stories, best first, with the reasons.',
  async run(args, { core, out }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { limit: { type: 'string' } }, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    let limit: number | undefined;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!/^\d+$/.test(values.limit) || limit < 1 || limit > 100) throw new Error('--limit must be a whole number from 1 to 100.');
    }
    // The core opens the indexes lazily for the CLI: they are loaded (or built) now, and awaited.
    await core.library.whenReady();
    const suggestions = await call(core, 'related.list', { storyId: positionals[0]!, limit });
    const json = suggestions.map(({ id, headline, kind, score, reasons }) => ({ id, headline, kind, score, reasons }));
    out.result(json, () =>
      json.length
        ? json.map((item) => `${item.score.toFixed(3)}  ${item.id}  ${item.kind === 'brief' ? '[brief] ' : ''}${item.headline}\n       ${item.reasons.join('; ')}`).join('\n')
        : 'No related stories found.',
    );
    return 0;
  },
};

export const setDateCommand: CliCommand = {
  name: 'set-date',
  usage: 'set-date <id> YYYY-MM-DD|none [--json]',
  summary: "Set (or with `none` clear) a story's event/publication date.",
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 2) throw new Error('Give a story id and a date: set-date <id> YYYY-MM-DD.');
    const given = positionals[1]!;
    const date = given === 'none' ? null : given;
    if (date !== null && !isCalendarDate(date)) throw new Error(`"${given}" is not a date; use YYYY-MM-DD, e.g. 2024-06-19.`);
    const story = await call(core, 'stories.setDate', { id: positionals[0]!, date });
    out.result({ id: story.id, headline: story.headline, publishedAt: story.publishedAt }, () =>
      story.publishedAt ? `${story.id} is dated ${story.publishedAt}.` : `${story.id} has no date now.`,
    );
    return 0;
  },
};

/** `YYYY-MM-DD` naming a day that exists (no 2024-02-30). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function seriesJson(view: SeriesView) {
  return view.entries.map((entry) => ({
    id: entry.story.id,
    headline: entry.story.headline,
    kind: entry.story.kind,
    place: entry.story.dateline.place,
    date: entry.date,
    dateKnown: entry.dateKnown,
    placement: entry.placement,
  }));
}

function seriesText(view: SeriesView): string {
  if (view.entries.length <= 1) return 'This story is not in a series (no series or follow-up links).';
  const lines = view.entries.map((entry, i) => {
    const date = entry.date ?? (entry.placement === 'links' ? '(no date; placed by links)' : '(no date)');
    const place = entry.story.dateline.place ? ` — ${entry.story.dateline.place}` : '';
    return `${String(i + 1).padStart(3)}. ${date}  ${entry.story.id}  ${entry.story.headline}${place}`;
  });
  if (view.cycle) lines.push('Note: the follow-up links go round in a circle; that part is in import order.');
  for (const conflict of view.dateConflicts) lines.push(`Note: ${conflict.to} follows up on ${conflict.from} but is dated earlier.`);
  return lines.join('\n');
}

export const seriesCommand: CliCommand = {
  name: 'series',
  usage: 'series <id> [--json]',
  summary: 'The series a story belongs to, in timeline order.',
  async run(args, { core, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    const view = await call(core, 'series.get', { storyId: positionals[0]! });
    out.result(seriesJson(view), () => seriesText(view));
    return 0;
  },
};

export const LINK_COMMANDS: CliCommand[] = [linkCommand, unlinkCommand, linksCommand, relatedCommand, setDateCommand, seriesCommand];

/** The tag, link, series, related and date commands, for the list in main.ts. */
export const TAG_AND_LINK_COMMANDS: CliCommand[] = [...TAG_COMMANDS, ...LINK_COMMANDS];
