// The metadata document keeps per-story data in JSON objects keyed by story id
// (`taggings`, `storyEdits`, `dismissedTagSuggestions`, `opened`). Ids are checked at every
// entry point (isSafeId), and every read of such a record goes through `own`, so even a key
// that slipped past (a hand-edited library.json) never finds an `Object.prototype` member:
// `taggings['constructor']` is the Object function, `own(taggings, 'constructor')` is
// undefined unless the document itself says otherwise.

/** The record's own value under `key`, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set, made as data (a `__proto__` key stays a key). */
export function withOwn<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const copy: Record<string, T> = { ...record };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
