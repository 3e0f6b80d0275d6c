import type { Adapter } from 'lowdb';
import { readFileIfExists, writeFileDurably } from './durable-file';

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

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    await writeFileDurably(this.filePath, text);
    this.lastLength = text.length;
  }
}
