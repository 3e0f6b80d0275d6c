import { parseArgs } from 'node:util';
import { LINK_LABEL_TEXT, LINK_TYPES, type LinkView, type SeriesView } from '../../shared/contract/links';
import { numberArg, type CliCommand } from './command';
import { TAG_COMMANDS } from './commands-tags';
import { formatSummaryLine } from './output';
import { relatedReasonText } from './reasons';

// Link, series, related-story and date commands.

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
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { type: { type: 'string' }, note: { type: 'string' } },
      strict: true,
    });
    if (positionals.length !== 2) throw new Error('Name the two stories to link: link <idA> <idB> --type TYPE.');
    const result = await call('links.create', { from: positionals[0], to: positionals[1], type: values.type, note: values.note });
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
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 2) throw new Error('Name the two stories to unlink: unlink <idA> <idB>.');
    const result = await call('links.remove', { storyA: positionals[0], storyB: positionals[1] });
    out.result(result, () => `Removed ${result.removed} ${result.removed === 1 ? 'link' : 'links'}.`);
    return 0;
  },
};

export const linksCommand: CliCommand = {
  name: 'links',
  usage: 'links <id> [--json]',
  summary: 'Show the links of a story, read from that story.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    const views = await call('links.list', { storyId: positionals[0] });
    out.result(views.map(linkJson), () => (views.length ? views.map(linkLine).join('\n') : 'This story has no links.'));
    return 0;
  },
};

export const relatedCommand: CliCommand = {
  name: 'related',
  usage: 'related <id> [--limit N] [--json]',
  summary: 'Suggested related stories, best first, with the reasons.',
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { limit: { type: 'string' } }, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    // Suggestions come from the related index: complete only once every story is in it.
    await call('library.ready', {});
    const suggestions = await call('related.list', { storyId: positionals[0], limit: numberArg(values.limit) });
    const json = suggestions.map(({ id, headline, kind, score, band, reasons }) => ({ id, headline, kind, score, band, reasons }));
    out.result(json, () =>
      json.length
        ? json.map((item) => `${item.score.toFixed(3)}  ${item.band.padEnd(8)}  ${item.id}  ${item.kind === 'brief' ? '[brief] ' : ''}${item.headline}\n       ${item.reasons.map(relatedReasonText).join('; ')}`).join('\n')
        : 'No related stories found.',
    );
    return 0;
  },
};

export const setDateCommand: CliCommand = {
  name: 'set-date',
  usage: 'set-date <id>... YYYY-MM-DD|none [--json]',
  summary: "Set (or with `none` clear) the event/publication date of one or more stories (one undoable edit).",
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length < 2) throw new Error('Give a story id and a date: set-date <id> YYYY-MM-DD.');
    const given = positionals.at(-1)!;
    if (positionals.length > 2) {
      const ids = positionals.slice(0, -1);
      const { dated } = await call('stories.setDates', { ids, date: given === 'none' ? null : given });
      out.result({ ids, dated, publishedAt: given === 'none' ? null : given }, () =>
        given === 'none' ? `${dated} stories have no date now.` : `${dated} stories are dated ${given}.`,
      );
      return 0;
    }
    const story = await call('stories.setDate', { id: positionals[0], date: given === 'none' ? null : given });
    out.result({ id: story.id, headline: story.headline, publishedAt: story.publishedAt }, () =>
      story.publishedAt ? `${story.id} is dated ${story.publishedAt}.` : `${story.id} has no date now.`,
    );
    return 0;
  },
};

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
  if (view.name) lines.unshift(`Series: ${view.name}`);
  if (view.cycle) lines.push('Note: the follow-up links go round in a circle; that part is in import order.');
  for (const conflict of view.dateConflicts) lines.push(`Note: ${conflict.to} follows up on ${conflict.from} but is dated earlier.`);
  return lines.join('\n');
}

export const seriesCommand: CliCommand = {
  name: 'series',
  usage: 'series <id> [--json]',
  summary: 'The series a story belongs to, in timeline order.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    const view = await call('series.get', { storyId: positionals[0] });
    out.result(seriesJson(view), () => seriesText(view));
    return 0;
  },
};

export const LINK_COMMANDS: CliCommand[] = [linkCommand, unlinkCommand, linksCommand, relatedCommand, setDateCommand, seriesCommand];

/** The tag, link, series, related and date commands, for the list in main.ts. */
export const TAG_AND_LINK_COMMANDS: CliCommand[] = [...TAG_COMMANDS, ...LINK_COMMANDS];
