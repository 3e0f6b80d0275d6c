import { closeSync, openSync, readSync } from 'node:fs';
import { round } from './stats';

// What the main thread did while its event loop did not turn (Linux). A 1 ms timer notes
// every gap between two of its ticks longer than GAP_MS, and reads the thread's scheduler
// statistics (/proc/thread-self/schedstat: time on a core, time runnable and waiting for
// one) at each tick, so that each gap splits into
//   - ran: the thread's own work without a turn (JavaScript, its collections, system calls);
//   - waited: runnable, but every core busy with other threads (the workers of a build);
//   - slept: neither (blocked in a system call, or its timer's wake-up delivered late).
// `perf_hooks.monitorEventLoopDelay`, which the indexing client reports as the longest
// block, sees only the sum. The kernel brings a running thread's figures up to date at its
// scheduler's events (a tick: 4 ms on this machine's kernel, HZ=250), so a split is right to
// within about a tick. Benchmark only: the app does not read its own schedstat.

/** Gaps shorter than this are not kept. */
const GAP_MS = 5;

export interface ThreadGap {
  /** performance.now() of the tick before the gap. */
  at: number;
  ms: number;
  ranMs: number;
  waitedMs: number;
  sleptMs: number;
}

export interface GapSummary {
  /** The longest gap between two ticks (as monitorEventLoopDelay's maximum, to within 1 ms). */
  longestMs: number;
  /** That gap, split (see ThreadGap). */
  longest: ThreadGap | null;
  /** The most the thread ran within any one gap: its own longest block. */
  longestRanMs: number;
  /** How many gaps were longer than 20 ms. */
  over20: number;
}

export class ThreadGaps {
  private readonly gaps: ThreadGap[] = [];
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(128);
  private timer: NodeJS.Timeout | null = null;

  private constructor(fd: number) {
    this.fd = fd;
  }

  /** Starts recording on the calling thread; null where threads have no schedstat (not Linux, or no schedstats). */
  static start(): ThreadGaps | null {
    if (process.platform !== 'linux') return null;
    let fd: number;
    try {
      fd = openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      return null;
    }
    const gaps = new ThreadGaps(fd);
    if (!gaps.read()) {
      closeSync(fd);
      return null;
    }
    gaps.begin();
    return gaps;
  }

  /** What read() last found: time on a core and time waiting for one so far, in ms. */
  private ranMs = 0;
  private waitedMs = 0;

  /**
   * Reads the thread's time on a core and time waiting for one (ms) into ranMs and waitedMs;
   * false if unreadable. The digits are taken from the bytes as they are: the recorder reads
   * a thousand times a second on the thread it measures, and a string, two arrays and their
   * numbers per read made that thread allocate ~0.7 MB/s that the app's does not (V8's memory
   * reducer starts when a thread allocates little, so it moved the very collections measured);
   * what is left, ~0.25 MB/s, is Node's own (readSync and the timer).
   */
  private read(): boolean {
    let length: number;
    try {
      length = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
    } catch {
      return false;
    }
    let at = 0;
    let field = 0;
    let value = 0;
    let digits = 0;
    for (; at <= length && field < 2; at++) {
      const byte = at < length ? this.buffer[at]! : 0x20;
      if (byte >= 0x30 && byte <= 0x39) {
        value = value * 10 + (byte - 0x30);
        digits++;
      } else if (byte === 0x20 || byte === 0x0a) {
        if (digits === 0) return false;
        if (field === 0) this.ranMs = value / 1e6;
        else this.waitedMs = value / 1e6;
        field++;
        value = 0;
        digits = 0;
      } else {
        return false;
      }
    }
    return field === 2;
  }

  /** The previous tick: when, and the thread's figures then (fields, not closure variables: a double written to a closure's variable is a new heap number each time). */
  private lastAt = 0;
  private lastRanMs = 0;
  private lastWaitedMs = 0;

  private begin(): void {
    this.lastAt = performance.now();
    this.read();
    this.lastRanMs = this.ranMs;
    this.lastWaitedMs = this.waitedMs;
    this.timer = setInterval(() => this.tick(), 1);
    this.timer.unref();
  }

  private tick(): void {
    const now = performance.now();
    if (!this.read()) return;
    const ms = now - this.lastAt;
    if (ms > GAP_MS) {
      const ranMs = this.ranMs - this.lastRanMs;
      const waitedMs = this.waitedMs - this.lastWaitedMs;
      this.gaps.push({ at: this.lastAt, ms, ranMs, waitedMs, sleptMs: Math.max(0, ms - ranMs - waitedMs) });
    }
    this.lastAt = now;
    this.lastRanMs = this.ranMs;
    this.lastWaitedMs = this.waitedMs;
  }

  /** Stops the timer (what was recorded stays for summary); once only. */
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    closeSync(this.fd);
  }

  /** The gaps that began in [from, to) (performance.now() times). */
  summary(from = 0, to = Infinity): GapSummary {
    const within = this.gaps.filter((gap) => gap.at >= from && gap.at < to);
    let longest: ThreadGap | null = null;
    for (const gap of within) if (!longest || gap.ms > longest.ms) longest = gap;
    return {
      longestMs: longest?.ms ?? 0,
      longest,
      longestRanMs: Math.max(0, ...within.map((gap) => gap.ranMs)),
      over20: within.filter((gap) => gap.ms > 20).length,
    };
  }
}

/** The longest gap of a build's window, split, and the thread's own longest block in it; flat, for the benchmark's JSON. */
export interface BuildGaps {
  /** The longest gap (ms), and what the thread did in it. */
  gapMs: number;
  gapRanMs: number;
  gapWaitedMs: number;
  gapSleptMs: number;
  /** The most the thread ran within any one gap. */
  ranMs: number;
  /** Gaps over 20 ms. */
  over20: number;
}

/**
 * The gaps from the worker's start to ready (BuildReport's window), or null without a recorder
 * or a build. Stops the recorder: called once the indexes are ready, so that its 1 ms timer
 * runs neither during the searches measured next nor through the idle wait for V8's memory
 * reducer (whose allocations it would keep from looking idle).
 */
export function buildGaps(gaps: ThreadGaps | null, build: { startedAt: number; ms: number } | null | undefined): BuildGaps | null {
  gaps?.stop();
  if (!gaps || !build) return null;
  const { longest, longestMs, longestRanMs, over20 } = gaps.summary(build.startedAt, build.startedAt + build.ms);
  return { gapMs: round(longestMs), gapRanMs: round(longest?.ranMs ?? 0), gapWaitedMs: round(longest?.waitedMs ?? 0), gapSleptMs: round(longest?.sleptMs ?? 0), ranMs: round(longestRanMs), over20 };
}

/** How the benchmark words it: "(ran 3.1, waited for a core 4.0, slept 19.3 ms; its own longest 14.2 ms; 2 gaps over 20 ms)". */
export function describeGaps(split: BuildGaps | null | undefined): string {
  if (!split) return '';
  return ` (the longest gap ${split.gapMs} ms: ran ${split.gapRanMs}, waited for a core ${split.gapWaitedMs}, slept ${split.gapSleptMs} ms; the thread's own longest block ${split.ranMs} ms; ${split.over20} gap${split.over20 === 1 ? '' : 's'} over 20 ms)`;
}
