// The folders of a library, apart from the store that writes them: the indexing worker
// threads read the segments and the cache by these names without loading the store itself
// (library-store.ts brings lowdb, zod and the history with it: ~60 ms of every thread's start).

/** The content segments (`<name>.heads.json`, `<name>.bodies.json`). */
export const CONTENT_DIR = 'content';
/**
 * Derived data that can always be rebuilt from the library (the index snapshot): never
 * read as stories, never in backups or the library archive, safe to delete.
 */
export const CACHE_DIR = 'cache';
