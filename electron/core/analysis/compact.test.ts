import { describe, expect, it } from 'vitest';
import { ByteArena, ByteWriter, CharPool, kthLargest, Labels, Postings, StringTable } from './compact';

describe('CharPool', () => {
  it('gives back every string as it was appended, ASCII, any other character and a lone half of a pair, through growth and copies', () => {
    const texts = ['', 'kort', 'één', '“Wij gaan door”', '€ 5', '😀 lacht', 'half \uD83D', '\uDC00', 'x'.repeat(5_000), 'ĳ'.repeat(3_000), 'a'];
    const pool = new CharPool();
    const spans: Array<[number, number]> = [];
    for (let round = 0; round < 50; round++) {
      for (const text of texts) {
        const start = pool.append(text);
        spans.push([start, pool.length - start]);
        if (round % 7 === 0) pool.end();
      }
    }
    const copy = new CharPool();
    copy.appendBytes(pool.data.subarray(0, pool.length));
    spans.forEach(([start, length], k) => {
      expect(pool.read(start, length)).toBe(texts[k % texts.length]);
      expect(copy.read(start, length)).toBe(texts[k % texts.length]);
    });
    // ASCII is a byte per character, anything else two or three per code unit, never 0xff.
    expect(pool.data.subarray(spans[1]![0], spans[1]![0] + 4)).toEqual(new Uint8Array([0x6b, 0x6f, 0x72, 0x74]));
    expect(spans.slice(0, texts.length).map(([, length]) => length)).toEqual([0, 4, 5, 19, 5, 12, 8, 3, 5_000, 6_000, 1]);
  });
});

describe('StringTable', () => {
  it('gives each string one dense id and reads it back', () => {
    const table = new StringTable();
    expect(table.get('kabinet')).toBe(-1);
    expect(table.add('kabinet')).toBe(0);
    expect(table.add('storm')).toBe(1);
    expect(table.add('kabinet')).toBe(0);
    expect(table.get('storm')).toBe(1);
    expect(table.get('stor')).toBe(-1);
    expect(table.get('stormen')).toBe(-1);
    expect(table.size).toBe(2);
    expect(table.text(0)).toBe('kabinet');
  });

  it('keeps any string exactly: empty, diacritics, other scripts, emoji and lone surrogates', () => {
    const table = new StringTable();
    const texts = ['', 'oekraine', 'Oekraïne', 'Yeşilgöz', 'Генеральная', '北京', '👍🏽', '\ud800x', 'x\udc00', 'a'.repeat(10_000)];
    const ids = texts.map((text) => table.add(text));
    expect(new Set(ids).size).toBe(texts.length);
    texts.forEach((text, k) => {
      expect(table.get(text)).toBe(ids[k]);
      expect(table.text(ids[k]!)).toBe(text);
    });
  });

  it('finds every string after growing many times', () => {
    const table = new StringTable();
    const wanted = Array.from({ length: 20_000 }, (_, k) => k);
    // One comparison of the whole list, not 20,000 expect() calls.
    expect(wanted.map((k) => table.add(`woord${k}`))).toEqual(wanted);
    expect(wanted.map((k) => table.get(`woord${k}`))).toEqual(wanted);
    expect(table.get('woord20000')).toBe(-1);
    expect(table.text(12_345)).toBe('woord12345');
  });
});

describe('Labels', () => {
  it('sets and replaces labels by id', () => {
    const labels = new Labels();
    labels.set(0, 'geisoleerde');
    labels.set(1, 'ceremoniele');
    labels.set(2, '');
    expect(labels.get(0)).toBe('geisoleerde');
    labels.set(0, 'geïsoleerde');
    expect(labels.get(0)).toBe('geïsoleerde');
    expect(labels.get(1)).toBe('ceremoniele');
    expect(labels.get(2)).toBe('');
    for (let k = 3; k < 5_000; k++) labels.set(k, `Naam ${k} \u0000\u00ff\uffff`);
    expect(labels.get(4_321)).toBe('Naam 4321 \u0000\u00ff\uffff');
  });
});

/** The index of the first byte where a and b differ, or -1 when they are equal. */
function firstDifference(a: Buffer, b: Buffer): number {
  if (a.equals(b)) return -1;
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return k;
  return Math.min(a.length, b.length);
}

describe('ByteWriter and ByteArena', () => {
  it('stores records across chunks, a record larger than a chunk in one of its own', () => {
    const arena = new ByteArena();
    const records: { address: number; bytes: Uint8Array }[] = [];
    const sizes = [0, 1, 3_000, 1_048_575, 2, 3_000_000, 5, 700_000, 700_000];
    sizes.forEach((size, k) => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + k) & 0xff;
      records.push({ address: arena.store(bytes), bytes });
    });
    records.forEach(({ address, bytes }, k) => {
      const start = ByteArena.offset(address);
      expect(start + bytes.length, `record ${k}`).toBeLessThanOrEqual(arena.chunk(address).length);
      // Compared as bytes, with the first difference in the message: toEqual() walks a
      // 3 MB typed array element by element through its generic equality (over a minute).
      const stored = Buffer.from(arena.chunk(address).subarray(start, start + bytes.length));
      expect(stored.length, `record ${k}`).toBe(bytes.length);
      expect(firstDifference(stored, Buffer.from(bytes)), `record ${k}: first differing byte`).toBe(-1);
    });
  });

  it('writes unsigned integers in 7-bit groups', () => {
    const writer = new ByteWriter();
    for (const value of [0, 127, 128, 300, 2 ** 21, 2 ** 32 - 1]) writer.varint(value);
    expect([...writer.bytes()]).toEqual([0, 127, 0x80, 1, 0xac, 2, 0x80, 0x80, 0x80, 1, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    writer.reset();
    for (let k = 0; k < 5_000; k++) writer.byte(k & 0xff);
    expect(writer.bytes().length).toBe(5_000);
  });
});

describe('Postings', () => {
  const read = (postings: Postings, list: number, cap = 1_000) => {
    const out = new Uint32Array(cap);
    return [...out.subarray(0, postings.newest(list, cap, out))];
  };

  it('reads each list newest first, the added slots before the packed base', () => {
    const postings = new Postings();
    for (let slot = 0; slot < 100; slot++) postings.push(slot % 3, slot);
    expect(read(postings, 0)).toEqual(Array.from({ length: 34 }, (_, k) => 99 - 3 * k));
    postings.setBase(Uint32Array.from([0, 2, 2, 5]), Uint32Array.from([1, 4, 0, 2, 3]));
    expect(postings.added).toBe(0);
    expect(postings.baseSize).toBe(5);
    postings.push(0, 7);
    postings.push(3, 8);
    expect(read(postings, 0)).toEqual([7, 4, 1]);
    expect(read(postings, 1)).toEqual([]);
    expect(read(postings, 2)).toEqual([3, 2, 0]);
    expect(read(postings, 3)).toEqual([8]);
    expect(read(postings, 9)).toEqual([]);
    expect(read(postings, 2, 2)).toEqual([3, 2]);
    expect(read(postings, 0, 1)).toEqual([7]);
  });

  it('chains blocks for a long list', () => {
    const postings = new Postings();
    for (let slot = 0; slot < 20_000; slot++) postings.push(slot % 2 ? 5 : 1, slot);
    const odd = read(postings, 5, 20_000);
    expect(odd).toHaveLength(10_000);
    expect(odd.every((slot, k) => slot === 19_999 - 2 * k)).toBe(true);
    expect(read(postings, 1, 3)).toEqual([19_998, 19_996, 19_994]);
  });
});

describe('kthLargest', () => {
  it('finds the k-th largest value with ties', () => {
    const values = [5, 1, 4, 4, 9, 2, 4, 8];
    const sorted = [...values].sort((a, b) => b - a);
    for (let k = 1; k <= values.length; k++) expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1]);
    expect(kthLargest(Float64Array.from([3]), 1)).toBe(3);
    expect(kthLargest(Float64Array.from({ length: 1_000 }, (_, i) => (i * 7919) % 1_000), 10)).toBe(990);
  });
});
