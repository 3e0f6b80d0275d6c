import { crc32 } from 'node:zlib';

// Byte-level encoding for the index snapshot (index-snapshot.ts). Typed arrays go out
// as their raw bytes (little-endian, as every platform Kroniek runs on), strings as
// length-prefixed UTF-8 or Latin-1. Encoders and decoders are generators that yield
// every so often, so a driver (runSliced) can hand the event loop back between
// slices: at 50,000 stories a snapshot is tens of megabytes.

const CHUNK = 1 << 20;
/** A UTF-16 surrogate without its other half: UTF-8 cannot carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Work units (strings, posting lists, stories) between two chances to yield. */
export const YIELD_EVERY = 512;
/** Numbers (postings) written or read between two chances to yield. */
export const YIELD_EVERY_NUMBERS = 16_384;

/**
 * Encodes into 1 MB chunks that the owner takes (`take`) and writes out between slices,
 * then hands back for reuse (`recycle`): the snapshot is never all in memory, and the
 * few buffers in use are the same ones over and over (freed 1 MB buffers tend to stay
 * in the allocator's arenas, counted in the process's resident memory).
 */
export class SnapshotWriter {
  /** CRC-32 of every byte taken so far (see index-snapshot.ts for why CRC-32). */
  crc = 0;
  /** Bytes taken so far. */
  written = 0;
  private current: Buffer;
  private at = 0;
  private readonly finished: Buffer[] = [];
  private readonly spare: Buffer[] = [];

  constructor() {
    this.current = Buffer.allocUnsafe(CHUNK);
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.current.length) return;
    this.seal();
    this.current = (bytes <= CHUNK && this.spare.pop()) || Buffer.allocUnsafe(Math.max(CHUNK, bytes));
  }

  private seal(): void {
    if (this.at === 0) return;
    this.finished.push(this.current.subarray(0, this.at));
    this.at = 0;
  }

  /**
   * The bytes encoded since the last call (all of them with `all`), in order. Pass them
   * to `recycle` once written.
   */
  take(all = false): Buffer[] {
    if (all) {
      this.seal();
      this.current = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK);
    }
    const pieces = this.finished.splice(0);
    for (const piece of pieces) {
      this.crc = crc32(piece, this.crc);
      this.written += piece.length;
    }
    return pieces;
  }

  recycle(pieces: Buffer[]): void {
    for (const piece of pieces) {
      if (piece.byteOffset === 0 && piece.buffer.byteLength === CHUNK && this.spare.length < 4) this.spare.push(Buffer.from(piece.buffer, 0, CHUNK));
    }
  }

  u8(value: number): void {
    this.room(1);
    this.current[this.at++] = value;
  }

  u32(value: number): void {
    this.room(4);
    this.current.writeUInt32LE(value >>> 0, this.at);
    this.at += 4;
  }

  f64(value: number): void {
    this.room(8);
    this.current.writeDoubleLE(value, this.at);
    this.at += 8;
  }

  /** A string as UTF-8 (or Latin-1, for the one-byte packed texts), length first. */
  string(text: string, encoding: 'utf8' | 'latin1' = 'utf8'): void {
    // A lone surrogate would come back as U+FFFD: refuse rather than write a different word.
    if (encoding === 'utf8' && LONE_SURROGATE.test(text)) throw new Error('a string that UTF-8 cannot carry');
    this.checkedString(text, encoding);
  }

  /** `string` once the text is known to be one the encoding carries. */
  private checkedString(text: string, encoding: 'utf8' | 'latin1'): void {
    const bytes = encoding === 'latin1' ? text.length : Buffer.byteLength(text, 'utf8');
    this.u32(bytes);
    this.room(bytes);
    this.current.write(text, this.at, bytes, encoding);
    this.at += bytes;
  }

  /** A typed array's bytes, length first; big arrays in pieces, yielding between them. */
  *array(values: ArrayBufferView): Generator<void> {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.u32(bytes.length);
    for (let start = 0; start < bytes.length; start += CHUNK) {
      const piece = bytes.subarray(start, Math.min(bytes.length, start + CHUNK));
      this.room(piece.length);
      this.current.set(piece, this.at);
      this.at += piece.length;
      yield;
    }
  }

  *strings(list: ReadonlyArray<string>, encoding: 'utf8' | 'latin1' = 'utf8'): Generator<void> {
    this.u32(list.length);
    for (let k = 0; k < list.length; k++) {
      this.string(list[k]!, encoding);
      if (k % YIELD_EVERY === 0) yield;
    }
  }

  /**
   * Strings of any content (imported text): as UTF-8, and the few that UTF-8 cannot carry
   * (a lone surrogate, which an escaped JSON wire text can bring) as JSON, flagged, so that
   * they read back the same (SnapshotReader.texts).
   */
  *texts(list: ReadonlyArray<string>): Generator<void> {
    const flags = new Uint8Array(list.length);
    const written = list.map((text, k) => {
      if (!LONE_SURROGATE.test(text)) return text;
      flags[k] = AS_JSON;
      return JSON.stringify(text);
    });
    yield* this.array(flags);
    // Each checked above (a JSON string is plain ASCII).
    this.u32(written.length);
    for (let k = 0; k < written.length; k++) {
      this.checkedString(written[k]!, 'utf8');
      if (k % YIELD_EVERY === 0) yield;
    }
  }
}

/** A `texts` entry written as JSON. */
const AS_JSON = 1;

/** Thrown for anything that does not decode: the caller falls back to a full build. */
export class SnapshotFormatError extends Error {}

/** Where a reader's bytes come from: read in order, each byte once. */
export interface ByteSource {
  /** Bytes from the start of the source to its end. */
  readonly size: number;
  /** Fills all of `target` with the bytes at `position` on; throws if it cannot. */
  read(target: Uint8Array, position: number): void;
}

/** A source over bytes already in memory (tests, small files). */
export function bufferSource(data: Uint8Array): ByteSource {
  return { size: data.length, read: (target, position) => target.set(data.subarray(position, position + target.length)) };
}

/**
 * Decodes what SnapshotWriter wrote, pulling the bytes from a source through a 1 MB
 * window, so that a snapshot is never all in memory while it is decoded (reading a
 * 113 MB file whole kept RSS at 530 MB right after the indexes were ready; its buffer
 * was garbage but not yet collected). Typed arrays are copied straight from the source
 * into their own memory.
 */
export class SnapshotReader {
  private at: number;
  private window: Buffer;
  /** Source position of window[0], and how many window bytes are filled. */
  private windowStart: number;
  private windowLength = 0;

  constructor(
    private readonly source: ByteSource,
    start: number,
    private readonly end = source.size,
    /** Window size, and the most read from the source at once (small in tests, to cross every boundary). */
    private readonly windowSize = CHUNK,
  ) {
    this.window = Buffer.allocUnsafe(windowSize);
    this.at = start;
    this.windowStart = start;
  }

  get done(): boolean {
    return this.at === this.end;
  }

  /** Makes the next `bytes` readable in the window; returns their offset there and moves past them. */
  private take(bytes: number): number {
    if (!Number.isInteger(bytes) || bytes < 0 || this.at + bytes > this.end) throw new SnapshotFormatError('runs past its end');
    const filledTo = this.windowStart + this.windowLength;
    if (this.at + bytes > filledTo) {
      // Keep the unread tail, then fill the rest of the window from where reading stopped.
      const tail = filledTo - this.at;
      const size = Math.max(this.windowSize, bytes);
      const next = size > this.window.length ? Buffer.allocUnsafe(size) : this.window;
      this.window.copy(next, 0, this.at - this.windowStart, this.at - this.windowStart + tail);
      const fill = Math.min(size - tail, this.end - filledTo);
      this.source.read(next.subarray(tail, tail + fill), filledTo);
      this.window = next;
      this.windowStart = this.at;
      this.windowLength = tail + fill;
    }
    const offset = this.at - this.windowStart;
    this.at += bytes;
    return offset;
  }

  // take() may replace the window: call it before reading `this.window`.
  u8(): number {
    const at = this.take(1);
    return this.window[at]!;
  }

  u32(): number {
    const at = this.take(4);
    return this.window.readUInt32LE(at);
  }

  f64(): number {
    const at = this.take(8);
    return this.window.readDoubleLE(at);
  }

  /** A count of items that each take at least `minBytes`: never more than the bytes left allow. */
  count(minBytes = 1): number {
    const count = this.u32();
    if (count * minBytes > this.end - this.at) throw new SnapshotFormatError('a count larger than the file');
    return count;
  }

  string(encoding: 'utf8' | 'latin1' = 'utf8'): string {
    const bytes = this.u32();
    const at = this.take(bytes);
    const text = this.window.toString(encoding, at, at + bytes);
    // A long string (the metadata) grew the window: back to its usual size.
    if (this.window.length > this.windowSize && this.at === this.windowStart + this.windowLength) this.resetWindow();
    return text;
  }

  private resetWindow(): void {
    this.window = Buffer.allocUnsafe(this.windowSize);
    this.windowStart = this.at;
    this.windowLength = 0;
  }

  /** Copies a typed array out: what the window holds, then the rest straight from the source. */
  *array<T extends ArrayBufferView>(make: (length: number) => T, elementBytes: number): Generator<void, T> {
    const bytes = this.u32();
    if (bytes % elementBytes !== 0) throw new SnapshotFormatError('a typed array of odd length');
    if (this.at + bytes > this.end) throw new SnapshotFormatError('runs past its end');
    const out = make(bytes / elementBytes);
    const target = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    const buffered = Math.min(bytes, this.windowStart + this.windowLength - this.at);
    target.set(this.window.subarray(this.at - this.windowStart, this.at - this.windowStart + buffered), 0);
    this.at += buffered;
    if (buffered === bytes) return out;
    // The window is used up: read the rest in pieces, yielding between them.
    for (let done = buffered; done < bytes; ) {
      const piece = Math.min(this.windowSize, bytes - done);
      this.source.read(target.subarray(done, done + piece), this.at);
      this.at += piece;
      done += piece;
      yield;
    }
    this.windowStart = this.at;
    this.windowLength = 0;
    return out;
  }

  *strings(encoding: 'utf8' | 'latin1' = 'utf8'): Generator<void, string[]> {
    const count = this.count(4);
    const out = new Array<string>(count);
    for (let k = 0; k < count; k++) {
      out[k] = this.string(encoding);
      if (k % YIELD_EVERY === 0) yield;
    }
    return out;
  }

  /** Strings as SnapshotWriter.texts wrote them. */
  *texts(): Generator<void, string[]> {
    const flags = yield* this.array(u8s, 1);
    const texts = yield* this.strings();
    if (flags.length !== texts.length) throw new SnapshotFormatError('texts and their flags do not add up');
    for (let k = 0; k < texts.length; k++) {
      if (flags[k] !== AS_JSON) continue;
      let text: unknown;
      try {
        text = JSON.parse(texts[k]!);
      } catch {
        throw new SnapshotFormatError('a text that does not parse');
      }
      if (typeof text !== 'string') throw new SnapshotFormatError('a text of the wrong shape');
      texts[k] = text;
    }
    return texts;
  }
}

export const u8s = (n: number) => new Uint8Array(n);
export const u32s = (n: number) => new Uint32Array(n);
export const i32s = (n: number) => new Int32Array(n);
export const f32s = (n: number) => new Float32Array(n);

export interface SliceStats {
  /** The longest stretch the generator ran without handing the event loop back. */
  longestBlockMs: number;
  slices: number;
}

/**
 * Runs a generator to its end, handing the event loop back once a slice has run
 * `sliceMs`; `stop` is asked between slices (close with a deadline).
 */
export async function runSliced<T>(
  work: Generator<void, T>,
  stats: SliceStats,
  sliceMs = 8,
  stop?: () => boolean,
  /** Awaited between slices instead of a bare turn of the event loop (writing out what was encoded). */
  pause?: () => Promise<void>,
): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) {
      stats.longestBlockMs = Math.max(stats.longestBlockMs, performance.now() - sliceStart);
      stats.slices++;
      return step.value;
    }
    const now = performance.now();
    if (now - sliceStart >= sliceMs) {
      stats.longestBlockMs = Math.max(stats.longestBlockMs, now - sliceStart);
      stats.slices++;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (pause) await pause();
      if (stop?.()) {
        work.return(undefined as T);
        throw new SnapshotAborted();
      }
      sliceStart = performance.now();
    }
  }
}

export class SnapshotAborted extends Error {
  constructor() {
    super('snapshot abandoned');
  }
}
