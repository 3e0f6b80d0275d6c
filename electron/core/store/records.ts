import { StoryMap } from './story-map';

// The metadata document keeps per-story data in JSON objects keyed by story id
// (`taggings`, `storyEdits`, `dismissedTagSuggestions`, `opened`). Ids are checked at every
// entry point (isSafeId), and every read of such a record goes through `own`, so even a key
// that slipped past (a hand-edited library.json) never finds an `Object.prototype` member:
// `taggings['constructor']` is the Object function, `own(taggings, 'constructor')` is
// undefined unless the document itself says otherwise.

// The two records that grow with the library (`taggings`, `storyEdits`) are StoryMaps
// (story-map.ts); the helpers here take either kind, so a reader need not care which.

/** The record's own value under `key`, never an inherited one. */
export function own<T>(record: StoryMap<T> | Readonly<Record<string, T>>, key: string): T | undefined {
  if (record instanceof StoryMap) return record.get(key);
  return Object.hasOwn(record, key) ? (record as Readonly<Record<string, T>>)[key] : undefined;
}

/** The record's entries, of either kind. */
export function entriesOf<T>(record: StoryMap<T> | Readonly<Record<string, T>>): Iterable<[string, T]> {
  return record instanceof StoryMap ? record : Object.entries(record as Readonly<Record<string, T>>);
}

/** A copy of `record` with `key` set, made as data (a `__proto__` key stays a key). */
export function withOwn<T>(record: StoryMap<T>, key: string, value: T): StoryMap<T>;
export function withOwn<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T>;
export function withOwn<T>(record: StoryMap<T> | Readonly<Record<string, T>>, key: string, value: T): StoryMap<T> | Record<string, T> {
  return record instanceof StoryMap ? record.with([[key, value]]) : recordWith(record as Readonly<Record<string, T>>, [[key, value]]);
}

/** A copy of `record` with each `[key, value]` set (undefined: removed), as data; it remembers what changed (changedRecordKeys). */
export function recordWith<T>(record: StoryMap<T>, changes: Iterable<readonly [string, T | undefined]>): StoryMap<T>;
export function recordWith<T>(record: Readonly<Record<string, T>>, changes: Iterable<readonly [string, T | undefined]>): Record<string, T>;
export function recordWith<T>(record: StoryMap<T> | Readonly<Record<string, T>>, changes: Iterable<readonly [string, T | undefined]>): StoryMap<T> | Record<string, T>;
export function recordWith<T>(record: StoryMap<T> | Readonly<Record<string, T>>, changes: Iterable<readonly [string, T | undefined]>): StoryMap<T> | Record<string, T> {
  if (record instanceof StoryMap) return record.with(changes);
  const copy: Record<string, T> = { ...record };
  const keys: string[] = [];
  for (const [key, value] of changes) {
    if (value === undefined) delete copy[key];
    else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    keys.push(key);
  }
  noteDerived(record, copy, keys);
  return copy;
}

// Which entries changed between two versions of a record is asked three times per edit (what
// the edit log writes, what the indexing worker is sent, what the renderer is told), and a
// walk over every key costs ~20 ms per 100,000 stories. A record made from another by the
// helpers here (or by an op that says so with noteDerived) remembers from which and which
// keys it may have changed; any other pair is walked once and the answer remembered.

const lineage = new WeakMap<object, { base: object; keys: readonly string[] }>();

/** Notes that `after` is `before` with at most `keys` changed (added, replaced or removed). */
export function noteDerived(before: object, after: object, keys: readonly string[]): void {
  lineage.set(after, { base: before, keys });
}

/** The keys whose entry was added, removed or replaced (by reference) from `before` to `after`. */
export function changedRecordKeys<T>(before: StoryMap<T>, after: StoryMap<T>): readonly string[];
export function changedRecordKeys<T>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): readonly string[];
export function changedRecordKeys<T>(before: StoryMap<T> | Readonly<Record<string, T>>, after: StoryMap<T> | Readonly<Record<string, T>>): readonly string[];
export function changedRecordKeys<T>(before: StoryMap<T> | Readonly<Record<string, T>>, after: StoryMap<T> | Readonly<Record<string, T>>): readonly string[] {
  if (before === after) return [];
  if (before instanceof StoryMap && after instanceof StoryMap) return StoryMap.changedKeys(before, after);
  if (before instanceof StoryMap || after instanceof StoryMap) throw new TypeError('changedRecordKeys: a StoryMap compared with a plain record');
  const known = lineage.get(after);
  if (known?.base === before) {
    return known.keys.filter((key) => Object.hasOwn(before, key) !== Object.hasOwn(after, key) || own(before, key) !== own(after, key));
  }
  const keys: string[] = [];
  for (const key of Object.keys(after)) if (!Object.hasOwn(before, key) || before[key] !== after[key]) keys.push(key);
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) keys.push(key);
  lineage.set(after, { base: before, keys });
  return keys;
}
