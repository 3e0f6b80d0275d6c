import { describe, expect, it } from 'vitest';
import { call } from '../../../cli/command';
import { openKroniek, type KroniekCore } from '../../app';
import { importBytes } from '../../import/importer';
import { withTempDir } from '../../store/test/helpers';

// "Looks like an update of …" through the contract, against the real store: proposed at
// import, merged as a new version (the story keeps its tags, notes, links and dossier
// places; search finds the new words), undone and redone, declined for good.

const utf8 = (text: string) => new TextEncoder().encode(text);
const HOUR = 60 * 60 * 1000;
const CAPTURED = Date.UTC(2026, 11, 1, 9);

const page = (headline: string, lead: string, more: string) => `${headline}\nDEN HAAG (ANP) - ${lead}\n${more}\n`;
const FIRST = page(
  'Kabinet trekt extra geld uit voor dijkversterking in Zeeland',
  'Het kabinet trekt 200 miljoen euro extra uit voor de versterking van de dijken in Zeeland. Dat maakte de minister dinsdag bekend.',
  'De Zeeuwse waterschappen reageren opgelucht op het besluit.',
);
const UPDATE = page(
  'Kabinet trekt extra geld uit voor dijkversterking in Zeeland en Friesland',
  'Het kabinet trekt 200 miljoen euro extra uit voor de versterking van de dijken in Zeeland. Dat maakte de minister dinsdag bekend.',
  'Ook de Friese dijken krijgen geld, zo bleek later op de dag: friesdijkgeld.',
);
// The same words from another place (one word differs: the same text would be a duplicate whatever its place).
const OTHER_PLACE = UPDATE.replace('DEN HAAG (ANP)', 'LEEUWARDEN (ANP)').replace('friesdijkgeld', 'leeuwarderdijkgeld');

/** `indexes`: built when the test searches, else lazy (never built). */
async function withCore(run: (core: KroniekCore) => Promise<void>, indexes: 'lazy' | 'built' = 'lazy'): Promise<void> {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: { enabled: false }, ...(indexes === 'lazy' ? { indexes: 'lazy' as const } : {}) });
    try {
      await run(core);
    } finally {
      await core.close();
    }
  });
}

const importPage = (core: KroniekCore, name: string, text: string, capturedAt: number) =>
  importBytes(core.context.store, [{ name, bytes: utf8(text), lastModified: capturedAt }], core.context.importOptions);

describe('proposals through the contract', () => {
  it('proposes a page-text update, merges it as version 2 keeping tags and notes, and undoes and redoes the merge', async () => {
    await withCore(async (core) => {
      const first = await importPage(core, 'zeeland.txt', FIRST, CAPTURED);
      const storyId = first.files[0]!.articleId!;
      const tag = await call(core, 'tags.create', { name: 'Dijken' });
      await call(core, 'tags.apply', { addTagIds: [tag.id], storyIds: [storyId] });
      await call(core, 'stories.setNote', { id: storyId, note: 'Volgen' });

      // Another place, the same words: no proposal.
      await importPage(core, 'friesland.txt', OTHER_PLACE, CAPTURED + HOUR);
      expect(await call(core, 'proposals.list', {})).toEqual([]);

      const second = await importPage(core, 'zeeland-update.txt', UPDATE, CAPTURED + 6 * HOUR);
      const candidateId = second.files[0]!.articleId!;
      const [proposal] = await call(core, 'proposals.list', {});
      expect(proposal).toMatchObject({ storyId, candidateId, status: 'open', storyHeadline: 'Kabinet trekt extra geld uit voor dijkversterking in Zeeland' });
      expect(proposal!.headlineSimilarity).toBeGreaterThanOrEqual(0.6);
      expect(await call(core, 'proposals.list', { storyId: candidateId })).toHaveLength(1);

      const before = core.context.store.revision;
      const accepted = await call(core, 'proposals.accept', { id: proposal!.id });
      expect(accepted.status).toBe('accepted');
      expect(core.context.store.revision).toBe(before + 1);

      const story = await call(core, 'stories.get', { id: storyId });
      expect(story.headline).toBe('Kabinet trekt extra geld uit voor dijkversterking in Zeeland en Friesland');
      expect(story.body.map((block) => block.text).join(' ')).toContain('friesdijkgeld');
      expect(story.tagIds).toEqual([tag.id]);
      expect(story.note).toBe('Volgen');
      // The new text is no story of its own any more.
      expect(await core.dispatch('stories.get', { id: candidateId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      const versions = await call(core, 'story.versions', { id: storyId });
      expect(versions.map((version) => [version.version, version.signals, version.headline])).toEqual([
        [1, [], 'Kabinet trekt extra geld uit voor dijkversterking in Zeeland'],
        [2, ['update'], 'Kabinet trekt extra geld uit voor dijkversterking in Zeeland en Friesland'],
      ]);
      const diff = await call(core, 'story.diff', { id: storyId, from: 1, to: 2 });
      expect(diff.filter((part) => part.op === 'added').map((part) => part.text).join(' ')).toContain('Friesland');
      expect((await call(core, 'story.version', { id: storyId, version: 1 })).body.map((block) => block.text).join(' ')).toContain('opgelucht');
      // Search uses the newest text, under the story's id.
      await core.library.indexing.whenReady();
      const found = await call(core, 'stories.list', { query: 'friesdijkgeld' });
      expect(found.items.map((item) => item.id)).toEqual([storyId]);

      // Undo: two stories again, the proposal open; redo merges again.
      expect((await call(core, 'history.undo', {})).canRedo).toBe(true);
      expect((await call(core, 'stories.get', { id: storyId })).headline).toBe('Kabinet trekt extra geld uit voor dijkversterking in Zeeland');
      expect((await call(core, 'stories.get', { id: candidateId })).headline).toContain('Friesland');
      expect((await call(core, 'proposals.list', {})).map((entry) => entry.status)).toEqual(['open']);
      await call(core, 'history.redo', {});
      expect((await call(core, 'stories.get', { id: storyId })).headline).toContain('en Friesland');

      // Importing the merged text again is a duplicate of the story, not a new story or proposal.
      const again = await importPage(core, 'zeeland-update-copy.txt', UPDATE, CAPTURED + 7 * HOUR);
      expect(again.files[0]).toMatchObject({ status: 'duplicate', articleId: storyId });
      // So is the story's own first text, which it no longer shows.
      const first2 = await importPage(core, 'zeeland-copy.txt', FIRST, CAPTURED + 8 * HOUR);
      expect(first2.files[0]).toMatchObject({ status: 'duplicate', articleId: storyId });
      expect(await call(core, 'proposals.list', {})).toEqual([]);
    }, 'built');
  });

  it('refuses to take in a new story the editor already worked on, saying so as a reason', async () => {
    await withCore(async (core) => {
      await importPage(core, 'zeeland.txt', FIRST, CAPTURED);
      const second = await importPage(core, 'zeeland-update.txt', UPDATE, CAPTURED + 6 * HOUR);
      await call(core, 'stories.setNote', { id: second.files[0]!.articleId!, note: 'Eigen versie' });
      const [proposal] = await call(core, 'proposals.list', {});
      expect(await core.dispatch('proposals.accept', { id: proposal!.id })).toMatchObject({ ok: false, error: { code: 'conflict', reason: { code: 'proposal.touched' } } });
      expect((await call(core, 'proposals.list', {}))[0]).toMatchObject({ status: 'open' });
    });
  });

  it('keeps a declined pair apart for good: re-importing the same text proposes nothing', async () => {
    await withCore(async (core) => {
      await importPage(core, 'zeeland.txt', FIRST, CAPTURED);
      const second = await importPage(core, 'zeeland-update.txt', UPDATE, CAPTURED + HOUR);
      const [proposal] = await call(core, 'proposals.list', {});
      const declined = await call(core, 'proposals.decline', { id: proposal!.id });
      expect(declined.status).toBe('declined');
      expect(await call(core, 'proposals.list', {})).toEqual([]);
      expect(await call(core, 'proposals.list', { all: true })).toHaveLength(1);
      expect(await core.dispatch('proposals.accept', { id: proposal!.id })).toMatchObject({ ok: false, error: { code: 'conflict', reason: { code: 'proposal.closed', status: 'declined' } } });

      // The same text again (another file, a later capture), and after deleting and restoring it.
      await importPage(core, 'zeeland-update-2.txt', UPDATE, CAPTURED + 2 * HOUR);
      await call(core, 'stories.delete', { ids: [second.files[0]!.articleId!] });
      await importPage(core, 'zeeland-update-3.txt', UPDATE, CAPTURED + 3 * HOUR);
      expect(await call(core, 'proposals.list', { all: true })).toHaveLength(1);
      expect(await call(core, 'proposals.list', {})).toEqual([]);
    });
  });

  it('finds the story an update belongs to among a busy place\'s other stories of the same two days, all imported at once', async () => {
    await withCore(async (core) => {
      // 130 other Den Haag stories captured around the first (more than are compared): different words each.
      const topics = ['woningbouw', 'stikstof', 'onderwijs', 'zorgkosten', 'asielopvang', 'defensie', 'belastingen', 'spoorwegen', 'energieprijzen', 'landbouw'];
      const others = Array.from({ length: 130 }, (_, k) => ({
        name: `anders-${k}.txt`,
        bytes: utf8(page(`Debat over ${topics[k % 10]} loopt uit (${k})`, `De Tweede Kamer sprak ${k} uur over ${topics[k % 10]} en besluit volgende week over motie ${k}.`, `Fracties verdeeld, dossier ${k}.`)),
        lastModified: CAPTURED - 20 * HOUR + k * 15 * 60 * 1000,
      }));
      await importBytes(core.context.store, [{ name: 'zeeland.txt', bytes: utf8(FIRST), lastModified: CAPTURED }, ...others], core.context.importOptions);
      const storyId = [...core.context.store.liveHeads()].find((head) => head.headline === 'Kabinet trekt extra geld uit voor dijkversterking in Zeeland')!.id;
      await importPage(core, 'zeeland-update.txt', UPDATE, CAPTURED + 6 * HOUR);
      const proposals = await call(core, 'proposals.list', {});
      expect(proposals.map((proposal) => proposal.storyId)).toEqual([storyId]);
      expect(proposals[0]!.leadSimilarity).toBe(1);
    });
  });

  it('proposes nothing for a capture more than 48 hours later', async () => {
    await withCore(async (core) => {
      await importPage(core, 'zeeland.txt', FIRST, CAPTURED);
      await importPage(core, 'zeeland-update.txt', UPDATE, CAPTURED + 49 * HOUR);
      expect(await call(core, 'proposals.list', { all: true })).toEqual([]);
    });
  });
});

describe('an accepted proposal in a library archive', () => {
  it('travels with its merged page version: restored into an empty library and merged into one with stories, the story shows the newer text and both versions', async () => {
    await withTempDir(async (dir) => {
      const archiveFile = `${dir}/archief.json`;
      let storyId = '';
      await withCore(async (core) => {
        storyId = (await importPage(core, 'zeeland.txt', FIRST, CAPTURED)).files[0]!.articleId!;
        await importPage(core, 'zeeland-update.txt', UPDATE, CAPTURED + 6 * HOUR);
        const [proposal] = await call(core, 'proposals.list', {});
        await call(core, 'proposals.accept', { id: proposal!.id });
        await call(core, 'library.exportArchiveToPath', { path: archiveFile });
      });
      const expectMerged = async (core: KroniekCore, stories: number) => {
        const story = await call(core, 'stories.get', { id: storyId });
        expect(story.headline).toBe('Kabinet trekt extra geld uit voor dijkversterking in Zeeland en Friesland');
        expect(story.body.map((block) => block.text).join(' ')).toContain('friesdijkgeld');
        expect((await call(core, 'story.versions', { id: storyId })).map((version) => version.headline)).toEqual([
          'Kabinet trekt extra geld uit voor dijkversterking in Zeeland',
          'Kabinet trekt extra geld uit voor dijkversterking in Zeeland en Friesland',
        ]);
        // The merged text is no story of its own in the list.
        expect((await call(core, 'stories.list', { limit: 10 })).items.map((item) => item.id)).toContain(storyId);
        expect((await call(core, 'stories.list', { limit: 10 })).total).toBe(stories);
      };
      await withCore(async (core) => {
        const summary = await call(core, 'library.importArchiveFromPath', { path: archiveFile });
        expect(summary).toMatchObject({ mode: 'restored', notTaken: [] });
        await expectMerged(core, 1);
      });
      await withCore(async (core) => {
        await importPage(core, 'ander.txt', page('Brand in Rotterdamse haven snel onder controle', 'Een brand in een loods in de Rotterdamse haven is dinsdag snel geblust.', 'Niemand raakte gewond.'), CAPTURED);
        const summary = await call(core, 'library.importArchiveFromPath', { path: archiveFile });
        expect(summary).toMatchObject({ mode: 'merged', storiesAdded: 2, notTaken: [] });
        await expectMerged(core, 2);
      });
    });
  });
});
