import type { MethodName } from '../../../../shared/contract';
import type { ChronologyView } from '../../../../shared/contract/chronology';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { ChronologyLine } from '../../../../shared/types';
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';
import { findDossier } from '../dossiers/ops';
import { storeLines } from './ops';
import { chronologyView, draftLines } from './views';

type ChronologyMethod = Extract<MethodName, `chronology.${string}`>;

const now = () => new Date().toISOString();

function view(ctx: ServiceContext, id: string): Promise<ChronologyView> {
  return chronologyView(ctx.store, findDossier(ctx.store.meta, id));
}

/** Every line the editor can act on, stored or drafted, by key. */
async function knownLines(ctx: ServiceContext, id: string): Promise<Map<string, ChronologyLine>> {
  const dossier = findDossier(ctx.store.meta, id);
  const lines = new Map<string, ChronologyLine>();
  for (const line of (await draftLines(ctx.store, dossier)).lines) lines.set(line.key, line);
  for (const line of dossier.chronology ?? []) lines.set(line.key, line);
  return lines;
}

function requireLines(lines: Map<string, ChronologyLine>, keys: readonly string[]): ChronologyLine[] {
  const missing = keys.filter((key) => !lines.has(key) || lines.get(key)!.status === 'merged');
  if (missing.length) throw new ServiceError('not-found', `No chronology line ${missing.join(', ')} in this dossier; it may have been merged or its story removed.`);
  return keys.map((key) => lines.get(key)!);
}

export const chronologyHandlers: PartialHandlers<ChronologyMethod> = {
  'chronology.get': (input, ctx) => view(ctx, input.id),

  'chronology.review': async (input, ctx) => {
    const keys = [...new Set(input.keys)];
    const lines = requireLines(await knownLines(ctx, input.id), keys);
    const label = { code: 'chronology.review' as const, count: keys.length };
    if (input.status === 'draft') {
      // Back to the draft: the decision is dropped (an edited or merged line goes back to what was drafted).
      await ctx.store.update(label, (meta) => storeLines(meta, input.id, [], keys, now()));
    } else {
      await ctx.store.update(label, (meta) => storeLines(meta, input.id, lines.map((line) => ({ ...line, status: input.status as 'approved' | 'rejected' })), [], now()));
    }
    return view(ctx, input.id);
  },

  'chronology.edit': async (input, ctx) => {
    const [line] = requireLines(await knownLines(ctx, input.id), [input.key]);
    const edited: ChronologyLine = { ...line!, status: 'approved', edited: true };
    if (input.summary !== undefined) edited.summary = input.summary;
    if (input.date !== undefined) edited.date = input.date;
    await ctx.store.update({ code: 'chronology.edit' }, (meta) => storeLines(meta, input.id, [edited], [], now()));
    return view(ctx, input.id);
  },

  'chronology.merge': async (input, ctx) => {
    const keys = [...new Set(input.keys)];
    if (keys.length < 2) throw new ServiceError('invalid-input', 'Merging needs two different lines.');
    const lines = requireLines(await knownLines(ctx, input.id), keys);
    const [first, ...rest] = lines as [ChronologyLine, ...ChronologyLine[]];
    const sources = [...first.sources];
    for (const line of rest) for (const source of line.sources) if (!sources.some((s) => s.storyId === source.storyId && s.paragraph === source.paragraph && s.start === source.start)) sources.push(source);
    const merged: ChronologyLine = { ...first, sources, status: 'approved', confidence: Math.max(...lines.map((line) => line.confidence)) };
    // The others stay stored as merged, so the next draft does not bring them back.
    const absorbed = rest.map((line): ChronologyLine => ({ ...line, status: 'merged' }));
    await ctx.store.update({ code: 'chronology.merge', count: keys.length }, (meta) => storeLines(meta, input.id, [merged, ...absorbed], [], now()));
    return view(ctx, input.id);
  },

  'chronology.split': async (input, ctx) => {
    const known = await knownLines(ctx, input.id);
    const [line] = requireLines(known, [input.key]);
    if (line!.sources.length < 2) throw new ServiceError('invalid-input', 'This line has one source; there is nothing to split.');
    // One approved line per source: a line merged into this one gets its own key and words
    // back; a source that came with the line itself becomes a line of its own sentence.
    const sameSource = (a: ChronologyLine['sources'][number], b: ChronologyLine['sources'][number]) =>
      a.storyId === b.storyId && a.paragraph === b.paragraph && a.start === b.start;
    const absorbed = [...known.values()].filter((other) => other.status === 'merged');
    const parts = line!.sources.map((source, k): ChronologyLine => {
      const own = k === 0 ? undefined : absorbed.find((other) => other.sources.some((s) => sameSource(s, source)));
      if (own) return { ...own, sources: [source], status: 'approved' };
      return {
        key: k === 0 ? line!.key : `${line!.key.replace(/#\d+$/u, '')}#${k}`,
        date: line!.date,
        summary: k === 0 ? line!.summary : source.sentence,
        sources: [source],
        status: 'approved',
        ...(k === 0 && line!.edited ? { edited: true } : {}),
        confidence: line!.confidence,
      };
    });
    await ctx.store.update({ code: 'chronology.split' }, (meta) => storeLines(meta, input.id, parts, [], now()));
    return view(ctx, input.id);
  },
};
