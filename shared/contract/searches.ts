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

/**
 * A few lines of a story's text around the first words a search matched (the start
 * of the text when only the headline, place, tags or note matched). The text is the
 * story's own; `highlights` are [start, end) offsets into it of the matched words, to
 * be marked as text (never HTML).
 */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
  /** Text left out before / after: show an ellipsis. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface StorySnippet {
  id: string;
  /** Null when the story has no text (or is no longer in the library). */
  snippet: Snippet | null;
}

/** Snippets are asked for the rows on screen, not for every hit. */
export const MAX_SNIPPET_IDS = 200;

const savedQuerySchema = listQuerySchema.omit({ offset: true, limit: true });

export const searchesContract = {
  'searches.list': def<SavedSearchItem[]>()(empty),
  'searches.save': def<SavedSearchItem>()(z.strictObject({ name: nameSchema, query: savedQuerySchema })),
  'searches.rename': def<SavedSearchItem>()(z.strictObject({ id: idSchema, name: nameSchema })),
  'searches.delete': def<{ deleted: string }>()(z.strictObject({ id: idSchema })),
  'stories.facets': def<Facets>()(facetsQuerySchema),
  /** Snippets of these stories for the search text, in the order asked (the rows on screen). */
  'stories.snippets': def<StorySnippet[]>()(z.strictObject({ query: z.string().max(1_000), ids: z.array(idSchema).min(1).max(MAX_SNIPPET_IDS) })),
} as const;
