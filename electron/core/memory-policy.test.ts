import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyMemoryPolicy, MEMORY_POLICY_FLAGS } from './memory-policy';

describe('memory policy', () => {
  it('sets only flags this V8 knows (an unknown one would be ignored without a word)', () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of MEMORY_POLICY_FLAGS) {
      const name = flag.replace(/^--/, '').replace(/=.*$/, '');
      expect(known, name).toContain(`--${name} `);
    }
  });

  it('is accepted by V8 at start-up and applies once however often a library is opened', () => {
    const run = spawnSync(process.execPath, [...MEMORY_POLICY_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(() => {
      applyMemoryPolicy();
      applyMemoryPolicy();
    }).not.toThrow();
  });
});
