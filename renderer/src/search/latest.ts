// Typing-speed plumbing for the search box: a light debounce, and a gate that
// lets only the newest request's answer through, so fast typing never shows an
// older result after a newer one (answers can arrive out of order).

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export interface Debouncer<T> {
  /** Runs `run(value)` once no newer value came for the delay. */
  push(value: T): void;
  /** Runs the pending value now (Enter in the search box); nothing when none is pending. */
  flush(): void;
  /** Drops the pending value (Escape cleared the box and reloaded at once). */
  cancel(): void;
  readonly pending: boolean;
}

export function createDebouncer<T>(delayMs: number, run: (value: T) => void, timers: Timers = realTimers): Debouncer<T> {
  let handle: unknown = null;
  let waiting: { value: T } | null = null;
  const fire = () => {
    handle = null;
    const next = waiting;
    waiting = null;
    if (next) run(next.value);
  };
  return {
    push(value) {
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
