import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_BUNDLE_ENV, WORKERS } from './worker-entry';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The packages (not `node:` built-ins) a bundled module loads, following the bundle's own chunks. */
function packagesLoaded(folder: string, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(folder, file), 'utf8');
    for (const [, from] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gmu)) {
      if (from!.startsWith('./')) visit(from!.slice(2));
      else if (!from!.startsWith('node:')) packages.add(from!);
    }
    for (const [, from] of text.matchAll(/^import\s*["']([^"']+)["']/gmu)) if (from!.startsWith('./')) visit(from!.slice(2));
  };
  visit(entry);
  return packages;
}

describe('worker entries', () => {
  it('are each an entry of both bundle configs, under the name the core looks for', () => {
    for (const config of ['electron.vite.config.ts', 'vite.node.config.ts']) {
      const text = readFileSync(path.join(ROOT, config), 'utf8');
      for (const [name, source] of Object.entries(WORKERS)) expect(text, `${config}: ${name}`).toContain(`'${name}': resolve(root, 'electron/core/${source}')`);
    }
  });

  it('load what their work needs and nothing of the store or the contract: no zod, no lowdb', () => {
    // Every module a thread imports is evaluated at each start (a library opened, a full
    // build's feature worker): zod and lowdb, reached through one constant of the store,
    // were ~60-80 ms of each. The tests' worker bundle is built from the same config as the
    // CLI's and the host's (vitest-global-setup.ts).
    const folder = process.env[WORKER_BUNDLE_ENV];
    expect(folder, `${WORKER_BUNDLE_ENV} (set by vitest.config.ts)`).toBeTruthy();
    const needs: Record<keyof typeof WORKERS, string[]> = {
      // The text analysis.
      'indexing-worker': ['@orama/stemmers/dutch', '@orama/stopwords/dutch'],
      'feature-worker': ['@orama/stemmers/dutch', '@orama/stopwords/dutch'],
      // The decoders and parsers of the import's formats (the ninjs schemas come later, by a dynamic import).
      'import-worker': ['htmlparser2', 'iconv-lite', 'saxes'],
    };
    for (const name of Object.keys(WORKERS) as (keyof typeof WORKERS)[]) expect([...packagesLoaded(folder!, `${name}.js`)].sort(), name).toEqual(needs[name]);
  });
});
