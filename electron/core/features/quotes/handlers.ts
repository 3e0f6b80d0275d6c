import type { MethodName } from '../../../../shared/contract';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { QuoteItem, QuotePage } from '../../../../shared/contract/quotes';
import type { DossierQuote } from '../../../../shared/types';
import type { QuoteHit } from '../../analysis/chronology/quote-index';
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';
import { findDossier } from '../dossiers/ops';
import { addQuote, removeQuote } from './ops';

// The quotes view's and the CLI's questions, answered from the quote index the indexing
// worker keeps (the dossier filter is turned into the dossier's stories here, where the
// dossiers are), and the quotes an editor adds to a dossier.

type QuotesMethod = Extract<MethodName, `quotes.${string}`>;

const DEFAULT_LIMIT = 50;
const now = () => new Date().toISOString();

/** `storyId:paragraph:offset of the quoted words`: one quote (two quotes of one sentence have two keys). */
export const quoteKeyOf = (hit: { storyId: string; paragraph: number; quoteStart: number }) => `${hit.storyId}:${hit.paragraph}:${hit.quoteStart}`;

/** A quote as the view, the CLI and a dossier show it: its words, speaker, story and sentence. */
function itemOf(ctx: ServiceContext, hit: QuoteHit): QuoteItem {
  return {
    key: quoteKeyOf(hit),
    text: hit.text,
    kind: hit.kind,
    speaker: hit.speakerKey ? { key: hit.speakerKey, name: hit.speakerName ?? hit.speakerKey, ...(hit.speakerKind ? { kind: hit.speakerKind } : {}) } : null,
    speakerText: hit.speakerText,
    attribution: hit.attribution,
    storyId: hit.storyId,
    headline: ctx.store.summary(hit.storyId)?.headline ?? '',
    date: hit.date,
    paragraph: hit.paragraph,
    start: hit.start,
    end: hit.end,
  };
}

function dossierQuotes(ctx: ServiceContext, dossierId: string) {
  return { dossierId, quotes: findDossier(ctx.store.meta, dossierId).quotes ?? [] };
}

export const quotesHandlers: PartialHandlers<QuotesMethod> = {
  'quotes.list': async (input, ctx): Promise<QuotePage> => {
    const offset = input.offset ?? 0;
    const limit = input.limit ?? DEFAULT_LIMIT;
    const storyIds = input.dossierId ? findDossier(ctx.store.meta, input.dossierId).entries.map((entry) => entry.storyId) : undefined;
    const page = await ctx.quotes.quotes({
      person: input.person,
      from: input.from,
      to: input.to,
      storyIds,
      text: input.text,
      kind: input.kind,
      unattributed: input.unattributed,
      offset,
      limit,
    });
    return { items: page.items.map((hit) => itemOf(ctx, hit)), total: page.total, offset, building: !ctx.search.progress().ready };
  },

  'quotes.people': async (_input, ctx) => ({ people: await ctx.quotes.quotePeople() }),

  'quotes.ofDossier': (input, ctx) => dossierQuotes(ctx, input.dossierId),

  'quotes.addToDossier': async (input, ctx) => {
    findDossier(ctx.store.meta, input.dossierId);
    const [storyId, paragraph, start] = input.key.split(':') as [string, string, string];
    const page = await ctx.quotes.quotes({ storyIds: [storyId], offset: 0, limit: 1_000 });
    const hit = page.items.find((candidate) => candidate.paragraph === Number(paragraph) && candidate.quoteStart === Number(start));
    if (!hit) throw new ServiceError('not-found', `No quote ${input.key}; its story may have been changed or removed.`);
    const quote: DossierQuote = { ...itemOf(ctx, hit), key: input.key, addedAt: now() };
    const there = (findDossier(ctx.store.meta, input.dossierId).quotes ?? []).some((known) => known.key === input.key);
    if (!there) await ctx.store.update({ code: 'quote.addToDossier' }, (meta) => addQuote(meta, input.dossierId, quote, now()));
    return dossierQuotes(ctx, input.dossierId);
  },

  'quotes.removeFromDossier': async (input, ctx) => {
    const there = (findDossier(ctx.store.meta, input.dossierId).quotes ?? []).some((known) => known.key === input.key);
    if (!there) throw new ServiceError('not-found', `The dossier holds no quote ${input.key}.`);
    await ctx.store.update({ code: 'quote.removeFromDossier' }, (meta) => removeQuote(meta, input.dossierId, input.key, now()));
    return dossierQuotes(ctx, input.dossierId);
  },
};
