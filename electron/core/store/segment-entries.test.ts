import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesOf, SegmentReader, type SegmentEntries } from './segment-entries';
import { SegmentFileError } from './segment-shape';

const all = (entries: SegmentEntries) => entries.ids.map((id, index) => [id, entries.value(index)]);
/** By id: JSON.parse puts ids that look like array indexes first, the scan keeps file order (the store's ids never look like one). */
const byId = (entries: unknown[][]) => [...entries].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
const fromText = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return entriesOf(bytes, bytes.length);
};

describe('entriesOf', () => {
  it('gives what Object.entries(JSON.parse()) gives, for any object of bodies the store could write', () => {
    const block = fc.record({ type: fc.constantFrom('paragraph', 'heading'), text: fc.string({ unit: 'grapheme' }) });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.array(block, { maxLength: 4 })), fc.boolean(), (bodies, pretty) => {
        const text = pretty ? JSON.stringify(bodies, null, 2) : JSON.stringify(bodies);
        expect(byId(all(fromText(text)))).toEqual(byId(Object.entries(JSON.parse(text))));
      }),
      { numRuns: 300 },
    );
  });

  it('is not fooled by brackets, braces, quotes and backslashes inside strings', () => {
    const bodies = {
      'a"}': [{ type: 'paragraph', text: 'Hij zei: "]}{[" en \\ dan \\" nog' }],
      'b\\': [{ type: 'paragraph', text: 'Oekraïne, Genève, 🙂, \u2028' }],
      c: [],
    };
    expect(all(fromText(JSON.stringify(bodies)))).toEqual(Object.entries(bodies));
  });

  it('lets the last of repeated ids stand, as JSON.parse does', () => {
    expect(all(fromText('{"a":[1],"b":[2],"a":[3]}'))).toEqual([
      ['a', [3]],
      ['b', [2]],
    ]);
  });

  it('reads an empty object as no entries', () => {
    expect(fromText('{}').ids).toEqual([]);
    expect(fromText(' \n{ }\n').ids).toEqual([]);
  });

  it('throws a SegmentFileError naming the damage for a damaged file, never a partial list', () => {
    for (const broken of ['', '{"a":[1],', '{"a":[1]', '{"a" [1]}', '{"a":[1]} trailing', '{"a":[1}']) {
      expect(() => fromText(broken), broken).toThrow(new SegmentFileError('not-json'));
    }
    for (const wrong of ['[1,2]', '"bodies"', 'null', '42']) expect(() => fromText(wrong), wrong).toThrow(new SegmentFileError('wrong-shape'));
  });

  it('throws when a value is broken inside, as soon as that story is read', () => {
    const entries = fromText('{"a":[{"text":"goed"}],"b":[{"text":tru}]}');
    expect(entries.ids).toEqual(['a', 'b']);
    expect(entries.value(0)).toEqual([{ text: 'goed' }]);
    expect(() => entries.value(1)).toThrow(SyntaxError);
  });
});

describe('SegmentReader', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kroniek-segment-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads files of any size one after the other through one buffer, and a SegmentFileError for a missing, empty or non-regular file', async () => {
    const reader = new SegmentReader();
    const big = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`id${i}`, [{ type: 'paragraph', text: `Verhaal ${i} over Oekraïne. `.repeat(20) }]]));
    const small = { x: [{ type: 'heading', text: 'Genève' }] };
    await writeFile(path.join(dir, 'big.json'), JSON.stringify(big));
    await writeFile(path.join(dir, 'small.json'), JSON.stringify(small));
    for (const [name, bodies] of [['small.json', small], ['big.json', big], ['small.json', small]] as const) {
      const entries = await reader.read(path.join(dir, name));
      expect(all(entries!)).toEqual(Object.entries(bodies));
    }
    await expect(reader.read(path.join(dir, 'missing.json'))).rejects.toThrow(new SegmentFileError('missing'));
    await writeFile(path.join(dir, 'empty.json'), '');
    await expect(reader.read(path.join(dir, 'empty.json'))).rejects.toThrow(new SegmentFileError('empty'));
    await expect(reader.read(dir)).rejects.toThrow(new SegmentFileError('not-a-file'));
  });
});
