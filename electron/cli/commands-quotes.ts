import { parseArgs } from 'node:util';
import type { QuoteItem, QuotePage } from '../../shared/contract/quotes';
import type { CliCommand } from './command';

// `kroniek quotes [--person NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--dossier ID] [--json]`:
// who said what, newest first, each quote attributed and linked to its story and paragraph.

/** How many quotes a command lists at most. */
const LIMIT = 1_000;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The CLI's English words for the quote list. */
const WORDS = {
  none: 'No quotes match.',
  building: 'The quotes are still being worked out in the background: the list may grow.',
  more: (shown: number, total: number) => `${shown} of ${total} quotes shown.`,
  undated: 'undated',
  unattributed: (written: string | null) => (written ? `unattributed ("${written}")` : 'unattributed'),
  indirect: 'indirect',
  paragraph: (n: number) => `paragraph ${n}`,
};

function dayText(date: string | null): string {
  if (!date) return WORDS.undated;
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

function quoteText(quote: QuoteItem): string[] {
  const speaker = quote.speaker ? quote.speaker.name : WORDS.unattributed(quote.speakerText);
  const marks = quote.kind === 'indirect' ? `(${WORDS.indirect}) ${quote.text}` : `“${quote.text}”`;
  return [marks, `    — ${speaker}, ${dayText(quote.date)}, ${quote.headline} (${quote.storyId}, ${WORDS.paragraph(quote.paragraph + 1)})`];
}

function pageText(page: QuotePage): string {
  const out: string[] = [];
  if (page.items.length === 0) out.push(WORDS.none);
  for (const quote of page.items) out.push(...quoteText(quote));
  if (page.total > page.items.length) out.push('', WORDS.more(page.items.length, page.total));
  if (page.building) out.push('', WORDS.building);
  return out.join('\n');
}

export const quotesCommand: CliCommand = {
  name: 'quotes',
  usage: 'quotes [--person NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--dossier ID] [--json]',
  summary: 'Who said what, newest first: the quotes in the stories, by person, date or dossier.',
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { person: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, dossier: { type: 'string' } },
      strict: true,
    });
    if (positionals.length) throw new Error(`Unexpected argument "${positionals[0]}".`);
    // The quotes come from the background index build: a command waits for it.
    await call('library.ready', {});
    const page = await call('quotes.list', { person: values.person, from: values.from, to: values.to, dossierId: values.dossier, limit: LIMIT });
    out.result({ total: page.total, quotes: page.items }, () => pageText(page));
    return 0;
  },
};
