import { newId } from '../../ids';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { RelatedSuggestion } from '../../../../shared/contract/links';
import { createLinkPairs, createLinks, findLink, nameSeries, pairKey, removeLink, removeLinksBetween, updateLink } from './ops';
import { linkView, listLinks, seriesView } from './views';
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';
import { requireLiveStories } from '../tags/handlers';
import type { HistoryLabel } from '../../../../shared/messages';

type LinkMethod = Extract<MethodName, `links.${string}` | `series.${string}` | `related.${string}`>;

export const newLinkId = (): string => newId('l');
const DEFAULT_RELATED_LIMIT = 10;

function updateLinkLabel(input: { type?: unknown; note?: unknown; reverse?: boolean }): HistoryLabel {
  const given = [input.type, input.note, input.reverse || undefined].filter((value) => value !== undefined).length;
  if (given !== 1) return { code: 'link.edit' };
  if (input.type !== undefined) return { code: 'link.setType' };
  if (input.note !== undefined) return { code: 'link.setNote' };
  return { code: 'link.reverse' };
}

/** Stories never to suggest as related to `storyId`: itself, stories already linked to it, dismissed pairs. */
function relatedExclusions(ctx: ServiceContext, storyId: string): Set<string> {
  const meta = ctx.store.meta;
  const exclude = new Set<string>([storyId]);
  for (const link of meta.links) {
    if (link.from === storyId) exclude.add(link.to);
    else if (link.to === storyId) exclude.add(link.from);
  }
  for (const pair of meta.dismissedRelated) {
    const [a, b] = pair.split('|');
    if (a === storyId && b) exclude.add(b);
    else if (b === storyId && a) exclude.add(a);
  }
  return exclude;
}

export async function relatedSuggestions(ctx: ServiceContext, storyId: string, limit = DEFAULT_RELATED_LIMIT): Promise<RelatedSuggestion[]> {
  const exclude = relatedExclusions(ctx, storyId);
  const out: RelatedSuggestion[] = [];
  // The index may still hold a story deleted a moment ago: ask for a few more and skip those.
  for (const hit of await ctx.related.related(storyId, { limit: limit + 10, exclude })) {
    if (out.length >= limit || exclude.has(hit.id)) continue;
    const story = ctx.store.summary(hit.id);
    if (!story) continue;
    out.push({ id: hit.id, headline: story.headline, kind: story.kind, score: hit.score, reasons: hit.reasons, story, band: hit.band });
  }
  return out;
}

export const linkHandlers: PartialHandlers<LinkMethod> = {
  'links.list': (input, ctx) => {
    requireLiveStories(ctx.store, [input.storyId]);
    return listLinks(ctx.store, input.storyId);
  },

  'links.create': async (input, ctx) => {
    const targets = typeof input.to === 'string' ? [input.to] : input.to;
    requireLiveStories(ctx.store, [input.from, ...targets]);
    const outcome = await ctx.store.updateWith({ code: 'link.create', count: new Set(targets).size }, (meta) =>
      createLinks(meta, {
        from: input.from,
        targets: targets.map((to) => ({ id: newLinkId(), to })),
        type: input.type,
        note: input.note,
        now: new Date().toISOString(),
      }),
    );
    return { created: outcome.created.map((link) => linkView(ctx.store, link, input.from)), skipped: outcome.skipped };
  },

  'links.createPairs': async (input, ctx) => {
    requireLiveStories(ctx.store, [...new Set(input.pairs.flatMap((pair) => [pair.from, pair.to]))]);
    const outcome = await ctx.store.updateWith({ code: 'link.create', count: input.pairs.length }, (meta) =>
      createLinkPairs(meta, { pairs: input.pairs.map((pair) => ({ id: newLinkId(), ...pair })), type: input.type, note: input.note, now: new Date().toISOString() }),
    );
    return { created: outcome.created, skipped: outcome.skipped };
  },

  'links.update': async (input, ctx) => {
    const link = findLink(ctx.store.meta, input.id);
    await ctx.store.update(updateLinkLabel(input), (meta) => updateLink(meta, input.id, input));
    // Read from the same end as before the edit (after a reverse, that end is now `to`).
    return linkView(ctx.store, findLink(ctx.store.meta, input.id), link.from);
  },

  'links.remove': async (input, ctx) => {
    if (input.id !== undefined) {
      findLink(ctx.store.meta, input.id);
      await ctx.store.update({ code: 'link.remove' }, (meta) => removeLink(meta, input.id!));
      return { removed: 1 };
    }
    const a = input.storyA!;
    const b = input.storyB!;
    const { removed } = await ctx.store.updateWith({ code: 'link.unlink' }, (meta) => removeLinksBetween(meta, a, b));
    if (removed === 0) throw new ServiceError('not-found', `Stories ${a} and ${b} are not linked.`);
    return { removed };
  },

  'series.get': (input, ctx) => {
    requireLiveStories(ctx.store, [input.storyId]);
    return seriesView(ctx.store, input.storyId);
  },

  'series.rename': async (input, ctx) => {
    requireLiveStories(ctx.store, [input.storyId]);
    const members = seriesView(ctx.store, input.storyId).entries.map((entry) => entry.story.id);
    if (members.length <= 1) throw new ServiceError('invalid-input', `Story ${input.storyId} is not in a series: link it to another as series or follow-up first.`);
    await ctx.store.update({ code: 'series.rename' }, (meta) => nameSeries(meta, members, input.name));
    return seriesView(ctx.store, input.storyId);
  },

  'related.list': (input, ctx) => {
    requireLiveStories(ctx.store, [input.storyId]);
    return relatedSuggestions(ctx, input.storyId, input.limit);
  },

  'related.dismiss': async (input, ctx) => {
    if (input.storyId === input.otherId) throw new ServiceError('invalid-input', 'A story is never suggested as related to itself.');
    requireLiveStories(ctx.store, [input.storyId, input.otherId]);
    const key = pairKey(input.storyId, input.otherId);
    await ctx.store.update({ code: 'related.dismiss' }, (meta) =>
      meta.dismissedRelated.includes(key) ? meta : { ...meta, dismissedRelated: [...meta.dismissedRelated, key] },
    );
    return { storyId: input.storyId, otherId: input.otherId };
  },
};

