import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChronologyView } from '../../../../shared/contract/chronology';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { ListPage } from '../../../../shared/contract/library';
import { DEFAULT_SEEDS_DIR, openKroniek, type KroniekCore } from '../../app';
import { withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';

// The chronology of a dossier through the dispatcher, on a real store with the sample library.

// The seed articles, dated as an editor dates them (their page's first headline words → date).
const EDITOR_DATES: [string, string][] = [
  ['Poetin dankt Kim', '2024-06-19'],
  ['Kim Jong-un biedt Rusland', '2023-06-12'],
  ['Poetin op zeer zeldzaam bezoek', '2024-06-18'],
  ['Noord-Koreaanse leider vertrekt', '2023-09-17'],
  ['Kim en Poetin tekenen', '2024-06-19'],
];

async function withDossier(run: (core: KroniekCore, dossierId: string, storyIds: string[]) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), seedsDir: DEFAULT_SEEDS_DIR });
    try {
      const page = await ok<ListPage>(core, 'stories.list', { offset: 0, limit: 200 });
      const articles = page.items.filter((story) => story.kind === 'article');
      expect(articles).toHaveLength(5);
      for (const article of articles) {
        const date = EDITOR_DATES.find(([start]) => article.headline.startsWith(start))?.[1];
        if (!date) throw new Error(`no editor date for "${article.headline}"`);
        await ok(core, 'stories.setDate', { id: article.id, date });
      }
      const dossier = await ok<DossierDetail>(core, 'dossiers.create', { title: 'Kim en Poetin', storyIds: articles.map((story) => story.id) });
      await run(core, dossier.dossier.id, articles.map((story) => story.id));
    } finally {
      await core.close();
    }
  });
}

const find = (view: ChronologyView, words: string) => view.lines.find((line) => line.sources.some((source) => source.sentence.includes(words)));

describe('chronology of a dossier', () => {
  it('drafts the seeds: the visit to Pyongyang 24 years after the last, the treaty, Kim in Russia, Russia Day', async () => {
    await withDossier(async (core, id) => {
      const view = await ok<ChronologyView>(core, 'chronology.get', { id });
      expect(view.counts.approved).toBe(0);
      expect(view.counts.draft).toBe(view.lines.length);
      expect(find(view, 'arriveerde diep in de nacht')?.date).toEqual({ granularity: 'day', date: '2024-06-19' });
      expect(find(view, '24 jaar geleden')?.date).toEqual({ granularity: 'year', date: '2000-01-01' });
      expect(find(view, 'partnerschap" getekend')?.date).toEqual({ granularity: 'day', date: '2024-06-19' });
      expect(find(view, 'toen Kim op bezoek kwam in Rusland')?.date).toEqual({ granularity: 'month', date: '2023-09-01' });
      expect(find(view, 'Dag van Rusland')?.date).toEqual({ granularity: 'day', date: '2023-06-12' });
      // Each line names the story it came from.
      expect(find(view, 'Dag van Rusland')!.headlines[0]).toMatch(/^Kim Jong-un biedt Rusland/);
      expect(view.lines.map((line) => line.date.date)).toEqual([...view.lines.map((line) => line.date.date)].sort());
    });
  });

  it('approves, rejects, edits, merges and splits lines, each undoable, and keeps decisions when the draft is worked out again', async () => {
    await withDossier(async (core, id) => {
      const draft = await ok<ChronologyView>(core, 'chronology.get', { id });
      const treaty = find(draft, 'partnerschap" getekend')!;
      const visit = find(draft, 'arriveerde diep in de nacht')!;
      const planned = find(draft, 'zou eigenlijk dinsdagavond')!;

      let view = await ok<ChronologyView>(core, 'chronology.review', { id, keys: [treaty.key, visit.key], status: 'approved' });
      expect(view.counts.approved).toBe(2);
      view = await ok<ChronologyView>(core, 'chronology.review', { id, keys: [planned.key], status: 'rejected' });
      expect(find(view, 'zou eigenlijk dinsdagavond')!.status).toBe('rejected');

      view = await ok<ChronologyView>(core, 'chronology.edit', { id, key: treaty.key, summary: 'Poetin en Kim tekenen een strategisch partnerschap.' });
      const edited = view.lines.find((line) => line.key === treaty.key)!;
      expect(edited).toMatchObject({ summary: 'Poetin en Kim tekenen een strategisch partnerschap.', edited: true, status: 'approved' });
      expect(edited.sources[0]!.sentence).toContain('partnerschap" getekend');

      // Merge the arrival into the treaty line: one line, both sources.
      view = await ok<ChronologyView>(core, 'chronology.merge', { id, keys: [treaty.key, visit.key] });
      const merged = view.lines.find((line) => line.key === treaty.key)!;
      expect(merged.sources).toHaveLength(2);
      expect(view.lines.some((line) => line.key === visit.key)).toBe(false);

      // A story added to the dossier: the draft is worked out again, the decisions stay.
      const again = await ok<ChronologyView>(core, 'chronology.get', { id });
      expect(again.lines.find((line) => line.key === treaty.key)).toEqual(merged);
      expect(again.lines.some((line) => line.key === visit.key)).toBe(false);

      view = await ok<ChronologyView>(core, 'chronology.split', { id, key: treaty.key });
      expect(view.lines.filter((line) => line.sources.some((s) => s.sentence.includes('partnerschap" getekend') || s.sentence.includes('arriveerde diep'))).map((l) => l.sources.length)).toEqual([1, 1]);

      // Each step is on the undo stack.
      await ok(core, 'history.undo', {});
      expect(find(await ok<ChronologyView>(core, 'chronology.get', { id }), 'partnerschap" getekend')!.sources).toHaveLength(2);
      await ok(core, 'history.undo', {});
      await ok(core, 'history.undo', {});
      await ok(core, 'history.undo', {});
      await ok(core, 'history.undo', {});
      view = await ok<ChronologyView>(core, 'chronology.get', { id });
      expect(view.counts.approved).toBe(0);
      expect(view.counts.rejected).toBe(0);
    });
  });

  it('says what is wrong with a key that is not in the dossier, or a merge of one line', async () => {
    await withDossier(async (core, id) => {
      expect((await failure(core, 'chronology.review', { id, keys: ['nope:0:0'], status: 'approved' })).code).toBe('not-found');
      expect((await failure(core, 'chronology.get', { id: 'missing' })).code).toBe('not-found');
      expect((await failure(core, 'chronology.review', { id, keys: ['bad key'], status: 'approved' })).code).toBe('invalid-input');
      const draft = await ok<ChronologyView>(core, 'chronology.get', { id });
      const key = draft.lines[0]!.key;
      expect((await failure(core, 'chronology.merge', { id, keys: [key, key] })).code).toBe('invalid-input');
      expect((await failure(core, 'chronology.edit', { id, key, date: { granularity: 'day', date: '2024-02-30' } })).code).toBe('invalid-input');
    });
  });
});
