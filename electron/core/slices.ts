/** Long work hands the event loop back after at most this long, so the app stays responsive. */
export const SLICE_MS = 8;

/** Runs work written in steps (a generator that yields between them) to its end at once; its result. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Sliced work waiting for its next turn (see nextTurn), first come first served. */
const waitingForTurn: Array<() => void> = [];
let turnScheduled = false;

function giveTurn(): void {
  const next = waitingForTurn.shift();
  // The next one's turn comes in the next check phase: an immediate set now runs in the next
  // iteration of the event loop, after its timers and I/O.
  turnScheduled = waitingForTurn.length > 0;
  if (turnScheduled) setImmediate(giveTurn);
  next?.();
}

/**
 * A turn of the event loop of its own for the next slice of long work: settles in a check
 * phase in which no other slice awaiting nextTurn runs. With a setImmediate each, every sliced
 * task waiting then (a list page before the indexes are ready, the list keys' preparation, the
 * indexing worker's start, the heads cache) ran its slice in the same check phase, back to back,
 * before any timer or request: at 67,256 stories the main thread's longest block at an opening
 * (50 ms) was three such slices.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waitingForTurn.push(resolve);
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(giveTurn);
  });
}

/**
 * Messages handled in the order they came, each `heavy` one the last of its turn of the event
 * loop (nextTurn): a burst that arrives in one turn (a worker thread's messages posted together
 * are delivered together) is spread over several, in order. A message that comes while none is
 * waiting and no heavy one was handled in this turn is handled at once.
 */
export class OrderedInbox<M> {
  private readonly waiting: M[] = [];
  private handling = false;

  constructor(
    private readonly handle: (message: M) => void,
    private readonly heavy: (message: M) => boolean,
  ) {}

  push(message: M): void {
    this.waiting.push(message);
    if (!this.handling) void this.drain();
  }

  private async drain(): Promise<void> {
    this.handling = true;
    try {
      while (this.waiting.length > 0) {
        const message = this.waiting.shift()!;
        try {
          this.handle(message);
        } catch (error) {
          // Thrown as an event handler's error would be, without holding up the messages after it.
          queueMicrotask(() => {
            throw error;
          });
        }
        // Messages that arrive meanwhile, in this turn too (a worker's are emitted one by one), wait for the next.
        if (this.heavy(message)) await nextTurn();
      }
    } finally {
      this.handling = false;
    }
  }
}

/**
 * A function to await between units of long work: it takes a turn of the event loop
 * once the work since the last turn has run a slice (`beforeTurn` runs first, e.g. to
 * report progress), and returns at once otherwise. A worker thread, which holds up no
 * user, takes longer slices (it only has to answer queries now and then).
 */
export function sliceBreather(beforeTurn?: () => void, sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    beforeTurn?.();
    await nextTurn();
    sliceStart = performance.now();
  };
}

/**
 * The requests the main process is answering now (the dispatcher runs each inside
 * `during`), for its background work to give way to them: `idle` settles once none is in
 * flight. Warming the list's keys right after the indexes became ready, in 8 ms slices,
 * held up each of the editor's first edits and searches by a slice at every I/O turn
 * (tag edits of 5–30 ms instead of ~1 at 52,000 stories); waiting until no request is in
 * flight costs background work nothing but time. (The copy of the keys to the index's
 * numbers right after ready no longer waits: see Library.warmListKeys.)
 */
export class Foreground {
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  /** When the last request began (performance.now()). */
  private lastStart = -Infinity;

  /** Whether a request is being answered now. */
  get busy(): boolean {
    return this.active > 0;
  }

  /** Runs one request's work, counted as in flight until it settles. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    this.lastStart = performance.now();
    try {
      return await work();
    } finally {
      // Woken after the answer went out, on a turn of its own: a request that follows at once goes first.
      // (Most requests find nothing waiting: no turn is asked for then.)
      if (--this.active === 0 && this.waiters.length > 0) setImmediate(() => this.release());
    }
  }

  /**
   * Settles once no request is in flight, or after `atMostMs` (when given) even if one is:
   * background work that must finish some time (a stream of requests back to back would
   * hold it back for good) takes a slice now and then.
   */
  idle(atMostMs?: number): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (atMostMs !== undefined) setTimeout(resolve, atMostMs).unref?.();
    });
  }

  /**
   * Settles once no request is in flight and none began in the last `ms`: work that would
   * otherwise slip in between requests sent one after another (an editor typing, each
   * keystroke a search) waits until the burst is over.
   */
  async quiet(ms: number): Promise<void> {
    for (;;) {
      await this.idle();
      const wait = this.lastStart + ms - performance.now();
      if (wait <= 0 && this.active === 0) return;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref?.());
    }
  }

  private release(): void {
    if (this.active > 0) return;
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
