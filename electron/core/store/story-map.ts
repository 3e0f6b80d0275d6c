// The per-story records of the metadata document that grow with the library (`taggings`,
// `storyEdits`): story id → value, immutable, and cheap to change one entry of.
//
// The document is never edited in place (a failed write leaves memory as it was; undo keeps
// the values before and after; the index worker and the renderer are told what changed by
// comparing identities). As plain objects, every edit copied the whole record: ~0.5 µs per
// story, 88 ms per tag edit at 130,000 tagged stories and ~350 ms at a decade's archive. Here
// the entries are spread over a fixed number of buckets by a hash of the id; an edit copies
// the array of buckets and only the buckets it changes, so its cost no longer depends on the
// size of the library (at a million stories a bucket holds ~2,000 entries, copied in ~0.05 ms).
// Two versions are compared bucket by bucket: buckets that are the same object hold the same
// entries, so what an edit changed is found without walking the rest.
//
// Not a general persistent map library (Immutable.js's HAMT would do): that keeps ~80 bytes per
// entry in nodes and entry arrays, about twice a Map's, in the main process's heap, whose
// collections are what still blocks its event loop during an index build; this needs only
// string keys, `get`, and copy-on-write per bucket, in a Map per bucket.
//
// Keys are Map keys, so an id such as `__proto__` or `constructor` is an entry like any other.
// On disk (library.json, the index snapshot) the map is a JSON object (`toJSON`); it is read
// back with `StoryMap.from`.

const BUCKET_BITS = 9;
const BUCKETS = 1 << BUCKET_BITS;

/** The bucket of an id: FNV-1a over its UTF-16 code units, top bits. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> (32 - BUCKET_BITS);
}

type Bucket<T> = Map<string, T>;

/**
 * A StoryMap as it crosses to a worker thread (structured clone keeps Maps, not classes): its
 * buckets as they are. Cloning 512 Maps costs about half of cloning the same entries as one
 * JSON object (9 against 17-21 ms for 46,000 entries), and the worker adopts them without
 * hashing a key again: the main thread starts a worker that much sooner.
 */
export interface StoryMapMessage<T> {
  buckets: ReadonlyArray<ReadonlyMap<string, T> | undefined>;
}

export class StoryMap<T> implements Iterable<[string, T]> {
  private constructor(
    /** Never changed once the map is made (a changed bucket is a new Map in a new array). */
    private readonly buckets: ReadonlyArray<Bucket<T> | undefined>,
    /** The number of entries. */
    readonly size: number,
  ) {}

  private static readonly NONE: ReadonlyArray<undefined> = Object.freeze(new Array<undefined>(BUCKETS).fill(undefined));

  static empty<T>(): StoryMap<T> {
    return new StoryMap<T>(StoryMap.NONE, 0);
  }

  /** A map of these entries: a JSON object's own enumerable keys (as read from disk), pairs, or another map (returned as it is). */
  static from<T>(source: StoryMap<T> | Readonly<Record<string, T>> | Iterable<readonly [string, T]>): StoryMap<T> {
    if (source instanceof StoryMap) return source;
    // Made directly (every opening reads the document's records into maps): no copy-on-write bookkeeping.
    const buckets = new Array<Bucket<T> | undefined>(BUCKETS).fill(undefined);
    const put = (key: string, value: T) => {
      if (value === undefined) return;
      const at = bucketOf(key);
      (buckets[at] ??= new Map()).set(key, value);
    };
    if (Symbol.iterator in source) for (const [key, value] of source as Iterable<readonly [string, T]>) put(key, value);
    else {
      const record = source as Readonly<Record<string, T>>;
      for (const key of Object.keys(record)) put(key, record[key]!);
    }
    let size = 0;
    for (const bucket of buckets) if (bucket) size += bucket.size;
    return new StoryMap(buckets, size);
  }

  /**
   * A map of a JSON object's own enumerable entries (as read from disk), each value checked by
   * `problem` as it is taken in: the map, or the first key whose value `problem` refuses and why.
   * One walk over the keys: an opening checked the document's records and then made their maps
   * (~8 ms more at 46,000 entries for the second Object.keys alone).
   */
  static fromChecked<T>(record: Readonly<Record<string, unknown>>, problem: (value: unknown) => string | null): { ok: true; map: StoryMap<T> } | { ok: false; key: string; problem: string } {
    const buckets = new Array<Bucket<T> | undefined>(BUCKETS).fill(undefined);
    let size = 0;
    for (const key of Object.keys(record)) {
      const value = record[key];
      const wrong = problem(value);
      if (wrong !== null) return { ok: false, key, problem: wrong };
      if (value === undefined) continue;
      const bucket = (buckets[bucketOf(key)] ??= new Map());
      bucket.set(key, value as T);
      size++;
    }
    return { ok: true, map: new StoryMap(buckets, size) };
  }

  /** The map as a worker is sent it (see StoryMapMessage). */
  toMessage(): StoryMapMessage<T> {
    return { buckets: this.buckets };
  }

  /** The map a worker was sent (its buckets adopted as they came); anything else in their place is read entry by entry. */
  static fromMessage<T>(message: StoryMapMessage<T>): StoryMap<T> {
    const { buckets } = message;
    if (buckets.length === BUCKETS && buckets.every((bucket) => bucket === undefined || bucket instanceof Map)) {
      let size = 0;
      for (const bucket of buckets) if (bucket) size += bucket.size;
      return new StoryMap(buckets as ReadonlyArray<Bucket<T> | undefined>, size);
    }
    return StoryMap.from(buckets.flatMap((bucket) => (bucket ? [...bucket] : [])));
  }

  /** Whether a value is a StoryMap (for shape checks of data read back). */
  static is(value: unknown): value is StoryMap<unknown> {
    return value instanceof StoryMap;
  }

  get(key: string): T | undefined {
    return this.buckets[bucketOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]?.has(key) ?? false;
  }

  /**
   * A new map with each `[key, value]` set (undefined: removed); this one is unchanged. Always
   * a new object, even when no entry changes (as a copied record was: an edit is an edit).
   */
  with(changes: Iterable<readonly [string, T | undefined]>): StoryMap<T> {
    let buckets: Array<Bucket<T> | undefined> | null = null;
    /** Buckets already copied for this call (changed freely from then on). */
    let copied: Set<number> | null = null;
    let size = this.size;
    for (const [key, value] of changes) {
      const at = bucketOf(key);
      const current = (buckets ?? this.buckets)[at];
      if (value === undefined ? !current?.has(key) : current?.get(key) === value && current.has(key)) continue;
      buckets ??= this.buckets.slice();
      copied ??= new Set();
      let bucket = buckets[at];
      if (!copied.has(at)) {
        bucket = bucket ? new Map(bucket) : new Map();
        buckets[at] = bucket;
        copied.add(at);
      }
      if (value === undefined) {
        bucket!.delete(key);
        size--;
      } else {
        if (!bucket!.has(key)) size++;
        bucket!.set(key, value);
      }
    }
    if (buckets) for (const at of copied!) if (buckets[at]!.size === 0) buckets[at] = undefined;
    return new StoryMap(buckets ?? this.buckets, size);
  }

  /** A new map without these keys. */
  without(keys: Iterable<string>): StoryMap<T> {
    const changes: Array<readonly [string, undefined]> = [];
    for (const key of keys) if (this.has(key)) changes.push([key, undefined]);
    return this.with(changes);
  }

  *entries(): IterableIterator<[string, T]> {
    for (const bucket of this.buckets) if (bucket) yield* bucket.entries();
  }

  *keys(): IterableIterator<string> {
    for (const bucket of this.buckets) if (bucket) yield* bucket.keys();
  }

  *values(): IterableIterator<T> {
    for (const bucket of this.buckets) if (bucket) yield* bucket.values();
  }

  [Symbol.iterator](): IterableIterator<[string, T]> {
    return this.entries();
  }

  /** Calls `visit` for every entry (faster than iterating `entries()` for a walk over all). */
  forEach(visit: (value: T, key: string) => void): void {
    for (const bucket of this.buckets) if (bucket) bucket.forEach(visit);
  }

  /** The entries as a JSON object (no prototype: every id is a key), as `JSON.stringify` writes the map. */
  toJSON(): Record<string, T> {
    const record = Object.create(null) as Record<string, T>;
    this.forEach((value, key) => {
      record[key] = value;
    });
    return record;
  }

  /**
   * The keys whose entry was added, removed or replaced (by reference, or by `same` when given)
   * from `before` to `after`: only buckets that are different objects are compared.
   */
  static changedKeys<T>(before: StoryMap<T>, after: StoryMap<T>, same: (a: T, b: T) => boolean = Object.is): string[] {
    const keys: string[] = [];
    if (before === after) return keys;
    for (let at = 0; at < BUCKETS; at++) {
      const a = before.buckets[at];
      const b = after.buckets[at];
      if (a === b) continue;
      if (b) for (const [key, value] of b) if (!a?.has(key) || !same(a.get(key)!, value)) keys.push(key);
      if (a) for (const key of a.keys()) if (!b?.has(key)) keys.push(key);
    }
    return keys;
  }
}
