import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nodeBundle } from '../electron/launch.mjs';
import { indexesReady, SAMPLE_LIBRARY_ENV, startHost, stopHost } from './fixtures';

/**
 * Builds the renderer and the host's bundle once, so parallel hosts never race to build them,
 * then the sample library the tests' hosts start from.
 * The renderer is always built (what the host serves, minified, from renderer/vite.config.ts);
 * the host's bundle (out/node) only when missing or older than its sources, as the host's own
 * launcher decides (in `npm test` the vitest run before has just built it).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, '..');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the renderer for the e2e tests failed.');
  nodeBundle('host');
  // The sample library, made once by a host's first start and closed (which writes its index
  // snapshot): each test's host starts on a copy (fixtures.ts `hostLibrary`).
  const sample = await mkdtemp(path.join(os.tmpdir(), 'kroniek-e2e-sample-'));
  const { host, child } = await startHost(sample);
  await indexesReady(host);
  await stopHost(child);
  process.env[SAMPLE_LIBRARY_ENV] = sample;
  return () => rm(sample, { recursive: true, force: true });
}
