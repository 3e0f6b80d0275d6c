import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { ListPage } from '../../../../shared/contract/library';
import type { QuotePage, QuoteSpeakerItem } from '../../../../shared/contract/quotes';
import type { DossierQuote, ImportReport } from '../../../../shared/types';
import { DEFAULT_SEEDS_DIR, openKroniek, type KroniekCore } from '../../app';
import { LibraryIndexes } from '../../indexing/engine';
import { LibraryStore } from '../../store/library-store';
import { fakeStory, withTempDir } from '../../store/test/helpers';
import { failure, ok } from '../../service/test/calls';

// Quotes through the dispatcher, on a real store with the sample library and the real
// indexing worker: the filters, paging, incremental updates, and quotes in a dossier.

const SIGNING = 'Kim en Poetin tekenen';

async function withSeeds(run: (core: KroniekCore, articles: { id: string; headline: string }[]) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const core = await openKroniek({ platform: 'cli', dataDir: path.join(dir, 'library'), seedsDir: DEFAULT_SEEDS_DIR });
    try {
      await ok(core, 'library.ready', {});
      const page = await ok<ListPage>(core, 'stories.list', { offset: 0, limit: 200 });
      await run(core, page.items.filter((story) => story.kind === 'article'));
    } finally {
      await core.close();
    }
  });
}

const list = (core: KroniekCore, input: Record<string, unknown>) => ok<QuotePage>(core, 'quotes.list', input);
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('quotes', () => {
  it('lists the seeds’ quotes newest first, filtered by person (aliases, case, diacritics), kind, words, dates, dossier and paged', async () => {
    await withSeeds(async (core, articles) => {
      const all = await list(core, { limit: 1_000 });
      expect(all.total).toBeGreaterThan(20);
      expect(all.items).toHaveLength(all.total);
      expect(all.building).toBe(false);
      const dated = all.items.filter((item) => item.date).map((item) => item.date!);
      expect(dated).toEqual([...dated].sort().reverse());
      expect(all.items.slice(dated.length).every((item) => item.date === null)).toBe(true);

      // Poetin, by the gazetteer's name, an alias, another case, the key.
      const poetin = await list(core, { person: 'Poetin', limit: 100 });
      expect(poetin.total).toBeGreaterThanOrEqual(3);
      expect(poetin.items.every((item) => item.speaker?.name === 'Vladimir Poetin')).toBe(true);
      for (const person of ['PUTIN', 'vladimir poetin', 'Vladimir Putin']) expect((await list(core, { person, limit: 100 })).total, person).toBe(poetin.total);
      expect((await list(core, { person: 'Niemand Bestaatniet' })).total).toBe(0);
      const signing = poetin.items.find((item) => item.headline.startsWith(SIGNING))!;
      expect(signing).toMatchObject({ kind: 'indirect', attribution: 'named', paragraph: expect.any(Number) });
      expect(signing.end).toBeGreaterThan(signing.start);
      expect(signing.key).toMatch(new RegExp(`^${signing.storyId}:${signing.paragraph}:\\d+$`));
      // Every quote has its own key (two quotes of one sentence too).
      expect(new Set(all.items.map((item) => item.key)).size).toBe(all.total);

      // The sentence range points into the story's paragraph.
      const story = await ok<{ body: { text: string }[] }>(core, 'stories.get', { id: signing.storyId });
      expect(story.body[signing.paragraph]!.text.slice(signing.start, signing.end)).toContain(signing.text.slice(0, 30));

      const kinds = await list(core, { kind: 'direct', limit: 1_000 });
      expect(kinds.items.every((item) => item.kind === 'direct')).toBe(true);
      const unattributed = await list(core, { unattributed: true, limit: 1_000 });
      expect(unattributed.total).toBeGreaterThan(0);
      expect(unattributed.items.every((item) => item.speaker === null)).toBe(true);
      expect((await list(core, { unattributed: false, limit: 1_000 })).total).toBe(all.total - unattributed.total);
      const words = await list(core, { text: 'PARTNERSCHAP', limit: 100 });
      expect(words.items.map((item) => item.text)).toContain('alomvattend strategisch partnerschap');

      // Paging: a window of the same order, with the total.
      const second = await list(core, { offset: 2, limit: 3 });
      expect(second.total).toBe(all.total);
      expect(second.items.map((item) => item.key)).toEqual(all.items.slice(2, 5).map((item) => item.key));

      // Dates: the story's date is the quote's; an editor's date moves it.
      const signingId = articles.find((article) => article.headline.startsWith(SIGNING))!.id;
      await ok(core, 'stories.setDate', { id: signingId, date: '2024-06-19' });
      const june = await list(core, { from: '2024-06-01', to: '2024-06-30', limit: 100 });
      expect(june.total).toBeGreaterThan(0);
      expect(june.items.every((item) => item.storyId === signingId && item.date === '2024-06-19')).toBe(true);
      expect((await list(core, { from: '2024-06-20', to: '2024-06-30' })).total).toBe(0);

      // Dossier: only its stories' quotes.
      const dossier = await ok<DossierDetail>(core, 'dossiers.create', { title: 'Verdrag', storyIds: [signingId] });
      const inDossier = await list(core, { dossierId: dossier.dossier.id, limit: 100 });
      expect(inDossier.total).toBeGreaterThan(0);
      expect(inDossier.items.every((item) => item.storyId === signingId)).toBe(true);
      expect((await failure(core, 'quotes.list', { dossierId: 'nope' })).code).toBe('not-found');

      const { people } = await ok<{ people: QuoteSpeakerItem[] }>(core, 'quotes.people', {});
      const putin = people.find((person) => person.key === 'vladimir poetin')!;
      expect(putin.count).toBe(poetin.total);
      expect(people.map((person) => person.count)).toEqual([...people.map((person) => person.count)].sort((a, b) => b - a));
    });
  });

  it('follows imports, edits, deletions and the Trash', async () => {
    await withSeeds(async (core) => {
      const before = await list(core, { person: 'Anja de Boer' });
      expect(before.total).toBe(0);
      const text = 'Vakbond wil hogere lonen\nDe vakbond FNV eist meer loon. Bestuurder Anja de Boer zei dinsdag: "Dit is het minste wat werkgevers kunnen doen voor hun mensen."\n"We gaan door tot het einde", zei Anja de Boer.';
      const report = await ok<ImportReport>(core, 'import.files', { files: [{ name: 'fnv.txt', base64: b64(text) }] });
      const id = report.files[0]!.articleId!;
      const added = await list(core, { person: 'anja de boer' });
      expect(added.items.map((item) => item.text)).toEqual(['Dit is het minste wat werkgevers kunnen doen voor hun mensen.', 'We gaan door tot het einde']);
      expect(added.items.every((item) => item.storyId === id && item.date === null)).toBe(true);

      await ok(core, 'stories.setDate', { id, date: '2025-03-04' });
      expect((await list(core, { person: 'Anja de Boer' })).items.every((item) => item.date === '2025-03-04')).toBe(true);

      await ok(core, 'stories.delete', { ids: [id] });
      expect((await list(core, { person: 'Anja de Boer' })).total).toBe(0);
      expect((await ok<{ people: QuoteSpeakerItem[] }>(core, 'quotes.people', {})).people.some((person) => person.name === 'Anja de Boer')).toBe(false);
      await ok(core, 'trash.restore', { ids: [id] });
      expect((await list(core, { person: 'Anja de Boer' })).total).toBe(2);
    });
  });

  it('adds a quote to a dossier and takes it out again, each undoable', async () => {
    await withSeeds(async (core, articles) => {
      const signingId = articles.find((article) => article.headline.startsWith(SIGNING))!.id;
      const dossier = (await ok<DossierDetail>(core, 'dossiers.create', { title: 'Verdrag', storyIds: [signingId] })).dossier;
      const [quote] = (await list(core, { person: 'Poetin', dossierId: dossier.id })).items;
      const added = await ok<{ quotes: DossierQuote[] }>(core, 'quotes.addToDossier', { dossierId: dossier.id, key: quote!.key });
      expect(added.quotes).toHaveLength(1);
      expect(added.quotes[0]).toMatchObject({ key: quote!.key, text: quote!.text, speaker: { key: 'vladimir poetin', name: 'Vladimir Poetin' }, storyId: signingId });
      // Adding it again changes nothing (and records no edit).
      const history = await ok<{ undoLabel: { code: string } | null }>(core, 'history.state', {});
      expect(history.undoLabel?.code).toBe('quote.addToDossier');
      expect((await ok<{ quotes: DossierQuote[] }>(core, 'quotes.addToDossier', { dossierId: dossier.id, key: quote!.key })).quotes).toHaveLength(1);

      await ok(core, 'history.undo', {});
      expect((await ok<{ quotes: DossierQuote[] }>(core, 'quotes.ofDossier', { dossierId: dossier.id })).quotes).toHaveLength(0);
      await ok(core, 'history.redo', {});
      expect((await ok<{ quotes: DossierQuote[] }>(core, 'quotes.ofDossier', { dossierId: dossier.id })).quotes).toHaveLength(1);
      const removed = await ok<{ quotes: DossierQuote[] }>(core, 'quotes.removeFromDossier', { dossierId: dossier.id, key: quote!.key });
      expect(removed.quotes).toHaveLength(0);
      expect((await failure(core, 'quotes.removeFromDossier', { dossierId: dossier.id, key: quote!.key })).code).toBe('not-found');
      expect((await failure(core, 'quotes.addToDossier', { dossierId: dossier.id, key: `${signingId}:99:0` })).code).toBe('not-found');
      expect((await failure(core, 'quotes.addToDossier', { dossierId: dossier.id, key: 'not a key' })).code).toBe('invalid-input');
    });
  });
});

describe('the quote index in the snapshot', () => {
  it('comes back from the snapshot as built, without extracting again', { timeout: 30_000 }, async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const stories = Array.from({ length: 12 }, (_, n) => {
        const story = fakeStory(`q${n}`, `Kop ${n}`);
        story.body = [{ type: 'paragraph' as const, text: `Kim Jong-un sprak in Pyongyang. "Dit is citaat nummer ${n} van vandaag", zei Kim.` }];
        return story;
      });
      await store.addStories(stories);
      const built = new LibraryIndexes(store, 'eager', { writeDelayMs: 60_000 });
      await built.whenReady();
      const expected = built.quotes({ offset: 0, limit: 100 });
      expect(expected.total).toBe(12);
      expect(expected.items[0]!.speakerName).toBe('Kim Jong-un');
      expect(await built.saveSnapshot()).not.toBeNull();
      await built.close();

      const loaded = new LibraryIndexes(store, 'eager');
      await loaded.whenReady();
      expect(loaded.origin).toBe('snapshot');
      expect(loaded.quotes({ offset: 0, limit: 100 })).toEqual(expected);
      expect(loaded.quotePeople()).toEqual(built.quotePeople());
      await loaded.close();
      await store.close();
    });
  });
});
