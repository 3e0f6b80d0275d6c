import { touches, type ChangeSet } from '../../../../shared/contract/changes';
import type { ChronologyView } from '../../../../shared/contract/chronology';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { ChronologyDate } from '../../../../shared/types';
import { toServiceError } from '../../client';
import { latestAnswer } from '../../store/latest-answer';
import type { LoadState } from '../../store/load-state';
import type { SliceCreator } from '../../store/types';
import { formatChronologyDate } from './chronology-format';

export type ReviewStatus = 'approved' | 'rejected' | 'draft';

/** The open dossier's chronology: drafted on request, then every edit answers with the whole of it. */
export interface ChronologySlice {
  /** The chronology last drafted, of dossier `chronology.dossierId` (the view shows it only while that dossier is open). */
  chronology: ChronologyView | null;
  chronologyState: LoadState;
  chronologyError: ServiceError | null;
  /** The last edit that failed; `lineGone`: its line no longer existed (the draft moved on), and the chronology was drafted again. */
  chronologyEditError: { error: ServiceError; lineGone: boolean } | null;
  /** An edit is on its way. */
  chronologyBusy: boolean;
  /** What the last edit did, for the live region. */
  chronologyAnnouncement: string;
  /** Drafts (or drafts again) the open dossier's chronology. */
  draftChronology(): Promise<void>;
  reviewChronology(keys: string[], status: ReviewStatus): Promise<boolean>;
  editChronologyLine(key: string, changes: { summary?: string; date?: ChronologyDate }): Promise<boolean>;
  mergeChronology(keys: string[]): Promise<boolean>;
  splitChronology(key: string): Promise<boolean>;
  /** Dates a story of the dossier (one without a date yields no lines); the change set drafts the chronology again. */
  dateChronologyStory(storyId: string, isoDay: string, done: string): Promise<boolean>;
  /** Drafts again when a change made elsewhere (another window, an undo) touched the shown chronology's dossier or its stories. */
  refreshChronologyFor(changes: ChangeSet): Promise<void> | null;
}

export const createChronologySlice: SliceCreator<ChronologySlice> = (set, get, { client }) => {
  const answer = latestAnswer();
  // The commits of this window's own edits arrive while they run: their answer already shows them.
  let ownEdits = 0;
  const openId = () => (get().view.kind === 'dossier' ? (get().view as { id: string }).id : null);

  async function load(id: string, keepError = false): Promise<void> {
    set((state) => ({
      chronologyState: 'loading',
      chronologyError: null,
      ...(keepError ? {} : { chronologyEditError: null }),
      // Another dossier's chronology is not shown while this one's is drafted.
      chronology: state.chronology?.dossierId === id ? state.chronology : null,
    }));
    await answer.load(
      () => client.call('chronology.get', { id }),
      (view) => set({ chronology: view, chronologyState: 'ready' }),
      (error) => set({ chronologyState: 'error', chronologyError: toServiceError(error) }),
    );
  }

  async function edit(run: (id: string) => Promise<ChronologyView>, announce: (view: ChronologyView) => string): Promise<boolean> {
    const id = openId();
    if (!id) return false;
    ownEdits++;
    set({ chronologyBusy: true });
    try {
      const view = await run(id);
      // An answer supersedes any draft still on its way.
      answer.drop();
      if (openId() === view.dossierId) set({ chronology: view, chronologyState: 'ready', chronologyEditError: null, chronologyAnnouncement: announce(view) });
      return true;
    } catch (error) {
      const failure = toServiceError(error);
      const lineGone = failure.code === 'not-found' && openId() === id && get().dossier?.dossier.id === id;
      set({ chronologyEditError: { error: failure, lineGone }, chronologyAnnouncement: '' });
      // The line went away under the editor (a re-draft, a removed story): show what there is now.
      if (lineGone) await load(id, true);
      return false;
    } finally {
      ownEdits--;
      set({ chronologyBusy: false });
    }
  }

  const t = () => get().t.chronology;
  const dateOf = (view: ChronologyView, key: string) => {
    const line = view.lines.find((candidate) => candidate.key === key);
    return line ? formatChronologyDate(line.date, get().language, t()) : '';
  };

  return {
    chronology: null,
    chronologyState: 'idle',
    chronologyError: null,
    chronologyEditError: null,
    chronologyBusy: false,
    chronologyAnnouncement: '',

    async draftChronology() {
      const id = openId();
      if (!id) return;
      set({ chronologyAnnouncement: '' });
      await load(id);
    },

    reviewChronology(keys, status) {
      return edit(
        (id) => client.call('chronology.review', { id, keys, status }),
        () => t()(`done.${status}`, { count: keys.length }),
      );
    },

    editChronologyLine(key, changes) {
      return edit(
        (id) => client.call('chronology.edit', { id, key, ...changes }),
        (view) => t()('done.edited', { date: dateOf(view, key) }),
      );
    },

    mergeChronology(keys) {
      return edit(
        (id) => client.call('chronology.merge', { id, keys }),
        () => t()('done.merged', { count: new Set(keys).size }),
      );
    },

    splitChronology(key) {
      const sources = get().chronology?.lines.find((line) => line.key === key)?.sources.length ?? 2;
      return edit(
        (id) => client.call('chronology.split', { id, key }),
        () => t()('done.split', { count: sources }),
      );
    },

    async dateChronologyStory(storyId, isoDay, done) {
      try {
        await client.call('stories.setDate', { id: storyId, date: isoDay });
        set({ chronologyAnnouncement: done, chronologyEditError: null });
        await get().settled();
        return true;
      } catch (error) {
        set({ chronologyEditError: { error: toServiceError(error), lineGone: false } });
        return false;
      }
    },

    refreshChronologyFor(changes) {
      const shown = get().chronology;
      const id = openId();
      if (!shown || shown.dossierId !== id || ownEdits > 0) return null;
      const storyIds = new Set(get().dossier?.entries.map((entry) => entry.storyId) ?? []);
      const storyTouched = (ids: ChangeSet['dates']) => ids === 'all' || (ids ?? []).some((storyId) => storyIds.has(storyId));
      if (touches(changes, 'dossiers', id) || storyTouched(changes.dates) || storyTouched(changes.stories)) return load(id);
      return null;
    },
  };
};
