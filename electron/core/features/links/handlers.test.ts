import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../../shared/contract/library';
import type { LinkCreateResult, LinkView, RelatedSuggestion, SeriesView } from '../../../../shared/contract/links';
import type { StorySummary } from '../../../../shared/types';
import { openKroniek, type KroniekCore } from '../../app';
import { importPaths } from '../../import/importer';
import { withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';

// Links, series and related suggestions through the dispatcher, on a real store
// in a temp folder filled with the five sample stories (and their briefs).

const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../seeds');

/** The five sample articles by what they report (headline words), so tests read as the news does. */
interface Seeds {
  support: string; // June 2023: Kim's support on Russia Day
  leaves: string; // September 2023: Kim leaves Russia
  visit: string; // June 2024: Poetin's rare visit
  thanks: string; // June 2024: Poetin thanks Kim
  treaty: string; // June 2024: the partnership signed
  briefs: string[];
}

/**
 * Links and series never search: their tests open with lazy indexes (the CLI's mode), so the
 * indexes are built once, from the imported seeds, when the list first asks for them, rather than
 * from an empty library and then story by story as the seeds come in. The related tests open
 * with eager indexes, as the app does: they are about the index the core builds in the background.
 */
async function withSeeds<T>(run: (core: KroniekCore, seeds: Seeds) => Promise<T>, indexes: 'eager' | 'lazy' = 'lazy'): Promise<T> {
  return withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), indexes });
    try {
      await importPaths(core.context.store, [SEEDS_DIR], core.context.importOptions);
      const list = await ok<{ items: StorySummary[] }>(core, 'stories.list', { sort: 'imported', dir: 'asc', limit: 1_000 });
      const find = (words: string) => {
        const found = list.items.find((story) => story.kind === 'article' && story.headline.includes(words));
        if (!found) throw new Error(`no sample article with "${words}"`);
        return found.id;
      };
      const seeds: Seeds = {
        support: find('volledige steun'),
        leaves: find('vertrekt'),
        visit: find('zeldzaam bezoek'),
        thanks: find('dankt'),
        treaty: find('tekenen'),
        briefs: list.items.filter((story) => story.kind === 'brief').map((story) => story.id),
      };
      return await run(core, seeds);
    } finally {
      await core.close();
    }
  });
}



const links = (core: KroniekCore, storyId: string) => ok<LinkView[]>(core, 'links.list', { storyId });
const undoLabel = async (core: KroniekCore) => (await ok<HistoryState>(core, 'history.state', {})).undoLabel;
const undo = (core: KroniekCore) => ok<HistoryState>(core, 'history.undo', {});
const redo = (core: KroniekCore) => ok<HistoryState>(core, 'history.redo', {});
const linkCount = async (core: KroniekCore, id: string) => (await ok<StorySummary>(core, 'stories.get', { id })).linkCount;

describe('links service', () => {
  it('links two stories and shows the link from both ends with the right wording', async () => {
    await withSeeds(async (core, s) => {
      const made = await ok<LinkCreateResult>(core, 'links.create', { from: s.support, to: s.leaves, type: 'follow-up', note: 'Zelfde toenadering' });
      expect(made.skipped).toEqual([]);
      expect(made.created).toHaveLength(1);
      expect(made.created[0]).toMatchObject({ label: 'followed-by', otherId: s.leaves, link: { from: s.support, to: s.leaves, type: 'follow-up', note: 'Zelfde toenadering' } });
      expect(made.created[0]!.other?.headline).toContain('vertrekt');
      expect(await undoLabel(core)).toEqual({ code: 'link.create', count: 1 });

      const fromBase = await links(core, s.support);
      const fromFollowUp = await links(core, s.leaves);
      expect(fromBase.map((view) => [view.label, view.otherId])).toEqual([['followed-by', s.leaves]]);
      expect(fromFollowUp.map((view) => [view.label, view.otherId])).toEqual([['follow-up-of', s.support]]);
      expect(fromFollowUp[0]!.other?.headline).toContain('volledige steun');
      expect(await linkCount(core, s.leaves)).toBe(1);

      await ok(core, 'links.create', { from: s.leaves, to: s.visit, type: 'background' });
      expect((await links(core, s.visit)).map((view) => view.label)).toEqual(['has-background']);
      expect((await links(core, s.leaves)).map((view) => view.label).sort()).toEqual(['background-to', 'follow-up-of']);
    });
  });

  it('refuses self-links, duplicates and a second type between a linked pair, changing nothing', async () => {
    await withSeeds(async (core, s) => {
      expect(await failure(core, 'links.create', { from: s.visit, to: s.visit, type: 'related' })).toEqual({ code: 'invalid-input', message: 'A story cannot be linked to itself.', reason: { code: 'link.nothing', why: 'self' } });
      await ok(core, 'links.create', { from: s.visit, to: s.thanks, type: 'same-event' });
      expect((await failure(core, 'links.create', { from: s.thanks, to: s.visit, type: 'same-event' })).code).toBe('conflict');
      const second = await failure(core, 'links.create', { from: s.visit, to: s.thanks, type: 'series' });
      expect(second.code).toBe('conflict');
      expect(second.message).toContain('already linked as "same-event"');
      expect((await failure(core, 'links.create', { from: s.visit, to: 'nope', type: 'series' })).code).toBe('not-found');
      expect((await failure(core, 'links.create', { from: s.visit, to: s.thanks, type: 'sequel' })).code).toBe('invalid-input');
      expect(await links(core, s.visit)).toHaveLength(1);
    });
  });

  it('links one story to several at once in one undo step, reporting what it skipped', async () => {
    await withSeeds(async (core, s) => {
      await ok(core, 'links.create', { from: s.treaty, to: s.thanks, type: 'related' });
      const made = await ok<LinkCreateResult>(core, 'links.create', { from: s.treaty, to: [s.visit, s.treaty, s.thanks, s.leaves], type: 'series' });
      expect(made.created.map((view) => view.otherId)).toEqual([s.visit, s.leaves]);
      expect(made.skipped.map((skip) => skip.storyId)).toEqual([s.treaty, s.thanks]);
      expect(await undoLabel(core)).toEqual({ code: 'link.create', count: 4 });
      expect(await links(core, s.treaty)).toHaveLength(3);
      await undo(core);
      expect(await links(core, s.treaty)).toHaveLength(1);
      await redo(core);
      expect(await links(core, s.treaty)).toHaveLength(3);
    });
  });

  it('links several stories to several others in one undo step, skipping a story itself and pairs already linked', async () => {
    await withSeeds(async (core, s) => {
      await ok(core, 'links.create', { from: s.support, to: s.visit, type: 'related' });
      const result = await ok<{ created: { from: string; to: string; type: string }[]; skipped: { storyId: string }[] }>(core, 'links.createPairs', {
        pairs: [
          { from: s.visit, to: s.support },
          { from: s.visit, to: s.leaves },
          { from: s.thanks, to: s.leaves },
          { from: s.thanks, to: s.thanks },
          { from: s.leaves, to: s.visit },
        ],
        type: 'series',
      });
      expect(result.created.map((link) => [link.from, link.to, link.type])).toEqual([
        [s.visit, s.leaves, 'series'],
        [s.thanks, s.leaves, 'series'],
      ]);
      expect(result.skipped).toEqual([
        { storyId: s.support, reason: 'linkedOtherwise', linkedAs: 'related' },
        { storyId: s.thanks, reason: 'self' },
        { storyId: s.visit, reason: 'linked', linkedAs: 'series' },
      ]);
      expect(await linkCount(core, s.leaves)).toBe(2);
      expect(await undoLabel(core)).toEqual({ code: 'link.create', count: 5 });
      await undo(core);
      expect(await linkCount(core, s.leaves)).toBe(0);
      expect(await linkCount(core, s.visit)).toBe(1);
      const nothing = await failure(core, 'links.createPairs', { pairs: [{ from: s.support, to: s.visit }], type: 'series' });
      expect(nothing.code).toBe('conflict');
      expect((await failure(core, 'links.createPairs', { pairs: [{ from: s.support, to: 'nope' }], type: 'series' })).code).toBe('not-found');
    });
  });

  it('edits type and note, reverses, and removes by id or by pair, each undoable', async () => {
    await withSeeds(async (core, s) => {
      const made = await ok<LinkCreateResult>(core, 'links.create', { from: s.visit, to: s.thanks, type: 'related' });
      const id = made.created[0]!.link.id;

      const changed = await ok<LinkView>(core, 'links.update', { id, type: 'follow-up', note: 'Dag twee' });
      expect(changed).toMatchObject({ label: 'followed-by', otherId: s.thanks, link: { type: 'follow-up', note: 'Dag twee' } });
      expect(await undoLabel(core)).toEqual({ code: 'link.edit' });
      const reversed = await ok<LinkView>(core, 'links.update', { id, reverse: true });
      expect(reversed).toMatchObject({ label: 'follow-up-of', otherId: s.thanks, link: { from: s.thanks, to: s.visit } });
      expect(await undoLabel(core)).toEqual({ code: 'link.reverse' });
      await undo(core);
      expect((await links(core, s.visit))[0]!.label).toBe('followed-by');

      expect(await ok(core, 'links.remove', { id })).toEqual({ removed: 1 });
      expect(await links(core, s.visit)).toEqual([]);
      await undo(core);
      expect(await links(core, s.visit)).toHaveLength(1);

      expect(await ok(core, 'links.remove', { storyA: s.thanks, storyB: s.visit })).toEqual({ removed: 1 });
      expect(await undoLabel(core)).toEqual({ code: 'link.unlink' });
      expect(await linkCount(core, s.thanks)).toBe(0);
      expect((await failure(core, 'links.remove', { storyA: s.thanks, storyB: s.visit })).code).toBe('not-found');
      expect((await failure(core, 'links.remove', { id: 'l0' })).code).toBe('not-found');
      expect((await failure(core, 'links.remove', { id, storyA: s.thanks, storyB: s.visit })).code).toBe('invalid-input');
      expect((await failure(core, 'links.remove', { storyA: s.thanks })).code).toBe('invalid-input');
    });
  });
});

describe('series service', () => {
  it('shows the Kim–Poetin series as a timeline by date after the dates are set, undated stories placed by links', async () => {
    await withSeeds(async (core, s) => {
      // Linked out of order, the way an editor finds them.
      await ok(core, 'links.create', { from: s.treaty, to: [s.thanks, s.visit], type: 'series' });
      await ok(core, 'links.create', { from: s.support, to: s.leaves, type: 'follow-up' });
      await ok(core, 'links.create', { from: s.leaves, to: s.visit, type: 'follow-up' });
      await ok(core, 'links.create', { from: s.treaty, to: s.briefs[0], type: 'related' });

      const before = await ok<SeriesView>(core, 'series.get', { storyId: s.thanks });
      expect(before.entries).toHaveLength(5);
      expect(before.entries.every((entry) => !entry.dateKnown)).toBe(true);
      const ids = (view: SeriesView) => view.entries.map((entry) => entry.story.id);
      // Without dates, the follow-up chain still orders support → leaves → visit.
      const chain = ids(before).filter((id) => [s.support, s.leaves, s.visit].includes(id));
      expect(chain).toEqual([s.support, s.leaves, s.visit]);

      await ok(core, 'stories.setDate', { id: s.support, date: '2023-06-12' });
      await ok(core, 'stories.setDate', { id: s.visit, date: '2024-06-18' });
      await ok(core, 'stories.setDate', { id: s.thanks, date: '2024-06-19' });
      await ok(core, 'stories.setDate', { id: s.treaty, date: '2024-06-19' });
      const after = await ok<SeriesView>(core, 'series.get', { storyId: s.support });
      expect(ids(after).slice(0, 3)).toEqual([s.support, s.leaves, s.visit]);
      expect(new Set(ids(after).slice(3))).toEqual(new Set([s.thanks, s.treaty]));
      const leaves = after.entries[1]!;
      expect(leaves).toMatchObject({ date: null, dateKnown: false, placement: 'links' });
      expect(after.entries[0]).toMatchObject({ date: '2023-06-12', dateKnown: true, placement: 'date' });
      expect(after.links).toHaveLength(4);
      expect(after.cycle).toBe(false);

      // Undo the last date: the timeline follows.
      await undo(core);
      const undone = await ok<SeriesView>(core, 'series.get', { storyId: s.support });
      expect(undone.entries.find((entry) => entry.story.id === s.treaty)!.dateKnown).toBe(false);
    });
  });

  it('names and renames a series, keeps the name when a story joins or the series splits, and undoes each step', async () => {
    await withSeeds(async (core, s) => {
      await ok(core, 'links.create', { from: s.support, to: s.leaves, type: 'follow-up' });
      await ok(core, 'links.create', { from: s.leaves, to: s.visit, type: 'series' });
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.visit })).name).toBeNull();

      const answer = await core.dispatch('series.rename', { storyId: s.leaves, name: '  Kim  en   Poetin ' });
      if (!answer.ok) throw new Error(answer.error.message);
      expect((answer.value as SeriesView).name).toBe('Kim en Poetin');
      // The change set names the series' stories under links: their timeline reads differently.
      expect(new Set(answer.commits?.[0]?.changes.links)).toEqual(new Set([s.support, s.leaves, s.visit]));
      expect(answer.commits?.[0]?.changes.history).toBe(true);
      expect(await undoLabel(core)).toEqual({ code: 'series.rename' });
      for (const id of [s.support, s.leaves, s.visit]) expect((await ok<SeriesView>(core, 'series.get', { storyId: id })).name).toBe('Kim en Poetin');

      // A story that joins the series finds it named; renaming names it on every member.
      await ok(core, 'links.create', { from: s.visit, to: s.thanks, type: 'series' });
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.thanks })).name).toBe('Kim en Poetin');
      await ok(core, 'series.rename', { storyId: s.thanks, name: 'Noord-Korea en Rusland' });
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.support })).name).toBe('Noord-Korea en Rusland');

      // Undo: the old name again; redo: the new one. An empty name clears it.
      await undo(core);
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.support })).name).toBe('Kim en Poetin');
      await redo(core);
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.support })).name).toBe('Noord-Korea en Rusland');
      await ok(core, 'series.rename', { storyId: s.support, name: '' });
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.thanks })).name).toBeNull();
      await undo(core);

      // Split in two: both halves keep the name; a story left on its own has none.
      await ok(core, 'links.remove', { storyA: s.leaves, storyB: s.visit });
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.support })).name).toBe('Noord-Korea en Rusland');
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.thanks })).name).toBe('Noord-Korea en Rusland');
      await ok(core, 'links.remove', { storyA: s.visit, storyB: s.thanks });
      expect((await ok<SeriesView>(core, 'series.get', { storyId: s.thanks })).name).toBeNull();

      // A story in no series cannot name one; names are limited in length like other names.
      expect((await failure(core, 'series.rename', { storyId: s.treaty, name: 'Los' })).code).toBe('invalid-input');
      expect((await failure(core, 'series.rename', { storyId: s.support, name: 'x'.repeat(201) })).code).toBe('invalid-input');
    });
  });

  it('is a series of one for a story without series links, and not-found for an unknown story', async () => {
    await withSeeds(async (core, s) => {
      const view = await ok<SeriesView>(core, 'series.get', { storyId: s.visit });
      expect(view.entries.map((entry) => entry.story.id)).toEqual([s.visit]);
      expect((await failure(core, 'series.get', { storyId: 'nope' })).code).toBe('not-found');
    });
  });
});

describe('related service', () => {
  it('uses the index the core builds in the background: the other seed articles come first', async () => {
    await withSeeds(async (core, s) => {
      await core.library.whenReady();
      const top = await ok<RelatedSuggestion[]>(core, 'related.list', { storyId: s.visit, limit: 4 });
      expect(top.map((item) => item.kind)).toEqual(['article', 'article', 'article', 'article']);
    }, 'eager');
  });

  it('lists related stories best first with summaries, leaving out linked and dismissed ones', async () => {
    await withSeeds(async (core, s) => {
      await core.library.whenReady();
      const first = await ok<RelatedSuggestion[]>(core, 'related.list', { storyId: s.visit, limit: 6 });
      expect(first.length).toBeGreaterThan(3);
      for (const item of first) {
        expect(item.story.id).toBe(item.id);
        expect(item.headline).toBe(item.story.headline);
        expect(item.reasons.length).toBeGreaterThan(0);
        // Reasons are data, at most one of each kind, in a fixed order; no sentences.
        expect(item.reasons.map((reason) => reason.kind)).toEqual(
          (['sharedEntities', 'sharedTerms', 'daysApart'] as const).filter((kind) => item.reasons.some((reason) => reason.kind === kind)),
        );
        for (const reason of item.reasons) {
          if (reason.kind === 'sharedEntities') expect(reason.names.length).toBeGreaterThan(0);
          if (reason.kind === 'sharedTerms') expect(reason.terms.length).toBeGreaterThan(0);
          if (reason.kind === 'daysApart') expect(Number.isInteger(reason.days) && reason.days >= 0).toBe(true);
        }
      }
      const scores = first.map((item) => item.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(first.map((item) => item.id)).not.toContain(s.visit);

      const [top, second] = first;
      await ok(core, 'links.create', { from: s.visit, to: top!.id, type: 'series' });
      await ok(core, 'related.dismiss', { storyId: second!.id, otherId: s.visit });
      expect(await undoLabel(core)).toEqual({ code: 'related.dismiss' });
      const next = (await ok<RelatedSuggestion[]>(core, 'related.list', { storyId: s.visit, limit: 6 })).map((item) => item.id);
      expect(next).not.toContain(top!.id);
      expect(next).not.toContain(second!.id);
      // Dismissed for the pair, from both ends.
      expect((await ok<RelatedSuggestion[]>(core, 'related.list', { storyId: second!.id, limit: 50 })).map((item) => item.id)).not.toContain(s.visit);

      await undo(core);
      expect((await ok<RelatedSuggestion[]>(core, 'related.list', { storyId: s.visit, limit: 6 })).map((item) => item.id)).toContain(second!.id);
      expect((await failure(core, 'related.dismiss', { storyId: s.visit, otherId: s.visit })).code).toBe('invalid-input');
    }, 'eager');
  });
});
