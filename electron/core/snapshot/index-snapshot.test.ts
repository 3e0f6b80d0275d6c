import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR, openKroniek, type KroniekCore } from '../app';
import { call } from '../../cli/command';
import { LibraryIndexes } from '../indexing/engine';
import type { RelatedHit } from '../indexing/protocol';
import type { QuoteIndex, QuotePage, QuoteQuery } from '../analysis/chronology/quote-index';
import { SCORE_SLOTS } from '../search/bulk-postings';
import type { Matches } from '../search/index';
import type { PostingStore } from '../search/posting-store';
import { writeInt32Postings } from '../search/test/int32-postings';
import type { Vocabulary } from '../search/vocabulary';
import { syntheticDoc, syntheticPrefixQueries, syntheticQueries } from '../search/test/synthetic-corpus';
import { exportLibraryArchive } from '../store/library-archive';
import type { StoryContent } from '../store/meta';
import { fakeStory, withTempDir } from '../store/test/helpers';
import { SnapshotWriter } from './codec';
import { analysisFingerprint, readSnapshotFile, SNAPSHOT_FILE, SNAPSHOT_FORMAT, snapshotPath } from './index-snapshot';

// A loaded snapshot must answer exactly as a fresh build over the same library: same
// hits with the same scores, same related lists with the same reasons, also when the
// library changed after the snapshot was written. Every case runs the real store and
// service in a temp folder; the reference is a LibraryIndexes built from the stories.

const NO_TIMER = { writeDelayMs: 3_600_000 };

function synthetic(from: number, count: number): StoryContent[] {
  return Array.from({ length: count }, (_, k) => {
    const doc = syntheticDoc(from + k);
    const story = fakeStory(doc.id, doc.headline);
    story.head.dateline = { place: doc.place, agencies: ['ANP'] };
    story.head.contentHash = `hash-${doc.id}`;
    story.head.sha256 = `sha-${doc.id}`;
    story.body = doc.body.split('\n').map((text) => ({ type: 'paragraph' as const, text }));
    return story;
  });
}

const QUERIES = [
  ...syntheticQueries(60),
  ...syntheticPrefixQueries(30),
  'poetin kim',
  '"Kim Jong-un"',
  'poetin -rusland',
  'oekr',
  'oorlogsverslag',
  'bijzonder',
  'noord-korea',
];

/** The indexes of an open core: the client of its indexing worker. */
const indexesOf = (core: KroniekCore) => core.library.indexing;

/** What both the worker's client and an in-process engine answer (the one asynchronously). */
interface Answers {
  match(query: string): { matches: Matches } | null | Promise<{ matches: Matches } | null>;
  idAt(num: number): string | undefined;
  related(id: string, options?: { limit?: number }): RelatedHit[] | Promise<RelatedHit[]>;
  quotes(query: QuoteQuery): QuotePage | Promise<QuotePage>;
}

/** The stories a search finds, with their scores. */
async function searchHits(indexes: Answers, query: string): Promise<{ id: string; score: number }[]> {
  const found = await indexes.match(query);
  if (!found) return [];
  return Array.from(found.matches.nums, (num, at) => ({ id: indexes.idAt(num)!, score: found.matches.scores[at]! }));
}

/** Everything a user could see of the indexes, in a comparable form. */
async function fingerprint(indexes: Answers, storyIds: string[]) {
  const search: string[][] = [];
  for (const query of QUERIES) search.push((await searchHits(indexes, query)).map((hit) => `${hit.id}:${hit.score}`).sort());
  const related: RelatedHit[][] = [];
  // In process as the worker answers: with the shared words as the story writes them.
  for (const id of storyIds) related.push(await (indexes instanceof LibraryIndexes ? indexes.relatedAsWritten(id, { limit: 10 }) : indexes.related(id, { limit: 10 })));
  // Every quote, and those with a word in them (the folded column's search).
  const all = await indexes.quotes({ offset: 0, limit: 100_000 });
  const word = all.items.flatMap((quote) => quote.text.split(/\s+/u)).find((each) => each.length > 5)?.toLocaleUpperCase('nl') ?? 'geen';
  const quotes = [all, await indexes.quotes({ text: word, offset: 0, limit: 100_000 }), await indexes.quotes({ text: 'de', offset: 0, limit: 100_000 })];
  return { search, related, quotes };
}

/** A section of a snapshot as `write` writes it. */
function section(write: (out: SnapshotWriter) => Generator<void>): Buffer {
  const out = new SnapshotWriter();
  for (const _ of write(out));
  return Buffer.concat(out.take(true));
}

/**
 * The quotes' section of this version (`encoded`) and as formats 8–11 wrote it (`old`): the
 * same up to the quotes' words, then the words as one string each (SnapshotWriter.texts)
 * instead of a column of bytes and their lengths.
 */
function quoteSections(quotes: QuoteIndex): { encoded: Buffer; old: Buffer } {
  const encoded = section((out) => quotes.writeState(out));
  const texts = [...quotes.ids()].flatMap((id) => quotes.quotesOf(id)!.map((quote) => quote.text));
  // The lengths (the last array: a byte count, then a 32-bit length per quote) and the bytes before them.
  const lengthsAt = encoded.length - 4 * texts.length;
  expect(encoded.readUInt32LE(lengthsAt - 4)).toBe(4 * texts.length);
  let bytes = 0;
  for (let k = 0; k < texts.length; k++) bytes += encoded.readInt32LE(lengthsAt + 4 * k);
  const wordsAt = lengthsAt - 4 - bytes - 4;
  expect(encoded.readUInt32LE(wordsAt)).toBe(bytes);
  return { encoded, old: Buffer.concat([encoded.subarray(0, wordsAt), section((out) => out.texts(texts))]) };
}

/** `bytes` (a snapshot file) with `encoded` replaced by `old`, as format `format`, its header's length and checksum made to match. */
function asFormat(bytes: Buffer, format: number, ...replaced: Array<{ encoded: Buffer; old: Buffer }>): Buffer {
  let file = bytes;
  for (const { encoded, old } of replaced) {
    const at = file.indexOf(encoded);
    expect(at).toBeGreaterThan(32);
    expect(file.indexOf(encoded, at + 1)).toBe(-1);
    file = Buffer.concat([file.subarray(0, at), old, file.subarray(at + encoded.length)]);
  }
  file.writeUInt32LE(format, 8);
  file.writeDoubleLE(file.length - 32, 16);
  file.writeUInt32LE(crc32(file.subarray(32)) >>> 0, 24);
  return file;
}

/** A sample of live stories: seeds' articles and briefs and synthetic ones. */
function sampleIds(core: KroniekCore): string[] {
  const heads = [...core.context.store.liveHeads()];
  return heads.filter((_, k) => k % Math.max(1, Math.floor(heads.length / 40)) === 0).map((head) => head.id);
}

async function freshFingerprint(core: KroniekCore, ids: string[]) {
  const fresh = new LibraryIndexes(core.context.store, 'lazy', { enabled: false });
  await fresh.whenReady();
  const print = await fingerprint(fresh, ids);
  await fresh.close();
  return print;
}

async function openLibrary(dir: string, extra: Parameters<typeof openKroniek>[0]['indexSnapshot'] = {}) {
  const core = await openKroniek({ platform: 'cli', dataDir: dir, seedsDir: DEFAULT_SEEDS_DIR, indexSnapshot: { ...NO_TIMER, ...extra } });
  await indexesOf(core).whenReady();
  return core;
}

/** A library of the seeds and `count` synthetic stories, closed with its snapshot written. */
async function libraryWithSnapshot(dir: string, count: number): Promise<void> {
  const core = await openKroniek({ platform: 'cli', dataDir: dir, seedsDir: DEFAULT_SEEDS_DIR, indexSnapshot: NO_TIMER });
  await core.context.store.addStories(synthetic(0, count));
  await indexesOf(core).whenReady();
  await core.close();
  expect(existsSync(snapshotPath(dir))).toBe(true);
}

describe('index snapshot', () => {
  // One library of the seeds and 200 synthetic stories, closed with its snapshot, made once:
  // the cases that start from such a library work on a byte-for-byte copy of its folder
  // (the same library and snapshot as a library made in their own folder).
  let shared = '';
  const copyOfShared = (dir: string) => cp(shared, dir, { recursive: true });
  beforeAll(async () => {
    shared = await mkdtemp(path.join(os.tmpdir(), 'kroniek-snapshot-shared-'));
    await libraryWithSnapshot(shared, 200);
  }, 60_000);
  afterAll(async () => {
    if (shared) await rm(shared, { recursive: true, force: true });
  });

  it('loads instead of building and answers exactly as a fresh build, then follows changes', async () => {
    await withTempDir(async (dir) => {
      await copyOfShared(dir);
      const core = await openLibrary(dir);
      const indexes = indexesOf(core);
      expect((await indexes.status()).origin).toBe('snapshot');
      expect((await indexes.status()).lastSnapshotLoad?.reconciled).toBe(0);
      expect(indexes.progress()).toEqual({ ready: true, indexed: core.context.store.storyCount, total: core.context.store.storyCount });
      const ids = sampleIds(core);
      const print = await fingerprint(indexes, ids);
      // Not a comparison of empty answers.
      expect(print.search.filter((hits) => hits.length > 0).length).toBeGreaterThan(QUERIES.length / 2);
      expect(print.related.filter((hits) => hits.length > 0).length).toBeGreaterThan(ids.length / 2);
      expect(print).toEqual(await freshFingerprint(core, ids));
      // The stories list goes through the loaded index's story numbers.
      const listed = await call(core, 'stories.list', { query: 'poetin', limit: 5 });
      expect(listed.total).toBe((await searchHits(indexes, 'poetin')).length);

      // Live changes after a load are applied as after a build.
      const tag = await call(core, 'tags.create', { name: 'Zeldzaamwoord' });
      await call(core, 'tags.apply', { storyIds: ids.slice(0, 5), addTagIds: [tag.id] });
      await indexes.whenReady();
      expect((await searchHits(indexes, 'zeldzaamwoord')).map((hit) => hit.id).sort()).toEqual(ids.slice(0, 5).sort());
      expect(await fingerprint(indexes, ids)).toEqual(await freshFingerprint(core, ids));
      await core.close();
    });
  });

  it('brings a stale snapshot up to date: imports, deletions, undo, tags, renames, notes and dates since', async () => {
    await withTempDir(async (dir) => {
      await copyOfShared(dir);
      const written = await readFile(snapshotPath(dir));

      // Changes made without the snapshot being written again (it stays as it was).
      const editing = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy', indexSnapshot: { enabled: false } });
      const all = [...editing.context.store.liveHeads()].map((head) => head.id);
      const oorlog = await call(editing, 'tags.create', { name: 'Oorlogje' });
      const spare = await call(editing, 'tags.create', { name: 'Weggooitag' });
      await call(editing, 'tags.apply', { storyIds: all.slice(10, 40), addTagIds: [oorlog.id] });
      await call(editing, 'tags.apply', { storyIds: all.slice(30, 50), addTagIds: [spare.id] });
      await call(editing, 'tags.update', { id: oorlog.id, name: 'Frontlinieverslag' });
      await call(editing, 'tags.delete', { id: spare.id });
      await call(editing, 'stories.setNote', { id: all[3]!, note: 'Nagekeken door de eindredactie, bron bevestigd' });
      await call(editing, 'stories.setDate', { id: all[4]!, date: '2024-06-19' });
      await call(editing, 'stories.setDate', { id: all[5]!, date: '2023-09-17' });
      await call(editing, 'stories.delete', { ids: all.slice(100, 120) });
      await call(editing, 'stories.delete', { ids: all.slice(200, 205) });
      await call(editing, 'history.undo', {});
      await editing.context.store.addStories(synthetic(5_000, 150));
      await editing.close();
      expect((await readFile(snapshotPath(dir))).equals(written)).toBe(true);

      const core = await openLibrary(dir);
      const indexes = indexesOf(core);
      expect((await indexes.status()).origin).toBe('snapshot');
      expect((await indexes.status()).lastSnapshotLoad!.reconciled).toBeGreaterThan(150);
      expect((await indexes.status()).stories).toBe(core.context.store.storyCount);
      expect((await searchHits(indexes, 'frontlinieverslag'))).toHaveLength(30);
      expect((await searchHits(indexes, 'weggooitag'))).toHaveLength(0);
      expect((await searchHits(indexes, 'eindredactie')).map((hit) => hit.id)).toEqual([all[3]]);
      expect(await indexes.related(all[100]!)).toEqual([]);
      expect((await indexes.related(all[200]!)).length).toBeGreaterThan(0);
      const ids = [...sampleIds(core), all[4]!, all[5]!, all[200]!, 'story-5001'];
      const fresh = await freshFingerprint(core, ids);
      expect(await fingerprint(indexes, ids)).toEqual(fresh);
      const stories = [...core.context.store.liveHeads()].map((head) => head.id);

      // The reconciled state is written at close, and loads with nothing left to do.
      await core.close();
      const again = await openLibrary(dir);
      expect((await indexesOf(again).status()).origin).toBe('snapshot');
      expect((await indexesOf(again).status()).lastSnapshotLoad!.reconciled).toBe(0);
      // The same library as above (nothing changed it since), so the same fresh build is the reference.
      expect([...again.context.store.liveHeads()].map((head) => head.id)).toEqual(stories);
      expect(await fingerprint(indexesOf(again), ids)).toEqual(fresh);
      await again.close();
    });
  });

  it('keeps changes made while a snapshot is written for the next one; a close out of time leaves no torn file', async () => {
    await withTempDir(async (dir) => {
      const core = await openLibrary(dir, { closeBudgetMs: 60_000 });
      await core.context.store.addStories(synthetic(0, 200));
      await indexesOf(core).whenReady();
      const ids = sampleIds(core);
      const writing = indexesOf(core).saveSnapshot();
      const tag = await call(core, 'tags.create', { name: 'Tijdensschrijven' });
      await call(core, 'tags.apply', { storyIds: ids.slice(0, 3), addTagIds: [tag.id] });
      expect(await writing).not.toBeNull();
      await core.close();
      const again = await openLibrary(dir, { closeBudgetMs: 0 });
      const indexes = indexesOf(again);
      expect((await indexes.status()).origin).toBe('snapshot');
      expect((await indexes.status()).lastSnapshotLoad!.reconciled).toBe(0);
      expect((await searchHits(indexes, 'tijdensschrijven'))).toHaveLength(3);
      expect(await fingerprint(indexes, ids)).toEqual(await freshFingerprint(again, ids));
      // A change, then a close with no time to write: the snapshot on disk stays whole.
      await again.context.store.addStories(synthetic(9_000, 150));
      await indexes.whenReady();
      const before = await readFile(snapshotPath(dir));
      await again.close();
      // No temp file of the snapshot left beside it (the heads cache's folder may be there: it is made 3 s after an opening).
      expect(readdirSync(path.dirname(snapshotPath(dir))).filter((name) => name.startsWith(SNAPSHOT_FILE))).toEqual([SNAPSHOT_FILE]);
      const after = await readFile(snapshotPath(dir));
      expect(after.equals(before) || after.subarray(0, 8).toString('latin1') === 'KRNXIDX\n').toBe(true);
      const third = await openLibrary(dir);
      expect((await indexesOf(third).status()).origin).toBe('snapshot');
      expect((await indexesOf(third).status()).stories).toBe(third.context.store.storyCount);
      await third.close();
    });
  });

  // One library for all variants, each its own case (a full build per variant: together they
  // took 25-45 s on a loaded machine); they run in order, each from the same good snapshot.
  describe('falls back to a full build, with the same results, for every kind of bad cache file', () => {
    let dir = '';
    let good = Buffer.alloc(0);
    let metaBefore = Buffer.alloc(0);
    let ids: string[] = [];
    let expected: Awaited<ReturnType<typeof fingerprint>>;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-test-'));
      // The seeds and 20 synthetic stories: every variant builds them in full, and what is checked is
      // that it falls back and answers as a build, not how large the library is.
      await libraryWithSnapshot(dir, 20);
      good = await readFile(snapshotPath(dir));
      metaBefore = await readFile(path.join(dir, 'library.json'));
      const reference = await openLibrary(dir, { enabled: false });
      ids = sampleIds(reference);
      expected = await fingerprint(indexesOf(reference), ids);
      await reference.close();
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const payloadGarbage = (keep: number) => {
      const bytes = Buffer.from(good);
      for (let at = 32 + keep; at < bytes.length; at++) bytes[at] = (at * 2_654_435_761) >>> 24;
      bytes.writeUInt32LE(crc32(bytes.subarray(32)) >>> 0, 24);
      return bytes;
    };
    const variants: Record<string, () => Buffer> = {
      empty: () => Buffer.alloc(0),
      'header only, cut short': () => good.subarray(0, 20),
      truncated: () => good.subarray(0, good.length - 1_000),
      'one byte flipped': () => Buffer.from(good).fill(good[good.length >> 1]! ^ 0xff, good.length >> 1, (good.length >> 1) + 1),
      'wrong magic': () => Buffer.from(good).fill(0x41, 0, 1),
      'unknown format version': () => {
        const bytes = Buffer.from(good);
        bytes.writeUInt32LE(99, 8);
        return bytes;
      },
      'valid header over garbage': () => payloadGarbage(0),
      'valid header, metadata, then garbage': () => payloadGarbage(4 + good.readUInt32LE(32)),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      it(name, async () => {
        await writeFile(snapshotPath(dir), bytes());
        const core = await openLibrary(dir);
        const indexes = indexesOf(core);
        expect((await indexes.status()).origin, name).toBe('built');
        expect((await indexes.status()).snapshotRejected, name).toBeTruthy();
        expect(await fingerprint(indexes, ids), name).toEqual(expected);
        await core.close();
        // The store never changes for it, and the next close leaves a good snapshot again.
        expect((await readFile(path.join(dir, 'library.json'))).equals(metaBefore), name).toBe(true);
        expect((await readFile(snapshotPath(dir))).subarray(0, 8).toString('latin1'), name).toBe('KRNXIDX\n');
      });
    }
  });

  it("refuses another library's snapshot copied into the cache folder", async () => {
    await withTempDir(async (dirA) => {
      await withTempDir(async (dirB) => {
        await copyOfShared(dirA);
        await libraryWithSnapshot(dirB, 0);
        await copyFile(snapshotPath(dirA), snapshotPath(dirB));
        const core = await openLibrary(dirB);
        const indexes = indexesOf(core);
        expect((await indexes.status()).origin).toBe('built');
        expect((await indexes.status()).snapshotRejected).toMatch(/another library|segment/);
        expect((await indexes.status()).stories).toBe(core.context.store.storyCount);
        const ids = sampleIds(core);
        expect(await fingerprint(indexes, ids)).toEqual(await freshFingerprint(core, ids));
        await core.close();
      });
    });
  });

  it("reads a snapshot of format 9 (terms as strings, posting lists as 32-bit numbers, quotes' words as strings) as it is, and writes it again in this version's", async () => {
    await withTempDir(async (dir) => {
      await libraryWithSnapshot(dir, 20);
      const file = snapshotPath(dir);
      const bytes = await readFile(file);
      expect(bytes.readUInt32LE(8)).toBe(SNAPSHOT_FORMAT);
      // What this version's file answers (closed without a change: the file stays as it is).
      const current = await openLibrary(dir);
      expect((await indexesOf(current).status()).origin).toBe('snapshot');
      const ids = sampleIds(current);
      const expected = await fingerprint(indexesOf(current), ids);
      expect(expected.search.filter((hits) => hits.length > 0).length).toBeGreaterThan(QUERIES.length / 2);
      await current.close();
      expect((await readFile(file)).equals(bytes)).toBe(true);
      // The same file as format 9 wrote it: the search index's vocabulary with its terms as
      // strings, its posting lists with their terms as strings and numbers of 32 bits (the
      // sections found by their bytes as this version writes them).
      const loaded = (await readSnapshotFile(file, { longestBlockMs: 0, slices: 0 }))!;
      const search = loaded.search as unknown as { vocabulary: Vocabulary; map: PostingStore };
      const vocabulary = search.vocabulary as unknown as {
        words: string[];
        terms: string[];
        storyCounts: Int32Array;
        hot: Map<string, number>;
        compoundsByHead: Map<string, number[]>;
        nameHashes: Int32Array;
      };
      const postings = search.map;
      const encoded = section(function* (out) {
        yield* search.vocabulary.writeState(out);
        yield* postings.write(out, (to, terms) => search.vocabulary.writeTerms(to, terms));
      });
      const words = vocabulary.words;
      const old = section(function* (out) {
        // Format 9's Vocabulary.writeState.
        yield* out.strings(words);
        yield* out.strings(vocabulary.terms);
        yield* out.array(vocabulary.storyCounts.subarray(0, words.length));
        yield* out.array(Uint32Array.from(vocabulary.hot.values()));
        yield* out.strings([...vocabulary.compoundsByHead.keys()]);
        yield* out.array(Uint32Array.from([...vocabulary.compoundsByHead.values()].flatMap((ids) => [ids.length, ...ids])));
        yield* out.array(vocabulary.nameHashes.subarray(0, words.length));
        // Format 9's PostingStore.write.
        yield* writeInt32Postings(out, postings, SCORE_SLOTS);
      });
      // … and its quotes' words as strings.
      await writeFile(file, asFormat(bytes, 9, { encoded, old }, quoteSections(loaded.quotes)));

      const core = await openLibrary(dir);
      const indexes = indexesOf(core);
      expect((await indexes.status()).origin).toBe('snapshot');
      expect(await fingerprint(indexes, ids)).toEqual(expected);
      await core.close();
      // Written again on close in this version's format, with the same lists.
      const after = await readFile(file);
      expect(after.readUInt32LE(8)).toBe(SNAPSHOT_FORMAT);
      expect(after.indexOf(encoded)).toBeGreaterThan(32);
    });
  });

  it("reads a snapshot of format 11 (the quotes' words as strings) as it is, and writes it again in this version's", async () => {
    await withTempDir(async (dir) => {
      await libraryWithSnapshot(dir, 20);
      const file = snapshotPath(dir);
      const bytes = await readFile(file);
      const current = await openLibrary(dir);
      const ids = sampleIds(current);
      const expected = await fingerprint(indexesOf(current), ids);
      expect(expected.quotes[0]!.total).toBeGreaterThan(5);
      expect(expected.quotes[1]!.total).toBeGreaterThan(0);
      await current.close();
      const loaded = (await readSnapshotFile(file, { longestBlockMs: 0, slices: 0 }))!;
      const quotes = quoteSections(loaded.quotes);
      await writeFile(file, asFormat(bytes, 11, quotes));

      const core = await openLibrary(dir);
      expect((await indexesOf(core).status()).origin).toBe('snapshot');
      expect(await fingerprint(indexesOf(core), ids)).toEqual(expected);
      await core.close();
      const after = await readFile(file);
      expect(after.readUInt32LE(8)).toBe(SNAPSHOT_FORMAT);
      expect(after.indexOf(quotes.encoded)).toBeGreaterThan(32);
    });
  });

  it('is rebuilt once when another version of the text analysis wrote it', async () => {
    await withTempDir(async (dir) => {
      // The seeds and 20 synthetic stories: every variant builds them in full, and what is checked is
      // that it falls back and answers as a build, not how large the library is.
      await libraryWithSnapshot(dir, 20);
      // The same file as an older Kroniek would have left it: another fingerprint, checksum intact.
      const bytes = await readFile(snapshotPath(dir));
      const mark = Buffer.from(`"analysis":"${analysisFingerprint()}"`, 'latin1');
      const at = bytes.indexOf(mark);
      expect(at).toBeGreaterThan(0);
      bytes.write('0', at + '"analysis":"'.length, 'latin1');
      bytes.writeUInt32LE(crc32(bytes.subarray(32)) >>> 0, 24);
      await writeFile(snapshotPath(dir), bytes);

      const core = await openLibrary(dir);
      const indexes = indexesOf(core);
      expect((await indexes.status()).origin).toBe('built');
      expect((await indexes.status()).snapshotRejected).toMatch(/another version of the text analysis/);
      const ids = sampleIds(core);
      expect(await fingerprint(indexes, ids)).toEqual(await freshFingerprint(core, ids));
      await core.close();
      // The new one carries this version's fingerprint and is used next time.
      const again = await openLibrary(dir);
      expect((await indexesOf(again).status()).origin).toBe('snapshot');
      await again.close();
    });
  });

  it('stays out of backups and the library archive; stale temp files are cleared at open', async () => {
    await withTempDir(async (dir) => {
      await copyOfShared(dir);
      await writeFile(`${snapshotPath(dir)}.kroniek-tmp-1-abcdef`, 'half a snapshot');
      const core = await openLibrary(dir);
      // No temp file of the snapshot left beside it (the heads cache's folder may be there: it is made 3 s after an opening).
      expect(readdirSync(path.dirname(snapshotPath(dir))).filter((name) => name.startsWith(SNAPSHOT_FILE))).toEqual([SNAPSHOT_FILE]);
      await call(core, 'stories.setNote', { id: sampleIds(core)[0]!, note: 'backup na deze wijziging' });
      const archive = path.join(dir, 'export.json');
      const exported = await exportLibraryArchive(core.context.store, archive);
      await core.close();
      const text = await readFile(archive, 'utf8');
      expect(text).not.toMatch(/KRNXIDX|indexes\.bin|"cache"/);
      expect(exported.stories).toBeGreaterThan(50);
      for (const name of readdirSync(path.join(dir, 'backups'))) expect(name).toMatch(/^library-.*\.json\.gz$/);
    });
  });
});

// Compaction (store/compaction.ts) moves stories into new segments without changing one:
// the snapshot follows them (through the journal) instead of being thrown away, and is
// still refused, or brought up to date, when the library's stories differ from its own.
describe('index snapshot after a segment compaction', () => {
  let bundleDir = '';
  let CHILD = '';
  // One library of 20 small imports with its snapshot, made once: each case edits a copy of
  // the folder (a byte-for-byte copy: the same library, segments and snapshot), and `before`
  // is what the indexes that wrote the snapshot answered, the reference for every copy.
  let made = '';
  let before: Reference = { ids: [], print: { search: [], related: [], quotes: [] } };
  beforeAll(async () => {
    bundleDir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-snapshot-compact-'));
    CHILD = path.join(bundleDir, 'compact-child.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, '..', 'store', 'test', 'compact-child.ts')], outfile: CHILD, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
    made = path.join(bundleDir, 'library');
    await mkdir(made);
    before = await smallImportsWithSnapshot(made, IMPORTS);
  }, 60_000);
  afterAll(async () => {
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  type Reference = { ids: string[]; print: Awaited<ReturnType<typeof fingerprint>> };
  const IMPORTS = 20;

  /** A copy of the shared library of small imports, with its snapshot, in `dir`. */
  const copyOfSmallImports = (dir: string) => cp(made, dir, { recursive: true });

  /**
   * A library of `imports` small imports of 4 synthetic stories each (one segment each),
   * closed with its snapshot; returns what its indexes answered before closing, the
   * reference for a snapshot used as it is (stories added a few at a time are scored as
   * added, which may differ by a rounding step from a build of all at once).
   */
  async function smallImportsWithSnapshot(dir: string, imports: number): Promise<Reference> {
    const core = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: NO_TIMER });
    for (let k = 0; k < imports; k++) await core.context.store.addStories(synthetic(k * 4, 4));
    await indexesOf(core).whenReady();
    const ids = sampleIds(core);
    const print = await fingerprint(indexesOf(core), ids);
    await core.close();
    expect(existsSync(snapshotPath(dir))).toBe(true);
    return { ids, print };
  }

  /** Edits the library without the indexes (as `kroniek compact` does): the snapshot stays as it was. */
  async function withStore(dir: string, run: (core: KroniekCore) => Promise<void>): Promise<void> {
    const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy', indexSnapshot: { enabled: false } });
    try {
      await run(core);
    } finally {
      await core.close();
    }
  }

  async function expectAnswersAsFresh(core: KroniekCore): Promise<void> {
    const ids = sampleIds(core);
    expect((await indexesOf(core).status()).stories).toBe(core.context.store.storyCount);
    expect(await fingerprint(indexesOf(core), ids)).toEqual(await freshFingerprint(core, ids));
  }

  async function expectUsedAsIs(dir: string, before: { ids: string[]; print: unknown }): Promise<KroniekCore> {
    const core = await openLibrary(dir);
    const status = await indexesOf(core).status();
    expect(status.origin).toBe('snapshot');
    expect(status.lastSnapshotLoad!.reconciled).toBe(0);
    expect(status.stories).toBe(core.context.store.storyCount);
    expect(await fingerprint(indexesOf(core), before.ids)).toEqual(before.print);
    return core;
  }

  it('is used after a compaction (nothing to redo) and answers as before', async () => {
    await withTempDir(async (dir) => {
      await copyOfSmallImports(dir);
      const written = await readFile(snapshotPath(dir));
      await withStore(dir, async (core) => {
        const result = await core.context.store.compact({ retireNow: true });
        expect(result.retired).toBe(IMPORTS);
      });
      expect((await readFile(snapshotPath(dir))).equals(written)).toBe(true);
      const core = await expectUsedAsIs(dir, before);
      expect(core.context.store.meta.segments).toHaveLength(1);
      await core.close();
    });
  }, 60_000);

  it('indexes again only what it does not hold: a compaction that packed covered and newer segments together', async () => {
    await withTempDir(async (dir) => {
      await copyOfSmallImports(dir);
      await withStore(dir, async (core) => {
        for (let k = 0; k < 5; k++) await core.context.store.addStories(synthetic(1_000 + k * 4, 4));
        await core.context.store.compact({ retireNow: true });
        expect(core.context.store.meta.segments).toHaveLength(1);
      });
      const core = await openLibrary(dir);
      const status = await indexesOf(core).status();
      expect(status.origin).toBe('snapshot');
      // The one new segment holds covered and uncovered stories: all of it is indexed again.
      expect(status.lastSnapshotLoad!.reconciled).toBe(core.context.store.storyCount);
      expect(status.stories).toBe(core.context.store.storyCount);
      // The same stories found as by a fresh build (scores of stories indexed again may differ by a rounding step).
      const fresh = new LibraryIndexes(core.context.store, 'lazy', { enabled: false });
      await fresh.whenReady();
      for (const query of QUERIES) expect((await searchHits(indexesOf(core), query)).map((hit) => hit.id).sort(), query).toEqual((await searchHits(fresh, query)).map((hit) => hit.id).sort());
      await fresh.close();
      await core.close();
    });
  }, 60_000);

  it('is refused when a segment it covers went without a compaction', async () => {
    await withTempDir(async (dir) => {
      await copyOfSmallImports(dir);
      await withStore(dir, async (core) => {
        // A story file dropped from the list (a real change of the library's stories, not a compaction).
        await core.context.store.update(null, (meta) => ({ ...meta, segments: meta.segments.filter((_, k) => k !== 2) }));
      });
      const core = await openLibrary(dir);
      expect((await indexesOf(core).status()).origin).toBe('built');
      expect((await indexesOf(core).status()).snapshotRejected).toMatch(/no longer lists/);
      await expectAnswersAsFresh(core);
      await core.close();
    });
  }, 60_000);

  // A compaction SIGKILLed around its switch: the library opens with its snapshot, which answers as before.
  it.each(['switch', 'switched'])('a compaction killed at %s leaves a library whose snapshot is used', async (step) => {
    await withTempDir(async (dir) => {
      await copyOfSmallImports(dir);
      const child = spawn(process.execPath, [CHILD, dir, step, '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
      const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      expect(exit).toBe('SIGKILL');
      const core = await expectUsedAsIs(dir, before);
      expect(core.context.store.meta.segments.length).toBe(step === 'switch' ? IMPORTS : 1);
      await core.close();
    });
  }, 60_000);
});
