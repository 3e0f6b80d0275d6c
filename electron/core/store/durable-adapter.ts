import type { Adapter } from 'lowdb';
import { readFileIfExists, writeFileDurablyWith } from './durable-file';
import { jsonInSlices, writeChunks } from './meta-json';

/**
 * lowdb adapter for one JSON document with durable writes (see durable-file.ts).
 * Reading returns the raw parsed value; the caller checks its shape, because a
 * damaged file must be reported and kept, never replaced by defaults.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Length (UTF-16 units) of the last document written: what the store weighs its edit log against. */
  lastLength = 0;

  constructor(readonly filePath: string) {}

  async read(): Promise<T | null> {
    const raw = await readFileIfExists(this.filePath);
    if (raw === null) return null;
    return JSON.parse(raw.toString('utf8')) as T;
  }

  /**
   * The document's JSON is made a slice at a time (meta-json.ts), handing the event loop back
   * between slices, then written in one go: one JSON.stringify of a decade's 50 MB document
   * held it ~0.5 s, at the edit that folded the edit log into the document.
   */
  async write(data: T): Promise<void> {
    const json = await jsonInSlices(data as object);
    await writeFileDurablyWith(this.filePath, (handle) => writeChunks(handle, json.chunks));
    this.lastLength = json.chars;
  }
}
