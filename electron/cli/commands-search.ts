import { parseArgs } from 'node:util';
import { numberArg, tagIdOf, type CliCommand } from './command';
import { formatSummaryLine } from './output';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search "<query>" [--kind article|brief] [--tag NAME] [--place PLACE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]',
  summary: 'Search the library (words, prefixes*, "quoted phrases", a OR b, -word), best first.',
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        tag: { type: 'string', multiple: true },
        place: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
      },
      strict: true,
    });
    const text = positionals.join(' ').trim();
    const tagIds: string[] = [];
    for (const name of values.tag ?? []) tagIds.push(await tagIdOf(call, name));
    // A search answers from the index: complete only once every story is in it.
    if (text) await call('library.ready', {});
    const page = await call('stories.list', {
      query: text || undefined,
      kind: values.kind,
      tagIds: tagIds.length ? tagIds : undefined,
      place: values.place,
      from: values.from,
      to: values.to,
      sort: text ? 'relevance' : 'date',
      limit: numberArg(values.limit) ?? 20,
    });
    const results = page.items.map((item, at) => ({ id: item.id, headline: item.headline, kind: item.kind, score: page.scores?.[at] ?? 0 }));
    out.result(results, () =>
      results.length ? `${page.items.map(formatSummaryLine).join('\n')}\n${page.total} found${page.total > results.length ? `, first ${results.length} shown` : ''}` : 'Nothing found.',
    );
    return 0;
  },
};
