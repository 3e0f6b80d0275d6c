import type { ExitRequest } from '../workers/worker-exit';
import type { PendingFile, PreparedFile, PreparedWireFile } from './intake';

// The messages between an import and the thread that reads and prepares its files
// (prepare-thread.ts on the importing thread, prepare-worker.ts on the other).

/**
 * What the thread starts with: one 32-bit flag a chunk, set (compare-and-exchange, 0 → 1) by
 * whichever thread prepares that chunk, the importing one or this one (see prepare-thread.ts).
 */
export interface PrepareWorkerData {
  claims: SharedArrayBuffer;
}

/** Read and prepare these files (chunk `chunk` of the import), at most `maxBytes` each, unless the importing thread has claimed it. */
export interface PrepareRequest {
  type: 'prepare';
  chunk: number;
  files: PendingFile[];
  maxBytes: number;
}

export type ToPrepareWorker = PrepareRequest | ExitRequest;

/**
 * Chunk `chunk`'s files prepared, in their order; or, once, that the thread cannot prepare
 * any (its start failed: the importing thread prepares every file itself, and meets the
 * same error there as it would have without a thread).
 */
export type FromPrepareWorker = { type: 'prepared'; chunk: number; prepared: (PreparedFile | PreparedWireFile)[] } | { type: 'unable' };

/** Claims chunk `chunk` for the calling thread: true when no thread had. */
export const claimChunk = (claims: Int32Array, chunk: number): boolean => Atomics.compareExchange(claims, chunk, 0, 1) === 0;
