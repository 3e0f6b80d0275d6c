// A dossier's chronology: the draft worked out from its stories, and the editor's decisions on it.
import { z } from 'zod';
import type { ChronologyLine } from '../types';
import { def, idSchema } from './define';

/** A line as the dossier view shows it: a draft line, or one the editor approved or rejected. */
export interface ChronologyViewLine extends Omit<ChronologyLine, 'status'> {
  status: 'draft' | 'approved' | 'rejected';
  /** The story headline of each source, in source order (null: no longer in the library). */
  headlines: (string | null)[];
}

export interface ChronologyView {
  dossierId: string;
  /** Oldest first; within a date the more precise first. */
  lines: ChronologyViewLine[];
  counts: { draft: number; approved: number; rejected: number };
  /** Stories of the dossier without a known date: their relative dates ("dinsdag") could not be resolved. */
  undatedStories: number;
}

/** `storyId:paragraph:offset`, with `#n` for a line split off another. */
export const chronologyKeySchema = z.string().min(3).max(200).regex(/^[A-Za-z0-9_-]+:\d{1,6}:\d{1,7}(?:#\d{1,4})?$/, 'invalid chronology line key');
const keysSchema = z.array(chronologyKeySchema).min(1).max(1_000);

export const chronologyDateSchema = z.strictObject({
  granularity: z.enum(['day', 'week', 'month', 'year']),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value, 'no such date'),
});

export const chronologyContract = {
  /** The dossier's chronology: the editor's lines and, for whatever they have not decided on, the current draft. */
  'chronology.get': def<ChronologyView>()(z.strictObject({ id: idSchema })),
  /** Approves or rejects lines, or sets them back to draft (their decision undone). */
  'chronology.review': def<ChronologyView>()(z.strictObject({ id: idSchema, keys: keysSchema, status: z.enum(['approved', 'rejected', 'draft']) })),
  /** The editor's own wording and/or date for a line (it stays linked to its sources); the line is approved. */
  'chronology.edit': def<ChronologyView>()(
    z.strictObject({ id: idSchema, key: chronologyKeySchema, summary: z.string().trim().min(1).max(2_000).optional(), date: chronologyDateSchema.optional() }),
  ),
  /** Merges lines into the first: one happening, all sources kept, approved. */
  'chronology.merge': def<ChronologyView>()(z.strictObject({ id: idSchema, keys: keysSchema.min(2) })),
  /** Splits a line with several sources back into one line per source, approved. */
  'chronology.split': def<ChronologyView>()(z.strictObject({ id: idSchema, key: chronologyKeySchema })),
} as const;
