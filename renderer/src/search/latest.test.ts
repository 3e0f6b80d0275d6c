import { describe, expect, it, vi } from 'vitest';
import { createDebouncer, createLatestGate } from './latest';

describe('createDebouncer', () => {
  it('runs once with the last value after a quiet period', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const debouncer = createDebouncer(80, run);
      for (const value of ['o', 'oe', 'oek', 'oekr']) {
        debouncer.push(value);
        vi.advanceTimersByTime(50);
      }
      expect(run).not.toHaveBeenCalled();
      expect(debouncer.pending).toBe(true);
      vi.advanceTimersByTime(80);
      expect(run).toHaveBeenCalledTimes(1);
      expect(run).toHaveBeenCalledWith('oekr');
      expect(debouncer.pending).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flush runs the pending value at once, cancel drops it', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const debouncer = createDebouncer(80, run);
      debouncer.push('kim');
      debouncer.flush();
      expect(run).toHaveBeenCalledWith('kim');
      debouncer.flush();
      expect(run).toHaveBeenCalledTimes(1);
      debouncer.push('poetin');
      debouncer.cancel();
      vi.advanceTimersByTime(200);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createLatestGate', () => {
  it('lets only the newest request through, whatever order answers arrive in', async () => {
    const gate = createLatestGate();
    const shown: string[] = [];
    const deferred = new Map<string, (value: string) => void>();
    const request = (query: string) => {
      const ticket = gate.begin();
      return new Promise<string>((resolve) => deferred.set(query, resolve)).then((answer) => {
        if (gate.isLatest(ticket)) shown.push(answer);
      });
    };
    const first = request('oek');
    const second = request('oekraine');
    deferred.get('oekraine')!('results for oekraine');
    await second;
    deferred.get('oek')!('results for oek');
    await first;
    expect(shown).toEqual(['results for oekraine']);
  });

  it('invalidate makes requests in flight stale', () => {
    const gate = createLatestGate();
    const ticket = gate.begin();
    gate.invalidate();
    expect(gate.isLatest(ticket)).toBe(false);
    expect(gate.isLatest(gate.begin())).toBe(true);
  });
});
