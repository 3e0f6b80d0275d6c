import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesOf, entrySpans, SegmentPicker, SegmentReader, type SegmentEntries } from './segment-entries';
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

describe('entrySpans', () => {
  it('locates every entry as JSON.parse reads it, for any object of bodies the store writes, and declines anything else', () => {
    const block = fc.record({ type: fc.constantFrom('paragraph', 'heading'), text: fc.string({ unit: 'grapheme' }) });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.array(block, { maxLength: 4 }), { minKeys: 1 }), (bodies) => {
        const text = JSON.stringify(bodies);
        const bytes = Buffer.from(text, 'utf8');
        const spans = entrySpans(bytes, bytes.length)!;
        const parsed = JSON.parse(text) as Record<string, unknown>;
        expect([...spans.keys()].sort()).toEqual(Object.keys(parsed).sort());
        for (const [id, [start, end]] of spans) expect(JSON.parse(bytes.toString('utf8', start, end))).toEqual(parsed[id]);
      }),
      { numRuns: 300 },
    );
    for (const text of ['{}', '{"a": [1]}', '[{"a":[1]}]', '{"a":[{"type":"paragraph","text":"zie \\\\":[ hier"}]']) {
      expect(entrySpans(Buffer.from(text), Buffer.byteLength(text)), text).toBeNull();
    }
  });
});

describe('SegmentPicker', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kroniek-picker-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the entries asked for, first from the whole file, then from where they are; a file written again is located again', async () => {
    const file = path.join(dir, 'a.bodies.json');
    const body = (text: string) => [{ type: 'paragraph', text }];
    await writeFile(file, JSON.stringify({ s1: body('een "citaat":[ hier'), s2: body('twee'), s3: body('drie') }));
    const picker = new SegmentPicker();
    expect(Object.fromEntries((await picker.pick(file, ['s2', 'zz']))!)).toEqual({ s2: body('twee') });
    expect(Object.fromEntries((await picker.pick(file, ['s1', 's3']))!)).toEqual({ s1: body('een "citaat":[ hier'), s3: body('drie') });
    await writeFile(file, JSON.stringify({ s3: body('drie, langer nu'), s4: body('vier') }));
    expect(Object.fromEntries((await picker.pick(file, ['s1', 's3', 's4']))!)).toEqual({ s3: body('drie, langer nu'), s4: body('vier') });
    await expect(picker.pick(path.join(dir, 'missing.bodies.json'), ['s1'])).rejects.toBeInstanceOf(SegmentFileError);
    // Written some other way (spaces): read by the full scan.
    const other = path.join(dir, 'b.bodies.json');
    await writeFile(other, JSON.stringify({ s5: body('vijf'), s6: body('zes') }, null, 2));
    expect(Object.fromEntries((await picker.pick(other, ['s6']))!)).toEqual({ s6: body('zes') });
  });

  it('reads the entries of a file told of beforehand only where they are, and a file changed since as before', async () => {
    const file = path.join(dir, 'c.bodies.json');
    const body = (text: string) => [{ type: 'paragraph', text }];
    const first = JSON.stringify(body('Eerste bericht uit Zwolle'));
    const second = JSON.stringify(body('Tweede bericht, met “aanhalingstekens” en één accent'));
    // Bytes around the entries that are no JSON at all: a whole read of this file fails.
    const text = `rommel ${first} meer rommel ${second} einde`;
    await writeFile(file, text);
    const at = (part: string) => Buffer.byteLength(text.slice(0, text.indexOf(part)));
    const spans = Uint32Array.from([at(first), at(first) + Buffer.byteLength(first), 0, 0, at(second), at(second) + Buffer.byteLength(second)]);
    const { size, mtimeMs } = await stat(file);
    const picker = new SegmentPicker();
    expect(() => picker.note(file, { size, mtimeMs }, ['s1'], spans)).toThrow(RangeError);
    picker.note(file, { size, mtimeMs }, ['s1', 'weg', 's2'], spans);
    expect(Object.fromEntries(await picker.pick(file, ['s2', 'weg', 'zz', 's1']))).toEqual({ s1: body('Eerste bericht uit Zwolle'), s2: body('Tweede bericht, met “aanhalingstekens” en één accent') });
    expect(Object.fromEntries(await picker.pick(file, ['s2']))).toEqual({ s2: body('Tweede bericht, met “aanhalingstekens” en één accent') });
    // Written again since: what was told is not used; the file is read whole (and is damaged now).
    await writeFile(file, `${text} `);
    await expect(picker.pick(file, ['s1'])).rejects.toBeInstanceOf(SegmentFileError);
    await writeFile(file, JSON.stringify({ s1: body('Nieuw') }));
    expect(Object.fromEntries(await picker.pick(file, ['s1', 's2']))).toEqual({ s1: body('Nieuw') });
  });

  it('reads files of different sizes whole, one after another and many at once, each to its own entries', async () => {
    const body = (text: string) => [{ type: 'paragraph', text }];
    // Sizes up and down: a buffer kept from a larger file must not show its old bytes, nor one
    // being read be taken by a pick that overlaps it.
    const files = await Promise.all(
      [3, 400, 20, 2_000, 1].map(async (stories, n) => {
        const file = path.join(dir, `f${n}.bodies.json`);
        const entries = Object.fromEntries(Array.from({ length: stories }, (_, i) => [`f${n}s${i}`, body(`Bericht ${i} uit bestand ${n}: ${'tekst '.repeat(i % 7)}`)]));
        await writeFile(file, JSON.stringify(entries));
        return { file, entries, last: `f${n}s${stories - 1}` };
      }),
    );
    const picker = new SegmentPicker(0);
    for (const { file, entries, last } of files) expect(Object.fromEntries(await picker.pick(file, [last, 'f9s9']))).toEqual({ [last]: entries[last] });
    const together = await Promise.all(files.map(({ file, last }) => picker.pick(file, [last])));
    expect(together.map((values) => [...values.keys()])).toEqual(files.map(({ last }) => [last]));
    expect(together.map((values, n) => values.get(files[n]!.last))).toEqual(files.map(({ entries, last }) => entries[last]));
  });
});
