import type { FileHandle } from 'node:fs/promises';
import { StoryMap } from './story-map';
import { nextTurn } from '../slices';

// The metadata document as JSON text, a piece at a time. JSON.stringify of the whole document
// holds the thread for as long as it takes (a backup of a 50 MB document at a decade's archive:
// ~0.5 s, and the check that read it back parsed it again for ~1 s more); written in pieces,
// the writer hands the event loop back between them. Joined, the pieces are the document as
// JSON.stringify writes it: the same keys, in the same order, with the same values (a
// per-story record's entries each as JSON.stringify writes them).

/** Characters per piece, about: small enough to be made and written within a few milliseconds. */
export const META_JSON_PIECE = 1 << 16;

/** Array elements (or record entries) are gathered into a piece of their own from this many on. */
const LARGE = 256;

/**
 * `meta` as JSON in pieces of about `piece` characters. Meant for the metadata document (a
 * plain object whose large parts are StoryMaps and arrays); any JSON value gives the text
 * JSON.stringify gives it, but only the top level and its large parts are split.
 */
export function* metaJsonPieces(meta: object, piece = META_JSON_PIECE): Generator<string> {
  let out = '';
  const emit = function* (text: string): Generator<string> {
    out += text;
    if (out.length >= piece) {
      yield out;
      out = '';
    }
  };
  const members = Object.keys(meta);
  out += '{';
  let first = true;
  for (const key of members) {
    const value = jsonValue((meta as Record<string, unknown>)[key], key);
    if (value === undefined) continue;
    yield* emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (value instanceof StoryMap) yield* recordPieces(value, emit);
    else if (Array.isArray(value) && value.length >= LARGE) yield* arrayPieces(value, emit);
    else yield* emit(JSON.stringify(value));
  }
  out += '}';
  yield out;
}

type Emit = (text: string) => Generator<string>;

/** What JSON.stringify writes for a member's value (after its toJSON), or undefined when it leaves the member out. */
function jsonValue(value: unknown, key: string): unknown {
  let current = value;
  if (current !== null && typeof current === 'object' && !(current instanceof StoryMap) && typeof (current as { toJSON?: unknown }).toJSON === 'function') {
    current = (current as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (current === undefined || typeof current === 'function' || typeof current === 'symbol') return undefined;
  return current;
}

/** A StoryMap as its toJSON object is written: `{"id":value,…}`, entries with no JSON value left out. */
function* recordPieces(map: StoryMap<unknown>, emit: Emit): Generator<string> {
  yield* emit('{');
  let first = true;
  for (const [key, entry] of map.entries()) {
    const text = JSON.stringify(jsonValue(entry, key));
    if (text === undefined) continue;
    yield* emit(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
    first = false;
  }
  yield* emit('}');
}

/** An array as JSON.stringify writes it: an element with no JSON value is written as null. */
function* arrayPieces(array: unknown[], emit: Emit): Generator<string> {
  yield* emit('[');
  for (let at = 0; at < array.length; at++) {
    const text = JSON.stringify(jsonValue(array[at], String(at)));
    yield* emit(`${at === 0 ? '' : ','}${text ?? 'null'}`);
  }
  yield* emit(']');
}

/** Characters of JSON made between two turns of the event loop (a few milliseconds' work). */
export const JSON_SLICE_CHARS = 1 << 16;

export interface JsonChunks {
  /** The JSON as UTF-8, in order. */
  chunks: Buffer[];
  /** Its length in UTF-16 units (as `text.length` would be). */
  chars: number;
  bytes: number;
}

/**
 * `meta`'s JSON (metaJsonPieces) as UTF-8 chunks, made a slice at a time with a turn of the
 * event loop between slices, for a writer that then writes the
 * file in one go: written as it was made, a large file's stream of dirty pages made every
 * edit's own sync wait on the disk meanwhile. `meta` must not change meanwhile (the metadata
 * document never does: each edit makes a new one).
 */
export async function jsonInSlices(meta: object, options: { sliceChars?: number } = {}): Promise<JsonChunks> {
  const sliceChars = options.sliceChars ?? JSON_SLICE_CHARS;
  const chunks: Buffer[] = [];
  let chars = 0;
  let bytes = 0;
  let pending: string[] = [];
  let length = 0;
  const seal = () => {
    const chunk = Buffer.from(pending.join(''), 'utf8');
    chunks.push(chunk);
    bytes += chunk.length;
    pending = [];
    length = 0;
  };
  for (const piece of metaJsonPieces(meta, Math.min(META_JSON_PIECE, sliceChars))) {
    pending.push(piece);
    length += piece.length;
    chars += piece.length;
    if (length < sliceChars) continue;
    seal();
    await nextTurn();
  }
  seal();
  return { chunks, chars, bytes };
}

/** Writes `chunks` through `handle`, every byte (a short write goes on from where it stopped). */
export async function writeChunks(handle: FileHandle, chunks: readonly Buffer[]): Promise<void> {
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; ) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
  }
}
