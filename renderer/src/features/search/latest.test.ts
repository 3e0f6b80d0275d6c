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

  it('with leading, runs the first value after a pause at once, and the first after a cancel too', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const debouncer = createDebouncer(80, run, { leading: true });
      debouncer.push('k');
      expect(run).toHaveBeenLastCalledWith('k');
      vi.advanceTimersByTime(30);
      debouncer.push('ki');
      expect(run).toHaveBeenCalledTimes(1);
      // The box was emptied (and reloaded) 30 ms later: the next key is not held back.
      vi.advanceTimersByTime(30);
      debouncer.cancel();
      debouncer.push('m');
      expect(run).toHaveBeenCalledTimes(2);
      expect(run).toHaveBeenLastCalledWith('m');
      vi.advanceTimersByTime(200);
      expect(run).toHaveBeenCalledTimes(2);
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

describe('createDebouncer with leading', () => {
  it('runs the first value after a pause at once and holds back a fast burst to its last value', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const debouncer = createDebouncer(80, run, { leading: true });
      debouncer.push('o');
      expect(run).toHaveBeenLastCalledWith('o');
      // A fast typist: 30 ms between keys.
      for (const value of ['oe', 'oek', 'oekr']) {
        vi.advanceTimersByTime(30);
        debouncer.push(value);
      }
      expect(run).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(80);
      expect(run).toHaveBeenLastCalledWith('oekr');
      expect(run).toHaveBeenCalledTimes(2);
      // After a pause the next keystroke is immediate again.
      vi.advanceTimersByTime(200);
      debouncer.push('oekra');
      expect(run).toHaveBeenLastCalledWith('oekra');
      expect(run).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
