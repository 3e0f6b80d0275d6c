import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHeadsCache, encodeHeadsCache, HEADS_CACHE_DIR } from './heads-cache';
import { CACHE_DIR, CONTENT_DIR } from './layout';
import { LibraryStore } from './library-store';
import type { StoryContent, StoryHead, WireVersionFacts } from './meta';
import { ColdHeadParts, plainHead } from './stored-heads';
import { fakeStory, wireVersion, withTempDir } from './test/helpers';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Heads of every form a heads file holds: briefs, pages, warnings, capture times, hashes in both forms, text beyond ASCII, agency versions. */
function variedStories(): StoryContent[] {
  const plain = fakeStory('a1', 'Kabinet wil snelheid op A-wegen verlagen');
  const brief = fakeStory('b1', 'Brand in loods bij Zwolle geblust');
  brief.head.kind = 'brief';
  brief.head.pageId = 'p-0412';
  brief.head.ageLabel = '2 uur geleden';
  brief.head.section = null;
  brief.head.sha256 = hex('pagina 0412');
  brief.head.contentHash = hex('inhoud b1');
  brief.head.capturedAt = '2024-03-05T09:12:44.120Z';
  const odd = fakeStory('c1', 'Zeeën bij Genève stijgen ‘sneller dan gedacht’ — IJsselmeer volgt');
  odd.head.dateline = { place: 'GENÈVE', agencies: ['AFP', 'ANP'] };
  odd.head.warnings = ['Joined 2 lines to the line before.', 'Encoding: windows-1252'];
  odd.head.capturedAt = 'maandag 4 maart';
  odd.head.fileName = 'map/Zeeën — bericht.txt';
  const first = wireVersion('w1', 1, 'Dijk bij Olst houdt het');
  first.head.wire!.versionCreated = first.head.wire!.firstCreated;
  const second = wireVersion('w1', 2, 'Dijk bij Olst houdt het, water zakt');
  second.head.wire!.rights = { copyrightHolder: 'ANP', copyrightNotice: '© ANP', usageTerms: 'Alleen redactioneel', linkedRights: null };
  second.head.wire!.infoSources = [{ name: 'Rijkswaterstaat', role: 'source', uri: null }];
  // Facts in another order and with a field of a later version of Kroniek: kept as they are.
  const later = wireVersion('w2', 1, 'Stormvloedkering gaat dicht');
  const { storyId, ...rest } = later.head.wire!;
  later.head.wire = { ...rest, storyId, urgency: 3 } as unknown as typeof later.head.wire;
  return [plain, brief, odd, first, second, later];
}

/** Everything the store tells about its stories' heads, as plain data. */
function headsOf(store: LibraryStore): unknown {
  const live = [...store.liveHeads()].map((head) => plainHead(head));
  const versions = ['w1', 'w2'].flatMap((id) => [1, 2].map((version) => store.versionRecord(id, version)).filter((head): head is StoryHead => head !== undefined).map((head) => plainHead(head)));
  const summaries = [...store.liveIds()].map((id) => store.summary(id));
  const found = [hex('inhoud b1'), 'hash-a1', 'hash-c1'].map((hash) => store.findByContentHash(hash));
  return JSON.parse(JSON.stringify({ live, versions, summaries, found })) as unknown;
}

async function cacheFiles(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, CACHE_DIR, HEADS_CACHE_DIR)).catch(() => [] as string[])).sort();
}

/** A library of two segments (two imports), its heads cache made, closed; the heads as read from the heads files. */
async function cachedLibrary(dir: string): Promise<unknown> {
  const store = await LibraryStore.open(dir);
  const stories = variedStories();
  await store.addStories(stories.slice(0, 3));
  await store.addStories(stories.slice(3));
  await store.close();
  const fromFiles = await LibraryStore.open(dir);
  expect(fromFiles.segmentsFromCache).toBe(0);
  const heads = headsOf(fromFiles);
  await fromFiles.headsCacheSettled();
  await fromFiles.close();
  expect(await cacheFiles(dir)).toHaveLength(2);
  return heads;
}

describe('heads cache', () => {
  it('gives at the next opening exactly the heads the heads files give', async () => {
    await withTempDir(async (dir) => {
      const fromFiles = await cachedLibrary(dir);
      const again = await LibraryStore.open(dir);
      expect(again.segmentsFromCache).toBe(2);
      expect(headsOf(again)).toEqual(fromFiles);
      expect(again.head('c1')?.warnings).toEqual(['Joined 2 lines to the line before.', 'Encoding: windows-1252']);
      expect(again.head('b1')?.capturedAt).toBe('2024-03-05T09:12:44.120Z');
      expect((await again.story('c1'))?.source.fileName).toBe('map/Zeeën — bericht.txt');
      // Shared as the store shares what it reads from a heads file.
      expect(again.head('a1')!.dateline).toBe(again.head('b1')!.dateline);
      expect(Object.isFrozen(again.versionRecord('w1', 2)!.wire!.rights)).toBe(true);
      await again.close();
    });
  });

  it('keeps where each body is in its bodies file, and the snippets read them from there', async () => {
    await withTempDir(async (dir) => {
      await cachedLibrary(dir);
      const content = path.join(dir, CONTENT_DIR);
      const segments = (await readdir(content)).filter((name) => name.endsWith('.heads.json')).map((name) => name.slice(0, -'.heads.json'.length));
      const ids: string[] = [];
      for (const segment of segments) {
        const headsFile = path.join(content, `${segment}.heads.json`);
        const bodiesFile = path.join(content, `${segment}.bodies.json`);
        const { size, mtimeMs, ino } = await stat(headsFile);
        const decoded = decodeHeadsCache(await readFile(path.join(dir, CACHE_DIR, HEADS_CACHE_DIR, `${segment}.bin`)), { size, mtimeMs, ino }, new ColdHeadParts())!;
        const bodiesStat = await stat(bodiesFile);
        expect(decoded.bodies!.stamp).toEqual({ size: bodiesStat.size, mtimeMs: bodiesStat.mtimeMs, ino: bodiesStat.ino });
        const bodies = await readFile(bodiesFile);
        const written = JSON.parse(bodies.toString('utf8')) as Record<string, unknown>;
        decoded.heads.forEach(({ head }, k) => {
          const [start, end] = [decoded.bodies!.spans[k * 2]!, decoded.bodies!.spans[k * 2 + 1]!];
          expect(JSON.parse(bodies.toString('utf8', start, end))).toEqual(written[head.id]);
          ids.push(head.id);
        });
      }
      expect(ids.sort()).toEqual(['a1', 'b1', 'c1', 'w1v1', 'w1v2', 'w2v1'].sort());
      const again = await LibraryStore.open(dir);
      const snippets = await again.bodiesOf(['a1', 'c1', 'w1', 'w2', 'onbekend']);
      expect([...snippets.keys()].sort()).toEqual(['a1', 'c1', 'w1', 'w2']);
      for (const id of ['a1', 'c1', 'w1', 'w2']) expect(snippets.get(id)).toEqual(await again.body(id));
      await again.close();

      // Only those places are read: a bodies file broken outside them (same size and time) still gives its bodies.
      const when = new Date('2025-06-01T12:00:00Z');
      for (const segment of segments) await utimes(path.join(content, `${segment}.bodies.json`), when, when);
      await rm(path.join(dir, CACHE_DIR, HEADS_CACHE_DIR), { recursive: true });
      const recache = await LibraryStore.open(dir);
      await recache.headsCacheSettled();
      await recache.close();
      for (const segment of segments) {
        const bodiesFile = path.join(content, `${segment}.bodies.json`);
        const bytes = await readFile(bodiesFile);
        bytes[0] = 0x20;
        await writeFile(bodiesFile, bytes);
        await utimes(bodiesFile, when, when);
      }
      const broken = await LibraryStore.open(dir);
      expect(broken.segmentsFromCache).toBe(segments.length);
      expect((await broken.bodiesOf(['a1', 'w2'])).get('w2')).toEqual(snippets.get('w2'));
      expect((await broken.story('a1'))?.textDamaged).toBeDefined();
      await broken.close();
    });
  });

  it('keeps no places for a bodies file not as the store writes it, and its bodies are read as before', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      await store.addStories(variedStories().slice(0, 3));
      await store.close();
      const content = path.join(dir, CONTENT_DIR);
      const [segment] = (await readdir(content)).filter((name) => name.endsWith('.heads.json')).map((name) => name.slice(0, -'.heads.json'.length));
      const bodiesFile = path.join(content, `${segment}.bodies.json`);
      // The same bodies, written with spaces (a hand-made or restored file).
      await writeFile(bodiesFile, JSON.stringify(JSON.parse(await readFile(bodiesFile, 'utf8')), null, 1));
      const opened = await LibraryStore.open(dir);
      await opened.headsCacheSettled();
      await opened.close();
      const { size, mtimeMs, ino } = await stat(path.join(content, `${segment}.heads.json`));
      const decoded = decodeHeadsCache(await readFile(path.join(dir, CACHE_DIR, HEADS_CACHE_DIR, `${segment}.bin`)), { size, mtimeMs, ino }, new ColdHeadParts())!;
      expect(decoded.heads).toHaveLength(3);
      expect(decoded.bodies).toBeNull();
      const again = await LibraryStore.open(dir);
      expect(again.segmentsFromCache).toBe(1);
      expect((await again.bodiesOf(['b1'])).get('b1')).toEqual(await again.body('b1'));
      await again.close();
    });
  });

  it('shares one copy of a value repeated in the cache files of different segments, as reading the heads files does', async () => {
    await withTempDir(async (dir) => {
      await cachedLibrary(dir);
      const store = await LibraryStore.open(dir);
      // A third segment: a story with a1's dateline, and a version with the rights and sources of w1's second.
      const same = fakeStory('e1', 'Nieuw bericht met dezelfde plaats');
      same.head.dateline = { place: store.head('a1')!.dateline.place, agencies: [...store.head('a1')!.dateline.agencies] };
      const third = wireVersion('w3', 1, 'Waterstand daalt verder');
      third.head.wire!.rights = { copyrightHolder: 'ANP', copyrightNotice: '© ANP', usageTerms: 'Alleen redactioneel', linkedRights: null };
      third.head.wire!.infoSources = [{ name: 'Rijkswaterstaat', role: 'source', uri: null }];
      await store.addStories([same, third]);
      await store.headsCacheSettled();
      await store.close();
      const again = await LibraryStore.open(dir);
      expect(again.segmentsFromCache).toBe(3);
      expect(again.head('e1')!.dateline).toBe(again.head('a1')!.dateline);
      expect(Object.isFrozen(again.head('e1')!.dateline)).toBe(true);
      const w1 = again.versionRecord('w1', 2)!.wire!;
      const w3 = again.versionRecord('w3', 1)!.wire!;
      expect(w3.rights).toBe(w1.rights);
      expect(w3.infoSources).toBe(w1.infoSources);
      expect(w3.signals).toBe(again.versionRecord('w1', 1)!.wire!.signals);
      expect(Object.isFrozen(w3.rights) && Object.isFrozen(w3.infoSources) && Object.isFrozen(w3.infoSources[0])).toBe(true);
      await again.close();
    });
  });

  it('caches the segments an import writes, and the story added is there at the next opening', async () => {
    await withTempDir(async (dir) => {
      await cachedLibrary(dir);
      const store = await LibraryStore.open(dir);
      await store.addStories([fakeStory('d1', 'Nieuw bericht uit Deventer')]);
      await store.headsCacheSettled();
      await store.close();
      expect(await cacheFiles(dir)).toHaveLength(3);
      const again = await LibraryStore.open(dir);
      expect(again.segmentsFromCache).toBe(3);
      expect(again.head('d1')?.headline).toBe('Nieuw bericht uit Deventer');
      await again.close();
    });
  });

  it('reads a heads file changed after its cache was made, and reports its damage as before', async () => {
    await withTempDir(async (dir) => {
      await cachedLibrary(dir);
      const segments = (await readdir(path.join(dir, CONTENT_DIR))).filter((name) => name.endsWith('.heads.json')).sort();
      // The same length, another modification time: not the file that was cached.
      const changed = path.join(dir, CONTENT_DIR, segments[0]!);
      const text = await readFile(changed, 'utf8');
      await writeFile(changed, text.replace('Kabinet wil', 'Kabinet zal'));
      await utimes(changed, new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
      await writeFile(path.join(dir, CONTENT_DIR, segments[1]!), '[{"id": "kapot"}]');
      const again = await LibraryStore.open(dir);
      expect(again.segmentsFromCache).toBe(0);
      expect(again.head('a1')?.headline).toBe('Kabinet zal snelheid op A-wegen verlagen');
      expect(again.notices.some((notice) => notice.code === 'content-damaged')).toBe(true);
      expect(again.head('w1')).toBeUndefined();
      await again.close();
    });
  });

  it('does not use a cache file cut short or altered, and makes it again', async () => {
    await withTempDir(async (dir) => {
      const fromFiles = await cachedLibrary(dir);
      const [first, second] = (await cacheFiles(dir)).map((name) => path.join(dir, CACHE_DIR, HEADS_CACHE_DIR, name));
      await truncate(first!, (await stat(first!)).size - 9);
      const bytes = await readFile(second!);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = bytes[middle]! ^ 0x20;
      await writeFile(second!, bytes);
      const again = await LibraryStore.open(dir);
      expect(again.segmentsFromCache).toBe(0);
      expect(headsOf(again)).toEqual(fromFiles);
      await again.headsCacheSettled();
      await again.close();
      const third = await LibraryStore.open(dir);
      expect(third.segmentsFromCache).toBe(2);
      expect(headsOf(third)).toEqual(fromFiles);
      await third.close();
    });
  });

  it('caches the segment a compaction writes and drops those of the segments it retires', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir, { autoCompact: false });
      for (let n = 0; n < 4; n++) await store.addStories([fakeStory(`k${n}`, `Korte melding ${n} uit Almelo`)]);
      await store.headsCacheSettled();
      expect(await cacheFiles(dir)).toHaveLength(4);
      await store.compact({ retireNow: true });
      await store.headsCacheSettled();
      const listed = store.meta.segments.map((segment) => `${segment.name}.bin`).sort();
      await store.close();
      expect(listed).toHaveLength(1);
      expect(await cacheFiles(dir)).toEqual(listed);
      const again = await LibraryStore.open(dir, { autoCompact: false });
      expect(again.segmentsFromCache).toBe(1);
      expect([...again.liveIds()]).toEqual(['k0', 'k1', 'k2', 'k3']);
      await again.close();
    });
  });

  it('removes the cache files of segments the library no longer lists; a read-only opening writes none', async () => {
    await withTempDir(async (dir) => {
      await cachedLibrary(dir);
      const stray = path.join(dir, CACHE_DIR, HEADS_CACHE_DIR, '0000000aa-00000000.bin');
      await writeFile(stray, 'weg ermee');
      const readOnly = await LibraryStore.open(dir, { readOnly: true });
      expect(readOnly.segmentsFromCache).toBe(2);
      await readOnly.headsCacheSettled();
      await readOnly.close();
      expect(await cacheFiles(dir)).toContain('0000000aa-00000000.bin');
      await rm(path.join(dir, CACHE_DIR, HEADS_CACHE_DIR), { recursive: true });
      const store = await LibraryStore.open(dir);
      // Closed before the cache is made (it waits for the opening's own work): nothing written, and closing does not wait for it.
      await store.close();
      expect(await cacheFiles(dir)).toEqual([]);
      const again = await LibraryStore.open(dir);
      await again.headsCacheSettled();
      await again.close();
      expect(await cacheFiles(dir)).toHaveLength(2);
    });
  });

  it('gives back any head as it was encoded', async () => {
    const anyHead = fc
      .record({
        id: fc.stringMatching(/^[a-z0-9-]{1,30}$/),
        kind: fc.constantFrom('article' as const, 'brief' as const),
        headline: fc.string({ unit: 'grapheme', maxLength: 120 }),
        place: fc.string({ maxLength: 20 }),
        agencies: fc.array(fc.constantFrom('ANP', 'AFP', 'RTR', 'dpa'), { maxLength: 3 }),
        section: fc.option(fc.string({ maxLength: 20 })),
        ageLabel: fc.option(fc.constantFrom('2 uur geleden', '8 minuten geleden')),
        pageId: fc.option(fc.stringMatching(/^[a-f0-9]{16}$/)),
        importedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fileName: fc.string({ unit: 'grapheme', maxLength: 80 }),
        sha256: fc.oneof(fc.string().map(hex), fc.string({ maxLength: 70 })),
        contentHash: fc.oneof(fc.string().map(hex), fc.string({ maxLength: 70 })),
        warnings: fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 3 }),
        capturedAt: fc.option(fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string({ maxLength: 24 })), { nil: undefined }),
        version: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        sameTimes: fc.boolean(),
        // A version's own lines in any script, or none; and versions not in the importer's form (kept as they are).
        edNote: fc.option(fc.string({ unit: 'binary', maxLength: 40 })),
        slugline: fc.option(fc.string({ unit: 'grapheme', maxLength: 20 })),
        otherForm: fc.constantFrom(null, 'extra key', 'fractional version', 'words as text', 'keys in another order'),
      })
      .map(({ place, agencies, version, sameTimes, edNote, slugline, otherForm, ...parts }): StoryHead => {
        const made: StoryHead = { ...parts, dateline: { place, agencies } };
        if (made.capturedAt === undefined) delete made.capturedAt;
        if (version !== undefined) {
          const wire = wireVersion(`w-${made.id}`, version, made.headline).head.wire!;
          Object.assign(wire, { edNote, slugline });
          if (sameTimes) wire.versionCreated = wire.firstCreated;
          if (otherForm === 'extra key') Object.assign(wire, { later: [1, 'twee'] });
          if (otherForm === 'fractional version') wire.version = version + 0.5;
          if (otherForm === 'words as text') (wire as unknown as Record<string, unknown>).words = String(wire.words);
          made.wire = otherForm === 'keys in another order' ? (Object.fromEntries(Object.entries(wire).reverse()) as unknown as WireVersionFacts) : wire;
        }
        return made;
      });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(anyHead, { selector: (head) => head.id, maxLength: 20 }), async (heads) => {
        const stamp = { size: 100, mtimeMs: 5, ino: 6 };
        const parts = new ColdHeadParts();
        const decoded = decodeHeadsCache(await encodeHeadsCache(heads, stamp), stamp, parts)!;
        const back = decoded.heads.map(({ head, slot }) => {
          const whole: StoryHead = { ...head, fileName: parts.fileName(slot), sha256: parts.sha256(slot), contentHash: parts.contentHash(slot), warnings: parts.warnings(slot) };
          const capturedAt = parts.capturedAt(slot);
          if (capturedAt !== undefined) whole.capturedAt = capturedAt;
          return plainHead(whole);
        });
        expect(back).toEqual(heads.map((head) => plainHead(head)));
        // In the same order too (a cache file made again from them keeps a version as a row only in the importer's order).
        expect(back.map((head) => head.wire && Object.keys(head.wire))).toEqual(heads.map((head) => head.wire && Object.keys(head.wire)));
      }),
      { numRuns: 200 },
    );
  });

  it('adds nothing from a file whose columns do not add up, whatever its checksum says', async () => {
    const heads = variedStories().map((story) => JSON.parse(JSON.stringify(story.head)) as StoryHead);
    const stamp = { size: 4_096, mtimeMs: 1_733_480_000_123.5, ino: 77 };
    const bytes = await encodeHeadsCache(heads, stamp);
    // The sections after the magic number: header, table, numbers, lengths, narrow text, wide text, records, bodies' places.
    const sections: Array<{ from: number; length: number }> = [];
    for (let at = 4, k = 0; k < 8; k++) {
      const length = bytes.readUInt32LE(at);
      sections.push({ from: at + 4, length });
      at += 4 + length;
    }
    const [, , numbers, lengths] = sections;
    const changes: Array<(altered: Buffer) => void> = [
      (altered) => altered.writeInt32LE(0x7fff_fff0, lengths!.from), // a string longer than its text
      (altered) => altered.writeInt32LE(-5, lengths!.from), // not a length
      (altered) => altered.writeInt32LE(2, lengths!.from), // the texts not read to their end
      (altered) => altered.writeInt32LE(10_000, numbers!.from), // a place not in the table
      (altered) => altered.writeInt32LE(7, numbers!.from + 6 * 4), // not a way of holding a version
    ];
    const parts = new ColdHeadParts();
    for (const change of changes) {
      const altered = Buffer.from(bytes);
      change(altered);
      altered.writeUInt32LE(crc32(altered.subarray(0, altered.length - 4)), altered.length - 4);
      expect(decodeHeadsCache(altered, stamp, parts)).toBeNull();
    }
    expect(parts.bytes).toBe(new ColdHeadParts().bytes);
    expect(decodeHeadsCache(bytes, stamp, parts)?.heads).toHaveLength(heads.length);
  });

  it('decodes only the file it was made from, and adds nothing when it cannot decode', async () => {
    const heads = variedStories().map((story) => JSON.parse(JSON.stringify(story.head)) as StoryHead);
    const stamp = { size: 4_096, mtimeMs: 1_733_480_000_123.5, ino: 77 };
    const bytes = await encodeHeadsCache(heads, stamp);
    const parts = new ColdHeadParts();
    expect(decodeHeadsCache(bytes, { ...stamp, mtimeMs: stamp.mtimeMs + 1 }, parts)).toBeNull();
    expect(decodeHeadsCache(bytes, { ...stamp, ino: 78 }, parts)).toBeNull();
    expect(decodeHeadsCache(bytes.subarray(0, bytes.length - 1), stamp, parts)).toBeNull();
    expect(decodeHeadsCache(Buffer.from('[]'), stamp, parts)).toBeNull();
    expect(parts.bytes).toBe(new ColdHeadParts().bytes);
    const decoded = decodeHeadsCache(bytes, stamp, parts)!;
    expect(decoded.heads.map(({ head, slot }) => ({ ...head, fileName: parts.fileName(slot), sha256: parts.sha256(slot), contentHash: parts.contentHash(slot), warnings: parts.warnings(slot), capturedAt: parts.capturedAt(slot) }))).toEqual(
      heads.map((head) => ({ ...head, capturedAt: head.capturedAt })),
    );
  });
});
