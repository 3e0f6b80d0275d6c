import { z } from 'zod';
import type { DiffPart, Story, StorySummary, StoryVersionSummary, UpdateProposalView } from '../types';
import { def, idSchema } from './define';

// A wire story across its agency versions: the version rail, an older version as the
// reader shows it, the word-level difference between two versions, and "new since you
// last opened it".

export const versionNumberSchema = z.number().int().min(1).max(1_000_000);

export const versionsContract = {
  /** The story's stored versions, oldest first; empty for a story that did not come from a feed. */
  'story.versions': def<StoryVersionSummary[]>()(z.strictObject({ id: idSchema })),
  /** One stored version of a wire story, as the reader shows it (`wire.version` says which). */
  'story.version': def<Story>()(z.strictObject({ id: idSchema, version: versionNumberSchema })),
  /** Word-level difference from version `from` to version `to` (headline and text), in reading order. */
  'story.diff': def<DiffPart[]>()(z.strictObject({ id: idSchema, from: versionNumberSchema, to: versionNumberSchema })),
  /** The editor opened the story: its newest version is no longer "new since you last opened it". */
  'library.markOpened': def<StorySummary>()(z.strictObject({ id: idSchema })),
  /**
   * "Looks like an update of …" proposals for page text: the open ones (default), or every
   * one; with `storyId`, those where that story is either side (the reader's proposal bar).
   */
  'proposals.list': def<UpdateProposalView[]>()(z.strictObject({ storyId: idSchema.optional(), all: z.boolean().optional() })),
  /** Merge: the proposal's new text becomes the next version of the stored story (undoable). */
  'proposals.accept': def<UpdateProposalView>()(z.strictObject({ id: idSchema })),
  /** Keep separate: both stay stories of their own, and the pair is never proposed again (undoable). */
  'proposals.decline': def<UpdateProposalView>()(z.strictObject({ id: idSchema })),
} as const;
