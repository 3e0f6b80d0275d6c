import { Worker } from 'node:worker_threads';
import { LIMITS } from '../../../shared/contract/limits';
import { nextTurn } from '../slices';
import { started, stopWorker } from '../workers/worker-exit';
import { workerEntry, type WorkerEntry } from '../workers/worker-entry';
import { isPendingFile, listImportFiles, prepareIntakeItem, readImportFile, type ImportSlot, type PendingFile, type PreparedFile, type PreparedWireFile } from './intake';
import { claimChunk, type FromPrepareWorker, type PrepareWorkerData, type ToPrepareWorker } from './prepare-protocol';

// The files an import reads from disk, prepared in the order they are listed. Reading, the
// SHA-256 of each file, decoding and parsing were ~40 % of the importing thread's work (3.95 s
// of ~9.7 s at 20,000 files: BENCHMARKS.md, session 37) and need nothing of the store, so a
// large import has them done on a thread of its own (prepare-worker.ts), a few chunks ahead of
// the importing thread, which dedupes, writes and commits meanwhile: the two cores share the
// work. A small import is prepared on the importing thread itself, where a thread's start
// (loading the parsers and the ninjs schemas) would cost more than it saves.
//
// If the thread cannot start, fails or dies, the files it has not answered for are prepared
// on the importing thread instead: the import goes on, the same files give the same stories.

export type Prepared = PreparedFile | PreparedWireFile;

export interface PrepareOptions {
  /** Largest file read, in bytes (default `LIMITS.fileBytes`). */
  maxBytes?: number;
  /** Files (to read) from which an import is prepared on a thread of its own (default PREPARE_THREAD_FROM; `Infinity`: never). */
  threadFrom?: number;
  /** The thread's code (default the bundled `import-worker`; tests give others). */
  entry?: WorkerEntry;
  /** Whether the importing thread prepares a chunk itself when the thread has not begun it yet (default true; false: it waits). */
  share?: boolean;
}

/**
 * Files from which a thread of its own prepares an import. Its start (~0.2 s, ~0.3 s of CPU:
 * a fresh thread loads the parsers and the ninjs schemas and runs cold code) and handing each
 * file's parse across cost about what sharing the work saves at 5,000 files (session 37).
 */
export const PREPARE_THREAD_FROM = 4_000;
/** Files asked of the thread at a time. */
const CHUNK_FILES = 32;
/** Chunks asked ahead of the one being taken in: what the thread may hold prepared is bounded (~256 files). */
const CHUNKS_AHEAD = 8;
/** The files are taken in on the importing thread in slices of about this long, the event loop running between them. */
const TAKE_SLICE_MS = 8;

/** What was prepared where: files read (not rejected before reading), of which the thread prepared `byThread`. */
export interface PrepareCounts {
  files: number;
  byThread: number;
}

/**
 * Lists the files and folders picked (see listImportFiles), prepares each file, and hands
 * it to `take` in the listed order; a promise `take` returns is awaited before the next
 * file (the importer writes stories ahead there).
 */
export async function prepareImportPaths(paths: string[], take: (file: Prepared) => void | Promise<void>, options: PrepareOptions = {}): Promise<PrepareCounts> {
  const maxBytes = options.maxBytes ?? LIMITS.fileBytes;
  const slots = await listImportFiles(paths, maxBytes);
  const chunks = chunked(slots);
  const files = slots.reduce((count, slot) => count + (isPendingFile(slot) ? 1 : 0), 0);
  const thread = files >= (options.threadFrom ?? PREPARE_THREAD_FROM) ? new PrepareThread(options.entry ?? workerEntry('import-worker'), maxBytes, chunks.length, options.share ?? true) : null;
  let sliceStart = performance.now();
  let byThread = 0;
  try {
    for (let index = 0; index < chunks.length; index++) {
      thread?.askUpTo(Math.min(chunks.length, index + CHUNKS_AHEAD + 1), chunks);
      const answered = thread ? await thread.answer(index) : null;
      if (answered) byThread += answered.length;
      let next = 0;
      for (const slot of chunks[index]!) {
        const prepared = !isPendingFile(slot) ? prepareIntakeItem(slot) : answered ? answered[next++]! : prepareIntakeItem(readImportFile(slot, maxBytes));
        const taking = take(prepared);
        // Awaited only when it is a promise: a synchronous `take` costs no turn of the microtask queue per file.
        if (taking instanceof Promise) await taking;
        if (performance.now() - sliceStart >= TAKE_SLICE_MS) {
          await nextTurn();
          sliceStart = performance.now();
        }
      }
    }
  } finally {
    thread?.close();
  }
  return { files, byThread };
}

/** The listed slots in runs of at most CHUNK_FILES files to read (a rejection goes with the run it is listed in). */
function chunked(slots: ImportSlot[]): ImportSlot[][] {
  const chunks: ImportSlot[][] = [];
  let current: ImportSlot[] = [];
  let files = 0;
  for (const slot of slots) {
    if (isPendingFile(slot) && files === CHUNK_FILES) {
      chunks.push(current);
      current = [];
      files = 0;
    }
    current.push(slot);
    if (isPendingFile(slot)) files++;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * The thread that prepares one import's files, chunk by chunk, asked a few chunks ahead. A
 * chunk is prepared by whichever thread claims it first: the importing thread claims the one
 * it needs next when it is not answered yet (the thread is still starting, or busy with
 * another), so neither waits while the other works. `null` answers: prepare on this thread.
 */
class PrepareThread {
  private readonly worker: Worker | null;
  private readonly claims: Int32Array;
  /** The chunks before this one have been asked for. */
  private asked = 0;
  private readonly waiting = new Map<number, (prepared: Prepared[] | null) => void>();
  private readonly answered = new Map<number, Prepared[]>();
  private failed = false;

  constructor(
    entry: WorkerEntry,
    private readonly maxBytes: number,
    chunks: number,
    private readonly share: boolean,
  ) {
    const claims = new SharedArrayBuffer(4 * chunks);
    this.claims = new Int32Array(claims);
    let worker: Worker | null = null;
    try {
      const workerData: PrepareWorkerData & Record<string, unknown> = { ...entry.data, claims };
      worker = started(new Worker(entry.url, { workerData, stdout: false, stderr: false }));
    } catch {
      this.failed = true;
    }
    this.worker = worker;
    if (!worker) return;
    worker.on('message', (message: FromPrepareWorker) => {
      if (message.type === 'unable') return this.fail();
      const resolve = this.waiting.get(message.chunk);
      if (resolve) {
        this.waiting.delete(message.chunk);
        resolve(message.prepared);
      } else {
        this.answered.set(message.chunk, message.prepared);
      }
    });
    // A thread that fails, exits or sends what cannot be read answers nothing more.
    worker.on('error', () => this.fail());
    worker.on('messageerror', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  /** Asks the thread for each chunk before `end` not asked for yet. */
  askUpTo(end: number, chunks: ImportSlot[][]): void {
    for (; this.asked < end && !this.failed && this.worker; this.asked++) {
      const files = chunks[this.asked]!.filter(isPendingFile).map(({ fileName, absolutePath }): PendingFile => ({ fileName, absolutePath }));
      const request: ToPrepareWorker = { type: 'prepare', chunk: this.asked, files, maxBytes: this.maxBytes };
      this.worker.postMessage(request);
    }
  }

  /**
   * Chunk `index` prepared by the thread; null when this thread is to prepare it: the thread
   * had not begun it (it is claimed here), or cannot answer (it failed).
   */
  answer(index: number): Promise<Prepared[] | null> {
    const ready = this.answered.get(index);
    if (ready) {
      this.answered.delete(index);
      return Promise.resolve(ready);
    }
    if (this.failed || (this.share && claimChunk(this.claims, index))) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.set(index, resolve));
  }

  /** Asks the thread to exit; the answers it had not given are not waited for. */
  close(): void {
    this.failed = true;
    this.answerAllNull();
    if (this.worker) void stopWorker(this.worker);
  }

  private fail(): void {
    this.failed = true;
    this.answerAllNull();
  }

  private answerAllNull(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}
