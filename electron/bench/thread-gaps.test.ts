import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ThreadGaps } from './thread-gaps';

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

// Linux kernels built without scheduler statistics have no schedstat: ThreadGaps is then null, and so is its report.
describe.runIf(process.platform === 'linux' && existsSync('/proc/thread-self/schedstat'))('ThreadGaps', () => {
  it('tells the main thread’s own work from its sleep within a gap of its event loop', async () => {
    const gaps = ThreadGaps.start();
    expect(gaps).not.toBeNull();
    try {
      await turn();
      const busyFrom = performance.now();
      while (performance.now() - busyFrom < 40);
      await turn();
      const sleepFrom = performance.now();
      // Blocked in the kernel, not running: as a wait for a lock or a late wake-up.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
      await turn();
      const busy = gaps!.summary(busyFrom - 10, sleepFrom - 10);
      expect(busy.longestMs).toBeGreaterThanOrEqual(39);
      expect(busy.longest!.ranMs + busy.longest!.waitedMs).toBeGreaterThan(30);
      expect(busy.longestRanMs).toBe(busy.longest!.ranMs);
      expect(busy.over20).toBeGreaterThanOrEqual(1);
      const slept = gaps!.summary(sleepFrom - 10);
      expect(slept.longestMs).toBeGreaterThanOrEqual(39);
      expect(slept.longest!.sleptMs).toBeGreaterThan(30);
      expect(slept.longestRanMs).toBeLessThan(10);
    } finally {
      gaps?.stop();
    }
  });
});
