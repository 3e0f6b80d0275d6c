// What the contract's schemas allow, without zod: the core's worker threads check segment
// files by the same limits and id rule without loading the schemas (define.ts applies them).

/** Limits shared by every schema so oversized payloads are refused at the boundary. */
export const LIMITS = {
  id: 64,
  name: 200,
  text: 100_000,
  /** Bytes of one imported file (base64 is longer by a third). */
  fileBytes: 5 * 1024 * 1024,
  files: 2_000,
  ids: 50_000,
  /** Whole JSON payload of one call, checked by the transports before parsing. */
  payloadBytes: 64 * 1024 * 1024,
  /**
   * Characters of one story's text (headline and body). A wire story is a few thousand;
   * a million is some 300 printed pages. A file holding a longer story is refused at import
   * (`too-large`), so no single story can make a dossier's PDF run for many minutes.
   */
  storyChars: 1_000_000,
  /** Characters of one story's headline (the importer's largest story is a 5 MB file). */
  headline: 10_000,
  /** Characters of one story's text, all its blocks together. */
  storyText: 5 * 1024 * 1024,
  /** Blocks (paragraphs, headings) of one story. */
  storyBlocks: 50_000,
} as const;

/**
 * The one id pattern, checked wherever an id comes in (the API, the library archive, the
 * segment files, library.json's keys, sync): ids as Kroniek makes them (a letter or digit,
 * then letters, digits, `_` and `-`, at most LIMITS.id), and never the name of an
 * `Object.prototype` member (`constructor`, `toString`, `__proto__`…), which as a key of a
 * plain object would find the prototype's member instead of nothing.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !PROTOTYPE_NAMES.has(value);
}
