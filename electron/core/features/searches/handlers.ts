import { newId } from '../../ids';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { Facets, FacetValue } from '../../../../shared/contract/searches';
import { fold } from '../../text/dutch';
import { publishedAtOf, type StoryHead } from '../../store/meta';
import type { ListQuery } from '../../../../shared/contract/library';
import type { facetsQuerySchema } from '../../../../shared/contract/searches';
import type { z } from 'zod';
import { matchesFilters } from '../library/list';
import { GONE } from '../library/list-keys';
import { storySnippets } from './snippets';

type FacetsQuery = z.infer<typeof facetsQuerySchema>;
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';

type SearchesMethod = 'searches.list' | 'searches.save' | 'searches.rename' | 'searches.delete' | 'stories.facets' | 'stories.snippets';

function countValues(values: Iterable<string>): FacetValue[] {
  // Counted by folded value, shown in the most common spelling.
  const counts = new Map<string, { value: string; count: number; spellings: Map<string, number> }>();
  for (const value of values) {
    if (!value) continue;
    const key = fold(value);
    const entry = counts.get(key) ?? { value, count: 0, spellings: new Map<string, number>() };
    entry.count++;
    entry.spellings.set(value, (entry.spellings.get(value) ?? 0) + 1);
    counts.set(key, entry);
  }
  return [...counts.values()]
    .map((entry) => ({ value: [...entry.spellings.entries()].sort((a, b) => b[1] - a[1])[0]![0], count: entry.count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nl'));
}

/**
 * Filter choices with counts, under the list's query: each facet counts the stories
 * matching the search text and every filter but its own, as the list would show them
 * once that value is picked. Without text or filters: the whole library.
 */
export async function facets(ctx: ServiceContext, query: FacetsQuery = {}): Promise<Facets> {
  const places: string[] = [];
  const agencies: string[] = [];
  const sections: string[] = [];
  const tagCounts = new Map<string, number>();
  let from: string | null = null;
  let to: string | null = null;
  const edits = ctx.store.meta.storyEdits;
  const taggings = ctx.store.meta.taggings;
  const { place, agency, section, from: fromFilter, to: toFilter, ...rest } = query;
  const others: ListQuery = rest;
  const passes = (head: StoryHead, only: Partial<ListQuery>) => matchesFilters(ctx, head, only);
  for (const head of await facetHeads(ctx, query.query ?? '')) {
    if (!matchesFilters(ctx, head, others)) continue;
    const placeOk = !place || passes(head, { place });
    const agencyOk = !agency || passes(head, { agency });
    const sectionOk = !section || passes(head, { section });
    const dateOk = (!fromFilter && !toFilter) || passes(head, { from: fromFilter, to: toFilter });
    if (agencyOk && sectionOk && dateOk) places.push(head.dateline.place);
    if (placeOk && sectionOk && dateOk) agencies.push(...head.dateline.agencies);
    if (placeOk && agencyOk && dateOk && head.section) sections.push(head.section);
    if (placeOk && agencyOk && sectionOk) {
      const date = publishedAtOf(edits.get(head.id), head);
      if (date) {
        if (!from || date < from) from = date;
        if (!to || date > to) to = date;
      }
    }
    if (placeOk && agencyOk && sectionOk && dateOk) for (const tagId of taggings.get(head.id) ?? []) tagCounts.set(tagId, (tagCounts.get(tagId) ?? 0) + 1);
  }
  const tags = [...tagCounts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { places: countValues(places), agencies: countValues(agencies), sections: countValues(sections), dates: from && to ? { from, to } : null, tags };
}

/** The live stories the search text matches (all of them without one). */
async function facetHeads(ctx: ServiceContext, text: string): Promise<Iterable<StoryHead>> {
  const found = text.trim() ? await ctx.search.match(text) : null;
  if (!found) return ctx.store.liveHeads();
  const keys = ctx.listKeys();
  const heads: StoryHead[] = [];
  for (const num of found.matches.nums) if (keys.status(num) !== GONE) heads.push(keys.head(num));
  return heads;
}

function requireSaved(ctx: ServiceContext, id: string) {
  const saved = ctx.store.meta.savedSearches.find((search) => search.id === id);
  if (!saved) throw new ServiceError('not-found', 'That saved search no longer exists.');
  return saved;
}

export const searchesHandlers: PartialHandlers<SearchesMethod> = {
  'searches.list': (_input, ctx) => ctx.store.meta.savedSearches,

  'searches.save': async (input, ctx) => {
    const name = input.name.trim();
    if (ctx.store.meta.savedSearches.some((search) => fold(search.name) === fold(name))) {
      throw new ServiceError('conflict', `A saved search called "${name}" already exists; pick another name.`, { code: 'search.nameTaken', name });
    }
    const saved = { id: newId('q'), name, query: input.query };
    await ctx.store.update({ code: 'search.save' }, (meta) => ({ ...meta, savedSearches: [...meta.savedSearches, saved] }));
    return saved;
  },

  'searches.rename': async (input, ctx) => {
    requireSaved(ctx, input.id);
    const name = input.name.trim();
    if (ctx.store.meta.savedSearches.some((search) => search.id !== input.id && fold(search.name) === fold(name))) {
      throw new ServiceError('conflict', `A saved search called "${name}" already exists; pick another name.`, { code: 'search.nameTaken', name });
    }
    await ctx.store.update({ code: 'search.rename' }, (meta) => ({
      ...meta,
      savedSearches: meta.savedSearches.map((search) => (search.id === input.id ? { ...search, name } : search)),
    }));
    return requireSaved(ctx, input.id);
  },

  'searches.delete': async (input, ctx) => {
    requireSaved(ctx, input.id);
    await ctx.store.update({ code: 'search.delete' }, (meta) => ({ ...meta, savedSearches: meta.savedSearches.filter((search) => search.id !== input.id) }));
    return { deleted: input.id };
  },

  'stories.facets': (input, ctx) => facets(ctx, input),
  'stories.snippets': (input, ctx) => storySnippets(ctx, input),
};
