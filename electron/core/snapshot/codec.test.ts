import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferSource, SnapshotFormatError, SnapshotReader, SnapshotWriter, u32s, u8s, type ByteSource } from './codec';

// The reader pulls bytes through a window; whatever the window size, it must give back
// exactly what the writer wrote, reading every byte once and in order.

type Item = { kind: 'u8' | 'u32' | 'f64'; value: number } | { kind: 'string'; value: string } | { kind: 'bytes'; value: Uint8Array } | { kind: 'words'; value: Uint32Array };

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((value) => ({ kind: 'u8' as const, value })),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((value) => ({ kind: 'u32' as const, value })),
  fc.double({ noNaN: true }).map((value) => ({ kind: 'f64' as const, value })),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((value) => ({ kind: 'string' as const, value })),
  fc.uint8Array({ maxLength: 70 }).map((value) => ({ kind: 'bytes' as const, value })),
  fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 20 }).map((list) => ({ kind: 'words' as const, value: Uint32Array.from(list) })),
);

function encode(items: Item[]): Buffer {
  const out = new SnapshotWriter();
  for (const it of items) {
    if (it.kind === 'u8') out.u8(it.value);
    else if (it.kind === 'u32') out.u32(it.value);
    else if (it.kind === 'f64') out.f64(it.value);
    else if (it.kind === 'string') out.string(it.value);
    else for (const _ of out.array(it.value as ArrayBufferView)) void _;
  }
  return Buffer.concat(out.take(true));
}

function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** A source that records what was read, to prove each byte is read once, in order. */
function recording(data: Buffer): ByteSource & { reads: Array<[number, number]> } {
  const inner = bufferSource(data);
  const reads: Array<[number, number]> = [];
  return { size: inner.size, reads, read: (target, position) => (reads.push([position, target.length]), inner.read(target, position)) };
}

describe('snapshot reader', () => {
  it('reads back what was written, through windows of any size, each byte once and in order', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (items, windowSize) => {
        const data = encode(items);
        const source = recording(data);
        const input = new SnapshotReader(source, 0, data.length, windowSize);
        for (const it of items) {
          if (it.kind === 'u8') expect(input.u8()).toBe(it.value);
          else if (it.kind === 'u32') expect(input.u32()).toBe(it.value);
          else if (it.kind === 'f64') expect(input.f64()).toBe(it.value);
          else if (it.kind === 'string') expect(input.string()).toBe(it.value);
          else if (it.kind === 'bytes') expect(drain(input.array(u8s, 1))).toEqual(it.value);
          else expect(drain(input.array(u32s, 4))).toEqual(it.value);
        }
        expect(input.done).toBe(true);
        let next = 0;
        for (const [position, length] of source.reads) {
          expect(position).toBe(next);
          next += length;
        }
        expect(next).toBe(data.length);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses lengths that run past the end instead of reading them', () => {
    const out = new SnapshotWriter();
    out.u32(1_000);
    const data = Buffer.concat(out.take(true));
    expect(() => new SnapshotReader(bufferSource(data), 0, data.length, 3).string()).toThrow(SnapshotFormatError);
    expect(() => drain(new SnapshotReader(bufferSource(data), 0, data.length, 3).array(u8s, 1))).toThrow(SnapshotFormatError);
  });

  it('reads back any text exactly, lone surrogates too, where string() refuses one', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (texts, windowSize) => {
        const out = new SnapshotWriter();
        drain(out.texts(texts));
        const data = Buffer.concat(out.take(true));
        expect(drain(new SnapshotReader(bufferSource(data), 0, data.length, windowSize).texts())).toEqual(texts);
      }),
      { numRuns: 300 },
    );
    expect(() => new SnapshotWriter().string('half \uD83D')).toThrow();
  });
});
