import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKERS } from './worker-entry';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('worker entries', () => {
  it('are each an entry of both bundle configs, under the name the core looks for', () => {
    for (const config of ['electron.vite.config.ts', 'vite.node.config.ts']) {
      const text = readFileSync(path.join(ROOT, config), 'utf8');
      for (const [name, source] of Object.entries(WORKERS)) expect(text, `${config}: ${name}`).toContain(`'${name}': resolve(root, 'electron/core/indexing/${source}')`);
    }
  });
});
