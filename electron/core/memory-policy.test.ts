import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyMemoryPolicy, MEMORY_POLICY_FLAGS, MEMORY_SAVING_FLAG, withMemorySaving } from './memory-policy';

describe('memory policy', () => {
  it('sets only flags this V8 knows (an unknown one would be ignored without a word)', () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of [...MEMORY_POLICY_FLAGS, MEMORY_SAVING_FLAG]) {
      const name = flag.replace(/^--/, '').replace(/=.*$/, '');
      expect(known, name).toContain(`--${name} `);
    }
  });

  it('is accepted by V8 at start-up and applies once however often a library is opened', () => {
    const run = spawnSync(process.execPath, [...MEMORY_POLICY_FLAGS, MEMORY_SAVING_FLAG, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(() => {
      applyMemoryPolicy();
      applyMemoryPolicy();
    }).not.toThrow();
  });

  it('keeps the memory-saving mode for the work it wraps, through nesting and failures', async () => {
    await expect(withMemorySaving(async () => withMemorySaving(async () => 7))).resolves.toBe(7);
    await expect(
      withMemorySaving(async () => {
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
  });
});
