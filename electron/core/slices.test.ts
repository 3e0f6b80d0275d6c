import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Foreground, nextTurn as ownTurn, OrderedInbox } from './slices';

describe('Foreground', () => {
  it('is idle once no request is in flight, after the last answer went out', async () => {
    const foreground = new Foreground();
    await foreground.idle();
    const events: string[] = [];
    let finishFirst!: () => void;
    let finishSecond!: () => void;
    const first = foreground.during(() => new Promise<string>((resolve) => (finishFirst = () => resolve('first'))));
    const second = foreground.during(() => new Promise<string>((resolve) => (finishSecond = () => resolve('second'))));
    expect(foreground.busy).toBe(true);
    const idle = foreground.idle().then(() => events.push('idle'));
    finishFirst();
    events.push(await first);
    await nextTurn();
    expect(events).toEqual(['first']);
    finishSecond();
    events.push(await second);
    await idle;
    expect(events).toEqual(['first', 'second', 'idle']);
    expect(foreground.busy).toBe(false);
  });

  it('keeps background work waiting for a request that follows at once, and counts a failed request as done', async () => {
    const foreground = new Foreground();
    let woken = false;
    let finishFirst!: () => void;
    const first = foreground.during(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const waiting = foreground.idle().then(() => (woken = true));
    finishFirst();
    await first;
    // The next request starts before the turn that would wake the waiting work.
    let finishNext!: () => void;
    const next = foreground.during(() => new Promise<void>((resolve) => (finishNext = resolve)));
    await nextTurn();
    await nextTurn();
    expect(woken).toBe(false);
    finishNext();
    await next;
    await waiting;
    expect(woken).toBe(true);
    await expect(foreground.during(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(foreground.busy).toBe(false);
    await foreground.idle();
  });

  it('lets background work through after at most the time it asked for, while requests go on', async () => {
    const foreground = new Foreground();
    let finish!: () => void;
    const long = foreground.during(() => new Promise<void>((resolve) => (finish = resolve)));
    const started = performance.now();
    await foreground.idle(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(foreground.busy).toBe(true);
    finish();
    await long;
  });

  it('is quiet only once no request is in flight and none began within the pause asked for', async () => {
    const foreground = new Foreground();
    const started = performance.now();
    await foreground.quiet(200);
    expect(performance.now() - started).toBeLessThan(200);
    let quietAt = 0;
    let finish!: () => void;
    const request = foreground.during(() => new Promise<void>((resolve) => (finish = resolve)));
    const quiet = foreground.quiet(200).then(() => (quietAt = performance.now()));
    // Requests one after another, each well within the pause of the last: still not quiet.
    for (let k = 0; k < 4; k++) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      if (k === 0) {
        finish();
        await request;
      }
      await foreground.during(() => Promise.resolve());
      expect(quietAt).toBe(0);
    }
    const lastRequest = performance.now();
    await quiet;
    expect(quietAt - lastRequest).toBeGreaterThanOrEqual(190);
  });
});

/**
 * The iterations of the event loop, counted in each one's check phase (an immediate set in a
 * check phase runs in the next iteration's), until stopped.
 */
function loopIterations(): { now: () => number; stop: () => void } {
  let iteration = 0;
  let counting = true;
  const count = () => {
    iteration++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  return { now: () => iteration, stop: () => (counting = false) };
}

describe('nextTurn', () => {
  it('gives each waiting slice a check phase of its own, in the order they asked', async () => {
    const loop = loopIterations();
    try {
      const slices: Array<[string, number]> = [];
      const task = async (name: string) => {
        for (let slice = 0; slice < 4; slice++) {
          slices.push([name, loop.now()]);
          await ownTurn();
        }
      };
      await Promise.all([task('list page'), task('list keys'), task('worker start')]);
      // The three take turns, and never two slices in one iteration of the loop.
      expect(slices.slice(0, 6).map(([name]) => name)).toEqual(['list page', 'list keys', 'worker start', 'list page', 'list keys', 'worker start']);
      const after = slices.slice(3).map(([, at]) => at);
      expect(new Set(after).size).toBe(after.length);
    } finally {
      loop.stop();
    }
  });

  it('takes one turn when only one slice waits', async () => {
    const order: string[] = [];
    const immediate = new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('immediate set before'))));
    await ownTurn();
    order.push('turn');
    await immediate;
    expect(order).toEqual(['immediate set before', 'turn']);
  });
});

describe('OrderedInbox', () => {
  it('handles a burst in order, a heavy message the last of its turn, the first at once', async () => {
    const loop = loopIterations();
    try {
      const handled: Array<[string, number]> = [];
      const inbox = new OrderedInbox<string>(
        (message) => handled.push([message, loop.now()]),
        (message) => message.startsWith('numbers'),
      );
      for (const message of ['numbers 1', 'numbers 2', 'progress', 'numbers 3', 'reply']) inbox.push(message);
      expect(handled).toEqual([['numbers 1', 0]]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(handled.map(([message]) => message)).toEqual(['numbers 1', 'numbers 2', 'progress', 'numbers 3', 'reply']);
      const turnOf = new Map(handled);
      expect(turnOf.get('numbers 2')).toBeGreaterThan(turnOf.get('numbers 1')!);
      expect(turnOf.get('progress')).toBeGreaterThan(turnOf.get('numbers 2')!);
      expect(turnOf.get('numbers 3')).toBe(turnOf.get('progress'));
      expect(turnOf.get('reply')).toBeGreaterThan(turnOf.get('numbers 3')!);
      // Handled at once again once none is waiting.
      inbox.push('reply 2');
      expect(handled.at(-1)?.[0]).toBe('reply 2');
    } finally {
      loop.stop();
    }
  });
});
