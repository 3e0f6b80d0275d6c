import { describe, expect, it } from 'vitest';
import { warmUp } from './warm-up';

describe('warmUp: the worker’s own searches once its indexes are ready', () => {
  it('runs every query in order, each in a turn of its own, so that a request that comes meanwhile waits for at most one', async () => {
    const events: string[] = [];
    const running = warmUp(['a', 'b', 'c'], (query) => events.push(query));
    // Queued while the first search waits for its turn: it runs between two of them.
    setImmediate(() => events.push('request'));
    expect(await running).toBe(3);
    expect(events.filter((event) => event !== 'request')).toEqual(['a', 'b', 'c']);
    const at = events.indexOf('request');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(2);
  });

  it('stops at a search that fails, and once its time is spent', async () => {
    const ran: string[] = [];
    const failing = (query: string) => {
      if (query === 'b') throw new Error('worker restarting');
      ran.push(query);
    };
    expect(await warmUp(['a', 'b', 'c'], failing)).toBe(1);
    expect(ran).toEqual(['a']);
    // Each search takes 30 ms of a clock of the test's own.
    let clock = 0;
    const slow = (query: string) => {
      ran.push(query);
      clock += 30;
    };
    ran.length = 0;
    expect(await warmUp(['x', 'y', 'z'], slow, 40, () => clock)).toBe(2);
    expect(ran).toEqual(['x', 'y']);
    expect(await warmUp(['x'], slow, 0, () => clock)).toBe(0);
  });
});
