// Typing-speed plumbing for the search box: a light debounce, and a gate that
// lets only the newest request's answer through, so fast typing never shows an
// older result after a newer one (answers can arrive out of order).

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

export interface DebounceOptions {
  /**
   * Run a value at once when nothing was pushed for the delay before it: the
   * first keystroke after a pause updates the list without waiting, and only a
   * fast burst of keystrokes is held back to its last value.
   */
  leading?: boolean;
  timers?: Timers;
}

export interface Debouncer<T> {
  /** Runs `run(value)` once no newer value came for the delay. */
  push(value: T): void;
  /** Runs the pending value now (Enter in the search box); nothing when none is pending. */
  flush(): void;
  /**
   * Drops the pending value (the box was cleared and reloaded at once); the next
   * value then counts as the first after a pause.
   */
  cancel(): void;
  readonly pending: boolean;
}

export function createDebouncer<T>(delayMs: number, run: (value: T) => void, options: DebounceOptions = {}): Debouncer<T> {
  const timers = options.timers ?? realTimers;
  let handle: unknown = null;
  let waiting: { value: T } | null = null;
  let lastPush = Number.NEGATIVE_INFINITY;
  const fire = () => {
    handle = null;
    const next = waiting;
    waiting = null;
    if (next) run(next.value);
  };
  return {
    push(value) {
      const now = timers.now();
      const idle = handle === null && now - lastPush >= delayMs;
      lastPush = now;
      if (options.leading && idle) {
        run(value);
        return;
      }
      waiting = { value };
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(fire, delayMs);
    },
    flush() {
      if (handle !== null) timers.clearTimeout(handle);
      fire();
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      waiting = null;
      lastPush = Number.NEGATIVE_INFINITY;
    },
    get pending() {
      return waiting !== null;
    },
  };
}

export interface LatestGate {
  /** Starts a request; keep the ticket to ask `isLatest` when its answer comes. */
  begin(): number;
  /** True while no request was begun after this one (or everything was invalidated). */
  isLatest(ticket: number): boolean;
  /** Makes every request begun so far stale (the query they answer has changed). */
  invalidate(): void;
}

export function createLatestGate(): LatestGate {
  let newest = 0;
  return {
    begin: () => ++newest,
    isLatest: (ticket) => ticket === newest,
    invalidate() {
      newest++;
    },
  };
}
