// Typed links, series and related-story suggestions.
import { z } from 'zod';
import type { Link, LinkType, StoryKind, StorySummary } from '../types';
import { def, idListSchema, idSchema, optionalLineSchema, textSchema } from './define';

export const LINK_TYPES = ['series', 'follow-up', 'background', 'same-event', 'related'] as const satisfies readonly LinkType[];
export const linkTypeSchema = z.enum(LINK_TYPES);

/**
 * How a link reads from one of its ends: "this story is <label> the other one".
 * Directed types are stored once (`from` → `to`):
 * - `follow-up`: `to` follows up on `from` → from `from`: `followed-by`; from `to`: `follow-up-of`.
 * - `background`: `from` is background to `to` → from `from`: `background-to`; from `to`: `has-background`.
 * The other types read the same from both ends.
 */
export type LinkLabel = 'series' | 'follow-up-of' | 'followed-by' | 'background-to' | 'has-background' | 'same-event' | 'related';

/** English wording of each label (the UI has its own dictionaries; the CLI prints these). */
export const LINK_LABEL_TEXT: Record<LinkLabel, string> = {
  series: 'same series as',
  'follow-up-of': 'follow-up of',
  'followed-by': 'followed by',
  'background-to': 'background to',
  'has-background': 'has background',
  'same-event': 'same event as',
  related: 'related to',
};

/** One link as seen from one story. */
export interface LinkView {
  link: Link;
  label: LinkLabel;
  /** The story at the other end. */
  otherId: string;
  /** The other story as the list shows it, or null when it was deleted from the library. */
  other: StorySummary | null;
}

/**
 * A requested link that was not made: `self` (a story and itself), `linked` (the two are
 * linked already, as asked) or `linkedOtherwise` (linked already with another relation, which
 * can be changed instead).
 */
export interface LinkSkip {
  storyId: string;
  reason: 'self' | 'linked' | 'linkedOtherwise';
  /** The relation the two have (`linked`, `linkedOtherwise`). */
  linkedAs?: LinkType;
}

export interface LinkCreateResult {
  /** New links, seen from `from`. */
  created: LinkView[];
  /** Requested stories that were not linked, and why. */
  skipped: LinkSkip[];
}

/** How a story got its place on the timeline. */
export type SeriesPlacement = 'date' | 'links' | 'unplaced';

export interface SeriesEntry {
  story: StorySummary;
  /** The editor-set date, or null. */
  date: string | null;
  dateKnown: boolean;
  /**
   * `date`: by its own date; `links`: no date, placed after the story it follows up on
   * (or before the one following it up); `unplaced`: no date and no dated story in its
   * follow-up chain, so it is listed after the dated ones in link/import order.
   */
  placement: SeriesPlacement;
}

/** The series a story belongs to: its connected `series`/`follow-up` links, in timeline order. */
export interface SeriesView {
  /** The story asked about. */
  storyId: string;
  /** The name the editor gave the series (`series.rename`), or null; always null for a story on its own. */
  name: string | null;
  entries: SeriesEntry[];
  /** The `series` and `follow-up` links between the entries. */
  links: Link[];
  /** The follow-up links go round in a circle somewhere; the order there falls back to import order. */
  cycle: boolean;
  /** Follow-ups whose set date is before the story they follow up on (dates win on the timeline). */
  dateConflicts: { from: string; to: string }[];
}

/** Why a story is suggested as related to another, at most one of each kind, in this order. */
export type RelatedReason =
  /** Names both stories mention (people, places, organisations), the rarest first, at most 4, as written. */
  | { kind: 'sharedEntities'; names: string[] }
  /** Telling words both stories use, the weightiest first, at most 4, as written (`geïsoleerde`). */
  | { kind: 'sharedTerms'; terms: string[] }
  /** Both stories' dates are known: the days between them (0: the same day). */
  | { kind: 'daysApart'; days: number };

/**
 * A distance in days as an editor would say it: days up to 60, then months, from two
 * years on years (rounded). For whoever puts `daysApart` into words.
 */
export function roundedDistance(days: number): { unit: 'day' | 'month' | 'year'; count: number } {
  if (days <= 60) return { unit: 'day', count: days };
  if (days < 730) return { unit: 'month', count: Math.round(days / 30.44) };
  return { unit: 'year', count: Math.round(days / 365.25) };
}

/** One related-story suggestion, best first. */
export interface RelatedSuggestion {
  id: string;
  headline: string;
  kind: StoryKind;
  /** 0..1, higher is more related. */
  score: number;
  /** Reasons a person can check, as data: the renderer and the CLI put them into words. */
  reasons: RelatedReason[];
  story: StorySummary;
  /** How sure the suggestion is (see RELATED_BANDS); `weak` ones are shown apart, on request. */
  band: RelatedBand;
}

/**
 * Confidence of a related-story suggestion, from score thresholds calibrated on a labelled
 * Dutch set (docs/QUALITY.md): `strong` ≥ 0.25, `possible` ≥ 0.10 with a shared name or two
 * shared telling words, `weak` otherwise (no suggestion across unrelated worlds was above it).
 */
export type RelatedBand = 'strong' | 'possible' | 'weak';
export const RELATED_BANDS = ['strong', 'possible', 'weak'] as const satisfies readonly RelatedBand[];

const noteSchema = textSchema;

export const createLinksSchema = z.strictObject({
  from: idSchema,
  /** One or several stories: each gets its own link from `from`. */
  to: z.union([idSchema, idListSchema.min(1)]),
  type: linkTypeSchema,
  note: noteSchema.optional(),
});

/** Remove one link by id, or every link between two stories. */
export const removeLinksSchema = z
  .strictObject({ id: idSchema.optional(), storyA: idSchema.optional(), storyB: idSchema.optional() })
  .superRefine((value, issues) => {
    const byId = value.id !== undefined;
    const byPair = value.storyA !== undefined || value.storyB !== undefined;
    if (byId === byPair || (byPair && (value.storyA === undefined || value.storyB === undefined))) {
      issues.addIssue({ code: 'custom', message: 'give either id, or both storyA and storyB' });
    }
  });

export const linksContract = {
  /** Every link of a story, each read from that story's end. */
  'links.list': def<LinkView[]>()(z.strictObject({ storyId: idSchema })),
  /**
   * Links `from` to each story in `to`. One link per pair of stories: a pair that is already
   * linked is `conflict` (change its type with `links.update`); with several targets those
   * are skipped and reported, and the rest are linked in one undo step.
   */
  'links.create': def<LinkCreateResult>()(createLinksSchema),
  /** Changes type and/or note; `reverse` swaps the ends (for follow-up and background). */
  /**
   * Several stories to several others in one undo step: each pair gets its own link
   * (`from` → `to`, as `links.create` reads them). Pairs of one story, pairs already
   * linked and repeated pairs are skipped and reported; when none is left, `conflict`.
   */
  'links.createPairs': def<{ created: Link[]; skipped: LinkSkip[] }>()(
    z.strictObject({
      pairs: z.array(z.strictObject({ from: idSchema, to: idSchema })).min(1).max(1_000),
      type: linkTypeSchema,
      note: noteSchema.optional(),
    }),
  ),
  'links.update': def<LinkView>()(
    z.strictObject({ id: idSchema, type: linkTypeSchema.optional(), note: noteSchema.optional(), reverse: z.boolean().optional() }),
  ),
  'links.remove': def<{ removed: number }>()(removeLinksSchema),
  'series.get': def<SeriesView>()(z.strictObject({ storyId: idSchema })),
  /**
   * Names (or renames) the series `storyId` is in; an empty name clears it (undoable). A story
   * without series or follow-up links is not a series: `invalid-input`. Answers the series.
   */
  'series.rename': def<SeriesView>()(z.strictObject({ storyId: idSchema, name: optionalLineSchema })),
  /** Needs the related index; without it `unsupported`. Linked and dismissed stories are left out. */
  'related.list': def<RelatedSuggestion[]>()(z.strictObject({ storyId: idSchema, limit: z.number().int().min(1).max(100).optional() })),
  /** Hides the pair from each other's suggestions (undoable). */
  'related.dismiss': def<{ storyId: string; otherId: string }>()(z.strictObject({ storyId: idSchema, otherId: idSchema })),
} as const;
