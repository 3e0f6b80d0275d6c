import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { nodeBundle } from '../electron/launch.mjs';

/**
 * Builds the renderer and the host's bundle once, so parallel hosts never race to build them.
 * The renderer is always built (what the host serves, minified, from renderer/vite.config.ts);
 * the host's bundle (out/node) only when missing or older than its sources, as the host's own
 * launcher decides (in `npm test` the vitest run before has just built it).
 */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the renderer for the e2e tests failed.');
  nodeBundle('host');
}
