import { describe, expect, it } from 'vitest';
import type { StoryContent } from '../store/meta';
import { LibraryStore } from '../store/library-store';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { relatedFeatures } from '../analysis/related';
import { FeatureBatchReader, FeatureBatchWriter, type StoryFeatures } from './feature-batch';
import { FeatureFeed } from './feature-feed';
import { FEATURE_WORKER_NICE } from '../thread-priority';
import { LibraryIndexes } from './engine';
import { relatedAndSpeakersOf, type Speaker } from './story-docs';
import { StoryMap } from '../store/story-map';

// Our own wire-style sentences, with names, places and diacritics, mixed per story so
// that terms, spellings (`Oekraïne`), entities and datelines all vary.
const SENTENCES = [
  'Het kabinet wil de geïsoleerde dorpen in Drenthe beter bereikbaar maken, zegt minister De Vries.',
  'President Zelensky bezocht Oekraïne’s frontlinie bij Charkiv en sprak met soldaten.',
  'In Genève begonnen de onderhandelingen over een bestand, meldt persbureau Reuters.',
  'Kim Jong-un woonde in Pyongyang een militaire parade bij met nieuwe raketten.',
  'De Tweede Kamer stemde dinsdag in met het plan voor extra woningbouw in Utrecht.',
  'Vladimir Poetin ontving de Chinese president Xi Jinping in het Kremlin in Moskou.',
  'Na de storm vielen in Zeeland honderden bomen om; de schade loopt in de miljoenen.',
  'Feyenoord won de klassieker van Ajax met 2-1 na een doelpunt in de blessuretijd.',
  'Het Internationaal Strafhof in Den Haag vaardigde een arrestatiebevel uit.',
  'De coëfficiënt van de reële groei daalde volgens het CBS naar 0,8 procent.',
];
const PLACES = ['DEN HAAG', 'KYIV', 'GENÈVE', 'PYONGYANG', 'MOSKOU', 'ROTTERDAM', ''];

function story(n: number): StoryContent {
  const content = fakeStory(`f${n}`, `${SENTENCES[n % SENTENCES.length]!.split(' ').slice(0, 6).join(' ')} ${n}`);
  content.head.contentHash = `feature-${n}`;
  content.head.dateline = { place: PLACES[n % PLACES.length]!, agencies: ['ANP'] };
  content.body = [0, 3, 7].map((step) => ({ type: 'paragraph' as const, text: `${SENTENCES[(n + step) % SENTENCES.length]} Kenmerk${n % 97}.` }));
  return content;
}

describe('the feature feed', () => {
  it('carries every part of a story’s features through a batch unchanged', () => {
    const writer = new FeatureBatchWriter();
    const docs = [0, 1, 2, 3, 9].map((n) => {
      const content = story(n);
      const related = relatedFeatures({ kind: 'article', headline: content.head.headline, text: content.body[0]!.text, place: content.head.dateline.place, entities: [{ key: 'x', name: 'X' }] });
      const all: Speaker[] = [
        { key: `jan de vries ${n}`, name: 'Jan de Vries', kind: 'person' },
        { key: 'navo', name: 'NAVO', kind: 'organisation' },
      ];
      const speakers = all.slice(0, n % 3);
      return { id: content.head.id, features: { related, speakers } };
    });
    // Two batches of one writer, read by one reader: a term's string goes once, with the first story that has it.
    const reader = new FeatureBatchReader();
    const read: { id: string; features: StoryFeatures }[] = [];
    const batches = [docs.slice(0, 2), docs.slice(2)].map((part) => {
      for (const doc of part) writer.add(doc.id, doc.features);
      const batch = writer.take();
      expect(writer.size).toBe(0);
      read.push(...reader.read(batch));
      return batch;
    });
    const firstWord = new Map<string, string>();
    for (const { features } of docs) features.related.terms.forEach((term, k) => firstWord.has(term) || firstWord.set(term, features.related.firstWords[k]!));
    expect(batches.flatMap((batch) => batch.newTerms.split('\u0000'))).toEqual([...firstWord.keys()]);
    expect(read.map(({ id }) => id)).toEqual(docs.map(({ id }) => id));
    read.forEach(({ features }, k) => {
      const { related, speakers } = docs[k]!.features;
      const { stream, numbers } = features.terms!;
      expect([...numbers].map((n) => stream.term(n))).toEqual(related.terms);
      expect([...numbers].map((n) => stream.word(n))).toEqual(related.terms.map((term) => firstWord.get(term)));
      expect(features.related).toEqual({ ...related, terms: [], firstWords: [] });
      expect(features.speakers).toEqual(speakers);
    });
  });

  it('gives the same related index as a build that works the features out itself', { timeout: 60_000 }, async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 700 }, (_, n) => story(n)));
      await store.addStories(Array.from({ length: 600 }, (_, n) => story(700 + n)));
      await store.update(null, (meta) => ({ ...meta, deleted: ['f5', 'f800'], storyEdits: StoryMap.from({ f9: { publishedAt: '2024-03-01' }, f10: { publishedAt: '2024-03-04' } }) }));
      let feeds = 0;
      let fed = 0;
      const withFeed = new LibraryIndexes(store, 'lazy', { enabled: false }, {
        features: (meta, only) => {
          feeds++;
          const feed = new FeatureFeed(dir, meta, only);
          return {
            take: async (id) => {
              const features = await feed.take(id);
              if (features) fed++;
              return features;
            },
            close: () => feed.close(),
          };
        },
      });
      const alone = new LibraryIndexes(store, 'lazy', { enabled: false });
      await withFeed.whenReady();
      await alone.whenReady();
      expect(feeds).toBe(1);
      expect(fed).toBe(1_298);
      expect(withFeed.relatedIndex.size).toBe(1_298);
      expect(withFeed.quoteIndex.size).toBe(1_298);
      expect(withFeed.quotePeople()).toEqual(alone.quotePeople());
      expect(withFeed.quotes({ offset: 0, limit: 5_000 })).toEqual(alone.quotes({ offset: 0, limit: 5_000 }));
      for (const id of [...store.liveIds()].filter((_, k) => k % 7 === 0)) {
        expect(withFeed.related(id, { limit: 8 }), id).toEqual(alone.related(id, { limit: 8 }));
      }
      await withFeed.close();
      await alone.close();
      await store.close();
    });
  });

  it('leaves a story it does not have to the engine and goes on with the next', { timeout: 30_000 }, async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(Array.from({ length: 150 }, (_, n) => story(n)));
      // The terms spelled out (their first words are the feed's: see the test above).
      const expected = async (id: string) => {
        const { related, speakers } = relatedAndSpeakersOf((await store.head(id))!, (await store.body(id))!, null);
        return { related: { ...relatedFeatures(related), firstWords: [] }, speakers };
      };
      const spelled = (features: StoryFeatures | undefined) => features && { related: { ...features.related, terms: [...features.terms!.numbers].map((n) => features.terms!.stream.term(n)) }, speakers: features.speakers };
      const feed = new FeatureFeed(dir, store.meta, null);
      try {
        expect(spelled(await feed.take('f0'))).toEqual(await expected('f0'));
        expect(await feed.take('elsewhere')).toBeUndefined();
        // f1 was skipped by the engine (worked out there): the feed goes on with f2.
        expect(spelled(await feed.take('f2'))).toEqual(await expected('f2'));
        for (let n = 3; n < 150; n++) expect(await feed.take(`f${n}`)).toBeDefined();
        expect(await feed.take('f150')).toBeUndefined();
        // It split compounds with the lexicon it was handed (shared memory), building none.
        expect(feed.workerLexicon).toBe('shared');
        // It only ever builds: it gives way most (thread-priority.ts).
        expect(feed.workerPriority).toBe(process.platform === 'linux' ? FEATURE_WORKER_NICE : null);
      } finally {
        feed.close();
      }
      await store.close();
    });
  });
});
