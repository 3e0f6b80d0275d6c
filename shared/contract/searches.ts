// Saved searches and filter facets.
import { z } from 'zod';
import { def, empty, idSchema, nameSchema } from './define';
import { listQuerySchema, type ListQuery } from './library';

export interface SavedSearchItem {
  id: string;
  name: string;
  /** The list query as saved (search text and filters; paging is not saved). */
  query: ListQuery;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** Values the filters can offer, with live story counts, most common first. */
export interface Facets {
  places: FacetValue[];
  agencies: FacetValue[];
  sections: FacetValue[];
  /** Earliest and latest editor-set dates, or null when no story has one. */
  dates: { from: string; to: string } | null;
  /** Tags (`value` is the tag id) on the stories the query lists, with how many each. */
  tags?: FacetValue[];
}

/**
 * The list's query (search text and filters) the facets count under: each facet counts
 * the stories matching the text and every filter except its own (the place facet
 * ignores the place filter, so the other places stay on offer). Empty: the whole library.
 */
export const facetsQuerySchema = listQuerySchema.omit({ offset: true, limit: true, sort: true, dir: true });

const savedQuerySchema = listQuerySchema.omit({ offset: true, limit: true });

export const searchesContract = {
  'searches.list': def<SavedSearchItem[]>()(empty),
  'searches.save': def<SavedSearchItem>()(z.strictObject({ name: nameSchema, query: savedQuerySchema })),
  'searches.rename': def<SavedSearchItem>()(z.strictObject({ id: idSchema, name: nameSchema })),
  'searches.delete': def<{ deleted: string }>()(z.strictObject({ id: idSchema })),
  'stories.facets': def<Facets>()(facetsQuerySchema),
} as const;
