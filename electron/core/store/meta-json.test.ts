import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile } from './durable-adapter';
import { withTempDir } from './test/helpers';
import { prng } from '../search/test/synthetic-corpus';
import { emptyMeta, type MetaDoc } from './meta';
import { jsonInSlices, metaJsonPieces } from './meta-json';
import { StoryMap } from './story-map';

// The pieces, joined, must be the document as JSON.stringify writes it: a backup is this text.

function richMeta(stories: number, seed: number): MetaDoc {
  const random = prng(seed);
  const id = (i: number) => `s${i.toString(16).padStart(6, '0')}`;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const meta = emptyMeta();
  const ids = Array.from({ length: stories }, (_, i) => id(i));
  return {
    ...meta,
    segments: Array.from({ length: Math.ceil(stories / 100) }, (_, i) => ({ name: `seg-${i}`, count: 100 })),
    deleted: ids.filter(() => random() < 0.05),
    tags: [{ id: 't1', name: 'Oekraïne "oorlog"', color: '#aa0000' } as never, { id: 't2', name: 'Noord-Korea \\ raketten\n', color: '#00aa00' } as never],
    taggings: StoryMap.from(ids.filter(() => random() < 0.4).map((story) => [story, random() < 0.5 ? ['t1'] : ['t1', 't2']] as [string, string[]])),
    storyEdits: StoryMap.from(
      ids.filter(() => random() < 0.3).map((story) => [story, pick([{ publishedAt: '2024-03-05' }, { publishedAt: null }, { note: 'Bron: ANP — “citaat” \u2028 regel' }, { publishedAt: '2023-12-31', publishedAtEstimated: true }])] as [string, object]),
    ),
  } as MetaDoc;
}

describe('the metadata document as JSON in pieces', () => {
  it('joins to exactly what JSON.stringify writes, whatever the piece size', () => {
    for (const [stories, piece] of [[0, 64], [7, 1], [3_000, 512], [3_000, 1 << 16]] as const) {
      const meta = richMeta(stories, stories + piece);
      const pieces = [...metaJsonPieces(meta, piece)];
      expect(pieces.join('')).toBe(JSON.stringify(meta));
      // Split for real: no piece much longer than asked (one entry more at most).
      if (stories > 100) expect(pieces.length).toBeGreaterThan(JSON.stringify(meta).length / (piece * 4));
    }
  });

  it('leaves out what JSON.stringify leaves out and keeps ids that are Object.prototype names', () => {
    const meta = {
      ...emptyMeta(),
      absent: undefined,
      fn: () => 1,
      when: new Date(Date.UTC(2024, 2, 5)),
      many: Array.from({ length: 600 }, (_, i) => (i % 100 === 0 ? undefined : i % 3 ? `w${i}` : { n: i })),
      taggings: StoryMap.from([
        ['__proto__', ['t1']],
        ['constructor', ['t2']],
        ['gone', undefined as unknown as string[]],
      ]),
    };
    const text = [...metaJsonPieces(meta, 16)].join('');
    expect(text).toBe(JSON.stringify(meta));
    expect(Object.keys(JSON.parse(text).taggings)).toEqual(['__proto__', 'constructor']);
  });
});

describe('the metadata document written a slice at a time', () => {
  it('gives the bytes and length of JSON.stringify, in chunks made between turns of the event loop', async () => {
    const meta = richMeta(5_000, 9);
    const text = JSON.stringify(meta);
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const json = await jsonInSlices(meta, { sliceChars: 4_096 });
    clearInterval(counting);
    expect(Buffer.concat(json.chunks).toString('utf8')).toBe(text);
    expect(json.chars).toBe(text.length);
    expect(json.bytes).toBe(Buffer.byteLength(text));
    expect(createHash('sha256').update(Buffer.concat(json.chunks)).digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    expect(json.chunks.length).toBeGreaterThan(10);
    expect(turns).toBeGreaterThan(0);
    expect(Buffer.concat((await jsonInSlices(meta)).chunks).toString('utf8')).toBe(text);
  });

  it('writes library.json through the store adapter as JSON.stringify would, and weighs it in UTF-16 units', async () => {
    await withTempDir(async (dir) => {
      const meta = richMeta(2_000, 4);
      const adapter = new DurableJsonFile<object>(path.join(dir, 'library.json'));
      await adapter.write(meta);
      const text = JSON.stringify(meta);
      expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(text);
      expect(adapter.lastLength).toBe(text.length);
      expect(await adapter.read()).toEqual(JSON.parse(text));
    });
  });
});
