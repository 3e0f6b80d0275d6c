import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyMemoryPolicy, BUILD_GROWTH_FLAG, collectGarbage, COMPACTING_FLAG, MEMORY_POLICY_FLAGS, MEMORY_SAVING_FLAG, UNCAPPED_GROWTH_FLAG, withBuildGrowth, withMemorySaving, withUncappedGrowth } from './memory-policy';

// V8 offers no way to read a flag back, so these tests watch what the policy hands to
// V8 (the spy still calls the real v8.setFlagsFromString) and check separately that
// V8 knows and accepts every flag.

const SAVING_OFF = MEMORY_SAVING_FLAG.replace(/^--/, '--no-');

describe('memory policy', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sets only flags this V8 knows (an unknown one would be ignored without a word)', () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of [...MEMORY_POLICY_FLAGS, MEMORY_SAVING_FLAG, COMPACTING_FLAG, UNCAPPED_GROWTH_FLAG, BUILD_GROWTH_FLAG]) {
      const name = flag.replace(/^--/, '').replace(/=.*$/, '');
      expect(known, name).toContain(`--${name} `);
    }
  });

  it('is accepted by V8 at start-up', () => {
    const run = spawnSync(process.execPath, [...MEMORY_POLICY_FLAGS, MEMORY_SAVING_FLAG, SAVING_OFF, UNCAPPED_GROWTH_FLAG, BUILD_GROWTH_FLAG, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('sets the lasting flags once however often a library is opened', () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    applyMemoryPolicy();
    applyMemoryPolicy();
    expect(setFlags.mock.calls).toEqual(MEMORY_POLICY_FLAGS.map((flag) => [flag]));
  });

  it('keeps the memory-saving mode on for the work it wraps, through nesting, and off after', async () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    const flagsSoFar = () => setFlags.mock.calls.map(([flag]) => flag);
    const inner = await withMemorySaving(async () => {
      expect(flagsSoFar()).toEqual([MEMORY_SAVING_FLAG]);
      return withMemorySaving(async () => {
        expect(flagsSoFar()).toEqual([MEMORY_SAVING_FLAG]);
        return 7;
      });
    });
    expect(inner).toBe(7);
    // The inner call ending did not switch it off under the outer one; the outer one did.
    expect(flagsSoFar()).toEqual([MEMORY_SAVING_FLAG, SAVING_OFF]);
  });

  it('lifts the cap on heap growth for the work it wraps, through nesting and failure, and sets it again after', async () => {
    applyMemoryPolicy();
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    const flagsSoFar = () => setFlags.mock.calls.map(([flag]) => flag);
    const inner = await withUncappedGrowth(async () => {
      expect(flagsSoFar()).toEqual([UNCAPPED_GROWTH_FLAG]);
      return withUncappedGrowth(async () => 7);
    });
    expect(inner).toBe(7);
    expect(flagsSoFar()).toEqual([UNCAPPED_GROWTH_FLAG, ...MEMORY_POLICY_FLAGS]);
    setFlags.mockClear();
    await expect(
      withUncappedGrowth(async () => {
        throw new Error('open failed');
      }),
    ).rejects.toThrow('open failed');
    expect(flagsSoFar()).toEqual([UNCAPPED_GROWTH_FLAG, ...MEMORY_POLICY_FLAGS]);
  });

  it('lets the heap grow more during a build, V8 its own way inside that, and caps it again after, also when the build fails', async () => {
    applyMemoryPolicy();
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    const flagsSoFar = () => setFlags.mock.calls.map(([flag]) => flag);
    await withBuildGrowth(async () => {
      expect(flagsSoFar()).toEqual([BUILD_GROWTH_FLAG]);
      // A snapshot load or an opening meanwhile: uncapped, then back to the build's growth, not the cap.
      await withUncappedGrowth(async () => expect(flagsSoFar()).toEqual([BUILD_GROWTH_FLAG, UNCAPPED_GROWTH_FLAG]));
      expect(flagsSoFar()).toEqual([BUILD_GROWTH_FLAG, UNCAPPED_GROWTH_FLAG, BUILD_GROWTH_FLAG]);
      // A nested build period changes nothing.
      await withBuildGrowth(async () => undefined);
    });
    expect(flagsSoFar()).toEqual([BUILD_GROWTH_FLAG, UNCAPPED_GROWTH_FLAG, BUILD_GROWTH_FLAG, ...MEMORY_POLICY_FLAGS]);
    setFlags.mockClear();
    await expect(
      withBuildGrowth(async () => {
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(flagsSoFar()).toEqual([BUILD_GROWTH_FLAG, ...MEMORY_POLICY_FLAGS]);
  });

  it('switches the memory-saving mode off when the work fails', async () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    await expect(
      withMemorySaving(async () => {
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(setFlags.mock.calls).toEqual([[MEMORY_SAVING_FLAG], [SAVING_OFF]]);
    // And the next wrapped work switches it on again.
    await withMemorySaving(async () => undefined);
    expect(setFlags.mock.calls).toEqual([[MEMORY_SAVING_FLAG], [SAVING_OFF], [MEMORY_SAVING_FLAG], [SAVING_OFF]]);
  });

  it('collects this thread’s garbage at once and gives its pages back, compacting only for that collection', () => {
    // Fragmented: one object in ten kept, the rest garbage spread over every page.
    const kept: object[] = [];
    const allocate = () => {
      const garbage: object[] = [];
      for (let i = 0; i < 600_000; i++) (i % 10 === 0 ? kept : garbage).push({ n: i, text: `woord ${i}` });
      return garbage.length;
    };
    expect(allocate()).toBe(540_000);
    const before = v8.getHeapStatistics().total_heap_size;
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    expect(collectGarbage()).toBe(true);
    expect(setFlags.mock.calls.map(([flag]) => flag).filter((flag) => flag.includes('compact'))).toEqual([COMPACTING_FLAG, '--no-compact-on-every-full-gc']);
    expect(before - v8.getHeapStatistics().total_heap_size).toBeGreaterThan(20_000_000);
    expect(kept.length).toBe(60_000);
  });
});
