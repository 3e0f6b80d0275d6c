import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FEATURE_WORKER_NICE, INDEXING_WORKER_NICE, RUNTIME_HELPERS_NICE } from './thread-priority';

// The background threads give way to the main thread (thread-priority.ts). Run in a fresh
// process: a thread's priority, once lowered, stays so, and this one runs other tests.
// That the indexing and feature workers lower themselves: worker.test.ts, feature-feed.test.ts.

const CHILD = path.join(import.meta.dirname, 'test', 'thread-priority-child.ts');
const run = promisify(execFile);

describe('thread priority', () => {
  it('ranks the main thread first, then the helpers its collections wait for, then the indexing worker, the feature worker last', () => {
    expect(0).toBeLessThan(RUNTIME_HELPERS_NICE);
    expect(RUNTIME_HELPERS_NICE).toBeLessThan(INDEXING_WORKER_NICE);
    expect(INDEXING_WORKER_NICE).toBeLessThan(FEATURE_WORKER_NICE);
  });

  it.runIf(process.platform === 'linux')('lowers every other thread of the process, never the calling one, and never raises a priority again', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD], { timeout: 30_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report.self).toEqual(expect.any(Number));
    // A Node process has V8's helper threads besides its main one.
    expect(report.others).toBeGreaterThan(0);
    expect(report.lowered).toBe(report.others);
    expect(new Set(report.othersNice as number[])).toEqual(new Set([7]));
    expect(report.selfNiceAfterHelpers).toBe(0);
    expect(report.selfLowered).toBe(3);
    expect(report.selfAskedHigher).toBe(3);
  });
});
