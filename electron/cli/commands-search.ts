import { parseArgs } from 'node:util';
import type { ListQuery } from '../../shared/contract/library';
import { findTagByName } from '../core/features/tags/ops';
import { call, type CliCommand } from './command';
import { formatSummaryLine } from './output';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search "<query>" [--kind article|brief] [--tag NAME] [--place PLACE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]',
  summary: 'Search the library (words, prefixes, "quoted phrases"), best first.',
  async run(args, { core, out }) {
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
    if (values.kind !== undefined && values.kind !== 'article' && values.kind !== 'brief') throw new Error('--kind must be article or brief.');
    for (const [flag, value] of [['--from', values.from], ['--to', values.to]] as const) {
      if (value !== undefined && !DATE.test(value)) throw new Error(`${flag} must be a date like 2024-06-19.`);
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1_000) throw new Error('--limit must be a whole number from 1 to 1000.');
    const tagIds: string[] = [];
    for (const name of values.tag ?? []) {
      const tag = findTagByName(core.context.store.meta, name);
      if (!tag) throw new Error(`There is no tag called "${name}".`);
      tagIds.push(tag.id);
    }

    await core.library.whenReady();
    const query: ListQuery = {
      query: text || undefined,
      kind: values.kind as ListQuery['kind'],
      tagIds: tagIds.length ? tagIds : undefined,
      place: values.place,
      from: values.from,
      to: values.to,
      sort: text ? 'relevance' : 'date',
      limit,
    };
    const page = await call(core, 'stories.list', query);
    const search = core.context.search;
    const found = text ? await search.match(text) : null;
    const scoreOf = new Map<number, number>();
    if (found) found.matches.nums.forEach((num, at) => scoreOf.set(num, found.matches.scores[at]!));
    const score = (id: string) => scoreOf.get(search.numberOf(id) ?? -1) ?? 0;
    const results = page.items.map((item) => ({ id: item.id, headline: item.headline, kind: item.kind, score: score(item.id) }));
    out.result(results, () =>
      results.length ? `${page.items.map(formatSummaryLine).join('\n')}\n${page.total} found${page.total > results.length ? `, first ${results.length} shown` : ''}` : 'Nothing found.',
    );
    return 0;
  },
};
