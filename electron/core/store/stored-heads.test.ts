import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoryHead } from './meta';
import { ColdHeadParts, HashIndex, instantMs, plainHead, StoredHead } from './stored-heads';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

const head = (overrides: Partial<StoryHead> = {}): StoryHead => ({
  id: 's-1',
  kind: 'article',
  headline: 'Kabinet legt compromis over stikstof voor aan Kamer',
  dateline: { place: 'DEN HAAG', agencies: ['ANP'] },
  section: 'Binnenland',
  ageLabel: null,
  pageId: null,
  fileName: 'anp-stikstof.txt',
  sha256: hex('bestand'),
  importedAt: '2024-03-05T09:12:44.120Z',
  contentHash: hex('inhoud'),
  warnings: [],
  ...overrides,
});

/** Heads as segment files hold them, in every shape the store accepts. */
const anyHead: fc.Arbitrary<StoryHead> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9-]{1,30}$/),
    kind: fc.constantFrom('article' as const, 'brief' as const),
    headline: fc.string({ unit: 'grapheme', maxLength: 120 }),
    place: fc.string({ maxLength: 20 }),
    section: fc.option(fc.string({ maxLength: 20 })),
    fileName: fc.string({ unit: 'grapheme', maxLength: 80 }),
    sha256: fc.oneof(fc.string().map(hex), fc.string({ maxLength: 70 })),
    contentHash: fc.oneof(fc.string().map(hex), fc.string({ maxLength: 70 }), fc.string().map((text) => hex(text).toUpperCase())),
    warnings: fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 4 }),
    // As the importer writes it (kept as a number), in other forms (kept as written), or none.
    capturedAt: fc.option(fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom('2024-03-05T09:12:44Z', '2024-03-05T10:12:44.120+01:00', 'gisteren'), fc.string({ maxLength: 24 })), { nil: undefined }),
  })
  .map(({ place, ...parts }) => {
    const built = head({ ...parts, dateline: { place, agencies: [] } });
    if (parts.capturedAt === undefined) delete built.capturedAt;
    return built;
  });

describe('stored heads', () => {
  it('give back every part of any head, and serialise byte for byte as the plain head', () => {
    const parts = new ColdHeadParts();
    fc.assert(
      fc.property(anyHead, (plain) => {
        const stored = StoredHead.of(plain, parts);
        expect(plainHead(stored)).toEqual(plain);
        expect(JSON.stringify(stored)).toBe(JSON.stringify(plain));
        expect([stored.fileName, stored.sha256, stored.contentHash, stored.warnings, stored.capturedAt]).toEqual([plain.fileName, plain.sha256, plain.contentHash, plain.warnings, plain.capturedAt]);
      }),
      { numRuns: 500 },
    );
  });

  it('keep earlier records readable as the buffers fill, and take a record larger than a buffer', () => {
    const parts = new ColdHeadParts();
    const plains = Array.from({ length: 12_000 }, (_, i) => head({ id: `s-${i}`, fileName: `anp-${i}-${'é'.repeat(i % 50)}.txt`, sha256: hex(`b${i}`), contentHash: hex(`c${i}`), warnings: i % 7 ? [] : [`waarschuwing ${i}`] }));
    const huge = head({ id: 'groot', fileName: `${'x'.repeat(1_500_000)}.txt`, warnings: ['lang'] });
    const stored = [...plains.slice(0, 6_000), huge, ...plains.slice(6_000)].map((plain) => StoredHead.of(plain, parts));
    expect(stored.map(plainHead)).toEqual([...plains.slice(0, 6_000), huge, ...plains.slice(6_000)]);
    expect(parts.bytes).toBeGreaterThan(1_500_000);
  });

  it('take records copied as they are kept, in bulk, across buffers and with a record larger than a buffer', () => {
    const source = new ColdHeadParts();
    const plains = Array.from({ length: 9_000 }, (_, i) => head({ id: `s-${i}`, fileName: `anp-${i}-${'ë'.repeat(i % 90)}.txt`, sha256: hex(`b${i}`), contentHash: i % 11 ? hex(`c${i}`) : `hash-${i}`, warnings: i % 7 ? [] : [`waarschuwing ${i}`], capturedAt: i % 3 ? undefined : i % 2 ? '2024-03-05T09:12:44.120Z' : 'gisteren' }));
    plains.splice(4_000, 0, head({ id: 'groot', fileName: `${'x'.repeat(1_200_000)}.txt` }));
    const slots = plains.map((plain) => StoredHead.of(plain, source)).map((_, k) => k);
    const records = slots.map((slot) => Buffer.from(source.recordBytes(slot)));
    const ends: number[] = [];
    records.reduce((at, record) => (ends.push(at + 5 + record.length), at + record.length), 0);
    // Behind 5 bytes of something else, as in a cache file.
    const bytes = Buffer.concat([Buffer.from('kop!!'), ...records]);
    const target = new ColdHeadParts();
    StoredHead.of(head({ fileName: 'eerst.txt' }), target);
    const first = target.addRecords(bytes, 5, ends, (k) => source.capturedMs(k));
    expect(first).toBe(1);
    const read = (parts: ColdHeadParts, slot: number) => [parts.fileName(slot), parts.sha256(slot), parts.contentHash(slot), parts.warnings(slot), parts.capturedAt(slot)];
    for (const slot of slots) expect(read(target, first + slot)).toEqual(read(source, slot));
    expect(read(target, 0)[0]).toBe('eerst.txt');
  });

  it('show another id or kind with the same parts, and are never copied by a spread', () => {
    const parts = new ColdHeadParts();
    const stored = StoredHead.of(head({ capturedAt: '2024-03-05T09:00:00.000Z' }), parts);
    const shown = stored.with({ id: 'verhaal-2', kind: 'brief', pageId: 'p-9' });
    expect(plainHead(shown)).toEqual({ ...plainHead(stored), id: 'verhaal-2', kind: 'brief', pageId: 'p-9' });
    expect(StoredHead.of(stored, parts)).toBe(stored);
    // The private parts are not own properties: equality with a plain head sees only the list parts.
    expect(Object.keys(stored)).toEqual(['id', 'kind', 'headline', 'dateline', 'section', 'ageLabel', 'pageId', 'importedAt', 'wire']);
  });
});

describe('capture instants kept as numbers', () => {
  it('read back as the very same string, and anything else is left as text', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        expect(instantMs(date.toISOString())).toBe(date.getTime());
      }),
      { numRuns: 2_000 },
    );
    const nearly = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 999 }));
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(fc.oneof(nearly.map(([y, mo, d, h, mi, s, ms]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`), fc.string({ minLength: 24, maxLength: 24 })), (text) => {
        const ms = instantMs(text);
        if (!Number.isNaN(ms)) expect(new Date(ms).toISOString()).toBe(text);
      }),
      { numRuns: 5_000 },
    );
    expect([instantMs('2024-02-29T12:00:00.000Z'), instantMs('2023-02-29T12:00:00.000Z'), instantMs('1900-02-29T00:00:00.000Z'), instantMs('2000-02-29T00:00:00.000Z')].map(Number.isNaN)).toEqual([false, true, true, false]);
  });
});

describe('hash index', () => {
  it('finds ids by full hash, also when hashes share their first 28 bits, and points a hash set again at the new id', () => {
    const hashes = new Map<string, string>();
    const index = new HashIndex((id) => hashes.get(id));
    const add = (id: string, hash: string) => {
      hashes.set(id, hash);
      index.set(hash, id);
    };
    const prefix = hex('a').slice(0, 7);
    const twins = ['1', '2', '3'].map((tail) => prefix + hex(tail).slice(7));
    add('a', twins[0]!);
    add('b', twins[1]!);
    add('c', twins[2]!);
    expect(twins.map((hash) => index.get(hash))).toEqual(['a', 'b', 'c']);
    expect(index.get(prefix + hex('4').slice(7))).toBeUndefined();
    expect(index.get(hex('nergens'))).toBeUndefined();
    add('d', twins[1]!);
    expect(index.get(twins[1]!)).toBe('d');
    // Another form (a hand-made test library, an older version): kept as it is.
    add('e', 'niet-hex');
    add('f', twins[0]!.toUpperCase());
    expect([index.get('niet-hex'), index.get(twins[0]!.toUpperCase()), index.get(twins[0]!)]).toEqual(['e', 'f', 'a']);
  });

  it('answers as a Map would for any sequence of sets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 })), { maxLength: 60 }), (sets) => {
        // Hashes that collide in their first 28 bits often: 4 prefixes, 13 hashes.
        const hashOf = (n: number) => hex(String(n % 4)).slice(0, 7) + hex(`h${n}`).slice(7);
        const ids = new Map<string, string>();
        const index = new HashIndex((id) => ids.get(id));
        const model = new Map<string, string>();
        for (const [story, n] of sets) {
          const id = `s${story}`;
          if (ids.has(id)) continue; // a story's hash never changes
          ids.set(id, hashOf(n));
          index.set(hashOf(n), id);
          model.set(hashOf(n), id);
        }
        for (let n = 0; n <= 12; n++) expect(index.get(hashOf(n))).toBe(model.get(hashOf(n)));
      }),
      { numRuns: 300 },
    );
  });
});
